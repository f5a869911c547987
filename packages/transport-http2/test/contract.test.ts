import { describeTransportContract } from "@lanyard/http/contract";
import { Http2Transport } from "../src/index.js";
import { loopbackCertificate } from "./certificate.js";

const tls = await loopbackCertificate();

describeTransportContract("http2", {
  kind: "h2c",
  createTransport: (options) => new Http2Transport(options),
});

describeTransportContract("http2", {
  kind: "h2",
  tls,
  createTransport: ({ ca, ...options }) => new Http2Transport({ ...options, tls: { ca } }),
});
