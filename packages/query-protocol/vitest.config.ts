import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "query-protocol", include: ["test/**/*.test.ts"] },
});
