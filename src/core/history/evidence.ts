/**
 * How much of a province's look-back rests on its own published figures: the spending of the
 * look-back split by what each cell rests on (see `HistoryBasis` in `estimate.ts`).
 *
 *   waargenomen_p = Σ cells that are published figures, or lie in a year whose total is published
 *                   (those whose nature share of a wider programme was assumed are counted apart)
 *   eigen_niveau_p = Σ cells estimated at the province's own level (its figures of other years)
 *   landelijk_p    = Σ cells that are a national amount shared by a key
 *   aandeel_p      = waargenomen_p / Σ all cells
 *   uit_afspraken_p = Σ cells without anything of the province's own (`landelijk`) whose national
 *                     figure was inferred from the agreements
 *
 * Units: euros; shares are exact fractions.
 */
import { Decimal, ZERO, sum } from '../decimal.js';
import { PROVINCE_CODES, type ProvinceCode } from '../provinces.js';
import type { HistoryBasis, HistorySpending } from '../estimate.js';

export interface ProvinceEvidence {
  readonly provincie: ProvinceCode;
  readonly totaal: Decimal;
  readonly perGrondslag: Readonly<Record<HistoryBasis, Decimal>>;
  /** Observed (published cell or published year total, with its scope as published or derived) as a share of the total. */
  readonly waargenomenAandeel: Decimal;
  /** Observed in a wider programme whose nature share was assumed, as a share of the total. */
  readonly afbakeningAangenomenAandeel: Decimal;
  /** Estimated cells whose national figure was inferred from the agreements, as a share of the total. */
  readonly afsprakenAandeel: Decimal;
  /** Years with at least one published figure (a task or the year's total). */
  readonly jarenMetCijfers: readonly number[];
}

const BASES: readonly HistoryBasis[] = ['waargenomen', 'totaal_waargenomen', 'eigen_niveau', 'landelijk'];

export function historyEvidence(cells: readonly HistorySpending[]): ProvinceEvidence[] {
  return PROVINCE_CODES.map((p) => {
    const mine = cells.filter((c) => c.provincie === p);
    const total = sum(mine.map((c) => c.waarde));
    const per = Object.fromEntries(BASES.map((b) => [b, sum(mine.filter((c) => c.grondslag === b).map((c) => c.waarde))])) as Record<HistoryBasis, Decimal>;
    const isObserved = (c: HistorySpending) => c.grondslag === 'waargenomen' || c.grondslag === 'totaal_waargenomen';
    const assumedScope = sum(mine.filter((c) => isObserved(c) && c.observatieStatus === 'schatting').map((c) => c.waarde));
    const observed = per.waargenomen.plus(per.totaal_waargenomen).minus(assumedScope);
    // Only cells with nothing of the province's own: where a published figure or level stands behind a
    // cell, the agreements only split it over the tasks.
    const afspraken = sum(mine.filter((c) => c.uitAfspraken && c.grondslag === 'landelijk').map((c) => c.waarde));
    const years = [...new Set(mine.filter((c) => c.grondslag === 'waargenomen' || c.grondslag === 'totaal_waargenomen').map((c) => c.jaar))].sort((a, b) => a - b);
    return {
      provincie: p,
      totaal: total,
      perGrondslag: per,
      waargenomenAandeel: total.isZero() ? ZERO : observed.dividedBy(total),
      afbakeningAangenomenAandeel: total.isZero() ? ZERO : assumedScope.dividedBy(total),
      afsprakenAandeel: total.isZero() ? ZERO : afspraken.dividedBy(total),
      jarenMetCijfers: years,
    };
  });
}
