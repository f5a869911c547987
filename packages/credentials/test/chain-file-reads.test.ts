import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { defaultChain } from "../src/node/index.js";
import { AKID, FUTURE, json, type Loopback, loopback, SECRET, TOKEN, tempHome } from "./helpers.js";

// Counts the shared files' opens: the provider reads them through node:fs `open`, called on the
// built-in module object, so a spy on that object sees every call.
const fs = process.getBuiltinModule("node:fs");
const opened: string[] = [];
const open = fs.open;
vi.spyOn(fs, "open").mockImplementation(((path: string, ...rest: unknown[]) => {
  opened.push(String(path));
  return (open as (...args: unknown[]) => void)(path, ...rest);
}) as typeof fs.open);

let server: Loopback | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  opened.length = 0;
});

const DOC = { Code: "Success", AccessKeyId: AKID, SecretAccessKey: SECRET, Token: TOKEN, Expiration: FUTURE };

describe("defaultChain file reads", () => {
  it("reads each shared file once in a pass that goes all the way to instance metadata", async () => {
    server = await loopback((req, res) => {
      if (req.method === "PUT") return json(res, 200, "imds-token");
      if (req.url === "/latest/meta-data/iam/security-credentials/") return json(res, 200, "role\n");
      return json(res, 200, DOC);
    });
    // A profile with only IMDS settings: the shared-file, credential_process and IMDS steps all read it.
    const home = await tempHome({
      ".aws/config": `[default]\nec2_metadata_service_endpoint = ${server.url}\n`,
    });
    try {
      const credentials = await defaultChain({ env: {}, homedir: home.dir })();
      expect(credentials.accessKeyId).toBe(AKID);
      const config = join(home.dir, ".aws", "config");
      const credentialsFile = join(home.dir, ".aws", "credentials");
      expect(opened.filter((path) => path === config)).toHaveLength(1);
      expect(opened.filter((path) => path === credentialsFile)).toHaveLength(1);
    } finally {
      await home.remove();
    }
  });

  it("reads them again on the next pass, so edits are picked up", async () => {
    const home = await tempHome({
      ".aws/credentials": `[default]\naws_access_key_id = ${AKID}\naws_secret_access_key = ${SECRET}\n`,
    });
    try {
      const first = defaultChain({ env: {}, homedir: home.dir });
      const second = defaultChain({ env: {}, homedir: home.dir });
      await first();
      await second();
      expect(opened.filter((path) => path.startsWith(home.dir))).toHaveLength(4);
    } finally {
      await home.remove();
    }
  });
});
