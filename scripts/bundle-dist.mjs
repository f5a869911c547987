// Links a package's compiled dist/ into one ES module per public entry point (plus shared chunks).
//
// tsc writes one file per source module: some 115 files for the STS client and its primitives.
// Node's ES module loader resolves, reads and compiles each one separately, and on a cold start
// (a CLI, a Lambda) that costs more than the code inside them. esbuild joins each package's files
// the way the AWS SDK ships one file per package; dependencies, other Lanyard packages and the
// package's own `#imports` stay external, so conditions (`node`, `browser`) still pick at run time.
// Declarations (.d.ts) and CommonJS shims (.cjs) from tsc are kept as they are.
//
// A package whose `#imports` pick a file by the `node` condition (`#platform`) also gets a Node
// build: every export `./dist/X.js` whose `node` condition names `./dist/X.node.js` is linked
// again with the Node files inlined. On Node each module file costs about 2 ms to load, and the
// Node build saves the platform file and the chunk it shares with the other platforms. The two
// builds never meet in one process (a runtime matches `node` or does not), so each class still
// has one identity there.
//
// Shared chunks are files too, so two kinds are avoided: an entry that imports another entry of
// the package does so by the package's name, and an entry that only a `browser` or `worker`
// condition names is linked on its own, apart from the default it replaces.
//
// Usage, from a package folder after `tsc`: node ../../scripts/bundle-dist.mjs
import { mkdir, readFile, rename, rm } from "node:fs/promises";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { build } from "esbuild";
import { files } from "./files.mjs";

const packageDir = process.cwd();
const dist = join(packageDir, "dist");
const staging = join(packageDir, "dist-linked");

const NODE_BUILD = /\.node\.js$/;

/** Every `./dist/….js` named in `exports`, `imports` or `bin`, under any condition, but the Node builds'. */
function entryPoints(manifest) {
  const found = new Set();
  const nodeTargets = new Set(nodeBuilds(manifest).map(({ target }) => target));
  const visit = (value) => {
    if (typeof value === "string") {
      if (value.startsWith("./dist/") && value.endsWith(".js") && !nodeTargets.has(value)) {
        found.add(join(packageDir, value));
      }
    } else if (value && typeof value === "object") {
      for (const nested of Object.values(value)) visit(nested);
    }
  };
  visit(manifest.exports);
  visit(manifest.imports);
  visit(manifest.bin);
  return [...found];
}

/** The exports whose `node` condition names a Node build: `{ source: ./dist/X.js, target: ./dist/X.node.js }`. */
function nodeBuilds(manifest) {
  return Object.values(manifest.exports ?? {}).flatMap((conditions) =>
    typeof conditions === "object" && NODE_BUILD.test(conditions.node ?? "")
      ? [{ source: conditions.default, target: conditions.node }]
      : [],
  );
}

/**
 * Files that only a `browser` or `worker` condition of `exports` names, each with the default file of
 * its subpath. A runtime picks one of the two, so the alternative is linked on its own: built with
 * its sibling, their shared code would sit in a chunk that every Node process loads as a file more.
 */
function browserAlternatives(manifest) {
  const alternatives = [];
  for (const conditions of Object.values(manifest.exports ?? {})) {
    if (typeof conditions !== "object" || typeof conditions.default !== "string") continue;
    for (const [condition, target] of Object.entries(conditions)) {
      if ((condition === "browser" || condition === "worker") && target !== conditions.default) {
        alternatives.push({ file: join(packageDir, target), sibling: join(packageDir, conditions.default) });
      }
    }
  }
  return alternatives;
}

/** `dist/…` file of each public entry → the specifier that reaches it through the package's own name. */
function entrySpecifiers(manifest) {
  const specifiers = new Map();
  for (const [subpath, conditions] of Object.entries(manifest.exports ?? {})) {
    const specifier = manifest.name + subpath.slice(1);
    const targets = typeof conditions === "string" ? [conditions] : Object.values(conditions);
    for (const target of targets) {
      if (typeof target === "string" && target.endsWith(".js"))
        specifiers.set(join(packageDir, target), specifier);
    }
  }
  return specifiers;
}

/**
 * One entry importing another (`contract/` importing the package's index) would make esbuild move
 * the imported entry's code into a shared chunk, a file more for every process to load. The
 * import goes through the package's own name instead, which Node resolves (with its
 * conditions) to the entry's own file.
 */
function entriesByName(manifest) {
  const specifiers = entrySpecifiers(manifest);
  return {
    name: "entries-by-name",
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.kind !== "import-statement") return undefined;
        const specifier = specifiers.get(resolve(args.resolveDir, args.path));
        return specifier === undefined ? undefined : { path: specifier, external: true };
      });
    },
  };
}

function externals(manifest) {
  const names = Object.keys({
    ...manifest.dependencies,
    ...manifest.peerDependencies,
    ...manifest.optionalDependencies,
  });
  return [
    ...names.flatMap((name) => [name, `${name}/*`]),
    ...builtinModules.flatMap((name) => [name, `node:${name}`]),
    "#*",
  ];
}

const manifest = JSON.parse(await readFile(join(packageDir, "package.json"), "utf8"));
const entries = entryPoints(manifest);
if (entries.length === 0) throw new Error(`${manifest.name}: package.json names no ./dist/*.js entry`);

const linking = {
  outdir: staging,
  outbase: dist,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  sourcemap: true,
  // Pure annotations survive, so apps bundling these files still tree-shake what they do not use.
  minify: false,
  logLevel: "warning",
  plugins: [entriesByName(manifest)],
};

const alternatives = browserAlternatives(manifest);
const alone = new Set(alternatives.map(({ file }) => file));
const siblings = new Set(alternatives.map(({ sibling }) => sibling));
// Linked alone, an alternative keeps its own copy of what it shares with its sibling. That is safe
// only when nothing else of the package can load beside it and hold the other copy.
if (alternatives.length > 0 && entries.some((entry) => !alone.has(entry) && !siblings.has(entry))) {
  throw new Error(
    `${manifest.name}: a browser-only entry is linked on its own, which needs a package whose only other entries are the defaults it replaces`,
  );
}

await rm(staging, { recursive: true, force: true });
for (const group of [entries.filter((entry) => !alone.has(entry)), ...[...alone].map((file) => [file])]) {
  await build({
    ...linking,
    entryPoints: group,
    external: externals(manifest),
    chunkNames: "chunks/[name]-[hash]",
  });
}
const forNode = nodeBuilds(manifest);
if (forNode.length > 0) {
  for (const { source, target } of forNode) {
    if (!source || target !== source.replace(/\.js$/, ".node.js")) {
      throw new Error(
        `${manifest.name}: a node build must sit beside its default one (${source} → ${target})`,
      );
    }
  }
  await build({
    ...linking,
    entryPoints: forNode.map(({ source }) => join(packageDir, source)),
    // The package's own `#imports` resolve (under `node`) and are inlined; the rest stays external.
    external: externals(manifest).filter((name) => name !== "#*"),
    conditions: ["node"],
    entryNames: "[dir]/[name].node",
    chunkNames: "chunks/node-[name]-[hash]",
  });
}

// Only the linked modules replace tsc's JavaScript; declarations and .cjs shims stay.
for await (const path of files(dist)) {
  if (path.endsWith(".js") || path.endsWith(".js.map")) await rm(path);
}
for await (const path of files(staging)) {
  const target = join(dist, relative(staging, path));
  await mkdir(dirname(target), { recursive: true });
  await rename(path, target);
}
await rm(staging, { recursive: true, force: true });
