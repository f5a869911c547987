import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "transport-http2", include: ["test/**/*.test.ts"] },
});
