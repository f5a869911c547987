import type { ClientRequest, IncomingMessage } from "node:http";
import type { RequestOptions } from "node:https";
import type { SecureContext } from "node:tls";
import { type Deadline, type HttpRequest, type HttpResponse, TransportClosedError } from "@lanyard/http";
import { ProxyRefusalSignal } from "./proxy-refusal.js";
import { collectBody, hasBody, parseContentLength, responseHeaders } from "./response.js";
import type { Route } from "./route-table.js";

/** node:http's or node:https's `request`; node:https hands `secureContext` on to `tls.connect`. */
export type RequestFunction = (options: RequestOptions & { secureContext?: SecureContext }) => ClientRequest;

export interface ExchangeContext {
  origin: string;
  deadline: Deadline;
  maxBodyBytes: number;
  /** Called with a function that ends the exchange when the transport closes; returns its removal. */
  onClose(cancel: () => void): () => void;
}

/** One request and its whole response over `route`; failures reject as they come (mapped by the caller). */
export function exchange(
  route: Route,
  outgoing: HttpRequest,
  context: ExchangeContext,
): Promise<HttpResponse> {
  return new Promise<HttpResponse>((resolve, reject) => {
    const { url } = outgoing;
    const req = route.request({
      protocol: route.protocol,
      host: route.hostname,
      port: route.port,
      method: outgoing.method,
      path: url.pathname + url.search,
      headers: outgoing.headers,
      agent: route.agent,
      secureContext: route.secureContext,
      rejectUnauthorized: route.rejectUnauthorized,
    });
    const fail = (error: unknown) => {
      forget();
      reject(error);
    };
    // Queued requests included: Node reports nothing for a request destroyed before it had a socket.
    const forget = context.onClose(() => {
      req.destroy();
      fail(new TransportClosedError({ origin: context.origin }));
    });
    // A request still queued for a socket has none to destroy yet: Node drops it when one frees up.
    context.deadline.onAbort(() => req.destroy());
    req.on("error", fail);
    req.on("response", (res) => {
      readResponse(res, route, outgoing.method, context).then(
        (response) => {
          forget();
          resolve(response);
        },
        (error: unknown) => {
          res.destroy();
          fail(error);
        },
      );
    });
    req.end(outgoing.body);
  });
}

async function readResponse(
  res: IncomingMessage,
  route: Route,
  method: string,
  context: ExchangeContext,
): Promise<HttpResponse> {
  const status = res.statusCode ?? 0;
  // A plain-HTTP request through a proxy gets the proxy's own 407 (a tunnel's is caught when connecting).
  if (status === 407 && route.proxy)
    throw new ProxyRefusalSignal(route.proxy, status, res.statusMessage ?? "");
  const headers = responseHeaders(res.rawHeaders);
  if (!hasBody(method, status)) {
    res.resume();
    return { status, headers, body: new Uint8Array(0) };
  }
  const limits = {
    maxBodyBytes: context.maxBodyBytes,
    contentLength: parseContentLength(headers["content-length"]),
  };
  const body = await collectBody(res, limits, context.origin);
  return { status, headers, body };
}
