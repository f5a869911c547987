import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "xml-codec", include: ["test/**/*.test.ts"] },
});
