import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

/**
 * The input files that contribute code to a minified browser bundle of `contents` (resolved from
 * the package root); `metafile.inputs` would also list modules parsed and then tree-shaken away.
 */
async function bundleInputs(contents: string): Promise<string[]> {
  const result = await build({
    stdin: { contents, resolveDir: packageDir, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    metafile: true,
    logLevel: "silent",
    // package.json points `#platform` at dist/; a browser build takes its portable source.
    plugins: [
      {
        name: "platform-source",
        setup(builder) {
          builder.onResolve({ filter: /^#platform$/ }, () => ({
            path: fileURLToPath(new URL("../src/platform.ts", import.meta.url)),
          }));
        },
      },
    ],
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  return Object.entries(output.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path);
}

describe("browser bundle", () => {
  it("signAsync alone pulls in neither @noble/hashes nor a node: module", async () => {
    const inputs = await bundleInputs(`
      import { signAsync } from "./src/index.ts";
      signAsync({ method: "GET", url: new URL("https://a.example/"), headers: {} },
        { credentials: { accessKeyId: "a", secretAccessKey: "b" }, region: "r", service: "s" }).then(console.log);
    `);
    expect(inputs.some((path) => path.includes("sign-async"))).toBe(true);
    expect(inputs.filter((path) => path.includes("@noble") || path.startsWith("node:"))).toEqual([]);
  }, 20_000);

  it("sign keeps @noble/hashes as its portable backend", async () => {
    const inputs = await bundleInputs(`
      import { sign } from "./src/index.ts";
      console.log(sign({ method: "GET", url: new URL("https://a.example/"), headers: {} },
        { credentials: { accessKeyId: "a", secretAccessKey: "b" }, region: "r", service: "s" }));
    `);
    expect(inputs.some((path) => path.includes("@noble"))).toBe(true);
    expect(inputs.filter((path) => path.startsWith("node:"))).toEqual([]);
  }, 20_000);
});
