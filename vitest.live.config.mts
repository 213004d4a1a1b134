import { defineConfig } from "vitest/config";

/** `npm run test:live`: the live suite against a real account (scripts/test-live.ts starts it). */
export default defineConfig({
  test: {
    include: ["test/live/**/*.test.ts"],
    globalSetup: ["./test/globalSetup.ts"],
    // One file, in order: every request spends the account's daily quota.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
