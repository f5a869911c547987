// An awsQuery service stand-in on 127.0.0.1 for the runtime's tests: it records each request
// (action, form, headers) and answers with whatever the test's handler returns. Signatures are
// not verified here (apps/conformance verifies them); the tests check what was signed.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  action: string;
  form: URLSearchParams;
  headers: IncomingMessage["headers"];
}

export interface Answer {
  status?: number;
  body: string;
  headers?: Record<string, string>;
}

export interface QueryServer {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

async function readAll(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startQueryServer(answer: (request: Received) => Answer): Promise<QueryServer> {
  const received: Received[] = [];
  const server = createServer(async (req, res) => {
    const form = new URLSearchParams(await readAll(req));
    const request = { action: form.get("Action") ?? "", form, headers: req.headers };
    received.push(request);
    const { status = 200, body, headers } = answer(request);
    res.writeHead(status, { "content-type": "text/xml", ...headers });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A success document: `<OpResponse><OpResult>…</OpResult><ResponseMetadata>…`. */
export function resultXml(namespace: string, action: string, result: string, requestId: string): string {
  const inner = result === "" ? "" : `<${action}Result>${result}</${action}Result>`;
  return (
    `<${action}Response xmlns="${namespace}">${inner}` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`
  );
}

/** An awsQuery error document. */
export function errorXml(namespace: string, code: string, message: string, requestId: string): string {
  return (
    `<ErrorResponse xmlns="${namespace}"><Error><Type>Sender</Type><Code>${code}</Code>` +
    `<Message>${message}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}
