/**
 * Allocation keys: shares per province (summing to 1) for a year, with what they rest on.
 *
 * - `historisch`: the province's share of the status quo nature money (`inkomsten.natuurpact`) in
 *   the base year, frozen;
 * - `indicator`: shares of a province indicator (`provincies.csv`, a kenmerk with all twelve
 *   provinces, latest such year), e.g. `inwoners`, `oppervlakte_land`, `ehs_ha_2006`;
 * - `taak`: the province's share of the modelled cost of the given tasks in the year itself, or,
 *   with `vanaf`, of their cost summed from that year to the year itself (a plan-based fund shares
 *   out the whole task, also in years in which one task has ended);
 * - `gepubliceerd`: a key from `sleutels.csv` (all twelve provinces, e.g. the distribution of the
 *   algemene uitkering from a circulaire), with the statuses of its rows;
 * - `plan`: the province's share of approved programme money (Programma Natuur) in the base year;
 * - `formule`: a formula over indicators (see `formula.ts`), e.g. `0.5 * inwoners + 0.5 * ehs_ha_2006`;
 * - `mix`: a weighted blend of keys, weights summing to 1;
 * - `overgang`: from key A to key B in T years from a start year:
 *     s_t = A × (1 − w_t) + B × w_t,   w_t = min(1, max(0, (t − start) / T))
 *   so the old key applies in the start year and the new key from start + T on.
 * A key is as certain as what it rests on: estimated inputs make it `schatting`.
 */
import type { CostTask, Dataset, ProvinceFact } from '../dataset.js';
import { Decimal, ONE, ZERO, sum } from '../decimal.js';
import { UserError } from '../errors.js';
import { PROVINCE_CODES, type ProvinceCode } from '../provinces.js';
import { PUBLISHED_STATUSES, weakestStatus, type Status } from '../status.js';
import type { ModelResult } from '../model/run.js';
import { compileFormula } from './formula.js';

export type KeySpec =
  | { readonly soort: 'historisch' }
  | { readonly soort: 'indicator'; readonly kenmerk: string }
  | { readonly soort: 'taak'; readonly taken: readonly CostTask[]; readonly vanaf?: number }
  | { readonly soort: 'gepubliceerd'; readonly sleutel: string }
  | { readonly soort: 'plan' }
  | { readonly soort: 'formule'; readonly formule: string }
  | { readonly soort: 'mix'; readonly delen: readonly { readonly sleutel: KeySpec; readonly gewicht: Decimal }[] }
  | { readonly soort: 'overgang'; readonly van: KeySpec; readonly naar: KeySpec; readonly jaren: number; readonly start: number };

export interface KeyShares {
  readonly shares: ReadonlyMap<ProvinceCode, Decimal>;
  readonly status: Status;
  readonly uitleg: string;
}

/** Indicators a key can use: every kenmerk with all twelve provinces in some year (latest such year). */
export function indicators(result: ModelResult): Map<string, { year: number; values: Map<ProvinceCode, Decimal>; status: Status }> {
  return indicatorsOf(result.plan.data);
}

type Indicators = Map<string, { year: number; values: Map<ProvinceCode, Decimal>; status: Status }>;

/** Indicators per dataset, computed once (the data is immutable once loaded). */
const indicatorCache = new WeakMap<Dataset['provincies'], Indicators>();

/**
 * As {@link indicators}, from a dataset (for validating formulas before a run). The rows are grouped
 * once by indicator and year, so the work grows with the number of rows, not its square.
 */
export function indicatorsOf(data: Dataset): Indicators {
  const cached = indicatorCache.get(data.provincies);
  if (cached) return cached;
  const groups = new Map<string, Map<number, ProvinceFact[]>>();
  for (const r of data.provincies) {
    if (r.provincie === 'NL') continue;
    let byYear = groups.get(r.kenmerk);
    if (!byYear) groups.set(r.kenmerk, (byYear = new Map()));
    const list = byYear.get(r.jaar);
    if (list) list.push(r);
    else byYear.set(r.jaar, [r]);
  }
  const out: Indicators = new Map();
  for (const [kenmerk, byYear] of groups) {
    for (const y of [...byYear.keys()].sort((a, b) => b - a)) {
      const set = byYear.get(y)!;
      const provinces = new Set(set.map((r) => r.provincie));
      if (PROVINCE_CODES.every((p) => provinces.has(p))) {
        out.set(kenmerk, {
          year: y,
          values: new Map(set.map((r) => [r.provincie as ProvinceCode, r.waarde] as const)),
          status: weakestStatus(set.map((r) => r.status)),
        });
        break;
      }
    }
  }
  indicatorCache.set(data.provincies, out);
  return out;
}

/** Compiled formulas per key and indicator set (a key is evaluated for every year and construction). */
const formulaCache = new WeakMap<KeySpec, { inds: Indicators; formula: ReturnType<typeof compileFormula> }>();

/** A key's formula values per province, checked: finite, not negative, summing to more than 0. */
export function formulaValues(formule: string, inds: Indicators): Map<ProvinceCode, Decimal> {
  const formula = compileFormula(formule, [...inds.keys()].sort());
  return new Map(PROVINCE_CODES.map((p) => [p, formula.evaluate(Object.fromEntries(formula.names.map((n) => [n, inds.get(n)!.values.get(p)!])))] as const));
}

function normalise(values: ReadonlyMap<ProvinceCode, Decimal>, what: string, empty?: string): Map<ProvinceCode, Decimal> {
  const total = sum(PROVINCE_CODES.map((p) => values.get(p) ?? ZERO));
  if (!total.greaterThan(ZERO)) throw new UserError({ message: `sleutel '${what}': ${empty ?? 'de indicator telt'} op tot ${total.toString()}; kan niet verdelen` });
  for (const p of PROVINCE_CODES) {
    if ((values.get(p) ?? ZERO).isNegative()) throw new UserError({ message: `sleutel '${what}': negatieve waarde voor ${p}` });
  }
  return new Map(PROVINCE_CODES.map((p) => [p, (values.get(p) ?? ZERO).dividedBy(total)] as const));
}

const statusOf = (s: Status): Status => (PUBLISHED_STATUSES.includes(s) ? s : s === 'afgeleid' ? 'afgeleid' : 'schatting');

export function keyShares(spec: KeySpec, result: ModelResult, year: number): KeyShares {
  if (typeof spec !== 'object' || spec === null) throw new UserError({ message: 'keyShares: verwacht een sleutel ({ soort: ... })' });
  if (!Number.isInteger(year)) throw new UserError({ message: `keyShares: verwacht een jaartal, gevonden ${String(year)}` });
  const base = result.basisjaar;
  switch (spec.soort) {
    case 'historisch': {
      const values = new Map(PROVINCE_CODES.map((p) => [p, result.cell(p, base, 'inkomsten.natuurpact').bedrag_eur] as const));
      const status = weakestStatus(PROVINCE_CODES.map((p) => result.cell(p, base, 'inkomsten.natuurpact').status));
      return { shares: normalise(values, 'historisch'), status: statusOf(status), uitleg: `aandeel in het natuurgeld van het Rijk in ${base} (bevroren)` };
    }
    case 'plan': {
      const values = new Map(PROVINCE_CODES.map((p) => [p, result.cell(p, base, 'inkomsten.programma_natuur').bedrag_eur] as const));
      const status = weakestStatus(PROVINCE_CODES.map((p) => result.cell(p, base, 'inkomsten.programma_natuur').status));
      return { shares: normalise(values, 'plan'), status: statusOf(status), uitleg: `aandeel in Programma Natuur in ${base} (goedgekeurde programma's)` };
    }
    case 'taak': {
      const from = spec.vanaf ?? year;
      if (from > year) throw new UserError({ message: `sleutel 'taak': beginjaar ${from} ligt na ${year}` });
      const years = result.jaren.filter((y) => y >= from && y <= year);
      const cells = (p: ProvinceCode) => years.flatMap((y) => spec.taken.map((t) => result.cell(p, y, `kosten.${t}`)));
      const values = new Map(PROVINCE_CODES.map((p) => [p, sum(cells(p).map((c) => c.bedrag_eur))] as const));
      const status = weakestStatus(PROVINCE_CODES.flatMap((p) => cells(p).map((c) => c.status)));
      const period = from === year ? `in ${year}` : `over ${from}-${year}`;
      return {
        shares: normalise(values, 'taak', `de kosten van ${spec.taken.join(', ')} ${period} tellen`),
        status: statusOf(status),
        uitleg: `aandeel in de kosten van ${spec.taken.join(' en ')} ${period}`,
      };
    }
    case 'gepubliceerd': {
      const rows = result.plan.data.sleutels.filter((k) => k.sleutel === spec.sleutel);
      const missing = PROVINCE_CODES.filter((p) => !rows.some((r) => r.provincie === p));
      if (missing.length > 0) throw new UserError({ message: `sleutel '${spec.sleutel}' in sleutels.csv mist ${missing.join(', ')}; een gepubliceerde sleutel vraagt alle twaalf provincies` });
      const values = new Map(rows.map((r) => [r.provincie, r.waarde] as const));
      const status = weakestStatus(rows.map((r) => r.status));
      return { shares: normalise(values, spec.sleutel), status: statusOf(status), uitleg: `sleutel '${spec.sleutel}' uit sleutels.csv (${status})` };
    }
    case 'indicator': {
      const ind = indicators(result).get(spec.kenmerk);
      if (!ind) throw new UserError({ message: `sleutel: indicator '${spec.kenmerk}' heeft geen waarde voor alle twaalf provincies in provincies.csv` });
      return { shares: normalise(ind.values, spec.kenmerk), status: statusOf(ind.status), uitleg: `aandeel in ${spec.kenmerk} (${ind.year})` };
    }
    case 'formule': {
      const inds = indicators(result);
      let entry = formulaCache.get(spec);
      if (!entry || entry.inds !== inds) formulaCache.set(spec, (entry = { inds, formula: compileFormula(spec.formule, [...inds.keys()].sort()) }));
      const formula = entry.formula;
      const values = new Map(
        PROVINCE_CODES.map((p) => [p, formula.evaluate(Object.fromEntries(formula.names.map((n) => [n, inds.get(n)!.values.get(p)!])))] as const),
      );
      const status = weakestStatus(formula.names.map((n) => inds.get(n)!.status));
      return { shares: normalise(values, spec.formule), status: statusOf(status), uitleg: `aandeel in ${spec.formule}` };
    }
    case 'mix': {
      const bad = spec.delen.find((d) => d.gewicht.isNegative() || d.gewicht.greaterThan(ONE));
      if (bad) throw new UserError({ message: `mengsleutel: elk gewicht ligt tussen 0 en 1, gevonden ${bad.gewicht.toString()}` });
      const total = sum(spec.delen.map((d) => d.gewicht));
      if (!total.equals(ONE)) throw new UserError({ message: `mengsleutel: gewichten tellen op tot ${total.toString()}, verwacht 1` });
      const parts = spec.delen.map((d) => ({ w: d.gewicht, k: keyShares(d.sleutel, result, year) }));
      const shares = new Map(PROVINCE_CODES.map((p) => [p, sum(parts.map((x) => x.w.times(x.k.shares.get(p)!)))] as const));
      return { shares, status: weakestStatus(parts.map((x) => x.k.status)), uitleg: parts.map((x) => `${x.w.toString()} × (${x.k.uitleg})`).join(' + ') };
    }
    case 'overgang': {
      if (!Number.isInteger(spec.jaren) || spec.jaren < 1) throw new UserError({ message: `overgangssleutel: aantal jaren moet een geheel getal van ten minste 1 zijn, gevonden ${spec.jaren}` });
      const a = keyShares(spec.van, result, year);
      const b = keyShares(spec.naar, result, year);
      const w = Decimal.min(ONE, Decimal.max(ZERO, new Decimal(year - spec.start).dividedBy(spec.jaren)));
      const shares = new Map(PROVINCE_CODES.map((p) => [p, a.shares.get(p)!.times(ONE.minus(w)).plus(b.shares.get(p)!.times(w))] as const));
      return {
        shares,
        status: weakestStatus([a.status, b.status]),
        uitleg: `overgang in ${spec.jaren} jaar vanaf ${spec.start} (${year}: ${w.toSignificantDigits(4).toString()} van de nieuwe sleutel): van ${a.uitleg} naar ${b.uitleg}`,
      };
    }
    default:
      throw new UserError({ message: `onbekende soort sleutel '${String((spec as { soort?: unknown }).soort)}'; kies historisch, indicator, taak, plan, formule, mix of overgang` });
  }
}
