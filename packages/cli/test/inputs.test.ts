import { describe, expect, it } from "vitest";
import {
  assumeRoleInput,
  credentialProcessInput,
  eksTokenInput,
  globalInput,
  parseDuration,
} from "../src/inputs.js";

const ROLE = "arn:aws:iam::123456789012:role/deploy";

describe("parseDuration", () => {
  it("reads seconds and s, m, h units", () => {
    expect(parseDuration("900", "assume-role")).toBe(900);
    expect(parseDuration("3600s", "assume-role")).toBe(3600);
    expect(parseDuration("15m", "assume-role")).toBe(900);
    expect(parseDuration("12h", "assume-role")).toBe(43_200);
  });

  it.each(["899", "43201", "13h", "1d", "1.5h", "-900", "", "ten", "0x384", " 900"])(
    "rejects %j as a usage error naming the accepted range",
    (text) => {
      expect(() => parseDuration(text, "assume-role")).toThrow(/--duration must be 900 to 43200 seconds/);
    },
  );
});

describe("assumeRoleInput", () => {
  it("defaults to JSON for sh and passes the optional members through", () => {
    expect(assumeRoleInput({ "role-arn": ROLE })).toEqual({ roleArn: ROLE, format: "json", shell: "sh" });
    expect(
      assumeRoleInput({
        "role-arn": ROLE,
        "role-session-name": "ci@build",
        duration: "1h",
        "external-id": "ext-1",
        "serial-number": "arn:aws:iam::123456789012:mfa/alice",
        "token-code": "123456",
        format: "env",
        shell: "fish",
      }),
    ).toEqual({
      roleArn: ROLE,
      roleSessionName: "ci@build",
      durationSeconds: 3600,
      externalId: "ext-1",
      serialNumber: "arn:aws:iam::123456789012:mfa/alice",
      tokenCode: "123456",
      format: "env",
      shell: "fish",
    });
  });

  it.each([
    [{ "role-arn": "deploy" }, /--role-arn must be a role ARN/],
    [{ "role-arn": ROLE, "role-session-name": "has space" }, /--role-session-name must be/],
    [{ "role-arn": ROLE, "token-code": "12345" }, /--token-code must be the 6-digit MFA code/],
    [{ "role-arn": ROLE, "serial-number": "short" }, /--serial-number must be/],
    [{ "role-arn": ROLE, "external-id": "x" }, /--external-id must be/],
    [{ "role-arn": ROLE, shell: "fish" }, /--shell goes with --format env/],
  ])("rejects %j", (raw, message) => {
    expect(() => assumeRoleInput(raw)).toThrow(message);
  });
});

describe("the other commands' inputs", () => {
  it("credential-process needs --profile and reads --no-cache", () => {
    expect(() => credentialProcessInput({})).toThrow(/--profile is required/);
    expect(credentialProcessInput({ profile: "dev" })).toEqual({ profile: "dev", cache: true });
    expect(credentialProcessInput({ profile: "dev", "no-cache": true })).toEqual({
      profile: "dev",
      cache: false,
    });
  });

  it("eks-token takes a cluster name and an optional role", () => {
    expect(eksTokenInput({ cluster: "prod-1" })).toEqual({ cluster: "prod-1" });
    expect(eksTokenInput({ cluster: "prod", "role-arn": ROLE })).toEqual({ cluster: "prod", roleArn: ROLE });
    expect(() => eksTokenInput({ cluster: "bad\r\nx-injected: 1" })).toThrow(
      /--cluster must be an EKS cluster name/,
    );
  });

  it("checks --region and --endpoint-url before any I/O", () => {
    expect(globalInput({ region: "eu-west-1", "endpoint-url": "http://127.0.0.1:4566" }, "whoami")).toEqual({
      region: "eu-west-1",
      endpoint: "http://127.0.0.1:4566",
      debug: false,
    });
    expect(() => globalInput({ region: "evil.com#" }, "whoami")).toThrow(/--region must be a Region name/);
    expect(() => globalInput({ "endpoint-url": "127.0.0.1:4566" }, "whoami")).toThrow(
      /--endpoint-url must be/,
    );
  });
});
