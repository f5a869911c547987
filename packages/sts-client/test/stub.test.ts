import { describe, expect, it } from "vitest";
import {
  ExpiredTokenException,
  getCallerIdentity,
  STSBaseClient,
  STSClient,
  ValidationError,
} from "../src/index.js";

describe("stub mode", () => {
  const client = new STSClient({
    stubResponses: {
      getCallerIdentity: {
        Account: "123456789012",
        Arn: "arn:aws:iam::123456789012:user/test",
        UserId: "AIDA",
      },
      assumeRole: new ExpiredTokenException({ message: "token expired" }),
      getSessionToken: (input: { DurationSeconds?: number }) => ({
        Credentials: undefined,
        echo: input.DurationSeconds,
      }),
    },
  });

  it("answers outputs without a server, credentials or region", async () => {
    const result = await client.getCallerIdentity();
    expect(result.Account).toBe("123456789012");
    expect(result.$metadata.httpStatusCode).toBe(200);
  });

  it("throws a stubbed modeled error with $metadata", async () => {
    const error = await client
      .assumeRole({ RoleArn: "arn:aws:iam::123456789012:role/x", RoleSessionName: "s1" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExpiredTokenException);
    expect((error as ExpiredTokenException).code).toBe("ExpiredTokenException");
    expect((error as ExpiredTokenException).$metadata.httpStatusCode).toBe(400);
  });

  it("passes the input to a stub function and still validates first", async () => {
    expect(await client.getSessionToken({ DurationSeconds: 900 })).toMatchObject({ echo: 900 });
    await expect(client.getSessionToken({ DurationSeconds: 1 })).rejects.toBeInstanceOf(ValidationError);
  });

  it("says which stub is missing", async () => {
    await expect(client.getAccessKeyInfo({ AccessKeyId: "AKIAIOSFODNN7EXAMPLE" })).rejects.toThrow(
      /getAccessKeyInfo/,
    );
  });

  it("answers the per-operation functions on an STSBaseClient too", async () => {
    const base = new STSBaseClient({ stubResponses: { getCallerIdentity: { Account: "210987654321" } } });
    expect((await getCallerIdentity(base)).Account).toBe("210987654321");
  });
});
