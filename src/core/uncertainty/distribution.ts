/**
 * The distributions an uncertain input can take, in floats (the Monte Carlo path is approximate by
 * design; the exact model is evaluated at fixed nodes, see `model.ts`).
 *
 * | soort | parameters | quantile F⁻¹(u) |
 * |---|---|---|
 * | normaal | gemiddelde μ, sd σ > 0 | μ + σ Φ⁻¹(u) |
 * | lognormaal | mediaan m > 0, sdLog s > 0 (sd of ln x) | m · exp(s Φ⁻¹(u)) |
 * | driehoek | laag a < hoog b, modus c in [a, b] | a + √(u (b−a)(c−a)) if u < (c−a)/(b−a), else b − √((1−u)(b−a)(b−c)) |
 * | uniform | laag a < hoog b | a + u (b − a) |
 *
 * A draw in the Gaussian copula is a standard normal z; the input's value is F⁻¹(Φ(z)) (for normaal
 * and lognormaal directly μ + σz and m·e^{sz}, which is the same).
 *
 * @example
 *   quantile({ soort: 'driehoek', laag: 0, modus: 1, hoog: 2 }, 0.5) // 1
 */
import { normalCdf, normalQuantile } from './normal.js';

export type Distribution =
  | { readonly soort: 'normaal'; readonly gemiddelde: number; readonly sd: number }
  | { readonly soort: 'lognormaal'; readonly mediaan: number; readonly sdLog: number }
  | { readonly soort: 'driehoek'; readonly laag: number; readonly modus: number; readonly hoog: number }
  | { readonly soort: 'uniform'; readonly laag: number; readonly hoog: number };

export const DISTRIBUTION_KINDS = ['normaal', 'lognormaal', 'driehoek', 'uniform'] as const;

/** F⁻¹(u), 0 < u < 1. */
export function quantile(d: Distribution, u: number): number {
  switch (d.soort) {
    case 'normaal':
      return d.gemiddelde + d.sd * normalQuantile(u);
    case 'lognormaal':
      return d.mediaan * Math.exp(d.sdLog * normalQuantile(u));
    case 'uniform':
      return d.laag + u * (d.hoog - d.laag);
    case 'driehoek': {
      const { laag: a, modus: c, hoog: b } = d;
      const split = (c - a) / (b - a);
      return u < split ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }
  }
}

/** The value of a copula draw: F⁻¹(Φ(z)). */
export function fromStandardNormal(d: Distribution, z: number): number {
  switch (d.soort) {
    case 'normaal':
      return d.gemiddelde + d.sd * z;
    case 'lognormaal':
      return d.mediaan * Math.exp(d.sdLog * z);
    default:
      return quantile(d, normalCdf(z));
  }
}

/** The mean and variance (closed forms), for tests and reports. */
export function moments(d: Distribution): { mean: number; variance: number } {
  switch (d.soort) {
    case 'normaal':
      return { mean: d.gemiddelde, variance: d.sd * d.sd };
    case 'lognormaal': {
      const s2 = d.sdLog * d.sdLog;
      return { mean: d.mediaan * Math.exp(s2 / 2), variance: d.mediaan * d.mediaan * Math.exp(s2) * (Math.exp(s2) - 1) };
    }
    case 'uniform':
      return { mean: (d.laag + d.hoog) / 2, variance: (d.hoog - d.laag) ** 2 / 12 };
    case 'driehoek': {
      const { laag: a, modus: c, hoog: b } = d;
      return { mean: (a + b + c) / 3, variance: (a * a + b * b + c * c - a * b - a * c - b * c) / 18 };
    }
  }
}

/** Dutch: what is wrong with the parameters, or undefined when they describe a distribution. */
export function distributionProblem(d: Distribution): string | undefined {
  const finite = (...xs: number[]) => xs.every(Number.isFinite);
  switch (d.soort) {
    case 'normaal':
      if (!finite(d.gemiddelde, d.sd) || d.sd <= 0) return `een normale verdeling vraagt een spreiding (sd) groter dan 0, gevonden ${d.sd}`;
      return undefined;
    case 'lognormaal':
      if (!finite(d.mediaan, d.sdLog) || d.sdLog <= 0) return `een lognormale verdeling vraagt een spreiding (sd van ln x) groter dan 0, gevonden ${d.sdLog}`;
      if (d.mediaan <= 0) return `een lognormale verdeling vraagt een centrale waarde groter dan 0, gevonden ${d.mediaan}`;
      return undefined;
    case 'uniform':
      if (!finite(d.laag, d.hoog) || !(d.laag < d.hoog)) return `laag (${d.laag}) moet kleiner zijn dan hoog (${d.hoog})`;
      return undefined;
    case 'driehoek':
      if (!finite(d.laag, d.modus, d.hoog) || !(d.laag < d.hoog)) return `laag (${d.laag}) moet kleiner zijn dan hoog (${d.hoog})`;
      if (d.modus < d.laag || d.modus > d.hoog) return `de centrale waarde (${d.modus}) ligt niet tussen laag (${d.laag}) en hoog (${d.hoog})`;
      return undefined;
  }
}
