import { PREFLIGHT_HEADERS } from "./cors.js";
import type { CredentialStore } from "./identity/store.js";
import { type FormPairs, readForm } from "./input/form.js";
import { type Answer, type AnswerMode, answerRequest, type Trace } from "./pipeline.js";
import { type Plan, SCENARIOS } from "./plan.js";
import { errorReply, type ReceivedRequest, type Reply, successReply } from "./reply.js";

/** What the emulator saw of one request of a programmed key, for a test to check. */
export interface RecordedRequest extends Trace {
  protocol: "http/1.1" | "h2";
  /** The awsQuery parameters, in the order received. */
  form: FormPairs;
  /** The answer's HTTP status, or `reset` / `hang`. */
  outcome: number | "reset" | "hang";
}

export interface HandlerOptions {
  now: () => number;
  requestId: () => string;
  region: string;
  answers: AnswerMode;
  store: CredentialStore;
}

const APP_ID = /(?:^|\s)app\/(\S+)/;

function appId(headers: Record<string, string>): string | undefined {
  const agent = `${headers["x-amz-user-agent"] ?? ""} ${headers["user-agent"] ?? ""}`;
  return APP_ID.exec(agent)?.[1];
}

/** Answers requests; keeps the programmed plans and, per programmed key, what it received. */
export class StsHandler {
  readonly #plans = new Map<string, Plan>();
  readonly #records = new Map<string, RecordedRequest[]>();
  readonly #options: HandlerOptions;

  constructor(options: HandlerOptions) {
    this.#options = options;
  }

  program(key: string, plan: Plan): void {
    this.#plans.set(key, plan);
    this.#records.set(key, []);
  }

  forget(key: string): void {
    this.#plans.delete(key);
    this.#records.delete(key);
  }

  records(key: string): RecordedRequest[] {
    return this.#records.get(key) ?? [];
  }

  /**
   * Key of a request: `x-lanyard-case`, else the session token, else the user agent's `app/<id>`
   * (how an unsigned call is told apart), else a form value that was programmed.
   */
  #keyOf(request: ReceivedRequest, form: FormPairs): string | undefined {
    const { headers } = request;
    const explicit = headers["x-lanyard-case"] ?? headers["x-amz-security-token"] ?? appId(headers);
    if (explicit !== undefined) return explicit;
    return form.find(([, value]) => this.#plans.has(value))?.[1];
  }

  #planOf(request: ReceivedRequest, key: string | undefined): Plan {
    const scenario = request.headers["x-lanyard-scenario"];
    const named =
      scenario !== undefined && Object.hasOwn(SCENARIOS, scenario) ? SCENARIOS[scenario] : undefined;
    return (key === undefined ? undefined : this.#plans.get(key)) ?? named ?? {};
  }

  /**
   * Attempts are counted for programmed keys and `x-lanyard-case` keys only, so a long-running
   * server does not keep a record per session token it ever saw.
   */
  #recordsFor(request: ReceivedRequest, key: string | undefined): RecordedRequest[] | undefined {
    if (key === undefined) return undefined;
    let records = this.#records.get(key);
    if (records === undefined && request.headers["x-lanyard-case"] === key) {
      records = [];
      this.#records.set(key, records);
    }
    return records;
  }

  handle(request: ReceivedRequest): Reply {
    if (request.method === "OPTIONS")
      return { kind: "response", status: 204, headers: { ...PREFLIGHT_HEADERS }, body: "" };
    const form = readForm(request);
    const key = this.#keyOf(request, form);
    const plan = this.#planOf(request, key);
    const records = this.#recordsFor(request, key);
    const { region, answers, store } = this.#options;
    const now = this.#options.now() + (plan.clockSkewMs ?? 0);
    const record: RecordedRequest = {
      protocol: request.protocol,
      action: undefined,
      form,
      signature: "unsigned",
      outcome: 0,
    };
    const step = { form, plan, attempt: records?.length ?? 0, now, region, answers, store };
    records?.push(record);
    const reply = this.#reply(answerRequest(request, step, record), now);
    record.outcome = reply.kind === "response" ? reply.status : reply.kind;
    return reply;
  }

  #reply(answer: Answer, now: number): Reply {
    if (answer.kind === "reset" || answer.kind === "hang") return answer;
    const requestId = this.#options.requestId();
    if (answer.kind === "error") return errorReply(answer.error, requestId, now);
    return successReply(answer.action, answer.output, requestId, now);
  }
}
