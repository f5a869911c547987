export type StsEmulatorErrorCode = "invalid-option" | "listen-failed";

/** What went wrong starting or configuring the emulator (never what it answers to a request). */
export class StsEmulatorError extends Error {
  override name = "StsEmulatorError";
  readonly code: StsEmulatorErrorCode;

  constructor(code: StsEmulatorErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
