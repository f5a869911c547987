import { describeProcessExit } from "@lanyard/http/contract";

// The forgotten-close() case passes only because idle sessions are unref'd.
describeProcessExit("Http2Transport", {
  entry: new URL("../dist/index.js", import.meta.url),
  exportName: "Http2Transport",
  options: { idleTimeoutMs: 60_000, requestTimeoutMs: 60_000 },
  kind: "h2c",
});
