/**
 * National amounts per year for the look-back: spending per task and income per stream, each with
 * how it was found and on what kind of evidence it rests.
 *
 * Spending per task (the evidence in brackets):
 * - anlb = ANLb paid to the collectives [waargenomen reeks];
 * - soorten = faunaschade paid (BIJ12) [waargenomen reeks];
 * - natuurbeheer = Natuurpact beheer − ANLb [uit afspraken afgeleid: the agreement, not spending];
 * - verwerving, inrichting = Natuurpact ontwikkeling split by the assumption
 *   `aandeel_verwerving_in_ontwikkeling` [uit afspraken afgeleid];
 * - herstel = Programma Natuur fase 1 spread evenly over its years, before it the assumption
 *   `herstel_voor_programma_natuur` [uit afspraken afgeleid];
 * - uitvoering = the assumption `aandeel_uitvoering` × the tasks provinces carry out with their own
 *   staff ({@link EXECUTION_BASE}: SNL beheer, verwerving, inrichting) [aanname]. Not on ANLb (paid
 *   out by RVO to collectives whose coordination costs are inside the payments), faunaschade (a
 *   compensation set by the damage; BIJ12 handles it at a cost that does not scale with it) or
 *   herstel (Programma Natuur pays its own apparaatskosten: they are in herstel already).
 * A series missing a year is interpolated linearly between the nearest published years, or held at
 * the nearest published year outside them.
 *
 * Income per stream: `natuurpact` = the DU Natuur stand of the year (the nearest year's without
 * one); `eu` = POP3 co-financing in the Natuurpact; `programma_natuur` = fase 1 spread evenly;
 * `eigen_middelen` = the agreed provincial contribution.
 *
 * Units: euros. Rounding: none.
 */
import { type AgreementFact, type CostTask, type Dataset, type Fact, type FundFact, type Stream } from '../dataset.js';
import { Decimal, ONE, sum } from '../decimal.js';
import { UserError } from '../errors.js';
import { formatMlnText, formatNumberNl } from '../format.js';
import { natureShareHistory } from '../provinciefonds.js';

/** Names of the data the look-back reads; a user's data can replace any of them. */
export const ESTIMATION_INPUTS = {
  beheer: 'natuurpact.beheer',
  ontwikkeling: 'natuurpact.ontwikkeling',
  euCofinanciering: 'natuurpact.beheer.eu_pop3',
  provincialeBijdrage: 'natuurpact.beheer.provincies',
  programmaNatuurFase1: 'programma_natuur.fase1',
  anlb: 'anlb_uitbetaald',
  faunaschade: 'faunaschade',
  duNatuur: 'du_natuur',
  shareAcquisition: 'aandeel_verwerving_in_ontwikkeling',
  shareExecution: 'aandeel_uitvoering',
  restorationBefore: 'herstel_voor_programma_natuur',
} as const;

/**
 * What a national amount rests on: a published series of what was paid (`reeks`), the agreements
 * about the money (`afspraken`: then spending and income are not independent), or an assumption.
 */
export type Evidence = 'reeks' | 'afspraken' | 'aanname';

/** A national amount for one year with how it was found. */
export interface Derived {
  readonly value: Decimal;
  readonly method: string;
  readonly bron: readonly string[];
  readonly grondslag: Evidence;
}

const mln = (euros: Decimal) => formatMlnText(euros);
const share = (s: Decimal) => formatNumberNl(s, 6);

export function missing(what: string): UserError {
  return new UserError({
    message: `schattingsstap: ${what} ontbreekt in de gegevens; vul het aan of lever eigen cijfers met --data`,
  });
}

export function agreementFor(data: Dataset, onderdeel: string, year: number): AgreementFact {
  const row = data.natuurpact.find(
    (r) => r.onderdeel === onderdeel && r.provincie === 'NL' && r.grondslag === 'per_jaar' && r.van <= year && year <= r.tot,
  );
  if (!row) throw missing(`natuurpact.csv: onderdeel '${onderdeel}' (NL, per_jaar) voor ${year}`);
  return row;
}

export function assumption(data: Dataset, naam: string): Fact {
  const row = data.aannames.find((a) => a.naam === naam);
  if (!row) throw missing(`aannames.csv: aanname '${naam}'`);
  return row;
}

/**
 * A yearly series from published rows: the year's own value, else linear interpolation between
 * the nearest published years, else the nearest published year's value.
 */
export function seriesValue(rows: readonly (Fact & { jaar: number })[], year: number, label: string): Omit<Derived, 'grondslag'> {
  const sorted = [...rows].sort((a, b) => a.jaar - b.jaar);
  if (sorted.length === 0) throw missing(`reeks '${label}' (NL)`);
  const exact = sorted.find((r) => r.jaar === year);
  if (exact) return { value: exact.waarde, method: `${label} ${year} ${mln(exact.waarde)}`, bron: exact.bron };
  const before = sorted.filter((r) => r.jaar < year).at(-1);
  const after = sorted.find((r) => r.jaar > year);
  if (before && after) {
    const t = new Decimal(year - before.jaar).dividedBy(after.jaar - before.jaar);
    const value = before.waarde.plus(after.waarde.minus(before.waarde).times(t));
    return {
      value,
      method: `${label} ${year} lineair tussen ${before.jaar} (${mln(before.waarde)}) en ${after.jaar} (${mln(after.waarde)}) = ${mln(value)}`,
      bron: [...before.bron, ...after.bron],
    };
  }
  const nearest = (before ?? after)!;
  return {
    value: nearest.waarde,
    method: `${label} ${year} niet gepubliceerd; gelijk aan ${nearest.jaar} (${mln(nearest.waarde)})`,
    bron: nearest.bron,
  };
}

export function nlDriver(data: Dataset, driver: string) {
  return data.kostendrivers.filter((d) => d.driver === driver && d.provincie === 'NL');
}

const AFSPRAKEN = 'uit afspraken afgeleid';

/**
 * The tasks the uitvoering mark-up applies to: those the provinces carry out with their own staff
 * (subsidies for natuurbeheer through their subsidy desks and BIJ12, land acquisition and inrichting
 * projects). See `aandeel_uitvoering` in aannames.csv for the ratio and its evidence.
 */
export const EXECUTION_BASE: readonly CostTask[] = ['natuurbeheer', 'verwerving', 'inrichting'];

/** National spending on a task in a year. */
export function nationalSpending(data: Dataset, task: CostTask, year: number): Derived {
  const n = ESTIMATION_INPUTS;
  switch (task) {
    case 'natuurbeheer': {
      const beheer = agreementFor(data, n.beheer, year);
      const anlb = seriesValue(nlDriver(data, n.anlb), year, 'ANLb');
      const value = beheer.waarde.minus(anlb.value);
      return {
        value,
        method: `${AFSPRAKEN}: Natuurpact beheer ${mln(beheer.waarde)} min ${anlb.method} = ${mln(value)}`,
        bron: [...beheer.bron, ...anlb.bron],
        grondslag: 'afspraken',
      };
    }
    case 'anlb':
      return { ...seriesValue(nlDriver(data, n.anlb), year, 'ANLb uitbetaald'), grondslag: 'reeks' };
    case 'verwerving':
    case 'inrichting': {
      const ontwikkeling = agreementFor(data, n.ontwikkeling, year);
      const a = assumption(data, n.shareAcquisition);
      const part = task === 'verwerving' ? a.waarde : ONE.minus(a.waarde);
      const value = ontwikkeling.waarde.times(part);
      return {
        value,
        method: `${AFSPRAKEN}: Natuurpact ontwikkeling ${mln(ontwikkeling.waarde)} × ${share(part)} (aanname ${n.shareAcquisition}) = ${mln(value)}`,
        bron: [...ontwikkeling.bron, ...a.bron],
        grondslag: 'afspraken',
      };
    }
    case 'herstel': {
      const fase1 = data.natuurpact.find((r) => r.onderdeel === n.programmaNatuurFase1 && r.provincie === 'NL');
      if (!fase1) throw missing(`natuurpact.csv: onderdeel '${n.programmaNatuurFase1}' (NL)`);
      if (year >= fase1.van && year <= fase1.tot) {
        const value = perYear(fase1);
        return {
          value,
          method:
            `${AFSPRAKEN}: ` +
            (fase1.grondslag === 'totaal'
              ? `Programma Natuur fase 1 ${mln(fase1.waarde)} over ${fase1.van}-${fase1.tot} gelijk verdeeld: ${mln(value)} per jaar`
              : `Programma Natuur fase 1 ${mln(value)} per jaar`),
          bron: fase1.bron,
          grondslag: 'afspraken',
        };
      }
      if (year < fase1.van) {
        const a = assumption(data, n.restorationBefore);
        return { value: a.waarde, method: `vóór Programma Natuur: aanname ${n.restorationBefore} ${mln(a.waarde)}`, bron: a.bron, grondslag: 'aanname' };
      }
      throw missing(`Programma Natuur na ${fase1.tot} in de terugblik`);
    }
    case 'soorten':
      return { ...seriesValue(nlDriver(data, n.faunaschade), year, 'faunaschade uitbetaald'), grondslag: 'reeks' };
    case 'uitvoering': {
      const others = EXECUTION_BASE.map((t) => nationalSpending(data, t, year));
      const base = sum(others.map((o) => o.value));
      const a = assumption(data, n.shareExecution);
      const value = base.times(a.waarde);
      return {
        value,
        method: `aanname ${n.shareExecution} ${share(a.waarde)} × ${EXECUTION_BASE.join(', ')}${others.some((o) => o.grondslag === 'afspraken') ? ` (${AFSPRAKEN})` : ''} ${mln(base)} = ${mln(value)}`,
        bron: [...new Set(others.flatMap((o) => o.bron)), ...a.bron],
        grondslag: 'aanname',
      };
    }
  }
}

/** A per-year amount of an agreement: its value, or its total spread evenly over its years. */
export function perYear(r: AgreementFact): Decimal {
  return r.grondslag === 'totaal' ? r.waarde.dividedBy(r.tot - r.van + 1) : r.waarde;
}

/**
 * The national DU Natuur per year: of several stands for one year, the one from the latest
 * publication (by the date of its first source).
 */
export function nationalDuNatuur(data: Dataset): Map<number, FundFact> {
  const latest = new Map<number, FundFact>();
  const dateOf = (r: FundFact) => data.bronnen.get(r.bron[0] ?? '')?.datum ?? '';
  for (const r of data.provinciefonds) {
    if (r.post !== ESTIMATION_INPUTS.duNatuur || r.provincie !== 'NL') continue;
    const cur = latest.get(r.jaar);
    if (!cur || dateOf(r) > dateOf(cur)) latest.set(r.jaar, r);
  }
  return latest;
}

/** National income per stream and year; undefined where the stream has no national amount. */
export function nationalIncome(data: Dataset, stream: Stream, year: number): Derived | undefined {
  const n = ESTIMATION_INPUTS;
  switch (stream) {
    case 'natuurpact': {
      // After the year the DU Natuur was folded into the algemene uitkering (natuurdeel_au.startjaar),
      // the nature money is the nature part of the AU from the Provinciefonds ledger's look-back, not
      // the last DU stand. A dataset without that assumption has no fold: the DU stands apply.
      const folded = data.aannames.some((a) => a.naam === 'natuurdeel_au.startjaar') ? natureShareHistory(data) : new Map<number, never>();
      const part = folded.get(year);
      const s0 = Math.min(...folded.keys());
      if (part && year > s0) {
        return {
          value: part.natuurdeel,
          method: `natuurdeel van de algemene uitkering ${year} ${mln(part.natuurdeel)}: beginstand ${s0} (natuurdeel_au.startbedrag) × de groei van de algemene uitkering zonder uitgesplitste mutaties (Provinciefonds-grootboek)`,
          bron: part.bron,
          grondslag: 'afspraken',
        };
      }
      const stands = nationalDuNatuur(data);
      const exact = stands.get(year);
      if (exact) return { value: exact.waarde, method: `DU Natuur ${year} ${mln(exact.waarde)} (${exact.publicatie})`, bron: exact.bron, grondslag: 'reeks' };
      const nearest = [...stands.values()].sort((a, b) => Math.abs(a.jaar - year) - Math.abs(b.jaar - year) || b.jaar - a.jaar)[0];
      if (!nearest) throw missing(`provinciefonds.csv: post '${n.duNatuur}' (NL)`);
      return {
        value: nearest.waarde,
        method: `DU Natuur ${year} niet gepubliceerd; gelijk aan ${nearest.jaar} (${mln(nearest.waarde)}, ${nearest.publicatie})`,
        bron: nearest.bron,
        grondslag: 'aanname',
      };
    }
    case 'eu': {
      const r = agreementFor(data, n.euCofinanciering, year);
      return { value: r.waarde, method: `EU-cofinanciering POP3 in het Natuurpact ${mln(r.waarde)}`, bron: r.bron, grondslag: 'afspraken' };
    }
    case 'eigen_middelen': {
      const r = agreementFor(data, n.provincialeBijdrage, year);
      return { value: r.waarde, method: `afgesproken provinciale bijdrage in het Natuurpact ${mln(r.waarde)}`, bron: r.bron, grondslag: 'afspraken' };
    }
    case 'programma_natuur': {
      const fase1 = data.natuurpact.find((r) => r.onderdeel === n.programmaNatuurFase1 && r.provincie === 'NL');
      if (!fase1 || year < fase1.van || year > fase1.tot) return undefined;
      const value = perYear(fase1);
      return { value, method: `Programma Natuur fase 1 ${mln(fase1.waarde)} over ${fase1.van}-${fase1.tot}: ${mln(value)} per jaar`, bron: fase1.bron, grondslag: 'afspraken' };
    }
    default:
      return undefined;
  }
}
