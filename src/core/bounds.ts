/**
 * What a parameter allows: its unit, its hard bounds and its plausible range, declared where the
 * parameter itself is declared (after ParamTools' validators, which have a `warn` level beside
 * `error`), so that validation, the report and an explorer all read one source.
 *
 *   value outside the hard bounds       → error: the value means nothing (a share of 140%, a divisor
 *                                          of 0, a price that falls by more than 100%)
 *   value outside the plausible range   → warning: possible, but far from every published figure or
 *                                          from what the reasoning allows; `valideer` and the report
 *                                          say so
 *
 * Bounds are in the engine's base unit: fractions (0.025 = 2,5%), euros, years. Every declaration
 * says where its bounds come from (`bron.hard`, `bron.plausibel`): a published range, or the reasoning.
 *
 * @example
 *   const b = fraction({ min: '0', max: '1' }, { min: '0.1', max: '0.9' }, { hard: 'een aandeel', plausibel: 'redenering' });
 *   checkBounds(share, dec('1.4'))?.niveau // 'fout'
 */
import { Decimal } from './decimal.js';
import { formatNumberNl } from './format.js';

/** Base units of parameters: a fraction (written as a percentage), euros (written in mln or mld), a year, or a plain number. */
export type BoundUnit = 'fractie' | 'EUR' | 'jaar' | 'ha' | 'EUR/ha' | 'aantal' | 'index';

export interface Range {
  readonly min?: Decimal;
  readonly max?: Decimal;
  /** The minimum itself is excluded (a divisor: greater than 0). */
  readonly minOpen?: boolean;
  readonly maxOpen?: boolean;
}

export interface Bounds {
  readonly eenheid: BoundUnit;
  /**
   * For a fraction: a bare number (`0.6`) is read as the fraction itself. Only for weights, which are
   * written that way by convention; every other fraction is written as a percentage (`2,5%`), and a
   * bare `2,5` is an error, never 250%.
   */
  readonly kaal?: boolean;
  readonly hard: Range;
  readonly plausibel: Range;
  /** Dutch: where the bounds come from (a published range, or the reasoning), for each kind. */
  readonly bron: Bron;
}

export interface Bron {
  readonly hard: string;
  readonly plausibel: string;
}

export interface BoundFinding {
  readonly niveau: 'fout' | 'waarschuwing';
  /** Dutch, without the parameter's name: `120% ligt buiten ...`. */
  readonly melding: string;
}

/** Larger than any amount or rate this model can mean: ten times the Dutch GDP (1.033 mld in 2023, macro.csv), in euros. */
export const MAX_MAGNITUDE = new Decimal('1e13');

type RangeText = { readonly min?: string; readonly max?: string; readonly minOpen?: boolean; readonly maxOpen?: boolean };

function range(r: RangeText): Range {
  return {
    ...(r.min !== undefined ? { min: new Decimal(r.min) } : {}),
    ...(r.max !== undefined ? { max: new Decimal(r.max) } : {}),
    ...(r.minOpen ? { minOpen: true } : {}),
    ...(r.maxOpen ? { maxOpen: true } : {}),
  };
}

/** Bounds of a fraction (a rate, share or weight), given as fractions in text: `{ min: '0', max: '1' }`. */
export function fraction(hard: RangeText, plausibel: RangeText, bron: Bron, options: { kaal?: boolean } = {}): Bounds {
  return { eenheid: 'fractie', hard: range(hard), plausibel: range(plausibel), bron, ...(options.kaal ? { kaal: true } : {}) };
}

/** Bounds of an amount in euros, given in millions of euros in text: `{ min: '0', max: '10000' }`. */
export function amount(hard: RangeText, plausibel: RangeText, bron: Bron): Bounds {
  const mln = (r: RangeText): RangeText => ({
    ...r,
    ...(r.min !== undefined ? { min: new Decimal(r.min).times(1e6).toString() } : {}),
    ...(r.max !== undefined ? { max: new Decimal(r.max).times(1e6).toString() } : {}),
  });
  return { eenheid: 'EUR', hard: range(mln(hard)), plausibel: range(mln(plausibel)), bron };
}

/** Bounds of a calendar year. */
export function year(hard: { min: number; max: number }, plausibel: { min: number; max: number }, bron: Bron): Bounds {
  return { eenheid: 'jaar', hard: range({ min: String(hard.min), max: String(hard.max) }), plausibel: range({ min: String(plausibel.min), max: String(plausibel.max) }), bron };
}

/**
 * A yearly growth rate (a price, wage or volume change). Hard: more than -100% (a factor of zero or
 * less means nothing) and at most +100% (a doubling within one year). The plausible range is the
 * parameter's own.
 */
export function growthRate(plausibel: RangeText, bron: string): Bounds {
  return fraction({ min: '-1', minOpen: true, max: '1' }, plausibel, { hard: 'een jaarlijkse mutatie van meer dan -100% en ten hoogste +100%', plausibel: bron });
}

/** A share of something (a key share, the provinces' part of a cost): 0% to 100% by definition. */
export function share(plausibel: RangeText, bron: string, options: { kaal?: boolean } = {}): Bounds {
  return fraction({ min: '0', max: '1' }, plausibel, { hard: 'een aandeel ligt tussen 0% en 100%', plausibel: bron }, options);
}

/** Bounds for a value whose parameter declares none: only what its unit allows. */
export function unitBounds(eenheid: BoundUnit): Bounds {
  switch (eenheid) {
    case 'fractie':
      return fraction({ min: '-1', max: '10' }, {}, { hard: 'een fractie zonder eigen grenzen', plausibel: '' });
    case 'EUR':
      return { eenheid, hard: { min: MAX_MAGNITUDE.negated(), max: MAX_MAGNITUDE }, plausibel: {}, bron: { hard: 'de grootte die het model aankan: tienmaal het bbp', plausibel: '' } };
    case 'jaar':
      return year({ min: 2000, max: 2060 }, { min: 2000, max: 2060 }, { hard: 'de jaren die de gegevens kennen', plausibel: '' });
    default:
      return { eenheid, hard: { min: new Decimal(0), max: MAX_MAGNITUDE }, plausibel: {}, bron: { hard: 'niet negatief', plausibel: '' } };
  }
}

function below(r: Range, v: Decimal): boolean {
  return r.min !== undefined && (r.minOpen ? v.lessThanOrEqualTo(r.min) : v.lessThan(r.min));
}
function above(r: Range, v: Decimal): boolean {
  return r.max !== undefined && (r.maxOpen ? v.greaterThanOrEqualTo(r.max) : v.greaterThan(r.max));
}

/** A value in the unit's reading form: `12,5%`, `200 mln`, `2026`. */
export function showValue(eenheid: BoundUnit, v: Decimal): string {
  if (!v.isFinite()) return v.toString();
  switch (eenheid) {
    case 'fractie': {
      const pct = v.times(100);
      return `${pct.isInteger() ? formatNumberNl(pct, 0) : pct.toSignificantDigits(8).toString().replace('.', ',')}%`;
    }
    case 'EUR': {
      const mln = v.dividedBy(1e6);
      return `${mln.isInteger() ? formatNumberNl(mln, 0) : mln.toSignificantDigits(8).toString().replace('.', ',')} mln`;
    }
    case 'jaar':
      return v.toString();
    default:
      return v.toString().replace('.', ',');
  }
}

/** Dutch: `van 0% tot en met 100%`, `groter dan 0% en ten hoogste 100%`, `ten minste 0 mln`. */
export function describeRange(eenheid: BoundUnit, r: Range): string {
  const lo = r.min !== undefined ? `${r.minOpen ? 'groter dan' : 'ten minste'} ${showValue(eenheid, r.min)}` : undefined;
  const hi = r.max !== undefined ? `${r.maxOpen ? 'kleiner dan' : 'ten hoogste'} ${showValue(eenheid, r.max)}` : undefined;
  if (lo && hi && !r.minOpen && !r.maxOpen) return `van ${showValue(eenheid, r.min!)} tot en met ${showValue(eenheid, r.max!)}`;
  return [lo, hi].filter(Boolean).join(' en ') || 'elke waarde';
}

/**
 * Checks one value against a parameter's bounds: an error outside the hard bounds (and for any value
 * that is not a finite number), a warning outside the plausible range, nothing otherwise.
 */
export function checkBounds(b: Bounds, value: Decimal): BoundFinding | undefined {
  if (!value.isFinite()) return { niveau: 'fout', melding: `${value.toString()} is geen eindig getal` };
  const shown = showValue(b.eenheid, value);
  if (below(b.hard, value) || above(b.hard, value)) {
    return { niveau: 'fout', melding: `${shown} kan niet: verwacht ${describeRange(b.eenheid, b.hard)} (${b.bron.hard})` };
  }
  if (below(b.plausibel, value) || above(b.plausibel, value)) {
    return { niveau: 'waarschuwing', melding: `${shown} ligt buiten het aannemelijke bereik, ${describeRange(b.eenheid, b.plausibel)} (${b.bron.plausibel})` };
  }
  return undefined;
}
