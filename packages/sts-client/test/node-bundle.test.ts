// Lambda functions and CLIs are often shipped as one esbuild bundle with no node_modules beside
// it. Every module the client loads on Node must therefore be reachable by a bundler (static or
// dynamic `import`, never a computed `require`), or the bundle fails at run time.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StsServer, startStsServer, successXml } from "./support/sts-server.js";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
let server: StsServer;
let dir: string;

beforeAll(async () => {
  server = await startStsServer(() => ({
    body: successXml(
      "GetCallerIdentity",
      "<UserId>AIDA</UserId><Account>123456789012</Account><Arn>arn:aws:iam::123456789012:user/Alice</Arn>",
    ),
  }));
  dir = await mkdtemp(join(tmpdir(), "lanyard-node-bundle-"));
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe("a Node bundle of the client", () => {
  it("runs a call with the default node:http transport from a folder with no node_modules", async () => {
    const outfile = join(dir, "app.mjs");
    await build({
      stdin: {
        contents: `
          import { STSClient } from "@lanyard/sts-client";
          const sts = new STSClient({ region: "us-east-1", endpoint: process.argv[2],
            credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" } });
          console.log((await sts.getCallerIdentity()).Arn);
          await sts.close();`,
        resolveDir: packageDir,
        loader: "js",
      },
      bundle: true,
      platform: "node",
      format: "esm",
      outfile,
      logLevel: "silent",
      // The usual banner for ESM bundles that contain CommonJS (the proxy agents require Node built-ins).
      banner: {
        js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);',
      },
    });
    const { stdout } = await promisify(execFile)(process.execPath, [outfile, server.url], { cwd: dir });
    expect(stdout.trim()).toBe("arn:aws:iam::123456789012:user/Alice");
    expect(server.requests).toHaveLength(1);
  }, 30_000);
});
