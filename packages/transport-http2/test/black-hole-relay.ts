import { type AddressInfo, connect, createServer, type Socket } from "node:net";

/** One client connection and the relay's own connection to the server behind it. */
interface Leg {
  client: Socket;
  server: Socket;
  /** Set by `blackHole()`: bytes either way are swallowed, and no FIN or reset is passed on. */
  silent: boolean;
  closedByClient: boolean;
}

export interface BlackHoleRelay {
  /** The relay's address, with the scheme of the server behind it. */
  readonly url: URL;
  /** TCP connections the relay has accepted from clients since it started. */
  acceptedConnections(): number;
  /**
   * Every connection open now goes silent both ways, as when a NAT or load balancer drops its
   * mapping: nothing arrives, nothing is refused, no socket closes. Later connections are relayed.
   */
  blackHole(): void;
  /** Silenced connections whose client end has since closed its socket. */
  silentClosedByClient(): number;
  close(): Promise<void>;
}

/** A loopback TCP relay in front of `upstream` (h2c or h2: it only moves bytes). */
export async function startBlackHoleRelay(upstream: URL): Promise<BlackHoleRelay> {
  const legs = new Set<Leg>();
  let accepted = 0;
  const relay = createServer((client) => {
    accepted++;
    const server = connect(Number(upstream.port), upstream.hostname);
    const leg: Leg = { client, server, silent: false, closedByClient: false };
    legs.add(leg);
    forward(leg, client, server);
    forward(leg, server, client);
    client.on("close", () => {
      leg.closedByClient = true;
    });
  });
  await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
  const { port } = relay.address() as AddressInfo;
  return {
    url: new URL(`${upstream.protocol}//127.0.0.1:${port}`),
    acceptedConnections: () => accepted,
    blackHole: () => {
      for (const leg of legs) leg.silent = true;
    },
    silentClosedByClient: () => [...legs].filter((leg) => leg.silent && leg.closedByClient).length,
    close: () => {
      for (const leg of legs) {
        leg.client.destroy();
        leg.server.destroy();
      }
      return new Promise((resolve) => relay.close(() => resolve()));
    },
  };
}

function forward(leg: Leg, from: Socket, to: Socket): void {
  from.on("data", (chunk: Buffer) => {
    if (!leg.silent) to.write(chunk);
  });
  from.on("end", () => {
    if (!leg.silent) to.end();
  });
  from.on("close", () => {
    if (!leg.silent) to.destroy();
  });
  from.on("error", () => {});
}
