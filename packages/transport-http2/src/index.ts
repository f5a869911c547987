export { Http2Transport } from "./http2-transport.js";
export {
  DEFAULT_IDLE_TIMEOUT_MS,
  DEFAULT_MAX_CONCURRENT_STREAMS,
  type Http2TlsOptions,
  type Http2TransportOptions,
} from "./options.js";
