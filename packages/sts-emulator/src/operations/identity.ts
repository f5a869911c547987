import { validationError } from "../answer.js";
import { accountOfAccessKeyId } from "../identity/ids.js";
import { callerOf, fail, type OperationContext, type Outcome } from "./context.js";

/** GetCallerIdentity: who the signing keys speak for. */
export function getCallerIdentity(context: OperationContext): Outcome {
  const { principal } = callerOf(context);
  return { output: { UserId: principal.userId, Account: principal.account, Arn: principal.arn } };
}

/**
 * GetAccessKeyInfo: the account of a key the emulator knows, else the account an access key
 * id of the AWS format encodes (as STS answers without looking the key up).
 */
export function getAccessKeyInfo(context: OperationContext): Outcome {
  const id = String(context.input.AccessKeyId);
  const account = context.store.find(id)?.principal.account ?? accountOfAccessKeyId(id);
  if (account !== undefined) return { output: { Account: account } };
  return fail(
    validationError(
      `The access key ID "${id}" is not one the emulator knows, nor of the AWS format that encodes an account (a 4-letter prefix and 16 base32 characters).`,
    ),
  );
}
