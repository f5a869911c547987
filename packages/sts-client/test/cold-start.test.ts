// A CLI or a Lambda pays for every module file Node loads before its first call. The packages ship
// dist/ linked into one module per entry point (scripts/bundle-dist.mjs), and xml-codec parses
// with its own reader, so no XML library's files load at all.
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
const built = existsSync(fileURLToPath(new URL("../dist/index.js", import.meta.url)));

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

/** The files a package names in `exports` and `imports`, under any condition. */
function entryFiles(packageName: string): Set<string> {
  const manifestUrl = new URL(`../../${packageName}/package.json`, import.meta.url);
  const { exports, imports } = JSON.parse(readFileSync(manifestUrl, "utf8"));
  const files = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === "string") files.add(value.replace(/^\.\//, ""));
    else if (value && typeof value === "object") Object.values(value).forEach(visit);
  };
  visit([exports, imports]);
  return files;
}

describe.skipIf(!built)("modules loaded by import + first call on Node", () => {
  it("are linked entry points and shared chunks only, and no XML library", async () => {
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

    const ownFiles = loaded.flatMap((url) => {
      const match = lanyardFile.exec(url);
      return match ? [`${match[1]}/${match[2]}`] : [];
    });
    expect(ownFiles).toContain("sts-client/dist/index.node.js");
    // One file per entry point a call needs, plus esbuild's shared chunks: 15 today, 18 while
    // entries shared chunks with the entries they import, ~115 before linking. sigv4, http,
    // query-client and sts-client load their Node builds (the `node` export condition, their
    // `#platform` files inlined); the protocol (query-protocol, xml-codec) and the node:http
    // transport load on the first call. The shared config file's setting rules
    // (@lanyard/credentials/config) load with the client, which checks the environment's values by
    // them; the files are read on the first call. The chunks left are credentials' (its entries
    // share internals with its providers) and endpoints' (shared with its code generator).
    expect(ownFiles.length).toBeLessThanOrEqual(15);
    for (const file of ownFiles) {
      const [packageName = "", path = ""] = file.split(/\/(.*)/);
      const linked = entryFiles(packageName).has(path) || path.startsWith("dist/chunks/");
      expect(linked, `${file} is neither an entry point nor a shared chunk`).toBe(true);
    }
    expect(loaded.filter((url) => /fast-xml-parser\/src\/|\/is-unsafe\//.test(url))).toEqual([]);
  }, 30_000);

  it("for an EKS token, include no protocol, XML codec or HTTP stack", async () => {
    const loaded = await loadedModules(`
      const { STSClient } = await import("@lanyard/sts-client");
      const sts = new STSClient({ region: "us-east-1", credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" } });
      if (!(await sts.getEksToken({ clusterName: "demo" })).startsWith("k8s-aws-v1.")) throw new Error("no token");`);
    expect(loaded.some((url) => url.includes("/sigv4/dist/"))).toBe(true);
    const unneeded = /\/(query-protocol|xml-codec|transport-node|transport-undici)\/dist\/|\/undici\//;
    expect(loaded.filter((url) => unneeded.test(url))).toEqual([]);
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
