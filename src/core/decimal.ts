/**
 * Exact decimal arithmetic for money and rates.
 *
 * All amounts in the engine are `Decimal` values from a private decimal.js constructor, so no other
 * code in the process can change its settings. Precision is 40 significant digits, far beyond
 * any budget amount (EUR 10^12 with 10^-20 cent would still fit), so intermediate results are exact
 * for sums and products of published figures. Rounding happens only where a function says so, with
 * ROUND_HALF_EVEN (banker's rounding) unless stated otherwise.
 *
 * @example
 *   dec('0.1').plus(dec('0.2')).equals(dec('0.3')) // true
 */
import { Decimal as DecimalJs } from 'decimal.js';

export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -30,
  toExpPos: 40,
});
export type Decimal = InstanceType<typeof Decimal>;

/** A decimal from a string or an integer; floats are refused so that no binary rounding sneaks in. */
export function dec(value: string | Decimal | bigint | number): Decimal {
  if (typeof value === 'number' && !Number.isInteger(value)) {
    throw new TypeError(`dec(): niet-gehele float ${value} geweigerd; geef een string`);
  }
  return new Decimal(typeof value === 'bigint' ? value.toString() : value);
}

export const ZERO = dec(0);
export const ONE = dec(1);

/** Sum of decimals; the empty sum is 0. */
export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/**
 * Rounds an amount in euros to whole cents, ROUND_HALF_EVEN: the declared rounding point for every
 * estimated amount and every money cell of the model, so that sums, differences and decompositions
 * of cells are exact.
 */
export function cents(amount: Decimal): Decimal {
  return amount.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
}
