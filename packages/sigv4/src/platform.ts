// Browsers, workers, Deno and Bun. Selected through the `#platform` import's `default` condition;
// platform.node.ts is the Node side of this one seam.
import type { HttpRequest } from "@lanyard/http";
import { nobleHash } from "./hash/noble.js";
import { signingContext } from "./sign.js";
import { signAsync as signWithWebCrypto } from "./sign-async.js";
import type { SignOptions } from "./types.js";

/** The synchronous operations hash with @noble/hashes: portable JavaScript, bundled only if used. */
export const context = /* @__PURE__ */ signingContext(nobleHash);

/** WebCrypto signs at no bundle cost (no JavaScript SHA-256), one await per hash. */
export function signAsync(request: HttpRequest, options: SignOptions): Promise<HttpRequest> {
  return signWithWebCrypto(request, options);
}
