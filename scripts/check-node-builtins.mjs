// Proves that no shipped module of the client's packages imports a Node built-in as an ES module.
// An ES import makes Node evaluate every export of the built-in, getters included: on Node 22 and
// later, node:http's WebSocket getter loads Node's bundled undici, 40-70 ms before a first call
// (nodejs/node#57649), and node:fs's stream getters load its streams on every version. The
// packages load built-ins with `process.getBuiltinModule` (CONTRIBUTING.md, "Node built-ins").
// Reads the linked dist/ of every package; the emulator (a server) and http's contract suite
// (test tooling) are left out.
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { isBuiltin } from "node:module";
import { join, relative } from "node:path";
import { files } from "./files.mjs";

const root = new URL("..", import.meta.url).pathname;
const EXEMPT = [/^packages\/sts-emulator\//, /^packages\/http\/dist\/contract\//];
const STATIC = /(?:^|[;\n])\s*(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["']([^"']+)["']/g;
const DYNAMIC = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

const found = [];
let read = 0;
for (const name of await readdir(join(root, "packages"))) {
  const dist = join(root, "packages", name, "dist");
  if (!existsSync(dist)) throw new Error(`packages/${name} has no dist/: build first (npm run build)`);
  for await (const file of files(dist)) {
    const path = relative(root, file);
    if (!path.endsWith(".js") || EXEMPT.some((pattern) => pattern.test(path))) continue;
    read++;
    const text = await readFile(file, "utf8");
    for (const pattern of [STATIC, DYNAMIC]) {
      for (const [, specifier] of text.matchAll(pattern)) {
        if (isBuiltin(specifier)) found.push(`${path}: imports ${specifier}`);
      }
    }
  }
}

if (read === 0) throw new Error("no built module found under packages/*/dist");
if (found.length > 0) {
  console.error(
    `Node built-ins imported as ES modules (load them with process.getBuiltinModule):\n  ${found.join("\n  ")}`,
  );
  process.exit(1);
}
console.log(`no Node built-in imported as an ES module (${read} modules read)`);
