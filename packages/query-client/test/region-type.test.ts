import { describe, expect, it } from "vitest";
import { checkRegion } from "../src/region.js";
import { IAMBaseClient } from "./fixtures/iam/generated/client.generated.js";

describe("a region that is no string", () => {
  it("is named by its type with the right article", () => {
    const check = (value: unknown) => () => checkRegion(value as string, "the region option's provider");
    expect(check({ name: "us-east-1" })).toThrow(
      /^an object as the AWS Region from the region option's provider:/,
    );
    expect(check(42)).toThrow(/^a number as the AWS Region from/);
    expect(check(undefined)).toThrow(/^undefined as the AWS Region from/);
    expect(check(true)).toThrow(/^a boolean as the AWS Region from/);
  });

  it("from a provider fails the call with that message, before any I/O", async () => {
    const client = new IAMBaseClient({
      region: async () => ({ region: "us-east-1" }) as unknown as string,
      credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
    });
    await expect(client.resolveRegion()).rejects.toMatchObject({
      code: "config",
      message: expect.stringMatching(/^an object as the AWS Region from the region option's provider/),
    });
  });
});
