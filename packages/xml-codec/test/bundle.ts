import { type BuildOptions, build } from "esbuild";

/** Bundles a source entry as an app would (minified ESM): the code and the inputs it holds. */
export async function bundle(
  entry: string,
  options: BuildOptions,
): Promise<{ code: string; inputs: string[] }> {
  const result = await build({
    entryPoints: [new URL(`../src/${entry}`, import.meta.url).pathname],
    bundle: true,
    minify: true,
    write: false,
    metafile: true,
    format: "esm",
    ...options,
  });
  return { code: result.outputFiles?.[0]?.text ?? "", inputs: Object.keys(result.metafile?.inputs ?? {}) };
}
