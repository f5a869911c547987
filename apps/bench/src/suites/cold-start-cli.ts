import { awsCli, type CliCommand, cliCommands, cliEnv } from "../cold-start/cli-commands.js";
import { timeCommand } from "../cold-start/spawn-to-exit.js";
import { median } from "../measure.js";
import { errorMessage, type Row } from "../suite.js";

/**
 * The `lanyard` binary beside the AWS CLI, spawn to exit: what a shell user, a
 * `credential_process` caller or kubectl waits for. The cold-start suite calls `runOnce` in each
 * of its rounds, so these commands are interleaved with its scripts and share their noise. The
 * rows are whole wall times: the AWS CLI is not a Node process, so the `node -e 0` baseline is
 * not subtracted.
 */
export class CliSampler {
  readonly #commands: CliCommand[];
  readonly #results = new Map<string, number[] | string>();
  readonly #env = cliEnv();
  readonly #aws = awsCli();

  constructor(stubUrl: string) {
    this.#commands = cliCommands(stubUrl, this.#aws);
    for (const command of this.#commands) this.#results.set(command.name, command.unavailable ?? []);
  }

  /** One timed run of each command that has not failed yet. */
  async runOnce(): Promise<void> {
    for (const command of this.#commands) {
      const samples = this.#results.get(command.name);
      if (!Array.isArray(samples)) continue;
      try {
        samples.push((await timeCommand(command.file, command.args, this.#env)).wallMs);
      } catch (error) {
        this.#results.set(command.name, errorMessage(error));
      }
    }
  }

  rows(): Row[] {
    return this.#commands.map((command): Row => {
      const samples = this.#results.get(command.name);
      const reference = command.reference ? { reference: command.reference } : {};
      if (!Array.isArray(samples))
        return { name: command.name, value: Number.NaN, error: samples, ...reference };
      const wallMs = median(samples);
      return { name: command.name, value: wallMs, samples, extra: { wallMs }, ...reference };
    });
  }

  notes(): string[] {
    const peer = this.#aws
      ? `the peer is ${this.#aws.version} (${this.#aws.file})`
      : "the AWS CLI is not installed (apps/bench/scripts/install-aws-cli.sh)";
    return [
      `CLI rows: whole spawn-to-exit wall time (no baseline subtracted), credentials from the environment, us-east-1; ${peer}`,
    ];
  }
}
