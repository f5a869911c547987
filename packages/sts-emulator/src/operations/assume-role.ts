import { validationError } from "../answer.js";
import type { Principal } from "../identity/principal.js";
import { roleSession } from "../identity/principal.js";
import type { IssuedCredentials } from "../identity/store.js";
import { callerOf, fail, integer, type OperationContext, type Outcome, text } from "./context.js";
import { isError, targetRole } from "./role.js";
import { sessionPolicy } from "./session-policy.js";

/** Role sessions last an hour unless asked otherwise (AssumeRole API reference, DurationSeconds). */
export const ROLE_SESSION_SECONDS = 3600;

/** What every AssumeRole* answer carries: the keys, the assumed-role user and the packed size. */
export function roleSessionOutput(
  principal: Principal,
  credentials: IssuedCredentials,
  packedPolicySize: number | undefined,
): Record<string, unknown> {
  return {
    Credentials: credentials,
    AssumedRoleUser: { AssumedRoleId: principal.userId, Arn: principal.arn },
    PackedPolicySize: packedPolicySize,
  };
}

/**
 * AssumeRole: a role session for any well-formed role ARN. A role session assuming another
 * role is role chaining, which STS caps at one hour.
 */
export function assumeRole(context: OperationContext): Outcome {
  const { input, now, store } = context;
  const caller = callerOf(context);
  const role = targetRole(String(input.RoleArn));
  if (isError(role)) return fail(role);
  const policy = sessionPolicy(input);
  if ("error" in policy) return policy;
  const duration = integer(input.DurationSeconds) ?? ROLE_SESSION_SECONDS;
  if (caller.principal.kind === "role" && duration > ROLE_SESSION_SECONDS) {
    return fail(
      validationError(
        "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
      ),
    );
  }
  const principal = roleSession(role, String(input.RoleSessionName));
  const credentials = store.issue(principal, duration, now);
  const output = roleSessionOutput(principal, credentials, policy.size);
  return { output: { ...output, SourceIdentity: text(input.SourceIdentity) } };
}
