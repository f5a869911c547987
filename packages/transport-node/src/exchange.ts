import type { ClientRequest, IncomingMessage } from "node:http";
import type { RequestOptions } from "node:https";
import type { SecureContext } from "node:tls";
import {
  type BodyCollector,
  bodyCollector,
  type Deadline,
  type HttpRequest,
  type HttpResponse,
  hasBody,
  lowerCaseRawHeaders,
  parseContentLength,
  TruncatedBodyError,
} from "@lanyard/http";
import type { InFlight } from "./in-flight.js";
import { ProxyRefusalSignal } from "./proxy-refusal.js";
import { headerList } from "./request-head.js";
import type { Route } from "./route-table.js";

/** node:http's or node:https's `request`; node:https hands `secureContext` on to `tls.connect`. */
export type RequestFunction = (options: RequestOptions & { secureContext?: SecureContext }) => ClientRequest;

export interface ExchangeContext {
  origin: string;
  deadline: Deadline;
  maxBodyBytes: number;
  /**
   * The exchanges in progress, each as the function that fails it: the transport's close() calls
   * them, which also ends requests still queued for a socket (Node reports nothing for those).
   */
  pending: InFlight;
}

const NO_BODY = new Uint8Array(0);

/**
 * One request and its whole response over `route`: one promise with plain listeners rather than a
 * chain of async steps (a few µs of CPU less per call at 64 concurrent calls). Failures reject as
 * they come; the transport maps them.
 */
export function exchange(
  route: Route,
  outgoing: HttpRequest,
  context: ExchangeContext,
): Promise<HttpResponse> {
  return new Promise<HttpResponse>((resolve, reject) => {
    const req = route.request(requestOptions(route, outgoing));
    const { pending } = context;
    const fail = (error: unknown) => {
      pending.remove(entry);
      req.destroy();
      reject(error);
    };
    const entry = pending.add(fail);
    // A request still queued for a socket has none to destroy yet: Node drops it when one frees up.
    context.deadline.onAbort(() => req.destroy());
    req.on("error", fail);
    req.on("response", (res) => {
      const status = res.statusCode ?? 0;
      // A plain-HTTP request through a proxy gets the proxy's own 407 (a tunnel's is caught when connecting).
      if (status === 407 && route.proxy)
        return fail(new ProxyRefusalSignal(route.proxy, status, res.statusMessage ?? ""));
      const headers = lowerCaseRawHeaders(res.rawHeaders);
      const done = (body: Uint8Array) => {
        pending.remove(entry);
        resolve({ status, headers, body });
      };
      if (!hasBody(outgoing.method, status)) {
        res.resume();
        return done(NO_BODY);
      }
      // It has a body, so its Content-Length is this body's length (not a HEAD's or a 304's).
      readBody(res, parseContentLength(headers["content-length"]), context, done, fail);
    });
    req.end(outgoing.body);
  });
}

/**
 * node:http's request options. Node copies them into a new object on every request, so direct
 * routes pass only what varies: their agent already holds the protocol and TLS settings. The
 * proxy agents read TLS settings for the target from the request options instead, and
 * http-proxy-agent rewrites the headers through `setHeader`, so they get the headers object.
 */
function requestOptions(
  route: Route,
  outgoing: HttpRequest,
): RequestOptions & { secureContext?: SecureContext } {
  const { hostname: host, port, agent } = route;
  const { method, url } = outgoing;
  const path = url.pathname + url.search;
  if (route.proxy === undefined) return { host, port, method, path, headers: headerList(outgoing), agent };
  return {
    host,
    port,
    method,
    path,
    headers: outgoing.headers,
    agent,
    protocol: route.protocol,
    secureContext: route.secureContext,
    rejectUnauthorized: route.rejectUnauthorized,
  };
}

/**
 * Collects the body with `bodyCollector` through `data` events, which cost less than async
 * iteration (a promise per chunk). Past `maxBodyBytes` the request is destroyed, freeing its
 * socket; a connection that ends before the body does is a `TruncatedBodyError`.
 */
function readBody(
  res: IncomingMessage,
  contentLength: number | undefined,
  context: ExchangeContext,
  done: (body: Uint8Array) => void,
  fail: (error: unknown) => void,
): void {
  const { maxBodyBytes, origin } = context;
  let body: BodyCollector;
  try {
    body = bodyCollector({ maxBodyBytes, contentLength }, { origin });
  } catch (error) {
    fail(error);
    return;
  }
  const truncated = (cause?: unknown) =>
    new TruncatedBodyError(body.received, contentLength, { origin, cause });
  res.on("data", (chunk: Uint8Array) => {
    try {
      body.push(chunk);
    } catch (error) {
      fail(error);
    }
  });
  // Node reports a connection lost mid-body as ECONNRESET "aborted"; with a length announced,
  // what the caller needs to know is that the body is short.
  res.on("error", (error) => fail(contentLength === undefined ? error : truncated(error)));
  res.on("end", () => {
    if (!res.complete) return fail(truncated());
    try {
      done(body.finish());
    } catch (error) {
      fail(error);
    }
  });
}
