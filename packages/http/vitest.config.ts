import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

export default defineProject({
  // Tests run the sources; `#system-errors` points at dist/ in package.json, so map it to the Node source.
  resolve: {
    alias: { "#system-errors": fileURLToPath(new URL("./src/system-errors.ts", import.meta.url)) },
  },
  test: { name: "http", include: ["test/**/*.test.ts"] },
});
