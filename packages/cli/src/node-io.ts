import type { Io } from "./io.js";

/**
 * Whether a write failed because the reader went away (`lanyard whoami | head -c1`): the AWS
 * CLI then stops quietly with status 0, as it does, rather than reporting it as a failure.
 */
const readerGone = (error: Error | null | undefined) =>
  (error as NodeJS.ErrnoException | null)?.code === "EPIPE";

/** Resolves once the text is handed to the OS, so the process may end right after. */
function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error && !readerGone(error) ? reject(error) : resolve()));
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
    stdout: (text) => write(process.stdout, text),
    stderr: (text) => {
      process.stderr.write(text);
    },
    // node:readline and node:tty load only when a question is asked.
    ask: async (question) => (await import("./terminal.js")).askTerminal(question),
  };
}
