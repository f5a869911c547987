import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StsEmulator, TEST_CREDENTIALS } from "../src/index.js";
import { decodeInput } from "../src/input/form.js";
import { validateInput } from "../src/input/validate.js";
import { stsModel } from "../src/model/load.js";
import { form, post, send, signedPost, xmlText } from "./support/http.js";

const op = (name: string) => stsModel().operations[name]!;
const decode = (name: string, body: string) => decodeInput(op(name), [...new URLSearchParams(body)]);

describe("decodeInput", () => {
  it("reads structures, lists and numbers back from the awsQuery form", () => {
    const body =
      "Action=AssumeRole&RoleArn=arn&RoleSessionName=s&DurationSeconds=900&PolicyArns.member.1.arn=p1" +
      "&Tags.member.1.Key=k&Tags.member.1.Value=v&Tags.member.2.Key=k2&Tags.member.2.Value=&TransitiveTagKeys=";
    expect(decode("AssumeRole", body)).toEqual({
      RoleArn: "arn",
      RoleSessionName: "s",
      DurationSeconds: 900,
      PolicyArns: [{ arn: "p1" }],
      Tags: [
        { Key: "k", Value: "v" },
        { Key: "k2", Value: "" },
      ],
      TransitiveTagKeys: [],
    });
  });

  it("keeps a malformed number as text for validation to report", () => {
    expect(decode("GetSessionToken", "DurationSeconds=12ab")).toEqual({ DurationSeconds: "12ab" });
  });
});

describe("validateInput", () => {
  const message = (name: string, body: string) => validateInput(op(name), decode(name, body))?.message;

  it("answers a missing required member as STS does: Value null … Member must not be null", () => {
    expect(validateInput(op("AssumeRole"), { RoleSessionName: "s1" })).toEqual({
      status: 400,
      code: "ValidationError",
      message:
        "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null",
    });
  });

  it("lists every broken constraint, pattern before length, with lower-case member paths", () => {
    expect(message("AssumeRole", "RoleArn=&RoleSessionName=a b")).toBe(
      "3 validation errors detected: " +
        "Value '' at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+; " +
        "Value '' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20; " +
        "Value 'a b' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
    );
  });

  it("checks number ranges, list lengths and members of list items", () => {
    expect(message("GetSessionToken", "DurationSeconds=899")).toBe(
      "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    );
    expect(message("GetSessionToken", "DurationSeconds=12ab")).toContain("Member must be a whole number");
    const tag = message(
      "AssumeRole",
      "RoleArn=arn:aws:iam::123456789012:role/r&RoleSessionName=s1&Tags.member.1.Key=a%21&Tags.member.1.Value=v",
    );
    expect(tag).toContain("Value 'a!' at 'tags.1.member.key' failed to satisfy constraint");
    const audience = message("GetWebIdentityToken", "Audience=&SigningAlgorithm=ES384");
    expect(audience).toBe(
      "1 validation error detected: Value at 'audience' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });

  it("matches patterns with Unicode classes and supplementary planes", () => {
    expect(
      message(
        "AssumeRole",
        "RoleArn=arn:aws:iam::123456789012:role/r%F0%9F%98%80&RoleSessionName=s1&Tags.member.1.Key=%C3%A9t%C3%A9&Tags.member.1.Value=%E6%97%A5",
      ),
    ).toBeUndefined();
  });

  it("names a sensitive member without its value", () => {
    const text = message(
      "AssumeRoleWithWebIdentity",
      "RoleArn=arn:aws:iam::123456789012:role/r&RoleSessionName=s1&WebIdentityToken=abc",
    );
    expect(text).toBe(
      "1 validation error detected: Value at 'webIdentityToken' failed to satisfy constraint: Member must have length greater than or equal to 4",
    );
  });
});

describe("validation over the wire", () => {
  let sts: StsEmulator;
  beforeAll(async () => {
    sts = await StsEmulator.start();
  });
  afterAll(() => sts.close());

  it("answers ValidationError (400, Sender) before anything else happens, signed or not", async () => {
    const res = await send(
      signedPost(
        sts.endpoint,
        form("AssumeRole", { RoleSessionName: "s1" }),
        { ...TEST_CREDENTIALS },
        { date: new Date() },
      ),
    );
    expect([res.status, xmlText(res.text, "Code"), xmlText(res.text, "Type")]).toEqual([
      400,
      "ValidationError",
      "Sender",
    ]);
    const unsigned = await send(
      post(sts.endpoint, form("AssumeRoleWithSAML", { RoleArn: "arn:aws:iam::123456789012:role/r" })),
    );
    expect(xmlText(unsigned.text, "Message")).toMatch(
      /^2 validation errors detected: Value null at 'principalArn'/,
    );
  });
});
