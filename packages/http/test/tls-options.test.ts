import { describe, expect, it } from "vitest";
import { checkTlsCa, PEM_CERTIFICATE, TlsError } from "../src/index.js";

const PEM = `${PEM_CERTIFICATE}\nMIIB\n-----END CERTIFICATE-----\n`;

describe("checkTlsCa", () => {
  it("accepts no CA, PEM text and a list of PEM texts", () => {
    expect(() => checkTlsCa(undefined)).not.toThrow();
    expect(() => checkTlsCa(`# corporate roots\n${PEM}`)).not.toThrow();
    expect(() => checkTlsCa([PEM, PEM])).not.toThrow();
  });

  it("rejects a path with a TlsError that names the option and the expected form, not the value", () => {
    for (const ca of ["/etc/ssl/corporate.pem", [PEM, "/etc/ssl/corporate.pem"]]) {
      const error = (() => {
        try {
          checkTlsCa(ca);
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(TlsError);
      expect(error).toMatchObject({ code: "tls", message: expect.stringContaining("tls.ca holds no PEM") });
      expect((error as Error).message).toContain("not its path");
      expect((error as Error).message).not.toContain("corporate");
    }
  });
});
