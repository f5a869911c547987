// Proves the core packages run beyond Node: each portable entry point is bundled for the
// browser and for workers (no Node built-ins available), which fails on any `node:` or bare
// built-in import anywhere in its import graph, and the bundle is scanned for free uses of
// Node globals. Node-only packages (transport-undici, transport-http2, credentials/node) are
// deliberately absent.
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
  "@lanyard/sts-client",
];

const TARGETS = [
  { name: "browser", platform: "browser", conditions: ["browser"] },
  { name: "worker", platform: "neutral", conditions: ["worker"], mainFields: ["module", "main"] },
];

// Free identifiers that exist only in Node. `globalThis.process?.env` is fine (a guarded
// property read); a bare `process` or `Buffer` is not. `process(` is a method of the same
// name (hash classes have one), never Node's `process`, which is not callable.
const NODE_GLOBALS =
  /(?<![\w$.])(process(?!\s*\()|Buffer|__dirname|__filename|require|setImmediate|global)(?![\w$])(?!\s*:)/g;

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
        minifyWhitespace: true,
        legalComments: "none",
        logLevel: "silent",
      });
      const code = stripStringsAndComments(result.outputFiles[0].text);
      const found = new Set([...code.matchAll(NODE_GLOBALS)].map((match) => match[1]));
      if (found.size > 0) failures.push(`${label}: uses Node globals: ${[...found].join(", ")}`);
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
  return new URL(`../packages/${entry.replace("@lanyard/", "")}/`, import.meta.url).pathname;
}

/** Blanks string literals and comments so words inside them are not mistaken for identifiers. */
function stripStringsAndComments(source) {
  return source.replace(
    /\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`/g,
    '""',
  );
}
