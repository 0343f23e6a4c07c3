/**
 * The published totals that `natuurpact data aansluiting` reconciles with, in display order. Each
 * source is an object with an id (the key of `aansluiting.csv`), a Dutch description, a year and
 * three functions of the dataset: the published figure, the model's figure and the explained parts
 * (see `reconciliation.ts`). Append a source here; then run the command, check the difference and
 * record it with its reason in `data/aansluiting.csv` (a test fails until it is recorded).
 *
 * For example, a spending total (a sketch; the model figure is the completed look-back):
 *
 *   {
 *     id: 'cbs84322.beheer_flora_fauna.2022',
 *     groep: 'Uitgaven',
 *     omschrijving: 'CBS 84322NED, Beheer flora en fauna, lasten 2022, NL',
 *     jaar: 2022,
 *     published: ({ data }) => ...the row of uitgaven.csv (or a new file) with its status and bron...,
 *     model: (ctx) => ctx.memo('historie', () => completeHistory(ctx.data)) ...sum of the tasks it covers...,
 *     verklaard: () => [...components the model does not carry, each with its source...],
 *   }
 */
import type { Dataset } from './dataset.js';
import { spendingReconciliationSources } from './history/reconciliation.js';
import { FUND_RECONCILIATION_SOURCES } from './provinciefonds-reconciliation.js';
import type { ReconciliationSource } from './reconciliation.js';

/** The sources that do not depend on the dataset's rows (the Provinciefonds stands). */
export const RECONCILIATION_SOURCES: readonly ReconciliationSource[] = [...FUND_RECONCILIATION_SOURCES];

/**
 * Every source for a dataset: the fund stands, then the look-back's published spending and income
 * (built from the dataset's rows, so a user's own lines are reconciled too).
 */
export function reconciliationSources(data: Dataset): ReconciliationSource[] {
  return [...RECONCILIATION_SOURCES, ...spendingReconciliationSources(data)];
}
