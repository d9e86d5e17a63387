import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// Unit and integration tests that run anywhere; the Docker-only suite lives in test/e2e, the Go-built
// istiod twin in test/twin/*.twin.test.ts (vitest.twin.config.ts), the cluster twin in
// test/cluster-twin/*.cluster-twin.test.ts (vitest.cluster-twin.config.ts).
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/e2e/**", "test/twin/**/*.twin.test.ts", "test/cluster-twin/**/*.cluster-twin.test.ts", "node_modules/**", "dist/**"],
    testTimeout: 20_000,
    reporters: ["default", "./test/summary-reporter.ts"],
    // No test mocks modules or leaves globals changed, so workers are threads that keep their imported
    // modules across files (isolate: false): a third less CPU than a fresh process per file.
    pool: "threads",
    isolate: false,
    // Many files mostly wait (child processes, sockets, timeouts): more workers than cores overlap the waits.
    maxWorkers: Math.max(4, availableParallelism()),
  },
});
