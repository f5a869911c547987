import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { inspect } from "node:util";
import { afterEach, expect } from "vitest";
import { CredentialsError } from "../src/index.js";

export const AKID = "AKIDEXAMPLE";
export const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
export const TOKEN = "FwoGZXIvYXdzEXAMPLETOKEN";

export interface TempHome {
  dir: string;
  write(relative: string, text: string): Promise<string>;
  remove(): Promise<void>;
}

/** A throwaway HOME so tests never read or write the real ~/.aws. */
export async function tempHome(files: Record<string, string> = {}): Promise<TempHome> {
  const dir = await mkdtemp(join(tmpdir(), "lanyard-credentials-"));
  const write = async (relative: string, text: string): Promise<string> => {
    const path = join(dir, relative);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text, { mode: 0o700 });
    return path;
  };
  for (const [path, text] of Object.entries(files)) await write(path, text);
  return { dir, write, remove: () => rm(dir, { recursive: true, force: true }) };
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

export interface Loopback {
  url: string;
  requests: { method: string; url: string; headers: IncomingMessage["headers"] }[];
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 standing in for the ECS or IMDS endpoint. */
export async function loopback(handler: Handler): Promise<Loopback> {
  const requests: Loopback["requests"] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString("utf8");
    });
    req.on("end", () => {
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(typeof value === "string" ? value : JSON.stringify(value));
}

export const FUTURE = "2999-01-01T00:00:00Z";

/** Every way an error reaches a log: message, stack, String(), util.inspect, JSON, and each cause. */
export function errorRenderings(error: unknown): string[] {
  const texts: string[] = [];
  const seen = new Set<unknown>();
  for (let e: unknown = error; e !== undefined && e !== null && !seen.has(e); ) {
    seen.add(e);
    texts.push(String(e), inspect(e, { depth: 10 }), inspect(e, { depth: 10, showHidden: true }));
    texts.push(JSON.stringify(e) ?? "");
    if (e instanceof Error) texts.push(e.message, e.stack ?? "");
    e = (e as { cause?: unknown }).cause;
  }
  return texts;
}

/** Fails naming the rendering that contains one of `secrets`. */
export function expectNoLeak(error: unknown, secrets: readonly string[]): void {
  for (const text of errorRenderings(error)) {
    for (const secret of secrets) {
      if (text.includes(secret)) throw new Error(`secret ${secret} leaked in:\n${text}`);
    }
  }
}

/** A Version 1 `credential_process` document with a token and a far expiration. */
export const PROCESS_V1 = {
  Version: 1,
  AccessKeyId: AKID,
  SecretAccessKey: SECRET,
  SessionToken: TOKEN,
  Expiration: FUTURE,
};

/** The error `promise` rejects with; fails the test unless it is a `CredentialsError`. */
export async function rejection(promise: Promise<unknown>): Promise<CredentialsError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CredentialsError);
  return error as CredentialsError;
}

/** Resolves to the rejection's error (or undefined), for asserting on a failure's fields. */
export function failure(promise: Promise<unknown>): Promise<Error | undefined> {
  return promise.then(
    () => undefined,
    (error: Error) => error,
  );
}

/** A HOME and a loopback server a test may set up; both are removed after each test. */
export interface Scratch {
  home?: TempHome | undefined;
  server?: Loopback | undefined;
}

/** Registers the `afterEach` that cleans a `Scratch` up and returns it. */
export function useScratch(): Scratch {
  const scratch: Scratch = {};
  afterEach(async () => {
    await scratch.server?.close();
    scratch.server = undefined;
    await scratch.home?.remove();
    scratch.home = undefined;
  });
  return scratch;
}

/** A minimal IMDSv2 on loopback: a token, one role, and its credentials under `accessKeyId`. */
export function imdsHandler(accessKeyId: string): Handler {
  return (req, res) => {
    if (req.method === "PUT") return json(res, 200, "token");
    if (req.url?.endsWith("/security-credentials/")) return json(res, 200, "role");
    return json(res, 200, {
      Code: "Success",
      AccessKeyId: accessKeyId,
      SecretAccessKey: SECRET,
      Expiration: FUTURE,
    });
  };
}
