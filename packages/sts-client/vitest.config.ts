import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

export default defineProject({
  // Tests run the sources; `#client-default-credentials` points at dist/ in package.json, so map it
  // to the Node source.
  resolve: {
    alias: {
      "#client-default-credentials": fileURLToPath(
        new URL("./src/credentials/client-default.node.ts", import.meta.url),
      ),
    },
  },
  test: { name: "sts-client", include: ["test/**/*.test.ts"] },
});
