// What each lab gained from real Envoy, recorded by the run itself into test/twin/envoy-evidence.json (the
// twin suite runs its files one at a time, so a read-modify-write per lab is safe).

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { TwinLabResult } from "./run-lab-twin.js";

const EVIDENCE_FILE = new URL("../../envoy-evidence.json", import.meta.url);

/** One lab's entry of envoy-evidence.json. */
export interface LabEvidence {
  envoyTraffic: boolean;
  /** Checks that passed through real Envoy after their step. */
  checks: number;
  /** Must-fail-first checks that failed before their step. */
  mustFailFirst: number;
}

// Prints the lab's evidence line and records it; a lab with a wrong check records envoyTraffic false.
export function recordLabEvidence(result: TwinLabResult, envoyVersion: string): LabEvidence {
  const evidence: LabEvidence = { envoyTraffic: result.problems.length === 0 && result.checksRun > 0, checks: result.checksRun, mustFailFirst: result.mustFailRun };
  const verdict = evidence.envoyTraffic ? "gained" : "did NOT gain";
  console.log(`[twin] ${result.labId} ${verdict} real-Envoy traffic evidence (Envoy ${envoyVersion}): ${evidence.checks} of its own checks passed after their steps, ${evidence.mustFailFirst} must-fail-first checks failed before them`);
  const all = existsSync(EVIDENCE_FILE) ? (JSON.parse(readFileSync(EVIDENCE_FILE, "utf8")) as Record<string, LabEvidence>) : {};
  all[result.labId] = evidence;
  const sorted = Object.fromEntries(Object.entries(all).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(EVIDENCE_FILE, `${JSON.stringify(sorted, null, 2)}\n`);
  return evidence;
}
