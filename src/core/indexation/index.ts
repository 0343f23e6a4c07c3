/**
 * Indexation rules by name, and the cumulative index they make.
 *
 *   index_{from} = 100,   index_t = index_{t-1} × f_t   (t = from+1 .. to)
 *
 * The factor of the base year itself is not used: the base year is the reference. Rounding: none.
 *
 * @example
 *   indexFactors('bbp', { van: 2024, tot: 2030 }, data) // [{ year: 2024, factor, parts, explanation }, ...]
 *   cumulativeIndex(indexFactors('kostenindex', { van: 2015, tot: 2030 }, data), 2014)
 */
import { Decimal, dec } from '../decimal.js';
import { UserError } from '../errors.js';
import { bbpFactor } from './bbp.js';
import { kostenindexFactor } from './kostenindex.js';
import { lpoFactor } from './lpo.js';
import type { IndexData } from './series.js';
import { cpiFactor, nominaalFactor, reeksFactor } from './simple.js';
import type { IndexFactor, IndexOptions } from './types.js';

export const RULES = ['bbp', 'lpo', 'kostenindex', 'cpi', 'nominaal', 'reeks'] as const;
export type RuleName = (typeof RULES)[number];

export function isRuleName(name: string): name is RuleName {
  return (RULES as readonly string[]).includes(name);
}

/** The factor of one rule for one year. */
export function indexFactor(rule: RuleName, year: number, data: IndexData, options: IndexOptions = {}): IndexFactor {
  switch (rule) {
    case 'bbp':
      return bbpFactor(year, data, options);
    case 'lpo':
      return lpoFactor(year, data, options);
    case 'kostenindex':
      return kostenindexFactor(year, data, options);
    case 'cpi':
      return cpiFactor(year, data, options);
    case 'nominaal':
      return nominaalFactor(year);
    case 'reeks':
      return reeksFactor(year, options);
  }
}

export interface PeriodOptions extends IndexOptions {
  /** First year with a factor. */
  readonly van: number;
  /** Last year with a factor. */
  readonly tot: number;
}

/** Factors of one rule for every year from `van` to `tot` inclusive. */
export function indexFactors(rule: RuleName, options: PeriodOptions, data: IndexData): IndexFactor[] {
  const { van, tot } = options;
  if (!Number.isInteger(van) || !Number.isInteger(tot)) throw new UserError({ message: `periode ${van}-${tot}: verwacht hele jaartallen` });
  if (tot < van) throw new UserError({ message: `periode ${van}-${tot}: het eindjaar ligt voor het beginjaar` });
  const out: IndexFactor[] = [];
  for (let y = van; y <= tot; y++) out.push(indexFactor(rule, y, data, options));
  return out;
}

export interface IndexPoint {
  readonly year: number;
  readonly index: Decimal;
}

/** Chains factors into an index with `base` = 100; factors must start the year after `base`. */
export function cumulativeIndex(factors: readonly IndexFactor[], base: number, level: Decimal = dec(100)): IndexPoint[] {
  const out: IndexPoint[] = [{ year: base, index: level }];
  let current = level;
  let expected = base + 1;
  for (const f of factors) {
    if (f.year !== expected) throw new RangeError(`factor voor ${f.year}, verwacht ${expected}`);
    current = current.times(f.factor);
    out.push({ year: f.year, index: current });
    expected++;
  }
  return out;
}
