import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "transport-undici", include: ["test/**/*.test.ts"] },
});
