import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const INDEX = new URL("../src/index.ts", import.meta.url).pathname;

/** The source files esbuild keeps (non-zero bytes) when an app imports `names` from the package. */
async function bundledFiles(names: string): Promise<string[]> {
  const result = await build({
    stdin: { contents: `export { ${names} } from ${JSON.stringify(INDEX)};`, loader: "ts", resolveDir: "." },
    bundle: true,
    minify: true,
    write: false,
    metafile: true,
    format: "esm",
    platform: "neutral",
  });
  const output = Object.values(result.metafile.outputs)[0];
  return Object.entries(output?.inputs ?? {})
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path.replace(/^(.*\/)?src\//, ""));
}

describe("bundles", () => {
  it("of standardStrategy and retry leave out the adaptive rate limiter and legacy mode", async () => {
    const files = await bundledFiles("retry, standardStrategy");
    expect(files).toContain("modes.ts");
    expect(files).not.toContain("rate-limiter.ts");
    expect(files).not.toContain("strategy.ts");
  });

  it("of adaptiveStrategy hold the rate limiter", async () => {
    expect(await bundledFiles("adaptiveStrategy")).toContain("rate-limiter.ts");
  });
});
