import { configError } from "./errors.js";

// Node built-ins load through process.getBuiltinModule, not `import` (CONTRIBUTING.md, "Node built-ins").
const { openSync } = process.getBuiltinModule("node:fs");
const { createInterface } = process.getBuiltinModule("node:readline");
const { ReadStream } = process.getBuiltinModule("node:tty");

/**
 * The terminal to read an answer from: stdin when it is one, else the controlling terminal,
 * so `eval "$(lanyard assume-role …)"` and credential_process helpers can still ask.
 */
function openTerminal(): { input: NodeJS.ReadableStream; close: () => void } | undefined {
  if (process.stdin.isTTY) return { input: process.stdin, close: () => process.stdin.pause() };
  try {
    const stream = new ReadStream(openSync("/dev/tty", "r"));
    return { input: stream, close: () => stream.destroy() };
  } catch {
    return undefined;
  }
}

/** Prints the question on stderr (stdout is the result) and reads one line from the terminal. */
export function askTerminal(question: string): Promise<string> {
  const terminal = openTerminal();
  if (terminal === undefined) {
    return Promise.reject(
      configError("an MFA code is needed and there is no terminal to ask", "pass it with --token-code"),
    );
  }
  process.stderr.write(question);
  const lines = createInterface({ input: terminal.input, terminal: false });
  return new Promise((resolve, reject) => {
    let answer: string | undefined;
    lines.once("line", (line) => {
      answer = line;
      lines.close();
    });
    // Also the end of input (Ctrl-D) without an answer.
    lines.once("close", () => {
      terminal.close();
      if (answer !== undefined) resolve(answer);
      else reject(configError("no MFA code was entered", "pass it with --token-code"));
    });
  });
}
