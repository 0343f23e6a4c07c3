/**
 * Own money, one concept: the gap (`tekort`) is what the provinces pay themselves or leave undone.
 * The contribution they agreed to pay from own means (Natuurpact 2013: 65 mln a year, Kamerstuk
 * 33576 nr. 160) is not a second number beside it but a part of it:
 *
 *   waarvan_eigen_bijdrage_{p,t} = min(afspraak_{p,t}, max(tekort_{p,t}, 0))
 *   boven de afspraak_{p,t}      = tekort_{p,t} − waarvan_eigen_bijdrage_{p,t}
 *
 * per province; NL is the sum over the provinces (a province with a surplus pays nothing of its
 * agreed part, and that does not lower another province's part). A part can never exceed the
 * gap it is part of. Amounts are whole cents in, whole cents out (no rounding here).
 *
 * @example
 *   ownContributionPart(dec(200e6), dec(65e6)) // 65e6: the agreed part of a gap of 200 mln
 *   ownContributionPart(dec(30e6), dec(65e6))  // 30e6: the gap is smaller than the agreement
 */
import { Decimal, ZERO } from '../decimal.js';

export function ownContributionPart(gap: Decimal, agreed: Decimal): Decimal {
  return Decimal.min(Decimal.max(agreed, ZERO), Decimal.max(gap, ZERO));
}
