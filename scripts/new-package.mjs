// Scaffolds packages/<name> with the house layout: ESM build to dist/, exports map,
// sideEffects false, engines, vitest config, README stub. Usage:
//   node scripts/new-package.mjs <name> "<description>" [--node]
// --node marks a Node-only package (gets @types/node in its build); core packages
// build against ES2022 + DOM lib only, so a stray Node global fails the build.
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";

const [name, description, flag] = process.argv.slice(2);
if (!name || !description) {
  console.error('usage: node scripts/new-package.mjs <name> "<description>" [--node]');
  process.exit(2);
}
const nodeOnly = flag === "--node";
const dir = new URL(`../packages/${name}/`, import.meta.url);
if (existsSync(dir)) {
  console.error(`packages/${name} exists already`);
  process.exit(1);
}
mkdirSync(new URL("src/", dir), { recursive: true });
mkdirSync(new URL("test/", dir), { recursive: true });
const json = (file, value) => writeFileSync(new URL(file, dir), `${JSON.stringify(value, null, 2)}\n`);

json("package.json", {
  name: `@lanyard/${name}`,
  version: "0.0.0",
  description,
  license: "Apache-2.0",
  type: "module",
  sideEffects: false,
  engines: { node: ">=20.19" },
  exports: {
    ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
    "./package.json": "./package.json",
  },
  types: "./dist/index.d.ts",
  files: ["dist", "src", "!src/**/*.test.ts"],
  scripts: {
    build: "rm -rf dist && tsc -p tsconfig.build.json && node ../../scripts/bundle-dist.mjs",
    typecheck: "tsc -p tsconfig.json --noEmit",
    test: "vitest run",
    publint: "publint --strict",
  },
  repository: {
    type: "git",
    url: "git+https://github.com/lanyard-dev/lanyard.git",
    directory: `packages/${name}`,
  },
  keywords: ["aws", "sts"],
  dependencies: {},
  devDependencies: {},
});
json("tsconfig.json", {
  extends: "../../tsconfig.base.json",
  compilerOptions: { noEmit: true, types: ["node"], lib: ["ES2022", "DOM"] },
  include: ["src", "test"],
});
json("tsconfig.build.json", {
  extends: "./tsconfig.json",
  compilerOptions: {
    noEmit: false,
    rootDir: "src",
    outDir: "dist",
    types: nodeOnly ? ["node"] : [],
  },
  include: ["src"],
  exclude: ["test"],
});
writeFileSync(
  new URL("vitest.config.ts", dir),
  `import { defineProject } from "vitest/config";\n\nexport default defineProject({\n  test: { name: "${name}", include: ["test/**/*.test.ts"] },\n});\n`,
);
writeFileSync(new URL("src/index.ts", dir), "export {};\n");
writeFileSync(new URL("README.md", dir), `# @lanyard/${name}\n\n${description}\n`);
copyFileSync(new URL("../LICENSE", import.meta.url), new URL("LICENSE", dir));
console.log(`created packages/${name}`);
