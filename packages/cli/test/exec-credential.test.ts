import { describe, expect, it } from "vitest";
import { execApiVersion, formatExecCredential } from "../src/exec-credential.js";

function versionFor(execInfo: string | undefined): { apiVersion: string; warnings: string[] } {
  const warnings: string[] = [];
  return { apiVersion: execApiVersion(execInfo, (line) => warnings.push(line)), warnings };
}

describe("the ExecCredential apiVersion from KUBERNETES_EXEC_INFO", () => {
  it("is v1beta1 without a word when the variable is absent or empty", () => {
    expect(versionFor(undefined)).toEqual({
      apiVersion: "client.authentication.k8s.io/v1beta1",
      warnings: [],
    });
    expect(versionFor("")).toEqual({ apiVersion: "client.authentication.k8s.io/v1beta1", warnings: [] });
  });

  it("is the version kubectl asked for when it is v1 or v1beta1", () => {
    for (const version of ["client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1"]) {
      const info = JSON.stringify({
        kind: "ExecCredential",
        apiVersion: version,
        spec: { interactive: false },
      });
      expect(versionFor(info)).toEqual({ apiVersion: version, warnings: [] });
    }
  });

  it("keeps the deprecated v1alpha1 with a warning", () => {
    const { apiVersion, warnings } = versionFor('{"apiVersion":"client.authentication.k8s.io/v1alpha1"}');
    expect(apiVersion).toBe("client.authentication.k8s.io/v1alpha1");
    expect(warnings).toHaveLength(1);
  });

  it("falls back to v1beta1 with a warning on malformed JSON or an unknown version", () => {
    for (const info of ["{not json", "null", '{"apiVersion":"client.authentication.k8s.io/v2"}']) {
      const { apiVersion, warnings } = versionFor(info);
      expect(apiVersion).toBe("client.authentication.k8s.io/v1beta1");
      expect(warnings).toHaveLength(1);
    }
  });
});

describe("formatExecCredential", () => {
  it("prints the AWS CLI's bytes: indent 4, expiration 14 minutes on without milliseconds, a blank line", () => {
    const now = Date.parse("2024-05-01T12:00:00.750Z");
    expect(formatExecCredential("k8s-aws-v1.abc", "client.authentication.k8s.io/v1beta1", now)).toBe(
      `{
    "kind": "ExecCredential",
    "apiVersion": "client.authentication.k8s.io/v1beta1",
    "spec": {},
    "status": {
        "expirationTimestamp": "2024-05-01T12:14:00Z",
        "token": "k8s-aws-v1.abc"
    }
}

`,
    );
  });
});
