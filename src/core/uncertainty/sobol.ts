/**
 * Variance-based sensitivity: first-order and total-effect Sobol indices, estimated by Monte Carlo.
 *
 *   S_i  = Var(E[Y | X_i]) / Var(Y)        what knowing X_i exactly removes from the variance, on average
 *   ST_i = E[Var(Y | X_{~i})] / Var(Y)     what is left when everything but X_i is known
 *
 * Estimators, with two independent samples A and B of N rows and, per input i, a row P_i that takes
 * X_{~i} from A and a fresh X_i:
 *
 *   S_i  ≈ (1/N) Σ f(B) (f(P_i) − f(A)) / V          Saltelli et al. (2010), Table 2 (b)
 *   ST_i ≈ (1/2N) Σ (f(A) − f(P_i))² / V             Jansen (1999)
 *
 * V is the sample variance of f over A and B. Inputs are standard normals in the Gaussian copula;
 * when they are correlated, the fresh values are drawn from the conditional laws (Kucherenko,
 * Tarantola and Annoni 2012): X_i | X_{~i} for P_i, and for S_i a row Q_i that keeps X_i from A and
 * draws X_{~i} | X_i, with S_i ≈ (1/N) Σ f(A) (f(Q_i) − f(B)) / V. Without correlations these are the
 * estimators above exactly. With correlations S_i includes what X_i shares with the inputs it is
 * correlated with, so the S_i need not add up to at most 1.
 *
 * The standard error of each index is the sample standard deviation of its per-row terms / √N / V.
 * Cost: N (2 + d + c) evaluations, c the number of correlated inputs. Tested on the Ishigami
 * function, whose indices are known in closed form (tests/uncertainty-sobol.test.ts).
 */
import { cholesky, inverseFromCholesky, lowerTimes, restGivenOne, type RestGivenOne } from './correlation.js';
import { normalQuantile } from './normal.js';
import type { Mt19937 } from './random.js';

export interface SobolProblem {
  /** Number of inputs. */
  readonly d: number;
  /** Number of outputs evaluated at once. */
  readonly outputs: number;
  /** Correlation matrix of the standard normals (d × d, row-major); the identity when absent. */
  readonly correlation?: Float64Array;
  /** f(z): z are (correlated) standard normals; writes the outputs into `out`. */
  evaluate(z: Float64Array, out: Float64Array): void;
}

export interface SobolResult {
  readonly n: number;
  /** [output × d + input] */
  readonly first: Float64Array;
  readonly total: Float64Array;
  readonly firstSe: Float64Array;
  readonly totalSe: Float64Array;
  /** Var(Y) per output. */
  readonly variance: Float64Array;
  readonly mean: Float64Array;
}

/** Running mean and sum of squared deviations (Welford). */
class Moments {
  readonly mean: Float64Array;
  readonly m2: Float64Array;
  count = 0;
  constructor(size: number) {
    this.mean = new Float64Array(size);
    this.m2 = new Float64Array(size);
  }
  add(values: ArrayLike<number>, at: (k: number) => number = (k) => values[k]!): void {
    this.count++;
    for (let k = 0; k < this.mean.length; k++) {
      const x = at(k);
      const delta = x - this.mean[k]!;
      this.mean[k]! += delta / this.count;
      this.m2[k]! += delta * (x - this.mean[k]!);
    }
  }
  variance(k: number): number {
    return this.count > 1 ? this.m2[k]! / (this.count - 1) : 0;
  }
}

export function sobolIndices(problem: SobolProblem, n: number, rng: Mt19937): SobolResult {
  const { d, outputs: m } = problem;
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`sobolIndices: N must be an integer of at least 2, got ${n}`);
  const r = problem.correlation ?? identity(d);
  const l = cholesky(r, d);
  const omega = inverseFromCholesky(l, d);
  const correlated = Array.from({ length: d }, (_, i) => {
    for (let j = 0; j < d; j++) if (j !== i && Math.abs(r[i * d + j]!) > 0) return true;
    return false;
  });
  const restLaws: (RestGivenOne | undefined)[] = correlated.map((c, i) => (c ? restGivenOne(r, d, i) : undefined));

  const epsA = new Float64Array(d);
  const epsB = new Float64Array(d);
  const zA = new Float64Array(d);
  const zB = new Float64Array(d);
  const z = new Float64Array(d);
  const fA = new Float64Array(m);
  const fB = new Float64Array(m);
  const fP = new Float64Array(m);
  const fQ = new Float64Array(m);
  const all = new Moments(m);
  const firstTerms = new Moments(m * d);
  const totalTerms = new Moments(m * d);
  const firstRow = new Float64Array(m * d);
  const totalRow = new Float64Array(m * d);

  for (let row = 0; row < n; row++) {
    for (let k = 0; k < d; k++) epsA[k] = normalQuantile(rng.nextOpen());
    for (let k = 0; k < d; k++) epsB[k] = normalQuantile(rng.nextOpen());
    lowerTimes(l, d, epsA, zA);
    lowerTimes(l, d, epsB, zB);
    problem.evaluate(zA, fA);
    problem.evaluate(zB, fB);
    all.add(fA);
    all.add(fB);
    for (let i = 0; i < d; i++) {
      // P_i: X_{~i} from A, X_i drawn given them.
      z.set(zA);
      let mu = 0;
      for (let j = 0; j < d; j++) if (j !== i) mu -= omega[i * d + j]! * zA[j]!;
      const wii = omega[i * d + i]!;
      z[i] = mu / wii + epsB[i]! / Math.sqrt(wii);
      problem.evaluate(z, fP);
      const law = restLaws[i];
      if (law) {
        // Q_i: X_i from A, X_{~i} drawn given it.
        const rest = law.rest;
        const k = rest.length;
        z[i] = zA[i]!;
        for (let a = 0; a < k; a++) {
          let s = law.mean[a]! * zA[i]!;
          for (let b = 0; b <= a; b++) s += law.chol[a * k + b]! * epsB[rest[b]!]!;
          z[rest[a]!] = s;
        }
        problem.evaluate(z, fQ);
      }
      for (let o = 0; o < m; o++) {
        const diff = fA[o]! - fP[o]!;
        totalRow[o * d + i] = 0.5 * diff * diff;
        firstRow[o * d + i] = law ? fA[o]! * (fQ[o]! - fB[o]!) : fB[o]! * (fP[o]! - fA[o]!);
      }
    }
    firstTerms.add(firstRow);
    totalTerms.add(totalRow);
  }

  const variance = Float64Array.from({ length: m }, (_, o) => all.variance(o));
  const scaled = (acc: Moments, se: boolean) =>
    Float64Array.from({ length: m * d }, (_, k) => {
      const v = variance[Math.floor(k / d)]!;
      if (!(v > 0)) return 0;
      return se ? Math.sqrt(acc.variance(k) / n) / v : acc.mean[k]! / v;
    });
  return {
    n,
    first: scaled(firstTerms, false),
    total: scaled(totalTerms, false),
    firstSe: scaled(firstTerms, true),
    totalSe: scaled(totalTerms, true),
    variance,
    mean: Float64Array.from(all.mean),
  };
}

function identity(d: number): Float64Array {
  const r = new Float64Array(d * d);
  for (let i = 0; i < d; i++) r[i * d + i] = 1;
  return r;
}
