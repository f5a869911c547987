import type { Io } from "./io.js";

/** Resolves once the text is handed to the OS, so the process may end right after. */
function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

/** The real process: its environment, clock, stdout, stderr and terminal. */
export function nodeIo(): Io {
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
