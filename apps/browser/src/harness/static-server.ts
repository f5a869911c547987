import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One file the server answers with, by path ("/", "/app.js"). */
export interface StaticFile {
  contentType: string;
  body: string | Uint8Array;
}

export interface StaticServer {
  /** The origin the page is served from, e.g. http://127.0.0.1:41234 */
  origin: string;
  close(): Promise<void>;
}

/** Serves a fixed set of in-memory files on 127.0.0.1 (an ephemeral port); anything else is 404. */
export async function startStaticServer(files: Record<string, StaticFile>): Promise<StaticServer> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    const file = files[path];
    if (request.method !== "GET" || !file) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    response.writeHead(200, { "content-type": file.contentType, "cache-control": "no-store" }).end(file.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => closeServer(server) };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

/** A minimal HTML shell that loads one bundled module script. */
export function htmlPage(title: string, script: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title><link rel="icon" href="data:,">
<style>body{font-family:sans-serif;margin:24px}dt{font-weight:bold;margin-top:8px}dd{font-family:monospace}
.ok{color:#116611}.fail{color:#aa1111}</style></head>
<body><h1>${title}</h1><main id="app">running…</main>
<script type="module" src="${script}"></script></body>
</html>`;
}
