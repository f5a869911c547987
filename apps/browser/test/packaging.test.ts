import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  arethetypeswrong,
  isAllowedInTarball,
  listPackages,
  type PackResult,
  packPackage,
} from "../src/harness/pack.js";

const destination = mkdtempSync(join(tmpdir(), "lanyard-pack-"));
afterAll(() => rmSync(destination, { recursive: true, force: true }));

describe("isAllowedInTarball", () => {
  it("allows docs, licence, dist and src and nothing else", () => {
    for (const path of [
      "package.json",
      "README.md",
      "LICENSE",
      "CHANGELOG.md",
      "dist/index.js",
      "src/a/b.ts",
    ]) {
      expect(isAllowedInTarball(path), path).toBe(true);
    }
    const rejected = [
      "tsconfig.json",
      "tsconfig.build.json",
      "vitest.config.ts",
      "test/sign.test.ts",
      "test/vectors/README.md",
      ".turbo/turbo-build.log",
      "src/sign.test.ts",
      "dist/tsconfig.build.tsbuildinfo",
      "data/service-2.json",
    ];
    for (const path of rejected) expect(isAllowedInTarball(path), path).toBe(false);
  });
});

for (const pkg of listPackages()) {
  describe(`${pkg.name} as published`, () => {
    if (!pkg.built) {
      // The root `npm test` builds every package first; a package run alone may not be built yet.
      it.todo(`packs cleanly (build ${pkg.dir}/dist first)`);
      return;
    }
    let packed: PackResult;
    beforeAll(async () => {
      packed = await packPackage(pkg.dir, destination);
    });

    it("packs only package.json, README.md, LICENSE, CHANGELOG.md, dist/** and src/**", () => {
      expect(packed.files.filter((path) => !isAllowedInTarball(path))).toEqual([]);
      expect(packed.files).toContain("package.json");
      expect(packed.files).toContain("README.md");
      expect(packed.files).toContain("LICENSE");
      expect(packed.files.some((path) => path.startsWith("dist/") && path.endsWith(".d.ts"))).toBe(true);
    });

    it("has correct types for ESM consumers (attw --profile esm-only)", async () => {
      const outcome = await arethetypeswrong(packed.tarball, "esm-only");
      expect(outcome.ok, outcome.output).toBe(true);
    });
  });
}
