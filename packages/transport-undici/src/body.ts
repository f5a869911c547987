import { type BodyCollector, bodyCollector } from "@lanyard/http";
import type { Dispatcher } from "undici";

/**
 * Collects undici's body stream into one buffer (`bodyCollector`) through its `data` events,
 * which costs less than async iteration (one promise per chunk). Past `maxBodyBytes` the stream is
 * destroyed so the socket is freed instead of buffering an unbounded body.
 */
export function collectBody(
  body: Dispatcher.ResponseData["body"],
  maxBodyBytes: number,
  contentLength: number | undefined,
  origin: string,
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const fail = (error: unknown) => {
      body.destroy();
      reject(error);
    };
    let collector: BodyCollector;
    try {
      collector = bodyCollector({ maxBodyBytes, contentLength }, { origin });
    } catch (error) {
      fail(error);
      return;
    }
    body.on("data", (chunk: Uint8Array) => {
      try {
        collector.push(chunk);
      } catch (error) {
        fail(error);
      }
    });
    body.on("error", reject);
    body.on("end", () => {
      try {
        resolve(collector.finish());
      } catch (error) {
        reject(error);
      }
    });
  });
}
