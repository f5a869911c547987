import { usageError } from "./errors.js";
import type { Io } from "./io.js";

const MFA_CODE = /^\d{6}$/;

/**
 * The MFA code source for every device that asks (the profile's `mfa_serial`, `--serial-number`):
 * `--token-code` once, since a code is single-use, then the terminal. Each code handed out is
 * added to `handedOut`, so that an error quoting the request cannot print it.
 */
export function mfaCodeProvider(
  io: Io,
  tokenCode: string | undefined,
  command: string,
  handedOut: string[] = [],
) {
  let given = tokenCode;
  return async (serialNumber: string): Promise<string> => {
    if (given !== undefined) {
      const code = given;
      given = undefined;
      handedOut.push(code);
      return code;
    }
    const code = (await io.ask(`MFA code for ${serialNumber}: `)).trim();
    if (!MFA_CODE.test(code)) throw usageError("the MFA code must be 6 digits", command);
    handedOut.push(code);
    return code;
  };
}
