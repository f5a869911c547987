import { afterEach, describe, expect, it } from "vitest";
import { fromIni, fromProcess, runCredentialProcess } from "../src/node/index.js";
import { splitCommand } from "../src/node/split-command.js";
import { AKID, FUTURE, PROCESS_V1, SECRET, type TempHome, TOKEN, tempHome } from "./helpers.js";

let home: TempHome | undefined;
afterEach(async () => {
  await home?.remove();
  home = undefined;
});

/** A credential_process command: node running a script that prints `output` (or exits with `code`). */
async function helperCommand(output: unknown, extra = ""): Promise<string> {
  home ??= await tempHome();
  const script = await home.write(
    "helper.mjs",
    `${extra}\nprocess.stdout.write(${JSON.stringify(typeof output === "string" ? output : JSON.stringify(output))});\n`,
  );
  return `"${process.execPath}" "${script}"`;
}

const V1 = PROCESS_V1;

describe("splitCommand", () => {
  it("splits on whitespace and honours single quotes, double quotes and backslashes", () => {
    expect(splitCommand(`/bin/tool --a "two words" 'it''s' back\\ slash "q\\"x"`)).toEqual([
      "/bin/tool",
      "--a",
      "two words",
      "its",
      "back slash",
      'q"x',
    ]);
    expect(splitCommand(`  a   ""  b `)).toEqual(["a", "", "b"]);
  });

  it("rejects an unclosed quote", () => {
    expect(() => splitCommand(`tool "open`)).toThrow(/unclosed quote/);
  });
});

describe("credential_process", () => {
  it("reads Version 1 output with token and expiration", async () => {
    const creds = await runCredentialProcess(await helperCommand(V1));
    expect(creds).toEqual({
      accessKeyId: AKID,
      secretAccessKey: SECRET,
      sessionToken: TOKEN,
      expiration: new Date(FUTURE),
    });
  });

  it("rejects a Version other than 1", async () => {
    await expect(runCredentialProcess(await helperCommand({ ...V1, Version: 2 }))).rejects.toThrow(
      /"Version" must be the number 1/,
    );
  });

  it("rejects expired credentials", async () => {
    const command = await helperCommand({ ...V1, Expiration: "2000-01-01T00:00:00Z" });
    await expect(runCredentialProcess(command)).rejects.toMatchObject({ code: "expired" });
  });

  it("reports a failing process's exit code, its stderr only with includeStderr, never its stdout", async () => {
    const command = await helperCommand(
      V1,
      `process.stderr.write("token expired, run login"); process.exitCode = 3;`,
    );
    const error = await runCredentialProcess(command).catch((e: Error) => e);
    expect(error).toMatchObject({
      code: "process-failed",
      message: expect.stringMatching(/exited with code 3$/),
    });
    const shown = await runCredentialProcess(command, { includeStderr: true }).catch((e: Error) => e);
    expect((shown as Error).message).toMatch(/exited with code 3; stderr: token expired, run login$/);
    expect((shown as Error).message).not.toContain(SECRET);
  });

  it("kills a process that exceeds timeoutMs", async () => {
    const command = await helperCommand(V1, "await new Promise((r) => setTimeout(r, 5000));");
    await expect(runCredentialProcess(command, { timeoutMs: 200 })).rejects.toThrow(/timed out after 200 ms/);
  });

  it("runs the selected profile's credential_process via fromProcess and fromIni", async () => {
    const command = await helperCommand(V1);
    const h = home as TempHome;
    await h.write(".aws/config", `[profile p]\ncredential_process = ${command}\n`);
    expect((await fromProcess({ profile: "p", env: {}, homedir: h.dir })()).accessKeyId).toBe(AKID);
    expect((await fromIni({ env: { AWS_PROFILE: "p" }, homedir: h.dir })()).sessionToken).toBe(TOKEN);
  });

  it("fromProcess moves on when the profile has no credential_process", async () => {
    home = await tempHome({ ".aws/config": "[default]\nregion = us-east-1\n" });
    await expect(fromProcess({ env: {}, homedir: home.dir })()).rejects.toMatchObject({ tryNext: true });
  });
});
