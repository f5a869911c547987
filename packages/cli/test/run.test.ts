import { describe, expect, it } from "vitest";
import { ExitCode, type Io, run } from "../src/index.js";

function fakeIo(env: Io["env"] = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    env,
    now: () => Date.parse("2030-01-01T00:00:00Z"),
    stdout: async (text) => {
      out.push(text);
    },
    stderr: (text) => {
      err.push(text);
    },
    ask: () => Promise.reject(new Error("no terminal in this test")),
  };
  return { io, stdout: () => out.join(""), stderr: () => err.join("") };
}

describe("run", () => {
  it("returns 0 and prints help on stdout", async () => {
    const { io, stdout, stderr } = fakeIo();
    expect(await run(["assume-role", "--help"], io)).toBe(ExitCode.ok);
    expect(stdout()).toMatch(/^Usage: lanyard assume-role --role-arn ARN/);
    expect(stderr()).toBe("");
  });

  it("returns 2 for a usage error, with one line and a hint on stderr", async () => {
    const { io, stdout, stderr } = fakeIo();
    expect(await run(["eks-token"], io)).toBe(ExitCode.usage);
    expect(stdout()).toBe("");
    expect(stderr()).toBe("lanyard: --cluster is required\nhint: run 'lanyard eks-token --help' for usage\n");
  });

  it("returns 3 for a configuration error raised before any call", async () => {
    const { io, stderr } = fakeIo({ LANYARD_CACHE_DIR: "relative", HOME: "/nonexistent-home" });
    expect(await run(["credential-process", "--profile", "p"], io)).toBe(ExitCode.config);
    expect(stderr()).toMatch(/^lanyard: profile "p" is not in \/nonexistent-home\/\.aws\/config/);
  });

  it("documents its exit statuses", () => {
    expect(ExitCode).toEqual({ ok: 0, aws: 1, usage: 2, config: 3 });
  });
});
