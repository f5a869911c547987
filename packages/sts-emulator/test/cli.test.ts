import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { STSClient } from "@lanyard/sts-client";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { CALLER, form, issuedKeys, send, sendH2, signedPost, xmlText } from "./support/http.js";
import { CLI, readLines, type Spawned, spawnCli } from "./support/spawn.js";

const scratch = mkdtempSync(join(tmpdir(), "sts-emulator-cli-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const running: Spawned[] = [];
afterEach(() => {
  for (const cli of running.splice(0)) cli.kill();
});

function start(args: string[]): Spawned {
  const cli = spawnCli(args);
  running.push(cli);
  return cli;
}

const ready = (stdout: string, stderr: string) =>
  stderr.includes("ready on") && stdout.includes("AWS_SECRET_ACCESS_KEY=");

// End to end: the built binary in a child process, driven as a user's script would drive it.
describe.skipIf(!existsSync(CLI))(
  "lanyard-sts-emulator (dist/cli.js)",
  () => {
    it("serve prints parseable endpoints and test credentials, answers signed calls, and stops on SIGTERM", async () => {
      const cli = start(["serve", "--port", "0"]);
      await cli.until(ready);
      const env = readLines(cli.stdout());
      expect(Object.keys(env)).toEqual([
        "AWS_ENDPOINT_URL_STS",
        "AWS_REGION",
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
      ]);
      expect(env.AWS_ENDPOINT_URL_STS).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const keys = { accessKeyId: env.AWS_ACCESS_KEY_ID!, secretAccessKey: env.AWS_SECRET_ACCESS_KEY! };

      // A raw SigV4 call with @lanyard/sigv4 and fetch.
      const me = await send(
        signedPost(env.AWS_ENDPOINT_URL_STS!, CALLER, keys, { date: new Date(), region: env.AWS_REGION }),
      );
      expect([me.status, xmlText(me.text, "Arn")]).toEqual([200, "arn:aws:iam::123456789012:user/Alice"]);

      // The keys AssumeRole issues work for the next call.
      const client = new STSClient({
        region: env.AWS_REGION,
        endpoint: env.AWS_ENDPOINT_URL_STS,
        credentials: keys,
      });
      const { Credentials } = await client.assumeRole({
        RoleArn: "arn:aws:iam::111122223333:role/ci",
        RoleSessionName: "build-7",
      });
      client.close();
      const roleClient = new STSClient({
        region: env.AWS_REGION,
        endpoint: env.AWS_ENDPOINT_URL_STS,
        credentials: {
          accessKeyId: Credentials!.AccessKeyId!,
          secretAccessKey: Credentials!.SecretAccessKey!,
          sessionToken: Credentials!.SessionToken!,
        },
      });
      expect((await roleClient.getCallerIdentity()).Arn).toBe(
        "arn:aws:sts::111122223333:assumed-role/ci/build-7",
      );
      roleClient.close();

      cli.child.kill("SIGTERM");
      expect(await cli.exited).toBe(0);
      expect(cli.stderr()).toContain("SIGTERM: stopping the STS emulator.");
      await expect(fetch(env.AWS_ENDPOINT_URL_STS!)).rejects.toThrow();
    });

    it("serve --http2 --json prints one JSON object; the CA it writes verifies the TLS listener; SIGINT stops it", async () => {
      const caFile = join(scratch, "ca.pem");
      const cli = start([
        "serve",
        "--port=0",
        "--http2",
        "--json",
        "--ca-file",
        caFile,
        "--region",
        "eu-west-1",
      ]);
      await cli.until((stdout, stderr) => stderr.includes("ready on") && stdout.endsWith("\n"));
      const lines = cli.stdout().trimEnd().split("\n");
      expect(lines).toHaveLength(1);
      const info = JSON.parse(lines[0]!) as {
        endpoint: string;
        endpoints: { http1: string; h2: string; h2c: string };
        region: string;
        account: string;
        credentials: { accessKeyId: string; secretAccessKey: string };
        ca: string;
        caFile: string;
      };
      expect(info).toMatchObject({ region: "eu-west-1", account: "123456789012", caFile });
      expect(info.endpoints.http1).toBe(info.endpoint);
      expect(readFileSync(caFile, "utf8")).toBe(info.ca);
      for (const url of [info.endpoints.h2, info.endpoints.h2c]) {
        const request = signedPost(url, CALLER, info.credentials, { date: new Date(), region: "eu-west-1" });
        const { status, text } = await sendH2(request, readFileSync(caFile, "utf8"));
        expect([url, status, xmlText(text, "Account")]).toEqual([url, 200, "123456789012"]);
      }
      cli.child.kill("SIGINT");
      expect(await cli.exited).toBe(0);
      expect(existsSync(caFile)).toBe(true); // the user's file stays
    });

    it("serve --http2 without --ca-file writes the CA to a temporary file it removes on exit", async () => {
      const cli = start(["serve", "--port", "0", "--http2"]);
      await cli.until(
        (stdout, stderr) => stderr.includes("ready on") && stdout.includes("STS_EMULATOR_CA_FILE="),
      );
      const env = readLines(cli.stdout());
      expect(env.STS_EMULATOR_ENDPOINT_H2).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
      expect(env.STS_EMULATOR_ENDPOINT_H2C).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(readFileSync(env.STS_EMULATOR_CA_FILE!, "utf8")).toMatch(/^-----BEGIN CERTIFICATE-----/);
      cli.child.kill("SIGTERM");
      expect(await cli.exited).toBe(0);
      expect(existsSync(env.STS_EMULATOR_CA_FILE!)).toBe(false);
    });

    it("serve --answers examples answers the documented examples", async () => {
      const cli = start(["serve", "--port", "0", "--answers", "examples"]);
      await cli.until(ready);
      const env = readLines(cli.stdout());
      const keys = { accessKeyId: env.AWS_ACCESS_KEY_ID!, secretAccessKey: env.AWS_SECRET_ACCESS_KEY! };
      const body = form("AssumeRole", {
        RoleArn: "arn:aws:iam::123456789012:role/demo",
        RoleSessionName: "s1",
      });
      const res = await send(signedPost(env.AWS_ENDPOINT_URL_STS!, body, keys, { date: new Date() }));
      expect(issuedKeys(res.text).accessKeyId).toBe("AKIAIOSFODNN7EXAMPLE");
    });

    it("exits 2 with a message for a usage error, and 0 for --help and --version", async () => {
      for (const [args, message] of [
        [["serve", "--port", "http"], 'Invalid port "http": expected an integer from 0 to 65535.'],
        [["serve", "--port", "65536"], "Invalid port 65536: expected an integer from 0 to 65535."],
        [["serve", "--h2-port=-1"], 'Invalid h2Port "-1": expected an integer from 0 to 65535.'],
        [["serve", "--answers", "live"], 'Invalid answers "live": expected "emulated" or "examples".'],
        [["serve", "--region", "Mars"], 'Invalid region "Mars"'],
        [["serve", "--tls"], 'Unknown option "--tls"'],
        [[], "Missing command."],
      ] as const) {
        const cli = start([...args]);
        expect(await cli.exited, args.join(" ")).toBe(2);
        expect(cli.stderr()).toContain(message);
        expect(cli.stdout()).toBe("");
      }
      const help = start(["--help"]);
      expect(await help.exited).toBe(0);
      expect(help.stdout()).toContain("Usage: lanyard-sts-emulator serve [options]");
      const version = start(["--version"]);
      expect(await version.exited).toBe(0);
      expect(version.stdout().trim()).toMatch(/^\d+\.\d+\.\d+/);
    });

    it("exits 1 naming the port when it is in use", async () => {
      const blocker = createServer();
      const port = await new Promise<number>((resolve) =>
        blocker.listen(0, "127.0.0.1", () => resolve((blocker.address() as { port: number }).port)),
      );
      try {
        const cli = start(["serve", "--port", String(port)]);
        expect(await cli.exited).toBe(1);
        expect(cli.stderr().trim()).toBe(`Cannot listen on 127.0.0.1:${port}: the port is in use.`);
      } finally {
        blocker.close();
      }
    });
  },
  60_000,
);
