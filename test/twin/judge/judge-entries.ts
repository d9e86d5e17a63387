// Judges every proxy-config check of the labs on the golden files: each passes after its step, and each
// must-fail-first check fails on the state before its step.

import { existsSync } from "node:fs";
import type { CheckOutcome } from "../../../engine/check-outcome.js";
import { goldenStateDir } from "../golden-paths.js";
import type { ProxyConfigEntry } from "../plan/proxy-config-entries.js";
import { judgeOnGolden } from "./judge-on-golden.js";

/** One judgement: a check on one state, what it had to do and what it did. */
export interface Judgement {
  entry: ProxyConfigEntry;
  when: "after" | "before";
  stateDir: string;
  want: "passed" | "failed";
  outcome: CheckOutcome | undefined;
  /** Why the judgement could not be made (no golden state). */
  missing?: string;
}

// The judgements one entry needs (after its step; before it too when it must fail first).
export async function judgeEntry(entry: ProxyConfigEntry, projectRoot: string): Promise<Judgement[]> {
  const cases: Array<{ when: "after" | "before"; step: number; want: "passed" | "failed" }> = [{ when: "after", step: entry.stepNumber, want: "passed" }];
  if (entry.mustFailFirst) cases.push({ when: "before", step: entry.stepNumber - 1, want: "failed" });
  const judgements: Judgement[] = [];
  for (const { when, step, want } of cases) {
    const stateDir = goldenStateDir(projectRoot, entry.lab.id, step);
    if (!existsSync(stateDir)) {
      judgements.push({ entry, when, stateDir, want, outcome: undefined, missing: `no golden state ${stateDir}: run npm run test:twin` });
      continue;
    }
    judgements.push({ entry, when, stateDir, want, outcome: await judgeOnGolden(entry.check, entry.lab.id, stateDir) });
  }
  return judgements;
}

// True when the check did what it had to.
export function isJudgementRight(judgement: Judgement): boolean {
  return judgement.outcome?.status === judgement.want;
}
