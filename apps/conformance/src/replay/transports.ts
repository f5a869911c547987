import type { Transport } from "@lanyard/http";
import type { StsEmulator } from "@lanyard/sts-emulator";
import { FetchTransport } from "@lanyard/transport-fetch";
import { Http2Transport } from "@lanyard/transport-http2";
import { NodeHttpTransport } from "@lanyard/transport-node";
import { UndiciTransport } from "@lanyard/transport-undici";

export const TRANSPORT_NAMES = ["node", "undici", "fetch", "http2", "h2c"] as const;
export type TransportName = (typeof TRANSPORT_NAMES)[number];

/** A transport pointed at the emulator listener it speaks to. */
export interface TransportUnderTest {
  name: TransportName;
  transport: Transport;
  endpoint: URL;
  /** The protocol the emulator must see. */
  protocol: "http/1.1" | "h2";
}

export interface TransportSettings {
  /** Per-attempt timeout; the timeout scenario waits this long once. */
  requestTimeoutMs: number;
}

export function isTransportName(name: string): name is TransportName {
  return (TRANSPORT_NAMES as readonly string[]).includes(name);
}

/** The emulator's base URLs as URL objects (h2 and h2c only when it serves HTTP/2). */
function endpointUrls(emulator: StsEmulator): { http1: URL; h2?: URL; h2c?: URL } {
  const { http1, h2, h2c } = emulator.endpoints;
  return { http1: new URL(http1), h2: h2 ? new URL(h2) : undefined, h2c: h2c ? new URL(h2c) : undefined };
}

export function createTransport(
  name: TransportName,
  emulator: StsEmulator,
  settings: TransportSettings,
): TransportUnderTest {
  const { requestTimeoutMs } = settings;
  const { http1, h2, h2c } = endpointUrls(emulator);
  // The emulator is on loopback: a proxy in the environment must not carry the replay.
  if (name === "node")
    return {
      name,
      transport: new NodeHttpTransport({ requestTimeoutMs, proxy: false }),
      endpoint: http1,
      protocol: "http/1.1",
    };
  if (name === "undici")
    return {
      name,
      transport: new UndiciTransport({ requestTimeoutMs }),
      endpoint: http1,
      protocol: "http/1.1",
    };
  if (name === "fetch")
    return {
      name,
      transport: new FetchTransport({ requestTimeoutMs }),
      endpoint: http1,
      protocol: "http/1.1",
    };
  if (!h2 || !h2c) throw new Error("The emulator was started without its HTTP/2 listeners.");
  if (name === "http2") {
    const transport = new Http2Transport({ requestTimeoutMs, tls: { ca: emulator.ca } });
    return { name, transport, endpoint: h2, protocol: "h2" };
  }
  return { name, transport: new Http2Transport({ requestTimeoutMs }), endpoint: h2c, protocol: "h2" };
}
