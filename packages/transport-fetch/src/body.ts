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
  const announced = parseContentLength(response.headers.get("content-length") ?? undefined);
  if ((announced !== undefined && announced > maxBodyBytes) || !response.body) {
    await response.body?.cancel();
    if (response.body) throw new BodyTooLargeError(maxBodyBytes, { origin });
    return new Uint8Array(0);
  }
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBodyBytes) {
      await reader.cancel();
      throw new BodyTooLargeError(maxBodyBytes, { origin });
    }
    parts.push(value);
  }
  return parts.length === 0 ? new Uint8Array(0) : concatBytes(parts, received);
}
