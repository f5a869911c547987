// A CLI or a Lambda pays for every module file Node loads before its first call, and on Node 20
// about a millisecond more for each package name a module imports. Node therefore loads the
// client's self-contained build (dist/node/, the runtime packages inlined by
// scripts/bundle-dist.mjs), split where a call loads code lazily, and xml-codec parses with its
// own reader, so no XML library's files load at all.
// These tests count what loads; `pnpm bench` (cold-start suite) reports the time it takes.
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const recorder = fileURLToPath(new URL("./support/record-loads.mjs", import.meta.url));
const built = existsSync(fileURLToPath(new URL("../dist/node/index.js", import.meta.url)));

async function recorded(code: string, env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const { stderr } = await promisify(execFile)(
    process.execPath,
    ["--import", recorder, "--input-type=module", "-e", code],
    { cwd: packageDir, env },
  );
  return stderr.split("\n");
}

async function loadedModules(code: string): Promise<string[]> {
  return (await recorded(code))
    .filter((line) => line.startsWith("load "))
    .map((line) => line.slice("load ".length));
}

const lanyardFile = /\/packages\/([^/]+)\/(dist\/.+)$/;

/** The Lanyard files among loaded URLs, as `<package>/dist/…`. */
function ownFiles(loaded: string[]): string[] {
  return loaded.flatMap((url) => {
    const match = lanyardFile.exec(url);
    return match ? [`${match[1]}/${match[2]}`] : [];
  });
}

/** The workspace packages whose sources a linked file holds, read from its source map. */
function packagesIn(file: string): Set<string> {
  const map = JSON.parse(readFileSync(new URL(`../../${file}.map`, import.meta.url), "utf8"));
  return new Set(
    (map.sources as string[]).map(
      (source) => /(?:^|\/)([^/.][^/]*)\/(?:src|dist)\//.exec(source)?.[1] ?? "sts-client",
    ),
  );
}

describe.skipIf(!built)("modules loaded by import + first call on Node", () => {
  it("are the self-contained build's own files only, and no XML library", async () => {
    const loaded = await loadedModules(`
      import { createServer } from "node:http";
      const server = createServer((req, res) => res.end("<GetCallerIdentityResponse><GetCallerIdentityResult><Account>1</Account></GetCallerIdentityResult></GetCallerIdentityResponse>"));
      await new Promise((ready) => server.listen(0, "127.0.0.1", ready));
      const { STSClient } = await import("@lanyard/sts-client");
      const sts = new STSClient({ region: "us-east-1", endpoint: "http://127.0.0.1:" + server.address().port,
        credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" } });
      if ((await sts.getCallerIdentity()).Account !== "1") throw new Error("unexpected output");
      await sts.close();
      server.close();`);

    const files = ownFiles(loaded);
    expect(files).toContain("sts-client/dist/node/index.js");
    // No other package's file: Node resolves one package name, the client's. The files are the
    // entry, the two chunks it shares with the lazily loaded parts, and those parts a call loads:
    // the protocol (query-protocol, xml-codec) and the node:http transport. Before the
    // self-contained build a call loaded 15 files from 10 packages; before linking, ~115.
    expect(files.filter((file) => !file.startsWith("sts-client/dist/node/"))).toEqual([]);
    expect(files.length).toBeLessThanOrEqual(5);
    const inlined = new Set(files.flatMap((file) => [...packagesIn(file)]));
    // "hashes" is @noble/hashes, which sigv4 hashes its first small inputs with (node:crypto
    // costs 8-12 ms to load on Node 24 and loads once those are done).
    expect([...inlined].sort()).toEqual([
      "credentials",
      "endpoints",
      "hashes",
      "http",
      "query-client",
      "query-protocol",
      "retry",
      "sigv4",
      "sts-client",
      "transport-node",
      "xml-codec",
    ]);
    expect(loaded.filter((url) => /fast-xml-parser\/src\/|\/is-unsafe\//.test(url))).toEqual([]);
  }, 30_000);

  it("for an EKS token, include no protocol, XML codec or HTTP stack", async () => {
    // Credentials from the environment, through the default chain, as an exec plugin gets them:
    // the chain's providers reach the client's transport only when one sends a request.
    const loaded = (
      await recorded(
        `
      const { STSClient } = await import("@lanyard/sts-client");
      const sts = new STSClient({ region: "us-east-1" });
      if (!(await sts.getEksToken({ clusterName: "demo" })).startsWith("k8s-aws-v1.")) throw new Error("no token");`,
        {
          PATH: process.env.PATH,
          AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
          AWS_SECRET_ACCESS_KEY: "secret",
          AWS_CONFIG_FILE: "/nonexistent/config",
          AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/credentials",
        },
      )
    )
      .filter((line) => line.startsWith("load "))
      .map((line) => line.slice("load ".length));
    const inlined = new Set(ownFiles(loaded).flatMap((file) => [...packagesIn(file)]));
    expect(inlined).toContain("sigv4");
    for (const unneeded of ["query-protocol", "xml-codec", "transport-node", "transport-undici"]) {
      expect(inlined, `${unneeded} loaded`).not.toContain(unneeded);
    }
    expect(loaded.filter((url) => /\/undici\//.test(url))).toEqual([]);
    expect(loaded).not.toContain("node:http");
  }, 30_000);

  it("import no Node built-in as an ES module: the packages load them with process.getBuiltinModule", async () => {
    // An ES import makes Node evaluate every export of the built-in; on Node 22 and later that runs
    // node:http's WebSocket getter, which loads Node's bundled undici (40-70 ms before the first
    // call; nodejs/node#57649). The default chain (credentials/node), a call and an EKS token cover
    // the providers, the node:http transport and the signer. The server runs here, not in the
    // child: Node's HTTP server loads node:child_process on its first connection.
    const server = createServer((_req, res) =>
      res.end(
        "<GetCallerIdentityResponse><GetCallerIdentityResult><Account>1</Account></GetCallerIdentityResult></GetCallerIdentityResponse>",
      ),
    );
    await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
    try {
      const lines = await recorded(
        `
        await import("node:os"); // the script's own import: proof that the recorder sees them
        const { STSClient } = await import("@lanyard/sts-client");
        const sts = new STSClient({ region: "us-east-1", endpoint: process.env.STUB_URL });
        if ((await sts.getCallerIdentity()).Account !== "1") throw new Error("unexpected output");
        if (!(await sts.getEksToken({ clusterName: "demo" })).startsWith("k8s-aws-v1.")) throw new Error("no token");
        await sts.close();
        const loaded = (name) => process.moduleLoadList.includes("NativeModule " + name);
        process._rawDebug("tls loaded " + loaded("tls") + ", child_process loaded " + loaded("child_process"));`,
        {
          PATH: process.env.PATH,
          STUB_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
          AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
          AWS_SECRET_ACCESS_KEY: "secret",
          AWS_CONFIG_FILE: "/nonexistent/config",
          AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/credentials",
        },
      );
      const imported = lines.filter((line) => line.startsWith("builtin "));
      expect(imported.filter((line) => line.startsWith("builtin node:os "))).toHaveLength(1);
      expect(imported.filter((line) => lanyardFile.test(line))).toEqual([]);
      // Nor does this plain-HTTP path load node:https and the node:tls it brings, nor, with no
      // credential_process in sight, node:child_process.
      expect(lines).toContain("tls loaded false, child_process loaded false");
    } finally {
      server.close();
    }
  }, 30_000);
});
