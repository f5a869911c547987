import * as http2 from "node:http2";
import type { HttpRequest } from "@lanyard/http";
import { presign, sign } from "@lanyard/sigv4";

/** Keys as a client holds them: long-term, or temporary with their session token. */
export interface Keys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

export const FORM_TYPE = "application/x-www-form-urlencoded; charset=utf-8";

/** An unsigned awsQuery POST of `form` to `endpoint`. */
export function post(endpoint: string, form: string, headers: Record<string, string> = {}): HttpRequest {
  const url = new URL(endpoint);
  return {
    method: "POST",
    url,
    headers: { "content-type": FORM_TYPE, host: url.host, ...headers },
    body: form,
  };
}

/** The same, SigV4-signed for STS in `region` at `date`. */
export function signedPost(
  endpoint: string,
  form: string,
  keys: Keys,
  options: { date: Date; region?: string; headers?: Record<string, string> },
): HttpRequest {
  return sign(post(endpoint, form, options.headers), {
    credentials: keys,
    region: options.region ?? "us-east-1",
    service: "sts",
    date: options.date,
  });
}

/** A presigned GET URL for `form` (e.g. GetCallerIdentity), with extra signed `headers`. */
export function presigned(
  endpoint: string,
  form: string,
  keys: Keys,
  options: { date: Date; expiresIn: number; headers?: Record<string, string>; unsignedPayload?: boolean },
): URL {
  const url = new URL(`${endpoint}?${form}`);
  return presign(
    { method: "GET", url, headers: { host: url.host, ...options.headers } },
    {
      credentials: keys,
      region: "us-east-1",
      service: "sts",
      date: options.date,
      expiresIn: options.expiresIn,
      unsignedPayload: options.unsignedPayload,
    },
  );
}

/** Sends a request over HTTP/1.1 with fetch (which sets `host` itself). */
export async function send(request: HttpRequest, extra: Record<string, string> = {}): Promise<Answer> {
  const { host: _, ...headers } = request.headers;
  const res = await fetch(request.url, {
    method: request.method,
    headers: { ...headers, ...extra },
    body: request.body as string | undefined,
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** Sends a request over HTTP/2 (TLS trusting `ca`, or h2c for an http: URL). */
export function sendH2(request: HttpRequest, ca?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const session = http2.connect(request.url.origin, request.url.protocol === "https:" ? { ca } : {});
    session.on("error", reject);
    const { host: _, ...headers } = request.headers;
    const path = request.url.pathname + request.url.search;
    const stream = session.request({ ":method": request.method, ":path": path, ...headers });
    let status = 0;
    let text = "";
    stream.on("response", (h) => {
      status = Number(h[":status"]);
    });
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      text += chunk;
    });
    stream.on("end", () => {
      session.close();
      resolve({ status, text });
    });
    stream.end(request.body);
  });
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** The text of the first `<name>` element of an XML answer, entities decoded. */
export function xmlText(xml: string, name: string): string | undefined {
  const raw = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
  return raw?.replace(/&(amp|lt|gt|quot|apos);/g, (_, entity: string) => ENTITIES[entity]!);
}

/** The `<Credentials>` of an answer, as keys a client would sign with. */
export function issuedKeys(xml: string): Keys & { expiration: string } {
  return {
    accessKeyId: xmlText(xml, "AccessKeyId")!,
    secretAccessKey: xmlText(xml, "SecretAccessKey")!,
    sessionToken: xmlText(xml, "SessionToken")!,
    expiration: xmlText(xml, "Expiration")!,
  };
}

export const CALLER = "Action=GetCallerIdentity&Version=2011-06-15";

export function form(action: string, params: Record<string, string> = {}): string {
  return new URLSearchParams({ Action: action, Version: "2011-06-15", ...params }).toString();
}
