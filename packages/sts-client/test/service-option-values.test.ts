// STS's own option takes two values; anything else (a typo, another case) used to fall back to
// regional endpoints without a word.
import { describe, expect, it } from "vitest";
import { STSClient, type STSClientConfig, STSClientError } from "../src/index.js";

describe("stsRegionalEndpoints", () => {
  it.each(["Legacy", "global", "", true])(
    "%o fails at construction, naming the option and its values",
    (value) => {
      const config = { region: "us-east-1", stsRegionalEndpoints: value } as unknown as STSClientConfig;
      expect(() => new STSClient(config)).toThrow(STSClientError);
      expect(() => new STSClient(config)).toThrow(
        'the stsRegionalEndpoints option must be "regional" or "legacy"',
      );
    },
  );

  it.each(["regional", "legacy"] as const)("%s is accepted", (value) => {
    expect(() => new STSClient({ region: "us-east-1", stsRegionalEndpoints: value })).not.toThrow();
  });
});
