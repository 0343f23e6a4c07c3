/**
 * The NNN hectare path: hectares of new nature laid out (and bought) per projection year.
 *
 * - A year with a published figure (`nnn_ingericht_jaar_ha`) uses it.
 * - `tempo` (observed pace, default): the mean of the last {@link PACE_YEARS} published yearly
 *   figures, until the end of the Natuurpact period ({@link NNN_END}) or the target, whichever
 *   comes first; after {@link NNN_END} the restopgave (`nnn_rest_na_2027_ha`, the provinces'
 *   estimate in the progress report) at the same pace until it is done:
 *
 *     h_t = pace                              t ≤ NNN_END (at most what remains of the target)
 *     h_t = min(pace, R − Σ_{s=NNN_END+1..t−1} h_s)   t > NNN_END
 *
 *   with R the published restopgave; without one, R = target − stock at the end of NNN_END.
 * - `doel` (target met): what remains of the target (`nnn_doel_ha`) after the latest published stock
 *   (`nnn_gerealiseerd_ha`, at 1 January of its year) is spread evenly over the years to NNN_END;
 *   nothing remains after it.
 *
 * Units: hectares. Rounding: none.
 */
import type { Dataset, DriverFact } from '../dataset.js';
import { Decimal, ZERO, sum } from '../decimal.js';
import { UserError } from '../errors.js';
import { formatNumberNl } from '../format.js';

export const PACE_YEARS = 5;
export const NNN_END = 2027;
/** The provinces' estimate of what remains of the NNN target after {@link NNN_END}. */
export const NNN_REST_DRIVER = 'nnn_rest_na_2027_ha';
export type NnnMode = 'tempo' | 'doel';

export interface NnnPath {
  readonly ha: ReadonlyMap<number, Decimal>;
  /** Hectares laid out in the base year. */
  readonly base: Decimal;
  /** Observed pace: mean of the last published yearly figures (ha per year). */
  readonly pace: Decimal;
  /** Hectares after NNN_END in this path (the restopgave; 0 under `doel`). */
  readonly rest: Decimal;
  readonly explanation: string;
  readonly sources: readonly string[];
}

function nl(data: Dataset, driver: string): DriverFact[] {
  return data.kostendrivers.filter((d) => d.driver === driver && d.provincie === 'NL').sort((a, b) => a.jaar - b.jaar);
}

export function nnnPath(data: Dataset, baseYear: number, years: readonly number[], mode: NnnMode): NnnPath {
  const yearly = nl(data, 'nnn_ingericht_jaar_ha');
  const stock = nl(data, 'nnn_gerealiseerd_ha');
  const target = nl(data, 'nnn_doel_ha').at(-1);
  const restRow = nl(data, NNN_REST_DRIVER).at(-1);
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
  for (const y of years.filter((x) => x <= NNN_END)) {
    const pub = published.get(y);
    if (pub !== undefined) {
      ha.set(y, pub);
      continue;
    }
    const value = mode === 'doel' ? evenly : Decimal.min(pace, remaining);
    remaining = remaining.minus(value);
    ha.set(y, value);
  }
  // Stock at the end of the Natuurpact period: the latest published stock plus the path from its year.
  const stockAtEnd = lastStock.waarde.plus(sum(years.filter((y) => y >= lastStock.jaar && y <= NNN_END).map((y) => ha.get(y)!)));
  // After the Natuurpact period: the published restopgave (or what the path leaves of the target).
  const leftOfTarget = Decimal.max(ZERO, target.waarde.minus(stockAtEnd));
  const rest = mode === 'doel' || leftOfTarget.isZero() ? ZERO : restRow ? restRow.waarde : leftOfTarget;
  let restLeft = rest;
  for (const y of years.filter((x) => x > NNN_END)) {
    const pub = published.get(y);
    const value = pub ?? Decimal.min(pace, restLeft);
    restLeft = Decimal.max(ZERO, restLeft.minus(value));
    ha.set(y, value);
  }
  const fmt = (d: Decimal) => formatNumberNl(d, 0);
  const restYears = pace.isZero() ? 0 : Math.ceil(rest.dividedBy(pace).toNumber());
  const restText =
    mode === 'doel'
      ? `; na ${NNN_END} geen restopgave`
      : `; na ${NNN_END} de restopgave van ${fmt(rest)} ha` +
        (restRow ? ` (${NNN_REST_DRIVER} ${restRow.jaar}, ${restRow.status}${restRow.methode ? `: ${restRow.methode}` : ''})` : ` (geen gepubliceerde restopgave: doel min de stand eind ${NNN_END} in dit pad)`) +
        ` in hetzelfde tempo, afgerond in ${NNN_END + restYears}` +
        (restRow ? `; dit pad bereikt eind ${NNN_END} ${fmt(stockAtEnd)} ha, ${fmt(Decimal.max(ZERO, leftOfTarget.minus(rest)))} ha van het doel blijft buiten de restopgave` : '');
  return {
    ha,
    base: base.waarde,
    pace,
    rest,
    explanation:
      (mode === 'doel'
        ? `doel gehaald: ${fmt(toTarget)} ha resterend van ${fmt(target.waarde)} ha gelijk verdeeld over ${untilEnd} jaar tot en met ${NNN_END}`
        : `waargenomen tempo: gemiddeld ${fmt(pace)} ha per jaar (${recent.map((d) => d.jaar).join(', ')}) tot en met ${NNN_END}`) +
      restText +
      `; stand ${fmt(lastStock.waarde)} ha op 1-1-${lastStock.jaar}`,
    sources: [...new Set([...base.bron, ...target.bron, ...lastStock.bron, ...recent.flatMap((d) => d.bron), ...(mode === 'tempo' && restRow ? restRow.bron : [])])],
  };
}
