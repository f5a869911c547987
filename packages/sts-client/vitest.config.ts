import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "sts-client", include: ["test/**/*.test.ts"] },
});
