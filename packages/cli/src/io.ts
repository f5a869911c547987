/** Environment variables, as `process.env` holds them. */
export type Env = Readonly<Record<string, string | undefined>>;

/** What a command may touch of the outside world; tests pass their own. */
export interface Io {
  env: Env;
  /** Epoch milliseconds. */
  now: () => number;
  /** The result; resolves once written, so the process can end right after. */
  stdout: (text: string) => Promise<void>;
  /** Errors, warnings and prompts; never the result, never a secret. */
  stderr: (text: string) => void;
  /** Asks the user a question on the terminal; rejects when there is no terminal. */
  ask: (question: string) => Promise<string>;
}
