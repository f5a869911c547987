// Browsers: the defaults of default.ts, without environment variables, which a page does not
// have (no `process.env`), so the AWS_* parsing of env.ts stays out of the bundle.
import type { SettingsFallback } from "../settings.js";

export {
  defaultCredentials,
  defaultTransport,
  loadProtocol,
  nodeCredentialsLoader,
  platformUserAgent,
  profileSettings,
  retryStrategyFor,
  userAgentHeader,
} from "./default.js";

export function envSettings(): SettingsFallback {
  return {};
}
