import { describe, expect, it } from "vitest";
import { ChromiumSetupError, ensureChromium } from "../src/harness/ensure-chromium.js";

function recorder(failOn?: string) {
  const calls: string[] = [];
  const run = (command: string, args: readonly string[]) => {
    const line = [command, ...args].join(" ");
    calls.push(line);
    if (failOn && line.includes(failOn)) throw new Error("exit status 100");
  };
  return { calls, run };
}

describe("ensureChromium", () => {
  it("does nothing when the browser is already installed", () => {
    const { calls, run } = recorder();
    expect(ensureChromium({ exists: () => true, run })).toBe("present");
    expect(calls).toEqual([]);
  });

  it("installs Debian's chromium with apt-get update then install when it is missing", () => {
    const { calls, run } = recorder();
    let installed = false;
    const result = ensureChromium({
      exists: () => installed,
      run: (command, args) => {
        run(command, args);
        if (args.includes("install")) installed = true;
      },
      isRoot: true,
      hasApt: true,
      log: () => {},
    });
    expect(result).toBe("installed");
    expect(calls).toEqual([
      "apt-get -o DPkg::Lock::Timeout=300 update",
      "apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends chromium",
    ]);
  });

  it("fails with the failing command and a manual fix when apt-get fails", () => {
    const { calls, run } = recorder("update");
    const attempt = () =>
      ensureChromium({ exists: () => false, run, isRoot: true, hasApt: true, log: () => {} });
    expect(attempt).toThrow(ChromiumSetupError);
    expect(attempt).toThrow(/'apt-get .*update' failed \(exit status 100\).*apt-get install -y chromium/);
    expect(calls.every((line) => line.endsWith("update"))).toBe(true);
  });

  it("fails clearly when the package installed but the binary is still missing", () => {
    const { run } = recorder();
    expect(() =>
      ensureChromium({ exists: () => false, run, isRoot: true, hasApt: true, log: () => {} }),
    ).toThrow(/installed 'chromium' but \/usr\/bin\/chromium is still missing/);
  });

  it("refuses to try without root or without apt-get, saying why", () => {
    const { calls, run } = recorder();
    expect(() => ensureChromium({ exists: () => false, run, isRoot: false, hasApt: true })).toThrow(
      /needs root/,
    );
    expect(() => ensureChromium({ exists: () => false, run, isRoot: true, hasApt: false })).toThrow(
      /apt-get was not found/,
    );
    expect(calls).toEqual([]);
  });
});
