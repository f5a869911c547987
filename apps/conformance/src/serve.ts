import { StsEmulator } from "@lanyard/sts-emulator";

/**
 * Runs the emulator alone on 127.0.0.1:port (HTTP/1.1) until SIGINT/SIGTERM, answering each
 * operation with its documented example as the replay does.
 */
export async function serve(port: number, log: (line: string) => void = console.log): Promise<StsEmulator> {
  const emulator = await StsEmulator.start({ port, answers: "examples" });
  log(`STS emulator listening on ${emulator.endpoint} (access key AKIDEXAMPLE)`);
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return emulator;
}
