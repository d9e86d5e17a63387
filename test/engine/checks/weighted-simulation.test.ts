import { describe, expect, it } from "vitest";
import type { WeightedCheck } from "../../../engine/lab-types.js";
import { judgeWeighted } from "../../../engine/checks/weighted-plan.js";
import { planOf } from "../../../engine/execute/checks/weighted-check.js";
import { findLabCheck } from "../../labs/helpers/lab-checks.js";
import { seededRandom } from "../../helpers/seeded-random.js";

// How many of n simulated responses are hits when the true share is p.
function drawHits(random: () => number, n: number, p: number): number {
  let hits = 0;
  for (let i = 0; i < n; i++) if (random() < p) hits++;
  return hits;
}

describe("the 90/10 check of ch5-traffic-shifting on simulated traffic", () => {
  const check = findLabCheck("ch5-traffic-shifting", 3, "about 10% of responses are v2").check as WeightedCheck;
  const plan = planOf(check);
  const samples = 100;

  it.each([
    { split: "90/10", share: 0.1, passes: samples },
    { split: "85/15", share: 0.15, passes: 0 },
    { split: "95/5", share: 0.05, passes: 0 },
    { split: "80/20", share: 0.2, passes: 0 },
    { split: "50/50", share: 0.5, passes: 0 },
    { split: "100/0", share: 0, passes: 0 },
  ])("a cluster at $split: $passes of $samples samples pass", ({ share, passes }) => {
    const random = seededRandom(20250419 + Math.round(share * 100));
    let passed = 0;
    for (let sample = 0; sample < samples; sample++) if (judgeWeighted(plan, drawHits(random, plan.n, share)).passed) passed++;
    expect(passed).toBe(passes);
  });
});
