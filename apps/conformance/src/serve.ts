import { StsEmulator } from "./emulator/emulator.js";

/** Runs the emulator alone on 127.0.0.1:port (HTTP/1.1) until SIGINT/SIGTERM. */
export async function serve(port: number, log: (line: string) => void = console.log): Promise<StsEmulator> {
  const emulator = await StsEmulator.start({ port, http2: false });
  log(`STS emulator listening on ${emulator.endpoints.http1.href} (access key AKIDEXAMPLE)`);
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return emulator;
}
