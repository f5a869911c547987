import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineProject({
  // Tests run the sources: the package's own name (the generated test fixture imports it) and
  // `#platform`, which package.json points at dist/, map to src/.
  resolve: {
    alias: [
      { find: /^@lanyard\/query-client$/, replacement: source("./src/index.ts") },
      { find: /^@lanyard\/query-client\/codegen$/, replacement: source("./src/codegen/index.ts") },
      { find: /^#platform$/, replacement: source("./src/platform/node.ts") },
    ],
  },
  test: { name: "query-client", include: ["test/**/*.test.ts"] },
});
