import { accessDenied, type ErrorAnswer } from "../answer.js";
import type { Principal, PrincipalKind } from "../identity/principal.js";

const EVERYTHING = "*";

/**
 * STS operations each kind of credentials may call (IAM User Guide, "Compare AWS STS
 * credentials"): GetSessionToken's keys may call only AssumeRole and GetCallerIdentity,
 * GetFederationToken's and AssumeRoot's only GetCallerIdentity, and role sessions anything
 * but GetSessionToken and GetFederationToken, which need an IAM user's long-term keys.
 */
const ALLOWED: Record<PrincipalKind, ReadonlySet<string>> = {
  user: new Set([EVERYTHING]),
  session: new Set(["AssumeRole", "GetCallerIdentity"]),
  role: new Set([
    "AssumeRole",
    "AssumeRoot",
    "DecodeAuthorizationMessage",
    "GetAccessKeyInfo",
    "GetCallerIdentity",
    "GetDelegatedAccessToken",
    "GetWebIdentityToken",
  ]),
  "federated-user": new Set(["GetCallerIdentity"]),
  root: new Set(["GetCallerIdentity"]),
};

const NEED_LONG_TERM_KEYS = new Set(["GetSessionToken", "GetFederationToken"]);

/** AccessDenied when `principal` may not call `action`, as STS answers it. */
export function denied(principal: Principal, action: string): ErrorAnswer | undefined {
  const allowed = ALLOWED[principal.kind];
  if (allowed.has(EVERYTHING) || allowed.has(action)) return undefined;
  if (NEED_LONG_TERM_KEYS.has(action)) return accessDenied(`Cannot call ${action} with session credentials`);
  return accessDenied(`User: ${principal.arn} is not authorized to perform: sts:${action}`);
}
