import { fileURLToPath } from "node:url";
import { defineProject, type Plugin } from "vitest/config";

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const sourceDir = source("./src/");

/**
 * package.json points `#platform` at dist/; the sources' own imports of it take the Node source.
 * Only theirs: other packages (sigv4's dist) have a `#platform` of their own.
 */
const platformSource: Plugin = {
  name: "query-client-platform-source",
  enforce: "pre",
  resolveId(id, importer) {
    return id === "#platform" && importer?.startsWith(sourceDir) ? source("./src/platform/node.ts") : null;
  },
};

export default defineProject({
  // Tests run the sources, also through the package's own name (the generated test fixture imports it).
  plugins: [platformSource],
  resolve: {
    alias: [
      { find: /^@lanyard\/query-client$/, replacement: source("./src/index.ts") },
      { find: /^@lanyard\/query-client\/codegen$/, replacement: source("./src/codegen/index.ts") },
    ],
  },
  test: { name: "query-client", include: ["test/**/*.test.ts"] },
});
