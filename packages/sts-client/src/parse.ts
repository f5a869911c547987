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

/** Decodes a success body, or throws the typed error an error response stands for. */
export function parse<Output>(
  operation: Operation<unknown, Output>,
  response: HttpResponse,
  attempt: number,
): Parsed<Output> {
  const { status, body, headers } = response;
  const failed = `${operation.name} failed with HTTP ${status}`;
  if (status >= 200 && status < 300) {
    try {
      const { output, requestId } = parseResponse(operation.name, body, operation.model);
      return {
        output: output as Output,
        httpStatusCode: status,
        requestId: requestId ?? headers["x-amzn-requestid"],
      };
    } catch (cause) {
      throw new STSClientError("parse", `could not decode the ${operation.name} response (HTTP ${status})`, {
        cause,
      });
    }
  }
  const { code, message, type, fields, requestId } = parseError(status, body, operation.model);
  // query-protocol reports a body that is no error document (a proxy's page) with the status as its code.
  const text =
    code === String(status)
      ? `${failed} ${message} and no STS error document in the body`
      : message || `${failed} (${code})`;
  // The Date header lets the retry loop correct clock skew.
  const serverDate = new Date(headers.date ?? "");
  const ErrorClass = operation.errors[code] ?? STSServiceError;
  throw new ErrorClass({
    message: text,
    code,
    type,
    fields,
    serverDate: Number.isNaN(serverDate.getTime()) ? undefined : serverDate,
    $metadata: {
      httpStatusCode: status,
      requestId: requestId ?? headers["x-amzn-requestid"],
      attempts: attempt,
      totalRetryDelay: 0,
    },
  });
}
