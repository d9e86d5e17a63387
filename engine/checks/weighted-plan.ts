// Sample size and acceptance band of a weighted (statistical) check, from exact binomial tails: a correct
// cluster fails the whole check with probability <= alpha, and every wrong share passes it with probability
// <= alpha. With several attempts the error is spent explicitly: each attempt may pass a wrong share with at
// most alpha / attempts (union bound), and a correct cluster fails only if every attempt fails.

import { binomialTails, probabilityInRange, type BinomialTails } from "./binomial.js";
import { formatShare } from "./text-snippet.js";

/** Which hit counts pass (low <= hits <= high), and the error rates of that choice. */
export interface WeightedBand {
  low: number;
  high: number;
  /** P(hits outside the band) when the share is the expected one. */
  falseFailure: number;
  /** The largest P(hits inside the band) over the wrong shares. */
  wrongAcceptance: number;
}

/** How many requests to send and which hit counts pass. */
export interface WeightedPlan extends WeightedBand {
  n: number;
  expectedShare: number;
  wrongShares: number[];
  alpha: number;
  /** Samples the check may judge; the bounds below hold for all of them together. */
  attempts: number;
  /** P(every attempt fails) on a correct cluster: falseFailure^attempts. */
  checkFalseFailure: number;
  /** Upper bound on P(some attempt passes) for a wrong share: attempts · wrongAcceptance. */
  checkWrongAcceptance: number;
}

/** Alpha for the check as a whole, and how many samples it may judge. */
export interface WeightedPlanOptions {
  alpha?: number;
  attempts?: number;
  /** A sample size remembered from an earlier run: used when it is feasible and n - 1 is not (else n is searched). */
  sizeHint?: number;
}

/** The verdict on an observed hit count. */
export interface WeightedVerdict {
  passed: boolean;
  observedShare: number;
  reason: string;
}

const MAX_N = 200_000;
// Plans are pure functions of their inputs; close shares take up to a second to plan, so keep them.
const planCache = new Map<string, WeightedPlan>();

// The smallest n for which some band [low, high] meets both error bounds for the whole check, and that band.
export function planWeightedCheck(expectedShare: number, wrongShares: number[], options: WeightedPlanOptions = {}): WeightedPlan {
  const { alpha = 1e-6, attempts = 1 } = options;
  validatePlanInput(expectedShare, wrongShares, alpha);
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError(`attempts must be a whole number >= 1, got ${attempts}`);
  const key = `${expectedShare}|${wrongShares.join(",")}|${alpha}|${attempts}`;
  const cached = planCache.get(key);
  if (cached !== undefined) return { ...cached, wrongShares: [...cached.wrongShares] };
  const bandAt = (n: number) => bestBand(binomialTails(n, expectedShare), wrongShares.map((q) => binomialTails(n, q)), alpha, alpha / attempts);
  const feasible = (candidate: number) => bandAt(candidate) !== undefined;
  const hint = options.sizeHint;
  const hinted = hint !== undefined && Number.isInteger(hint) && hint >= 1 && hint <= MAX_N && feasible(hint) && (hint === 1 || !feasible(hint - 1));
  const n = hinted ? hint : smallestFeasibleN(lowerBoundOnN(expectedShare, wrongShares, alpha / attempts), feasible);
  const band = n === undefined ? undefined : bandAt(n);
  if (n === undefined || band === undefined) {
    throw new Error(`no sample size up to ${MAX_N} separates ${formatShare(expectedShare)} from ${wrongShares.map(formatShare).join(", ")} at alpha ${alpha}`);
  }
  const checkFalseFailure = band.falseFailure ** attempts;
  const plan = { n, ...band, expectedShare, wrongShares: [...wrongShares], alpha, attempts, checkFalseFailure, checkWrongAcceptance: Math.min(1, attempts * band.wrongAcceptance) };
  planCache.set(key, plan);
  return { ...plan, wrongShares: [...wrongShares] };
}

// The shares nearest to `expected` that are at least `separation` away, within 0..1. Acceptance of a band
// [low, high] is unimodal in the true share, so rejecting these two rejects every share farther away.
export function nearestWrongShares(expected: number, separation = 0.05): number[] {
  if (!(separation > 0 && separation < 1)) throw new RangeError(`separation must be within (0, 1), got ${separation}`);
  const round = (share: number) => Math.round(share * 1e9) / 1e9;
  return [round(expected - separation), round(expected + separation)].filter((share) => share >= 0 && share <= 1);
}

// Feasibility grows with n up to lattice effects: gallop to a feasible n, bisect, then step down while the
// previous n is feasible too, so the result is feasible and n - 1 is not.
function smallestFeasibleN(start: number, feasible: (n: number) => boolean): number | undefined {
  // No n below `start` is feasible, so a start past MAX_N is the answer already (and its tails would not fit in memory).
  if (start > MAX_N) return undefined;
  let low = Math.max(1, start) - 1;
  let high = Math.max(1, start);
  while (!feasible(high)) {
    if (high >= MAX_N) return undefined;
    low = high;
    high = Math.min(MAX_N, high * 2);
  }
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (feasible(mid)) high = mid;
    else low = mid;
  }
  while (high > 1 && feasible(high - 1)) high -= 1;
  return high;
}

// Pass or fail for `hits` of `plan.n` requests, with a reason that names n, the band and the observed share.
export function judgeWeighted(plan: WeightedPlan, hits: number, hitLabel = "hits"): WeightedVerdict {
  if (!Number.isInteger(hits) || hits < 0 || hits > plan.n) throw new RangeError(`hits must be a whole number within 0..${plan.n}, got ${hits}`);
  const observedShare = hits / plan.n;
  const passed = hits >= plan.low && hits <= plan.high;
  const where = passed ? "inside" : "outside";
  const reason =
    `${hits} of ${plan.n} responses were ${hitLabel} (${formatShare(observedShare)}), ${where} the accepted band ` +
    `${plan.low}..${plan.high} for an expected ${formatShare(plan.expectedShare)}` +
    (passed ? "" : ` (wrong shares ruled out: ${plan.wrongShares.map(formatShare).join(", ")})`);
  return { passed, observedShare, reason };
}

// The plan in words, for the "expected" column and the docs.
export function describePlan(plan: WeightedPlan, hitLabel = "hits"): string {
  return (
    `${formatShare(plan.expectedShare)} ${hitLabel}: send ${plan.n} requests, pass if ${plan.low}..${plan.high} are ${hitLabel} ` +
    `(a correct cluster fails with p=${plan.checkFalseFailure.toExponential(1)}; ` +
    `${plan.wrongShares.map(formatShare).join(", ")} or farther pass with p<=${plan.checkWrongAcceptance.toExponential(1)}` +
    `${plan.attempts > 1 ? `, over ${plan.attempts} attempts` : ""})`
  );
}

// The best band for a given n (see bestBand), or undefined when no band meets both bounds at that n.
export function chooseBand(n: number, expectedShare: number, wrongShares: number[], alpha = 1e-6): WeightedBand | undefined {
  validatePlanInput(expectedShare, wrongShares, alpha);
  return bestBand(binomialTails(n, expectedShare), wrongShares.map((q) => binomialTails(n, q)), alpha, alpha);
}

// The numbers worth reporting next to the verdict (CheckOutcome.details).
export function planDetails(plan: WeightedPlan): Record<string, string | number> {
  return {
    n: plan.n,
    band: `${plan.low}..${plan.high}`,
    expectedShare: plan.expectedShare,
    wrongShares: plan.wrongShares.join(", "),
    attempts: plan.attempts,
    falseFailure: plan.checkFalseFailure.toExponential(2),
    wrongAcceptance: plan.checkWrongAcceptance.toExponential(2),
  };
}

// Among the bands that reject every wrong share, the one least likely to fail a correct cluster (ties: the
// wider band) — the widest useful band, not a symmetric one, so the false-failure rate is as low as n allows.
function bestBand(expected: BinomialTails, wrong: BinomialTails[], alpha: number, wrongAlpha: number): WeightedBand | undefined {
  const n = expected.n;
  const lowerTail = (low: number) => (low > 0 ? (expected.lower[low - 1] ?? 0) : 0);
  const upperTail = (high: number) => (high < n ? (expected.upper[high + 1] ?? 0) : 0);
  // The largest high (>= low - 1) with every wrong share's acceptance <= alpha; never decreases as low grows.
  const highestHigh = (low: number) => lastTrue(low, n, (high) => wrong.every((tails) => probabilityInRange(tails, low, high) <= wrongAlpha), low - 1);
  const maxLow = lastTrue(0, n, (low) => lowerTail(low) <= alpha, -1);
  const minHigh = firstTrue(0, n, (high) => upperTail(high) <= alpha, n + 1);
  const minLow = firstTrue(0, Math.max(0, maxLow), (low) => highestHigh(low) >= minHigh, n + 1);
  let best: { low: number; high: number; falseFailure: number } | undefined;
  for (let low = minLow; low <= maxLow; low++) {
    const high = highestHigh(low);
    const falseFailure = lowerTail(low) + upperTail(high);
    if (high < low || falseFailure > alpha) continue;
    if (best === undefined || falseFailure < best.falseFailure || (falseFailure === best.falseFailure && high - low > best.high - best.low)) {
      best = { low, high, falseFailure };
    }
  }
  if (best === undefined) return undefined;
  const band = best;
  const wrongAcceptance = Math.max(0, ...wrong.map((tails) => probabilityInRange(tails, band.low, band.high)));
  return { ...band, wrongAcceptance };
}

// The smallest k in from..to where a monotone (false..true) predicate holds, else `none`.
function firstTrue(from: number, to: number, holds: (k: number) => boolean, none: number): number {
  if (from > to || !holds(to)) return none;
  let [lo, hi] = [from, to];
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (holds(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// The largest k in from..to where a monotone (true..false) predicate holds, else `none`.
function lastTrue(from: number, to: number, holds: (k: number) => boolean, none: number): number {
  if (from > to || !holds(from)) return none;
  let [lo, hi] = [from, to];
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (holds(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// No test with both error rates <= alpha exists below this n: it needs total variation >= 1 - 2·alpha, and
// TV <= sqrt(1 - BC^2n) with BC the Bhattacharyya coefficient of one Bernoulli draw. Skips hopeless n fast.
function lowerBoundOnN(expected: number, wrongShares: number[], alpha: number): number {
  const target = Math.log(4 * alpha * (1 - alpha));
  let bound = 1;
  for (const q of wrongShares) {
    const bc = Math.sqrt(expected * q) + Math.sqrt((1 - expected) * (1 - q));
    if (bc <= 0 || bc >= 1) continue;
    bound = Math.max(bound, Math.floor(target / (2 * Math.log(bc))) - 1);
  }
  return bound;
}

function validatePlanInput(expected: number, wrongShares: number[], alpha: number): void {
  const isShare = (value: number) => value >= 0 && value <= 1;
  if (!isShare(expected)) throw new RangeError(`expected share must be within 0..1, got ${expected}`);
  if (!(alpha > 0 && alpha < 0.5)) throw new RangeError(`alpha must be within (0, 0.5), got ${alpha}`);
  if (wrongShares.length === 0) throw new RangeError("a weighted check needs at least one wrong share to rule out");
  for (const q of wrongShares) {
    if (!isShare(q)) throw new RangeError(`wrong share must be within 0..1, got ${q}`);
    if (q === expected) throw new RangeError(`wrong share ${q} equals the expected share`);
  }
}
