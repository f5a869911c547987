import type { HttpRequest } from "@lanyard/http";
import { isNoAuth, type OperationModel, shapeOf, stsExamples, stsModel } from "../model.js";
import { WRITTEN_EXAMPLES } from "../written-examples.js";
import { verifyRequest } from "./auth.js";
import { CORS_HEADERS, PREFLIGHT_HEADERS } from "./cors.js";
import type { ErrorAnswer, Plan } from "./plan.js";
import { SCENARIOS } from "./plan.js";
import { errorXml, successXml } from "./xml.js";

/** A request as a listener received it: header names lower-case, `host` set from `:authority` on HTTP/2. */
export interface ReceivedRequest extends HttpRequest {
  headers: Record<string, string>;
  body: Uint8Array;
  protocol: "http/1.1" | "h2";
}

export type Reply =
  | { kind: "response"; status: number; headers: Record<string, string>; body: string }
  | { kind: "reset" }
  | { kind: "hang" };

/** What the emulator saw of one request, for the replay to check. */
export interface RecordedRequest {
  protocol: "http/1.1" | "h2";
  action: string | undefined;
  form: [string, string][];
  /** `verified`, `unsigned`, or the error code the request was rejected with. */
  signature: string;
  /** The answer's HTTP status, or `reset` / `hang`. */
  outcome: number | "reset" | "hang";
}

export interface HandlerOptions {
  now: () => number;
  requestId: () => string;
}

const SENDER = (status: number, code: string, message: string): ErrorAnswer => ({ status, code, message });

function readForm(request: ReceivedRequest): [string, string][] {
  const text = request.method === "GET" ? request.url.search : Buffer.from(request.body).toString("utf8");
  return [...new URLSearchParams(text)];
}

function defaultOutput(operation: string): Record<string, unknown> {
  const example = stsExamples()[operation]?.[0] ?? WRITTEN_EXAMPLES[operation]?.[0];
  return example?.output ?? {};
}

const APP_ID = /(?:^|\s)app\/(\S+)/;

function appId(headers: Record<string, string>): string | undefined {
  const agent = `${headers["x-amz-user-agent"] ?? ""} ${headers["user-agent"] ?? ""}`;
  return APP_ID.exec(agent)?.[1];
}

// STS names the member with a lower-case first letter in its validation messages.
const lowerFirst = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);

function missingMembers(op: OperationModel, form: [string, string][]): ErrorAnswer | undefined {
  const required = op.input ? (shapeOf(op.input.shape).required ?? []) : [];
  const missing = required.filter(
    (name) => !form.some(([key]) => key === name || key.startsWith(`${name}.`)),
  );
  if (missing.length === 0) return undefined;
  const detail = missing.map(
    (name) => `Value null at '${lowerFirst(name)}' failed to satisfy constraint: Member must not be null`,
  );
  return SENDER(
    400,
    "ValidationError",
    `${missing.length} validation error${missing.length > 1 ? "s" : ""} detected: ${detail.join("; ")}`,
  );
}

/** The answer to one request; keeps per-key attempt counts and records for the replay. */
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
   * Case key: `x-lanyard-case`, else the session token, else the user agent's `app/<id>`
   * (how an unsigned call is told apart), else a form value that was programmed.
   */
  #keyOf(request: ReceivedRequest, form: [string, string][]): string | undefined {
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
   * `serve` does not keep a record per session token it ever saw.
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
    const now = this.#options.now() + (plan.clockSkewMs ?? 0);
    const records = this.#recordsFor(request, key);
    const attempt = records?.length ?? 0;
    const record: RecordedRequest = {
      protocol: request.protocol,
      action: undefined,
      form,
      signature: "unsigned",
      outcome: 0,
    };
    records?.push(record);
    const reply = this.#answer(request, form, plan, attempt, now, record);
    record.outcome = reply.kind === "response" ? reply.status : reply.kind;
    return reply;
  }

  #answer(
    request: ReceivedRequest,
    form: [string, string][],
    plan: Plan,
    attempt: number,
    now: number,
    record: RecordedRequest,
  ): Reply {
    const action = form.find(([name]) => name === "Action")?.[1];
    record.action = action;
    if (action === undefined) return this.#error(SENDER(400, "MissingAction", "Missing Action"), now);
    const { operations } = stsModel();
    const op = Object.hasOwn(operations, action) ? operations[action] : undefined;
    if (!op)
      return this.#error(
        SENDER(400, "InvalidAction", `Could not find operation ${action} for version 2011-06-15`),
        now,
      );
    if (request.headers.authorization !== undefined || !isNoAuth(op)) {
      const failure = verifyRequest(request, now);
      record.signature = failure?.code ?? "verified";
      if (failure) return this.#error(failure, now);
    }
    const invalid = missingMembers(op, form);
    if (invalid) return this.#error(invalid, now);
    const fault = plan.faults?.[attempt];
    if (fault === "reset" || fault === "hang") return { kind: fault };
    if (fault === "throttle") return this.#error(SENDER(400, "Throttling", "Rate exceeded"), now);
    if (fault === "unavailable")
      return this.#error(
        {
          status: 503,
          code: "ServiceUnavailable",
          message: "Service is unavailable, please retry.",
          type: "Receiver",
        },
        now,
      );
    if (plan.error) return this.#error(plan.error, now);
    const output = plan.output ?? defaultOutput(action);
    return this.#respond(200, (id) => successXml(action, output, id), now);
  }

  #error(answer: ErrorAnswer, now: number): Reply {
    const type = answer.type ?? (answer.status >= 500 ? "Receiver" : "Sender");
    return this.#respond(answer.status, (id) => errorXml(type, answer.code, answer.message, id), now);
  }

  #respond(status: number, render: (requestId: string) => string, now: number): Reply {
    const id = this.#options.requestId();
    const headers: Record<string, string> = {
      ...CORS_HEADERS,
      "content-type": "text/xml",
      "x-amzn-requestid": id,
      // The client corrects a skewed clock from this header (SDK clock-skew handling).
      date: new Date(now).toUTCString(),
    };
    const body = render(id);
    headers["content-length"] = String(Buffer.byteLength(body));
    return { kind: "response", status, headers, body };
  }
}
