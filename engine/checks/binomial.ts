// Exact binomial probabilities for the weighted checks. Probabilities are built outward from the mode with
// the pmf recurrence (no 1 - x cancellation, tails down to ~1e-300 stay accurate), so n in the tens of
// thousands is fine. p = 0 and p = 1 are exact.

/** P(X <= k) and P(X >= k) for k = 0..n, each summed from its own end so small tails keep their precision. */
export interface BinomialTails {
  n: number;
  p: number;
  pmf: Float64Array;
  /** lower[k] = P(X <= k) */
  lower: Float64Array;
  /** upper[k] = P(X >= k) */
  upper: Float64Array;
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

// ln Γ(x) for x > 0 (Lanczos, g = 7): about 15 significant digits.
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0] ?? 0;
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] ?? 0) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

// ln of the binomial coefficient C(n, k).
export function logChoose(n: number, k: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

// P(X = k) for X ~ Binomial(n, p).
export function binomialPmf(k: number, n: number, p: number): number {
  assertBinomial(n, p);
  if (!Number.isInteger(k) || k < 0 || k > n) return 0;
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  return Math.exp(logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p));
}

// Every P(X = k), k = 0..n: the mode from lgamma, the rest by the ratio recurrence in both directions.
export function binomialPmfTable(n: number, p: number): Float64Array {
  assertBinomial(n, p);
  const pmf = new Float64Array(n + 1);
  if (p === 0 || p === 1) {
    pmf[p === 0 ? 0 : n] = 1;
    return pmf;
  }
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const odds = p / (1 - p);
  pmf[mode] = binomialPmf(mode, n, p);
  for (let k = mode; k < n; k++) pmf[k + 1] = ((pmf[k] ?? 0) * (n - k) * odds) / (k + 1);
  for (let k = mode; k > 0; k--) pmf[k - 1] = ((pmf[k] ?? 0) * k) / ((n - k + 1) * odds);
  return pmf;
}

// Both cumulative tails of Binomial(n, p).
export function binomialTails(n: number, p: number): BinomialTails {
  const pmf = binomialPmfTable(n, p);
  const lower = new Float64Array(n + 1);
  const upper = new Float64Array(n + 1);
  let sum = 0;
  for (let k = 0; k <= n; k++) lower[k] = sum += pmf[k] ?? 0;
  sum = 0;
  for (let k = n; k >= 0; k--) upper[k] = sum += pmf[k] ?? 0;
  return { n, p, pmf, lower, upper };
}

// P(X <= k).
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  return binomialTails(n, p).lower[Math.floor(k)] ?? 0;
}

// P(X >= k).
export function binomialSf(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  return binomialTails(n, p).upper[Math.ceil(k)] ?? 0;
}

// P(low <= X <= high), taken from the tail that keeps it accurate.
export function probabilityInRange(tails: BinomialTails, low: number, high: number): number {
  if (high < low || high < 0 || low > tails.n) return 0;
  const from = Math.max(0, low);
  const to = Math.min(tails.n, high);
  const aboveMean = from > tails.n * tails.p;
  if (aboveMean) return Math.max(0, (tails.upper[from] ?? 0) - (to < tails.n ? (tails.upper[to + 1] ?? 0) : 0));
  return Math.max(0, (tails.lower[to] ?? 0) - (from > 0 ? (tails.lower[from - 1] ?? 0) : 0));
}

function assertBinomial(n: number, p: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`binomial n must be a whole number >= 0, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binomial p must be within 0..1, got ${p}`);
}
