import { describeTransportContract } from "@lanyard/http/contract";
import { loopbackCertificate } from "../../http/test/loopback-certificate.js";
import { Http2Transport } from "../src/index.js";

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
