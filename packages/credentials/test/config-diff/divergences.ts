/**
 * Where Lanyard deliberately resolves a scenario differently from the JS SDK v3 fixture.
 * Mirrored in the credentials README ("Where the SDKs disagree"); the replay test fails
 * if an entry no longer diverges, so the list stays true.
 */
export interface Divergence {
  id: string;
  column: "region" | "credentials";
  reason: string;
}

const CR_ONLY =
  "CR-only line endings are parsed (as botocore does); the JS SDK splits on LF only and silently misses the keys";
const QUOTED =
  "a quoted name with a space ([profile 'my prof'], as `aws configure` writes it) is read, as botocore does; the JS SDK's pattern does not match it";
const MISSING_PROFILE =
  "a profile chosen by AWS_PROFILE or the profile option that no file defines is an error (profile-not-found), as in botocore; the JS SDK moves on to other sources";
const BROKEN_PROFILE =
  "a selected profile whose source fails stops the chain with that error, as in botocore; the JS SDK moves on to other sources (on EC2: the instance's role)";
const SSO_MISMATCH =
  "an sso_region / sso_start_url that differs between a profile and its sso-session is an error, as in botocore; the JS SDK silently uses the session's";

export const DIVERGENCES: Divergence[] = [
  { id: "cr-only-line-endings", column: "region", reason: CR_ONLY },
  { id: "cr-only-line-endings", column: "credentials", reason: CR_ONLY },
  { id: "quoted-profile-with-space", column: "region", reason: QUOTED },
  { id: "quoted-profile-with-space", column: "credentials", reason: QUOTED },
  { id: "sso-quoted-session-name", column: "credentials", reason: QUOTED },
  { id: "config-bare-section", column: "credentials", reason: MISSING_PROFILE },
  { id: "unquoted-profile-with-space", column: "credentials", reason: MISSING_PROFILE },
  { id: "missing-aws-profile", column: "credentials", reason: MISSING_PROFILE },
  { id: "missing-profile-option", column: "credentials", reason: MISSING_PROFILE },
  { id: "missing-aws-profile-on-ec2", column: "credentials", reason: MISSING_PROFILE },
  { id: "aws-profile-default-no-files", column: "credentials", reason: MISSING_PROFILE },
  { id: "role-loop", column: "credentials", reason: BROKEN_PROFILE },
  { id: "role-loop-on-ec2", column: "credentials", reason: BROKEN_PROFILE },
  { id: "role-credential-source-env-empty", column: "credentials", reason: BROKEN_PROFILE },
  { id: "role-credential-source-unknown", column: "credentials", reason: BROKEN_PROFILE },
  { id: "role-missing-source-profile", column: "credentials", reason: BROKEN_PROFILE },
  {
    id: "role-both-sources",
    column: "credentials",
    reason:
      "a role profile with both source_profile and credential_source is an error naming both; the JS SDK ignores the role and moves on, botocore uses the environment's keys",
  },
  { id: "process-fails", column: "credentials", reason: BROKEN_PROFILE },
  { id: "process-bad-json", column: "credentials", reason: BROKEN_PROFILE },
  { id: "process-expired", column: "credentials", reason: BROKEN_PROFILE },
  { id: "sso-region-mismatch", column: "credentials", reason: SSO_MISMATCH },
  { id: "sso-start-url-mismatch", column: "credentials", reason: SSO_MISMATCH },
];
