/**
 * The lines (posts) of the result table, per province and year.
 *
 * - `kosten.<taak>` for the seven tasks, and `kosten.totaal` = their sum;
 * - `inkomsten.<stroom>` for the external streams, and `inkomsten.totaal` = their sum (Rijk + EU);
 * - `tekort` = `kosten.totaal` − `inkomsten.totaal`: what the provinces pay themselves or leave undone
 *   (own money is this one concept, not a separate line);
 * - `tekort.waarvan_eigen_bijdrage`: the part of the gap that is the provinces' agreed contribution
 *   (Natuurpact 2013: 65 mln a year), min(afspraak, max(tekort, 0)) per province; NL = sum;
 * - `tekort.cumulatief` from the first year of the run; `dekkingsgraad` = `inkomsten.totaal` /
 *   `kosten.totaal` (a ratio, not euros).
 *
 * NL is the sum of the twelve provinces for every additive line; its ratio is recomputed from sums.
 *
 * Fund lines (`fonds.*`) are national only: the Provinciefonds ledger (`provinciefonds.ts`) is kept
 * for the country, so they exist for NL and not for a province, and they are not part of any sum:
 * - `fonds.algemene_uitkering`: the AU with the accres reserved for it (the ledger's AU_t);
 * - `fonds.natuurdeel`: the nature part of the AU (N_t);
 * - `fonds.accres`: the accres of the year (its growth from indexation);
 * - `fonds.mutaties`: the change of the non-accres mutations in the year.
 */
import { COST_TASKS, type CostTask } from '../dataset.js';

export { COST_TASKS, type CostTask };

/** External income streams of the model (Rijk and EU). */
export const INCOME_STREAMS = ['natuurpact', 'programma_natuur', 'overig_rijk', 'eu'] as const;
export type IncomeStream = (typeof INCOME_STREAMS)[number];

export const COST_LINES = COST_TASKS.map((t) => `kosten.${t}` as const);
export const INCOME_LINES = INCOME_STREAMS.map((s) => `inkomsten.${s}` as const);

export const LINES = [
  ...COST_LINES,
  'kosten.totaal',
  ...INCOME_LINES,
  'inkomsten.totaal',
  'tekort',
  'tekort.waarvan_eigen_bijdrage',
  'tekort.cumulatief',
  'dekkingsgraad',
] as const;
export type Line = (typeof LINES)[number];

/** Lines that add up over provinces (all but the ratio). */
export const ADDITIVE_LINES: readonly Line[] = LINES.filter((l) => l !== 'dekkingsgraad');

/** National fund lines of the Provinciefonds ledger (NL only). */
export const FUND_LINES = ['fonds.algemene_uitkering', 'fonds.natuurdeel', 'fonds.accres', 'fonds.mutaties'] as const;
export type FundLine = (typeof FUND_LINES)[number];

/** Every line of the result table: the lines of every region, then the national fund lines. */
export type ResultLine = Line | FundLine;
export const RESULT_LINES: readonly ResultLine[] = [...LINES, ...FUND_LINES];

export function isFundLine(l: string): l is FundLine {
  return (FUND_LINES as readonly string[]).includes(l);
}
