import { describe, expect, it } from "vitest";
import { chooseBand, describePlan, judgeWeighted, nearestWrongShares, planDetails, planWeightedCheck, type WeightedPlan } from "../../../engine/checks/weighted-plan.js";
import { atMost, exactBinomial, inRange, outside, type ExactBinomial } from "./exact-binomial.js";

const ALPHA_INVERSE = 1_000_000n; // alpha = 1e-6

// A share as a fraction a/b for the exact (BigInt) recomputation.
type Share = [a: number, b: number];

// Both constraints, recomputed by direct summation: the correct share fails at most alpha, each wrong one passes at most alpha.
function bandHolds(expected: ExactBinomial, wrong: ExactBinomial[], low: number, high: number): boolean {
  return atMost(outside(expected, low, high), expected, ALPHA_INVERSE) && wrong.every((dist) => atMost(inRange(dist, low, high), dist, ALPHA_INVERSE));
}

// Every band [low, high] at this n that satisfies both constraints.
function allBands(n: number, expected: Share, wrong: Share[]): Array<{ low: number; high: number; falseFailure: bigint }> {
  const expectedDist = exactBinomial(n, ...expected);
  const wrongDists = wrong.map((share) => exactBinomial(n, ...share));
  const bands = [];
  for (let low = 0; low <= n; low++) {
    for (let high = low; high <= n; high++) {
      if (bandHolds(expectedDist, wrongDists, low, high)) bands.push({ low, high, falseFailure: outside(expectedDist, low, high) });
    }
  }
  return bands;
}

function expectMinimalAndBest(plan: WeightedPlan, expected: Share, wrong: Share[]): void {
  const bands = allBands(plan.n, expected, wrong);
  expect(bands).toContainEqual(expect.objectContaining({ low: plan.low, high: plan.high }));
  // The chosen band fails a correct cluster least often (the widest useful band).
  const chosen = bands.find((band) => band.low === plan.low && band.high === plan.high);
  for (const band of bands) expect(band.falseFailure >= (chosen?.falseFailure ?? 0n)).toBe(true);
  // One request fewer and no band meets both constraints.
  expect(allBands(plan.n - 1, expected, wrong)).toEqual([]);
}

describe("planWeightedCheck", () => {
  it("90/10 against 0% and 50%: the smallest n and the band, recomputed exactly", () => {
    const plan = planWeightedCheck(0.1, [0, 0.5]);
    expect(plan).toMatchObject({ n: 132, low: 1, high: 38 });
    expectMinimalAndBest(plan, [1, 10], [[0, 10], [1, 2]]);
    expect(plan.falseFailure).toBeLessThanOrEqual(1e-6);
    expect(plan.wrongAcceptance).toBeLessThanOrEqual(1e-6);
  });

  it("50/50 against 10% and 90%", () => {
    const plan = planWeightedCheck(0.5, [0.1, 0.9]);
    expect(plan).toMatchObject({ n: 104, low: 28, high: 76 });
    expectMinimalAndBest(plan, [1, 2], [[1, 10], [9, 10]]);
  });

  it("50/50 against 0% and 100%", () => {
    const plan = planWeightedCheck(0.5, [0, 1]);
    expect(plan).toMatchObject({ n: 21, low: 1, high: 20 });
    expectMinimalAndBest(plan, [1, 2], [[0, 2], [2, 2]]);
  });

  it("10% against 0%: one hit rules out 0% with certainty; n only bounds the false failure 0.9^n", () => {
    const plan = planWeightedCheck(0.1, [0]);
    expect(plan).toMatchObject({ n: 132, low: 1, high: 132, wrongAcceptance: 0 });
    expect(0.9 ** 132).toBeLessThanOrEqual(1e-6);
    expect(0.9 ** 131).toBeGreaterThan(1e-6);
  });

  it("expected 0% and 100% accept only 0 or only n hits", () => {
    const none = planWeightedCheck(0, [0.1]);
    expect(none).toMatchObject({ n: 132, low: 0, high: 0, falseFailure: 0 });
    expectMinimalAndBest(none, [0, 10], [[1, 10]]);
    const all = planWeightedCheck(1, [0.9]);
    expect(all).toMatchObject({ n: 132, low: 132, high: 132, falseFailure: 0 });
    expect(planWeightedCheck(0, [1])).toMatchObject({ n: 1, low: 0, high: 0 });
  });

  it("at a larger n, picks the band least likely to fail a correct cluster", () => {
    const band = chooseBand(200, 0.1, [0, 0.5]);
    const bands = allBands(200, [1, 10], [[0, 10], [1, 2]]);
    expect(bands.length).toBeGreaterThan(10);
    const least = bands.reduce((best, candidate) => (candidate.falseFailure < best.falseFailure ? candidate : best));
    expect(band).toMatchObject({ low: least.low, high: least.high });
    expect(chooseBand(131, 0.1, [0, 0.5])).toBeUndefined();
  });

  it("plans the lab cases quickly (wrong shares in another order, so nothing is cached)", () => {
    const started = performance.now();
    const plans = [planWeightedCheck(0.1, [0.5, 0]), planWeightedCheck(0.5, [0.9, 0.1]), planWeightedCheck(0.5, [1, 0])];
    expect(performance.now() - started).toBeLessThan(50);
    expect(plans.map(({ n, low, high }) => [n, low, high])).toEqual([[132, 1, 38], [104, 28, 76], [21, 1, 20]]);
  });

  it("refuses shares it cannot separate", () => {
    expect(() => planWeightedCheck(0.1, [0.1])).toThrow(/equals the expected share/);
    expect(() => planWeightedCheck(0.1, [])).toThrow(/at least one wrong share/);
    expect(() => planWeightedCheck(1.1, [0])).toThrow(RangeError);
    expect(() => planWeightedCheck(0.1, [0], { alpha: 0 })).toThrow(RangeError);
    expect(() => planWeightedCheck(0.1, [0.5], { attempts: 0 })).toThrow(/attempts/);
  });
});

describe("judgeWeighted", () => {
  const plan = planWeightedCheck(0.1, [0, 0.5]);

  it("passes inside the band and says why", () => {
    expect(judgeWeighted(plan, 14, "v2")).toEqual({
      passed: true,
      observedShare: 14 / 132,
      reason: "14 of 132 responses were v2 (10.61%), inside the accepted band 1..38 for an expected 10%",
    });
    expect(judgeWeighted(plan, 1).passed).toBe(true);
    expect(judgeWeighted(plan, 38).passed).toBe(true);
  });

  it("fails outside the band", () => {
    expect(judgeWeighted(plan, 0, "v2")).toMatchObject({ passed: false, reason: expect.stringContaining("0 of 132 responses were v2 (0%), outside the accepted band 1..38") });
    expect(judgeWeighted(plan, 39).passed).toBe(false);
    expect(judgeWeighted(plan, 66, "v2").reason).toContain("wrong shares ruled out: 0%, 50%");
    expect(() => judgeWeighted(plan, 133)).toThrow(RangeError);
  });

  it("describes the plan with its numbers", () => {
    expect(describePlan(plan, "v2")).toMatch(/^10% v2: send 132 requests, pass if 1\.\.38 are v2 \(a correct cluster fails with p=9\.1e-7; 0%, 50% or farther pass with p<=5\.9e-7\)$/);
    expect(planDetails(plan)).toMatchObject({ n: 132, band: "1..38", wrongShares: "0, 0.5", attempts: 1 });
  });

  it("spends the error over attempts: the whole check's bounds, and the words that say so", () => {
    const twice = planWeightedCheck(0.1, [0.05, 0.15], { attempts: 2 });
    expect(twice.wrongAcceptance).toBeLessThanOrEqual(0.5e-6);
    expect(twice.checkWrongAcceptance).toBe(2 * twice.wrongAcceptance);
    expect(twice.checkFalseFailure).toBe(twice.falseFailure ** 2);
    expect(describePlan(twice, "v2")).toMatch(/5%, 15% or farther pass with p<=\S+, over 2 attempts\)$/);
  });
});

describe("nearestWrongShares", () => {
  it("is the configured share 5 points either way, within 0..1", () => {
    expect(nearestWrongShares(0.1)).toEqual([0.05, 0.15]);
    expect(nearestWrongShares(0.0677)).toEqual([0.0177, 0.1177]);
    expect(nearestWrongShares(0.02)).toEqual([0.07]);
    expect(nearestWrongShares(1)).toEqual([0.95]);
    expect(() => nearestWrongShares(0.5, 0)).toThrow(RangeError);
  });
});
