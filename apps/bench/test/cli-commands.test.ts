import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  AWS_CLI_MISSING,
  cliCommands,
  cliEnv,
  LANYARD_EKS_TOKEN,
  LANYARD_WHOAMI,
  lanyardBin,
} from "../src/cold-start/cli-commands.js";
import { timeCommand } from "../src/cold-start/spawn-to-exit.js";

describe("the cold-start suite's CLI rows", () => {
  it("say the AWS CLI is missing instead of failing when it is not installed", () => {
    const commands = cliCommands("http://127.0.0.1:1", undefined);
    const peers = commands.filter((command) => command.reference !== undefined);
    expect(peers.map((peer) => [peer.reference, peer.unavailable])).toEqual([
      [LANYARD_WHOAMI, AWS_CLI_MISSING],
      [LANYARD_EKS_TOKEN, AWS_CLI_MISSING],
    ]);
    expect(commands.filter((command) => command.unavailable === undefined)).toHaveLength(3);
  });

  it("compare like with like: the same stub endpoint, the same cluster, the AWS CLI given", () => {
    const commands = cliCommands("http://127.0.0.1:1", { file: "/usr/bin/aws", version: "aws-cli/2.9.19" });
    expect(commands.map((command) => command.args.slice(command.file === "/usr/bin/aws" ? 0 : 1))).toEqual([
      ["--help"],
      ["whoami", "--endpoint-url", "http://127.0.0.1:1"],
      ["sts", "get-caller-identity", "--endpoint-url", "http://127.0.0.1:1"],
      ["eks-token", "--cluster", "x"],
      ["eks", "get-token", "--cluster-name", "x"],
    ]);
  });

  it.skipIf(!existsSync(lanyardBin()))("time the built lanyard binary from spawn to exit", async () => {
    const timing = await timeCommand(
      process.execPath,
      [lanyardBin(), "eks-token", "--cluster", "x"],
      cliEnv(),
    );
    expect(timing.wallMs).toBeGreaterThan(0);
  });
});
