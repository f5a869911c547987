import { describeProcessExit } from "@lanyard/http/contract";

describeProcessExit("FetchTransport", {
  entry: new URL("../dist/index.js", import.meta.url),
  exportName: "FetchTransport",
  options: { requestTimeoutMs: 60_000 },
});
