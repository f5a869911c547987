import { randomBytes, randomUUID } from "node:crypto";
import { validationError } from "../answer.js";
import { isoSeconds } from "../identity/store.js";
import { exampleOutput } from "../model/load.js";
import { callerOf, fail, integer, type OperationContext, type Outcome } from "./context.js";
import { base64Url } from "./jwt.js";

/** GetWebIdentityToken's default lifetime, 5 minutes (its API reference). */
const WEB_TOKEN_SECONDS = 300;
const SIGNING_ALGORITHMS = new Set(["ES384", "RS256"]);

/**
 * GetWebIdentityToken: a JWT for an outside service, naming the caller as `sub`. Its signature
 * is random bytes, not verifiable: the emulator publishes no signing keys.
 */
export function getWebIdentityToken(context: OperationContext): Outcome {
  const { input, now } = context;
  const algorithm = String(input.SigningAlgorithm);
  if (!SIGNING_ALGORITHMS.has(algorithm))
    return fail(validationError(`SigningAlgorithm "${algorithm}" is invalid: expected ES384 or RS256`));
  const issuedAt = Math.floor(now / 1000);
  const expiresAt = issuedAt + (integer(input.DurationSeconds) ?? WEB_TOKEN_SECONDS);
  const audience = input.Audience as string[];
  const header = { alg: algorithm, typ: "JWT", kid: "sts-emulator" };
  const claims = {
    iss: "https://sts-emulator.tokens.sts.global.api.aws",
    sub: callerOf(context).principal.arn,
    aud: audience.length === 1 ? audience[0] : audience,
    iat: issuedAt,
    exp: expiresAt,
    jti: randomUUID(),
  };
  const token = `${base64Url(header)}.${base64Url(claims)}.${randomBytes(48).toString("base64url")}`;
  return { output: { WebIdentityToken: token, Expiration: isoSeconds(expiresAt * 1000) } };
}

/** GetDelegatedAccessToken: any trade-in token buys an hour of keys for the caller's own principal. */
export function getDelegatedAccessToken(context: OperationContext): Outcome {
  const { principal } = callerOf(context);
  const credentials = context.store.issue(principal, 3600, context.now);
  return { output: { Credentials: credentials, AssumedPrincipal: principal.arn } };
}

/** DecodeAuthorizationMessage: the emulator encodes no messages, so it answers the documented example. */
export function decodeAuthorizationMessage(): Outcome {
  return { output: exampleOutput("DecodeAuthorizationMessage") };
}
