// An STS stand-in on 127.0.0.1 for the credential provider tests: it answers AssumeRole and
// AssumeRoleWithWebIdentity with awsQuery XML, hands out numbered temporary keys, and records
// each request with the access key id that signed it (signatures are verified in apps/conformance).
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export const SOURCE = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};
export const TEMP_SECRET_PREFIX = "tempSecret/";
export const TEMP_TOKEN_PREFIX = "tempToken/";

export interface StsCall {
  action: string;
  form: URLSearchParams;
  /** The access key id of the SigV4 `Authorization` header; undefined when unsigned. */
  signedBy: string | undefined;
  authorization: string | undefined;
  securityToken: string | undefined;
}

export interface CredentialsSts {
  url: string;
  calls: StsCall[];
  /** Expiration of the credentials issued by the next calls. */
  expiration: Date;
  /** When set, answers every call with this STS error code (HTTP 403). */
  failWith: string | undefined;
  close(): Promise<void>;
}

const NS = "https://sts.amazonaws.com/doc/2011-06-15/";

function credentialsXml(n: number, expiration: Date, roleArn: string, session: string): string {
  const role = roleArn.split("/").pop() ?? "role";
  return (
    `<Credentials><AccessKeyId>ASIATEMPORARY${String(n).padStart(4, "0")}</AccessKeyId>` +
    `<SecretAccessKey>${TEMP_SECRET_PREFIX}${n}</SecretAccessKey><SessionToken>${TEMP_TOKEN_PREFIX}${n}</SessionToken>` +
    `<Expiration>${expiration.toISOString()}</Expiration></Credentials>` +
    `<AssumedRoleUser><AssumedRoleId>AROAEXAMPLEID:${session}</AssumedRoleId>` +
    `<Arn>arn:aws:sts::123456789012:assumed-role/${role}/${session}</Arn></AssumedRoleUser>`
  );
}

function answer(sts: CredentialsSts, call: StsCall): { status: number; body: string } {
  if (sts.failWith !== undefined) {
    return {
      status: 403,
      body: `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${sts.failWith}</Code><Message>denied</Message></Error><RequestId>e-1</RequestId></ErrorResponse>`,
    };
  }
  const op = call.action;
  const inner = credentialsXml(
    sts.calls.length,
    sts.expiration,
    call.form.get("RoleArn") ?? "",
    call.form.get("RoleSessionName") ?? "",
  );
  return {
    status: 200,
    body: `<${op}Response xmlns="${NS}"><${op}Result>${inner}</${op}Result><ResponseMetadata><RequestId>r-${sts.calls.length}</RequestId></ResponseMetadata></${op}Response>`,
  };
}

async function readAll(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export async function startCredentialsSts(): Promise<CredentialsSts> {
  const server = createServer(async (req, res) => {
    const form = new URLSearchParams(await readAll(req));
    const authorization = header(req, "authorization");
    const call: StsCall = {
      action: form.get("Action") ?? "",
      form,
      signedBy: /Credential=([^/]+)\//.exec(authorization ?? "")?.[1],
      authorization,
      securityToken: header(req, "x-amz-security-token"),
    };
    sts.calls.push(call);
    const { status, body } = answer(sts, call);
    res.writeHead(status, { "content-type": "text/xml" });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const sts: CredentialsSts = {
    url: `http://127.0.0.1:${port}`,
    calls: [],
    expiration: new Date("2030-01-01T01:00:00Z"),
    failWith: undefined,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return sts;
}

export interface TempDir {
  dir: string;
  write(relative: string, text: string): Promise<string>;
  remove(): Promise<void>;
}

/** A throwaway directory (HOME, token files) so tests never touch the real ~/.aws. */
export async function tempDir(): Promise<TempDir> {
  const dir = await mkdtemp(join(tmpdir(), "lanyard-sts-credentials-"));
  return {
    dir,
    write: async (relative, text) => {
      const path = join(dir, relative);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text, { mode: 0o600 });
      return path;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
