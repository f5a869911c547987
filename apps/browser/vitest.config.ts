import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "browser",
    include: ["test/**/*.test.ts"],
    // Installing Chromium (first run on a fresh machine) happens in globalSetup; the tests
    // themselves launch a real browser and pack every package, which takes seconds, not ms.
    globalSetup: ["./test/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
