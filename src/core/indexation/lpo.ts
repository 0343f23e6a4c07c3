/**
 * Loon- en prijsbijstelling (lpo): the Rijk's way of indexing budgets, as a weighted wage and price
 * rate.
 *
 *   f_t = 1 + w_loon × loon_t + w_prijs × prijs_t,   w_loon + w_prijs = 1
 *
 * loon_t = `contractloon` (CPB, market sector) and prijs_t = `cpi`: the Rijk uses the public-sector
 * wage rate and the price of government consumption (imoc), which are not in the shipped data; a
 * user can lay them over with --data and name them in the options. Weights are the assumptions
 * `lpo.gewicht_loon` and `lpo.gewicht_prijs`, or user values. Rounding: none.
 */
import { ONE } from '../decimal.js';
import { describeInput, macroValue, type IndexData } from './series.js';
import type { IndexFactor, IndexOptions } from './types.js';
import { weights } from './weights.js';

export const LPO_SERIES = { loon: 'contractloon', prijs: 'cpi' } as const;

export function lpoFactor(year: number, data: IndexData, options: IndexOptions = {}): IndexFactor {
  const w = weights(data, 'lpo', ['loon', 'prijs'], options.gewichten, year);
  const loon = macroValue(data, LPO_SERIES.loon, year, options);
  const prijs = macroValue(data, LPO_SERIES.prijs, year, options);
  const factor = ONE.plus(w.values.loon!.times(loon.waarde)).plus(w.values.prijs!.times(prijs.waarde));
  return {
    year,
    factor,
    parts: { loon: loon.waarde, prijs: prijs.waarde },
    inputs: [loon, prijs, ...w.inputs],
    explanation:
      `factor = 1 + ${w.values.loon!.toString()} × loon + ${w.values.prijs!.toString()} × prijs; ` +
      `loon: ${describeInput(loon)}; prijs: ${describeInput(prijs)}`,
  };
}
