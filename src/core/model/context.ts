/**
 * What the driver models share: the projection years, the base year (last history year), and the
 * cumulative indices they scale with, each relative to the base year (base year = 1).
 *
 *   KI_t = ∏_{s=base+1..t} f^kostenindex_s      nature cost index
 *   WI_t = ∏_{s=base+1..t} (1 + loon_s)          nature wage index (CAO Bos en Natuur, else contractloon)
 *   LP_t = ∏_{s=base+1..t} (1 + grond_s)         land price index
 *
 * Shocks from developments multiply these from their start year on (see `developments.ts`).
 */
import type { Dataset } from '../dataset.js';
import { Decimal, ONE } from '../decimal.js';
import { kostenindexFactor, landPriceRate, natureWageRate } from '../indexation/kostenindex.js';
import type { SeriesInput } from '../indexation/series.js';
import type { IndexOptions } from '../indexation/types.js';
import { formatPercentNl } from '../format.js';

export interface YearlyFactor {
  /** Cumulative factor relative to the base year, per projection year. */
  readonly values: ReadonlyMap<number, Decimal>;
  /** Per year: how the year's own step was made. */
  readonly steps: ReadonlyMap<number, { readonly rate: Decimal; readonly inputs: readonly SeriesInput[]; readonly explanation: string }>;
}

export interface ModelContext {
  readonly data: Dataset;
  readonly baseYear: number;
  readonly years: readonly number[];
  readonly options: IndexOptions;
  readonly kostenindex: YearlyFactor;
  readonly loonindex: YearlyFactor;
  readonly grondprijsindex: YearlyFactor;
}

function chain(years: readonly number[], step: (year: number) => { rate: Decimal; inputs: readonly SeriesInput[]; explanation: string }): YearlyFactor {
  const values = new Map<number, Decimal>();
  const steps = new Map<number, { rate: Decimal; inputs: readonly SeriesInput[]; explanation: string }>();
  let level = ONE;
  for (const y of years) {
    const s = step(y);
    level = level.times(ONE.plus(s.rate));
    values.set(y, level);
    steps.set(y, s);
  }
  return { values, steps };
}

export function modelContext(data: Dataset, baseYear: number, lastYear: number, options: IndexOptions): ModelContext {
  const years: number[] = [];
  for (let y = baseYear + 1; y <= lastYear; y++) years.push(y);
  const pct = (d: Decimal) => formatPercentNl(d);
  return {
    data,
    baseYear,
    years,
    options,
    kostenindex: chain(years, (y) => {
      const f = kostenindexFactor(y, data, options);
      return { rate: f.factor.minus(ONE), inputs: f.inputs, explanation: f.explanation };
    }),
    loonindex: chain(years, (y) => {
      const r = natureWageRate(data, y, options);
      return { rate: r.rate, inputs: r.inputs, explanation: `loonstijging ${pct(r.rate)}` };
    }),
    grondprijsindex: chain(years, (y) => {
      const r = landPriceRate(data, y, options);
      return { rate: r.rate, inputs: r.inputs, explanation: `grondprijsmutatie ${pct(r.rate)}` };
    }),
  };
}

/** Value of a cumulative factor in a year; the base year (and earlier) is 1. */
export function at(f: YearlyFactor, year: number): Decimal {
  return f.values.get(year) ?? ONE;
}

export { Decimal };
