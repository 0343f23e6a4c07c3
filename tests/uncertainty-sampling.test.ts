/**
 * The random and statistical building blocks of the uncertainty engine, against published values:
 * MT19937 (C++ standard and the reference mt19937ar.out), the normal distribution (values to 15
 * digits as in Abramowitz and Stegun / R's qnorm), the distributions' quantile functions (closed
 * forms) and sample quantiles (R's quantile(type = 7)).
 */
import { describe, expect, test } from 'vitest';
import { cholesky, lowerTimes } from '../src/core/uncertainty/correlation.js';
import { fromStandardNormal, moments, quantile, type Distribution } from '../src/core/uncertainty/distribution.js';
import { normalCdf, normalQuantile } from '../src/core/uncertainty/normal.js';
import { quantileSorted, quantileStandardError } from '../src/core/uncertainty/quantiles.js';
import { Mt19937 } from '../src/core/uncertainty/random.js';

describe('MT19937', () => {
  test('the 10000th output after the default seed 5489 is 4123659995 (C++ standard, [rand.predef])', () => {
    const g = Mt19937.fromSeed(5489);
    let v = 0;
    for (let i = 0; i < 10000; i++) v = g.nextUint32();
    expect(v).toBe(4123659995);
  });

  test('init_by_array({0x123, 0x234, 0x345, 0x456}) gives the first outputs of mt19937ar.out', () => {
    const g = Mt19937.fromKey([0x123, 0x234, 0x345, 0x456]);
    expect(Array.from({ length: 5 }, () => g.nextUint32())).toEqual([1067595299, 955945823, 477289528, 4107218783, 4228976476]);
  });

  test('same key, same doubles, strictly inside (0, 1); another key, other doubles', () => {
    const a = Mt19937.fromKey([1, 1]);
    const b = Mt19937.fromKey([1, 1]);
    const c = Mt19937.fromKey([2, 1]);
    const xs = Array.from({ length: 1000 }, () => a.nextOpen());
    expect(Array.from({ length: 1000 }, () => b.nextOpen())).toEqual(xs);
    expect(Array.from({ length: 1000 }, () => c.nextOpen())).not.toEqual(xs);
    for (const x of xs) expect(x > 0 && x < 1).toBe(true);
    // The mean of 1000 uniforms lies within 4 standard errors (1/√12000) of 1/2.
    expect(Math.abs(xs.reduce((s, x) => s + x, 0) / 1000 - 0.5)).toBeLessThan(4 / Math.sqrt(12000));
  });
});

describe('normal distribution', () => {
  test('Φ and Φ⁻¹ at published values (R: pnorm, qnorm)', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1)).toBeCloseTo(0.841344746068543, 14);
    expect(normalCdf(-3) / 0.00134989803163009 - 1).toBeLessThan(1e-12);
    expect(Math.abs(normalCdf(-5) / 2.866515718791939e-7 - 1)).toBeLessThan(1e-12);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 14);
    expect(Math.abs(normalQuantile(1e-10) / -6.361340902404056 - 1)).toBeLessThan(1e-13);
    expect(normalQuantile(0.5)).toBe(0);
  });

  test('Φ(Φ⁻¹(p)) = p to 1e-12 relative over (0, 1)', () => {
    for (let i = 1; i < 2000; i++) {
      const p = i / 2000;
      expect(Math.abs(normalCdf(normalQuantile(p)) - p) / Math.min(p, 1 - p)).toBeLessThan(1e-12);
    }
    expect(() => normalQuantile(0)).toThrow(RangeError);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
});

describe('distributions', () => {
  const cases: Distribution[] = [
    { soort: 'normaal', gemiddelde: 0.02, sd: 0.007 },
    { soort: 'lognormaal', mediaan: 1, sdLog: 0.5 },
    { soort: 'driehoek', laag: 246, modus: 346, hoog: 446 },
    { soort: 'driehoek', laag: 0.5, modus: 1, hoog: 1 },
    { soort: 'uniform', laag: 0.3, hoog: 0.7 },
  ];

  test('quantiles in closed form', () => {
    // Triangle: F(x) = (x−a)²/((b−a)(c−a)) below the mode; P10 of (246, 346, 446) = 246 + √(0,1 × 200 × 100).
    expect(quantile(cases[2]!, 0.1)).toBeCloseTo(246 + Math.sqrt(2000), 10);
    expect(quantile(cases[2]!, 0.5)).toBeCloseTo(346, 10);
    expect(quantile(cases[2]!, 0.9)).toBeCloseTo(446 - Math.sqrt(2000), 10);
    // Mode at the upper bound: F(x) = (x − 0,5)² / (0,5 × 0,5) everywhere, so F⁻¹(0,75) = 0,5 + √(0,75 × 0,25).
    expect(quantile(cases[3]!, 0.75)).toBeCloseTo(0.5 + Math.sqrt(0.75 * 0.25), 12);
    expect(quantile(cases[4]!, 0.25)).toBeCloseTo(0.4, 12);
    expect(quantile(cases[1]!, 0.9)).toBeCloseTo(Math.exp(0.5 * 1.2815515655446004), 12);
    expect(quantile(cases[0]!, 0.975)).toBeCloseTo(0.02 + 0.007 * 1.959963984540054, 14);
  });

  test('a copula draw z gives F⁻¹(Φ(z)), and the draws have the closed-form moments', () => {
    const g = Mt19937.fromKey([7, 1]);
    for (const d of cases) {
      expect(fromStandardNormal(d, 0.3)).toBeCloseTo(quantile(d, normalCdf(0.3)), 12);
      const n = 20000;
      const xs = Array.from({ length: n }, () => fromStandardNormal(d, normalQuantile(g.nextOpen())));
      const mean = xs.reduce((s, x) => s + x, 0) / n;
      const { mean: mu, variance } = moments(d);
      // Within 4 standard errors of the mean.
      expect(Math.abs(mean - mu)).toBeLessThan(4 * Math.sqrt(variance / n));
    }
  });
});

describe('sample quantiles', () => {
  test('type 7 as R computes it: quantile(1:10, c(0.05, 0.5, 0.95)) = 1.45, 5.5, 9.55', () => {
    const xs = Float64Array.from({ length: 10 }, (_, i) => i + 1);
    expect(quantileSorted(xs, 0.05)).toBeCloseTo(1.45, 12);
    expect(quantileSorted(xs, 0.5)).toBeCloseTo(5.5, 12);
    expect(quantileSorted(xs, 0.95)).toBeCloseTo(9.55, 12);
  });

  test('the order-statistic standard error of the median of n normals is about √(π/2) / √n', () => {
    const g = Mt19937.fromKey([3, 1]);
    const n = 10000;
    const xs = Float64Array.from({ length: n }, () => normalQuantile(g.nextOpen())).sort();
    // Asymptotically SE(median) = 1 / (2 φ(0) √n) = √(π/2)/√n = 0.01253; the interval estimate is within 15%.
    expect(quantileStandardError(xs, 0.5) / (Math.sqrt(Math.PI / 2) / Math.sqrt(n))).toBeGreaterThan(0.85);
    expect(quantileStandardError(xs, 0.5) / (Math.sqrt(Math.PI / 2) / Math.sqrt(n))).toBeLessThan(1.15);
  });
});

test('Cholesky: L Lᵀ = R, and correlated draws have the correlation', () => {
  const r = Float64Array.of(1, 0.55, -0.2, 0.55, 1, 0.1, -0.2, 0.1, 1);
  const l = cholesky(r, 3);
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) {
    let s = 0;
    for (let k = 0; k < 3; k++) s += l[i * 3 + k]! * l[j * 3 + k]!;
    expect(s).toBeCloseTo(r[i * 3 + j]!, 14);
  }
  expect(() => cholesky(Float64Array.of(1, 0.9, 0.9, 0.9, 1, -0.9, 0.9, -0.9, 1), 3)).toThrow(/positive definite/);
  const g = Mt19937.fromKey([5, 1]);
  const n = 20000;
  const eps = new Float64Array(3);
  const z = new Float64Array(3);
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < 3; k++) eps[k] = normalQuantile(g.nextOpen());
    lowerTimes(l, 3, eps, z);
    sxy += z[0]! * z[1]!;
  }
  // Sample correlation of standard normals within 4 standard errors ((1 − ρ²)/√n).
  expect(Math.abs(sxy / n - 0.55)).toBeLessThan((4 * (1 - 0.55 ** 2)) / Math.sqrt(n));
});
