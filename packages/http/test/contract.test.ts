import { describeTransportContract } from "../src/contract/index.js";
import { ReferenceTransport } from "./reference-transport.js";

describeTransportContract("reference node:http", {
  createTransport: (options) => new ReferenceTransport(options),
});
