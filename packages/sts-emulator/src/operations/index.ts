import { assumeRole } from "./assume-role.js";
import type { Operation } from "./context.js";
import { getAccessKeyInfo, getCallerIdentity } from "./identity.js";
import { assumeRoleWithSAML } from "./saml.js";
import { assumeRoot, getFederationToken, getSessionToken } from "./session.js";
import { decodeAuthorizationMessage, getDelegatedAccessToken, getWebIdentityToken } from "./tokens.js";
import { assumeRoleWithWebIdentity } from "./web-identity.js";

export type { OperationContext, Outcome } from "./context.js";
export { denied } from "./permissions.js";

/** The emulated behaviour of every STS operation, by its `Action` name. */
export const OPERATIONS: Readonly<Record<string, Operation>> = {
  AssumeRole: assumeRole,
  AssumeRoleWithSAML: assumeRoleWithSAML,
  AssumeRoleWithWebIdentity: assumeRoleWithWebIdentity,
  AssumeRoot: assumeRoot,
  DecodeAuthorizationMessage: decodeAuthorizationMessage,
  GetAccessKeyInfo: getAccessKeyInfo,
  GetCallerIdentity: getCallerIdentity,
  GetDelegatedAccessToken: getDelegatedAccessToken,
  GetFederationToken: getFederationToken,
  GetSessionToken: getSessionToken,
  GetWebIdentityToken: getWebIdentityToken,
};
