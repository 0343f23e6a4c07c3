/**
 * The Programma Natuur schedule (a SPUK): national amount per year, as provincial baten.
 *
 *   fase 1: its total spread evenly over its years (600 mln over 2021-2023 = 200 per year)
 *   fase 2: its total spread evenly over its years (1,3 mld over 2024-2032: the measures must be
 *           carried out by 2032)
 *   after the last phase: 0, unless the development `programma_natuur_verlengd` continues it
 *
 * Baten follow spending, not payments: a SPUK paid in advance stays on the province's balance sheet
 * (vooruitontvangen, BBV) until it is spent, so a tranche paid in one year (fase 2: 428 mln in 2024)
 * is income in the years it pays for. The published tranches and the programme total are carried
 * for the explanation: the part of the total without a published allocation to provinces
 * (`programma_natuur.totaal` − the phases) is not counted as provincial income.
 *
 * From `natuurpact.csv` (onderdeel `programma_natuur.fase1`, `programma_natuur.fase2`, NL; optional
 * `programma_natuur.totaal` and `programma_natuur.<fase>.<tranche>` rows). Rounding: none.
 */
import type { AgreementFact, Dataset } from '../dataset.js';
import { Decimal, ZERO, sum } from '../decimal.js';
import { UserError } from '../errors.js';
import { formatMlnText } from '../format.js';

export const PROGRAMMA_NATUUR_PHASES = ['programma_natuur.fase1', 'programma_natuur.fase2'] as const;
export const PROGRAMMA_NATUUR_TOTAL = 'programma_natuur.totaal';

export interface Schedule {
  amount(year: number): Decimal;
  explain(year: number): string;
  readonly lastYear: number;
  readonly bron: readonly string[];
  /** Published payments (tranches) of the phases, NL: kas, not baten. */
  readonly tranches: readonly AgreementFact[];
  /** The programme total less the phases allocated to provinces (0 without a published total). */
  readonly unallocated: Decimal;
}

export function programmaNatuurSchedule(data: Dataset): Schedule {
  const phases: AgreementFact[] = PROGRAMMA_NATUUR_PHASES.map((name) => {
    const row = data.natuurpact.find((r) => r.onderdeel === name && r.provincie === 'NL');
    if (!row) throw new UserError({ message: `natuurpact.csv: onderdeel '${name}' (NL) ontbreekt` });
    return row;
  });
  const nl = data.natuurpact.filter((r) => r.provincie === 'NL');
  const tranches = nl.filter((r) => PROGRAMMA_NATUUR_PHASES.some((p) => r.onderdeel.startsWith(`${p}.`)) && r.onderdeel.includes('tranche'));
  const total = nl.find((r) => r.onderdeel === PROGRAMMA_NATUUR_TOTAL);
  const allocated = sum(phases.map((p) => p.waarde));
  const unallocated = total ? Decimal.max(ZERO, total.waarde.minus(allocated)) : ZERO;
  const perYear = (r: AgreementFact) => (r.grondslag === 'totaal' ? r.waarde.dividedBy(r.tot - r.van + 1) : r.waarde);
  const phaseOf = (y: number) => phases.find((r) => r.van <= y && y <= r.tot);
  const mln = (d: Decimal) => formatMlnText(d);
  const kas = (p: AgreementFact) => {
    const own = tranches.filter((t) => t.onderdeel.startsWith(`${p.onderdeel}.`));
    return own.length === 0
      ? ''
      : `; uitbetaald (kas): ${own.map((t) => `${t.onderdeel.slice(p.onderdeel.length + 1).replace(/_/g, ' ')} ${mln(t.waarde)} in ${t.van === t.tot ? t.van : `${t.van}-${t.tot}`}`).join(', ')}, als baten naar besteding (vooruitontvangen tot besteding, BBV)`;
  };
  const rest = total
    ? `; programmatotaal ${mln(total.waarde)} (${total.van}-${total.tot}), waarvan ${mln(unallocated)} zonder gepubliceerde toekenning aan provincies: niet als provinciale inkomsten meegeteld`
    : '';
  return {
    amount: (y) => {
      const p = phaseOf(y);
      return p ? perYear(p) : ZERO;
    },
    explain: (y) => {
      const p = phaseOf(y);
      return p ? `${p.onderdeel} ${mln(p.waarde)} over ${p.van}-${p.tot}: ${mln(perYear(p))} per jaar${kas(p)}${rest}` : `Programma Natuur loopt in ${y} niet${rest}`;
    },
    lastYear: Math.max(...phases.map((p) => p.tot)),
    bron: [...new Set([...phases.flatMap((p) => p.bron), ...tranches.flatMap((t) => t.bron), ...(total?.bron ?? [])])],
    tranches,
    unallocated,
  };
}
