import { describeTransportContract } from "@lanyard/http/contract";
import { UndiciTransport } from "../src/index.js";

describeTransportContract("undici", {
  createTransport: (options) => new UndiciTransport(options),
  readsLengthOn304: false,
});
