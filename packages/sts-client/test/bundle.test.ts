import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

// Bundles one AssumeRole call the way a browser app would (fetch transport via the `default`
// branch of `#platform`, browser export conditions of the primitives).
async function browserBundle(contents: string) {
  const result = await build({
    stdin: { contents, resolveDir: packageDir, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    metafile: true,
    logLevel: "silent",
    plugins: [
      {
        name: "platform-default",
        setup(builder) {
          builder.onResolve({ filter: /^#platform$/ }, () => ({
            path: fileURLToPath(new URL("../src/platform/default.ts", import.meta.url)),
          }));
        },
      },
    ],
  });
  const code = result.outputFiles[0]!.text;
  // Only modules that contribute code: metafile.inputs also lists ones parsed, then tree-shaken.
  const inputs = Object.entries(Object.values(result.metafile.outputs)[0]!.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path);
  return { code, gzip: gzipSync(code, { level: 9 }).length, inputs };
}

describe("browser bundle", () => {
  it("bundles an AssumeRole call with no node: module and only that operation's model", async () => {
    const { code, gzip, inputs } = await browserBundle(`
      import { AssumeRoleOperation, STSBaseClient } from "./src/index.ts";
      const client = new STSBaseClient({ region: "us-east-1", credentials: { accessKeyId: "a", secretAccessKey: "b" } });
      client.send(AssumeRoleOperation, { RoleArn: "arn:aws:iam::123456789012:role/x", RoleSessionName: "s1" }).then(console.log);
    `);
    expect(inputs.filter((path) => path.startsWith("node:"))).toEqual([]);
    expect(inputs.some((path) => path.includes("transport-fetch"))).toBe(true);
    expect(
      inputs.some((path) => path.includes("transport-undici") || path.includes("credentials/dist/node")),
    ).toBe(false);
    expect(code.includes("GetFederationToken"), "another operation's model was bundled").toBe(false);
    // Browsers sign with WebCrypto (signAsync), so no JavaScript SHA-256 ships.
    expect(inputs.filter((path) => path.includes("@noble/hashes"))).toEqual([]);
    expect(code.includes("crypto.subtle") || code.includes(".subtle"), "signs with WebCrypto").toBe(true);
    // Regression guard only; the whole-call budget (12 KB gzip) is tracked by the bench app.
    expect(gzip).toBeLessThan(30_000);
  }, 20_000);
});
