import type { Io } from "./io.js";

/**
 * Whether a write failed because the reader went away (`lanyard whoami | head -c1`): lanyard
 * then stops quietly with status 0, as the AWS CLI does, since nobody is left to read a report.
 */
const readerGone = (error: Error | null | undefined) =>
  (error as NodeJS.ErrnoException | null)?.code === "EPIPE";

/**
 * Resolves once the text is handed to the OS, so the process may end right after. Any other
 * failure (a full disk) is reported as the output's, without the error code that would class
 * it as a network failure.
 */
function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (error) => {
      if (!error || readerGone(error)) resolve();
      else reject(new Error(`cannot write to stdout: ${error.message}`));
    });
  });
}

/**
 * A failed write is also emitted as an `error` event, which would otherwise end the process with
 * Node's stack trace. The write callback above handles stdout's; stderr has nowhere left to report.
 */
function ignoreStreamErrors(): void {
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.listenerCount("error") === 0) stream.on("error", () => {});
  }
}

/** The real process: its environment, clock, stdout, stderr and terminal. */
export function nodeIo(): Io {
  ignoreStreamErrors();
  return {
    env: process.env,
    now: Date.now,
    stdout: writeStdout,
    stderr: (text) => {
      process.stderr.write(text);
    },
    // node:readline and node:tty load only when a question is asked.
    ask: async (question) => (await import("./terminal.js")).askTerminal(question),
  };
}
