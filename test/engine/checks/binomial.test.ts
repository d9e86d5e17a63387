import { describe, expect, it } from "vitest";
import { binomialCdf, binomialPmf, binomialSf, binomialTails, logGamma, probabilityInRange } from "../../../engine/checks/binomial.js";
import { exactBinomial, inRange, toNumber } from "./exact-binomial.js";

const relativeError = (actual: number, exact: number) => Math.abs(actual - exact) / exact;

describe("binomial", () => {
  it("logGamma matches log factorials", () => {
    let logFactorial = 0;
    for (let n = 1; n <= 170; n++) {
      logFactorial += Math.log(n);
      expect(Math.abs(logGamma(n + 1) - logFactorial)).toBeLessThan(1e-9 * Math.max(1, logFactorial));
    }
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });

  it("pmf and tails agree with exact sums for small n", () => {
    const exact = exactBinomial(132, 1, 10);
    for (const k of [0, 1, 5, 13, 38, 39, 80, 132]) {
      const pmf = toNumber(inRange(exact, k, k), exact.denominator);
      expect(relativeError(binomialPmf(k, 132, 0.1), pmf)).toBeLessThan(1e-11);
      const lower = toNumber(inRange(exact, 0, k), exact.denominator);
      expect(relativeError(binomialCdf(k, 132, 0.1), lower)).toBeLessThan(1e-11);
      const upper = toNumber(inRange(exact, k, 132), exact.denominator);
      expect(relativeError(binomialSf(k, 132, 0.1), upper)).toBeLessThan(1e-11);
    }
  });

  it("keeps tiny tails accurate for n = 20000", () => {
    const n = 20_000;
    const exact = exactBinomial(n, 1, 2);
    for (const k of [9_300, 9_500, 9_800]) {
      const lower = toNumber(inRange(exact, 0, k), exact.denominator);
      expect(relativeError(binomialCdf(k, n, 0.5), lower)).toBeLessThan(1e-9);
    }
    const tails = binomialTails(n, 0.5);
    // 7 to 8.5 standard deviations above the mean: ~1e-12, lost to cancellation if taken from the wrong tail.
    for (const [low, high] of [[10_500, 10_600], [9_400, 9_500]] as const) {
      const band = toNumber(inRange(exact, low, high), exact.denominator);
      expect(relativeError(probabilityInRange(tails, low, high), band)).toBeLessThan(1e-9);
    }
  });

  it("is exact at p = 0 and p = 1", () => {
    expect(binomialPmf(0, 50, 0)).toBe(1);
    expect(binomialPmf(1, 50, 0)).toBe(0);
    expect(binomialPmf(50, 50, 1)).toBe(1);
    expect(binomialSf(1, 50, 0)).toBe(0);
    expect(binomialCdf(49, 50, 1)).toBe(0);
  });

  it("rejects impossible parameters", () => {
    expect(() => binomialPmf(0, -1, 0.5)).toThrow(RangeError);
    expect(() => binomialPmf(0, 10, 1.5)).toThrow(RangeError);
  });
});
