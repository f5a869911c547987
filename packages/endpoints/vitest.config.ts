import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "endpoints", include: ["test/**/*.test.ts"] },
});
