/**
 * A small awsQuery STS stand-in on 127.0.0.1 for the end-to-end tests: it answers
 * GetCallerIdentity and AssumeRole with the service's XML, records every request with its
 * parsed SigV4 Authorization header, and answers errors on demand.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const ACCOUNT = "123456789012";
const NS = "https://sts.amazonaws.com/doc/2011-06-15/";

export interface SigV4Authorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  form: Record<string, string>;
  /** The parsed Authorization header, or undefined when the request was not SigV4-signed. */
  auth: SigV4Authorization | undefined;
}

export interface StsError {
  status: number;
  code: string;
  message: string;
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=[0-9a-f]{64}$/;

function parseAuthorization(header: string | undefined): SigV4Authorization | undefined {
  const match = AUTHORIZATION.exec(header ?? "");
  if (match === null) return undefined;
  const [, accessKeyId, date, region, service, signed] = match as unknown as string[];
  return {
    accessKeyId: accessKeyId!,
    date: date!,
    region: region!,
    service: service!,
    signedHeaders: signed!.split(";"),
  };
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function envelope(action: string, result: string, requestId: string): string {
  return `<${action}Response xmlns="${NS}">
  <${action}Result>
${result}
  </${action}Result>
  <ResponseMetadata>
    <RequestId>${requestId}</RequestId>
  </ResponseMetadata>
</${action}Response>
`;
}

function errorXml(error: StsError, requestId: string): string {
  return `<ErrorResponse xmlns="${NS}">
  <Error>
    <Type>Sender</Type>
    <Code>${escapeXml(error.code)}</Code>
    <Message>${escapeXml(error.message)}</Message>
  </Error>
  <RequestId>${requestId}</RequestId>
</ErrorResponse>
`;
}

/** An answer given in place of the stand-in's own. */
export interface RawAnswer {
  status: number;
  contentType: string;
  body: string;
}

export class StsStandIn {
  readonly requests: RecordedRequest[] = [];
  /** Answers for an action instead of success, e.g. `errors.AssumeRole = { status: 403, … }`. */
  readonly errors: Partial<Record<string, StsError>> = {};
  /**
   * Answers every request in place of the stand-in, from the request's body: something that is
   * not STS (a captive portal's page, a service echoing the request). Requests are still recorded.
   */
  answerAll: ((requestBody: string) => RawAnswer) | undefined;
  /** Lifetime of issued role credentials when the request names no DurationSeconds. */
  defaultDurationSeconds = 3600;
  #issued = 0;
  #server = createServer((request, response) => this.#handle(request, response));

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.#server.listen(0, "127.0.0.1", resolve));
    return this.url;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  /** Forgets the requests and drops injected errors and answers, for the next test. */
  reset(): void {
    this.requests.length = 0;
    for (const action of Object.keys(this.errors)) delete this.errors[action];
    this.answerAll = undefined;
  }

  /** Requests of one action, in order. */
  calls(action: string): RecordedRequest[] {
    return this.requests.filter((request) => request.form.Action === action);
  }

  #handle(request: IncomingMessage, response: ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const form = Object.fromEntries(new URLSearchParams(text));
      const auth = parseAuthorization(request.headers.authorization);
      this.requests.push({
        method: request.method ?? "",
        path: request.url ?? "",
        headers: request.headers,
        form,
        auth,
      });
      const requestId = `req-${this.requests.length}`;
      if (this.answerAll !== undefined) {
        const { status, contentType, body } = this.answerAll(text);
        response.writeHead(status, { "content-type": contentType });
        response.end(body);
        return;
      }
      const [status, body] = this.#answer(form, auth, requestId);
      response.writeHead(status, { "content-type": "text/xml", "x-amzn-requestid": requestId });
      response.end(body);
    });
  }

  #answer(
    form: Record<string, string>,
    auth: SigV4Authorization | undefined,
    requestId: string,
  ): [number, string] {
    const action = form.Action ?? "";
    if (auth === undefined) {
      const missing = {
        status: 403,
        code: "MissingAuthenticationToken",
        message: "Request is missing Authentication Token",
      };
      return [403, errorXml(missing, requestId)];
    }
    const injected = this.errors[action];
    if (injected !== undefined) return [injected.status, errorXml(injected, requestId)];
    if (action === "GetCallerIdentity") return [200, envelope(action, this.#identity(auth), requestId)];
    if (action === "AssumeRole") return [200, envelope(action, this.#assumeRole(form), requestId)];
    return [
      400,
      errorXml({ status: 400, code: "InvalidAction", message: `unknown action ${action}` }, requestId),
    ];
  }

  #identity(auth: SigV4Authorization): string {
    const role = auth.accessKeyId.startsWith("ASIA");
    const arn = role
      ? `arn:aws:sts::${ACCOUNT}:assumed-role/demo/session`
      : `arn:aws:iam::${ACCOUNT}:user/alice`;
    return `    <Arn>${arn}</Arn>
    <UserId>${role ? "AROAEXAMPLE:session" : "AIDAEXAMPLEUSERID"}</UserId>
    <Account>${ACCOUNT}</Account>`;
  }

  #assumeRole(form: Record<string, string>): string {
    const n = ++this.#issued;
    const seconds = Number(form.DurationSeconds ?? this.defaultDurationSeconds);
    const expiration = new Date(Math.floor(Date.now() / 1000) * 1000 + seconds * 1000)
      .toISOString()
      .replace(".000Z", "Z");
    const roleName = (form.RoleArn ?? "").split("/").at(-1) ?? "role";
    const session = form.RoleSessionName ?? "";
    return `    <Credentials>
      <AccessKeyId>ASIAROLE${String(n).padStart(12, "0")}</AccessKeyId>
      <SecretAccessKey>roleSecret/${n}/wJalrXUtnFEMIK7MDENGbPxRfiCY</SecretAccessKey>
      <SessionToken>roleSessionToken${n}FwoGZXIvYXdzEBYaDEXAMPLE</SessionToken>
      <Expiration>${expiration}</Expiration>
    </Credentials>
    <AssumedRoleUser>
      <AssumedRoleId>AROAEXAMPLE:${escapeXml(session)}</AssumedRoleId>
      <Arn>arn:aws:sts::${ACCOUNT}:assumed-role/${escapeXml(roleName)}/${escapeXml(session)}</Arn>
    </AssumedRoleUser>
    <PackedPolicySize>6</PackedPolicySize>`;
  }
}
