// What each lab gained from the twin, recorded by the run itself: one fragment per lab in the folder the
// global setup provides, merged into test/twin/envoy-evidence.json when the run ends.

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";
import type { TwinLabResult } from "./run-lab-twin.js";

declare module "vitest" {
  export interface ProvidedContext {
    twinEvidenceDir: string;
  }
}

/** One lab's entry of envoy-evidence.json. */
export interface LabEvidence {
  envoyTraffic: boolean;
  /** Checks that passed through real Envoy after their step. */
  checks: number;
  /** Must-fail-first checks that failed before their step. */
  mustFailFirst: number;
}

// Prints the lab's evidence line and leaves its fragment; a lab with a wrong check records envoyTraffic false.
export function recordLabEvidence(result: TwinLabResult, envoyVersion: string): LabEvidence {
  const evidence: LabEvidence = { envoyTraffic: result.problems.length === 0 && result.checksRun > 0, checks: result.checksRun, mustFailFirst: result.mustFailRun };
  const verdict = evidence.envoyTraffic ? "gained" : "did NOT gain";
  console.log(`[twin] ${result.labId} ${verdict} real-Envoy traffic evidence (Envoy ${envoyVersion}): ${evidence.checks} of its own checks passed after their steps, ${evidence.mustFailFirst} must-fail-first checks failed before them`);
  writeFileSync(join(inject("twinEvidenceDir"), `${result.labId}.json`), JSON.stringify(evidence));
  return evidence;
}
