/** A few seconds: long enough for a cross-continent TLS handshake, short enough to fail over. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
/** Per attempt, counting time queued for a connection (see DESIGN.md, "No call may hang forever"). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** STS answers are a few KB; 1 MiB leaves room for any awsQuery response and bounds memory. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
