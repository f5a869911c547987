// Node: node:crypto behind every operation. Selected through the `node` condition of the
// `#platform` import; platform.ts is the portable side of this one seam.
import type { HttpRequest } from "@lanyard/http";
import { nodeHash } from "./hash/node.js";
import { signingContext, signRequest } from "./sign.js";
import type { SignOptions } from "./types.js";

/** node:crypto hashes natively, several times faster than JavaScript. */
export const context = /* @__PURE__ */ signingContext(nodeHash);

/** Signs synchronously with node:crypto: ~6× WebCrypto's throughput on Node. */
export async function signAsync(request: HttpRequest, options: SignOptions): Promise<HttpRequest> {
  return signRequest(context, request, options);
}
