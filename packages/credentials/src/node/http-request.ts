import type { ClientRequest } from "node:http";
import { CredentialsError } from "../errors.js";
import { errnoCode } from "./errno.js";

export interface SimpleRequest {
  method: "GET" | "PUT" | "POST";
  url: URL;
  headers?: Record<string, string>;
  body?: string;
  /** Applies to connecting and, separately, to waiting for the whole response. */
  timeoutMs: number;
  /** Responses larger than this are refused (credential documents are a few KB). */
  maxBodyBytes?: number;
}

export interface SimpleResponse {
  status: number;
  body: string;
}

export type HttpFailureReason = "timeout" | "network" | "too-large" | "invalid-request";

/** Why a request failed: `timeout` and `network` let IMDS decide whether to fall back to v1. */
export class HttpFailure extends CredentialsError {
  readonly reason: HttpFailureReason;
  constructor(reason: HttpFailureReason, message: string, cause?: unknown) {
    super("http-failed", message, { tryNext: true, cause });
    this.reason = reason;
  }
}

/**
 * Why a request got no answer, for an error message: from the error's class and code only, never
 * its text, which may quote a URL, a header or what the server sent.
 */
export function failureReason(error: unknown): string {
  if (error instanceof HttpFailure) return error.reason === "timeout" ? "timed out" : error.reason;
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  const parts = [name, code].filter((part) => typeof part === "string" && /^[\w-]{1,40}$/.test(part));
  return parts.length > 0 ? parts.join(" ") : "failed";
}

const DEFAULT_MAX_BODY = 64 * 1024;

/**
 * One small HTTP exchange for the metadata endpoints. Both timeouts are short
 * because these endpoints answer locally in milliseconds or not at all, and the
 * SDKs default to 1 s so a machine without IMDS does not stall start-up.
 */
export function simpleRequest(req: SimpleRequest): Promise<SimpleResponse> {
  // Node built-ins load through process.getBuiltinModule, not `import` (CONTRIBUTING.md, "Node
  // built-ins"), and here only on a first request: node:https brings node:tls, which a chain that
  // stops at the environment's credentials, or IMDS over plain HTTP, never needs.
  const send =
    req.url.protocol === "https:"
      ? process.getBuiltinModule("node:https").request
      : process.getBuiltinModule("node:http").request;
  const maxBody = req.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const where = req.url.origin;
  return new Promise((resolve, reject) => {
    let outgoing: ClientRequest;
    try {
      outgoing = send(req.url, { method: req.method, headers: req.headers ?? {} });
    } catch (error) {
      // Node refuses to build some requests (a header value with a control character, an
      // unsupported protocol) by throwing at once. Its message may quote what was refused.
      reject(
        new HttpFailure(
          "invalid-request",
          `request to ${where} could not be sent (${errnoCode(error, "refused by Node")})`,
        ),
      );
      return;
    }
    const timer = setTimeout(() => {
      fail(new HttpFailure("timeout", `no response from ${where} within ${req.timeoutMs} ms`));
    }, req.timeoutMs);
    const fail = (error: Error): void => {
      clearTimeout(timer);
      outgoing.destroy();
      reject(error);
    };
    outgoing.on("response", (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBody)
          fail(new HttpFailure("too-large", `response from ${where} exceeds ${maxBody} bytes`));
        else chunks.push(chunk);
      });
      res.on("end", () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") });
      });
      res.on("error", (error) => fail(new HttpFailure("network", `reading from ${where} failed`, error)));
    });
    outgoing.on("error", (error) => {
      fail(new HttpFailure("network", `request to ${where} failed: ${error.message}`, error));
    });
    outgoing.end(req.body);
  });
}
