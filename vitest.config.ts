import { defineConfig } from "vitest/config";

// Two projects: fast unit/golden tests over the converter and site helpers,
// and browser tests that need a built site in dist/ (npm test builds it first).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts", "tests/golden/**/*.test.ts", "tests/hostile/**/*.test.ts"],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
