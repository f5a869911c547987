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
