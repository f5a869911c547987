import { type ServiceModel, serialize } from "@lanyard/query-protocol";
import { stsExamples, stsModel } from "@lanyard/sts-emulator/model";
import { describe, expect, it } from "vitest";
import { allCases } from "../src/replay/cases.js";
import { expectedForm, formDifferences } from "../src/replay/expected-form.js";

const pairs = (body: string): [string, string][] => [...new URLSearchParams(body)];

describe("expectedForm", () => {
  it("serializes the documented AssumeRole example as the hand-written awsQuery body", () => {
    const example = stsExamples().AssumeRole![0]!;
    const body =
      "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fdemo" +
      "&RoleSessionName=testAssumeRoleSession" +
      "&Policy=%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Sid%22%3A%22Stmt1%22%2C%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22s3%3AListAllMyBuckets%22%2C%22Resource%22%3A%22*%22%7D%5D%7D" +
      "&Tags.member.1.Key=Project&Tags.member.1.Value=Unicorn&Tags.member.2.Key=Team&Tags.member.2.Value=Automation" +
      "&Tags.member.3.Key=Cost-Center&Tags.member.3.Value=12345" +
      "&TransitiveTagKeys.member.1=Project&TransitiveTagKeys.member.2=Cost-Center&ExternalId=123ABC";
    expect(formDifferences(pairs(body), expectedForm("AssumeRole", example.input))).toEqual([]);
  });

  it("serializes a nested structure and a list of strings for written examples", () => {
    const root = allCases().find((c) => c.operation === "AssumeRoot" && c.kind === "written")!;
    expect(expectedForm("AssumeRoot", root.input)).toEqual([
      ["Action", "AssumeRoot"],
      ["Version", "2011-06-15"],
      ["TargetPrincipal", "111122223333"],
      ["TaskPolicyArn.arn", "arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy"],
      ["DurationSeconds", "900"],
    ]);
    const token = allCases().find((c) => c.operation === "GetWebIdentityToken" && c.kind === "written")!;
    expect(expectedForm("GetWebIdentityToken", token.input)).toContainEqual([
      "Audience.member.2",
      "https://auth.example.com",
    ]);
  });

  it("sends an empty list as Name=", () => {
    expect(expectedForm("GetFederationToken", { Name: "n", Tags: [] })).toContainEqual(["Tags", ""]);
  });

  it("reports missing, unexpected, changed and repeated keys", () => {
    const want: [string, string][] = [
      ["A", "1"],
      ["B", "2"],
    ];
    expect(
      formDifferences(want, [
        ["A", "1"],
        ["A", "1"],
        ["B", "3"],
        ["C", "4"],
      ]),
    ).toEqual(["a form key is sent more than once", 'B="3", expected "2"', "unexpected C"]);
    expect(formDifferences(want, [["A", "1"]])).toEqual(["missing B"]);
  });
});

describe("allCases", () => {
  it("covers the 9 documented examples, 4 written operations, every modeled error, 2 auth rejections and 5 faults", () => {
    const cases = allCases();
    const count = (kind: string) => cases.filter((c) => c.kind === kind).length;
    expect([count("example"), count("written"), count("error"), count("auth"), count("fault")]).toEqual([
      9, 4, 12, 2, 5,
    ]);
    expect(new Set(cases.map((c) => c.operation)).size).toBe(11);
  });
});

describe("expectedForm against @lanyard/query-protocol", () => {
  it("agrees with serialize() for every case's input", () => {
    for (const c of allCases()) {
      const body = serialize(c.operation, c.input, stsModel() as unknown as ServiceModel);
      expect(formDifferences(expectedForm(c.operation, c.input), pairs(body)), c.id).toEqual([]);
    }
  });
});
