// Exact binomial arithmetic with BigInt for p = a/b, independent of engine/checks/binomial.ts: the tests
// recompute tails by direct summation of C(n,k)·a^k·(b-a)^(n-k) over b^n.

/** Prefix sums of the pmf numerators: prefix[k] = numerator of P(X <= k - 1); the denominator is b^n. */
export interface ExactBinomial {
  n: number;
  prefix: bigint[];
  denominator: bigint;
}

// The exact distribution of Binomial(n, a/b).
export function exactBinomial(n: number, a: number, b: number): ExactBinomial {
  const [success, failure] = [BigInt(a), BigInt(b - a)];
  const prefix: bigint[] = [0n];
  let choose = 1n;
  for (let k = 0; k <= n; k++) {
    if (k > 0) choose = (choose * BigInt(n - k + 1)) / BigInt(k);
    prefix.push((prefix[k] ?? 0n) + choose * success ** BigInt(k) * failure ** BigInt(n - k));
  }
  return { n, prefix, denominator: BigInt(b) ** BigInt(n) };
}

// Numerator of P(low <= X <= high).
export function inRange(dist: ExactBinomial, low: number, high: number): bigint {
  if (high < low) return 0n;
  const from = Math.max(0, low);
  const to = Math.min(dist.n, high);
  return (dist.prefix[to + 1] ?? 0n) - (dist.prefix[from] ?? 0n);
}

// Numerator of P(X outside [low, high]).
export function outside(dist: ExactBinomial, low: number, high: number): bigint {
  return dist.denominator - inRange(dist, low, high);
}

// numerator / denominator <= 1 / inverseAlpha, exactly.
export function atMost(numerator: bigint, dist: ExactBinomial, inverseAlpha: bigint): boolean {
  return numerator * inverseAlpha <= dist.denominator;
}

// numerator / denominator as a float, precise even when tiny.
export function toNumber(numerator: bigint, denominator: bigint): number {
  if (numerator === 0n) return 0;
  const shift = denominator.toString(2).length - numerator.toString(2).length + 64;
  return Number((numerator << BigInt(shift)) / denominator) * 2 ** -shift;
}
