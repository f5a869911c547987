export {
  DEFAULT_CONNECTIONS,
  DEFAULT_KEEP_ALIVE_TIMEOUT_MS,
  type UndiciTlsOptions,
  type UndiciTransportOptions,
} from "./options.js";
export { UndiciTransport } from "./undici-transport.js";
