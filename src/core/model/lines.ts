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
