import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

export default defineProject({
  // Tests run the sources; `#prevalidate` points at dist/ in package.json, so map it to the Node source.
  resolve: {
    alias: { "#prevalidate": fileURLToPath(new URL("./src/prevalidate.node.ts", import.meta.url)) },
  },
  test: { name: "xml-codec", include: ["test/**/*.test.ts"] },
});
