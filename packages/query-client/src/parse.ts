import type { HttpResponse } from "@lanyard/http";
/** query-protocol's request serializer and response and error parsers, which the platform loads (see `#platform`). */
export type QueryProtocol = Pick<
  typeof import("@lanyard/query-protocol"),
  "FORM_CONTENT_TYPE" | "serialize" | "parseError" | "parseResponse"
>;

/** The part of {@link QueryProtocol} that reads answers. */
export type ResponseParser = Pick<QueryProtocol, "parseError" | "parseResponse">;

import { scrubErrorInit } from "./call-secrets.js";
import { ClientError } from "./errors.js";
import type { Operation, ServiceDefinition } from "./model.js";

/** A decoded 2xx answer. */
export interface Parsed<Output> {
  output: Output;
  httpStatusCode: number;
  requestId: string | undefined;
}

/**
 * A custom transport's answer, checked before it is read: one that resolves with something other
 * than an `HttpResponse` would otherwise fail as a TypeError, or (a string status) pass for success.
 */
function checkResponse(response: unknown): asserts response is HttpResponse {
  const { status, headers } = (response ?? {}) as Partial<HttpResponse>;
  if (Number.isInteger(status) && typeof headers === "object" && headers !== null) return;
  throw new ClientError(
    "config",
    "the transport's send resolved with no HTTP response: expected { status (an integer), headers, body }",
  );
}

/** Decodes a success body, or throws the typed error an error response stands for. */
export function parse<Output>(
  { parseError, parseResponse }: ResponseParser,
  service: ServiceDefinition,
  operation: Operation<unknown, Output>,
  response: HttpResponse,
  attempt: number,
  secrets: () => readonly string[] = () => [],
): Parsed<Output> {
  checkResponse(response);
  const { status, body, headers } = response;
  if (status >= 200 && status < 300) {
    try {
      const { output, requestId } = parseResponse(operation.name, body, operation.model);
      return {
        output: output as Output,
        httpStatusCode: status,
        requestId: requestId ?? headers["x-amzn-requestid"],
      };
    } catch (cause) {
      throw new ClientError("parse", `could not decode the ${operation.name} response (HTTP ${status})`, {
        cause,
      });
    }
  }
  const { code, message, type, fields, requestId } = parseError(status, body, operation.model);
  const failed = `${operation.name} failed with HTTP ${status}`;
  // query-protocol reports a body that is no error document (a proxy's page) with the status as its code.
  const text =
    code === String(status)
      ? `${failed} ${message} and no ${service.id} error document in the body`
      : message || `${failed} (${code})`;
  // The Date header lets the retry loop correct clock skew.
  const serverDate = new Date(headers.date ?? "");
  const ErrorClass = operation.errors[code] ?? service.ServiceError;
  // The service may quote what it was sent (SignatureDoesNotMatch's canonical request holds the
  // session token): the call's own secrets are taken out before anything reaches a message.
  const init = scrubErrorInit(
    {
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
    },
    secrets(),
  );
  const error = new ErrorClass(init);
  // An unmodeled code is still the service's class, but named by its code as in the SDKs, so
  // `error.name === "AccessDenied"` checks keep working.
  if (ErrorClass === service.ServiceError && code !== "") error.name = init.code ?? code;
  throw error;
}
