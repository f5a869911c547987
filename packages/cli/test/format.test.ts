import { execFileSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  awsJson,
  formatEnvCredentials,
  formatIdentity,
  formatProcessCredentials,
  isoUtc,
} from "../src/format.js";

const ROLE_CREDENTIALS = {
  AccessKeyId: "ASIAIOSFODNN7EXAMPLE",
  SecretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY",
  SessionToken:
    "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==",
  Expiration: new Date("2019-11-09T13:34:41Z"),
};

describe("whoami output", () => {
  const identity = {
    UserId: "AIDAEXAMPLE",
    Account: "123456789012",
    Arn: "arn:aws:iam::123456789012:user/alice",
  };

  it("prints JSON as `aws sts get-caller-identity` does: indent 4, UserId, Account, Arn", () => {
    expect(
      formatIdentity({ Arn: identity.Arn, Account: identity.Account, UserId: identity.UserId }, "json"),
    ).toBe(
      '{\n    "UserId": "AIDAEXAMPLE",\n    "Account": "123456789012",\n    "Arn": "arn:aws:iam::123456789012:user/alice"\n}\n',
    );
  });

  it("prints text as the AWS CLI does: the values tab-separated in key order", () => {
    expect(formatIdentity(identity, "text")).toBe(
      "123456789012\tarn:aws:iam::123456789012:user/alice\tAIDAEXAMPLE\n",
    );
  });
});

describe("timestamps and JSON", () => {
  it("prints timestamps as the AWS CLI does (Python isoformat of UTC)", () => {
    expect(isoUtc(new Date("2019-11-09T13:34:41Z"))).toBe("2019-11-09T13:34:41+00:00");
  });

  it("indents JSON by four spaces and ends it with a newline", () => {
    expect(awsJson({ a: { b: 1 }, c: {} })).toBe('{\n    "a": {\n        "b": 1\n    },\n    "c": {}\n}\n');
  });
});

describe("credential formats", () => {
  it("credential-process: Version 1 JSON with two-space indent, as `aws configure export-credentials`", () => {
    expect(JSON.parse(formatProcessCredentials(ROLE_CREDENTIALS))).toEqual({
      Version: 1,
      AccessKeyId: ROLE_CREDENTIALS.AccessKeyId,
      SecretAccessKey: ROLE_CREDENTIALS.SecretAccessKey,
      SessionToken: ROLE_CREDENTIALS.SessionToken,
      Expiration: "2019-11-09T13:34:41+00:00",
    });
    expect(formatProcessCredentials(ROLE_CREDENTIALS)).toMatch(/^\{\n {2}"Version": 1,\n/);
  });

  it("credential-process: long-term keys have neither SessionToken nor Expiration", () => {
    const text = formatProcessCredentials({ AccessKeyId: "AKIDEXAMPLE", SecretAccessKey: "secret" });
    expect(JSON.parse(text)).toEqual({ Version: 1, AccessKeyId: "AKIDEXAMPLE", SecretAccessKey: "secret" });
  });

  it("env: export lines in the AWS CLI's order, the expiration last", () => {
    expect(formatEnvCredentials(ROLE_CREDENTIALS, "sh")).toBe(
      [
        `export AWS_ACCESS_KEY_ID=${ROLE_CREDENTIALS.AccessKeyId}`,
        `export AWS_SECRET_ACCESS_KEY=${ROLE_CREDENTIALS.SecretAccessKey}`,
        `export AWS_SESSION_TOKEN=${ROLE_CREDENTIALS.SessionToken}`,
        "export AWS_CREDENTIAL_EXPIRATION=2019-11-09T13:34:41+00:00",
        "",
      ].join("\n"),
    );
  });

  it("fish and PowerShell use their own syntax", () => {
    expect(formatEnvCredentials(ROLE_CREDENTIALS, "fish").split("\n")[0]).toBe(
      `set -gx AWS_ACCESS_KEY_ID "${ROLE_CREDENTIALS.AccessKeyId}"`,
    );
    expect(formatEnvCredentials(ROLE_CREDENTIALS, "powershell").split("\n")[0]).toBe(
      `$Env:AWS_ACCESS_KEY_ID="${ROLE_CREDENTIALS.AccessKeyId}"`,
    );
  });

  it("sh: any value, evaluated by a real shell, sets exactly that value and runs nothing", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !s.includes("\0")),
        (secret) => {
          const script = `${formatEnvCredentials({ AccessKeyId: "AKID", SecretAccessKey: secret }, "sh")}printf %s "$AWS_SECRET_ACCESS_KEY"`;
          expect(execFileSync("sh", ["-c", script], { encoding: "utf8" })).toBe(secret);
        },
      ),
      { numRuns: 40 },
    );
  });
});
