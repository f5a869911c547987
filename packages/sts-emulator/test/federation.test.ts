import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StsEmulator } from "../src/index.js";
import { CALLER, form, issuedKeys, post, send, signedPost, xmlText } from "./support/http.js";

const NOW = Date.parse("2026-06-01T12:00:00Z");
let sts: StsEmulator;
beforeAll(async () => {
  sts = await StsEmulator.start({ now: () => NOW });
});
afterAll(() => sts.close());

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
const jwt = (claims: object) => `${part({ alg: "RS256", typ: "JWT" })}.${part(claims)}.c2lnbmF0dXJl`;
const ROLE = "arn:aws:iam::210987654321:role/github-deploy";

const webIdentity = (token: string, extra: Record<string, string> = {}) =>
  send(
    post(
      sts.endpoint,
      form("AssumeRoleWithWebIdentity", {
        RoleArn: ROLE,
        RoleSessionName: "run-42",
        WebIdentityToken: token,
        ...extra,
      }),
    ),
  );

describe("AssumeRoleWithWebIdentity", () => {
  it("reads sub, aud and iss from an OIDC token and issues keys for the role session", async () => {
    const token = jwt({
      iss: "https://token.actions.githubusercontent.com",
      sub: "repo:acme/app:ref:refs/heads/main",
      aud: ["sts.amazonaws.com"],
      exp: NOW / 1000 + 300,
    });
    const res = await webIdentity(token);
    expect(res.status, res.text).toBe(200);
    expect(xmlText(res.text, "SubjectFromWebIdentityToken")).toBe("repo:acme/app:ref:refs/heads/main");
    expect(xmlText(res.text, "Audience")).toBe("sts.amazonaws.com");
    expect(xmlText(res.text, "Provider")).toBe(
      "arn:aws:iam::210987654321:oidc-provider/token.actions.githubusercontent.com",
    );
    const me = await send(signedPost(sts.endpoint, CALLER, issuedKeys(res.text), { date: new Date(NOW) }));
    expect(xmlText(me.text, "Arn")).toBe("arn:aws:sts::210987654321:assumed-role/github-deploy/run-42");
  });

  it("answers an expired token with ExpiredTokenException (400)", async () => {
    const res = await webIdentity(
      jwt({ iss: "https://issuer.example", sub: "u1", aud: "a", exp: NOW / 1000 - 1 }),
    );
    expect([res.status, xmlText(res.text, "Code")]).toEqual([400, "ExpiredTokenException"]);
  });

  it("answers a token that is not a JWT with InvalidIdentityToken, unless a ProviderId names an OAuth provider", async () => {
    const res = await webIdentity("not-a-jwt-token");
    expect([res.status, xmlText(res.text, "Code")]).toEqual([400, "InvalidIdentityToken"]);
    const oauth = await webIdentity("Atza|IQEBLjAsAhRFiXuWpUXuRvQ9PZL3GMFcYevydwIUFAHZwXZX", {
      ProviderId: "www.amazon.com",
    });
    expect(oauth.status).toBe(200);
    expect(xmlText(oauth.text, "Provider")).toBe("www.amazon.com");
  });

  it("answers a role ARN that is not a role with ValidationError", async () => {
    const res = await send(
      post(
        sts.endpoint,
        form("AssumeRoleWithWebIdentity", {
          RoleArn: "arn:aws:s3:::my-bucket-name",
          RoleSessionName: "x1",
          WebIdentityToken: jwt({ sub: "abcdef" }),
        }),
      ),
    );
    expect(xmlText(res.text, "Message")).toBe("Request ARN is invalid");
  });
});

const assertion = (attributes: Record<string, string>, subject = "alice@example.com") =>
  Buffer.from(
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">` +
      `<saml:Issuer>https://idp.example.com/saml</saml:Issuer><saml:Assertion><saml:Subject>` +
      `<saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">${subject}</saml:NameID></saml:Subject>` +
      `<saml:AttributeStatement>${Object.entries(attributes)
        .map(
          ([name, value]) =>
            `<saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/${name}"><saml:AttributeValue>${value}</saml:AttributeValue></saml:Attribute>`,
        )
        .join("")}</saml:AttributeStatement></saml:Assertion></samlp:Response>`,
  ).toString("base64");

const saml = (encoded: string) =>
  send(
    post(
      sts.endpoint,
      form("AssumeRoleWithSAML", {
        RoleArn: ROLE,
        PrincipalArn: "arn:aws:iam::210987654321:saml-provider/Okta",
        SAMLAssertion: encoded,
      }),
    ),
  );

describe("AssumeRoleWithSAML", () => {
  it("names the session from the RoleSessionName attribute and describes the subject", async () => {
    const res = await saml(assertion({ RoleSessionName: "alice", SessionDuration: "1800" }));
    expect(res.status, res.text).toBe(200);
    expect(xmlText(res.text, "Arn")).toBe("arn:aws:sts::210987654321:assumed-role/github-deploy/alice");
    expect(xmlText(res.text, "Subject")).toBe("alice@example.com");
    expect(xmlText(res.text, "SubjectType")).toBe("persistent");
    expect(xmlText(res.text, "Issuer")).toBe("https://idp.example.com/saml");
    expect(xmlText(res.text, "Audience")).toBe("https://signin.aws.amazon.com/saml");
    // AssumeRoleWithSAML API reference: BASE64(SHA1(issuer + account + "/" + provider name)).
    const qualifier = createHash("sha1")
      .update("https://idp.example.com/saml210987654321/Okta")
      .digest("base64");
    expect(xmlText(res.text, "NameQualifier")).toBe(qualifier);
    expect(issuedKeys(res.text).expiration).toBe("2026-06-01T12:30:00Z");
  });

  it("answers InvalidIdentityToken for bad base64, bad XML and a missing RoleSessionName", async () => {
    for (const encoded of ["!!!not base64!!!", Buffer.from("<unclosed>").toString("base64"), assertion({})]) {
      const res = await saml(encoded);
      expect([res.status, xmlText(res.text, "Code")], encoded).toEqual([400, "InvalidIdentityToken"]);
    }
  });
});
