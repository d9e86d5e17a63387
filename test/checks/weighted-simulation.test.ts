import { describe, expect, it } from "vitest";
import { judgeWeighted, planWeightedCheck } from "../../engine/checks/weighted-plan.js";
import { seededRandom } from "../helpers/seeded-random.js";

// How many of n simulated responses are hits when the true share is p.
function drawHits(random: () => number, n: number, p: number): number {
  let hits = 0;
  for (let i = 0; i < n; i++) if (random() < p) hits++;
  return hits;
}

describe("weighted check on simulated traffic (90/10)", () => {
  const plan = planWeightedCheck(0.1, [0, 0.5]);
  const samples = 200;

  it.each([
    { share: 0.1, passes: samples },
    { share: 0.5, passes: 0 },
    { share: 0, passes: 0 },
  ])("share $share: $passes of $samples samples pass", ({ share, passes }) => {
    const random = seededRandom(20250419 + Math.round(share * 100));
    let passed = 0;
    for (let sample = 0; sample < samples; sample++) if (judgeWeighted(plan, drawHits(random, plan.n, share)).passed) passed++;
    expect(passed).toBe(passes);
  });
});
