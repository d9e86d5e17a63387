// The machine-readable summary the twin run writes: per lab, whether istiod's config was generated for
// it and how many of its proxy-config checks behaved on that config (passed after, failed before).

import type { Judgement } from "./judge/judge-entries.js";
import { isJudgementRight } from "./judge/judge-entries.js";
import type { GoldenState } from "./plan/golden-plan.js";

export type Evidence = Record<string, { istiodConfig: boolean; proxyConfigChecks: number }>;

// Evidence from the states generated and the judgements made on them, labs in id order.
export function buildEvidence(states: readonly GoldenState[], judgements: readonly Judgement[]): Evidence {
  const labs = [...new Set(states.map((state) => state.labId))].sort();
  const evidence: Evidence = {};
  for (const labId of labs) {
    const byCheck = new Map<string, Judgement[]>();
    for (const judgement of judgements.filter((candidate) => candidate.entry.lab.id === labId)) {
      byCheck.set(judgement.entry.name, [...(byCheck.get(judgement.entry.name) ?? []), judgement]);
    }
    const behaved = [...byCheck.values()].filter((list) => list.every(isJudgementRight)).length;
    evidence[labId] = { istiodConfig: true, proxyConfigChecks: behaved };
  }
  return evidence;
}
