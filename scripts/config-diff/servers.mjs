// Loopback stand-ins for the services a credential chain calls: STS (AssumeRole,
// AssumeRoleWithWebIdentity, GetCallerIdentity), the IAM Identity Center portal
// (GetRoleCredentials), SSO OIDC (CreateToken), the ECS container endpoint and IMDS.
// The differential generator points botocore and the JS SDK v3 at them, and the
// credentials package's replay test points Lanyard at the same code, so every
// implementation sees the same answers. Keys are derived from the request, so a
// fixture's access key id says which role, token or source produced it.
import { createHash } from "node:crypto";
import { createServer } from "node:http";

/** A deterministic access key id: `ASIA` + kind + 12 hex digits of SHA-1 over the parts. */
export function deriveKey(kind, ...parts) {
  const digest = createHash("sha1").update(parts.join("|")).digest("hex").slice(0, 12).toUpperCase();
  return `ASIA${kind}${digest}`;
}

/** The access token OIDC CreateToken returns for a refresh token. */
export function refreshedAccessToken(refreshToken) {
  return `refreshed-${createHash("sha1").update(refreshToken).digest("hex").slice(0, 10)}`;
}

export const IMDS_KEY = "ASIAIMDSINSTANCEROLE";
export const CONTAINER_KEY = "ASIACONTAINERTASKROLE";
const SECRET = "loopback-secret-not-real";
const SESSION = "loopback-session-token";

function send(res, status, type, body) {
  res.writeHead(status, { "content-type": type });
  res.end(body);
}

function callerKey(authorization) {
  return /Credential=([^/]+)\//.exec(authorization ?? "")?.[1] ?? "anonymous";
}

function stsCredentialsXml(action, key) {
  const expiration = new Date(Date.now() + 3600_000).toISOString();
  return (
    `<${action}Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><${action}Result>` +
    `<Credentials><AccessKeyId>${key}</AccessKeyId><SecretAccessKey>${SECRET}</SecretAccessKey>` +
    `<SessionToken>${SESSION}</SessionToken><Expiration>${expiration}</Expiration></Credentials>` +
    `<AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/r/s</Arn><AssumedRoleId>AROA:s</AssumedRoleId></AssumedRoleUser>` +
    `</${action}Result><ResponseMetadata><RequestId>loopback</RequestId></ResponseMetadata></${action}Response>`
  );
}

/** The key the STS stand-in issues for AssumeRole (role, caller key, external id). */
export function assumeRoleKey(roleArn, sourceAccessKeyId, externalId) {
  return deriveKey("ROLE", roleArn, sourceAccessKeyId, externalId ?? "");
}

/** The key the STS stand-in issues for AssumeRoleWithWebIdentity (role, token). */
export function webIdentityKey(roleArn, token) {
  return deriveKey("WEB", roleArn, token);
}

/** The key the portal stand-in issues for GetRoleCredentials (account, role, access token). */
export function ssoRoleKey(accountId, roleName, accessToken) {
  return deriveKey("SSO", accountId, roleName, accessToken);
}

function sts(req, res, body) {
  const form = new URLSearchParams(body);
  const action = form.get("Action");
  const roleArn = form.get("RoleArn") ?? "";
  if (action === "AssumeRole") {
    const key = assumeRoleKey(roleArn, callerKey(req.headers.authorization), form.get("ExternalId"));
    return send(res, 200, "text/xml", stsCredentialsXml(action, key));
  }
  if (action === "AssumeRoleWithWebIdentity") {
    const key = webIdentityKey(roleArn, form.get("WebIdentityToken") ?? "");
    return send(res, 200, "text/xml", stsCredentialsXml(action, key));
  }
  send(res, 400, "text/xml", "<ErrorResponse><Error><Code>InvalidAction</Code></Error></ErrorResponse>");
}

function ssoPortal(req, res) {
  const url = new URL(req.url ?? "/", "http://loopback");
  const token = req.headers["x-amz-sso_bearer_token"];
  if (url.pathname !== "/federation/credentials" || typeof token !== "string") {
    return send(res, 400, "application/json", '{"message":"bad request"}');
  }
  if (token.startsWith("denied")) {
    res.setHeader("x-amzn-errortype", "UnauthorizedException");
    return send(res, 401, "application/json", '{"message":"Session token not found or invalid"}');
  }
  const accountId = url.searchParams.get("account_id") ?? "";
  const roleName = url.searchParams.get("role_name") ?? "";
  const roleCredentials = {
    accessKeyId: ssoRoleKey(accountId, roleName, token),
    secretAccessKey: SECRET,
    sessionToken: SESSION,
    expiration: Date.now() + 3600_000,
  };
  send(res, 200, "application/json", JSON.stringify({ roleCredentials }));
}

function oidc(_req, res, body) {
  let input = {};
  try {
    input = JSON.parse(body);
  } catch {}
  const refreshToken = String(input.refreshToken ?? "");
  if (input.grantType !== "refresh_token" || refreshToken === "" || refreshToken.startsWith("revoked")) {
    res.setHeader("x-amzn-errortype", "InvalidGrantException");
    return send(res, 400, "application/json", '{"error":"invalid_grant","error_description":"revoked"}');
  }
  const answer = {
    accessToken: refreshedAccessToken(refreshToken),
    expiresIn: 28800,
    refreshToken: `rotated-${refreshToken}`,
    tokenType: "Bearer",
  };
  send(res, 200, "application/json", JSON.stringify(answer));
}

function imds(req, res) {
  const path = new URL(req.url ?? "/", "http://loopback").pathname;
  if (req.method === "PUT" && path === "/latest/api/token") return send(res, 200, "text/plain", "imds-token");
  if (path === "/latest/meta-data/iam/security-credentials/")
    return send(res, 200, "text/plain", "imds-role");
  if (path === "/latest/meta-data/iam/security-credentials/imds-role") {
    const document = {
      Code: "Success",
      Type: "AWS-HMAC",
      AccessKeyId: IMDS_KEY,
      SecretAccessKey: SECRET,
      Token: SESSION,
      Expiration: new Date(Date.now() + 3600_000).toISOString(),
      LastUpdated: new Date().toISOString(),
    };
    return send(res, 200, "application/json", JSON.stringify(document));
  }
  send(res, 404, "text/plain", "not found");
}

function container(_req, res) {
  const document = {
    AccessKeyId: CONTAINER_KEY,
    SecretAccessKey: SECRET,
    Token: SESSION,
    Expiration: new Date(Date.now() + 3600_000).toISOString(),
  };
  send(res, 200, "application/json", JSON.stringify(document));
}

const HANDLERS = { sts, sso: ssoPortal, oidc, imds, container };

function listen(name, handler, log) {
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      log.push({ server: name, method: req.method ?? "", url: req.url ?? "" });
      handler(req, res, body);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

/**
 * Starts one server per stand-in on 127.0.0.1. `urls` maps each name (sts, sso, oidc,
 * imds, container) to its base URL; `requests` logs every request received.
 */
export async function startServers() {
  const requests = [];
  const servers = {};
  const urls = {};
  for (const [name, handler] of Object.entries(HANDLERS)) {
    servers[name] = await listen(name, handler, requests);
    urls[name] = `http://127.0.0.1:${servers[name].address().port}`;
  }
  const close = () =>
    Promise.all(
      Object.values(servers).map(
        (server) =>
          new Promise((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
          }),
      ),
    );
  return { urls, requests, close };
}
