import { type AddressInfo, createServer, type Socket } from "node:net";

export interface RawServer {
  readonly url: URL;
  /** Requests whose head arrived, in order. */
  requestLines(): string[];
  /** The same requests' whole heads (request line and header lines, without the blank line). */
  requestHeads(): string[];
  openConnections(): number;
  close(): Promise<void>;
}

/**
 * A TCP server that answers each request head with `answer(socket, index)`: for responses no
 * well-behaved HTTP server would send (a body shorter than its Content-Length, a close mid-chunk).
 */
export async function startRawServer(answer: (socket: Socket, index: number) => void): Promise<RawServer> {
  const heads: string[] = [];
  const held = new Set<Socket>();
  const server = createServer((socket) => {
    held.add(socket);
    socket.on("close", () => held.delete(socket));
    socket.on("error", () => {});
    let pending = "";
    // Bytes of the current request's body (by its Content-Length) still to skip.
    let bodyLeft = 0;
    socket.on("data", (chunk: Buffer) => {
      pending += chunk.toString("latin1");
      for (;;) {
        const skipped = Math.min(bodyLeft, pending.length);
        pending = pending.slice(skipped);
        bodyLeft -= skipped;
        const end = pending.indexOf("\r\n\r\n");
        if (bodyLeft > 0 || end === -1) return;
        const head = pending.slice(0, end);
        heads.push(head);
        pending = pending.slice(end + 4);
        bodyLeft = Number(/^content-length: *(\d+)/im.exec(head)?.[1] ?? 0);
        answer(socket, heads.length - 1);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    requestLines: () => heads.map((head) => head.slice(0, head.indexOf("\r\n"))),
    requestHeads: () => [...heads],
    openConnections: () => held.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of held) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
