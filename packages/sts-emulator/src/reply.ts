import type { HttpRequest } from "@lanyard/http";
import type { ErrorAnswer } from "./answer.js";
import { CORS_HEADERS } from "./cors.js";
import { errorXml, successXml } from "./xml.js";

/** A request as a listener received it: header names lower-case, `host` set from `:authority` on HTTP/2. */
export interface ReceivedRequest extends HttpRequest {
  headers: Record<string, string>;
  body: Uint8Array;
  protocol: "http/1.1" | "h2";
}

/** What a listener does with a request: answer it, drop the connection, or never answer. */
export type Reply =
  | { kind: "response"; status: number; headers: Record<string, string>; body: string }
  | { kind: "reset" }
  | { kind: "hang" };

function respond(status: number, body: string, requestId: string, now: number): Reply {
  const headers: Record<string, string> = {
    ...CORS_HEADERS,
    "content-type": "text/xml",
    "x-amzn-requestid": requestId,
    // The client corrects a skewed clock from this header (SDK clock-skew handling).
    date: new Date(now).toUTCString(),
    "content-length": String(Buffer.byteLength(body)),
  };
  return { kind: "response", status, headers, body };
}

/** `<OpResponse><OpResult>…` with status 200. */
export function successReply(
  action: string,
  output: Record<string, unknown>,
  requestId: string,
  now: number,
): Reply {
  return respond(200, successXml(action, output, requestId), requestId, now);
}

/** The awsQuery `<ErrorResponse>`. */
export function errorReply(answer: ErrorAnswer, requestId: string, now: number): Reply {
  const type = answer.type ?? (answer.status >= 500 ? "Receiver" : "Sender");
  return respond(answer.status, errorXml(type, answer.code, answer.message, requestId), requestId, now);
}
