/**
 * A financing construction turns (base amount, years) into the Rijk's nature money per province per
 * year. It replaces the status quo nature money (`inkomsten.natuurpact`) from its start year; other
 * streams (Programma Natuur, EU, ...) stay as in the model.
 *
 *   I_t  = ∏_{s=b+1..t} f_s        (indexation rule; b = the base's status quo year, or the start year)
 *   A_t  = (B + Σ_{additions a, a.vanaf <= t} a.bedrag) × I_t × (1 − conversion cut)
 *   R_{p,t} = A_t allocated over the provinces by the key, in whole euros (largest remainder)
 *   onbesteed_{p,t} = R_{p,t} × underspend          if earmarked (cents), else 0
 *   uitvoeringslasten_{p,t} = R_{p,t} × burden percentage (cents)
 *   co-financing_{p,t} = R_{p,t} × co-financing share     (required own means; reported)
 *
 * Underspend of earmarked money lowers spending and income together: the work the unspent money
 * would have paid is not done in that year, and the money returns to the Rijk. It therefore does
 * not change the gap; it is shown apart (`onbesteed`), never as a shortfall. Administrative burden
 * is a cost of the construction borne by the province: it is not in the gap of the tasks
 * (`tekort`) but in `tekort.netto` = tekort + uitvoeringslasten (see `compare.ts`).
 *
 * B is a number (EUR per year) or the status quo nature money (NL) of a given year. Indexation `au`
 * follows the growth of the algemene uitkering in the Provinciefonds ledger; `skp` the update of
 * the SNL standard costs (`skp-index.ts`). Before the start year the status quo applies; after the
 * end year the construction pays nothing.
 *
 * Two constructions are not of this shape: `status_quo` (C0, the model's own nature money, exactly)
 * and an own-revenue lever (C7): the status quo Rijk money, and beside it (not inside it) what a
 * province could raise itself under the opcenten maximum (`eigenInkomsten`). Own revenue is not Rijk
 * financing: it does not lower the gap, it shows how much of it the province could pay itself.
 *
 * Errors name the construction and the year.
 */
import { Decimal, ONE, ZERO, sum } from '../decimal.js';
import { UserError } from '../errors.js';
import { allocateWholeEuros } from '../allocation/largest-remainder.js';
import { keyShares, type KeySpec } from '../allocation/keys.js';
import { indexFactor, type RuleName } from '../indexation/index.js';
import type { IndexOptions } from '../indexation/types.js';
import type { ModelResult } from '../model/run.js';
import { PROVINCE_CODES, type ProvinceCode } from '../provinces.js';
import type { Status } from '../status.js';
import { formatMlnText, formatPercentNl } from '../format.js';
import { skpFactor } from './skp-index.js';

export interface GenericConstruction {
  readonly soort: 'regel';
  readonly basis: { readonly bedrag: Decimal } | { readonly statusQuoJaar: number };
  readonly toevoegingen?: readonly { readonly bedrag: Decimal; readonly vanaf: number; readonly omschrijving?: string }[];
  readonly indexatie: { readonly regel: ConstructionIndexRule; readonly opties?: IndexOptions };
  readonly sleutel: KeySpec;
  /** Share the provinces must add from own means. */
  readonly cofinanciering?: Decimal;
  /** Earmarked money: the share that is not spent and returns to the Rijk. */
  readonly oormerk?: { readonly onderbesteding: Decimal };
  /** Administrative cost as a share of the money (e.g. SiSa for a SPUK). */
  readonly uitvoeringslasten?: Decimal;
  /** Cut when money moves from a SPUK into the fund. */
  readonly omzettingskorting?: Decimal;
}

/** Indexation rules a construction can use: the general rules, the algemene uitkering, the SNL standard costs. */
export type ConstructionIndexRule = RuleName | 'au' | 'skp';

export interface StatusQuoConstruction {
  readonly soort: 'status_quo';
}

/** C7: status quo Rijk money, and beside it a share of the room under the legal maximum of the opcenten. */
export interface OwnRevenueConstruction {
  readonly soort: 'eigen_inkomsten';
  readonly benutting: Decimal;
}

export type ConstructionRule = GenericConstruction | StatusQuoConstruction | OwnRevenueConstruction;

export interface Construction {
  readonly id: string;
  readonly naam: string;
  /** One Dutch paragraph for reports. */
  readonly omschrijving: string;
  readonly start: number;
  readonly eind?: number;
  readonly regel: ConstructionRule;
  /** Statuses of the assumptions the construction rests on (for reports). */
  readonly aannames: readonly { readonly naam: string; readonly toelichting: string }[];
}

export interface ConstructionYear {
  readonly jaar: number;
  /** Rijk money from the construction per province, whole euros (cents for C0 and C7). */
  readonly inkomsten: ReadonlyMap<ProvinceCode, Decimal>;
  /** Earmarked money not spent (returns to the Rijk); part of `inkomsten`, not of the gap. */
  readonly onbesteed: ReadonlyMap<ProvinceCode, Decimal>;
  readonly uitvoeringslasten: ReadonlyMap<ProvinceCode, Decimal>;
  /** Provincial own revenue the construction adds beside the Rijk money (C7), cents. */
  readonly eigenInkomsten: ReadonlyMap<ProvinceCode, Decimal>;
  readonly cofinanciering: ReadonlyMap<ProvinceCode, Decimal>;
  readonly geoormerkt: boolean;
  readonly status: Status;
  readonly uitleg: string;
}

const zeroMap = () => new Map(PROVINCE_CODES.map((p) => [p, ZERO] as const));
const mln = (d: Decimal) => formatMlnText(d);

/** Index level I_t of a rule from the start year (I_start = 1). */
export function constructionIndex(rule: ConstructionIndexRule, options: IndexOptions, result: ModelResult, start: number, year: number, extraPoints: Decimal = ZERO): Decimal {
  let level = ONE;
  const ledger = new Map(result.plan.ledger.jaren.map((y) => [y.jaar, y] as const));
  for (let t = start + 1; t <= year; t++) {
    if (rule === 'au') {
      const y = ledger.get(t);
      if (!y) throw new UserError({ message: `indexatie 'au': het Provinciefonds-grootboek heeft geen jaar ${t}` });
      level = level.times(y.groeifactor.plus(extraPoints));
    } else if (rule === 'skp') {
      level = level.times(skpFactor(t, result.plan.data, { ...result.plan.scenario.macro, ...options }).factor.plus(extraPoints));
    } else {
      level = level.times(indexFactor(rule, t, result.plan.data, { ...result.plan.scenario.macro, ...options }).factor.plus(extraPoints));
    }
  }
  return level;
}

/** The national amount A_t (before underspend) of a generic construction. */
export function nationalAmount(
  c: Construction,
  rule: GenericConstruction,
  result: ModelResult,
  year: number,
  override: { basis?: Decimal; extraPoints?: Decimal } = {},
): Decimal {
  const base = override.basis ?? ('bedrag' in rule.basis ? rule.basis.bedrag : result.cell('NL', rule.basis.statusQuoJaar, 'inkomsten.natuurpact').bedrag_eur);
  const additions = sum((rule.toevoegingen ?? []).filter((a) => a.vanaf <= year).map((a) => a.bedrag));
  // A status quo base is indexed from its own year on; a number from the start year.
  const from = 'statusQuoJaar' in rule.basis ? rule.basis.statusQuoJaar : c.start;
  const index = constructionIndex(rule.indexatie.regel, rule.indexatie.opties ?? {}, result, from, year, override.extraPoints);
  return base.plus(additions).times(index).times(ONE.minus(rule.omzettingskorting ?? ZERO));
}

/** Opcenten room of a province: revenue × (maximum / tariff − 1), the maximum indexed by the CPI. */
export function opcentenRoom(result: ModelResult, p: ProvinceCode, year: number): { room: Decimal; uitleg: string; bron: readonly string[] } {
  const fund = result.plan.data.provinciefonds;
  const pick = (post: string, prov: string) => fund.filter((r) => r.post === post && r.provincie === prov).sort((a, b) => b.jaar - a.jaar)[0];
  const revenue = pick('opcenten_mrb', p);
  const tariff = pick('opcenten_tarief', p);
  const max = pick('opcenten_maximum', 'NL');
  if (!revenue || !tariff || !max) throw new UserError({ message: `opcenten: opbrengst, tarief of maximum ontbreekt voor ${p} in provinciefonds.csv` });
  let maxT = max.waarde;
  for (let t = max.jaar + 1; t <= year; t++) maxT = maxT.times(ONE.plus(indexFactor('cpi', t, result.plan.data, result.plan.scenario.macro ?? {}).factor.minus(ONE)));
  const room = Decimal.max(ZERO, revenue.waarde.times(maxT.dividedBy(tariff.waarde).minus(ONE)));
  return {
    room,
    uitleg: `ruimte = opbrengst ${revenue.jaar} ${mln(revenue.waarde)} × (maximum ${maxT.toDecimalPlaces(2).toString()} / tarief ${tariff.waarde.toString()} − 1)`,
    bron: [...revenue.bron, ...tariff.bron, ...max.bron],
  };
}

/**
 * Income, underspend, burden, co-financing and own revenue of a construction per province for one
 * year. A user error on the way (a key that cannot share, a missing ledger year) names the
 * construction and the year.
 */
export function constructionYear(
  c: Construction,
  result: ModelResult,
  year: number,
  override: { basis?: Decimal; extraPoints?: Decimal } = {},
): ConstructionYear {
  const first = result.jaren[0]!;
  const last = result.jaren.at(-1)!;
  if (!result.jaren.includes(year)) {
    throw new UserError({ message: `constructie ${c.id} (${c.naam}): jaar ${year} valt buiten de doorrekening (${first}-${last})` });
  }
  try {
    return constructionYearUnchecked(c, result, year, override);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    throw new UserError(e.issues.map((i) => ({ ...i, message: `constructie ${c.id} (${c.naam}), jaar ${year}: ${i.message}` })));
  }
}

function constructionYearUnchecked(c: Construction, result: ModelResult, year: number, override: { basis?: Decimal; extraPoints?: Decimal }): ConstructionYear {
  const sq = () => new Map(PROVINCE_CODES.map((p) => [p, result.cell(p, year, 'inkomsten.natuurpact').bedrag_eur] as const));
  const base = { jaar: year, onbesteed: zeroMap(), uitvoeringslasten: zeroMap(), cofinanciering: zeroMap(), eigenInkomsten: zeroMap(), geoormerkt: false };
  if (year < c.start || c.regel.soort === 'status_quo') {
    return { ...base, inkomsten: sq(), status: result.cell('NL', year, 'inkomsten.natuurpact').status, uitleg: 'status quo: natuurgeld in de algemene uitkering' };
  }
  if (c.eind !== undefined && year > c.eind) {
    return { ...base, inkomsten: zeroMap(), status: 'aanname', uitleg: `de constructie loopt tot en met ${c.eind}` };
  }
  if (c.regel.soort === 'eigen_inkomsten') {
    const rule = c.regel;
    const own = new Map(PROVINCE_CODES.map((p) => [p, opcentenRoom(result, p, year).room.times(rule.benutting).toDecimalPlaces(2)] as const));
    return {
      ...base,
      inkomsten: sq(),
      eigenInkomsten: own,
      status: 'aanname',
      uitleg: `rijksgeld: status quo; daarnaast eigen inkomsten (geen rijksgeld): ${formatPercentNl(rule.benutting)} van de ruimte onder het opcentenmaximum`,
    };
  }
  const rule = c.regel;
  const amount = nationalAmount(c, rule, result, year, override);
  const key = keyShares(rule.sleutel, result, year);
  const allocation = allocateWholeEuros(amount, PROVINCE_CODES.map((p) => key.shares.get(p)!));
  const income = new Map(PROVINCE_CODES.map((p, i) => [p, allocation[i]!] as const));
  const share = (rate: Decimal | undefined) => new Map(PROVINCE_CODES.map((p) => [p, income.get(p)!.times(rate ?? ZERO).toDecimalPlaces(2)] as const));
  return {
    jaar: year,
    inkomsten: income,
    onbesteed: share(rule.oormerk?.onderbesteding),
    uitvoeringslasten: share(rule.uitvoeringslasten),
    cofinanciering: share(rule.cofinanciering),
    eigenInkomsten: zeroMap(),
    geoormerkt: rule.oormerk !== undefined,
    // A construction is a design choice: its money is an assumption, whatever the key rests on.
    status: 'aanname',
    uitleg:
      `landelijk ${mln(amount)}; verdeeld in hele euro's (grootste rest) naar ${key.uitleg}` +
      (rule.oormerk ? `; waarvan ${formatPercentNl(rule.oormerk.onderbesteding)} onbesteed (vloeit terug; het werk schuift op, dus geen tekort)` : '') +
      (rule.uitvoeringslasten ? `; uitvoeringslasten ${formatPercentNl(rule.uitvoeringslasten)} van het bedrag (in tekort.netto)` : ''),
  };
}
