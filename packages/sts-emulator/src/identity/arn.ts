/** The parts of an ARN: `arn:partition:service:region:account:resource`. */
export interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

export function parseArn(text: string): Arn | undefined {
  const parts = text.split(":");
  if (parts.length < 6 || parts[0] !== "arn" || parts[1] === "" || parts[2] === "") return undefined;
  const [, partition, service, region, account] = parts as [string, string, string, string, string];
  const resource = parts.slice(5).join(":");
  return resource === "" ? undefined : { partition, service, region, account, resource };
}

/** An IAM role: `arn:aws:iam::123456789012:role/path/name`. */
export interface RoleArn {
  partition: string;
  account: string;
  name: string;
}

const ACCOUNT_ID = /^\d{12}$/;

/** The role an ARN names, if it is an IAM role ARN (any path; the name is its last segment). */
export function roleOf(arn: Arn): RoleArn | undefined {
  if (arn.service !== "iam" || arn.region !== "" || !ACCOUNT_ID.test(arn.account)) return undefined;
  if (!arn.resource.startsWith("role/")) return undefined;
  const name = arn.resource.slice(arn.resource.lastIndexOf("/") + 1);
  return name === "" ? undefined : { partition: arn.partition, account: arn.account, name };
}

export function isAccountId(text: string): boolean {
  return ACCOUNT_ID.test(text);
}
