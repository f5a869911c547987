import type { CommandSpec, OptionSpec } from "./spec.js";

/** Accepted before or after the command, like the AWS CLI's global options. */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  { name: "profile", value: "NAME", summary: "use this profile of ~/.aws/config and ~/.aws/credentials" },
  {
    name: "region",
    value: "REGION",
    summary: "AWS Region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region, us-east-1)",
  },
  {
    name: "endpoint-url",
    value: "URL",
    summary: "send STS calls to this URL (default: AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL)",
  },
  { name: "debug", summary: "print the stack of an unexpected error" },
  { name: "help", short: "h", summary: "show help" },
  { name: "version", summary: "print the version" },
];

const FORMATS = ["json", "env", "credential-process"] as const;

export const WHOAMI: CommandSpec = {
  name: "whoami",
  summary: "print the caller's identity (STS GetCallerIdentity)",
  usage: "lanyard whoami [--output json|text] [--profile NAME]",
  options: [
    {
      name: "output",
      value: "FORMAT",
      choices: ["json", "text"],
      summary:
        "json (default, as `aws sts get-caller-identity` prints it) or text (Account, Arn, UserId tab-separated)",
    },
  ],
  examples: ["lanyard whoami --profile dev", "lanyard whoami --output text | cut -f1   # the account id"],
};

export const ASSUME_ROLE: CommandSpec = {
  name: "assume-role",
  summary: "assume an IAM role and print its temporary credentials",
  usage: "lanyard assume-role --role-arn ARN [--format json|env|credential-process] [options]",
  options: [
    { name: "role-arn", value: "ARN", required: true, summary: "the role to assume" },
    {
      name: "role-session-name",
      value: "NAME",
      summary: "session name (default: lanyard-session-<epoch ms>)",
    },
    {
      name: "duration",
      value: "SECONDS",
      summary: "session length: seconds, or 15m, 1h (900–43200; default: the role's, 1 hour)",
    },
    { name: "external-id", value: "ID", summary: "the external id the role's trust policy requires" },
    {
      name: "serial-number",
      value: "ARN",
      summary: "MFA device; the code is asked on the terminal unless --token-code is given",
    },
    {
      name: "token-code",
      value: "CODE",
      summary: "the MFA code (6 digits), for --serial-number or the profile's mfa_serial",
    },
    {
      name: "format",
      value: "FORMAT",
      choices: FORMATS,
      summary:
        "json (default, as `aws sts assume-role`), env (shell exports) or credential-process (Version 1 JSON)",
    },
    {
      name: "shell",
      value: "SHELL",
      choices: ["sh", "fish", "powershell"],
      summary: "with --format env: sh (default), fish or powershell syntax",
    },
  ],
  examples: [
    "lanyard assume-role --role-arn arn:aws:iam::123456789012:role/deploy",
    'eval "$(lanyard assume-role --role-arn arn:aws:iam::123456789012:role/deploy --format env)"',
  ],
};

export const CREDENTIAL_PROCESS: CommandSpec = {
  name: "credential-process",
  summary: "print a profile's credentials for credential_process, cached on disk",
  usage: "lanyard credential-process --profile NAME [--no-cache]",
  options: [{ name: "no-cache", summary: "neither read nor write the on-disk cache" }],
  notes: [
    "Prints the Version 1 JSON that credential_process expects, for the profile's credentials as Lanyard resolves them (role profiles, source_profile chains, MFA, web identity, …).",
    "Temporary credentials are cached in ~/.aws/lanyard/cache (LANYARD_CACHE_DIR overrides) and reused while they stay valid for more than 15 minutes; long-term keys are never written to disk.",
  ],
  examples: ["[profile tools]\ncredential_process = lanyard credential-process --profile deploy"],
};

export const EKS_TOKEN: CommandSpec = {
  name: "eks-token",
  summary: "print an EKS authentication token as kubectl's ExecCredential JSON",
  usage: "lanyard eks-token --cluster NAME [--role-arn ARN] [--region REGION]",
  options: [
    {
      name: "cluster",
      value: "NAME",
      required: true,
      summary: "the cluster's name (signed as x-k8s-aws-id)",
    },
    { name: "role-arn", value: "ARN", summary: "assume this role first and sign with its credentials" },
  ],
  notes: [
    "The output is what `aws eks get-token` prints: the URL inside the token is presigned for 60 seconds, EKS accepts it for 15 minutes, and expirationTimestamp is 14 minutes ahead so kubectl asks again in time. KUBERNETES_EXEC_INFO chooses the apiVersion.",
  ],
  examples: ["lanyard eks-token --cluster prod --region eu-west-1"],
};

export const COMMANDS: readonly CommandSpec[] = [WHOAMI, ASSUME_ROLE, CREDENTIAL_PROCESS, EKS_TOKEN];

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((command) => command.name === name);
}
