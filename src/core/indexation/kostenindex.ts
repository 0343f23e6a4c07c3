/**
 * The nature cost index: how the cost of nature tasks moves, as a fixed-weight composite of wages,
 * prices and land prices.
 *
 *   f_t = 1 + w_loon × loon_t + w_prijs × prijs_t + w_grond × grond_t,   weights sum to 1
 *
 * - loon_t: the CAO Bos en Natuur rises that took effect in year t, compounded:
 *   ∏(1 + r_i) − 1 (timing within the year ignored). A rise published as a range (4,3-7,0% mid-2023)
 *   counts at its midpoint (an assumption, shown in the explanation). A year without a CAO figure
 *   uses `contractloon` (CPB, market sector) instead, and says so.
 * - prijs_t: `cpi` (materials and services).
 * - grond_t: the average agricultural land price, P_t / P_{t-1} − 1 (`kostendrivers.csv`,
 *   `grondprijs_landbouw`, NL); after the last published year the assumption `projectie.grondprijs`.
 * Weights: the assumptions `kostenindex.gewicht_loon`, `..._prijs`, `..._grond`, or user values.
 * Rounding: none.
 */
import type { DriverFact } from '../dataset.js';
import { Decimal, ONE } from '../decimal.js';
import { UserError } from '../errors.js';
import { describeInput, macroValue, projection, type IndexData, type SeriesInput, type SeriesOptions } from './series.js';
import type { IndexFactor, IndexOptions } from './types.js';
import { weights } from './weights.js';
import { formatPercentNl } from '../format.js';

export const CAO_DRIVER = 'cao_bos_natuur';
export const LAND_PRICE_DRIVER = 'grondprijs_landbouw';

function driverInput(d: DriverFact, reeks: string, waarde: Decimal, toelichting?: string): SeriesInput {
  return { reeks, jaar: d.jaar, publicatie: 'kostendrivers.csv', waarde, status: d.status, bron: d.bron, ...(toelichting ? { toelichting } : {}) };
}

/** The CAO Bos en Natuur wage rise of a year, or the contract wage rate when none was published. */
export function natureWageRate(data: IndexData, year: number, options: SeriesOptions): { rate: Decimal; inputs: SeriesInput[] } {
  const rows = data.kostendrivers.filter((d) => d.provincie === 'NL' && d.jaar === year && (d.driver === CAO_DRIVER || d.driver.startsWith(`${CAO_DRIVER}.`)));
  if (rows.length === 0) {
    const fallback = macroValue(data, 'contractloon', year, options);
    return { rate: fallback.waarde, inputs: [{ ...fallback, toelichting: `geen CAO Bos en Natuur-stijging gepubliceerd voor ${year}; contractloon gebruikt${fallback.toelichting ? `; ${fallback.toelichting}` : ''}` }] };
  }
  const inputs: SeriesInput[] = [];
  let factor = ONE;
  const byDriver = new Map(rows.map((r) => [r.driver, r] as const));
  const low = byDriver.get(`${CAO_DRIVER}.jul_min`);
  const high = byDriver.get(`${CAO_DRIVER}.jul_max`);
  if ((low === undefined) !== (high === undefined)) {
    throw new UserError({ message: `${CAO_DRIVER} ${year}: een bandbreedte vraagt zowel .jul_min als .jul_max` });
  }
  if (low && high) {
    const mid = low.waarde.plus(high.waarde).dividedBy(2);
    factor = factor.times(ONE.plus(mid));
    inputs.push(driverInput(low, low.driver, low.waarde), driverInput(high, high.driver, high.waarde));
    inputs.push({ reeks: `${CAO_DRIVER}.jul`, jaar: year, publicatie: 'aanname', waarde: mid, status: 'aanname', bron: [], toelichting: 'bandbreedte geteld op het midden' });
  }
  for (const r of rows) {
    if (r === low || r === high) continue;
    factor = factor.times(ONE.plus(r.waarde));
    inputs.push(driverInput(r, r.driver, r.waarde));
  }
  return { rate: factor.minus(ONE), inputs };
}

/** The land price change of a year: P_t / P_{t-1} − 1, or its projection after the last year. */
export function landPriceRate(data: IndexData, year: number, options: SeriesOptions): { rate: Decimal; inputs: SeriesInput[] } {
  const rows = data.kostendrivers.filter((d) => d.driver === LAND_PRICE_DRIVER && d.provincie === 'NL');
  const at = (y: number) => rows.find((r) => r.jaar === y);
  const cur = at(year);
  const prev = at(year - 1);
  if (cur && prev) {
    const rate = cur.waarde.dividedBy(prev.waarde).minus(ONE);
    return { rate, inputs: [driverInput(prev, LAND_PRICE_DRIVER, prev.waarde), driverInput(cur, LAND_PRICE_DRIVER, cur.waarde)] };
  }
  const last = rows.length > 0 ? Math.max(...rows.map((r) => r.jaar)) : undefined;
  if (last !== undefined && year > last) {
    const p = projection(data, 'grondprijs', year, options, `grondprijs na het laatste gepubliceerde jaar ${last}`);
    return { rate: p.waarde, inputs: [p] };
  }
  throw new UserError({
    message: `${LAND_PRICE_DRIVER} (NL) ontbreekt voor ${cur ? year - 1 : year} in kostendrivers.csv; de grondprijsmutatie van ${year} vraagt ${year - 1} en ${year}`,
  });
}

export function kostenindexFactor(year: number, data: IndexData, options: IndexOptions = {}): IndexFactor {
  const w = weights(data, 'kostenindex', ['loon', 'prijs', 'grond'], options.gewichten, year);
  const loon = natureWageRate(data, year, options);
  const prijs = macroValue(data, 'cpi', year, options);
  const grond = landPriceRate(data, year, options);
  const factor = ONE.plus(w.values.loon!.times(loon.rate))
    .plus(w.values.prijs!.times(prijs.waarde))
    .plus(w.values.grond!.times(grond.rate));
  const pct = (d: Decimal) => formatPercentNl(d);
  return {
    year,
    factor,
    parts: { loon: loon.rate, prijs: prijs.waarde, grond: grond.rate },
    inputs: [...loon.inputs, prijs, ...grond.inputs, ...w.inputs],
    explanation:
      `factor = 1 + ${w.values.loon!.toString()} × loon ${pct(loon.rate)} + ${w.values.prijs!.toString()} × prijs ${pct(prijs.waarde)} + ` +
      `${w.values.grond!.toString()} × grond ${pct(grond.rate)}; loon: ${loon.inputs.map((i) => describeInput(i)).join('; ')}; ` +
      `prijs: ${describeInput(prijs)}; grond: ${grond.inputs.map((i) => describeInput(i, i.publicatie === 'aanname')).join('; ')}`,
  };
}
