// Node-only test support for transports; never imported by the main entry.

export { eventually } from "./eventually.js";
export { printedForm, sendFailure } from "./failures.js";
export { describeProcessExit, type ProcessExitOptions } from "./process-exit.js";
export {
  type LoopbackProxy,
  type LoopbackProxyOptions,
  type SilentServer,
  startLoopbackProxy,
  startSilentServer,
} from "./proxy.js";
export {
  type LoopbackKind,
  type LoopbackServer,
  type LoopbackServerOptions,
  pattern,
  startLoopbackServer,
} from "./server.js";
export {
  type ContractTransportOptions,
  describeTransportContract,
  type TransportContractOptions,
} from "./suite.js";
