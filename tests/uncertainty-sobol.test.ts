/**
 * The Sobol estimators on functions whose indices are known in closed form.
 *
 * Ishigami (Ishigami and Homma 1990; Saltelli et al. 2008, Global Sensitivity Analysis, §4.5):
 *   f = sin x1 + a sin² x2 + b x3⁴ sin x1,  x_i ~ U(−π, π),  a = 7, b = 0.1
 *   V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2,  V1 = (1 + bπ⁴/5)²/2,  V2 = a²/8,  V3 = 0,  V13 = b²π⁸ (1/18 − 1/50)
 *   S1 = V1/V ≈ 0.3139, S2 = V2/V ≈ 0.4424, S3 = 0; ST1 = (V1 + V13)/V ≈ 0.5576, ST2 = S2, ST3 = V13/V ≈ 0.2437
 *
 * Correlated linear: Y = X1 + X2 + X3, standard normals, corr(X1, X2) = ρ, X3 independent:
 *   V = 3 + 2ρ;  E[Y | X1] = (1 + ρ) X1, so S1 = (1 + ρ)²/V;  E[Var(Y | X2, X3)] = Var(X1 | X2) = 1 − ρ², so ST1 = (1 − ρ²)/V;
 *   S3 = ST3 = 1/V.
 *
 * Each estimate must lie within 4 of its own standard errors (plus 0.01) of the known value.
 */
import { describe, expect, test } from 'vitest';
import { normalCdf } from '../src/core/uncertainty/normal.js';
import { Mt19937 } from '../src/core/uncertainty/random.js';
import { sobolIndices } from '../src/core/uncertainty/sobol.js';

const within = (estimate: number, se: number, truth: number) => expect(Math.abs(estimate - truth)).toBeLessThanOrEqual(4 * se + 0.01);

describe('Sobol indices', () => {
  test('Ishigami function: Saltelli 2010 first-order and Jansen total indices', () => {
    const a = 7;
    const b = 0.1;
    const pi4 = Math.PI ** 4;
    const pi8 = Math.PI ** 8;
    const V = (a * a) / 8 + (b * pi4) / 5 + (b * b * pi8) / 18 + 0.5;
    const V1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
    const V2 = (a * a) / 8;
    const V13 = b * b * pi8 * (1 / 18 - 1 / 50);
    const first = [V1 / V, V2 / V, 0];
    const total = [(V1 + V13) / V, V2 / V, V13 / V];
    expect(first[0]).toBeCloseTo(0.3139, 4);
    expect(total[2]).toBeCloseTo(0.2437, 4);
    const r = sobolIndices(
      {
        d: 3,
        outputs: 1,
        evaluate(z, out) {
          const x = Array.from(z, (v) => -Math.PI + 2 * Math.PI * normalCdf(v));
          out[0] = Math.sin(x[0]!) + a * Math.sin(x[1]!) ** 2 + b * x[2]! ** 4 * Math.sin(x[0]!);
        },
      },
      20000,
      Mt19937.fromKey([1, 2]),
    );
    expect(r.variance[0]! / V).toBeGreaterThan(0.95);
    expect(r.variance[0]! / V).toBeLessThan(1.05);
    for (let i = 0; i < 3; i++) {
      within(r.first[i]!, r.firstSe[i]!, first[i]!);
      within(r.total[i]!, r.totalSe[i]!, total[i]!);
    }
  });

  test('correlated inputs: conditional resampling gives the closed-form indices of X1 + X2 + X3', () => {
    const rho = 0.6;
    const V = 3 + 2 * rho;
    const correlation = Float64Array.of(1, rho, 0, rho, 1, 0, 0, 0, 1);
    const r = sobolIndices({ d: 3, outputs: 1, correlation, evaluate: (z, out) => void (out[0] = z[0]! + z[1]! + z[2]!) }, 20000, Mt19937.fromKey([2, 2]));
    within(r.first[0]!, r.firstSe[0]!, (1 + rho) ** 2 / V);
    within(r.first[1]!, r.firstSe[1]!, (1 + rho) ** 2 / V);
    within(r.total[0]!, r.totalSe[0]!, (1 - rho * rho) / V);
    within(r.first[2]!, r.firstSe[2]!, 1 / V);
    within(r.total[2]!, r.totalSe[2]!, 1 / V);
    // With correlation the first-order shares add up to more than 1: the shared part counts twice.
    expect(r.first[0]! + r.first[1]! + r.first[2]!).toBeGreaterThan(1);
  });

  test('same generator state, same indices', () => {
    const run = () => sobolIndices({ d: 2, outputs: 1, evaluate: (z, out) => void (out[0] = z[0]! * 2 + z[1]! ** 2) }, 500, Mt19937.fromKey([9, 2]));
    expect(Array.from(run().first)).toEqual(Array.from(run().first));
  });
});
