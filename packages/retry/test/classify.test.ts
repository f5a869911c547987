import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  CLOCK_SKEW_ERROR_CODES,
  SIGNATURE_ERROR_CODES,
  THROTTLING_ERROR_CODES,
  THROTTLING_STATUS_CODES,
  TRANSIENT_ERROR_CODES,
  TRANSIENT_STATUS_CODES,
  TRANSIENT_TRANSPORT_CODES,
} from "../src/classify.js";
import { classify } from "../src/index.js";

const NOW = Date.UTC(2026, 0, 1, 12);

describe("classify", () => {
  it.each([
    "Throttling",
    "ThrottlingException",
    "RequestLimitExceeded",
    "TooManyRequestsException",
    "SlowDown",
    "RequestThrottled",
    "ProvisionedThroughputExceededException",
  ])("treats the code %s as throttling", (code) => {
    expect(classify({ code, httpStatus: 400 })).toBe("throttling");
  });

  it("treats HTTP 429 as throttling whatever the code", () => {
    expect(classify({ httpStatus: 429 })).toBe("throttling");
    expect(classify({ code: "Whatever", httpStatus: 429 })).toBe("throttling");
  });

  it("treats a modeled throttle as throttling", () => {
    expect(classify({ code: "Custom", httpStatus: 400, modeledThrottling: true })).toBe("throttling");
  });

  it.each([500, 502, 503, 504])("treats HTTP %i as transient", (httpStatus) => {
    expect(classify({ httpStatus })).toBe("transient");
  });

  it.each(["timeout", "connection-reset", "connection-refused", "truncated-body", "closed", "network"])(
    "treats the transport code %s as transient",
    (transportCode) => {
      expect(classify({ transportCode })).toBe("transient");
    },
  );

  it.each(["aborted", "dns", "tls", "body-too-large"])(
    "never retries the transport code %s",
    (transportCode) => {
      expect(classify({ transportCode })).toBe("none");
    },
  );

  it.each(["RequestTimeout", "RequestTimeoutException"])("treats the code %s as transient", (code) => {
    expect(classify({ code, httpStatus: 400 })).toBe("transient");
  });

  it.each(["RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture"])(
    "treats %s as clock skew",
    (code) => {
      expect(classify({ code, httpStatus: 403 }, NOW)).toBe("clock-skew");
    },
  );

  it.each(["InvalidSignatureException", "SignatureDoesNotMatch"])(
    "treats %s as clock skew only when the server Date is 5 minutes or more from ours",
    (code) => {
      const far = new Date(NOW + 5 * 60_000);
      const near = new Date(NOW + 5 * 60_000 - 1);
      expect(classify({ code, httpStatus: 403, serverDate: far }, NOW)).toBe("clock-skew");
      expect(classify({ code, httpStatus: 403, serverDate: new Date(NOW - 3_600_000) }, NOW)).toBe(
        "clock-skew",
      );
      expect(classify({ code, httpStatus: 403, serverDate: near }, NOW)).toBe("none");
      expect(classify({ code, httpStatus: 403 }, NOW)).toBe("none");
      expect(classify({ code, httpStatus: 403, serverDate: new Date(Number.NaN) }, NOW)).toBe("none");
    },
  );

  it("treats a modeled retryable error as modeled", () => {
    expect(classify({ code: "IDPCommunicationError", httpStatus: 400, modeledRetryable: true })).toBe(
      "modeled",
    );
  });

  it("does not retry client errors", () => {
    expect(classify({ code: "AccessDenied", httpStatus: 403 })).toBe("none");
    expect(classify({ code: "ValidationError", httpStatus: 400 })).toBe("none");
    expect(classify({})).toBe("none");
  });
});

describe("the README's list of what is retried", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const section = readme.slice(readme.indexOf("## What is retried"), readme.indexOf("Legacy mode keeps"));

  it("names every code and status the classifier acts on", () => {
    const listed = [
      ...CLOCK_SKEW_ERROR_CODES,
      ...SIGNATURE_ERROR_CODES,
      ...THROTTLING_ERROR_CODES,
      ...THROTTLING_STATUS_CODES,
      ...TRANSIENT_ERROR_CODES,
      ...TRANSIENT_STATUS_CODES,
      ...TRANSIENT_TRANSPORT_CODES,
    ];
    for (const code of listed) expect(section, String(code)).toMatch(new RegExp(`\\b${code}\\b`));
  });
});
