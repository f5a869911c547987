// Node built-ins load through process.getBuiltinModule, not `import`; node:crypto and node:fs/promises
// on first use, since a client that never reaches this code should not pay to load them
// (CONTRIBUTING.md, "Node built-ins").
const { dirname } = process.getBuiltinModule("node:path");

/**
 * Writes a file that holds secrets (a refresh token, a private key) as the AWS CLI does: its
 * directory created 0700, the text written 0600 under a temporary name in the same directory,
 * flushed, then renamed over the old file, so a concurrent reader (another process, the CLI)
 * sees the old file or the new one, never half of one.
 */
export async function writeSecretFile(path: string, text: string): Promise<void> {
  const { chmod, mkdir, open, rename, rm } = process.getBuiltinModule("node:fs/promises");
  const { randomBytes } = process.getBuiltinModule("node:crypto");
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    const file = await open(temporary, "wx", 0o600);
    try {
      await file.writeFile(text, "utf8");
      await file.sync();
    } finally {
      await file.close();
    }
    // The umask can only narrow the mode `open` asked for; the CLI's files are exactly 0600.
    await chmod(temporary, 0o600);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
