import { describeTransportContract } from "@lanyard/http/contract";
import { FetchTransport } from "../src/index.js";

// close() cannot free sockets owned by Node's global fetch dispatcher, and the suite ties the
// close() socket count to the same flag as keep-alive; reuse is proven in fetch-transport.test.ts.
describeTransportContract("fetch", {
  createTransport: (options) => new FetchTransport(options),
  observesConnections: false,
});
