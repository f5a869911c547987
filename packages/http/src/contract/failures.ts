import { inspect } from "node:util";
import type { HttpRequest, Transport } from "../types.js";

/**
 * Everything a log or a crash report could print about an error: `util.inspect` at any depth,
 * hidden properties and the cause chain included. A secret must appear nowhere in it.
 */
export function printedForm(error: unknown): string {
  return inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true });
}

/** The error one request fails with; throws if it succeeds. The transport is closed afterwards. */
export async function sendFailure(transport: Transport, request: HttpRequest): Promise<Error> {
  try {
    await transport.send(request);
  } catch (error) {
    return error as Error;
  } finally {
    await transport.close();
  }
  throw new Error("the request succeeded");
}
