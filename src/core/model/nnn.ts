/**
 * The NNN hectare path: hectares of new nature laid out (and bought) per projection year.
 *
 * - A year with a published figure (`nnn_ingericht_jaar_ha`) uses it.
 * - `tempo` (observed pace, default): the mean of the last {@link PACE_YEARS} published yearly
 *   figures, until the end of the Natuurpact period ({@link NNN_END}); after it only with the
 *   development `nnn_restopgave`, until the target is reached.
 * - `doel` (target met): what remains of the target (`nnn_doel_ha`) after the latest published stock
 *   (`nnn_gerealiseerd_ha`, at 1 January of its year) is spread evenly over the years to NNN_END.
 *
 * Units: hectares. Rounding: none.
 */
import type { Dataset, DriverFact } from '../dataset.js';
import { Decimal, ZERO, sum } from '../decimal.js';
import { UserError } from '../errors.js';

export const PACE_YEARS = 5;
export const NNN_END = 2027;
export type NnnMode = 'tempo' | 'doel';

export interface NnnPath {
  readonly ha: ReadonlyMap<number, Decimal>;
  /** Hectares laid out in the base year. */
  readonly base: Decimal;
  readonly explanation: string;
  readonly sources: readonly string[];
}

function nl(data: Dataset, driver: string): DriverFact[] {
  return data.kostendrivers.filter((d) => d.driver === driver && d.provincie === 'NL').sort((a, b) => a.jaar - b.jaar);
}

export function nnnPath(data: Dataset, baseYear: number, years: readonly number[], mode: NnnMode, continueAfterEnd: boolean): NnnPath {
  const yearly = nl(data, 'nnn_ingericht_jaar_ha');
  const stock = nl(data, 'nnn_gerealiseerd_ha');
  const target = nl(data, 'nnn_doel_ha').at(-1);
  const base = yearly.find((d) => d.jaar === baseYear);
  if (!base) throw new UserError({ message: `kostendrivers.csv: nnn_ingericht_jaar_ha (NL) ontbreekt voor het basisjaar ${baseYear}` });
  if (!target) throw new UserError({ message: 'kostendrivers.csv: nnn_doel_ha (NL) ontbreekt' });
  const recent = yearly.slice(-PACE_YEARS);
  const pace = sum(recent.map((d) => d.waarde)).dividedBy(recent.length);
  const lastStock = stock.at(-1);
  if (!lastStock) throw new UserError({ message: 'kostendrivers.csv: nnn_gerealiseerd_ha (NL) ontbreekt' });

  // Stock at 1 January of the first projection year without a published yearly figure.
  const published = new Map(yearly.map((d) => [d.jaar, d.waarde] as const));
  const firstOpen = years.find((y) => !published.has(y) && y >= lastStock.jaar);
  let cumulative = lastStock.waarde;
  if (firstOpen !== undefined) for (let y = lastStock.jaar; y < firstOpen; y++) cumulative = cumulative.plus(published.get(y) ?? ZERO);
  const open = years.filter((y) => !published.has(y) && y >= lastStock.jaar);
  const toTarget = Decimal.max(ZERO, target.waarde.minus(cumulative));
  const untilEnd = open.filter((y) => y <= NNN_END).length;
  const evenly = untilEnd > 0 ? toTarget.dividedBy(untilEnd) : ZERO;

  const ha = new Map<number, Decimal>();
  let remaining = toTarget;
  for (const y of years) {
    const pub = published.get(y);
    if (pub !== undefined) {
      ha.set(y, pub);
      continue;
    }
    let value: Decimal;
    if (y <= NNN_END) value = mode === 'doel' ? evenly : Decimal.min(pace, remaining);
    else value = continueAfterEnd ? Decimal.min(pace, remaining) : ZERO;
    remaining = remaining.minus(value);
    ha.set(y, value);
  }
  const fmt = (d: Decimal) => d.toDecimalPlaces(0).toString();
  return {
    ha,
    base: base.waarde,
    explanation:
      (mode === 'doel'
        ? `doel gehaald: ${fmt(toTarget)} ha resterend van ${fmt(target.waarde)} ha gelijk verdeeld over ${untilEnd} jaar tot en met ${NNN_END}`
        : `waargenomen tempo: gemiddeld ${fmt(pace)} ha per jaar (${recent.map((d) => d.jaar).join(', ')})` +
          (continueAfterEnd ? ` ook na ${NNN_END} tot het doel van ${fmt(target.waarde)} ha` : `, tot en met ${NNN_END}`)) +
      `; stand ${fmt(lastStock.waarde)} ha op 1-1-${lastStock.jaar}`,
    sources: [...new Set([...base.bron, ...target.bron, ...lastStock.bron, ...recent.flatMap((d) => d.bron)])],
  };
}
