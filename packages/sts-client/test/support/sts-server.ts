// A small STS stand-in on 127.0.0.1 that answers with awsQuery XML. It does not verify
// signatures (apps/conformance does); it records what it received so tests can check it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
  form: URLSearchParams;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Milliseconds to wait before answering. */
  delayMs?: number;
  /** Drop the connection instead of answering. */
  destroy?: boolean;
}

export type Handler = (request: ReceivedRequest, index: number) => Reply | Promise<Reply>;

export interface StsServer {
  url: string;
  requests: ReceivedRequest[];
  setHandler(handler: Handler): void;
  close(): Promise<void>;
}

async function readAll(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startStsServer(handler: Handler = () => ({ status: 500 })): Promise<StsServer> {
  let current = handler;
  const requests: ReceivedRequest[] = [];
  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readAll(req);
    const received = {
      method: req.method ?? "",
      url: req.url ?? "",
      headers: req.headers,
      body,
      form: new URLSearchParams(body),
    };
    requests.push(received);
    const reply = await current(received, requests.length - 1);
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    if (res.destroyed) return;
    if (reply.destroy) {
      req.socket.destroy();
      return;
    }
    res.writeHead(reply.status ?? 200, { "content-type": "text/xml", ...reply.headers });
    res.end(reply.body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setHandler: (next) => {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const NS = "https://sts.amazonaws.com/doc/2011-06-15/";

export function successXml(operation: string, resultXml: string, requestId = "req-1"): string {
  return (
    `<${operation}Response xmlns="${NS}"><${operation}Result>${resultXml}</${operation}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`
  );
}

export function errorXml(code: string, message: string, requestId = "err-1", type = "Sender"): string {
  return (
    `<ErrorResponse xmlns="${NS}"><Error><Type>${type}</Type><Code>${code}</Code>` +
    `<Message>${escapeXml(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
