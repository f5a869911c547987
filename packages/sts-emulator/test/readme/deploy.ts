// The code under test in the README's vitest example (its src/deploy.ts).
import type { STSClient } from "@lanyard/sts-client";

/** Credentials of the deploy role in `account`, valid for 15 minutes. */
export async function deployCredentials(sts: STSClient, account: string) {
  const { Credentials } = await sts.assumeRole({
    RoleArn: `arn:aws:iam::${account}:role/deploy`,
    RoleSessionName: "release",
    DurationSeconds: 900,
  });
  if (!Credentials) throw new Error("AssumeRole returned no credentials");
  return {
    accessKeyId: Credentials.AccessKeyId!,
    secretAccessKey: Credentials.SecretAccessKey!,
    sessionToken: Credentials.SessionToken!,
    expiration: Credentials.Expiration!,
  };
}
