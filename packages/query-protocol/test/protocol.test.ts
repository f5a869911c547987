import { describe, expect, it } from "vitest";
import {
  FORM_CONTENT_TYPE,
  parseError,
  parseResponse,
  QueryProtocolError,
  type ServiceModel,
  serialize,
} from "../src/index.js";
import { loadStsModel } from "./support.js";

const sts = loadStsModel();

const ASSUME_ROLE_RESPONSE = `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/demo/s</Arn><AssumedRoleId>ARO:s</AssumedRoleId></AssumedRoleUser>
    <Credentials>
      <AccessKeyId>ASIAEXAMPLE</AccessKeyId><SecretAccessKey>secret</SecretAccessKey>
      <SessionToken>token</SessionToken><Expiration>2019-11-09T13:34:41.5Z</Expiration>
    </Credentials>
    <PackedPolicySize>006</PackedPolicySize>
  </AssumeRoleResult>
  <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
</AssumeRoleResponse>`;

describe("serialize", () => {
  it("writes Action, Version and members in model order", () => {
    const body = serialize("AssumeRole", { RoleSessionName: "s", RoleArn: "arn:aws:iam::1:role/r" }, sts);
    expect(body).toBe(
      "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fr&RoleSessionName=s",
    );
  });

  it("writes nested list structures as Name.member.N.Member and an empty list as Name=", () => {
    const body = serialize(
      "AssumeRole",
      { RoleArn: "r", RoleSessionName: "s", Tags: [{ Key: "k", Value: "v" }], TransitiveTagKeys: [] },
      sts,
    );
    expect(body).toContain("&Tags.member.1.Key=k&Tags.member.1.Value=v&TransitiveTagKeys=");
  });

  it("percent-encodes keys and values per RFC 3986, including !'()* and spaces as %20", () => {
    const body = serialize("GetFederationToken", { Name: "a b!'()*~-._/é" }, sts);
    expect(body).toContain("&Name=a%20b%21%27%28%29%2A~-._%2F%C3%A9");
  });

  it("serializes an operation without input members", () => {
    expect(serialize("GetCallerIdentity", undefined, sts)).toBe(
      "Action=GetCallerIdentity&Version=2011-06-15",
    );
  });

  it("writes timestamps as ISO 8601 without fractions when there are none", () => {
    const model: ServiceModel = {
      metadata: { apiVersion: "1" },
      operations: { Op: { name: "Op", input: { shape: "In" } } },
      shapes: {
        In: { type: "structure", members: { At: { shape: "T" }, Blob: { shape: "B" } } },
        T: { type: "timestamp" },
        B: { type: "blob" },
      },
    };
    expect(
      serialize("Op", { At: new Date("2020-01-02T03:04:05Z"), Blob: new Uint8Array([1, 2]) }, model),
    ).toBe("Action=Op&Version=1&At=2020-01-02T03%3A04%3A05Z&Blob=AQI%3D");
    expect(serialize("Op", { At: new Date("2020-01-02T03:04:05.250Z") }, model)).toContain(
      "At=2020-01-02T03%3A04%3A05.250Z",
    );
  });

  it("rejects an unknown operation and a value of the wrong type with QueryProtocolError", () => {
    expect(() => serialize("Nope", {}, sts)).toThrow(QueryProtocolError);
    expect(() => serialize("AssumeRole", { DurationSeconds: "3600" }, sts)).toThrow(/DurationSeconds/);
    expect(() => serialize("AssumeRole", { Tags: "x" }, sts)).toThrow(/expected an array/);
    expect(() => serialize("AssumeRole", { RoleArn: "\uD800" }, sts)).toThrow(/surrogate/);
  });

  it("exports the form content type", () => {
    expect(FORM_CONTENT_TYPE).toBe("application/x-www-form-urlencoded; charset=utf-8");
  });
});

describe("parseResponse", () => {
  it("unwraps the result wrapper and reads the request id", () => {
    const { output, requestId } = parseResponse(
      "AssumeRole",
      new TextEncoder().encode(ASSUME_ROLE_RESPONSE),
      sts,
    );
    expect(requestId).toBe("c6104cbe-af31-11e0-8154-cbc7ccf896c7");
    expect(output).toEqual({
      AssumedRoleUser: { Arn: "arn:aws:sts::123456789012:assumed-role/demo/s", AssumedRoleId: "ARO:s" },
      Credentials: {
        AccessKeyId: "ASIAEXAMPLE",
        SecretAccessKey: "secret",
        SessionToken: "token",
        Expiration: new Date("2019-11-09T13:34:41.500Z"),
      },
      PackedPolicySize: 6,
    });
  });

  it("reports malformed XML and malformed values as QueryProtocolError with the cause", () => {
    const bad = ASSUME_ROLE_RESPONSE.replace("006", "six");
    expect(() => parseResponse("AssumeRole", bad, sts)).toThrow(/PackedPolicySize/);
    expect(() => parseResponse("AssumeRole", "<AssumeRoleResponse>", sts)).toThrow(QueryProtocolError);
  });

  it.each([
    ["a captive portal's page", "<html><body><p>Sign in to the network</p></body></html>"],
    ["another operation's answer", ASSUME_ROLE_RESPONSE],
  ])("refuses %s: a 200 answer without the result element is not an empty output", (_, body) => {
    let caught: unknown;
    try {
      parseResponse("GetCallerIdentity", body, sts);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(QueryProtocolError);
    expect((caught as QueryProtocolError).code).toBe("invalid-response");
    expect((caught as Error).message).toMatch(/no <GetCallerIdentityResult> element/);
  });
});

describe("parseResponse on a cut-off body", () => {
  const SECRET = "wJalrXUtnFEMIK7MDENGbPxRfiCYzEXAMPLEKEY";
  const TOKEN = "FwoGZXIvYXdzEXAMPLETOKENdGhpcyBpcyBhIHRva2Vu";
  const oneLine = ASSUME_ROLE_RESPONSE.replace(/\n\s*/g, "")
    .replace("<SecretAccessKey>secret", `<SecretAccessKey>${SECRET}`)
    .replace("<SessionToken>token", `<SessionToken>${TOKEN}`);

  it("never puts the secret key or session token into the error, wherever the body ends", () => {
    for (let end = 0; end < oneLine.length; end++) {
      try {
        parseResponse("AssumeRole", oneLine.slice(0, end), sts);
      } catch (error) {
        expect(error).toBeInstanceOf(QueryProtocolError);
        const text = `${(error as Error).message} ${String((error as Error).cause)}`;
        for (const value of [SECRET, TOKEN]) {
          for (let at = 0; at + 8 <= value.length; at += 8)
            expect(text).not.toContain(value.slice(at, at + 8));
        }
      }
    }
  });
});

describe("parseError", () => {
  const body = `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
    <Error><Type>Sender</Type><Code>ExpiredTokenException</Code><Message>The token is expired</Message></Error>
    <RequestId>a1b2</RequestId></ErrorResponse>`;

  it("reads Type, Code, Message and the request id", () => {
    expect(parseError(400, body, sts)).toEqual({
      code: "ExpiredTokenException",
      message: "The token is expired",
      type: "Sender",
      requestId: "a1b2",
      status: 400,
      fields: {},
    });
  });

  it("keeps unmodeled extra members as strings", () => {
    const extra = body.replace("</Error>", "<Detail>more</Detail></Error>");
    expect(parseError(400, extra).fields).toEqual({ Detail: "more" });
  });

  it("reads the EC2-style Response/Errors/Error envelope", () => {
    const ec2 =
      "<Response><Errors><Error><Code>Boom</Code><Message>m</Message></Error></Errors><RequestID>r9</RequestID></Response>";
    expect(parseError(400, ec2)).toMatchObject({ code: "Boom", message: "m", requestId: "r9" });
  });

  it.each([
    [503, ""],
    [502, "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>"],
    [500, "<!DOCTYPE html><html><body>oops</body></html>"],
    [504, "upstream request timeout"],
    [403, new Uint8Array([0xff, 0xfe, 0x00])],
  ])("returns a generic error for a %i with a non-XML body", (status, raw) => {
    const error = parseError(status, raw);
    expect(error.code).toBe(String(status));
    expect(error.status).toBe(status);
    expect(error.message).not.toBe("");
    expect(error.requestId).toBeUndefined();
  });
});
