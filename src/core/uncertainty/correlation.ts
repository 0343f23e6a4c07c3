/**
 * Correlated standard normals for the Gaussian copula: z = L ε with ε independent standard normals
 * and L the Cholesky factor of the correlation matrix R (R = L Lᵀ, L lower triangular):
 *
 *   L_jj = √(R_jj − Σ_{k<j} L_jk²),   L_ij = (R_ij − Σ_{k<j} L_ik L_jk) / L_jj   (i > j)
 *
 * R must be symmetric positive definite; otherwise `cholesky` names the first row where it fails.
 * Also the conditional laws the correlated Sobol estimators need (Kucherenko, Tarantola and Annoni
 * 2012), from the precision matrix Ω = R⁻¹:
 *
 *   z_i | z_{~i} ~ N(−Σ_{j≠i} Ω_ij z_j / Ω_ii, 1/Ω_ii)
 *   z_{~i} | z_i ~ N(R_{~i,i} z_i, R_{~i~i} − R_{~i,i} R_{i,~i})
 *
 * Matrices are row-major Float64Arrays of size d × d. Floats: an approximate path.
 */
export class NotPositiveDefinite extends Error {
  constructor(readonly row: number) {
    super(`correlation matrix is not positive definite (row ${row})`);
  }
}

/** Lower Cholesky factor of a d × d symmetric matrix. */
export function cholesky(r: Float64Array, d: number): Float64Array {
  const l = new Float64Array(d * d);
  for (let j = 0; j < d; j++) {
    let diag = r[j * d + j]!;
    for (let k = 0; k < j; k++) diag -= l[j * d + k]! ** 2;
    if (!(diag > 1e-12)) throw new NotPositiveDefinite(j);
    const ljj = Math.sqrt(diag);
    l[j * d + j] = ljj;
    for (let i = j + 1; i < d; i++) {
      let s = r[i * d + j]!;
      for (let k = 0; k < j; k++) s -= l[i * d + k]! * l[j * d + k]!;
      l[i * d + j] = s / ljj;
    }
  }
  return l;
}

/** z = L ε (L lower triangular), written into `out`. */
export function lowerTimes(l: Float64Array, d: number, eps: ArrayLike<number>, out: Float64Array, offset = 0): void {
  for (let i = 0; i < d; i++) {
    let s = 0;
    for (let k = 0; k <= i; k++) s += l[i * d + k]! * eps[offset + k]!;
    out[offset + i] = s;
  }
}

/** R⁻¹ from the Cholesky factor. */
export function inverseFromCholesky(l: Float64Array, d: number): Float64Array {
  const inv = new Float64Array(d * d);
  const col = new Float64Array(d);
  const y = new Float64Array(d);
  for (let c = 0; c < d; c++) {
    col.fill(0);
    col[c] = 1;
    for (let i = 0; i < d; i++) {
      let s = col[i]!;
      for (let k = 0; k < i; k++) s -= l[i * d + k]! * y[k]!;
      y[i] = s / l[i * d + i]!;
    }
    for (let i = d - 1; i >= 0; i--) {
      let s = y[i]!;
      for (let k = i + 1; k < d; k++) s -= l[k * d + i]! * inv[k * d + c]!;
      inv[i * d + c] = s / l[i * d + i]!;
    }
  }
  return inv;
}

/** How to draw z_{~i} given z_i: mean coefficients R_{~i,i} and the Cholesky factor of the conditional covariance. */
export interface RestGivenOne {
  /** Indices of the other inputs, in order. */
  readonly rest: readonly number[];
  readonly mean: Float64Array;
  readonly chol: Float64Array;
}

export function restGivenOne(r: Float64Array, d: number, i: number): RestGivenOne {
  const rest = Array.from({ length: d }, (_, k) => k).filter((k) => k !== i);
  const m = rest.length;
  const mean = Float64Array.from(rest, (k) => r[k * d + i]!);
  const cov = new Float64Array(m * m);
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) cov[a * m + b] = r[rest[a]! * d + rest[b]!]! - mean[a]! * mean[b]!;
  return { rest, mean, chol: m > 0 ? cholesky(cov, m) : cov };
}
