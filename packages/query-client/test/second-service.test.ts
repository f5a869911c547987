// The runtime and the generator are service-agnostic: a client for IAM, generated from a slice
// of its public model (test/fixtures/iam/data), round-trips its operations against a loopback
// awsQuery server, lists, nested structures, timestamps, maps and errors included.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ClientError, ServiceError, signingScope, ValidationError } from "@lanyard/query-client";
import { generateClient } from "@lanyard/query-client/codegen";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatGenerated } from "../../../scripts/write-generated.mjs";
import { IAMBaseClient, IAMClient } from "./fixtures/iam/generated/client.generated.js";
import { IAMServiceError, NoSuchEntityException } from "./fixtures/iam/generated/errors.generated.js";
import {
  createUser,
  deleteUser,
  getAccountSummary,
  getUser,
  listUsers,
} from "./fixtures/iam/generated/operations.generated.js";
import { iamOptions } from "./fixtures/iam/iam-options.mjs";
import { errorXml, type QueryServer, resultXml, startQueryServer } from "./support/query-server.js";

const NS = "https://iam.amazonaws.com/doc/2010-05-08/";
const CREDENTIALS = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};
const generatedDir = fileURLToPath(new URL("./fixtures/iam/generated/", import.meta.url));

const ALICE =
  "<Path>/engineering/</Path><UserName>alice</UserName><UserId>AIDAALICE</UserId>" +
  "<Arn>arn:aws:iam::123456789012:user/engineering/alice</Arn><CreateDate>2020-01-02T03:04:05Z</CreateDate>";

function answer(action: string, form: URLSearchParams) {
  switch (action) {
    case "ListUsers":
      return resultXml(
        NS,
        action,
        `<Users><member>${ALICE}<Tags><member><Key>team</Key><Value>blue</Value></member></Tags></member>` +
          "<member><Path>/</Path><UserName>bob</UserName><UserId>AIDABOB</UserId>" +
          "<Arn>arn:aws:iam::123456789012:user/bob</Arn><CreateDate>2021-06-07T08:09:10.5Z</CreateDate></member>" +
          "</Users><IsTruncated>true</IsTruncated><Marker>page-2</Marker>",
        "list-1",
      );
    case "GetUser":
      if (form.get("UserName") === "nobody") {
        return {
          status: 404,
          body: errorXml(NS, "NoSuchEntity", "The user with name nobody cannot be found.", "e-1"),
        };
      }
      return resultXml(
        NS,
        action,
        `<User>${ALICE}<PasswordLastUsed>2024-02-29T12:00:00Z</PasswordLastUsed><PermissionsBoundary>` +
          "<PermissionsBoundaryType>Policy</PermissionsBoundaryType>" +
          "<PermissionsBoundaryArn>arn:aws:iam::aws:policy/PowerUserAccess</PermissionsBoundaryArn>" +
          "</PermissionsBoundary></User>",
        "get-1",
      );
    case "CreateUser":
      return resultXml(NS, action, `<User>${ALICE}</User>`, "create-1");
    case "GetAccountSummary":
      return resultXml(
        NS,
        action,
        "<SummaryMap><entry><key>Users</key><value>27</value></entry>" +
          "<entry><key>UsersQuota</key><value>5000</value></entry></SummaryMap>",
        "summary-1",
      );
    case "DeleteUser":
      return resultXml(NS, action, "", "delete-1");
    default:
      return { status: 400, body: errorXml(NS, "InvalidAction", `no ${action}`, "e-2") };
  }
}

let server: QueryServer;
let client: IAMBaseClient;

beforeAll(async () => {
  server = await startQueryServer(({ action, form }) => {
    const reply = answer(action, form);
    return typeof reply === "string" ? { body: reply } : reply;
  });
  client = new IAMBaseClient({ region: "us-east-1", endpoint: server.url, credentials: CREDENTIALS });
});
afterAll(async () => {
  await client.close();
  await server.close();
});

describe("a client generated for IAM", () => {
  it("is what regenerating from the vendored slice writes", () => {
    const files = formatGenerated(generateClient(iamOptions()), generatedDir);
    const onDisk = readdirSync(generatedDir).filter((name) => name.endsWith(".generated.ts"));
    expect(Object.keys(files).sort()).toEqual(onDisk.sort());
    for (const [name, text] of Object.entries(files)) {
      expect(readFileSync(`${generatedDir}${name}`, "utf8"), `${name}: run npm run codegen:fixture`).toBe(
        text,
      );
    }
  }, 60_000);

  it("decodes a list of nested structures with timestamps, and the paging members", async () => {
    const result = await listUsers(client, { PathPrefix: "/", MaxItems: 2 });
    expect(result.Users).toEqual([
      {
        Path: "/engineering/",
        UserName: "alice",
        UserId: "AIDAALICE",
        Arn: "arn:aws:iam::123456789012:user/engineering/alice",
        CreateDate: new Date("2020-01-02T03:04:05Z"),
        Tags: [{ Key: "team", Value: "blue" }],
      },
      {
        Path: "/",
        UserName: "bob",
        UserId: "AIDABOB",
        Arn: "arn:aws:iam::123456789012:user/bob",
        CreateDate: new Date("2021-06-07T08:09:10.500Z"),
      },
    ]);
    expect(result.IsTruncated).toBe(true);
    expect(result.Marker).toBe("page-2");
    expect(result.$metadata).toEqual({
      httpStatusCode: 200,
      requestId: "list-1",
      attempts: 1,
      totalRetryDelay: 0,
    });
    const sent = server.received.at(-1)!;
    expect([...sent.form]).toEqual([
      ["Action", "ListUsers"],
      ["Version", "2010-05-08"],
      ["PathPrefix", "/"],
      ["MaxItems", "2"],
    ]);
  });

  it("signs with IAM's signing name and the client's region, and names IAM in the user agent", async () => {
    await getUser(client, { UserName: "alice" });
    const { headers } = server.received.at(-1)!;
    expect(headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/iam\/aws4_request/,
    );
    expect(headers["user-agent"]).toMatch(/ api\/iam#0\.0\.0 /);
  });

  it("decodes a nested optional structure and a second timestamp", async () => {
    const { User } = await getUser(client, { UserName: "alice" });
    expect(User.PasswordLastUsed).toEqual(new Date("2024-02-29T12:00:00Z"));
    expect(User.PermissionsBoundary).toEqual({
      PermissionsBoundaryType: "Policy",
      PermissionsBoundaryArn: "arn:aws:iam::aws:policy/PowerUserAccess",
    });
  });

  it("serializes a list of structures in the input", async () => {
    await createUser(client, {
      UserName: "carol",
      Path: "/ops/",
      Tags: [
        { Key: "team", Value: "red" },
        { Key: "cost-center", Value: "42" },
      ],
    });
    const sent = server.received.at(-1)!;
    expect(Object.fromEntries(sent.form)).toEqual({
      Action: "CreateUser",
      Version: "2010-05-08",
      Path: "/ops/",
      UserName: "carol",
      "Tags.member.1.Key": "team",
      "Tags.member.1.Value": "red",
      "Tags.member.2.Key": "cost-center",
      "Tags.member.2.Value": "42",
    });
  });

  it("decodes a map, and an operation without input or output", async () => {
    const { SummaryMap } = await getAccountSummary(client);
    expect(SummaryMap).toEqual({ Users: 27, UsersQuota: 5000 });
    const deleted = await deleteUser(client, { UserName: "carol" });
    expect(deleted).toEqual({
      $metadata: { httpStatusCode: 200, requestId: "delete-1", attempts: 1, totalRetryDelay: 0 },
    });
  });

  it("throws the modeled error class for an error code that differs from its name", async () => {
    const error = await getUser(client, { UserName: "nobody" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoSuchEntityException);
    expect(error).toBeInstanceOf(IAMServiceError);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({
      name: "NoSuchEntityException",
      code: "NoSuchEntity",
      type: "Sender",
      message: "The user with name nobody cannot be found.",
      $metadata: { httpStatusCode: 404, requestId: "e-1", attempts: 1 },
    });
  });

  it("validates the input against IAM's constraints before any request", async () => {
    const before = server.received.length;
    const error = await createUser(client, {
      UserName: "has spaces",
      Tags: [{ Key: "", Value: "v" }],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ValidationError).issues.map((issue) => [issue.path, issue.rule])).toEqual([
      ["UserName", "pattern"],
      ["Tags[0].Key", "length"],
    ]);
    expect(server.received.length).toBe(before);
  });

  it("offers every operation as a method too, and resolves IAM's global endpoint from its rules", async () => {
    const iam = new IAMClient({ region: "eu-west-1", credentials: CREDENTIALS });
    const endpoint = await iam.resolveEndpoint();
    expect(endpoint.url.href).toBe("https://iam.amazonaws.com/");
    expect(signingScope(endpoint)).toEqual({ signingRegion: "us-east-1", signingName: "iam" });
    const china = await new IAMClient({ region: "cn-north-1" }).resolveEndpoint();
    expect(china.url.href).toBe("https://iam.cn-north-1.amazonaws.com.cn/");
    expect(typeof iam.getAccountSummary).toBe("function");
  });
});
