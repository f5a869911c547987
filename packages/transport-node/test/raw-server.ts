import { type AddressInfo, createServer, type Socket } from "node:net";

export interface RawServer {
  readonly url: URL;
  /** Requests whose head arrived, in order. */
  requestLines(): string[];
  openConnections(): number;
  close(): Promise<void>;
}

/**
 * A TCP server that answers each request head with `answer(socket, index)`: for responses no
 * well-behaved HTTP server would send (a body shorter than its Content-Length, a close mid-chunk).
 */
export async function startRawServer(answer: (socket: Socket, index: number) => void): Promise<RawServer> {
  const lines: string[] = [];
  const held = new Set<Socket>();
  const server = createServer((socket) => {
    held.add(socket);
    socket.on("close", () => held.delete(socket));
    socket.on("error", () => {});
    let pending = "";
    socket.on("data", (chunk: Buffer) => {
      pending += chunk.toString("latin1");
      for (let end = pending.indexOf("\r\n\r\n"); end !== -1; end = pending.indexOf("\r\n\r\n")) {
        lines.push(pending.slice(0, pending.indexOf("\r\n")));
        pending = pending.slice(end + 4);
        answer(socket, lines.length - 1);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    requestLines: () => [...lines],
    openConnections: () => held.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of held) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
