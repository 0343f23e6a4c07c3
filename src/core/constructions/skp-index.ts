/**
 * The indexation of a task-related construction (C6): the yearly update of the SNL standard costs
 * (standaardkostprijzen, SKP), not the model's own nature cost index.
 *
 *   f_t = 1 + skp_t                                   if the SKP update of year t is published
 *   f_t = 1 + w_loon × loon_t + w_prijs × cpi_t       otherwise (the SKP method's own inputs)
 *
 * - skp_t: `kostendrivers.csv`, driver `skp_actualisatie` (NL, %): the published average update of
 *   the standard costs for year t. No such figure was found for the shipped data; an analyst can add
 *   BIJ12's figures and they take precedence.
 * - loon_t: the CAO Bos en Natuur rise of year t (the SKP labour costs follow the raam-cao Bos en
 *   Natuur, BIJ12 / Portaal Natuur en Landschap); a year without a CAO figure uses `contractloon`.
 * - cpi_t: `cpi`, standing in for the machinery and materials prices that WENR sets each year (not
 *   published as a series in the sources found).
 * - w: the `lpo.gewicht_*` assumptions (no published labour share of the SKP was found).
 * No land price: standard costs are management costs. Rounding: none.
 */
import type { Dataset } from '../dataset.js';
import { ONE } from '../decimal.js';
import { natureWageRate } from '../indexation/kostenindex.js';
import { describeInput, macroValue } from '../indexation/series.js';
import type { IndexFactor, IndexOptions } from '../indexation/types.js';
import { weights } from '../indexation/weights.js';
import { formatPercentNl } from '../format.js';

export const SKP_DRIVER = 'skp_actualisatie';

export function skpFactor(year: number, data: Dataset, options: IndexOptions = {}): IndexFactor {
  const pct = formatPercentNl;
  const published = data.kostendrivers.find((d) => d.driver === SKP_DRIVER && d.provincie === 'NL' && d.jaar === year);
  if (published) {
    return {
      year,
      factor: ONE.plus(published.waarde),
      parts: { skp: published.waarde },
      inputs: [{ reeks: SKP_DRIVER, jaar: year, publicatie: 'kostendrivers.csv', waarde: published.waarde, status: published.status, bron: published.bron }],
      explanation: `gepubliceerde actualisatie van de standaardkostprijzen ${year}: ${pct(published.waarde)}`,
    };
  }
  const w = weights(data, 'lpo', ['loon', 'prijs'], options.gewichten, year);
  const loon = natureWageRate(data, year, options);
  const prijs = macroValue(data, 'cpi', year, options);
  return {
    year,
    factor: ONE.plus(w.values.loon!.times(loon.rate)).plus(w.values.prijs!.times(prijs.waarde)),
    parts: { loon: loon.rate, prijs: prijs.waarde },
    inputs: [...loon.inputs, prijs, ...w.inputs],
    explanation:
      `geen gepubliceerde SKP-actualisatie voor ${year}; volgens de SKP-methode: 1 + ${w.values.loon!.toString()} × loon (CAO Bos en Natuur) ${pct(loon.rate)} + ` +
      `${w.values.prijs!.toString()} × prijs ${pct(prijs.waarde)}; loon: ${loon.inputs.map((i) => describeInput(i)).join('; ')}; prijs: ${describeInput(prijs)}`,
  };
}
