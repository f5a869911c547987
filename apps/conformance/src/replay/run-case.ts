import * as sts from "@lanyard/sts-client";
import { type RecordedRequest, type StsEmulator, TEST_CREDENTIALS } from "@lanyard/sts-emulator";
import { type ConformanceCase, MAX_ATTEMPTS } from "./cases.js";
import { differences, expectedOutput } from "./compare.js";
import { expectedForm, formDifferences } from "./expected-form.js";
import type { CellResult } from "./report.js";
import type { TransportUnderTest } from "./transports.js";

type Method = (input: Record<string, unknown>, options: { signal: AbortSignal }) => Promise<unknown>;

const lowerFirst = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);

function metadataOf(value: unknown): sts.ResponseMetadata | undefined {
  return (value as { $metadata?: sts.ResponseMetadata } | undefined)?.$metadata;
}

function checkRequests(c: ConformanceCase, seen: readonly RecordedRequest[], protocol: string): string[] {
  const problems: string[] = [];
  if (seen.length !== c.attempts)
    problems.push(`emulator saw ${seen.length} attempt(s), expected ${c.attempts}`);
  const form = expectedForm(c.operation, c.input);
  seen.forEach((request, i) => {
    const at = `attempt ${i + 1}`;
    if (request.protocol !== protocol)
      problems.push(`${at}: sent over ${request.protocol}, expected ${protocol}`);
    for (const difference of formDifferences(form, request.form)) problems.push(`${at}: form ${difference}`);
    // The first attempt of the clock-skew case is signed with the client's (now stale) clock.
    const skewed = c.plan.clockSkewMs !== undefined && i === 0;
    const want = skewed ? "RequestExpired" : (c.signature ?? (c.signed ? "verified" : "unsigned"));
    if (request.signature !== want) problems.push(`${at}: signature ${request.signature}, expected ${want}`);
  });
  return problems;
}

function checkOutcome(c: ConformanceCase, result: unknown, error: unknown): string[] {
  const problems: string[] = [];
  const metadata = metadataOf(error ?? result);
  if (metadata?.attempts !== c.attempts)
    problems.push(`$metadata.attempts ${metadata?.attempts}, expected ${c.attempts}`);
  if (!metadata?.requestId) problems.push("$metadata.requestId missing");
  if (c.expect.kind === "output") {
    if (error !== undefined)
      return [...problems, `failed with ${(error as Error).name}: ${(error as Error).message}`];
    const { $metadata: _, ...output } = result as Record<string, unknown>;
    if (metadata?.httpStatusCode !== 200)
      problems.push(`$metadata.httpStatusCode ${metadata?.httpStatusCode}, expected 200`);
    return [...problems, ...differences(expectedOutput(c.operation, c.expect.output), output)];
  }
  const { errorName, code, status } = c.expect;
  if (error === undefined) return [...problems, `succeeded, expected ${errorName}`];
  // A modeled code has its own class; an unmodeled one is an STSServiceError named by its code.
  const errorClass = (sts as unknown as Record<string, unknown>)[errorName] ?? sts.STSServiceError;
  if (typeof errorClass !== "function" || !(error instanceof errorClass))
    problems.push(`threw ${(error as Error).name}, expected an instance of ${errorName}`);
  if (!(error instanceof sts.STSServiceError)) return [...problems, "error does not extend STSServiceError"];
  const { name, code: actualCode } = error as sts.STSServiceError;
  if (name !== errorName) problems.push(`name ${name}, expected ${errorName}`);
  if (actualCode !== code) problems.push(`code ${actualCode}, expected ${code}`);
  if (metadata?.httpStatusCode !== status)
    problems.push(`$metadata.httpStatusCode ${metadata?.httpStatusCode}, expected ${status}`);
  return problems;
}

/** Replays one case over one transport and checks the request, the signature and the outcome. */
export async function runCase(
  c: ConformanceCase,
  key: string,
  target: TransportUnderTest,
  emulator: StsEmulator,
  deadlineMs: number,
): Promise<CellResult> {
  emulator.program(key, c.plan);
  const client = new sts.STSClient({
    region: "us-east-1",
    endpoint: target.endpoint,
    // The session token and app id carry the case key, so the emulator knows which plan to play.
    credentials: { ...(c.credentials ?? TEST_CREDENTIALS), sessionToken: key },
    userAgentAppId: key,
    transport: target.transport,
    maxAttempts: MAX_ATTEMPTS,
  });
  const method = (client as unknown as Record<string, Method>)[lowerFirst(c.operation)];
  let result: unknown;
  let error: unknown;
  const started = performance.now();
  try {
    if (typeof method !== "function") throw new Error(`STSClient has no method ${lowerFirst(c.operation)}.`);
    result = await method.call(client, c.input, { signal: AbortSignal.timeout(deadlineMs) });
  } catch (caught) {
    error = caught;
  }
  const latencyMs = Math.round((performance.now() - started) * 10) / 10;
  const seen = emulator.requests(key);
  const problems = [...checkRequests(c, seen, target.protocol), ...checkOutcome(c, result, error)];
  emulator.forget(key);
  return {
    case: c.id,
    transport: target.name,
    pass: problems.length === 0,
    attempts: seen.length,
    latencyMs,
    problems,
  };
}
