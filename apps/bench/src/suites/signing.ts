import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { sign } from "@lanyard/sigv4";
import { Hash } from "@smithy/hash-node";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import aws4 from "aws4";
import { AwsV4Signer } from "aws4fetch";
import { build } from "esbuild";
import { ASSUME_ROLE_BODY, CREDENTIALS, FORM_CONTENT_TYPE, REGION, STS_HOST } from "../fixtures.js";
import { type Contender, compare } from "../measure.js";
import { APP_DIR } from "../paths.js";
import { type SuiteContext, type SuiteResult, withAdvantage } from "../suite.js";

const URL_STRING = `https://${STS_HOST}/`;

function lanyard(signer: typeof sign): () => unknown {
  const url = new URL(URL_STRING);
  const options = { credentials: CREDENTIALS, region: REGION, service: "sts" };
  return () =>
    signer(
      { method: "POST", url, headers: { "content-type": FORM_CONTENT_TYPE }, body: ASSUME_ROLE_BODY },
      options,
    );
}

function smithy(): () => unknown {
  const signer = new SignatureV4({
    credentials: CREDENTIALS,
    region: REGION,
    service: "sts",
    sha256: Hash.bind(null, "sha256"),
  });
  return () =>
    signer.sign(
      new HttpRequest({
        method: "POST",
        protocol: "https:",
        hostname: STS_HOST,
        path: "/",
        headers: { host: STS_HOST, "content-type": FORM_CONTENT_TYPE },
        body: ASSUME_ROLE_BODY,
      }),
    );
}

function awsFour(): () => unknown {
  return () =>
    aws4.sign(
      {
        host: STS_HOST,
        path: "/",
        method: "POST",
        service: "sts",
        region: REGION,
        headers: { "content-type": FORM_CONTENT_TYPE },
        body: ASSUME_ROLE_BODY,
      },
      CREDENTIALS,
    );
}

function awsFourFetch(): () => unknown {
  const cache = new Map<string, ArrayBuffer>();
  return () =>
    new AwsV4Signer({
      url: URL_STRING,
      method: "POST",
      headers: { "content-type": FORM_CONTENT_TYPE },
      body: ASSUME_ROLE_BODY,
      ...CREDENTIALS,
      service: "sts",
      region: REGION,
      cache,
    }).sign();
}

/**
 * `sign` as browsers and workers run it (the `#platform` seam's portable side, @noble/hashes),
 * bundled for a worker and loaded here, since on Node the package always takes node:crypto.
 */
async function portableSign(): Promise<typeof sign> {
  const result = await build({
    stdin: { contents: 'export { sign } from "@lanyard/sigv4";', resolveDir: APP_DIR, loader: "js" },
    bundle: true,
    format: "esm",
    platform: "neutral",
    conditions: ["worker"],
    mainFields: ["module", "main"],
    write: false,
    logLevel: "silent",
  });
  const dir = await mkdtemp(join(tmpdir(), "lanyard-bench-sigv4-"));
  try {
    const file = join(dir, "portable.mjs");
    await writeFile(file, result.outputFiles[0]!.text);
    return ((await import(pathToFileURL(file).href)) as { sign: typeof sign }).sign;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function signingContenders(): Promise<Contender[]> {
  return [
    { name: "lanyard sign (node:crypto)", run: lanyard(sign) },
    { name: "lanyard sign (portable, noble)", run: lanyard(await portableSign()) },
    { name: "@smithy/signature-v4", run: smithy() },
    { name: "aws4", run: awsFour() },
    { name: "aws4fetch", run: awsFourFetch() },
  ];
}

/** SigV4 signing of an AssumeRole POST with a session token, operations per second. */
export async function signingSuite(context: SuiteContext): Promise<SuiteResult> {
  const results = await compare(await signingContenders(), context.timing);
  const baseline = results[0]!.name;
  const rows = results.map((r) => ({ name: r.name, value: r.opsPerSec, samples: r.rounds }));
  return { suite: "signing", unit: "ops/s", baseline, rows: withAdvantage(rows, baseline) };
}
