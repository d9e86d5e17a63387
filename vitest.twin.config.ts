import { defineConfig } from "vitest/config";

// The istiod twin: builds test/twin/istiod (Go) and regenerates the golden configs. Not part of `npm test`,
// which judges the labs' checks on the committed goldens instead.
export default defineConfig({
  test: {
    include: ["test/twin/**/*.twin.test.ts"],
    testTimeout: 10 * 60_000,
    hookTimeout: 95 * 60_000,
    fileParallelism: false,
    reporters: ["default", "./test/summary-reporter.ts"],
  },
});
