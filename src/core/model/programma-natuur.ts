/**
 * The Programma Natuur schedule (a SPUK): national amount per year.
 *
 *   fase 1: its total spread evenly over its years (600 mln over 2021-2023 = 200 per year)
 *   fase 2: its total spread evenly over its years (1,3 mld over 2024-2032)
 *   after the last phase: 0, unless the development `programma_natuur_verlengd` continues it
 *
 * From `natuurpact.csv` (onderdeel `programma_natuur.fase1`, `programma_natuur.fase2`, NL).
 * Rounding: none.
 */
import type { AgreementFact, Dataset } from '../dataset.js';
import { Decimal, ZERO } from '../decimal.js';
import { UserError } from '../errors.js';
import { formatMlnText } from '../format.js';

export const PROGRAMMA_NATUUR_PHASES = ['programma_natuur.fase1', 'programma_natuur.fase2'] as const;

export interface Schedule {
  amount(year: number): Decimal;
  explain(year: number): string;
  readonly lastYear: number;
  readonly bron: readonly string[];
}

export function programmaNatuurSchedule(data: Dataset): Schedule {
  const phases: AgreementFact[] = PROGRAMMA_NATUUR_PHASES.map((name) => {
    const row = data.natuurpact.find((r) => r.onderdeel === name && r.provincie === 'NL');
    if (!row) throw new UserError({ message: `natuurpact.csv: onderdeel '${name}' (NL) ontbreekt` });
    return row;
  });
  const perYear = (r: AgreementFact) => (r.grondslag === 'totaal' ? r.waarde.dividedBy(r.tot - r.van + 1) : r.waarde);
  const phaseOf = (y: number) => phases.find((r) => r.van <= y && y <= r.tot);
  const mln = (d: Decimal) => formatMlnText(d);
  return {
    amount: (y) => {
      const p = phaseOf(y);
      return p ? perYear(p) : ZERO;
    },
    explain: (y) => {
      const p = phaseOf(y);
      return p ? `${p.onderdeel} ${mln(p.waarde)} over ${p.van}-${p.tot}: ${mln(perYear(p))} per jaar` : `Programma Natuur loopt in ${y} niet`;
    },
    lastYear: Math.max(...phases.map((p) => p.tot)),
    bron: [...new Set(phases.flatMap((p) => p.bron))],
  };
}
