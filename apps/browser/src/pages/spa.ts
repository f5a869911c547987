// A single-page app as a user would write one, with the per-operation functions: exchange a web
// identity token for role credentials (no AWS credentials in the page, AssumeRoleWithWebIdentity
// is unsigned), then make a signed call. The STS endpoint comes from the page's query string.
import { assumeRoleWithWebIdentity, getCallerIdentity, STSBaseClient } from "@lanyard/sts-client";
import { FetchTransport } from "@lanyard/transport-fetch";
import { definitionList, errorText, finish, section } from "./render.js";
import { TEST_IDENTITY } from "./test-identity.js";

const WEB_IDENTITY_INPUT = {
  RoleArn: "arn:aws:iam::123456789012:role/FederatedWebIdentityRole",
  RoleSessionName: "app1",
  WebIdentityToken:
    "Atza%7CIQEBLjAsAhRFiXuWpUXuRvQ9PZL3GMFcYevydwIUFAHZwXZXXXXXXXXJnrulxKDHwy87oGKPznh0D6bEQZ",
  ProviderId: "www.amazon.com",
  DurationSeconds: 3600,
};

function endpointFromQuery(): string {
  const endpoint = new URLSearchParams(location.search).get("endpoint");
  if (!endpoint) throw new Error("expected ?endpoint=<STS URL> in the page address");
  return endpoint;
}

async function webIdentitySection(endpoint: string): Promise<HTMLElement> {
  const client = new STSBaseClient({
    region: "us-east-1",
    endpoint,
    transport: new FetchTransport(),
    userAgentAppId: "browser-spa",
  });
  const result = await assumeRoleWithWebIdentity(client, WEB_IDENTITY_INPUT);
  await client.close();
  return section(
    "AssumeRoleWithWebIdentity (no credentials)",
    definitionList([
      ["Assumed role ARN", "web-identity-arn", result.AssumedRoleUser?.Arn ?? "(none)"],
      ["AccessKeyId", "web-identity-access-key-id", result.Credentials?.AccessKeyId ?? "(none)"],
      ["Expiration", "web-identity-expiration", result.Credentials?.Expiration?.toISOString() ?? "(none)"],
      ["Request id", "web-identity-request-id", result.$metadata.requestId ?? "(none)"],
    ]),
  );
}

async function callerIdentitySection(endpoint: string): Promise<HTMLElement> {
  const client = new STSBaseClient({
    region: "us-east-1",
    endpoint,
    credentials: TEST_IDENTITY,
    transport: new FetchTransport(),
    userAgentAppId: "browser-spa",
  });
  const result = await getCallerIdentity(client);
  await client.close();
  return section(
    "GetCallerIdentity (signed with SigV4)",
    definitionList([
      ["Account", "caller-account", result.Account ?? "(none)"],
      ["ARN", "caller-arn", result.Arn ?? "(none)"],
      ["UserId", "caller-user-id", result.UserId ?? "(none)"],
      ["Attempts", "caller-attempts", String(result.$metadata.attempts)],
    ]),
  );
}

async function main(): Promise<void> {
  try {
    const endpoint = endpointFromQuery();
    const webIdentity = await webIdentitySection(endpoint);
    const caller = await callerIdentitySection(endpoint);
    finish("done", webIdentity, caller);
  } catch (error) {
    finish("error", section("Failed", errorText(error)));
  }
}

void main();
