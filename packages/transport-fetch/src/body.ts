import { announcedBodyLength, type BodyCollector, bodyCollector } from "@lanyard/http";

/**
 * Reads a fetch `Response` body into one buffer with a size cap (`bodyCollector`). Uses a
 * stream reader, not `arrayBuffer()`, so a body past `maxBodyBytes` is cancelled instead of
 * buffered whole; a reader, not `for await`, because Safari's ReadableStream is not
 * async-iterable. fetch decodes `content-encoding`, so a Content-Length (the encoded size) is
 * compared with what arrives only for a body sent as it is (and never after a HEAD or a 304).
 */
export async function readResponseBody(
  response: Response,
  method: string,
  maxBodyBytes: number,
  origin: string,
): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  const announced = response.headers.get("content-encoding")
    ? undefined
    : announcedBodyLength(method, response.status, response.headers.get("content-length"));
  let body: BodyCollector;
  try {
    body = bodyCollector({ maxBodyBytes, contentLength: announced }, { origin });
    for (let read = await reader?.read(); read && !read.done; read = await reader?.read())
      body.push(read.value);
  } catch (error) {
    await reader?.cancel().catch(() => {});
    throw error;
  }
  return body.finish();
}
