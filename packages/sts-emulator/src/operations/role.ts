import { type ErrorAnswer, validationError } from "../answer.js";
import { parseArn, type RoleArn, roleOf } from "../identity/arn.js";

/**
 * The role a `RoleArn` names. STS answers an unparsable ARN and the ARN of anything but a
 * role (a SAML provider passed in the wrong field, a user) with ValidationError; the emulator
 * trusts every well-formed role (it keeps no IAM roles or trust policies).
 */
export function targetRole(roleArn: string): RoleArn | ErrorAnswer {
  const arn = parseArn(roleArn);
  if (arn === undefined) return validationError(`${roleArn} is invalid`);
  return roleOf(arn) ?? validationError("Request ARN is invalid");
}

export function isError(value: object): value is ErrorAnswer {
  return "status" in value && "code" in value;
}
