import { describeTransportContract } from "@lanyard/http/contract";
import { NodeHttpTransport } from "../src/index.js";

describeTransportContract("node:http", {
  createTransport: (options) => new NodeHttpTransport({ ...options, proxy: false }),
});
