import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

export default defineProject({
  // Tests run the sources; `#platform` points at dist/ in package.json, so map it to the Node source.
  resolve: { alias: { "#platform": fileURLToPath(new URL("./src/platform.node.ts", import.meta.url)) } },
  test: { name: "sigv4", include: ["test/**/*.test.ts"] },
});
