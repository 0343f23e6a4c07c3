/**
 * Dutch number formatting for what people read: `1.234.567,89`. Rounding to the shown number of
 * decimals is ROUND_HALF_EVEN (the engine's rule) and happens only here, at display.
 *
 * @example
 *   formatNumberNl(dec('1234567.891'), 2) // '1.234.567,89'
 */
import { Decimal, type Decimal as DecimalType } from './decimal.js';

export function formatNumberNl(value: DecimalType, decimals: number): string {
  const fixed = value.toDecimalPlaces(decimals, Decimal.ROUND_HALF_EVEN).toFixed(decimals);
  const negative = fixed.startsWith('-');
  const [intPart, fracPart] = (negative ? fixed.slice(1) : fixed).split('.') as [string, string | undefined];
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const body = fracPart ? `${grouped},${fracPart}` : grouped;
  return negative && !/^[0.,]+$/.test(body) ? `-${body}` : body;
}

/** An amount in euros shown in millions: `346,0`. */
export function formatMillions(euros: DecimalType, decimals = 1): string {
  return formatNumberNl(euros.dividedBy(1_000_000), decimals);
}

/** Euros shown as millions with a unit, for explanations: `346,000 mln`. */
export function formatMlnText(euros: DecimalType, decimals = 3): string {
  return `${formatNumberNl(euros.dividedBy(1_000_000), decimals)} mln`;
}

/** A fraction as a percentage to a number of significant digits: `2,41%`. */
export function formatPercentNl(fraction: DecimalType, significant = 6): string {
  return `${fraction.times(100).toSignificantDigits(significant).toString().replace('.', ',')}%`;
}

/** A factor or share to a number of significant digits, in Dutch notation: `1,057921125`. */
export function formatSignificantNl(value: DecimalType, significant: number): string {
  return value.toSignificantDigits(significant).toString().replace('.', ',');
}
