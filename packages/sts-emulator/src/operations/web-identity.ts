import { createHash } from "node:crypto";
import { type ErrorAnswer, modeledError } from "../answer.js";
import { roleSession } from "../identity/principal.js";
import { isoSeconds } from "../identity/store.js";
import { ROLE_SESSION_SECONDS, roleSessionOutput } from "./assume-role.js";
import { fail, integer, type OperationContext, type Outcome, text } from "./context.js";
import { audienceOf, type Claims, readClaims } from "./jwt.js";
import { isError, targetRole } from "./role.js";
import { sessionPolicy } from "./session-policy.js";

interface WebIdentity {
  subject: string;
  provider: string;
  audience?: string;
}

/**
 * Who the token speaks for. An OpenID Connect ID token is a JWT whose `iss` names the IAM OIDC
 * provider (STS reports its ARN as Provider); OAuth 2.0 access tokens of Login with Amazon or
 * Facebook are opaque and come with a ProviderId. Signatures are not checked: the emulator
 * trusts every identity provider.
 */
function identityOf(
  token: string,
  providerId: string | undefined,
  account: string,
  now: number,
): WebIdentity | ErrorAnswer {
  const claims = readClaims(token);
  if (claims === undefined) {
    if (providerId !== undefined) return { subject: opaqueSubject(token), provider: providerId };
    return modeledError(
      "InvalidIdentityTokenException",
      "The web identity token is not a JWT (header.payload.signature); an OAuth 2.0 access token needs a ProviderId.",
    );
  }
  const expired = expiry(claims, now);
  if (expired) return expired;
  const issuer = typeof claims.iss === "string" ? claims.iss.replace(/^https:\/\//, "") : "unknown";
  return {
    subject: typeof claims.sub === "string" ? claims.sub : opaqueSubject(token),
    provider: providerId ?? `arn:aws:iam::${account}:oidc-provider/${issuer}`,
    audience: audienceOf(claims),
  };
}

function expiry(claims: Claims, now: number): ErrorAnswer | undefined {
  if (typeof claims.exp !== "number" || claims.exp * 1000 > now) return undefined;
  const message = `Token expired: current date/time ${isoSeconds(now)} must be before the expiration date/time ${isoSeconds(claims.exp * 1000)}`;
  return modeledError("ExpiredTokenException", message);
}

/** A stable stand-in subject for an opaque token (the provider would know the user). */
function opaqueSubject(token: string): string {
  return `subject-${createHash("sha256").update(token).digest("hex").slice(0, 24)}`;
}

/** AssumeRoleWithWebIdentity: a role session for the identity a web identity token names. */
export function assumeRoleWithWebIdentity(context: OperationContext): Outcome {
  const { input, now, store } = context;
  const role = targetRole(String(input.RoleArn));
  if (isError(role)) return fail(role);
  const identity = identityOf(String(input.WebIdentityToken), text(input.ProviderId), role.account, now);
  if (isError(identity)) return fail(identity);
  const policy = sessionPolicy(input);
  if ("error" in policy) return policy;
  const principal = roleSession(role, String(input.RoleSessionName));
  const credentials = store.issue(principal, integer(input.DurationSeconds) ?? ROLE_SESSION_SECONDS, now);
  return {
    output: {
      ...roleSessionOutput(principal, credentials, policy.size),
      SubjectFromWebIdentityToken: identity.subject,
      Provider: identity.provider,
      Audience: identity.audience,
    },
  };
}
