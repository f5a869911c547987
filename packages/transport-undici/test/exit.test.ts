import { describeProcessExit } from "@lanyard/http/contract";

describeProcessExit("UndiciTransport", {
  entry: new URL("../dist/index.js", import.meta.url),
  exportName: "UndiciTransport",
  options: { keepAliveTimeoutMs: 60_000, requestTimeoutMs: 60_000 },
});
