/**
 * CORS headers so a page on another origin can call the emulator: preflights allow the
 * headers a SigV4-signing client sends, and the request id and Date headers are exposed
 * (the client reads Date to correct a skewed clock).
 */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "x-amzn-requestid, date",
};

export const PREFLIGHT_HEADERS: Readonly<Record<string, string>> = {
  ...CORS_HEADERS,
  "access-control-allow-methods": "GET, POST, OPTIONS",
  "access-control-allow-headers":
    "authorization, content-type, x-amz-date, x-amz-security-token, x-amz-user-agent, x-amz-content-sha256, amz-sdk-invocation-id, amz-sdk-request, x-lanyard-case, x-lanyard-scenario",
  "access-control-max-age": "600",
};
