import { expect } from "vitest";

const PATH = "/etc/ssl/corporate.pem";

/**
 * Checks that a transport made with a file path as `tls.ca` (alone, or beside the PEM text `pem`)
 * fails at construction with a `TlsError` that names the option and the expected form, and never
 * repeats the path.
 */
export function expectCaPathRejected(construct: (ca: string | string[]) => unknown, pem: string): void {
  for (const ca of [PATH, [pem, PATH]]) {
    let error: unknown;
    try {
      construct(ca);
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: "tls", message: expect.stringContaining("tls.ca holds no PEM") });
    expect((error as Error).message).toContain("not its path");
    expect((error as Error).message).not.toContain("corporate");
  }
}
