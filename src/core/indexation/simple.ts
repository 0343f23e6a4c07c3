/**
 * The simple rules.
 *
 * - `nominaal`: f_t = 1 (amounts stay nominal; the default for a DU or SPUK, which is not indexed
 *   unless agreed).
 * - `cpi`: f_t = 1 + cpi_t (CBS consumer prices; see `series.ts` for vintages and projection).
 * - `reeks`: a user-given series: rates r_t give f_t = 1 + r_t; index levels L_t give
 *   f_t = L_t / L_{t-1}. A missing year is an error.
 *
 * Rounding: none.
 */
import { ONE } from '../decimal.js';
import { UserError } from '../errors.js';
import { describeInput, macroValue, type IndexData } from './series.js';
import type { IndexFactor, IndexOptions } from './types.js';

export function nominaalFactor(year: number): IndexFactor {
  return { year, factor: ONE, parts: {}, inputs: [], explanation: 'nominaal: factor 1 (geen indexatie)' };
}

export function cpiFactor(year: number, data: IndexData, options: IndexOptions = {}): IndexFactor {
  const cpi = macroValue(data, 'cpi', year, options);
  return { year, factor: ONE.plus(cpi.waarde), parts: { prijs: cpi.waarde }, inputs: [cpi], explanation: `factor = 1 + ${describeInput(cpi)}` };
}

export function reeksFactor(year: number, options: IndexOptions = {}): IndexFactor {
  const series = options.reeks;
  if (!series) throw new UserError({ message: "regel 'reeks' vraagt een eigen reeks (mutaties of indexniveaus per jaar)" });
  const value = series.waarden.get(year);
  const missing = (y: number) =>
    new UserError({ message: `eigen reeks '${series.naam}' heeft geen waarde voor ${y}` });
  if (value === undefined) throw missing(year);
  const input = { reeks: series.naam, jaar: year, publicatie: 'gebruiker', waarde: value, status: 'aanname' as const, bron: [] };
  if (series.soort === 'mutatie') {
    return { year, factor: ONE.plus(value), parts: { mutatie: value }, inputs: [input], explanation: `factor = 1 + ${describeInput(input)}` };
  }
  const previous = series.waarden.get(year - 1);
  if (previous === undefined) throw missing(year - 1);
  const prevInput = { ...input, jaar: year - 1, waarde: previous };
  const factor = value.dividedBy(previous);
  return {
    year,
    factor,
    parts: { mutatie: factor.minus(ONE) },
    inputs: [prevInput, input],
    explanation: `factor = indexniveau ${year} / ${year - 1} = ${value.toString()} / ${previous.toString()}`,
  };
}
