import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Against a real account, on demand only: `npm run test:live`.
    exclude: ["test/live/**", "node_modules/**"],
    globalSetup: ["./test/globalSetup.ts"],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
