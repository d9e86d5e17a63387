// The weighted plan at its edges: ties between bands (the wider one wins, as promised), the 0% and 100%
// wrong shares kept, the band's own bounds inclusive, and attempts spending alpha.
import { describe, expect, it } from "vitest";
import { chooseBand, judgeWeighted, nearestWrongShares, planWeightedCheck } from "../../../engine/checks/weighted-plan.js";
import { binomialTails, probabilityInRange } from "../../../engine/checks/binomial.js";

// The smallest low at which `share` reaches low or more hits of n with probability <= alpha.
function smallestLowRejecting(n: number, share: number, alpha = 1e-6): number {
  const tails = binomialTails(n, share);
  return tails.upper.findIndex((probability) => probability <= alpha);
}

// Every low with its highest high that rejects the wrong shares, scanned one by one (no bisection), with
// the false-failure rate of that band; the bands that also meet alpha for a correct cluster.
function scanBands(n: number, expected: number, wrong: number[], alpha = 1e-6): Array<{ low: number; high: number; falseFailure: number }> {
  const tails = binomialTails(n, expected);
  const wrongTails = wrong.map((share) => binomialTails(n, share));
  const bands = [];
  for (let low = 0; low <= n; low++) {
    let high = low - 1;
    while (high < n && wrongTails.every((other) => probabilityInRange(other, low, high + 1) <= alpha)) high++;
    const falseFailure = (low > 0 ? tails.lower[low - 1]! : 0) + (high < n ? tails.upper[high + 1]! : 0);
    if (high >= low && falseFailure <= alpha) bands.push({ low, high, falseFailure });
  }
  return bands;
}

describe("chooseBand agrees with a scan of every band", () => {
  it("50% against 40% and 60% above the smallest n: the symmetric band, which fails a correct cluster least", () => {
    const n = planWeightedCheck(0.5, [0.4, 0.6]).n + 40;
    const bands = scanBands(n, 0.5, [0.4, 0.6]);
    const least = bands.reduce((best, band) => (band.falseFailure < best.falseFailure ? band : best));
    expect(bands.length).toBeGreaterThan(1);
    expect(least.low + least.high).toBe(n);
    expect(chooseBand(n, 0.5, [0.4, 0.6])).toMatchObject({ low: least.low, high: least.high });
  });
});

describe("chooseBand on ties", () => {
  it("expected 100%: every band ending at n never fails a correct cluster, so the widest one is chosen", () => {
    const band = chooseBand(200, 1, [0.9]);
    const low = smallestLowRejecting(200, 0.9);
    expect(low).toBeGreaterThan(190);
    expect(band).toMatchObject({ low, high: 200, falseFailure: 0 });
    expect(band!.wrongAcceptance).toBeLessThanOrEqual(1e-6);
    expect(probabilityInRange(binomialTails(200, 0.9), low - 1, 200)).toBeGreaterThan(1e-6);
  });

  it("expected 0%: the widest band starting at 0", () => {
    const band = chooseBand(200, 0, [0.1]);
    const high = 200 - smallestLowRejecting(200, 0.9);
    expect(band).toMatchObject({ low: 0, high, falseFailure: 0 });
    expect(probabilityInRange(binomialTails(200, 0.1), 0, high + 1)).toBeGreaterThan(1e-6);
  });

  it("expected 50% against 0% and 100%: one hit and one miss are enough, so the band is 1..n-1", () => {
    expect(chooseBand(40, 0.5, [0, 1])).toMatchObject({ low: 1, high: 39, wrongAcceptance: 0 });
  });
});

describe("nearestWrongShares keeps 0% and 100%", () => {
  it("5% and 95% are ruled out against 0% and 100% too", () => {
    expect(nearestWrongShares(0.05)).toEqual([0, 0.1]);
    expect(nearestWrongShares(0.95)).toEqual([0.9, 1]);
    expect(nearestWrongShares(0)).toEqual([0.05]);
    expect(nearestWrongShares(0.5, 0.5)).toEqual([0, 1]);
  });

  it("refuses a separation of 1 or more", () => {
    expect(() => nearestWrongShares(0.5, 1)).toThrow(RangeError);
    expect(nearestWrongShares(0, 0.999)).toEqual([0.999]);
  });
});

describe("judgeWeighted at the band's bounds", () => {
  it("low and high pass, one outside either fails, n itself is a valid count", () => {
    const plan = planWeightedCheck(0.5, [0, 1]);
    expect([plan.low, plan.high, plan.n]).toEqual([1, 20, 21]);
    expect([0, 1, 20, 21].map((hits) => judgeWeighted(plan, hits).passed)).toEqual([false, true, true, false]);
    expect(() => judgeWeighted(plan, -1)).toThrow(RangeError);
    expect(() => judgeWeighted(plan, 2.5)).toThrow(RangeError);
  });

  it("the false-failure rate counts both tails outside the band: P(0 hits) + P(21 hits) = 2 / 2^21", () => {
    expect(planWeightedCheck(0.5, [0, 1]).falseFailure).toBeCloseTo(2 * 0.5 ** 21, 15);
    expect(planWeightedCheck(0.5, [0, 1]).falseFailure / (2 * 0.5 ** 21)).toBeCloseTo(1, 9);
  });
});

describe("planWeightedCheck's smallest n", () => {
  it("is found where the lower bound on n overshoots it: 5% against 0% needs 270 requests, with any attempts", () => {
    expect(0.95 ** 270).toBeLessThanOrEqual(1e-6);
    expect(0.95 ** 269).toBeGreaterThan(1e-6);
    for (const attempts of [1, 5, 7, 10]) expect(planWeightedCheck(0.05, [0], { attempts })).toMatchObject({ n: 270, low: 1, high: 270 });
  });
});

describe("planWeightedCheck with attempts", () => {
  it("each attempt gets alpha / attempts for wrong shares, so more attempts need a larger sample", () => {
    const once = planWeightedCheck(0.1, [0.05, 0.15]);
    const thrice = planWeightedCheck(0.1, [0.05, 0.15], { attempts: 3 });
    expect(thrice.n).toBeGreaterThan(once.n);
    expect(thrice.wrongAcceptance).toBeLessThanOrEqual(1e-6 / 3);
    expect(thrice.checkWrongAcceptance).toBeLessThanOrEqual(1e-6);
    expect(thrice.checkFalseFailure).toBeCloseTo(thrice.falseFailure ** 3, 20);
    expect(thrice).toMatchObject({ attempts: 3 });
    expect(chooseBand(thrice.n - 1, 0.1, [0.05, 0.15], 1e-6 / 3)).toBeUndefined();
  });

  it("refuses attempts that are not a whole number >= 1, and caches per attempts", () => {
    expect(() => planWeightedCheck(0.1, [0.5], { attempts: 1.5 })).toThrow(/attempts/);
    const [once, twice] = [planWeightedCheck(0.1, [0.05, 0.15]), planWeightedCheck(0.1, [0.05, 0.15], { attempts: 2 })];
    expect(twice.n).toBeGreaterThan(once.n);
    expect(planWeightedCheck(0.1, [0.05, 0.15]).n).toBe(once.n);
  });
});

describe("planWeightedCheck on shares no sample up to 200000 separates", () => {
  it("says so at once when even the lower bound on n is past the limit (50% against 50.01%)", () => {
    const started = performance.now();
    expect(() => planWeightedCheck(0.5, [0.5001])).toThrow("no sample size up to 200000 separates 50% from 50.01% at alpha 0.000001");
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("says so after trying the limit itself (50% against 51%)", () => {
    expect(() => planWeightedCheck(0.5, [0.51])).toThrow("no sample size up to 200000 separates 50% from 51%");
  });
});

describe("planWeightedCheck refuses what it cannot plan, each for its own reason", () => {
  it("shares outside 0..1, expected or wrong, either side", () => {
    expect(() => planWeightedCheck(-0.1, [0.5])).toThrow("expected share must be within 0..1, got -0.1");
    expect(() => planWeightedCheck(1.1, [0.5])).toThrow("expected share must be within 0..1, got 1.1");
    expect(() => planWeightedCheck(0.5, [1.1])).toThrow("wrong share must be within 0..1, got 1.1");
    expect(() => planWeightedCheck(0.5, [-0.1])).toThrow("wrong share must be within 0..1, got -0.1");
    expect(() => chooseBand(10, 0.5, [2])).toThrow("wrong share must be within 0..1, got 2");
  });

  it("alpha outside (0, 0.5): 0.5 itself is refused, just below it is planned", () => {
    expect(() => planWeightedCheck(0.5, [0, 1], { alpha: 0.5 })).toThrow("alpha must be within (0, 0.5), got 0.5");
    expect(() => planWeightedCheck(0.5, [0, 1], { alpha: 0.7 })).toThrow("alpha must be within (0, 0.5), got 0.7");
    expect(planWeightedCheck(0.5, [0, 1], { alpha: 0.49 }).n).toBeGreaterThan(0);
  });
});
