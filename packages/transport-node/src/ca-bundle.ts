import { PEM_CERTIFICATE, TlsError } from "@lanyard/http";

// Node built-ins load through process.getBuiltinModule, not `import` (CONTRIBUTING.md, "Node built-ins").
const { readFileSync } = process.getBuiltinModule("node:fs");

/**
 * Reads a PEM CA bundle (the file `AWS_CA_BUNDLE` or a profile's `ca_bundle` names) for
 * `tls.ca`. Throws a `TlsError` (code `tls`) naming the path when the file cannot be read or
 * holds no PEM certificate, so a typo fails at start-up rather than as a handshake error later.
 */
export function readCaBundle(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const reason = (error as { code?: unknown }).code ?? (error as Error).message;
    throw new TlsError(
      `cannot read the CA bundle ${path} (${String(reason)}); expected a readable PEM file`,
      {
        cause: error,
      },
    );
  }
  if (!text.includes(PEM_CERTIFICATE)) {
    throw new TlsError(`the CA bundle ${path} holds no PEM certificate ("${PEM_CERTIFICATE}")`);
  }
  return text;
}
