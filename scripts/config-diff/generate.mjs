#!/usr/bin/env node
// Differential fixtures for shared config resolution: resolves every scenario of
// scenarios.mjs with botocore and with the AWS SDK for JavaScript v3 — region, credentials
// (access key id, source, whether a session token came with them) and the STS endpoint —
// and writes what each reference did to packages/credentials/test/config-diff/data/.
//
//   node scripts/config-diff/generate.mjs [--only id,id] [--sdk-dir DIR]
//
// The references are installed when missing: botocore through apt (python3-botocore and
// awscli; any python3 that already imports botocore is used first) and the newest
// @aws-sdk/credential-providers and @aws-sdk/client-sts through npm into a temporary
// directory. Nothing here is needed to run the tests: they replay the checked-in JSON.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { materialize, normalize } from "./materialize.mjs";
import { SCENARIOS } from "./scenarios.mjs";
import { startServers } from "./servers.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "..", "..");
const OUT = join(ROOT, "packages", "credentials", "test", "config-diff", "data", "scenarios.json");
const JS_PACKAGES = ["@aws-sdk/credential-providers", "@aws-sdk/client-sts"];

function option(name) {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}

function tryRun(file, args) {
  try {
    return execFileSync(file, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return undefined;
  }
}

/** A python3 that imports botocore (its real path: a pyenv shim needs the caller's HOME). */
function ensureBotocore() {
  const probe = "import sys, botocore; print(sys.executable); print(botocore.__version__)";
  for (const python of ["python3", "/usr/bin/python3"]) {
    const found = tryRun(python, ["-c", probe]);
    if (found) {
      const [executable, version] = found.split("\n");
      return { python: executable, version };
    }
  }
  console.log("installing botocore and awscli with apt-get …");
  execFileSync("apt-get", ["update"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "python3-botocore", "awscli"], { stdio: "inherit" });
  const [executable, version] = execFileSync("/usr/bin/python3", ["-c", probe], { encoding: "utf8" })
    .trim()
    .split("\n");
  return { python: executable, version };
}

function ensureJsSdk(dir) {
  const installed = JS_PACKAGES.every((name) => existsSync(join(dir, "node_modules", name, "package.json")));
  if (!installed) {
    console.log(`installing ${JS_PACKAGES.join(", ")} into ${dir} …`);
    execFileSync("npm", ["init", "-y"], { cwd: dir, stdio: "ignore" });
    const latest = JS_PACKAGES.map((name) => `${name}@latest`);
    execFileSync("npm", ["install", "--no-audit", "--no-fund", ...latest], { cwd: dir, stdio: "inherit" });
  }
  const versionOf = (name) =>
    JSON.parse(readFileSync(join(dir, "node_modules", name, "package.json"), "utf8")).version;
  const names = [
    ...JS_PACKAGES,
    "@aws-sdk/credential-provider-node",
    "@aws-sdk/credential-provider-ini",
    "@aws-sdk/credential-provider-sso",
    "@aws-sdk/token-providers",
    "@smithy/core",
  ];
  return Object.fromEntries(names.map((name) => [name, versionOf(name)]));
}

function runDriver(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      env: { PATH: process.env.PATH, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.stdout.on("data", (chunk) => {
      out += chunk;
    });
    child.stderr.on("data", (chunk) => {
      err += chunk;
    });
    child.on("close", () => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(out));
      } catch {
        resolve({ driverFailed: `${out}${err}`.slice(0, 400) });
      }
    });
  });
}

async function resolveWith(reference, scenario, servers, tools) {
  const { home, env } = await materialize(scenario, servers.urls);
  try {
    const profile = scenario.profile ?? "";
    const outcome =
      reference === "js"
        ? await runDriver(process.execPath, [join(HERE, "js-driver.mjs"), tools.sdkDir, profile], env)
        : await runDriver(tools.python, [join(HERE, "botocore_driver.py"), profile], env);
    return normalize(outcome, { home, urls: servers.urls });
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

function agreement(results) {
  const columns = ["region", "credentials", "endpoint"];
  const counts = { scenarios: results.length, all: 0 };
  for (const column of columns) counts[column] = 0;
  for (const { expected } of results) {
    const agree = columns.filter((column) => same(expected.js[column], expected.botocore[column]));
    for (const column of agree) counts[column]++;
    if (agree.length === columns.length) counts.all++;
  }
  return counts;
}

async function main() {
  const only = option("--only")?.split(",");
  const sdkDir = option("--sdk-dir") ?? join(tmpdir(), "lanyard-config-diff-sdk");
  await mkdir(sdkDir, { recursive: true });
  const botocore = ensureBotocore();
  const tools = { python: botocore.python, sdkDir };
  const jsVersions = ensureJsSdk(sdkDir);
  const servers = await startServers();
  const results = [];
  try {
    for (const scenario of SCENARIOS.filter((s) => !only || only.includes(s.id))) {
      const js = await resolveWith("js", scenario, servers, tools);
      const boto = await resolveWith("botocore", scenario, servers, tools);
      results.push({ ...scenario, expected: { js, botocore: boto } });
      console.log(`${scenario.id}\n  js:       ${JSON.stringify(js)}\n  botocore: ${JSON.stringify(boto)}`);
    }
  } finally {
    await servers.close();
  }
  const meta = {
    generatedBy: "scripts/config-diff/generate.mjs",
    generatedAt: new Date().toISOString().slice(0, 10),
    node: process.version,
    botocore: botocore.version,
    jsSdk: jsVersions,
    agreementJsBotocore: agreement(results),
  };
  console.log(JSON.stringify(meta.agreementJsBotocore));
  if (only) return;
  await mkdir(dirname(OUT), { recursive: true });
  await writeFile(OUT, `${JSON.stringify({ meta, scenarios: results }, null, 2)}\n`);
  console.log(`wrote ${results.length} scenarios to ${OUT}`);
}

await main();
