import { ClientError } from "./errors.js";
import type { ResponseMetadata, WithMetadata } from "./metadata.js";
import type { Operation } from "./model.js";

/** An output object, an error to throw, or a function of the input returning either. */
export type StubResponse = object | Error | ((input: never) => unknown);

/** Stubs keyed by method name (`assumeRole`, `getCallerIdentity`, …). */
export type StubResponses = Record<string, StubResponse>;

const STUB_METADATA: ResponseMetadata = {
  httpStatusCode: 200,
  requestId: "00000000-0000-0000-0000-000000000000",
  attempts: 1,
  totalRetryDelay: 0,
};

/** Answers a validated call from `stubResponses` instead of the network. */
export async function answerFromStub<Output>(
  operation: Operation<unknown, Output>,
  input: unknown,
  stubs: StubResponses,
): Promise<WithMetadata<Output>> {
  const key = operation.name.charAt(0).toLowerCase() + operation.name.slice(1);
  const stub = stubs[key];
  if (stub === undefined) {
    throw new ClientError("config", `stubResponses has no entry for ${key}; add one or remove stubResponses`);
  }
  const value = typeof stub === "function" ? await (stub as (input: unknown) => unknown)(input) : stub;
  if (typeof value !== "object" || value === null) {
    // Spreading a string or null would answer a silently wrong output.
    throw new ClientError("config", `stubResponses.${key} must return an output object or an Error`);
  }
  if (value instanceof Error) {
    const failure = value as Error & { $metadata?: ResponseMetadata };
    failure.$metadata = { ...STUB_METADATA, httpStatusCode: failure.$metadata?.httpStatusCode ?? 400 };
    throw failure;
  }
  return { ...(value as Output), $metadata: { ...STUB_METADATA } };
}
