import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  CredentialsError,
  chain,
  createCredentials,
  fromEnv,
  fromStatic,
  fromValue,
  NoCredentialsError,
} from "../src/index.js";
import { AKID, SECRET, TOKEN } from "./helpers.js";

describe("fromEnv", () => {
  it("reads keys, token, expiration and account id from the given env", async () => {
    const creds = await fromEnv({
      env: {
        AWS_ACCESS_KEY_ID: AKID,
        AWS_SECRET_ACCESS_KEY: SECRET,
        AWS_SESSION_TOKEN: TOKEN,
        AWS_CREDENTIAL_EXPIRATION: "2030-01-02T03:04:05Z",
        AWS_ACCOUNT_ID: "123456789012",
      },
    })();
    expect(creds).toEqual({
      accessKeyId: AKID,
      secretAccessKey: SECRET,
      sessionToken: TOKEN,
      expiration: new Date("2030-01-02T03:04:05Z"),
      accountId: "123456789012",
    });
  });

  it("fails with tryNext when either key is missing", async () => {
    const error = await fromEnv({ env: { AWS_ACCESS_KEY_ID: AKID } })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    expect(error).toMatchObject({ code: "not-configured", tryNext: true });
  });

  it("rejects an expiration that is not a timestamp without echoing the secret", async () => {
    const error = await fromEnv({
      env: { AWS_ACCESS_KEY_ID: AKID, AWS_SECRET_ACCESS_KEY: SECRET, AWS_CREDENTIAL_EXPIRATION: "soon" },
    })().catch((e: Error) => e);
    expect(error).toMatchObject({ code: "invalid-credentials" });
    expect(String(error)).not.toContain(SECRET);
  });
});

describe("redaction", () => {
  const creds = createCredentials({ accessKeyId: AKID, secretAccessKey: SECRET, sessionToken: TOKEN });

  it("keeps the secret and token readable as properties", () => {
    expect(creds.secretAccessKey).toBe(SECRET);
    expect(creds.sessionToken).toBe(TOKEN);
    expect({ ...creds }).toEqual({ accessKeyId: AKID, secretAccessKey: SECRET, sessionToken: TOKEN });
  });

  it("hides the secret and token from JSON.stringify and util.inspect", () => {
    for (const text of [JSON.stringify(creds), inspect(creds), inspect({ nested: [creds] }, { depth: 5 })]) {
      expect(text).toContain(AKID);
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(TOKEN);
      expect(text).toContain("[redacted]");
    }
  });

  it("rejects an empty secret", () => {
    expect(() => createCredentials({ accessKeyId: AKID, secretAccessKey: "" })).toThrow(/secretAccessKey/);
  });

  it("fromStatic and fromValue return redacted copies", async () => {
    for (const make of [fromStatic, fromValue]) {
      const got = await make({ accessKeyId: AKID, secretAccessKey: SECRET })();
      expect(JSON.stringify(got)).not.toContain(SECRET);
    }
  });
});

describe("chain", () => {
  const skip = (message: string) => async () => {
    throw new CredentialsError("not-configured", message, { tryNext: true });
  };

  it("returns the first provider that yields credentials", async () => {
    const creds = await chain(skip("a"), fromStatic({ accessKeyId: AKID, secretAccessKey: SECRET }))();
    expect(creds.accessKeyId).toBe(AKID);
  });

  it("aggregates every reason when no provider yields credentials", async () => {
    const error = await chain(skip("first is off"), skip("second is off"))().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoCredentialsError);
    const aggregated = error as NoCredentialsError;
    expect(aggregated.code).toBe("no-credentials");
    expect(aggregated.errors).toHaveLength(2);
    expect(aggregated.message).toMatch(/1\. first is off\n {2}2\. second is off/);
  });

  it("stops at an error that does not allow trying the next provider", async () => {
    let reached = false;
    const broken = async () => {
      throw new CredentialsError("profile-cycle", "cycle");
    };
    const later = async () => {
      reached = true;
      return createCredentials({ accessKeyId: AKID, secretAccessKey: SECRET });
    };
    await expect(chain(broken, later)()).rejects.toMatchObject({ code: "profile-cycle" });
    expect(reached).toBe(false);
  });
});

describe("portable entry", () => {
  it("imports no node: module and uses no Node global outside src/node", async () => {
    const dir = join(import.meta.dirname, "..", "src");
    const files = (await readdir(dir)).filter((f) => f.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = await readFile(join(dir, file), "utf8");
      expect(text, file).not.toMatch(/from "node:|require\(|\bBuffer\b|NodeJS\./);
      // Only code counts: doc comments may name `process.env`.
      expect(text, file).not.toMatch(/(?<![`\w.])process\./);
    }
  });
});
