/**
 * Hard bounds and plausible ranges of the explorer's inputs: the one place the page asks for them.
 *
 * A value outside the hard bounds is an error beside the input and the page does not calculate
 * with it; a value outside the plausible range is a warning, and the page calculates.
 *
 * Where they come from today (nothing else declares bounds yet):
 * - years: the range the scenario schema accepts (`startjaar`, `macro.startjaar_bbp`: the first
 *   projection year to {@link MAX_LAST_YEAR});
 * - projections of a macro series (`projectie.<reeks>`): a plausible range only, the lowest and
 *   highest yearly value of that series in `macro.csv` (every publication, realisations and
 *   forecasts), or for `grondprijs` the yearly changes of `grondprijs_landbouw` in
 *   `kostendrivers.csv`;
 * - everything else: none.
 *
 * HOOK: when parameters declare their own unit, hard bounds and plausible range (the hardening and
 * status-quo work: on `ParameterValue` in `core/model/developments.ts` and as columns of
 * `aannames.csv`), return those here first; the page, its tests and the exported scenario need no
 * other change. The derived ranges below are then only a fallback.
 */
import type { Dataset } from '../core/dataset.js';
import { Decimal } from '../core/decimal.js';
import { HISTORY_LAST_YEAR } from '../core/estimate.js';
import { LAND_PRICE_DRIVER } from '../core/indexation/kostenindex.js';
import { MAX_LAST_YEAR } from '../core/model/plan.js';

export interface Range {
  readonly min?: Decimal;
  readonly max?: Decimal;
}

export interface Limits {
  /** Outside: an error; the page does not calculate. */
  readonly hard?: Range;
  /** Outside: a warning; the page calculates. */
  readonly plausibel?: Range;
  /** Dutch: where the bounds come from (shown beside the input). */
  readonly bron: string;
}

/** What an input is, as far as its bounds are concerned. */
export interface LimitSubject {
  /** `aanname` (aannames.csv), `ontwikkeling` (a development parameter) or `instelling` (a year or option of the scenario). */
  readonly soort: 'aanname' | 'ontwikkeling' | 'instelling';
  /** The assumption's name, `<development>.<parameter>`, or the scenario key (`startjaar`, `macro.startjaar_bbp`). */
  readonly naam: string;
  readonly eenheid: 'fractie' | 'EUR' | 'jaar';
}

export const NO_LIMITS: Limits = { bron: 'geen grenzen vastgelegd' };

const SCENARIO_YEARS: Limits = {
  hard: { min: new Decimal(HISTORY_LAST_YEAR + 1), max: new Decimal(MAX_LAST_YEAR) },
  bron: `jaartal in de vooruitblik (${HISTORY_LAST_YEAR + 1}-${MAX_LAST_YEAR}), zoals in scenariobestanden`,
};

/** Lowest and highest of a list of values. */
function span(values: readonly Decimal[]): Range | undefined {
  if (values.length === 0) return undefined;
  return { min: Decimal.min(...values), max: Decimal.max(...values) };
}

/** The yearly changes of the land price (NL) where two consecutive years are published. */
function landPriceChanges(data: Dataset): { values: Decimal[]; years: number[] } {
  const level = new Map(data.kostendrivers.filter((d) => d.driver === LAND_PRICE_DRIVER && d.provincie === 'NL').map((d) => [d.jaar, d.waarde] as const));
  const years = [...level.keys()].filter((y) => level.has(y - 1)).sort((a, b) => a - b);
  return { values: years.map((y) => level.get(y)!.dividedBy(level.get(y - 1)!).minus(1)), years };
}

function observedRange(data: Dataset, reeks: string): Limits | undefined {
  const observed =
    reeks === 'grondprijs'
      ? landPriceChanges(data)
      : (() => {
          const rows = data.macro.filter((m) => m.reeks === reeks);
          return { values: rows.map((m) => m.waarde), years: rows.map((m) => m.jaar) };
        })();
  const range = span(observed.values);
  if (!range) return undefined;
  const from = Math.min(...observed.years);
  const to = Math.max(...observed.years);
  const file = reeks === 'grondprijs' ? `${LAND_PRICE_DRIVER} in kostendrivers.csv` : `${reeks} in macro.csv`;
  return { plausibel: range, bron: `plausibel: het bereik van ${file} (${from}-${to}, alle publicaties)` };
}

/**
 * The bounds of one input.
 *
 * @example
 *   inputLimits({ soort: 'aanname', naam: 'projectie.cpi', eenheid: 'fractie' }, data).plausibel
 */
export function inputLimits(subject: LimitSubject, data: Dataset): Limits {
  if (subject.eenheid === 'jaar' && subject.soort === 'instelling') return SCENARIO_YEARS;
  if (subject.soort === 'aanname' && subject.naam.startsWith('projectie.')) return observedRange(data, subject.naam.slice('projectie.'.length)) ?? NO_LIMITS;
  return NO_LIMITS;
}

/** Whether a value lies within a range (bounds inclusive). */
export function within(range: Range | undefined, value: Decimal): boolean {
  if (!range) return true;
  return !(range.min !== undefined && value.lessThan(range.min)) && !(range.max !== undefined && value.greaterThan(range.max));
}
