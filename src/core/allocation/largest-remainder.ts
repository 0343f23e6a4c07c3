/**
 * Allocating a national amount over provinces in whole euros that add up exactly (the largest
 * remainder method, also called Hamilton's method).
 *
 *   exact_p = A × s_p          (A: national amount in whole euros, s_p: shares summing to 1)
 *   floor_p = ⌊exact_p⌋
 *   the R = A − Σ floor_p remaining euros go, one each, to the provinces with the largest
 *   fractional parts exact_p − floor_p; ties go to the earlier province in CBS order.
 *
 * Negative amounts are allocated as the negation of the allocation of |A|. Throws a UserError when
 * the shares do not sum to 1 (within 1e-9, as keys are validated at load) or a share is negative.
 *
 * @example
 *   allocateWholeEuros(dec(100), [dec('0.5'), dec('0.25'), dec('0.25')]) // [50, 25, 25]
 */
import { Decimal, ONE, ZERO, sum } from '../decimal.js';
import { UserError } from '../errors.js';

export const SHARE_TOLERANCE = new Decimal('1e-9');

export function allocateWholeEuros(amount: Decimal, shares: readonly Decimal[]): Decimal[] {
  if (!Decimal.isDecimal(amount) || !amount.isFinite()) throw new UserError({ message: `allocateWholeEuros: verwacht een eindig bedrag, gevonden ${String(amount)}` });
  if (!Array.isArray(shares) || !shares.every((s) => Decimal.isDecimal(s) && s.isFinite())) throw new UserError({ message: 'allocateWholeEuros: verwacht een lijst van eindige aandelen (Decimal)' });
  const total = sum(shares);
  if (total.minus(ONE).abs().greaterThan(SHARE_TOLERANCE)) throw new UserError({ message: `allocateWholeEuros: aandelen tellen op tot ${total.toString()}, verwacht 1` });
  if (shares.some((s) => s.isNegative())) throw new UserError({ message: 'allocateWholeEuros: een aandeel is negatief' });
  if (amount.isNegative()) return allocateWholeEuros(amount.negated(), shares).map((x) => x.negated());
  const whole = amount.toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN);
  // Normalise so that rounding of the shares' own sum cannot create or lose a euro.
  const exact = shares.map((s) => whole.times(s).dividedBy(total));
  const floors = exact.map((e) => e.floor());
  let remaining = whole.minus(sum(floors)).toNumber();
  const order = exact
    .map((e, i) => ({ i, frac: e.minus(floors[i]!) }))
    .sort((a, b) => b.frac.comparedTo(a.frac) || a.i - b.i);
  const out = [...floors];
  for (const { i } of order) {
    if (remaining <= 0) break;
    out[i] = out[i]!.plus(ONE);
    remaining--;
  }
  return out.map((x) => (x.isZero() ? ZERO : x));
}
