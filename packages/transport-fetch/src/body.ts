import { BodyTooLargeError, concatBytes, parseContentLength } from "@lanyard/http";

/**
 * Reads a fetch `Response` body into one buffer with a size cap. Uses a stream reader,
 * not `arrayBuffer()`, so a body past `maxBodyBytes` is cancelled instead of buffered whole.
 * A reader (not `for await`) because Safari's ReadableStream is not async-iterable.
 */
export async function readResponseBody(
  response: Response,
  maxBodyBytes: number,
  origin: string,
): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  const parts: Uint8Array[] = [];
  let received = 0;
  // An announced Content-Length past the cap fails before any byte is read.
  let tooLarge = (parseContentLength(response.headers.get("content-length")) ?? 0) > maxBodyBytes;
  while (reader && !tooLarge) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    tooLarge = received > maxBodyBytes;
    parts.push(value);
  }
  if (reader && tooLarge) {
    await reader.cancel();
    throw new BodyTooLargeError(maxBodyBytes, { origin });
  }
  return concatBytes(parts, received);
}
