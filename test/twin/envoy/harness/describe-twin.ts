// A suite that needs the twin's Envoy: skipped with the reason where it is missing, a failure under CI=true.

import { describe, it } from "vitest";
import { missingTwinReason } from "./find-envoy.js";

// describe(), or one failing test under CI, or describe.skip naming what is missing.
export function describeTwin(name: string, body: () => void): void {
  const missing = missingTwinReason();
  if (missing === undefined) {
    describe(name, body);
  } else if (process.env.CI === "true") {
    describe(name, () => {
      it("has the twin's Envoy and httpbin (CI=true requires them)", () => {
        throw new Error(missing);
      });
    });
  } else {
    console.warn(`[twin] skipping ${name}: ${missing}`);
    describe.skip(`${name} (skipped: ${missing})`, body);
  }
}
