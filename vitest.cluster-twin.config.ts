import { defineConfig } from "vitest/config";

// The cluster twin: the unchanged `lab` runner end to end on a real API server, istiod and Envoy (test/cluster-twin).
// Not part of `npm test`; `.ci/run` runs it after the twin suite.
export default defineConfig({
  test: {
    include: ["test/cluster-twin/**/*.cluster-twin.test.ts"],
    globalSetup: ["./test/cluster-twin/global-setup.ts"],
    testTimeout: 60 * 60_000,
    hookTimeout: 60 * 60_000,
    fileParallelism: false,
    reporters: ["default", "./test/summary-reporter.ts"],
  },
});
