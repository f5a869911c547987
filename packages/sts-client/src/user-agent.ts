import { VERSION } from "./version.js";

/** `lanyard/<version> …`, in the SDKs' `name/version` token style. */
export function userAgent(platform: string, appId?: string): string {
  const app = appId ? ` app/${appId.replace(/[^\w.+-]/g, "_")}` : "";
  return `lanyard/${VERSION} api/sts#${VERSION} lang/js ${platform}${app}`;
}
