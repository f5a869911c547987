import type { HttpResponse } from "@lanyard/http";
import { parseError, parseResponse } from "@lanyard/query-protocol";
import { STSClientError } from "./errors.js";
import type { Operation } from "./model.js";
import { STSServiceError } from "./service-error.js";

/** A decoded 2xx answer. */
export interface Parsed<Output> {
  output: Output;
  httpStatusCode: number;
  requestId: string | undefined;
}

function serverDate(response: HttpResponse): Date | undefined {
  const header = response.headers.date;
  if (header === undefined) return undefined;
  const date = new Date(header);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Decodes a success body, or throws the typed error an error response stands for. */
export function parse<Output>(
  operation: Operation<unknown, Output>,
  response: HttpResponse,
  attempt: number,
): Parsed<Output> {
  const headerId = response.headers["x-amzn-requestid"];
  const model = operation.model;
  if (response.status >= 200 && response.status < 300) {
    try {
      const { output, requestId } = parseResponse(operation.name, response.body, model);
      return { output: output as Output, httpStatusCode: response.status, requestId: requestId ?? headerId };
    } catch (cause) {
      const message = `could not decode the ${operation.name} response (HTTP ${response.status})`;
      throw new STSClientError("parse", message, { cause });
    }
  }
  throw toServiceError(operation, response, attempt, headerId);
}

/** query-protocol reports a body that is no error document (a proxy's page) with the status as its code. */
function errorMessage(operation: string, status: number, parsed: { code: string; message: string }): string {
  if (parsed.code === String(status)) {
    return `${operation} failed with HTTP ${status} ${parsed.message} and no STS error document in the body`;
  }
  return parsed.message || `${operation} failed with HTTP ${status} (${parsed.code})`;
}

function toServiceError(
  operation: Operation<unknown, unknown>,
  response: HttpResponse,
  attempt: number,
  headerId: string | undefined,
): STSServiceError {
  const parsed = parseError(response.status, response.body, operation.model);
  const requestId = parsed.requestId ?? headerId;
  const ErrorClass = operation.errors[parsed.code] ?? STSServiceError;
  return new ErrorClass({
    message: errorMessage(operation.name, response.status, parsed),
    code: parsed.code,
    type: parsed.type,
    fields: parsed.fields,
    serverDate: serverDate(response),
    $metadata: { httpStatusCode: response.status, requestId, attempts: attempt, totalRetryDelay: 0 },
  });
}
