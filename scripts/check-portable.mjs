// Proves the core packages run beyond Node: each portable entry point is bundled for the
// browser and for workers (no Node built-ins available), which fails on any `node:` or bare
// built-in import anywhere in its import graph, and on any free use of a Node-only global.
// Node-only entry points (transport-undici, transport-http2, credentials/node, http/contract)
// are deliberately absent.
import { build } from "esbuild";

const ENTRIES = [
  "@lanyard/http",
  "@lanyard/sigv4",
  "@lanyard/xml-codec",
  "@lanyard/query-protocol",
  "@lanyard/endpoints",
  "@lanyard/retry",
  "@lanyard/transport-fetch",
  "@lanyard/credentials",
  "@lanyard/query-client",
  "@lanyard/query-client/codegen",
  "@lanyard/sts-client",
];

const TARGETS = [
  { name: "browser", platform: "browser", conditions: ["browser"] },
  { name: "worker", platform: "neutral", conditions: ["worker"], mainFields: ["module", "main"] },
];

// Globals that exist only in Node. esbuild's `define` replaces an identifier only where it is
// free (not declared in scope, not a property name, not inside a string), which is exactly a
// use that would throw elsewhere; `globalThis.process?.env` is a property read and stays. A
// dependency that feature-tests first (`typeof Buffer !== "undefined" && Buffer.isBuffer(x)`,
// as fast-xml-parser does) is platform-aware, so a name it guards with `typeof` is allowed.
const NODE_GLOBALS = [
  "process",
  "Buffer",
  "__dirname",
  "__filename",
  "require",
  "module",
  "exports",
  "global",
  "setImmediate",
  "clearImmediate",
];
const MARKER = "__node_global__";
const define = Object.fromEntries(NODE_GLOBALS.map((name) => [name, `${MARKER}${name}`]));

const failures = [];
for (const entry of ENTRIES) {
  for (const target of TARGETS) {
    const label = `${entry} (${target.name})`;
    try {
      const result = await build({
        // Resolved from the package's own folder (a self-reference), so its `exports`
        // conditions apply exactly as they would for a user.
        stdin: { contents: `export * from "${entry}";`, resolveDir: packageDir(entry), loader: "js" },
        bundle: true,
        write: false,
        format: "esm",
        platform: target.platform,
        conditions: target.conditions,
        mainFields: target.mainFields,
        define,
        logLevel: "silent",
      });
      const code = result.outputFiles[0].text;
      const used = new Set([...code.matchAll(new RegExp(`${MARKER}(\\w+)`, "g"))].map((m) => m[1]));
      const found = [...used].filter((name) => !code.includes(`typeof ${MARKER}${name}`));
      if (found.length > 0) failures.push(`${label}: uses Node globals: ${found.join(", ")}`);
      else console.log(`ok   ${label}`);
    } catch (error) {
      const messages = (error.errors ?? [{ text: error.message }]).map((e) => e.text).join("; ");
      failures.push(`${label}: ${messages}`);
    }
  }
}

if (failures.length > 0) {
  for (const failure of failures) console.error(`FAIL ${failure}`);
  process.exit(1);
}
console.log(
  `portable: ${ENTRIES.length} entry points build for browsers and workers with no Node dependency`,
);

function packageDir(entry) {
  const name = entry.replace("@lanyard/", "").split("/")[0];
  return new URL(`../packages/${name}/`, import.meta.url).pathname;
}
