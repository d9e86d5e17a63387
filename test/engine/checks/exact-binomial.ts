// Exact binomial arithmetic with BigInt for p = a/b, independent of engine/checks/binomial.ts: the tests
// recompute tails by direct summation of C(n,k)·a^k·(b-a)^(n-k) over b^n.

/** Prefix sums of the pmf numerators: prefix[k] = numerator of P(X <= k - 1); the denominator is b^n. */
export interface ExactBinomial {
  n: number;
  prefix: bigint[];
  denominator: bigint;
}

// The exact distribution of Binomial(n, a/b). Each numerator C(n,k)·a^k·(b-a)^(n-k) comes from the previous
// one times (n-k)·a / ((k+1)·(b-a)), a division without remainder, so n in the thousands stays fast.
export function exactBinomial(n: number, a: number, b: number): ExactBinomial {
  if (!(Number.isInteger(a) && Number.isInteger(b) && a >= 0 && a <= b && b > 0)) throw new RangeError(`not a share: ${a}/${b}`);
  const [success, failure] = [BigInt(a), BigInt(b - a)];
  const prefix: bigint[] = [0n];
  let term = failure ** BigInt(n);
  for (let k = 0; k <= n; k++) {
    if (k > 0) term = failure === 0n ? (k === n ? success ** BigInt(n) : 0n) : (term * BigInt(n - k + 1) * success) / (BigInt(k) * failure);
    prefix.push((prefix[k] ?? 0n) + term);
  }
  return { n, prefix, denominator: BigInt(b) ** BigInt(n) };
}

// A share as the fraction a/b with the smallest b up to 1,000,000 (0.0677 -> 677/10000, 0.51^3 -> 132651/1000000).
export function shareAsFraction(share: number): [a: number, b: number] {
  for (let b = 1; b <= 1_000_000; b++) {
    const a = Math.round(share * b);
    if (Math.abs(a / b - share) < 1e-12) return [a, b];
  }
  throw new RangeError(`${share} is not a fraction with a denominator up to 1000000`);
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
