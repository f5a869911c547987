import { defineProject } from "vitest/config";

export default defineProject({
  // End-to-end tests spawn the built binary; on a busy machine one run can take a few seconds.
  test: { name: "cli", include: ["test/**/*.test.ts"], testTimeout: 60_000 },
});
