import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseIni, type SharedConfig } from "@lanyard/credentials/node";
import { describe, expect, it } from "vitest";
import type { CliError } from "../src/errors.js";
import { checkConfigLoop, enterCredentialProcess, lanyardProfileOf } from "../src/recursion.js";

function config(text: string): SharedConfig {
  const sections = parseIni(text);
  const profiles = Object.fromEntries(
    Object.entries(sections).map(([name, values]) => [name.replace(/^profile /, ""), values]),
  );
  return { profiles, credentials: {} } as SharedConfig;
}

describe("lanyardProfileOf", () => {
  it("finds the profile a lanyard credential-process command names", () => {
    expect(lanyardProfileOf("lanyard credential-process --profile dev", undefined)).toBe("dev");
    expect(lanyardProfileOf('/usr/local/bin/lanyard credential-process --profile="dev"', undefined)).toBe(
      "dev",
    );
    expect(lanyardProfileOf("npx lanyard credential-process --no-cache --profile=dev", undefined)).toBe(
      "dev",
    );
  });

  it("recognises the running binary by its path, however it is named", () => {
    const self = realpathSync(fileURLToPath(import.meta.url));
    expect(lanyardProfileOf(`node ${self} credential-process --profile dev`, self)).toBe("dev");
    expect(lanyardProfileOf("node /elsewhere/bin.js credential-process --profile dev", self)).toBeUndefined();
  });

  it("ignores other helpers", () => {
    expect(lanyardProfileOf("aws configure export-credentials --profile dev", undefined)).toBeUndefined();
    expect(lanyardProfileOf("my-helper credential-process --profile dev", undefined)).toBeUndefined();
  });
});

describe("checkConfigLoop", () => {
  const loop = (text: string, profile: string) => () => checkConfigLoop(config(text), profile, undefined);

  it("rejects a profile whose credential_process runs lanyard for itself, naming the loop", () => {
    expect(loop("[profile a]\ncredential_process = lanyard credential-process --profile a\n", "a")).toThrow(
      "credential_process loop: a -> a",
    );
  });

  it("rejects a loop through source_profile and another profile's credential_process", () => {
    const text = `[profile a]
role_arn = arn:aws:iam::123456789012:role/x
source_profile = b
[profile b]
credential_process = lanyard credential-process --profile a
`;
    expect(loop(text, "a")).toThrow("credential_process loop: a -> b -> a");
    expect(loop(text, "b")).toThrow("credential_process loop: b -> a -> b");
  });

  it("allows chains without a loop, and leaves pure source_profile loops to @lanyard/credentials", () => {
    const chain = `[profile a]
credential_process = lanyard credential-process --profile b
[profile b]
role_arn = arn:aws:iam::123456789012:role/x
source_profile = c
[profile c]
aws_access_key_id = AKIDEXAMPLE
aws_secret_access_key = secret
`;
    expect(loop(chain, "a")).not.toThrow();
    const sources =
      "[profile a]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = b\n[profile b]\nrole_arn = arn:aws:iam::1:role/y\nsource_profile = a\n";
    expect(loop(sources, "a")).not.toThrow();
  });

  it("stops at static keys, which a source profile uses before its own role", () => {
    const text = `[profile a]
role_arn = arn:aws:iam::123456789012:role/x
source_profile = a
aws_access_key_id = AKIDEXAMPLE
aws_secret_access_key = secret
credential_process = lanyard credential-process --profile a
`;
    expect(loop(text, "a")).not.toThrow();
  });
});

describe("enterCredentialProcess", () => {
  it("adds the profile to the chain its children inherit", () => {
    expect(enterCredentialProcess("a", {})).toBe('["a"]');
    expect(enterCredentialProcess("b", { LANYARD_CREDENTIAL_PROCESS_CHAIN: '["a"]' })).toBe('["a","b"]');
    expect(enterCredentialProcess("a", { LANYARD_CREDENTIAL_PROCESS_CHAIN: "not json" })).toBe('["a"]');
  });

  it("refuses a profile already in the chain, and chains deeper than eight", () => {
    const error = (() => {
      try {
        enterCredentialProcess("a", { LANYARD_CREDENTIAL_PROCESS_CHAIN: '["a","b"]' });
      } catch (caught) {
        return caught as CliError;
      }
    })();
    expect(error?.message).toBe("credential_process loop: a -> b -> a");
    expect(error?.exitCode).toBe(3);
    const deep = JSON.stringify(["1", "2", "3", "4", "5", "6", "7", "8"]);
    expect(() => enterCredentialProcess("9", { LANYARD_CREDENTIAL_PROCESS_CHAIN: deep })).toThrow(
      /deeper than 8/,
    );
  });
});
