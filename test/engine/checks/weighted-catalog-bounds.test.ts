// Every weighted check in the registry, recomputed with exact integer arithmetic (BigInt), independent of
// engine/checks/binomial.ts: a correct cluster fails the whole check with probability <= 1e-6, and any share
// 5 points or more away passes it with probability <= 1e-6, over all the attempts the check may judge.

import { describe, expect, it } from "vitest";
import type { WeightedCheck } from "../../../engine/lab-types.js";
import { WEIGHTED_SEPARATION, planOf } from "../../../engine/execute/checks/weighted-check.js";
import { planWeightedCheck, nearestWrongShares } from "../../../engine/checks/weighted-plan.js";
import { labCheckEntries } from "../../labs/helpers/lab-checks.js";
import { exactBinomial, inRange, outside, shareAsFraction, type ExactBinomial } from "./exact-binomial.js";

const ALPHA_INVERSE = 1_000_000n; // alpha = 1e-6

const weightedChecks = labCheckEntries()
  .filter((entry): entry is typeof entry & { check: WeightedCheck } => entry.check.kind === "weighted")
  .map((entry) => ({ name: entry.name, check: entry.check }));

// Built once per (n, share) for the whole file: the exact sums for 51% at n in the thousands take seconds.
const distributions = new Map<string, ExactBinomial>();
function distributionAt(n: number, share: number): ExactBinomial {
  const key = `${n}|${share}`;
  const built = distributions.get(key) ?? exactBinomial(n, ...shareAsFraction(share));
  distributions.set(key, built);
  return built;
}

// P(every one of `attempts` independent samples falls outside the band) <= alpha, exactly.
function correctClusterFailsRarely(dist: ExactBinomial, low: number, high: number, attempts: number): boolean {
  return outside(dist, low, high) ** BigInt(attempts) * ALPHA_INVERSE <= dist.denominator ** BigInt(attempts);
}

// Union bound over the attempts: attempts · P(inside the band) <= alpha, exactly.
function wrongClusterPassesRarely(dist: ExactBinomial, low: number, high: number, attempts: number): boolean {
  return BigInt(attempts) * inRange(dist, low, high) * ALPHA_INVERSE <= dist.denominator;
}

describe("the catalog's weighted checks", () => {
  it("are the four known ones (90/10, 50/50, 51% and 6.77% failures)", () => {
    expect(weightedChecks.map(({ check }) => check.expectedShare).sort()).toEqual([0.0677, 0.1, 0.5, 0.51]);
  });

  it.each(weightedChecks)("$name: both bounds hold for the check as a whole", ({ check }) => {
    const plan = planOf(check);
    const attempts = check.attempts ?? 1;
    expect(plan.attempts).toBe(attempts);
    expect(correctClusterFailsRarely(distributionAt(plan.n, check.expectedShare), plan.low, plan.high, attempts)).toBe(true);
    // The nearest shares 5 points away; acceptance of a band is unimodal in the share, and farther ones are checked below.
    const nearest = nearestWrongShares(check.expectedShare, WEIGHTED_SEPARATION);
    expect(nearest.length).toBeGreaterThan(0);
    for (const share of nearest) expect(wrongClusterPassesRarely(distributionAt(plan.n, share), plan.low, plan.high, attempts), `share ${share}`).toBe(true);
    expect(plan.checkFalseFailure).toBeLessThanOrEqual(1e-6);
    expect(plan.checkWrongAcceptance).toBeLessThanOrEqual(1e-6);
  });

  it.each(weightedChecks)("$name: the named wrong configurations and shares farther out are rejected too", ({ check }) => {
    const plan = planOf(check);
    const attempts = check.attempts ?? 1;
    const farther = [-0.2, -0.1, -0.06, 0.06, 0.1, 0.2].map((offset) => Math.round((check.expectedShare + offset) * 1e4) / 1e4).filter((share) => share >= 0 && share <= 1);
    for (const share of [...check.wrongShares, ...farther]) {
      expect(Math.abs(share - check.expectedShare), `share ${share}`).toBeGreaterThanOrEqual(WEIGHTED_SEPARATION - 1e-12);
      expect(wrongClusterPassesRarely(distributionAt(plan.n, share), plan.low, plan.high, attempts), `share ${share}`).toBe(true);
    }
  });

  it.each(weightedChecks)("$name: the band is the widest: one more hit at either end breaks a bound", ({ check }) => {
    const plan = planOf(check);
    const nearest = nearestWrongShares(check.expectedShare, WEIGHTED_SEPARATION).map((share) => distributionAt(plan.n, share));
    const rejectsAll = (low: number, high: number) => nearest.every((dist) => wrongClusterPassesRarely(dist, low, high, plan.attempts));
    expect(rejectsAll(plan.low - 1, plan.high) && rejectsAll(plan.low, plan.high + 1)).toBe(false);
  });
});

describe("the attempt strategy", () => {
  it.each([2, 3])("%i attempts: each attempt's band keeps the whole check within both bounds (exactly)", (attempts) => {
    const plan = planWeightedCheck(0.1, nearestWrongShares(0.1), { attempts });
    const single = planWeightedCheck(0.1, nearestWrongShares(0.1));
    expect(plan.n).toBeGreaterThan(single.n);
    expect(correctClusterFailsRarely(distributionAt(plan.n, 0.1), plan.low, plan.high, attempts)).toBe(true);
    for (const share of [0.05, 0.15]) expect(wrongClusterPassesRarely(distributionAt(plan.n, share), plan.low, plan.high, attempts)).toBe(true);
    // The single-attempt band, used `attempts` times, would not: the error must be spent explicitly.
    const reused = [0.05, 0.15].every((share) => wrongClusterPassesRarely(distributionAt(single.n, share), single.low, single.high, attempts));
    expect(reused).toBe(false);
  });
});
