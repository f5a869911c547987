import type { IncomingMessage, ServerResponse } from "node:http";
import { Writable } from "node:stream";
import { format, inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AwsCredentials,
  type CredentialProvider,
  cached,
  chain,
  fromEnv,
  fromStatic,
  fromValue,
} from "../src/index.js";
import {
  defaultChain,
  fromContainer,
  fromIni,
  fromInstanceMetadata,
  fromProcess,
  fromTokenFile,
} from "../src/node/index.js";
import {
  AKID,
  FUTURE,
  json,
  type Loopback,
  loopback,
  SECRET,
  type TempHome,
  TOKEN,
  tempHome,
} from "./helpers.js";

/** Everything a person might do to look at credentials: each must hide the secret and the token. */
function renderings(credentials: AwsCredentials): string[] {
  let logged = "";
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logged += String(chunk);
      done();
    },
  });
  const log = new console.Console({ stdout: sink, stderr: sink, colorMode: false });
  log.log(credentials);
  log.log({ response: { credentials } });
  log.log([credentials]);
  log.error("%o", { deep: { er: { credentials } } });
  // console.dir is left out on purpose: Node's console.dir turns custom inspection off.
  return [
    logged,
    JSON.stringify(credentials),
    JSON.stringify({ nested: { credentials } }),
    String(credentials),
    `${credentials}`,
    inspect(credentials),
    inspect({ a: { b: { c: credentials } } }, { depth: 10 }),
    inspect(credentials, { showHidden: true }),
    format("%o %O %j %s", credentials, credentials, credentials, credentials),
  ];
}

// A plain object, as a user's hook or provider might return it.
const plain = (): AwsCredentials => ({ accessKeyId: AKID, secretAccessKey: SECRET, sessionToken: TOKEN });

let home: TempHome;
let container: Loopback;
let imds: Loopback;

beforeAll(async () => {
  home = await tempHome();
  const helper = await home.write(
    "helper.mjs",
    `process.stdout.write(${JSON.stringify(
      JSON.stringify({ Version: 1, AccessKeyId: AKID, SecretAccessKey: SECRET, SessionToken: TOKEN }),
    )});`,
  );
  const tokenFile = await home.write("token", "oidc-token");
  await home.write(
    ".aws/config",
    [
      "[profile static]",
      `aws_access_key_id = ${AKID}`,
      `aws_secret_access_key = ${SECRET}`,
      `aws_session_token = ${TOKEN}`,
      "[profile role]",
      "role_arn = arn:aws:iam::123456789012:role/r",
      "source_profile = static",
      "[profile web]",
      "role_arn = arn:aws:iam::123456789012:role/w",
      `web_identity_token_file = ${tokenFile}`,
      "[profile process]",
      `credential_process = "${process.execPath}" "${helper}"`,
      "",
    ].join("\n"),
  );
  const doc = { AccessKeyId: AKID, SecretAccessKey: SECRET, Token: TOKEN, Expiration: FUTURE };
  container = await loopback((_req, res) => json(res, 200, doc));
  imds = await loopback((req: IncomingMessage, res: ServerResponse) => {
    if (req.method === "PUT") return json(res, 200, "session");
    if (req.url?.endsWith("/security-credentials/")) return json(res, 200, "role\n");
    return json(res, 200, doc);
  });
});
afterAll(async () => {
  await home.remove();
  await container.close();
  await imds.close();
});

const hooks = { assumeRole: async () => plain(), assumeRoleWithWebIdentity: async () => plain() };
const ini = (profile: string) => ({ profile, env: {}, homedir: home.dir, ...hooks });

const providers: [string, () => CredentialProvider][] = [
  [
    "fromEnv",
    () =>
      fromEnv({ env: { AWS_ACCESS_KEY_ID: AKID, AWS_SECRET_ACCESS_KEY: SECRET, AWS_SESSION_TOKEN: TOKEN } }),
  ],
  ["fromStatic", () => fromStatic(plain())],
  ["fromValue", () => fromValue(plain())],
  ["chain of a provider returning a plain object", () => chain(async () => plain())],
  ["cached of a provider returning a plain object", () => cached(async () => plain())],
  ["fromIni static keys", () => fromIni(ini("static"))],
  ["fromIni role profile through a plain assumeRole hook", () => fromIni(ini("role"))],
  ["fromIni web identity profile through a plain hook", () => fromIni(ini("web"))],
  ["fromIni credential_process", () => fromIni(ini("process"))],
  ["fromProcess", () => fromProcess({ profile: "process", env: {}, homedir: home.dir })],
  [
    "fromTokenFile through a plain hook",
    () =>
      fromTokenFile({
        webIdentityTokenFile: `${home.dir}/token`,
        roleArn: "arn:aws:iam::123456789012:role/w",
        env: {},
        assumeRoleWithWebIdentity: hooks.assumeRoleWithWebIdentity,
      }),
  ],
  [
    "fromContainer",
    () => fromContainer({ env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: `${container.url}/c` } }),
  ],
  ["fromInstanceMetadata", () => fromInstanceMetadata({ endpoint: imds.url, env: {} })],
  ["defaultChain (role profile)", () => defaultChain(ini("role"))],
  [
    "defaultChain (environment)",
    () =>
      defaultChain({
        env: { AWS_ACCESS_KEY_ID: AKID, AWS_SECRET_ACCESS_KEY: SECRET, AWS_SESSION_TOKEN: TOKEN },
        homedir: home.dir,
      }),
  ],
];

describe("every provider hides the secret key and session token", () => {
  it.each(providers)("%s", async (_name, make) => {
    const credentials = await make()();
    expect(credentials.secretAccessKey).toBe(SECRET);
    expect(credentials.sessionToken).toBe(TOKEN);
    for (const text of renderings(credentials)) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(TOKEN);
    }
    expect(renderings(credentials)[0]).toContain(AKID);
  });
});
