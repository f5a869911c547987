/** One thing the client reports to `config.logger`. Carries no credentials, headers or bodies. */
export interface LogEvent {
  level: "debug" | "warn";
  /** `response`: an attempt got a 2xx answer; `failure`: an attempt failed (it may be retried). */
  event: "response" | "failure";
  operation: string;
  attempt: number;
  httpStatusCode?: number;
  requestId?: string;
  /** Error code of a failed attempt (service or transport code). */
  code?: string;
}

/** What the `logger` option takes: a function, or a console-like object such as `console`. */
export type Logger =
  | ((event: LogEvent) => void)
  | {
      debug?(...data: unknown[]): void;
      info?(...data: unknown[]): void;
      warn?(...data: unknown[]): void;
      error?(...data: unknown[]): void;
    };

/**
 * The option as one function. A console-like object (the SDKs' `logger: console` idiom) gets
 * each event through its method for the event's level.
 */
export function logFunction(logger: Logger | undefined): ((event: LogEvent) => void) | undefined {
  if (logger === undefined || typeof logger === "function") return logger;
  return (event) => {
    const method = logger[event.level] ?? logger.info;
    method?.call(logger, event);
  };
}
