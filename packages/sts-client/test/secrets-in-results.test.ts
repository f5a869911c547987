// What a caller is likeliest to log: a role call's result (console.log(await sts.assumeRole(…)))
// and the error of a call whose token the identity provider quoted back. Neither may print the
// secret key, the session token or the web identity token; the values stay readable by name.
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type STSClient, STSServiceError } from "../src/index.js";
import { testClient } from "./support/client.js";
import { errorXml, type StsServer, startStsServer, successXml } from "./support/sts-server.js";

const SECRET = "9drTJvcXLB89EXAMPLELB8923FB892xMFI";
const TOKEN = "AQoXdzELDDY//////////wEaoAK1wvxJY12r2IrDFT2IvAzTCn3zHoZ7YNtpiQLF0MqZye/EXAMPLETOKEN";
const WEB_IDENTITY_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW0ifQ.EXAMPLESIGNATURE";
// Base64 with + / =, which the form body carries percent-encoded.
const SAML_ASSERTION = "PHNhbWxwOlJlc3BvbnNlIHhtbG5zOnNhbWxwPSJ1cm4+/EXAMPLE+ASSERTION/w==";
const CREDENTIALS_XML =
  `<Credentials><AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId><SecretAccessKey>${SECRET}</SecretAccessKey>` +
  `<SessionToken>${TOKEN}</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration></Credentials>`;

let server: StsServer;
let client: STSClient;
beforeAll(async () => {
  server = await startStsServer(({ form, body }) => {
    const action = form.get("Action") ?? "";
    if (action === "AssumeRoleWithSAML") {
      // As a proxy or a compatible service may: the request body quoted as it arrived.
      const quoted = `cannot read ${body.replace(/&/g, "&amp;").replace(/</g, "&lt;")}`;
      return { status: 400, body: errorXml("MalformedPolicyDocument", quoted) };
    }
    if (action === "AssumeRoleWithWebIdentity") {
      const quoted = `Token ${form.get("WebIdentityToken")} is not a valid JWT for this provider`;
      return { status: 400, body: errorXml("InvalidIdentityToken", quoted) };
    }
    return { body: successXml(action, CREDENTIALS_XML) };
  });
  client = testClient(server.url);
});
afterAll(async () => {
  await client.close();
  await server.close();
});

const ROLE = { RoleArn: "arn:aws:iam::123456789012:role/demo", RoleSessionName: "s1" };

describe("a result holding credentials", () => {
  it.each([
    ["AssumeRole", () => client.assumeRole(ROLE)],
    ["GetSessionToken", () => client.getSessionToken()],
    ["GetFederationToken", () => client.getFederationToken({ Name: "bob" })],
  ])("%s shows [redacted] for the secret and the token when inspected", async (_, call) => {
    const result = await call();
    const text = `${inspect(result, { depth: 5 })}\n${inspect(result.Credentials)}`;
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(TOKEN);
    expect(text).toContain("ASIAIOSFODNN7EXAMPLE");
  });

  it("keeps them in JSON, which is how a server hands vended credentials to its caller", async () => {
    const { Credentials } = await client.assumeRole(ROLE);
    expect(JSON.parse(JSON.stringify(Credentials))).toEqual({
      AccessKeyId: "ASIAIOSFODNN7EXAMPLE",
      SecretAccessKey: SECRET,
      SessionToken: TOKEN,
      Expiration: "2030-01-01T00:00:00.000Z",
    });
  });

  it("keeps every member readable, and equal to a plain object", async () => {
    const { Credentials } = await client.assumeRole(ROLE);
    expect(Credentials?.SecretAccessKey).toBe(SECRET);
    expect({ ...Credentials }.SessionToken).toBe(TOKEN);
    expect(Credentials).toEqual({
      AccessKeyId: "ASIAIOSFODNN7EXAMPLE",
      SecretAccessKey: SECRET,
      SessionToken: TOKEN,
      Expiration: new Date("2030-01-01T00:00:00Z"),
    });
  });
});

describe("an error quoting the web identity token", () => {
  it("carries [redacted] in its place", async () => {
    const error = await client
      .assumeRoleWithWebIdentity({ ...ROLE, WebIdentityToken: WEB_IDENTITY_TOKEN })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(STSServiceError);
    expect((error as Error).message).toBe("Token [redacted] is not a valid JWT for this provider");
    expect(inspect(error, { depth: 5 })).not.toContain(WEB_IDENTITY_TOKEN);
  });
});

describe("an error quoting the request body as sent", () => {
  it("carries [redacted] for the SAML assertion's percent-encoded form too", async () => {
    const error = await client
      .assumeRoleWithSAML({
        RoleArn: ROLE.RoleArn,
        PrincipalArn: "arn:aws:iam::123456789012:saml-provider/corp",
        SAMLAssertion: SAML_ASSERTION,
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(STSServiceError);
    const text = `${(error as Error).message}\n${inspect(error, { depth: 5 })}`;
    expect(text).toContain("SAMLAssertion=[redacted]");
    expect(text).not.toContain(encodeURIComponent(SAML_ASSERTION));
    expect(text).not.toContain(SAML_ASSERTION);
  });
});
