import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "transport-fetch", include: ["test/**/*.test.ts"] },
});
