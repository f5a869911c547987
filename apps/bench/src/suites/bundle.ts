import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { type BuildOptions, build, type Metafile } from "esbuild";
import { ASSUME_ROLE_FETCH, LAMBDA, SDK_LAMBDA, WEB_IDENTITY_SPA, WORKER } from "../bundle-rows.js";
import { APP_DIR } from "../paths.js";
import { errorMessage, type Row, type SuiteContext, type SuiteResult, withAdvantage } from "../suite.js";

/** The root README's code block whose first line starts with `// <title>`: what a user ships. */
function readmeExample(title: string): string {
  const readme = readFileSync(join(APP_DIR, "../../README.md"), "utf8");
  const block = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].find((match) =>
    match[1]?.startsWith(`// ${title}`),
  );
  if (!block?.[1]) throw new Error(`README.md has no ts example starting "// ${title}"`);
  return block[1];
}

/**
 * Entry modules, each what an app would write: the README's browser and worker examples
 * verbatim (free names such as `idToken` stay globals), and peers doing the same call.
 */
export const ENTRIES = {
  lanyardWebIdentitySpa: readmeExample("Browser single-page app"),
  lanyardAssumeRoleFetch: readmeExample("Browser, signed"),
  lanyardWorker: readmeExample("Worker"),
  lanyardClientAssumeRole: `
import { STSClient } from "@lanyard/sts-client";
import { FetchTransport } from "@lanyard/transport-fetch";
export async function assume(credentials) {
  const client = new STSClient({ region: "us-east-1", credentials, transport: new FetchTransport() });
  return client.assumeRole({ RoleArn: "arn:aws:iam::123456789012:role/demo", RoleSessionName: "web" });
}`,
  sdkAssumeRole: `
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
export async function assume(credentials) {
  const client = new STSClient({ region: "us-east-1", credentials });
  return client.send(new AssumeRoleCommand({ RoleArn: "arn:aws:iam::123456789012:role/demo", RoleSessionName: "web" }));
}`,
  // A Lambda function shipped as one esbuild bundle: the default credential chain, region and
  // transport of Node (proxy support included), one AssumeRole per invocation.
  lanyardLambda: `
import { STSClient } from "@lanyard/sts-client";
const sts = new STSClient({});
export const handler = async (event) => {
  const { Credentials } = await sts.assumeRole({ RoleArn: event.roleArn, RoleSessionName: "lambda" });
  return { expiration: Credentials?.Expiration };
};`,
  sdkLambda: `
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
const sts = new STSClient({});
export const handler = async (event) => {
  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: event.roleArn, RoleSessionName: "lambda" }));
  return { expiration: Credentials?.Expiration };
};`,
  lanyardSignFetch: `
import { sign } from "@lanyard/sigv4";
export async function call(credentials, body) {
  const request = sign(
    { method: "POST", url: new URL("https://sts.amazonaws.com/"), headers: { "content-type": "application/x-www-form-urlencoded" }, body },
    { credentials, region: "us-east-1", service: "sts" },
  );
  return fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
}`,
  aws4fetchSignFetch: `
import { AwsClient } from "aws4fetch";
export async function call(credentials, body) {
  const client = new AwsClient({ ...credentials, region: "us-east-1", service: "sts" });
  return client.fetch("https://sts.amazonaws.com/", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
}`,
} as const;

export type EntryName = keyof typeof ENTRIES;
export type Target = "browser" | "worker" | "node";

export interface BundleSize {
  minified: number;
  gzip: number;
  /** Largest inputs by bytes in the output, for finding what to cut. */
  topInputs: { path: string; bytes: number }[];
  /** Bytes in the output per package (workspace package or npm package). */
  byPackage: { name: string; bytes: number }[];
  /** esbuild's metafile, for https://esbuild.github.io/analyze/ */
  metafile: Metafile | undefined;
}

function targetOptions(target: Target): BuildOptions {
  // The browser build takes the `browser` condition (xml-codec's DOMParser backend); the worker build
  // is platform-neutral with only `worker`, so no browser global is assumed. The Node build is what a
  // Lambda function ships: every dependency inlined (dynamically imported ones too), built-ins external.
  if (target === "node") return { platform: "node" };
  return target === "browser"
    ? { platform: "browser", conditions: ["browser"] }
    : { platform: "neutral", conditions: ["worker"], mainFields: ["browser", "module", "main"] };
}

function topInputs(metafile: Metafile, count: number): { path: string; bytes: number }[] {
  const output = Object.values(metafile.outputs)[0];
  if (!output) return [];
  return Object.entries(output.inputs)
    .map(([path, info]) => ({
      path: path.replace(/^.*node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, ""),
      bytes: info.bytesInOutput,
    }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count);
}

function packageOf(path: string): string {
  const workspace = /packages\/([^/]+)\//.exec(path);
  if (workspace) return `@lanyard/${workspace[1]}`;
  const npm = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(path);
  return npm?.[1] ?? path;
}

function byPackage(metafile: Metafile): { name: string; bytes: number }[] {
  const totals = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, info] of Object.entries(output.inputs)) {
      const name = packageOf(path);
      totals.set(name, (totals.get(name) ?? 0) + info.bytesInOutput);
    }
  }
  return [...totals].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/** Bundles one entry with esbuild (minified, ESM, tree-shaken) and measures it raw and gzipped. */
export async function bundleSize(entry: EntryName, target: Target): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: ENTRIES[entry], resolveDir: APP_DIR, loader: "js", sourcefile: `${entry}.js` },
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
    ...targetOptions(target),
  });
  const code = result.outputFiles?.[0]?.contents ?? new Uint8Array();
  return {
    minified: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    topInputs: result.metafile ? topInputs(result.metafile, 8) : [],
    byPackage: result.metafile ? byPackage(result.metafile) : [],
    metafile: result.metafile,
  };
}

const CASES: { name: string; entry: EntryName; target: Target; reference?: string }[] = [
  { name: WEB_IDENTITY_SPA, entry: "lanyardWebIdentitySpa", target: "browser" },
  { name: ASSUME_ROLE_FETCH, entry: "lanyardAssumeRoleFetch", target: "browser" },
  { name: WORKER, entry: "lanyardWorker", target: "worker" },
  {
    name: "lanyard STSClient.assumeRole, every method (browser)",
    entry: "lanyardClientAssumeRole",
    target: "browser",
  },
  { name: "@aws-sdk/client-sts AssumeRole (browser)", entry: "sdkAssumeRole", target: "browser" },
  { name: LAMBDA, entry: "lanyardLambda", target: "node" },
  { name: SDK_LAMBDA, entry: "sdkLambda", target: "node", reference: LAMBDA },
  { name: "lanyard sigv4 sign + fetch (browser)", entry: "lanyardSignFetch", target: "browser" },
  {
    name: "aws4fetch AwsClient.fetch (browser)",
    entry: "aws4fetchSignFetch",
    target: "browser",
    reference: "lanyard sigv4 sign + fetch (browser)",
  },
];

async function saveMetafile(
  directory: string,
  entry: EntryName,
  target: Target,
  metafile: Metafile,
): Promise<void> {
  await mkdir(directory, { recursive: true });
  await writeFile(join(directory, `bundle-${entry}-${target}.meta.json`), JSON.stringify(metafile));
}

async function measureCase(
  entry: EntryName,
  target: Target,
  name: string,
  artifactsDir: string | undefined,
): Promise<{ row: Row; note?: string }> {
  try {
    const size = await bundleSize(entry, target);
    if (artifactsDir && size.metafile) await saveMetafile(artifactsDir, entry, target, size.metafile);
    const top = size.topInputs.map((input) => `${input.path} ${input.bytes} B`).join(", ");
    const packages = size.byPackage.map((p) => `${p.name} ${p.bytes} B`).join(", ");
    return {
      row: { name, value: size.gzip, extra: { minifiedBytes: size.minified, gzipBytes: size.gzip } },
      note: `${name} — minified bytes per package: ${packages}; biggest inputs: ${top}`,
    };
  } catch (error) {
    return { row: { name, value: Number.NaN, error: errorMessage(error) } };
  }
}

/** Browser, worker and Node (Lambda) bundle sizes of an AssumeRole call, gzip bytes (deterministic). */
export async function bundleSuite(context: SuiteContext): Promise<SuiteResult> {
  const rows: Row[] = [];
  const notes: string[] = [];
  for (const { name, entry, target, reference } of CASES) {
    context.log(`bundle: ${name}`);
    const { row, note } = await measureCase(entry, target, name, context.artifactsDir);
    rows.push(reference ? { ...row, reference } : row);
    if (note) notes.push(note);
  }
  const baseline = ASSUME_ROLE_FETCH;
  return {
    suite: "bundle",
    unit: "bytes gzip",
    lowerIsBetter: true,
    baseline,
    rows: withAdvantage(rows, baseline, true),
    notes,
  };
}
