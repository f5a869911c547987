import { CredentialsError } from "../errors.js";

// Node built-ins load through process.getBuiltinModule, not `import` (CONTRIBUTING.md, "Node built-ins").
// node:fs, whose callbacks are wrapped below, is loaded when Node starts; node:fs/promises is not,
// and on Node 22 and 24 loading it would add 2-4 ms to every client's first call.
const fs = process.getBuiltinModule("node:fs");

/** One node:fs call as a promise of its callback's first value. */
function settle<T>(
  call: (done: (error: NodeJS.ErrnoException | null, value: T) => void) => void,
): Promise<T> {
  return new Promise((resolve, reject) => call((error, value) => (error ? reject(error) : resolve(value))));
}

/**
 * Shared config files of large organisations reach a few MB; 16 MiB leaves room for them
 * while refusing, before reading it whole, a file that is clearly not a config file.
 */
export const MAX_SHARED_FILE_BYTES = 16 * 1024 * 1024;

function tooLarge(path: string, what: string, maxBytes: number): CredentialsError {
  return new CredentialsError(
    "file-too-large",
    `${what} ${path} is larger than ${maxBytes} bytes; it is refused rather than read whole ` +
      "(check that AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE name the right file)",
  );
}

/**
 * Reads a UTF-8 file of at most `maxBytes`: the size is checked on the open handle before
 * reading, and reading stops one byte past the cap, so a file that grows meanwhile is refused too.
 * Errors from the file system (ENOENT, EISDIR…) propagate unchanged for the caller to judge.
 */
export async function readCapped(path: string, what: string, maxBytes: number): Promise<string> {
  const fd = await settle<number>((done) => fs.open(path, "r", done));
  try {
    const { size } = await settle<{ size: number }>((done) => fs.fstat(fd, done));
    if (size > maxBytes) throw tooLarge(path, what, maxBytes);
    let buffer = Buffer.alloc(size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        // The file grew since stat: keep reading, but never past the cap.
        if (length > maxBytes) throw tooLarge(path, what, maxBytes);
        buffer = Buffer.concat([buffer, Buffer.alloc(Math.min(length, maxBytes + 1 - length) || 1)]);
      }
      const target = buffer;
      const bytesRead = await settle<number>((done) =>
        fs.read(fd, target, length, target.length - length, null, done),
      );
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return buffer.subarray(0, length).toString("utf8");
  } finally {
    await settle<void>((done) => fs.close(fd, (error) => done(error, undefined)));
  }
}

/**
 * `readCapped`, with undefined for a file that does not exist: no ~/.aws at all, no cached token
 * or session yet, each the common case rather than an error. Other failures are thrown as they are.
 */
export async function readCappedIfPresent(
  path: string,
  what: string,
  maxBytes: number,
): Promise<string | undefined> {
  try {
    return await readCapped(path, what, maxBytes);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
