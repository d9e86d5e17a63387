import { defineConfig } from "vitest/config";

// The twin: labs' own checks against Istio 1.17.8's generated config and through a real Envoy on loopback
// (no Docker). Needs .ci/setup-envoy.sh; never part of `npm test`.
export default defineConfig({
  test: {
    include: ["test/twin/**/*.twin.test.ts"],
    globalSetup: ["test/twin/envoy/evidence-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ["default", "./test/summary-reporter.ts"],
  },
});
