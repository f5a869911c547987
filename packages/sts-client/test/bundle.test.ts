// What a browser app ships for one call through the per-operation functions, bundled from the
// built packages as an app's bundler would (browser export conditions). The size budgets
// themselves are asserted by apps/bench (test/bundle-budget.test.ts).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const built = existsSync(fileURLToPath(new URL("../dist/index.js", import.meta.url)));

async function browserBundle(contents: string) {
  const result = await build({
    stdin: { contents, resolveDir: packageDir, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    conditions: ["browser"],
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.text;
  // Only modules that contribute code: metafile.inputs also lists ones parsed, then tree-shaken.
  const inputs = Object.entries(Object.values(result.metafile.outputs)[0]!.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path);
  return { code, inputs };
}

const ofPackage = (inputs: string[], name: string) => inputs.filter((path) => path.includes(`/${name}/`));

describe.skipIf(!built)("a browser bundle of one operation", () => {
  it("holds only AssumeRole's model, the fetch transport and WebCrypto signing", async () => {
    const { code, inputs } = await browserBundle(`
      import { assumeRole, STSBaseClient } from "@lanyard/sts-client";
      const sts = new STSBaseClient({ region: "us-east-1", credentials: { accessKeyId: "a", secretAccessKey: "b" } });
      assumeRole(sts, { RoleArn: "arn:aws:iam::123456789012:role/x", RoleSessionName: "s1" }).then(console.log);
    `);
    expect(inputs.filter((path) => path.startsWith("node:"))).toEqual([]);
    expect(ofPackage(inputs, "transport-fetch")).not.toEqual([]);
    expect(ofPackage(inputs, "transport-undici")).toEqual([]);
    expect(inputs.filter((path) => path.includes("credentials/dist/node"))).toEqual([]);
    expect(code.includes("GetFederationToken"), "another operation's model was bundled").toBe(false);
    expect(code.includes("GetCallerIdentity"), "the presigner was bundled").toBe(false);
    // Browsers sign with WebCrypto (signAsync), so no JavaScript SHA-256 ships.
    expect(inputs.filter((path) => path.includes("@noble/hashes"))).toEqual([]);
    expect(code.includes(".subtle"), "signs with WebCrypto").toBe(true);
  }, 20_000);

  it("holds no signer and no credential provider for the unsigned AssumeRoleWithWebIdentity", async () => {
    const { code, inputs } = await browserBundle(`
      import { assumeRoleWithWebIdentity, STSBaseClient } from "@lanyard/sts-client";
      const sts = new STSBaseClient({ region: "us-east-1" });
      assumeRoleWithWebIdentity(sts, {
        RoleArn: "arn:aws:iam::123456789012:role/web", RoleSessionName: "alice", WebIdentityToken: "token",
      }).then(console.log);
    `);
    expect(ofPackage(inputs, "sigv4")).toEqual([]);
    expect(code.includes("AWS4-HMAC-SHA256"), "a signer was bundled").toBe(false);
    expect(code.includes("no credentials: pass"), "credential resolution was bundled").toBe(false);
    expect(code.includes("AssumeRoleWithWebIdentity")).toBe(true);
    expect(code.includes("AssumeRoleWithSAML"), "another operation's model was bundled").toBe(false);
  }, 20_000);
});
