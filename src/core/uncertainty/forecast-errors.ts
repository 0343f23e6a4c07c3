/**
 * How far published forecasts of a macro series were from what was realised: the spread of a
 * projection (`regel: voorspelfouten`), and the correlation between the errors of two series.
 *
 * For each forecast row of series r in `macro.csv` (status `raming`: publication P, year t) whose
 * year has a realisation, the error is e_{P,t} = realised_t − forecast_{P,t}, with realised_t the
 * latest published realisation of year t (by `publicatiedatum`). Then
 *
 *   spread(r) = √( (1/n) Σ e² )                          root mean square error, n errors
 *   corr(r, s) = Pearson correlation of e^r_{P,t} and e^s_{P,t} over the (P, t) both series forecast
 *
 * Every forecast horizon in the data counts (most are the current and the next year). The errors
 * are treated as persistent in the model (one shift for every projection year), which is cautious:
 * errors that cancel over the years would give a narrower range. Floats (an approximate path).
 */
import type { Dataset, MacroFact } from '../dataset.js';

export interface ForecastError {
  readonly publicatie: string;
  readonly jaar: number;
  readonly fout: number;
}

/** Fewer errors than this are too few to say anything about a spread or a correlation. */
export const MIN_FORECAST_ERRORS = 8;

export function forecastErrors(data: Pick<Dataset, 'macro'>, reeks: string): ForecastError[] {
  const rows = data.macro.filter((r) => r.reeks === reeks);
  const realised = new Map<number, MacroFact>();
  for (const r of rows) {
    if (r.status !== 'realisatie') continue;
    const known = realised.get(r.jaar);
    if (!known || r.publicatiedatum.localeCompare(known.publicatiedatum) > 0) realised.set(r.jaar, r);
  }
  return rows
    .filter((r) => r.status === 'raming' && realised.has(r.jaar))
    .map((r) => ({ publicatie: r.publicatie, jaar: r.jaar, fout: realised.get(r.jaar)!.waarde.toNumber() - r.waarde.toNumber() }))
    .sort((a, b) => a.publicatie.localeCompare(b.publicatie) || a.jaar - b.jaar);
}

/** Root mean square of the errors. */
export function rootMeanSquare(errors: readonly ForecastError[]): number {
  return Math.sqrt(errors.reduce((acc, e) => acc + e.fout * e.fout, 0) / errors.length);
}

/** The correlation of two series' errors over the forecasts they share, and how many there were. */
export function errorCorrelation(a: readonly ForecastError[], b: readonly ForecastError[]): { waarde: number; n: number } {
  const other = new Map(b.map((e) => [`${e.publicatie}|${e.jaar}`, e.fout] as const));
  const pairs = a.filter((e) => other.has(`${e.publicatie}|${e.jaar}`)).map((e) => [e.fout, other.get(`${e.publicatie}|${e.jaar}`)!] as const);
  const n = pairs.length;
  if (n < 2) return { waarde: Number.NaN, n };
  const mx = pairs.reduce((s, p) => s + p[0], 0) / n;
  const my = pairs.reduce((s, p) => s + p[1], 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of pairs) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  return { waarde: sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Number.NaN, n };
}
