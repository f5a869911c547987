export { Http2Transport } from "./http2-transport.js";
export {
  DEFAULT_IDLE_TIMEOUT_MS,
  DEFAULT_MAX_CONCURRENT_STREAMS,
  DEFAULT_PING_AFTER_IDLE_MS,
  DEFAULT_PING_TIMEOUT_MS,
  type Http2TlsOptions,
  type Http2TransportOptions,
} from "./options.js";
