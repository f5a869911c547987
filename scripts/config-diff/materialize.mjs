// Turns a scenario of the differential fixtures into files under a fresh HOME and the
// environment to resolve it with. Shared by generate.mjs (botocore, JS SDK v3) and the
// credentials package's replay test (Lanyard), so all three see byte-identical files.
//
// Placeholders in file contents, cache entries and env values:
//   {home}                              the scenario's HOME
//   {sts} {sso} {oidc} {imds} {container}  base URLs of the loopback stand-ins
//   {node}                              the running Node executable (for credential_process)
//   {iso:+N} / {iso:-N}                 now plus or minus N seconds, as the AWS CLI writes it
import { createHash } from "node:crypto";
import { chmod, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const SERVERS = ["sts", "sso", "oidc", "imds", "container"];

/** `2030-01-01T00:00:00Z`: the AWS CLI's cache timestamps have no fraction of a second. */
export function cliTimestamp(epochMs) {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

export function expand(text, context) {
  return text.replace(/\{(home|node|sts|sso|oidc|imds|container|iso:[+-]\d+)\}/g, (_match, name) => {
    if (name === "home") return context.home;
    if (name === "node") return process.execPath;
    if (name.startsWith("iso:")) return cliTimestamp(context.now + Number(name.slice(4)) * 1000);
    return context.urls[name];
  });
}

function expandValue(value, context) {
  if (typeof value === "string") return expand(value, context);
  if (Array.isArray(value)) return value.map((item) => expandValue(item, context));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expandValue(v, context)]));
  }
  return value;
}

async function put(path, text, mode) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
  if (mode !== undefined) await chmod(path, mode);
}

function hex(algorithm, text) {
  return createHash(algorithm).update(text).digest("hex");
}

function cacheText(entry, context) {
  return typeof entry === "string"
    ? expand(entry, context)
    : JSON.stringify(expandValue(entry, context), null, 2);
}

async function writeCaches(scenario, context) {
  // The AWS CLI names a token file by the SHA-1 of the sso-session name (or of the start
  // URL for legacy profiles), and a login session by the SHA-256 of its name.
  for (const [key, entry] of Object.entries(scenario.ssoCache ?? {})) {
    const path = join(context.home, ".aws", "sso", "cache", `${hex("sha1", key)}.json`);
    await put(path, cacheText(entry, context), 0o600);
  }
  for (const [key, entry] of Object.entries(scenario.loginCache ?? {})) {
    const path = join(context.home, ".aws", "login", "cache", `${hex("sha256", key)}.json`);
    await put(path, cacheText(entry, context), 0o600);
  }
}

/** The environment a scenario runs with: nothing from the caller's AWS_* variables. */
function scenarioEnv(scenario, context) {
  const env = { HOME: context.home };
  if (scenario.imds === "env") env.AWS_EC2_METADATA_SERVICE_ENDPOINT = context.urls.imds;
  else if (scenario.imds !== "config") env.AWS_EC2_METADATA_DISABLED = "true";
  for (const [name, value] of Object.entries(scenario.env ?? {})) env[name] = expand(value, context);
  return env;
}

/**
 * Writes the scenario's files under a new temporary HOME and returns it with the env.
 * `urls` maps the stand-in names to their base URLs; `now` is the clock for {iso:…}.
 */
export async function materialize(scenario, urls, now = Date.now()) {
  for (const name of SERVERS) if (!urls[name]) throw new Error(`materialize: no URL for ${name}`);
  const home = await mkdtemp(join(tmpdir(), "config-diff-"));
  const context = { home, urls, now };
  if (scenario.config !== undefined)
    await put(join(home, ".aws", "config"), expand(scenario.config, context));
  if (scenario.credentials !== undefined) {
    await put(join(home, ".aws", "credentials"), expand(scenario.credentials, context));
  }
  for (const [relative, spec] of Object.entries(scenario.files ?? {})) {
    const { text, mode } = typeof spec === "string" ? { text: spec, mode: undefined } : spec;
    await put(join(home, relative), expand(text, context), mode);
  }
  await writeCaches(scenario, context);
  return { home, env: scenarioEnv(scenario, context) };
}

/** Replaces the stand-ins' URLs and the HOME in a resolved value with their placeholders. */
export function normalize(value, { home, urls }) {
  if (typeof value === "string") {
    let text = value;
    for (const [name, url] of Object.entries(urls)) text = text.split(url).join(`{${name}}`);
    return text.split(home).join("{home}");
  }
  if (Array.isArray(value)) return value.map((item) => normalize(item, { home, urls }));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v, { home, urls })]));
  }
  return value;
}
