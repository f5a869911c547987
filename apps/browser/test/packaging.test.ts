import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  arethetypeswrong,
  isAllowedInTarball,
  listPackages,
  type PackResult,
  packedManifest,
  packPackage,
  publintTarball,
  requireFromCommonJs,
  unpublishableRanges,
} from "../src/harness/pack.js";

// require(esm) is on by default from Node 20.19 (and 22.12); older versions need a flag.
const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
const REQUIRE_ESM = major > 22 || (major === 22 && minor >= 12) || (major === 20 && minor >= 19);

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

// Packing is cheap; attw loads TypeScript per run, so the packages are checked concurrently
// (vitest caps it at maxConcurrency) and each tarball is made once, on first use.
describe("unpublishableRanges", () => {
  it("flags workspace:, link: and file: ranges and accepts registry ranges", () => {
    const manifest = {
      dependencies: { "@lanyard/http": "workspace:^", "@noble/hashes": "^2.0.1" },
      peerDependencies: { a: "link:../a" },
      optionalDependencies: { b: "file:../b.tgz" },
      devDependencies: { c: "workspace:*" },
    };
    expect(unpublishableRanges(manifest)).toEqual([
      "dependencies.@lanyard/http: workspace:^",
      "peerDependencies.a: link:../a",
      "optionalDependencies.b: file:../b.tgz",
    ]);
    expect(unpublishableRanges({ dependencies: { "@lanyard/http": "^0.1.0" } })).toEqual([]);
  });
});

describe.concurrent("every package under packages/ as published", () => {
  for (const pkg of listPackages()) {
    describe(pkg.name, () => {
      if (!pkg.built) {
        // The root `npm test` builds every package first; a package run alone may not be built yet.
        it.todo(`packs cleanly (build ${pkg.dir}/dist first)`);
        return;
      }
      let packing: Promise<PackResult> | undefined;
      const packed = () => {
        packing ??= packPackage(pkg.dir, destination);
        return packing;
      };

      it("packs only package.json, README.md, LICENSE, CHANGELOG.md, dist/** and src/**", async ({
        expect,
      }) => {
        const { files } = await packed();
        expect(files.filter((path) => !isAllowedInTarball(path))).toEqual([]);
        expect(files).toContain("package.json");
        expect(files).toContain("README.md");
        expect(files).toContain("LICENSE");
        expect(files.some((path) => path.startsWith("dist/") && path.endsWith(".d.ts"))).toBe(true);
      });

      it("publishes real version ranges for its dependencies (no workspace: protocol)", async ({
        expect,
      }) => {
        const manifest = await packedManifest((await packed()).tarball);
        expect(manifest.name).toBe(pkg.name);
        expect(unpublishableRanges(manifest)).toEqual([]);
      });

      it.skipIf(!REQUIRE_ESM)("loads with require() from CommonJS (Node >= 20.19)", async ({ expect }) => {
        const outcome = await requireFromCommonJs(pkg);
        expect(outcome.ok, outcome.output).toBe(true);
      });

      it("passes publint --strict", async ({ expect }) => {
        const outcome = await publintTarball((await packed()).tarball);
        expect(outcome.ok, outcome.output).toBe(true);
      });

      it("has correct types for ESM consumers (attw --profile esm-only)", async ({ expect }) => {
        const outcome = await arethetypeswrong((await packed()).tarball, { profile: "esm-only" });
        expect(outcome.ok, outcome.output).toBe(true);
      });

      // TypeScript's node10 resolution ignores `exports`; `typesVersions` maps each subpath
      // (`@lanyard/credentials/node`) so projects still on it see the types. Only the CommonJS
      // rule is left out: these packages are ES modules, loaded from CommonJS with require(esm).
      it("resolves the types of every entry under moduleResolution node10", async ({ expect }) => {
        const tarball = (await packed()).tarball;
        const outcome = await arethetypeswrong(tarball, { ignoreRules: ["cjs-resolves-to-esm"] });
        expect(outcome.ok, outcome.output).toBe(true);
      });
    });
  }
});
