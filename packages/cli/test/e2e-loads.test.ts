// A CLI is judged by its start-up: `--help` and usage errors must not load the STS client, and
// a command loads the client but not the HTTP stack it does not use. `pnpm bench` (cold-start
// suite) reports the time; this counts what loads. The binary is self-contained (the workspace's
// packages inlined by scripts/bundle-dist.mjs), so what a file holds is read from its source map.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BASE_KEY, BASE_SECRET, BIN, makeHome, runProgram } from "./support/cli.js";
import { CONFIG_FILE, CREDENTIALS_FILE } from "./support/profiles.js";
import { StsStandIn } from "./support/sts-server.js";

const recorder = fileURLToPath(new URL("./support/record-loads.mjs", import.meta.url));

async function loadedModules(args: string[], env: Record<string, string> = {}): Promise<string[]> {
  const { stderr } = await runProgram(process.execPath, ["--import", recorder, BIN, ...args], {
    PATH: process.env.PATH,
    AWS_EC2_METADATA_DISABLED: "true",
    ...env,
  });
  return stderr
    .split("\n")
    .filter((line) => line.startsWith("load "))
    .map((line) => line.slice("load ".length));
}

/** The sources (as written in the source maps) of the binary's files among loaded URLs. */
function inlinedSources(urls: string[]): string[] {
  return urls
    .filter((url) => url.startsWith("file:") && url.includes("/cli/dist/"))
    .flatMap(
      (url) => (JSON.parse(readFileSync(new URL(`${url}.map`), "utf8")) as { sources: string[] }).sources,
    );
}

/** The workspace packages whose sources the binary's loaded files hold. */
function inlinedPackages(urls: string[]): string[] {
  const names = inlinedSources(urls).map(
    (source) => /(?:^|\/)([^/.][^/]*)\/(?:src|dist)\//.exec(source)?.[1] ?? "cli",
  );
  return [...new Set(names)].sort();
}

const heavy = (urls: string[]) => [
  ...inlinedPackages(urls).filter((name) => /^(sts-client|credentials|transport-undici)$/.test(name)),
  ...urls.filter((url) => /\/undici\//.test(url)),
];

describe("modules loaded by the lanyard binary", () => {
  it.each([
    ["--help"],
    ["--version"],
    ["whoami", "--help"],
    ["eks-token", "--bogus"],
    ["assume-role", "--role-arn", "x"],
  ])("`lanyard $0 $1` loads none of the STS client, the credential providers or undici", async (...args) => {
    const loaded = await loadedModules(args);
    expect(loaded.some((url) => url.endsWith("/cli/dist/bin.js"))).toBe(true);
    expect(heavy(loaded)).toEqual([]);
  });

  it("`lanyard eks-token` loads the client and the providers, but no HTTP stack: it presigns offline", async () => {
    const loaded = await loadedModules(["eks-token", "--cluster", "prod"], {
      AWS_ACCESS_KEY_ID: BASE_KEY,
      AWS_SECRET_ACCESS_KEY: BASE_SECRET,
      AWS_REGION: "us-east-1",
    });
    const inlined = inlinedPackages(loaded);
    expect(inlined).toEqual(expect.arrayContaining(["sts-client", "credentials", "sigv4"]));
    expect(
      inlined.filter((name) => /^(transport-node|transport-undici|query-protocol|xml-codec)$/.test(name)),
    ).toEqual([]);
    expect(loaded.filter((url) => /undici/.test(url))).toEqual([]);
    // One package name resolved: none, since the binary inlines the workspace's packages.
    expect(
      loaded.filter((url) => url.includes("/node_modules/") || /\/packages\/(?!cli\/)/.test(url)),
    ).toEqual([]);
  });

  it("`lanyard credential-process` served from its cache loads no credential providers", async () => {
    const sts = new StsStandIn();
    await sts.start();
    const home = await makeHome({ config: CONFIG_FILE, credentials: CREDENTIALS_FILE });
    try {
      const env = { ...home.env, AWS_ENDPOINT_URL_STS: sts.url };
      expect((await home.run(["credential-process", "--profile", "role"], { env })).code).toBe(0);
      const loaded = await loadedModules(["credential-process", "--profile", "role"], env);
      expect(sts.requests).toHaveLength(1);
      expect(
        inlinedSources(loaded).filter((source) => source.includes("credentials/src/node/default-chain")),
      ).toEqual([]);
    } finally {
      await home.remove();
      await sts.close();
    }
  });
});
