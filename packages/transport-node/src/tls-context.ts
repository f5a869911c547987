import type { SecureContext } from "node:tls";
import { checkTlsCa, TlsError, type TransportTlsOptions } from "@lanyard/http";

/** What every TLS connection of a transport is made with. */
export interface TlsSettings {
  /** Made once per transport so a large CA bundle is parsed once, not on every handshake. */
  secureContext: SecureContext | undefined;
  rejectUnauthorized: boolean;
}

export function tlsSettings(options: TransportTlsOptions = {}): TlsSettings {
  const { ca, cert, key } = options;
  checkTlsCa(ca);
  // A client certificate is checked at once (a rare, explicit setting); a CA bundle alone is
  // often the system's, set for every tool through AWS_CA_BUNDLE.
  let context: SecureContext | undefined = cert || key ? secureContext(options) : undefined;
  return {
    // Parsing a system-sized CA bundle takes tens of milliseconds, so it waits for the first
    // https connection: a transport that only speaks plain HTTP (a local emulator, IMDS) never pays.
    get secureContext() {
      if (ca || cert || key) context ??= secureContext(options);
      return context;
    },
    rejectUnauthorized: options.rejectUnauthorized !== false,
  };
}

function secureContext({ ca, cert, key }: TransportTlsOptions): SecureContext {
  try {
    // `ca` here replaces Node's root store rather than adding to it (botocore's ca_bundle does the same).
    return process.getBuiltinModule("node:tls").createSecureContext({ ca, cert, key });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new TlsError(`tls.ca, tls.cert or tls.key is not usable PEM (${detail})`, { cause: error });
  }
}
