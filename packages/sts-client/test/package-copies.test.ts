// On Node the client runs from its self-contained build, which holds its own copy of the runtime
// packages. An application that also imports `@lanyard/http`, `@lanyard/query-client` or
// `@lanyard/credentials` holds a second copy, and `instanceof` must not care which copy made an
// error, in either direction. These run in a child Node process, where the `node` condition
// picks the self-contained build as it does for users.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorXml, type StsServer, startStsServer } from "./support/sts-server.js";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const built = existsSync(fileURLToPath(new URL("../dist/node/index.js", import.meta.url)));
let server: StsServer;

beforeAll(async () => {
  server = await startStsServer((request) =>
    request.url.startsWith("/throttled")
      ? { status: 400, body: errorXml("Throttling", "Rate exceeded") }
      : { status: 403, body: errorXml("ExpiredTokenException", "The token expired") },
  );
});

afterAll(async () => {
  await server.close();
});

/** Runs an ES module in a fresh Node and returns what it printed as JSON. */
async function run(code: string, env: NodeJS.ProcessEnv = {}): Promise<unknown> {
  const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", code], {
    cwd: packageDir,
    env: {
      PATH: process.env.PATH,
      AWS_CONFIG_FILE: "/nonexistent/config",
      AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/credentials",
      AWS_EC2_METADATA_DISABLED: "true",
      STUB_URL: server.url,
      ...env,
    },
  });
  return JSON.parse(stdout);
}

const CLIENT = `const { STSClient, ValidationError: STSValidationError } = await import("@lanyard/sts-client");
const http = await import("@lanyard/http");
const runtime = await import("@lanyard/query-client");
const credentials = await import("@lanyard/credentials");
const caught = (promise) => promise.then(() => { throw new Error("the call succeeded"); }, (error) => error);
const key = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };`;

describe.skipIf(!built)("errors across the self-contained build and the installed packages", () => {
  it("are instances of the installed packages' classes", async () => {
    const result = await run(`${CLIENT}
      const sts = new STSClient({ region: "us-east-1", endpoint: process.env.STUB_URL, credentials: key, maxAttempts: 1 });
      const invalid = await caught(sts.assumeRole({ RoleArn: "arn:aws:iam::123456789012:role/x" }));
      const service = await caught(sts.getCallerIdentity());
      const refused = await caught(new STSClient({ region: "us-east-1", endpoint: "http://127.0.0.1:1", credentials: key, maxAttempts: 1 }).getCallerIdentity());
      const missing = await caught(new STSClient({ region: "us-east-1", endpoint: process.env.STUB_URL }).getCallerIdentity());
      console.log(JSON.stringify({
        validation: [invalid instanceof runtime.ValidationError, invalid instanceof runtime.ClientError],
        service: [service instanceof runtime.ServiceError, service.name],
        transport: [refused instanceof http.TransportError, refused instanceof http.ConnectionRefusedError, refused instanceof http.TimeoutError, refused.code],
        credentials: [missing instanceof credentials.CredentialsError, missing instanceof credentials.NoCredentialsError],
        unrelated: [invalid instanceof http.TransportError, refused instanceof credentials.CredentialsError, service instanceof runtime.ClientError],
        // Without the classes' brands these would be what instanceof answers: two copies.
        nativeInstanceof: [runtime.ValidationError, runtime.ServiceError, http.TransportError, credentials.CredentialsError]
          .map((klass, i) => Function.prototype[Symbol.hasInstance].call(klass, [invalid, service, refused, missing][i])),
      }));`);
    expect(result).toEqual({
      validation: [true, true],
      service: [true, "ExpiredTokenException"],
      transport: [true, true, false, "connection-refused"],
      credentials: [true, true],
      unrelated: [false, false, false],
      nativeInstanceof: [false, false, false, false],
    });
  }, 30_000);

  it("from an installed package are recognised by the client's copy: a transport's transient error is retried", async () => {
    const result = await run(`${CLIENT}
      let sent = 0;
      const flaky = { async send() { sent++; throw new http.ConnectionResetError({ origin: "https://sts.amazonaws.com" }); } };
      const sts = new STSClient({ region: "us-east-1", credentials: key, transport: flaky, maxAttempts: 3, retryMode: "standard" });
      const error = await caught(sts.getCallerIdentity());
      console.log(JSON.stringify({ sent, attempts: error.$metadata?.attempts, reset: error instanceof http.ConnectionResetError }));`);
    // Classified as transient only if the client's copy sees the installed copy's TransportError.
    expect(result).toEqual({ sent: 3, attempts: 3, reset: true });
  }, 30_000);

  it("from the client's copy are instances of its re-exported classes, as before", async () => {
    const result = await run(`${CLIENT}
      const error = await caught(new STSClient({ region: "us-east-1", credentials: key }).assumeRole({}));
      console.log(JSON.stringify([error instanceof STSValidationError, error instanceof Error, Object.prototype.toString.call(error)]));`);
    expect(result).toEqual([true, true, "[object Error]"]);
  }, 30_000);
});
