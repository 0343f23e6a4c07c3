/**
 * Sample quantiles of Monte Carlo draws, and their Monte Carlo error.
 *
 * Quantile (Hyndman and Fan 1996, type 7, the default of R and NumPy), of draws sorted ascending
 * x_1 ≤ … ≤ x_n:
 *
 *   h = (n − 1) p + 1,   Q(p) = x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋)
 *
 * Monte Carlo error of Q(p), without assuming a distribution: the number of draws below the true
 * quantile is binomial(n, p), so the order statistics with ranks
 *
 *   l = ⌊np − z √(np(1−p))⌋,  u = ⌈np + z √(np(1−p))⌉      (z = 1.96)
 *
 * bound a 95% confidence interval for it (Conover, Practical Nonparametric Statistics, §3.2); its
 * half-width divided by z is the standard error reported. Precondition: n ≥ 1 and 0 ≤ p ≤ 1.
 *
 * @example
 *   quantileSorted(Float64Array.of(1, 2, 3, 4), 0.5) // 2.5
 */
export const Z95 = 1.959963984540054;

export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantileSorted: no draws');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantileSorted: p must lie in [0, 1], got ${p}`);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** The standard error of Q(p) from the order-statistic confidence interval (see the module comment). */
export function quantileStandardError(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n < 2) return Number.NaN;
  const half = Z95 * Math.sqrt(n * p * (1 - p));
  const l = Math.max(1, Math.floor(n * p - half));
  const u = Math.min(n, Math.ceil(n * p + half));
  return (sorted[u - 1]! - sorted[l - 1]!) / (2 * Z95);
}

/** A sorted copy of the draws. */
export function sortedCopy(draws: ArrayLike<number>): Float64Array {
  return Float64Array.from(draws).sort();
}
