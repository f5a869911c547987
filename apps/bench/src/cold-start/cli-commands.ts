import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { CREDENTIALS, REGION } from "../fixtures.js";

/** One command line the cold-start suite times from spawn to exit, as a shell user would wait for it. */
export interface CliCommand {
  name: string;
  /** The Lanyard row this peer is compared with. */
  reference?: string;
  file: string;
  args: string[];
  /** Why the command cannot run here (the AWS CLI is not installed); the row shows it as its error. */
  unavailable?: string;
}

export const LANYARD_HELP = "lanyard --help (CLI)";
export const LANYARD_WHOAMI = "lanyard whoami (CLI)";
export const LANYARD_EKS_TOKEN = "lanyard eks-token --cluster x (CLI)";
export const AWS_CLI_MISSING = "aws CLI not installed: run apps/bench/scripts/install-aws-cli.sh";

/** The `lanyard` binary of the workspace's @lanyard/cli, as its package.json `bin` names it. */
export function lanyardBin(): string {
  const manifestPath = createRequire(import.meta.url).resolve("@lanyard/cli/package.json");
  return join(dirname(manifestPath), "dist", "bin.js");
}

/** An AWS CLI found on this machine. */
export interface AwsCli {
  file: string;
  /** The first word of `aws --version`, e.g. aws-cli/2.9.19. */
  version: string;
}

/**
 * The AWS CLI to compare with: LANYARD_BENCH_AWS_CLI, else Debian's /usr/bin/aws (what the
 * install script puts there), else `aws` on the PATH. Its `--version` line, or undefined.
 */
export function awsCli(): AwsCli | undefined {
  const candidates = [process.env.LANYARD_BENCH_AWS_CLI, "/usr/bin/aws", "aws"].filter(
    (file): file is string => Boolean(file) && (file === "aws" || existsSync(file as string)),
  );
  for (const file of candidates) {
    const probe = spawnSync(file, ["--version"], { encoding: "utf8", timeout: 30_000 });
    if (probe.status === 0) return { file, version: `${probe.stdout}${probe.stderr}`.trim().split(/\s/)[0]! };
  }
  return undefined;
}

/**
 * The environment every CLI row runs with: the fixtures' static credentials and Region, and
 * shared files that do not exist, so neither the user's ~/.aws nor instance metadata is read.
 */
export function cliEnv(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    AWS_SESSION_TOKEN: CREDENTIALS.sessionToken,
    AWS_REGION: REGION,
    AWS_DEFAULT_REGION: REGION,
    AWS_CONFIG_FILE: "/nonexistent/lanyard-bench/config",
    AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/lanyard-bench/credentials",
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_PAGER: "",
  };
}

/** `lanyard` beside the AWS CLI (`aws`: from `awsCli()`): GetCallerIdentity against the stub, and the offline EKS token. */
export function cliCommands(stubUrl: string, aws: AwsCli | undefined): CliCommand[] {
  const bin = lanyardBin();
  const peer = (name: string, reference: string, args: string[]): CliCommand =>
    aws === undefined
      ? { name, reference, file: "aws", args, unavailable: AWS_CLI_MISSING }
      : { name, reference, file: aws.file, args };
  return [
    { name: LANYARD_HELP, file: process.execPath, args: [bin, "--help"] },
    { name: LANYARD_WHOAMI, file: process.execPath, args: [bin, "whoami", "--endpoint-url", stubUrl] },
    peer("aws sts get-caller-identity", LANYARD_WHOAMI, [
      "sts",
      "get-caller-identity",
      "--endpoint-url",
      stubUrl,
    ]),
    { name: LANYARD_EKS_TOKEN, file: process.execPath, args: [bin, "eks-token", "--cluster", "x"] },
    peer("aws eks get-token --cluster-name x", LANYARD_EKS_TOKEN, [
      "eks",
      "get-token",
      "--cluster-name",
      "x",
    ]),
  ];
}
