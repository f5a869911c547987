import { validationError } from "../answer.js";
import { isAccountId } from "../identity/arn.js";
import { federatedUser, rootSession } from "../identity/principal.js";
import { callerOf, fail, integer, type OperationContext, type Outcome } from "./context.js";
import { sessionPolicy } from "./session-policy.js";

/** GetSessionToken and GetFederationToken default to 12 hours (their API references). */
const USER_SESSION_SECONDS = 43_200;
/** AssumeRoot sessions last at most, and by default, 15 minutes. */
const ROOT_SESSION_SECONDS = 900;
const ROOT_TASK_POLICY = "arn:aws:iam::aws:policy/root-task/";

/** GetSessionToken: temporary keys for the same IAM user. */
export function getSessionToken(context: OperationContext): Outcome {
  const { input, now, store } = context;
  const principal = { ...callerOf(context).principal, kind: "session" as const };
  const credentials = store.issue(principal, integer(input.DurationSeconds) ?? USER_SESSION_SECONDS, now);
  return { output: { Credentials: credentials } };
}

/** GetFederationToken: keys for a federated user named by `Name`, in the caller's account. */
export function getFederationToken(context: OperationContext): Outcome {
  const { input, now, store } = context;
  const policy = sessionPolicy(input);
  if ("error" in policy) return policy;
  const principal = federatedUser(callerOf(context).principal, String(input.Name));
  const credentials = store.issue(principal, integer(input.DurationSeconds) ?? USER_SESSION_SECONDS, now);
  return {
    output: {
      Credentials: credentials,
      FederatedUser: { FederatedUserId: principal.userId, Arn: principal.arn },
      PackedPolicySize: policy.size,
    },
  };
}

/** AssumeRoot: a short root session of a member account, scoped to one root-task policy. */
export function assumeRoot(context: OperationContext): Outcome {
  const { input, now, store } = context;
  const target = String(input.TargetPrincipal);
  if (!isAccountId(target))
    return fail(validationError(`TargetPrincipal "${target}" is invalid: expected a 12-digit account ID`));
  const policyArn = String((input.TaskPolicyArn as { arn?: unknown } | undefined)?.arn ?? "");
  if (!policyArn.startsWith(ROOT_TASK_POLICY))
    return fail(
      validationError(`TaskPolicyArn "${policyArn}" is invalid: expected ${ROOT_TASK_POLICY}<task>`),
    );
  const principal = rootSession(callerOf(context).principal.partition, target);
  const credentials = store.issue(principal, integer(input.DurationSeconds) ?? ROOT_SESSION_SECONDS, now);
  return { output: { Credentials: credentials } };
}
