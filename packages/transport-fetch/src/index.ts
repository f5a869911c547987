export { FetchTransport, type FetchTransportOptions } from "./fetch-transport.js";
export { isForbiddenHeader } from "./forbidden-headers.js";
