import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "sts-emulator", include: ["test/**/*.test.ts"] },
});
