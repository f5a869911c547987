import { readFile } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { fromProcess, runCredentialProcess } from "../src/node/index.js";
import {
  AKID,
  expectNoLeak,
  PROCESS_V1,
  rejection,
  SECRET,
  type TempHome,
  TOKEN,
  tempHome,
} from "./helpers.js";

// What a hostile or chatty credential helper prints, and what its command line carries:
// none of it may reach an error unless the caller opts in with `includeStderr`.
const STDERR_SECRET = "stderr-secret-7f3a9c";
const ARG_SECRET = "arg-secret-51e2d8";
const VERSION_SECRET = "version-secret-0b6c4e";
const EXPIRATION_SECRET = "expiration-secret-93d1aa";
const SECRETS = [STDERR_SECRET, ARG_SECRET, VERSION_SECRET, EXPIRATION_SECRET, SECRET, TOKEN];

let home: TempHome | undefined;
const orphans: number[] = [];
afterEach(async () => {
  for (const pid of orphans.splice(0)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  await home?.remove();
  home = undefined;
});

/** A credential_process command running `body` with node, with a secret-bearing argument. */
async function script(body: string): Promise<string> {
  home ??= await tempHome();
  const path = await home.write(`helper-${Math.random().toString(36).slice(2)}.mjs`, body);
  return `"${process.execPath}" "${path}" --token=${ARG_SECRET}`;
}

const print = (value: unknown) => `process.stdout.write(${JSON.stringify(JSON.stringify(value))});`;
const V1 = PROCESS_V1;

function failure(command: string, options: Parameters<typeof runCredentialProcess>[1] = {}) {
  return rejection(runCredentialProcess(command, options));
}

describe("credential_process errors never repeat what the process printed or its arguments", () => {
  it("a non-zero exit says the exit code and the program, not stderr or the arguments", async () => {
    const error = await failure(await script(`process.stderr.write("${STDERR_SECRET}"); process.exit(3);`));
    expect(error).toMatchObject({ code: "process-failed" });
    expect(error.message).toMatch(/"node".*exited with code 3/);
    expectNoLeak(error, SECRETS);
  });

  it("a timeout says how long it waited, not stderr or the arguments", async () => {
    const command = await script(`process.stderr.write("${STDERR_SECRET}"); setTimeout(() => {}, 60_000);`);
    // Long enough for node to start and write stderr first, so a leak would show.
    const error = await failure(command, { timeoutMs: 1500 });
    expect(error.message).toMatch(/timed out after 1500 ms/);
    expectNoLeak(error, SECRETS);
  }, 10_000);

  it("a process killed by a signal names the signal, not the command line or stderr", async () => {
    const command = await script(
      `process.stderr.write("${STDERR_SECRET}"); process.kill(process.pid, "SIGKILL");`,
    );
    const error = await failure(command);
    expect(error.message).toMatch(/killed by SIGKILL/);
    expectNoLeak(error, SECRETS);
  });

  it("a Version other than 1 is reported without echoing the value", async () => {
    const error = await failure(await script(print({ ...V1, Version: VERSION_SECRET })));
    expect(error.message).toMatch(/Version/);
    expectNoLeak(error, SECRETS);
  });

  it("an Expiration that is not a timestamp is reported without echoing the value", async () => {
    const error = await failure(await script(print({ ...V1, Expiration: EXPIRATION_SECRET })));
    expect(error).toMatchObject({ code: "invalid-credentials" });
    expect(error.message).toMatch(/Expiration.*ISO-8601/);
    expectNoLeak(error, SECRETS);
  });

  it("output that is not JSON is reported without echoing it", async () => {
    const error = await failure(
      await script(`process.stdout.write("AccessKeyId=${AKID} SecretAccessKey=${SECRET}");`),
    );
    expect(error.message).toMatch(/not JSON/);
    expectNoLeak(error, SECRETS);
  });

  it("a missing AccessKeyId is named without echoing the document", async () => {
    const error = await failure(await script(print({ ...V1, AccessKeyId: undefined })));
    expect(error.message).toMatch(/AccessKeyId/);
    expectNoLeak(error, SECRETS);
  });

  it("a program that cannot be started is a CredentialsError without its arguments", async () => {
    home ??= await tempHome();
    const error = await failure(`"${home.dir}/no-such-helper" --token=${ARG_SECRET}`);
    expect(error.message).toMatch(/"no-such-helper" could not be started \(ENOENT\)/);
    expectNoLeak(error, SECRETS);
  });

  it("a command with a NUL byte is a CredentialsError, not a TypeError quoting the command", async () => {
    const error = await failure(`helper\0x --token=${ARG_SECRET}`);
    expect(error.message).toMatch(/could not be started/);
    expectNoLeak(error, SECRETS);
  });

  it("times out even when a child of the helper keeps the output pipe open", async () => {
    home ??= await tempHome();
    const pidFile = `${home.dir}/grandchild.pid`;
    const command = await script(
      `import { spawn } from "node:child_process"; import { writeFileSync } from "node:fs";
       const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "inherit" });
       writeFileSync(${JSON.stringify(pidFile)}, String(child.pid));
       setTimeout(() => {}, 60_000);`,
    );
    const pending = runCredentialProcess(command, { timeoutMs: 500 });
    pending.catch(() => {});
    const error = await pending.then(
      () => undefined,
      (e: unknown) => e,
    );
    orphans.push(Number(await readFile(pidFile, "utf8")));
    expect(error).toMatchObject({ code: "process-failed", message: expect.stringMatching(/timed out/) });
  }, 10_000);

  it("fromProcess names the profile, and the error carries no cause holding the command", async () => {
    const command = await script(`process.stderr.write("${STDERR_SECRET}"); process.exit(2);`);
    await (home as TempHome).write(".aws/config", `[profile hostile]\ncredential_process = ${command}\n`);
    const error = await fromProcess({ profile: "hostile", env: {}, homedir: (home as TempHome).dir })().catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: "process-failed",
      message: expect.stringContaining('profile "hostile"'),
    });
    expect((error as Error).cause).toBeUndefined();
    expectNoLeak(error, SECRETS);
  });
});

describe("includeStderr", () => {
  const chatty = `process.stderr.write("run 'helper login' first\\n"); process.exit(4);`;

  it("is off by default: stderr stays out of the error", async () => {
    const error = await failure(await script(chatty));
    expect(error.message).not.toContain("helper login");
  });

  it("when true, appends what the process wrote to stderr (but never its arguments)", async () => {
    const error = await failure(await script(chatty), { includeStderr: true });
    expect(error.message).toMatch(/exited with code 4; stderr: run 'helper login' first/);
    expectNoLeak(error, [ARG_SECRET]);
  });

  it("when true, also shows the stderr of a process that timed out", async () => {
    const command = await script(
      `process.stderr.write("waiting for browser"); setTimeout(() => {}, 60_000);`,
    );
    const error = await failure(command, { includeStderr: true, timeoutMs: 2000 });
    expect(error.message).toMatch(/timed out after 2000 ms.*stderr: waiting for browser/);
  }, 10_000);
});
