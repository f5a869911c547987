import { BodyTooLargeError, concatBytes, TruncatedBodyError } from "@lanyard/http";
import type { Dispatcher } from "undici";

/**
 * Collects undici's body stream into one buffer through its `data` events, which costs
 * less than async iteration (one promise per chunk). Past `maxBodyBytes` the stream is
 * destroyed so the socket is freed instead of buffering an unbounded body.
 */
export function collectBody(
  body: Dispatcher.ResponseData["body"],
  maxBodyBytes: number,
  contentLength: number | undefined,
  origin: string,
): Promise<Uint8Array> {
  if (contentLength !== undefined && contentLength > maxBodyBytes) {
    body.destroy();
    return Promise.reject(new BodyTooLargeError(maxBodyBytes, { origin }));
  }
  return new Promise((resolve, reject) => {
    const parts: Uint8Array[] = [];
    let received = 0;
    body.on("data", (chunk: Uint8Array) => {
      received += chunk.byteLength;
      if (received > maxBodyBytes) {
        body.destroy();
        reject(new BodyTooLargeError(maxBodyBytes, { origin }));
        return;
      }
      parts.push(chunk);
    });
    body.on("error", reject);
    body.on("end", () => {
      if (contentLength !== undefined && received < contentLength) {
        reject(new TruncatedBodyError(received, contentLength, { origin }));
      } else {
        resolve(parts.length === 0 ? new Uint8Array(0) : concatBytes(parts, received));
      }
    });
  });
}
