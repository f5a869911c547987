import { describeProcessExit } from "@lanyard/http/contract";

describeProcessExit("NodeHttpTransport", {
  entry: new URL("../dist/index.js", import.meta.url),
  exportName: "NodeHttpTransport",
  options: { keepAliveTimeoutMs: 60_000, requestTimeoutMs: 60_000, connectTimeoutMs: 60_000 },
});
