export { readCaBundle } from "./ca-bundle.js";
export { NodeHttpTransport } from "./node-transport.js";
export {
  DEFAULT_KEEP_ALIVE_TIMEOUT_MS,
  DEFAULT_MAX_SOCKETS,
  type NodeHttpTransportOptions,
  type NodeTlsOptions,
} from "./options.js";
