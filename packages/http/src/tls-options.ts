import { TlsError } from "./errors.js";

/** TLS settings every Node transport takes for its target servers. */
export interface TransportTlsOptions {
  /**
   * PEM certificates to trust for the target servers. They REPLACE Node's built-in roots, as
   * botocore's `ca_bundle` / `AWS_CA_BUNDLE` does; include the public roots too if you need both.
   */
  ca?: string | string[];
  /** Verify the server certificate. Default `true`; turn off only for local testing. */
  rejectUnauthorized?: boolean;
  /** PEM client certificate for mutual TLS. */
  cert?: string;
  /** PEM private key of `cert`. */
  key?: string;
}

/** The line every PEM certificate starts with. */
export const PEM_CERTIFICATE = "-----BEGIN CERTIFICATE-----";

/**
 * Throws a `TlsError` (code `tls`) unless every `tls.ca` entry holds a PEM certificate. OpenSSL
 * skips text that is not PEM, so a file path passed by mistake would silently trust nothing and
 * fail later as an untrusted certificate. The message never repeats the value.
 */
export function checkTlsCa(ca: TransportTlsOptions["ca"]): void {
  if (ca !== undefined && typeof ca !== "string" && !Array.isArray(ca)) {
    throw new TlsError("tls.ca must be a PEM string or an array of them");
  }
  for (const entry of typeof ca === "string" ? [ca] : (ca ?? [])) {
    if (typeof entry !== "string") throw new TlsError("tls.ca must be a PEM string or an array of them");
    if (!entry.includes(PEM_CERTIFICATE)) {
      throw new TlsError(
        `tls.ca holds no PEM certificate ("${PEM_CERTIFICATE}"); pass the bundle's contents, not its path`,
      );
    }
  }
}
