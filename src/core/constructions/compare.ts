/**
 * Comparing constructions on one model run, and "what would it take".
 *
 * For each construction the result table is the status quo table with, from the construction's
 * start year, `inkomsten.natuurpact` moved out and `inkomsten.constructie` in; the totals, gap,
 * its agreed own part, cumulative gap and coverage are recomputed, and beside them:
 *   onbesteed          earmarked money not spent (part of inkomsten.constructie; not a gap)
 *   uitvoeringslasten  the province's administrative cost of the construction
 *   tekort.netto       tekort + uitvoeringslasten (what the province pays itself, including the
 *                      cost of the construction: this is where C3 and C4 differ)
 *   eigen_inkomsten    provincial own revenue the construction adds (C7), beside the Rijk money:
 *                      not in inkomsten.totaal and not in the gap
 * Per construction and province over a window (default 2024 to the last year):
 *   cumulatief tekort     Σ tekort_t; netto: Σ tekort.netto_t
 *   gemiddelde dekking    mean of dekkingsgraad_t
 *   verschil met C0       cumulatief tekort.netto − that of C0 (negative: the province gains)
 *   volatiliteit          mean of |I_t − I_{t−1}| / I_{t−1} over the window, I = inkomsten.totaal
 *   aandeel geoormerkt    (earmarked construction money + Programma Natuur) / Σ inkomsten.totaal
 *   onbesteed, uitvoeringslasten, eigen inkomsten: Σ over the window
 *
 * "What would it take" solves by bisection in decimals: the base amount B (EUR per year, tolerance
 * 1 EUR), or the extra index points x per year added to the indexation factor (tolerance 1e-7), at
 * which the net gap (tekort.netto) in the target year is zero, nationally or for one province.
 */
import { Decimal, ZERO, sum } from '../decimal.js';
import { UserError } from '../errors.js';
import { LINES } from '../model/lines.js';
import type { ModelResult } from '../model/run.js';
import { PROVINCE_CODES, type ProvinceCode, type RegionCode } from '../provinces.js';
import { weakestStatus, type Status } from '../status.js';
import { ownContributionPart } from '../model/own-contribution.js';
import { constructionYear, type Construction, type ConstructionYear } from './construction.js';

export const CONSTRUCTION_LINES = ['inkomsten.constructie', 'onbesteed', 'uitvoeringslasten', 'tekort.netto', 'eigen_inkomsten'] as const;
export const COMPARISON_LINES = [...LINES, ...CONSTRUCTION_LINES] as const;
export type ComparisonLine = (typeof COMPARISON_LINES)[number];

export interface ComparisonRow {
  readonly scenario: string;
  readonly constructie: string;
  readonly provincie: RegionCode;
  readonly jaar: number;
  readonly post: ComparisonLine;
  readonly bedrag_eur: Decimal;
  readonly status: Status;
}

export interface ConstructionSummary {
  readonly constructie: string;
  readonly provincie: RegionCode;
  readonly cumulatiefTekort: Decimal;
  /** Σ tekort.netto: the gap plus the administrative cost of the construction. */
  readonly cumulatiefTekortNetto: Decimal;
  readonly gemiddeldeDekking: Decimal;
  readonly verschilMetC0: Decimal;
  readonly volatiliteit: Decimal;
  readonly aandeelGeoormerkt: Decimal;
  readonly uitvoeringslasten: Decimal;
  readonly onbesteed: Decimal;
  /** Provincial own revenue beside the Rijk money (C7). */
  readonly eigenInkomsten: Decimal;
}

export interface Comparison {
  readonly venster: { readonly van: number; readonly tot: number };
  readonly constructies: readonly Construction[];
  readonly rows: readonly ComparisonRow[];
  readonly samenvatting: readonly ConstructionSummary[];
  row(constructie: string, provincie: RegionCode, jaar: number, post: ComparisonLine): ComparisonRow;
}

const REGIONS: readonly RegionCode[] = [...PROVINCE_CODES, 'NL'];

const DERIVED: ReadonlySet<ComparisonLine> = new Set(['inkomsten.totaal', 'tekort', 'tekort.waarvan_eigen_bijdrage', 'tekort.cumulatief', 'dekkingsgraad', 'tekort.netto']);
const INCOME_PARTS: readonly ComparisonLine[] = ['inkomsten.natuurpact', 'inkomsten.programma_natuur', 'inkomsten.overig_rijk', 'inkomsten.eu', 'inkomsten.constructie'];
const contributing = (parts: readonly ComparisonRow[]) => {
  const nonZero = parts.filter((x) => !x.bedrag_eur.isZero());
  return weakestStatus((nonZero.length ? nonZero : parts).map((x) => x.status));
};

function rowsFor(result: ModelResult, c: Construction, years: ReadonlyMap<number, ConstructionYear>): ComparisonRow[] {
  const out = new Map<string, ComparisonRow>();
  const key = (p: RegionCode, y: number, l: ComparisonLine) => `${p}|${y}|${l}`;
  const put = (p: RegionCode, y: number, l: ComparisonLine, v: Decimal, s: Status) =>
    out.set(key(p, y, l), { scenario: result.scenario, constructie: c.id, provincie: p, jaar: y, post: l, bedrag_eur: v, status: s });
  const get = (p: RegionCode, y: number, l: ComparisonLine) => out.get(key(p, y, l))!;
  for (const y of result.jaren) {
    const cy = years.get(y);
    const active = cy !== undefined && y >= c.start;
    for (const p of PROVINCE_CODES) {
      for (const l of LINES) {
        if (DERIVED.has(l) || l === 'inkomsten.natuurpact') continue;
        const sq = result.cell(p, y, l);
        put(p, y, l, sq.bedrag_eur, sq.status);
      }
      const natuurpact = result.cell(p, y, 'inkomsten.natuurpact');
      const fromConstruction = (m: ReadonlyMap<ProvinceCode, Decimal> | undefined) => (active ? m!.get(p)! : ZERO);
      const status = active ? cy.status : 'afgeleid';
      put(p, y, 'inkomsten.natuurpact', active ? ZERO : natuurpact.bedrag_eur, active ? 'afgeleid' : natuurpact.status);
      put(p, y, 'inkomsten.constructie', fromConstruction(cy?.inkomsten), status);
      put(p, y, 'onbesteed', fromConstruction(cy?.onbesteed), status);
      put(p, y, 'uitvoeringslasten', fromConstruction(cy?.uitvoeringslasten), status);
      put(p, y, 'eigen_inkomsten', fromConstruction(cy?.eigenInkomsten), status);
      const parts = INCOME_PARTS.map((l) => get(p, y, l));
      put(p, y, 'inkomsten.totaal', sum(parts.map((x) => x.bedrag_eur)), contributing(parts));
    }
    for (const l of COMPARISON_LINES) {
      if (DERIVED.has(l) && l !== 'inkomsten.totaal') continue;
      const parts = PROVINCE_CODES.map((p) => get(p, y, l));
      put('NL', y, l, sum(parts.map((x) => x.bedrag_eur)), contributing(parts));
    }
  }
  for (const p of REGIONS) {
    let cumulative = ZERO;
    for (const y of result.jaren) {
      const k = get(p, y, 'kosten.totaal');
      const i = get(p, y, 'inkomsten.totaal');
      const status = contributing([k, i]);
      const gap = k.bedrag_eur.minus(i.bedrag_eur);
      cumulative = cumulative.plus(gap);
      put(p, y, 'tekort', gap, status);
      const burden = get(p, y, 'uitvoeringslasten');
      put(p, y, 'tekort.netto', gap.plus(burden.bedrag_eur), contributing([get(p, y, 'tekort'), burden]));
      put(p, y, 'tekort.cumulatief', cumulative, status);
      put(p, y, 'dekkingsgraad', k.bedrag_eur.isZero() ? ZERO : i.bedrag_eur.dividedBy(k.bedrag_eur), status);
      if (p === 'NL') {
        const parts = PROVINCE_CODES.map((q) => get(q, y, 'tekort.waarvan_eigen_bijdrage'));
        put(p, y, 'tekort.waarvan_eigen_bijdrage', sum(parts.map((x) => x.bedrag_eur)), contributing(parts));
      } else {
        const agreed = result.agreedContribution(p, y);
        const part = ownContributionPart(gap, agreed.bedrag_eur);
        put(p, y, 'tekort.waarvan_eigen_bijdrage', part, part.isZero() ? status : weakestStatus([status, agreed.status]));
      }
    }
  }
  const rows: ComparisonRow[] = [];
  for (const p of REGIONS) for (const y of result.jaren) for (const l of COMPARISON_LINES) rows.push(get(p, y, l));
  return rows;
}

/**
 * @example
 *   compareConstructions(result, shippedConstructions(data)).samenvatting
 */
export function compareConstructions(result: ModelResult, constructions: readonly Construction[], window: { van?: number; tot?: number } = {}): Comparison {
  const van = window.van ?? result.basisjaar + 1;
  const tot = window.tot ?? result.jaren.at(-1)!;
  if (van > tot || van < result.jaren[0]! || tot > result.jaren.at(-1)!) {
    throw new UserError({ message: `vergelijkingsvenster ${van}-${tot} valt buiten de periode ${result.jaren[0]}-${result.jaren.at(-1)}` });
  }
  if (!constructions.some((c) => c.id === 'C0')) throw new UserError({ message: 'vergelijking vraagt de status quo (C0) als basis' });
  const ids = new Set<string>();
  for (const c of constructions) {
    if (ids.has(c.id)) throw new UserError({ message: `constructie '${c.id}' staat twee keer in de vergelijking` });
    ids.add(c.id);
  }
  const all: ComparisonRow[] = [];
  const byKey = new Map<string, ComparisonRow>();
  const earmarked = new Map<string, Map<ProvinceCode, Decimal>>();
  for (const c of constructions) {
    const years = new Map<number, ConstructionYear>();
    for (const y of result.jaren) if (y > result.basisjaar) years.set(y, constructionYear(c, result, y));
    const rows = rowsFor(result, c, years);
    all.push(...rows);
    for (const r of rows) byKey.set(`${r.constructie}|${r.provincie}|${r.jaar}|${r.post}`, r);
    earmarked.set(
      c.id,
      new Map(PROVINCE_CODES.map((p) => [p, sum([...years.values()].filter((cy) => cy.geoormerkt && cy.jaar >= van && cy.jaar <= tot).map((cy) => cy.inkomsten.get(p)!))] as const)),
    );
  }
  const row = (c: string, p: RegionCode, y: number, l: ComparisonLine) => {
    const r = byKey.get(`${c}|${p}|${y}|${l}`);
    if (!r) throw new UserError({ message: `geen cel ${c} ${p} ${y} ${l} in de vergelijking` });
    return r;
  };
  const window_ = result.jaren.filter((y) => y >= van && y <= tot);
  const total = (c: string, p: RegionCode, l: ComparisonLine) => sum(window_.map((y) => row(c, p, y, l).bedrag_eur));
  const samenvatting: ConstructionSummary[] = [];
  for (const c of constructions) {
    for (const p of REGIONS) {
      const income = window_.map((y) => row(c.id, p, y, 'inkomsten.totaal').bedrag_eur);
      const changes = income.slice(1).map((v, i) => (income[i]!.isZero() ? ZERO : v.minus(income[i]!).abs().dividedBy(income[i]!)));
      const earmarkedMoney =
        (p === 'NL' ? sum(PROVINCE_CODES.map((q) => earmarked.get(c.id)!.get(q)!)) : earmarked.get(c.id)!.get(p as ProvinceCode)!).plus(
          sum(window_.map((y) => row(c.id, p, y, 'inkomsten.programma_natuur').bedrag_eur)),
        );
      const totalIncome = sum(income);
      samenvatting.push({
        constructie: c.id,
        provincie: p,
        cumulatiefTekort: total(c.id, p, 'tekort'),
        cumulatiefTekortNetto: total(c.id, p, 'tekort.netto'),
        gemiddeldeDekking: sum(window_.map((y) => row(c.id, p, y, 'dekkingsgraad').bedrag_eur)).dividedBy(window_.length),
        verschilMetC0: total(c.id, p, 'tekort.netto').minus(total('C0', p, 'tekort.netto')),
        volatiliteit: changes.length > 0 ? sum(changes).dividedBy(changes.length) : ZERO,
        aandeelGeoormerkt: totalIncome.isZero() ? ZERO : earmarkedMoney.dividedBy(totalIncome),
        uitvoeringslasten: total(c.id, p, 'uitvoeringslasten'),
        onbesteed: total(c.id, p, 'onbesteed'),
        eigenInkomsten: total(c.id, p, 'eigen_inkomsten'),
      });
    }
  }
  return { venster: { van, tot }, constructies: constructions, rows: all, samenvatting, row };
}

export interface SolverAnswer {
  readonly constructie: string;
  readonly provincie: RegionCode;
  readonly doeljaar: number;
  readonly wijze: 'basis' | 'indexpunten';
  /** The base amount (EUR per year) or the extra index points per year (a fraction: 0.01 = 1 point). */
  readonly waarde: Decimal;
  readonly iteraties: number;
  readonly tolerantie: Decimal;
  /** The net gap (tekort.netto) in the target year at the answer (at most zero, within the tolerance's effect). */
  readonly tekortBijAntwoord: Decimal;
}

export const SOLVER_TOLERANCE = { basis: new Decimal(1), indexpunten: new Decimal('1e-7') } as const;
const MAX_ITERATIONS = 200;
/** Doublings of the upper bound before giving up (2^60 × the start is far beyond any budget). */
const MAX_DOUBLINGS = 60;

/** Net gap (tekort + uitvoeringslasten) of a region in a year when the construction is evaluated with an override. */
export function netGapWith(result: ModelResult, c: Construction, region: RegionCode, year: number, override: { basis?: Decimal; extraPoints?: Decimal }): Decimal {
  const cy = constructionYear(c, result, year, override);
  const provinces = region === 'NL' ? PROVINCE_CODES : [region as ProvinceCode];
  return sum(
    provinces.map((p) =>
      result.cell(p, year, 'kosten.totaal').bedrag_eur
        .minus(result.cell(p, year, 'inkomsten.totaal').bedrag_eur)
        .plus(result.cell(p, year, 'inkomsten.natuurpact').bedrag_eur)
        .minus(cy.inkomsten.get(p)!)
        .plus(cy.uitvoeringslasten.get(p)!),
    ),
  );
}

/**
 * The base amount, or the extra index points per year, at which the net gap (tekort.netto) in the
 * target year is zero.
 *
 * @example
 *   whatWouldItTake(result, c1, { doeljaar: 2030, wijze: 'basis' }) // { waarde, iteraties, ... }
 */
export function whatWouldItTake(
  result: ModelResult,
  c: Construction,
  options: { doeljaar: number; wijze: 'basis' | 'indexpunten'; provincie?: RegionCode },
): SolverAnswer {
  const region = options.provincie ?? 'NL';
  const year = options.doeljaar;
  if (c.regel.soort !== 'regel') {
    throw new UserError({ message: `constructie ${c.id} heeft geen basisbedrag of indexatie om op te lossen` });
  }
  if (year < c.start || !result.jaren.includes(year)) {
    throw new UserError({ message: `doeljaar ${year} ligt niet in de looptijd van ${c.id} (${c.start}-${result.jaren.at(-1)})` });
  }
  if (options.wijze === 'indexpunten' && year === c.start) {
    throw new UserError({ message: `in het startjaar ${year} werkt indexatie nog niet; kies een later doeljaar` });
  }
  const tolerance = SOLVER_TOLERANCE[options.wijze];
  const gap = (x: Decimal) => netGapWith(result, c, region, year, options.wijze === 'basis' ? { basis: x } : { extraPoints: x });
  // Bracket: the gap falls as x rises. Start at 0 (base) or 0 points, and widen until it is <= 0.
  let lo = options.wijze === 'basis' ? ZERO : new Decimal('-0.5');
  let hi = options.wijze === 'basis' ? new Decimal(1_000_000) : new Decimal('0.01');
  let iterations = 0;
  if (gap(lo).lessThanOrEqualTo(ZERO)) {
    return { constructie: c.id, provincie: region, doeljaar: year, wijze: options.wijze, waarde: lo, iteraties: 0, tolerantie: tolerance, tekortBijAntwoord: gap(lo) };
  }
  while (gap(hi).greaterThan(ZERO)) {
    lo = hi;
    hi = hi.times(2);
    iterations++;
    if (iterations > MAX_DOUBLINGS) throw new UserError({ message: `geen oplossing gevonden voor ${c.id} in ${year}: het tekort blijft positief` });
  }
  while (hi.minus(lo).greaterThan(tolerance)) {
    const mid = lo.plus(hi).dividedBy(2);
    if (gap(mid).greaterThan(ZERO)) lo = mid;
    else hi = mid;
    iterations++;
    if (iterations > MAX_ITERATIONS) break;
  }
  return { constructie: c.id, provincie: region, doeljaar: year, wijze: options.wijze, waarde: hi, iteraties: iterations, tolerantie: tolerance, tekortBijAntwoord: gap(hi) };
}


