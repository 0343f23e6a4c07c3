/**
 * Distribution keys for the look-back: how a national amount is shared over the provinces where the
 * provinces did not publish their own. Costs and income have separate keys, each from its own
 * evidence; no key rests on one year's budget.
 *
 * One rule for every key. For a year y, with A_{p,y} a province's published amount of the thing
 * being shared (faunaschade paid, DU Natuur received, ...) and N_y the national amount:
 *
 *   s_{p,y} = A_{p,y} / N_y                 where the province published for y;
 *   s_{p,y} = A_{p,y'} / N_{y'}              else, for its nearest year y' with a published amount
 *                                            (the later one on a tie);
 *   s_{p,y} = (1 − Σ_above s) × I_p / Σ_rest I    for the provinces without any, by the indicator I
 *                                            (a kenmerk of `provincies.csv` with all twelve).
 *
 * The keys, with why:
 *
 * | what | published amounts A | indicator I for the rest |
 * |---|---|---|
 * | natuurbeheer, verwerving, inrichting | none per province | `ehs_ha_2006`: the EHS (now NNN) area is what is managed and completed |
 * | anlb | `anlb_uitbetaald` per province | `oppervlakte_land`: agrarisch natuurbeheer lies on farmland |
 * | soorten | `faunaschade` per province | `oppervlakte_land` |
 * | herstel | Programma Natuur per province | `ehs_ha_2006` |
 * | uitvoering | — | the province's own other tasks |
 * | income natuurpact | DU Natuur per province | `ehs_ha_2006`: the Natuurpact money followed the task |
 * | income programma_natuur | Programma Natuur per province | `ehs_ha_2006` |
 * | income eu | none | `oppervlakte_land`: POP3 co-finances agrarisch natuurbeheer |
 * | income eigen_middelen | none | `ehs_ha_2006` |
 *
 * Where a key's indicator is the same on both sides (the EHS area for beheer and for the DU
 * Natuur), the look-back cannot tell those provinces apart on that part: the report says so.
 *
 * Shares are exact (not rounded).
 */
import type { CostTask, Dataset, Fact, ProvinceFact, Stream } from '../dataset.js';
import { Decimal, ONE, ZERO, sum } from '../decimal.js';
import { UserError } from '../errors.js';
import { formatMlnText, formatNumberNl } from '../format.js';
import { PROVINCE_CODES, type ProvinceCode } from '../provinces.js';
import { weakestStatus, type Status } from '../status.js';
import { missing } from './national.js';

/** A province's share of a national amount in one year, with what it rests on. */
export interface Share {
  readonly share: Decimal;
  readonly method: string;
  readonly bron: readonly string[];
  readonly status: Status;
}

export type YearKey = ReadonlyMap<ProvinceCode, Share>;

/** An indicator for the provinces without published amounts. */
export const KEY_INDICATORS = {
  area: 'oppervlakte_land',
  nature: 'ehs_ha_2006',
} as const;

export interface KeyRule {
  /** Dutch name for messages, e.g. `faunaschade`. */
  readonly label: string;
  /** Published province amounts per year (absent: none). */
  readonly amounts: ReadonlyMap<ProvinceCode, ReadonlyMap<number, Fact>>;
  /** The national amount of a year, to turn published amounts into shares. */
  national(year: number): Decimal | undefined;
  /** Indicator for the others. */
  readonly indicator: string;
  /** Dutch: why this indicator. */
  readonly reden: string;
}

const share6 = (d: Decimal) => formatNumberNl(d, 6);
const mln = (d: Decimal) => formatMlnText(d);

/** The latest year in which all twelve provinces have the indicator, and its values. */
export function indicatorValues(data: Dataset, kenmerk: string): { year: number; rows: Map<ProvinceCode, ProvinceFact> } {
  const rows = data.provincies.filter((r) => r.kenmerk === kenmerk && r.provincie !== 'NL');
  const years = [...new Set(rows.map((r) => r.jaar))].sort((a, b) => b - a);
  for (const y of years) {
    const set = rows.filter((r) => r.jaar === y);
    if (PROVINCE_CODES.every((p) => set.some((r) => r.provincie === p))) {
      return { year: y, rows: new Map(set.map((r) => [r.provincie as ProvinceCode, r] as const)) };
    }
  }
  throw missing(`provincies.csv: kenmerk '${kenmerk}' voor alle twaalf provincies in één jaar`);
}

/** The key of a rule for one year (see the module comment). */
export function yearKey(data: Dataset, rule: KeyRule, year: number): YearKey {
  const fixed = new Map<ProvinceCode, Share>();
  for (const p of PROVINCE_CODES) {
    const own = rule.amounts.get(p);
    if (!own || own.size === 0) continue;
    const years = [...own.keys()].filter((y) => rule.national(y)?.greaterThan(ZERO));
    if (years.length === 0) continue;
    const y2 = years.sort((a, b) => Math.abs(a - year) - Math.abs(b - year) || b - a)[0]!;
    const a = own.get(y2)!;
    const n = rule.national(y2)!;
    fixed.set(p, {
      share: a.waarde.dividedBy(n),
      method: `aandeel in ${rule.label} ${y2}${y2 === year ? '' : ` (dichtstbijzijnde jaar met een eigen cijfer)`}: ${mln(a.waarde)} / ${mln(n)}`,
      bron: a.bron,
      status: weakestStatus([a.status, 'afgeleid']),
    });
  }
  const taken = sum([...fixed.values()].map((s) => s.share));
  if (taken.greaterThan(ONE)) {
    throw new UserError({
      message: `schattingsstap: de gepubliceerde aandelen in ${rule.label} voor ${year} tellen op tot ${taken.toString()}, meer dan 1; controleer de cijfers per provincie`,
    });
  }
  const ind = indicatorValues(data, rule.indicator);
  const open = PROVINCE_CODES.filter((p) => !fixed.has(p));
  const openTotal = sum(open.map((p) => ind.rows.get(p)!.waarde));
  const out = new Map<ProvinceCode, Share>(fixed);
  for (const p of open) {
    const r = ind.rows.get(p)!;
    out.set(p, {
      share: openTotal.isZero() ? ZERO : ONE.minus(taken).times(r.waarde).dividedBy(openTotal),
      method:
        (fixed.size > 0 ? `rest na de eigen cijfers van ${fixed.size} provincie(s) (1 − ${share6(taken)}) × ` : '') +
        `aandeel in ${rule.indicator} ${ind.year} van de provincies zonder eigen cijfer (${rule.reden})`,
      bron: r.bron,
      status: 'schatting',
    });
  }
  return out;
}

/** Years a key may take published amounts from (the look-back). */
export interface YearRange {
  readonly van: number;
  readonly tot: number;
}

/** Published province amounts of a driver in `kostendrivers.csv`, per province and year. */
export function driverAmounts(data: Dataset, driver: string, years: YearRange): Map<ProvinceCode, Map<number, Fact>> {
  const out = new Map<ProvinceCode, Map<number, Fact>>();
  for (const d of data.kostendrivers) {
    if (d.driver !== driver || d.provincie === 'NL' || d.jaar < years.van || d.jaar > years.tot) continue;
    const m = out.get(d.provincie) ?? new Map<number, Fact>();
    m.set(d.jaar, d);
    out.set(d.provincie, m);
  }
  return out;
}

/** Published province income of a stream (rows of the completed `inkomsten`), per province and year. */
export function incomeAmounts(data: Dataset, stream: Stream, published: (f: Fact) => boolean, years: YearRange): Map<ProvinceCode, Map<number, Fact>> {
  const out = new Map<ProvinceCode, Map<number, Fact>>();
  for (const r of data.inkomsten) {
    if (r.stroom !== stream || r.provincie === 'NL' || !published(r) || r.jaar < years.van || r.jaar > years.tot) continue;
    const m = out.get(r.provincie) ?? new Map<number, Fact>();
    const prev = m.get(r.jaar);
    m.set(r.jaar, prev ? { ...r, waarde: prev.waarde.plus(r.waarde), bron: [...prev.bron, ...r.bron] } : r);
    out.set(r.provincie, m);
  }
  return out;
}

/** The indicator behind each task's cost key (see the table in the module comment). */
export const COST_KEY_INDICATOR: Readonly<Record<Exclude<CostTask, 'uitvoering'>, { readonly indicator: string; readonly reden: string }>> = {
  natuurbeheer: { indicator: KEY_INDICATORS.nature, reden: 'het beheerde natuurareaal' },
  verwerving: { indicator: KEY_INDICATORS.nature, reden: 'het af te ronden natuurnetwerk' },
  inrichting: { indicator: KEY_INDICATORS.nature, reden: 'het af te ronden natuurnetwerk' },
  anlb: { indicator: KEY_INDICATORS.area, reden: 'agrarisch natuurbeheer ligt op landbouwgrond' },
  soorten: { indicator: KEY_INDICATORS.area, reden: 'faunaschade valt op landbouwgrond' },
  herstel: { indicator: KEY_INDICATORS.nature, reden: 'herstel vindt plaats in het natuurnetwerk' },
};

/** The indicator behind each income stream's key for the provinces without their own figure. */
export const INCOME_KEY_INDICATOR: Readonly<Record<'natuurpact' | 'programma_natuur' | 'eu' | 'eigen_middelen', { readonly indicator: string; readonly reden: string }>> = {
  natuurpact: { indicator: KEY_INDICATORS.nature, reden: 'het natuurgeld van het Natuurpact volgde de natuuropgave' },
  programma_natuur: { indicator: KEY_INDICATORS.nature, reden: 'Programma Natuur gaat naar het natuurnetwerk' },
  eu: { indicator: KEY_INDICATORS.area, reden: 'de POP3-cofinanciering betreft vooral agrarisch natuurbeheer' },
  eigen_middelen: { indicator: KEY_INDICATORS.nature, reden: 'de afgesproken eigen bijdrage hoort bij de natuuropgave' },
};
