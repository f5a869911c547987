/**
 * The exit statuses scripts can rely on. Each failure kind has its own, so a wrapper can tell
 * "fix your command line" (2) from "fix your AWS configuration" (3) from "AWS or the network
 * said no" (1) without parsing the message.
 */
export const ExitCode = {
  /** The command did what it was asked; stdout holds the result. */
  ok: 0,
  /** AWS refused the call (an STS error such as AccessDenied), or the network failed. */
  aws: 1,
  /** The command line is wrong: unknown command or flag, missing or bad value. */
  usage: 2,
  /** Credentials or configuration: none found, profile missing or broken, MFA code unavailable. */
  config: 3,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
