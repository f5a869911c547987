import type { ServiceDefinition } from "./model.js";
import { VERSION } from "./version.generated.js";

/** `lanyard/<version> api/<service>#<version> …`, in the SDKs' `name/version` token style. */
export function userAgent(service: ServiceDefinition, platform: string, appId?: string): string {
  const app = appId ? ` app/${appId.replace(/[^\w.+-]/g, "_")}` : "";
  const api = service.id.toLowerCase().replace(/ /g, "_");
  return `lanyard/${VERSION} api/${api}#${service.version} lang/js ${platform}${app}`;
}
