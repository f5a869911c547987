import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { StsEmulator } from "../emulator.js";
import type { StsEmulatorOptions } from "../options.js";
import { announceJson, announceLines, type CaFile } from "./announce.js";
import type { ServeCommand } from "./args.js";

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

/** The CA goes where --ca-file says; in KEY=value mode without it, to a temporary file. */
async function writeCa(emulator: StsEmulator, command: ServeCommand): Promise<CaFile | undefined> {
  if (emulator.ca === undefined) return undefined;
  if (command.caFile !== undefined) {
    await writeFile(command.caFile, emulator.ca);
    return { path: command.caFile, temporary: false };
  }
  if (command.json) return undefined; // the JSON carries the PEM itself
  const path = join(await mkdtemp(join(tmpdir(), "sts-emulator-")), "ca.pem");
  await writeFile(path, emulator.ca);
  return { path, temporary: true };
}

/** A running `serve`: announce() prints what it serves; stop() closes it and removes a temporary CA file. */
export interface Serving {
  emulator: StsEmulator;
  announce(output: Output): void;
  stop(): Promise<void>;
}

/** Starts the emulator and writes its CA certificate where the command asks. */
export async function serve(command: ServeCommand): Promise<Serving> {
  // start() checks each value, as for a JavaScript caller; past it the options are well-typed.
  const options = command.options as StsEmulatorOptions;
  const emulator = await StsEmulator.start(options);
  let ca: CaFile | undefined;
  try {
    ca = await writeCa(emulator, command);
  } catch (error) {
    await emulator.close();
    throw error;
  }
  const announce = (output: Output): void => {
    if (command.json) output.out(announceJson(emulator, ca));
    else for (const line of announceLines(emulator, ca)) output.out(line);
    const mode = options.answers ?? "emulated";
    output.err(
      `STS emulator ready on ${emulator.endpoint} (account ${emulator.account}, ${mode} answers); Ctrl-C stops it.`,
    );
  };
  const stop = async (): Promise<void> => {
    await emulator.close();
    if (ca?.temporary) await rm(dirname(ca.path), { recursive: true, force: true });
  };
  return { emulator, announce, stop };
}
