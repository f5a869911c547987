/**
 * A loopback STS stand-in for the end-to-end and heap suites, run as a forked child so its work
 * does not share an event loop with the clients under test. It answers every POST with the
 * documented response of the form's Action (no signature check: the cost measured is the client's).
 * Plain HTTP/1.1 and h2c listen on ephemeral ports of 127.0.0.1; the ports go to the parent over IPC.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import {
  createServer as createH2cServer,
  type Http2ServerRequest,
  type Http2ServerResponse,
} from "node:http2";
import type { AddressInfo } from "node:net";
import { ASSUME_ROLE_RESPONSE_XML, GET_CALLER_IDENTITY_RESPONSE_XML } from "./fixtures.js";

export interface StubPorts {
  http1: number;
  h2c: number;
}

const ANSWERS: Record<string, Buffer> = {
  AssumeRole: Buffer.from(ASSUME_ROLE_RESPONSE_XML),
  GetCallerIdentity: Buffer.from(GET_CALLER_IDENTITY_RESPONSE_XML),
};

function answer(
  request: IncomingMessage | Http2ServerRequest,
  response: ServerResponse | Http2ServerResponse,
): void {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const action = /(?:^|&)Action=([A-Za-z]+)/.exec(Buffer.concat(chunks).toString("latin1"))?.[1] ?? "";
    const body = ANSWERS[action] ?? ANSWERS.GetCallerIdentity!;
    response.writeHead(200, {
      "content-type": "text/xml",
      "content-length": String(body.byteLength),
      "x-amzn-requestid": "01234567-89ab-cdef-0123-456789abcdef",
      date: new Date().toUTCString(),
    });
    response.end(body);
  });
}

function listen(
  server: ReturnType<typeof createServer> | ReturnType<typeof createH2cServer>,
): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });
}

async function main(): Promise<void> {
  const http1 = createServer({ keepAliveTimeout: 60_000 }, answer);
  http1.maxRequestsPerSocket = 0;
  const h2c = createH2cServer({ settings: { maxConcurrentStreams: 1000 } }, answer);
  const ports: StubPorts = { http1: await listen(http1), h2c: await listen(h2c) };
  // The parent going away (normally or not) ends the server: it never outlives a run.
  process.on("disconnect", () => process.exit(0));
  process.send?.(ports);
}

if (process.send) void main();
