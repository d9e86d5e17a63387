import { defineConfig } from "vitest/config";

// Unit and integration tests that run anywhere; the Docker-only suite lives in test/e2e, the twin in test/twin.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/e2e/**", "test/twin/**", "node_modules/**", "dist/**"],
    testTimeout: 20_000,
    reporters: ["default", "./test/summary-reporter.ts"],
  },
});
