import type { RoleArn } from "./arn.js";
import { uniqueId } from "./ids.js";

/**
 * How a set of credentials came to be, which decides what it may call (IAM User Guide,
 * "Compare AWS STS credentials"):
 * - `user`: an IAM user's long-term keys (the test identity);
 * - `session`: GetSessionToken's keys, still the same user;
 * - `role`: a role session from AssumeRole, AssumeRoleWithWebIdentity or AssumeRoleWithSAML;
 * - `federated-user`: GetFederationToken's keys;
 * - `root`: AssumeRoot's keys, a task-scoped root session of a member account.
 */
export type PrincipalKind = "user" | "session" | "role" | "federated-user" | "root";

/** Who a set of credentials speaks for: what GetCallerIdentity answers. */
export interface Principal {
  kind: PrincipalKind;
  partition: string;
  account: string;
  arn: string;
  userId: string;
}

export function iamUser(account: string, name: string): Principal {
  const arn = `arn:aws:iam::${account}:user/${name}`;
  return { kind: "user", partition: "aws", account, arn, userId: uniqueId("AIDA", arn) };
}

/** The role ID (`AROA…`) is stable per role, as IAM's is for the life of the role. */
export function roleId(role: RoleArn): string {
  return uniqueId("AROA", `arn:${role.partition}:iam::${role.account}:role/${role.name}`);
}

export function roleSession(role: RoleArn, sessionName: string): Principal {
  return {
    kind: "role",
    partition: role.partition,
    account: role.account,
    arn: `arn:${role.partition}:sts::${role.account}:assumed-role/${role.name}/${sessionName}`,
    userId: `${roleId(role)}:${sessionName}`,
  };
}

export function federatedUser(caller: Principal, name: string): Principal {
  const { partition, account } = caller;
  return {
    kind: "federated-user",
    partition,
    account,
    arn: `arn:${partition}:sts::${account}:federated-user/${name}`,
    userId: `${account}:${name}`,
  };
}

export function rootSession(partition: string, account: string): Principal {
  return { kind: "root", partition, account, arn: `arn:${partition}:iam::${account}:root`, userId: account };
}
