import { build } from "esbuild";

/**
 * Bundles a page entry for the browser the way an app's bundler would: platform "browser",
 * so package.json "browser" export conditions win and `#platform` imports take their
 * non-Node branch. Any `node:` import left in the graph fails the bundle.
 */
export interface PageBundle {
  code: string;
  /** Every source file that went into the bundle, relative to the working directory. */
  inputs: string[];
}

export async function bundlePage(entry: string): Promise<PageBundle> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    sourcemap: "inline",
    logLevel: "silent",
    metafile: true,
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild produced no output for ${entry}`);
  return { code: output.text, inputs: Object.keys(result.metafile.inputs) };
}
