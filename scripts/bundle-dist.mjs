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
// Node build saves the platform file and the chunk it shares with the other platforms.
//
// An export whose `node` condition is `{ module: ./dist/X.node.js, default: ./dist/node/X.js }`
// gets a third, self-contained build for Node itself: the workspace's packages and third-party
// ES modules are inlined too, so a one-shot script resolves no bare specifier (on Node 20 each
// one costs about 1 ms per importing module). Bundlers match `module` and take the package-based
// build, so an application's bundle holds each package once. A process can then hold two copies
// of a class (the inlined one and the package's own); the error classes recognise each other's
// instances through a brand (`@lanyard/http`'s `classBrand`), so `instanceof` still answers right.
// `--self-contained` builds every entry of a package this way (the CLI).
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
// `--self-contained`: every entry inlines the workspace's packages (see inlineWorkspace).
const wholePackage = process.argv.includes("--self-contained");

/** Every `./dist/….js` named in `exports`, `imports` or `bin`, under any condition, but the Node builds'. */
function entryPoints(manifest) {
  const found = new Set();
  const outputs = new Set(
    [...nodeBuilds(manifest), ...selfContainedBuilds(manifest)].map(({ target }) => target),
  );
  const visit = (value) => {
    if (typeof value === "string") {
      if (value.startsWith("./dist/") && value.endsWith(".js") && !outputs.has(value)) {
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

/**
 * An export's `node` condition: a file, or `{ module, default }` where `module` (the condition
 * bundlers add) names the Node build and `default` (what Node itself takes) the self-contained one.
 */
function nodeTargets(conditions) {
  const node = typeof conditions === "object" ? conditions.node : undefined;
  return typeof node === "object" && node !== null
    ? { build: node.module, selfContained: node.default }
    : { build: node, selfContained: undefined };
}

/** The exports whose `node` condition names a Node build: `{ source: ./dist/X.js, target: ./dist/X.node.js }`. */
function nodeBuilds(manifest) {
  return Object.values(manifest.exports ?? {}).flatMap((conditions) => {
    const { build } = nodeTargets(conditions);
    return NODE_BUILD.test(build ?? "") ? [{ source: conditions.default, target: build }] : [];
  });
}

/** The exports with a self-contained Node build: `{ source: ./dist/X.js, target: ./dist/node/X.js }`. */
function selfContainedBuilds(manifest) {
  return Object.values(manifest.exports ?? {}).flatMap((conditions) => {
    const { selfContained } = nodeTargets(conditions);
    return typeof selfContained === "string" ? [{ source: conditions.default, target: selfContained }] : [];
  });
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

const SCOPE = "@lanyard/";

function packageNameOf(specifier) {
  const [first = "", second = ""] = specifier.split("/");
  return first.startsWith("@") ? `${first}/${second}` : first;
}

/** Whether Node loads `path` as an ES module: `.mjs`, or `.js` under a package.json whose `type` is `module`. */
async function isEsModule(path) {
  if (path.endsWith(".mjs")) return true;
  if (!path.endsWith(".js")) return false;
  for (let dir = dirname(path); dirname(dir) !== dir; dir = dirname(dir)) {
    try {
      return JSON.parse(await readFile(join(dir, "package.json"), "utf8")).type === "module";
    } catch (error) {
      if (error.code !== "ENOENT") throw error;
    }
  }
  return false;
}

/**
 * Bare imports in a Node build. Built-ins stay external. Dependencies that are ES modules are
 * inlined, tree-shaken: @noble/hashes, which sigv4 hashes a process's first signatures with,
 * would otherwise cost a package resolution and five module files, and under `node` its utilities
 * import node:crypto, the module that warm-up exists to avoid loading. CommonJS dependencies (the
 * proxy agents) stay external, since their require() calls cannot run inside an ES module; Node
 * resolves them from the built package's folder, so each must be its own dependency, or the build
 * fails naming it. With `inlineWorkspace` (a self-contained build) the workspace's packages are
 * inlined too: on Node 20 each bare specifier costs about a millisecond to resolve (a package.json
 * lookup per importing module), and a client's first call crossed some twenty of them.
 */
function nodeDependencies(manifest, { inlineWorkspace }) {
  const own = { ...manifest.dependencies, ...manifest.optionalDependencies };
  const peers = manifest.peerDependencies ?? {};
  const probing = "node-dependencies:probing";
  return {
    name: "node-dependencies",
    setup(build) {
      const missing = new Set();
      build.onResolve({ filter: /^[^./#]/ }, async (args) => {
        if (args.pluginData === probing) return undefined;
        const name = packageNameOf(args.path);
        if (args.path.startsWith("node:") || builtinModules.includes(name)) {
          return { path: args.path, external: true };
        }
        if (args.path.startsWith(SCOPE))
          return inlineWorkspace ? undefined : { path: args.path, external: true };
        // A peer (vitest for a contract suite) is the application's own copy, never a private one.
        if (Object.hasOwn(peers, name)) return { path: args.path, external: true };
        const { kind, importer, resolveDir } = args;
        const found = await build.resolve(args.path, { kind, importer, resolveDir, pluginData: probing });
        if (found.errors.length === 0 && (await isEsModule(found.path))) {
          return { path: found.path, sideEffects: found.sideEffects };
        }
        if (!Object.hasOwn(own, name)) missing.add(`${name} (imported by ${relative(packageDir, importer)})`);
        return { path: args.path, external: true };
      });
      build.onEnd(() => {
        if (missing.size > 0) {
          throw new Error(
            `${manifest.name}: its Node build imports CommonJS packages it does not depend on; add them to its dependencies: ${[...missing].join(", ")}`,
          );
        }
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
// A whole package built self-contained (a command-line tool) has no other build.
const groups = wholePackage
  ? []
  : [entries.filter((entry) => !alone.has(entry)), ...[...alone].map((file) => [file])];
for (const group of groups) {
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
    // The package's own `#imports` resolve (under `node`) and are inlined, as are ES-module dependencies.
    plugins: [nodeDependencies(manifest, { inlineWorkspace: false })],
    conditions: ["node"],
    entryNames: "[dir]/[name].node",
    chunkNames: "chunks/node-[name]-[hash]",
  });
}

// Node takes the self-contained build; bundlers, which add the `module` condition, take the Node
// build above and share one copy of each package with the rest of the application.
const selfContained = selfContainedBuilds(manifest);
if (selfContained.length > 0 || wholePackage) {
  for (const { source, target } of selfContained) {
    if (
      !target.startsWith("./dist/node/") ||
      target.slice("./dist/node/".length) !== source.slice("./dist/".length)
    ) {
      throw new Error(
        `${manifest.name}: a self-contained build is ./dist/node/ + its default file (${source} → ${target})`,
      );
    }
  }
  await build({
    ...linking,
    entryPoints: wholePackage ? entries : selfContained.map(({ source }) => join(packageDir, source)),
    outdir: wholePackage ? staging : join(staging, "node"),
    plugins: [nodeDependencies(manifest, { inlineWorkspace: true })],
    // `module` picks the other packages' Node builds over their self-contained ones, so each
    // package is inlined once.
    conditions: ["node", "module"],
    // A linked chunk's bare `import "./chunk.js"` is dropped under `sideEffects: false`, as intended.
    logOverride: { "ignored-bare-import": "silent" },
    chunkNames: "chunks/[name]-[hash]",
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
