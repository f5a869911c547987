// Browsers: the defaults of default.ts, without environment variables, which a page does not
// have (no `process.env`), so the AWS_* parsing of config-env.ts stays out of the bundle.
import type { STSClientConfig } from "../config.js";
import type { RegionSetting } from "../region.js";

export {
  configRegion,
  defaultCredentials,
  defaultTransport,
  platformUserAgent,
  signRequest,
  userAgentHeader,
} from "./default.js";

export function envFallback(_config: STSClientConfig): STSClientConfig {
  return {};
}

export function envRegion(): RegionSetting | undefined {
  return undefined;
}
