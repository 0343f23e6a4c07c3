/**
 * External developments: named, switchable changes to the projection. Each adds national amounts
 * to cost lines (per task) or income lines (per stream) from its start year; the model shares them
 * over the provinces (costs by the province's base-year share of the task, income by its base-year
 * share of the stream). A development never touches the history: its start year must lie after the
 * base year.
 *
 * Every parameter has a default with its status and source (or, for an assumption, its reasoning),
 * and can be overridden by a scenario: with one value, with dated values where the parameter allows
 * it (amounts and fractions per year), and per province where it allows that (fractions: a rate or
 * share can differ between provinces; a national amount cannot). Per province, province p's part is
 *
 *   D_{p,k,t} = share_{p,k} × effect_{k,t}(parameters as p sees them)
 *
 * which is the national effect × share when every province sees the same values.
 *
 * Every parameter declares what it allows (`grenzen`, see `bounds.ts`): its unit, hard bounds
 * (outside: an error at the value's place in the scenario file) and plausible range (outside: a
 * warning in `valideer` and in the report), each saying where the bounds come from.
 */
import { amount, fraction, share, year, type Bounds } from '../bounds.js';
import type { Dataset } from '../dataset.js';
import { Decimal, ONE, ZERO, dec, sum } from '../decimal.js';
import { formatMlnText, formatNumberNl, formatPercentNl } from '../format.js';
import { restorationWeights, type Milestone } from './nhv-phasing.js';
import { UserError } from '../errors.js';
import { HISTORY_FIRST_YEAR, HISTORY_LAST_YEAR } from '../estimate.js';
import { valueAt, type DatedValues, type Dimension, type ParameterInput } from '../parameter.js';
import type { ProvinceCode } from '../provinces.js';
import type { Status } from '../status.js';
import type { CostTask, IncomeStream } from './lines.js';
import type { Schedule } from './programma-natuur.js';

export interface ParameterValue {
  readonly waarde: Decimal;
  /** Unit of `waarde` as the engine uses it: EUR, fractie, jaar. */
  readonly eenheid: 'EUR' | 'fractie' | 'jaar';
  readonly status: Status;
  readonly bron: readonly string[];
  readonly toelichting: string;
  /** How a scenario may vary it: per year, per province; neither means one value only. */
  readonly varieert: readonly Dimension[];
  /** Dated values of the default (from a dated assumption), each from its year on. */
  readonly verloop?: DatedValues;
  /** Unit, hard bounds and plausible range, with where they come from. */
  readonly grenzen: Bounds;
}

/** A parameter's value in a year (for a province): the scenario's value, else its default (dated where it is). */
export function parameterAt(p: ParameterValue, own: ParameterInput | undefined, year: number, provincie?: ProvinceCode): ReturnType<typeof valueAt> {
  return valueAt(own, valueAt(p.verloop, p.waarde, year).waarde, year, provincie);
}

/** The parameters as an effect reads them: per year, for the provinces it is computed for. */
export interface Parameters {
  /** The value in a year (dated values resolved; before the first date, the default). */
  at(name: string, year: number): Decimal;
  /** A parameter that takes one value only. */
  vast(name: string): Decimal;
}

/** What a development can look at: the baseline (without developments), national. */
export interface DevelopmentInput {
  readonly data: Dataset;
  readonly baseYear: number;
  readonly years: readonly number[];
  baselineCost(task: CostTask, year: number): Decimal;
  baselineIncome(stream: IncomeStream, year: number): Decimal;
  readonly programmaNatuur: Schedule;
  /** Restoration cost per euro of Programma Natuur in the base year (herstel follows the programme). */
  readonly herstelPerProgrammaEuro: Decimal;
}

export interface DevelopmentEffect {
  readonly kosten: Partial<Record<CostTask, Map<number, Decimal>>>;
  readonly inkomsten: Partial<Record<IncomeStream, Map<number, Decimal>>>;
}

export interface DevelopmentDefinition {
  readonly naam: string;
  /** A few plain Dutch words for sentences a director reads ("de natuurherstelverordening"). */
  readonly kort: string;
  /** One Dutch line for reports. */
  readonly omschrijving: string;
  readonly standaardStartjaar: number;
  /**
   * Decided policy that belongs to the status quo: on unless a scenario switches it off
   * (`<naam>: uit`). Everything else is off unless a scenario switches it on.
   */
  readonly standaardAan?: boolean;
  /**
   * Income that pays for a task and goes where the task's cost goes: the stream is shared by the
   * province's base-year share of that task's cost, not by its share of the stream.
   */
  readonly inkomstenVolgen?: Partial<Record<IncomeStream, CostTask>>;
  /** Lines it may change (the tests hold it to this). */
  readonly raakt: readonly string[];
  parameters(data: Dataset): Record<string, ParameterValue>;
  effect(input: DevelopmentInput, start: number, p: Parameters): DevelopmentEffect;
  /** Dutch: one line for the report's summary that states the development's size (optional). */
  samenvatting?(data: Dataset, start: number, p: Parameters): string;
  /** Sources the effect uses besides its parameters' (e.g. a phasing), for the explanation of a cell. */
  bronnen?(data: Dataset): readonly string[];
}

/** What a scenario may vary, by unit: a fraction per year and province, an amount per year, a year not. */
export function dimensionsForUnit(eenheid: ParameterValue['eenheid']): readonly Dimension[] {
  return eenheid === 'fractie' ? ['jaar', 'provincie'] : eenheid === 'EUR' ? ['jaar'] : [];
}

/** Dutch: why a parameter cannot take values of a kind. */
export function cannotVary(p: ParameterValue, dimension: 'jaar' | 'provincie'): string {
  if (dimension === 'jaar') {
    return p.eenheid === 'jaar' ? 'is een jaartal en neemt één waarde, niet per jaar' : 'neemt één waarde voor de hele periode, niet per jaar';
  }
  return p.eenheid === 'EUR'
    ? 'is een landelijk bedrag en kan niet per provincie verschillen; elke provincie krijgt haar aandeel naar haar kosten of inkomsten in het basisjaar'
    : 'geldt voor heel Nederland en kan niet per provincie verschillen';
}

const assumed = (waarde: Decimal, grenzen: Bounds, toelichting: string): ParameterValue => ({
  waarde,
  eenheid: unitOf(grenzen),
  status: 'aanname',
  bron: [],
  toelichting,
  varieert: dimensionsForUnit(unitOf(grenzen)),
  grenzen,
});

/** A default from the data. */
const sourced = (waarde: Decimal, grenzen: Bounds, status: Status, bron: readonly string[], toelichting: string): ParameterValue => ({
  waarde,
  eenheid: unitOf(grenzen),
  status,
  bron,
  toelichting,
  varieert: dimensionsForUnit(unitOf(grenzen)),
  grenzen,
});

function unitOf(b: Bounds): ParameterValue['eenheid'] {
  if (b.eenheid === 'fractie' || b.eenheid === 'EUR' || b.eenheid === 'jaar') return b.eenheid;
  throw new RangeError(`development parameters are fractions, euros or years, not ${b.eenheid}`);
}

/**
 * Hard upper bound of a national amount per year: almost three times the whole Provinciefonds
 * (3.611 mln in 2024); beyond it an amount is no longer a nature budget.
 */
const NATIONAL_AMOUNT_MAX = '10000';
const nationalAmount = (plausibelMax: string, bron: string, plausibelMin = '0') =>
  amount({ min: '0', max: NATIONAL_AMOUNT_MAX }, { min: plausibelMin, max: plausibelMax }, { hard: 'niet negatief en ten hoogste 10 mld per jaar (bijna driemaal het Provinciefonds, 3.611 mln in 2024)', plausibel: bron });
/** A one-off jump of a price or wage level: more than -100% (a price of zero or less means nothing), at most +200%. */
const jump = (plausibel: { min: string; max: string }, bron: string) =>
  fraction({ min: '-1', minOpen: true, max: '2' }, plausibel, { hard: 'meer dan -100% en ten hoogste +200%', plausibel: bron });

/** SNL: 75% of the standard cost price under the Natuurpact, 84% since 2021 (kostendrivers.csv). */
const SNL_BOUNDS = { hard: 'groter dan 0% (het nieuwe percentage wordt erdoor gedeeld) en ten hoogste 200% van de standaardkostprijs', plausibel: '75% onder het Natuurpact, 84% sinds 2021 (kostendrivers.csv, snl_vergoedingspercentage), tot de volledige kostprijs' };
/** The last year a scenario can run to (`MAX_LAST_YEAR` in plan.ts, which imports this module). */
const LAST_YEAR = 2050;

function agreement(data: Dataset, onderdeel: string): { waarde: Decimal; van: number; tot: number; status: Status; bron: readonly string[] } {
  const row = data.natuurpact.find((r) => r.onderdeel === onderdeel && r.provincie === 'NL');
  if (!row) throw new UserError({ message: `natuurpact.csv: onderdeel '${onderdeel}' (NL) ontbreekt; nodig voor een ontwikkeling` });
  return row;
}

/** The assumed share of the societal NHV cost that Rijk and provinces pay (see the parameter's reasoning). */
const NHV_PUBLIC_SHARE = dec('0.5');

/** The regulation's restoration milestones (`nhv.hersteldoel`), else one milestone at the end of the estimate. */
function milestones(data: Dataset): Milestone[] {
  const rows = data.natuurpact.filter((r) => r.onderdeel === 'nhv.hersteldoel' && r.provincie === 'NL');
  if (rows.length > 0) return rows.map((r) => ({ jaar: r.tot, aandeel: r.waarde })).sort((a, b) => a.jaar - b.jaar);
  return [{ jaar: agreement(data, 'nhv.kosten').tot, aandeel: ONE }];
}

function nhvWeights(data: Dataset, start: number): Map<number, Decimal> {
  const m = milestones(data);
  const last = m.at(-1)!.jaar;
  if (start > last) throw new UserError({ message: `nhv: startjaar ${start} ligt na het laatste hersteldoel (${last})` });
  return restorationWeights(start, m);
}

function fromYear(input: DevelopmentInput, start: number, f: (year: number) => Decimal): Map<number, Decimal> {
  const out = new Map<number, Decimal>();
  for (const y of input.years) if (y >= start) out.set(y, f(y));
  return out;
}

export const DEVELOPMENTS: readonly DevelopmentDefinition[] = [
  {
    naam: 'nhv',
    kort: 'de natuurherstelverordening',
    omschrijving:
      'EU-natuurherstelverordening: het provinciale deel van de publieke kosten (Rijk en provincies) van het herstel tot 2050, gefaseerd naar de hersteldoelen',
    standaardStartjaar: 2026,
    raakt: ['kosten.herstel'],
    parameters(data) {
      const society = agreement(data, 'nhv.kosten');
      return {
        // A total over the whole period: one value, phased by the regulation's milestones.
        publieke_kosten: {
          ...sourced(
            society.waarde.times(NHV_PUBLIC_SHARE),
            // A total to 2050, not an amount per year: bounded by the societal cost it is a part of.
            amount(
              { min: '0', max: '200000' },
              { min: society.waarde.times('0.25').dividedBy(1e6).toFixed(0), max: society.waarde.dividedBy(1e6).toFixed(0) },
              {
                hard: 'niet negatief en ten hoogste 200 mld tot 2050 (een vijfde van het bbp van 2023)',
                plausibel: `een kwart tot het geheel van de maatschappelijke kosten van ${formatNumberNl(society.waarde.dividedBy(1e9), 0)} mld (natuurpact.csv, nhv.kosten)`,
              },
            ),
            'aanname',
            society.bron,
            `publieke kosten (Rijk en provincies) tot ${society.tot}: aangenomen ${formatPercentNl(NHV_PUBLIC_SHARE)} van de maatschappelijke kosten van ${formatNumberNl(society.waarde.dividedBy(1e9), 0)} mld (impactanalyse Berenschot/Arcadis, alle sectoren samen; alleen als context). Een verdeling naar betalers is niet gepubliceerd; de maatschappelijke kosten omvatten ook wat landbouw, bedrijven, gemeenten en waterschappen dragen. Vervang door de raming van het Nationaal Herstelplan (in 2026 in te dienen)`,
          ),
          varieert: [],
        },
        aandeel_provincies: assumed(
          dec('0.5'),
          share({ min: '0.25', max: '0.75' }, 'geen openbare verdeling tussen Rijk en provincies; de provincies dragen het herstel op land, het Rijk dat van de grote wateren: tussen een kwart en driekwart'),
          'deel van de publieke kosten bij de provincies: zij dragen het herstel van de natuur op land (NNN en de meeste Natura 2000-beheerplannen, agrarisch natuurbeheer, bos), het Rijk de Noordzee, de Waddenzee, de grote wateren en rivieren; geen openbare verdeling, daarom de helft',
        ),
      };
    },
    // D_t = publieke_kosten × aandeel_provincies_t × w_t, with w the milestone phasing (nhv-phasing.ts).
    effect(input, start, p) {
      const weights = nhvWeights(input.data, start);
      return {
        kosten: { herstel: fromYear(input, start, (y) => p.vast('publieke_kosten').times(p.at('aandeel_provincies', y)).times(weights.get(y) ?? ZERO)) },
        inkomsten: {},
      };
    },
    bronnen: (data) => [...new Set(data.natuurpact.filter((r) => r.onderdeel === 'nhv.hersteldoel' && r.provincie === 'NL').flatMap((r) => r.bron))],
    samenvatting(data, start, p) {
      const society = agreement(data, 'nhv.kosten');
      const weights = nhvWeights(data, start);
      const publiek = p.vast('publieke_kosten');
      const years = [...weights.keys()];
      const part = (y: number) => publiek.times(p.at('aandeel_provincies', y)).times(weights.get(y)!);
      const provinces = sum(years.map(part));
      const mld = (d: Decimal) => `${formatNumberNl(d.dividedBy(1e9), 1)} mld`;
      // Consecutive years with the same amount, as "2026-2030: 1.266,7 mln per jaar".
      const runs: string[] = [];
      for (let k = 0; k < years.length; ) {
        let e = k;
        while (e + 1 < years.length && part(years[e + 1]!).equals(part(years[k]!))) e++;
        runs.push(`${years[k]}${e > k ? `-${years[e]}` : ''}: ${formatMlnText(part(years[k]!), 1)} per jaar`);
        k = e + 1;
      }
      const goals = milestones(data).map((m) => `${formatNumberNl(m.aandeel.times(100), 0)}% in ${m.jaar}`).join(', ');
      return (
        `Natuurherstelverordening (nhv, vanaf ${start}): maatschappelijke kosten tot ${society.tot} ${mld(society.waarde)} (impactanalyse, alle sectoren; alleen als context, niet als provinciale kosten geboekt). ` +
        `Publieke kosten (Rijk en provincies) ${mld(publiek)}; provinciaal deel ${mld(provinces)} (${formatPercentNl(provinces.dividedBy(publiek), 4)}), ` +
        `gefaseerd naar de hersteldoelen (${goals}): ${runs.join('; ')}. Er is geen financiering besloten: het provinciale deel komt in het tekort.`
      );
    },
  },
  {
    naam: 'beheer_100pct',
    kort: 'een SNL-vergoeding van 100%',
    omschrijving: 'SNL-vergoeding naar 100% van de standaardkostprijs',
    standaardStartjaar: 2027,
    raakt: ['kosten.natuurbeheer'],
    parameters(data) {
      const pct = data.kostendrivers
        .filter((d) => d.driver === 'snl_vergoedingspercentage')
        .sort((a, b) => b.jaar - a.jaar)[0];
      if (!pct) throw new UserError({ message: 'kostendrivers.csv: snl_vergoedingspercentage ontbreekt' });
      return {
        // The new percentage is divided by the current one: the current one cannot be 0.
        huidig: sourced(pct.waarde, fraction({ min: '0', minOpen: true, max: '2' }, { min: '0.75', max: '1' }, SNL_BOUNDS), pct.status, pct.bron, `huidig vergoedingspercentage (${pct.jaar})`),
        nieuw: assumed(ONE, fraction({ min: '0', max: '2' }, { min: '0.75', max: '1' }, SNL_BOUNDS), 'de volledige standaardkostprijs'),
      };
    },
    effect(input, start, p) {
      const extra = (y: number) => p.at('nieuw', y).dividedBy(p.at('huidig', y)).minus(ONE);
      return { kosten: { natuurbeheer: fromYear(input, start, (y) => input.baselineCost('natuurbeheer', y).times(extra(y))) }, inkomsten: {} };
    },
  },
  {
    naam: 'bouwsteen_beheer',
    kort: 'extra rijksgeld voor natuurbeheer',
    omschrijving: 'Rijk geeft jaarlijks extra geld voor natuurbeheer, zoals IPO en natuurorganisaties vroegen',
    standaardStartjaar: 2026,
    raakt: ['inkomsten.overig_rijk'],
    parameters(data) {
      const ask = agreement(data, 'bouwsteen_beheer.vraag');
      return { bedrag: sourced(ask.waarde, nationalAmount('500', 'de vraag van IPO en natuurorganisaties is 200 mln per jaar (natuurpact.csv, bouwsteen_beheer.vraag)'), ask.status, ask.bron, 'gevraagd bedrag per jaar') };
    },
    effect(input, start, p) {
      return { kosten: {}, inkomsten: { overig_rijk: fromYear(input, start, (y) => p.at('bedrag', y)) } };
    },
  },
  {
    naam: 'anlb_500',
    kort: 'de uitbreiding van het agrarisch natuurbeheer',
    omschrijving: 'Besloten beleid: agrarisch natuurbeheer (ANLb) krijgt vanaf 2026 jaarlijks 500 mln extra van het Rijk (uitbreiding naar circa 280.000 ha)',
    standaardStartjaar: 2026,
    standaardAan: true,
    // The Rijk's money pays the extra ANLb of each province: shared like the ANLb cost.
    inkomstenVolgen: { overig_rijk: 'anlb' },
    raakt: ['kosten.anlb', 'inkomsten.overig_rijk'],
    parameters(data) {
      const extra = agreement(data, 'anlb.uitbreiding');
      return {
        bedrag: sourced(extra.waarde, nationalAmount('1000', 'het besluit is 500 mln per jaar (natuurpact.csv, anlb.uitbreiding); tot het dubbele bij een verdere uitbreiding'), extra.status, extra.bron, `extra ANLb-budget per jaar bovenop het bestaande, vanaf ${extra.van} (tot en met ${extra.tot} per jaar gepubliceerd, daarna structureel)`),
        aandeel_rijk: sourced(ONE, share({ min: '0.5', max: '1' }, 'het kabinet betaalt de uitbreiding volledig (begroting LVVN); een deel bij de provincies alleen bij een nieuwe afspraak'), extra.status, extra.bron, 'het kabinet stelde het bedrag beschikbaar (begroting LVVN): het Rijk betaalt de uitbreiding volledig'),
      };
    },
    // extra_t = bedrag_t on the cost side; the Rijk pays aandeel_rijk_t of it.
    effect(input, start, p) {
      return {
        kosten: { anlb: fromYear(input, start, (y) => p.at('bedrag', y)) },
        inkomsten: { overig_rijk: fromYear(input, start, (y) => p.at('bedrag', y).times(p.at('aandeel_rijk', y))) },
      };
    },
  },
  {
    naam: 'faunaschade_groei',
    kort: 'de verdere groei van de faunaschade',
    omschrijving: 'Faunaschade blijft groeien met het recente jaarlijkse bedrag',
    standaardStartjaar: 2025,
    raakt: ['kosten.soorten'],
    parameters(data) {
      const rows = data.kostendrivers.filter((d) => d.driver === 'faunaschade' && d.provincie === 'NL').sort((a, b) => a.jaar - b.jaar);
      const last = rows.at(-1);
      const earlier = rows.at(-3);
      if (!last || !earlier) throw new UserError({ message: 'kostendrivers.csv: faunaschade (NL) vraagt ten minste drie jaren' });
      const growth = last.waarde.minus(earlier.waarde).dividedBy(last.jaar - earlier.jaar);
      return {
        groei_per_jaar: sourced(
          growth,
          amount({ min: '-1000', max: '1000' }, { min: '-10', max: '30' }, { hard: 'een verandering van ten hoogste 1 mld per jaar', plausibel: 'de faunaschade steeg 2018-2024 met 2,5 tot 19,4 mln per jaar (kostendrivers.csv)' }),
          'afgeleid',
          [...new Set([...last.bron, ...earlier.bron])],
          `gemiddelde jaarlijkse stijging ${earlier.jaar}-${last.jaar}`,
        ),
        laatste_jaar: sourced(dec(last.jaar), year({ min: HISTORY_FIRST_YEAR, max: LAST_YEAR }, { min: 2020, max: 2026 }, { hard: 'een jaar van het model', plausibel: 'het laatste gepubliceerde jaar ligt kort voor de vooruitblik' }), last.status, last.bron, 'laatste gepubliceerde jaar'),
      };
    },
    // extra_t = Σ_{s=last+1..t} groei_s: the growth of each year stays in the level after it.
    effect(input, start, p) {
      const last = p.vast('laatste_jaar').toNumber();
      const from = Math.max(start, last + 1);
      const level = (y: number) => {
        let total = ZERO;
        for (let s = last + 1; s <= y; s++) total = total.plus(p.at('groei_per_jaar', s));
        return total;
      };
      return { kosten: { soorten: fromYear(input, from, level) }, inkomsten: {} };
    },
  },
  {
    naam: 'exoten_unielijst',
    kort: 'de bestrijding van exoten',
    omschrijving: 'Bestrijding van invasieve exoten van de Unielijst als extra taak',
    standaardStartjaar: 2026,
    raakt: ['kosten.soorten'],
    parameters() {
      return {
        bedrag_per_jaar: assumed(ZERO, nationalAmount('100', 'geen openbaar bedrag; de orde van de jaarlijkse faunaschade (74,5 mln in 2024, kostendrivers.csv)'), 'geen openbaar bedrag gevonden; vul een eigen bedrag per jaar in'),
      };
    },
    effect(input, start, p) {
      return { kosten: { soorten: fromYear(input, start, (y) => p.at('bedrag_per_jaar', y)) }, inkomsten: {} };
    },
  },
  {
    naam: 'grondprijs_schok',
    kort: 'de sprong in de grondprijs',
    omschrijving: 'De grondprijs springt eenmalig omhoog en blijft op dat hogere niveau',
    standaardStartjaar: 2026,
    raakt: ['kosten.verwerving'],
    parameters() {
      return { schok: assumed(dec('0.2'), jump({ min: '-0.2', max: '0.5' }, 'de landbouwgrondprijs steeg 2014-2023 met ten hoogste 9,1% in een jaar (2021, kostendrivers.csv)'), 'illustratieve sprong van 20%') };
    },
    effect(input, start, p) {
      return { kosten: { verwerving: fromYear(input, start, (y) => input.baselineCost('verwerving', y).times(p.at('schok', y))) }, inkomsten: {} };
    },
  },
  {
    naam: 'loon_schok',
    kort: 'de sprong in de lonen',
    omschrijving: 'De lonen springen eenmalig omhoog; taken stijgen naar hun loonaandeel',
    standaardStartjaar: 2026,
    raakt: ['kosten.natuurbeheer', 'kosten.anlb', 'kosten.inrichting', 'kosten.uitvoering'],
    parameters(data) {
      const w = data.aannames.find((a) => a.naam === 'kostenindex.gewicht_loon');
      if (!w) throw new UserError({ message: "aannames.csv: 'kostenindex.gewicht_loon' ontbreekt" });
      return {
        schok: assumed(dec('0.05'), jump({ min: '-0.05', max: '0.2' }, 'de cao-lonen stegen ten hoogste 6,6% in een jaar (2024, macro.csv), de CAO Bos en Natuur 4,3-7% (2023, kostendrivers.csv)'), 'illustratieve sprong van 5%'),
        loonaandeel: {
          ...sourced(w.waarde, share({ min: '0.3', max: '0.8' }, 'beheer is vooral arbeid (zie kostenindex.gewicht_loon)'), 'aanname', w.bron, 'loongewicht van de natuurkostenindex'),
          ...(w.verloop ? { verloop: w.verloop } : {}),
        },
      };
    },
    effect(input, start, p) {
      const part = (task: CostTask, share: (y: number) => Decimal) =>
        fromYear(input, start, (y) => input.baselineCost(task, y).times(p.at('schok', y)).times(share(y)));
      const wages = (y: number) => p.at('loonaandeel', y);
      return {
        kosten: {
          natuurbeheer: part('natuurbeheer', wages),
          anlb: part('anlb', wages),
          inrichting: part('inrichting', wages),
          uitvoering: part('uitvoering', () => ONE),
        },
        inkomsten: {},
      };
    },
  },
  {
    naam: 'programma_natuur_stopt',
    kort: 'het stoppen van Programma Natuur',
    omschrijving: 'Programma Natuur stopt vroegtijdig; de herstelopgave blijft',
    standaardStartjaar: 2026,
    raakt: ['inkomsten.programma_natuur', 'kosten.herstel'],
    parameters() {
      return { aandeel_kosten_vervalt: assumed(ZERO, share({ min: '0', max: '1' }, 'elk deel is denkbaar'), 'de Natura 2000-verplichtingen blijven; de kosten lopen door') };
    },
    effect(input, start, p) {
      const amount = (y: number) => input.baselineIncome('programma_natuur', y);
      return {
        kosten: { herstel: fromYear(input, start, (y) => input.baselineCost('herstel', y).times(p.at('aandeel_kosten_vervalt', y)).negated()) },
        inkomsten: { programma_natuur: fromYear(input, start, (y) => amount(y).negated()) },
      };
    },
  },
  {
    naam: 'programma_natuur_verlengd',
    kort: 'het verlengen van Programma Natuur',
    omschrijving: 'Programma Natuur loopt na zijn laatste jaar door op het laatste jaarbedrag',
    standaardStartjaar: 2031,
    raakt: ['inkomsten.programma_natuur', 'kosten.herstel'],
    parameters() {
      return {};
    },
    effect(input, start) {
      const pn = input.programmaNatuur;
      const from = Math.max(start, pn.lastYear + 1);
      const last = pn.amount(pn.lastYear);
      return {
        kosten: { herstel: fromYear(input, from, () => last.times(input.herstelPerProgrammaEuro)) },
        inkomsten: { programma_natuur: fromYear(input, from, () => last) },
      };
    },
  },
  {
    naam: 'spuk_naar_fonds_korting',
    kort: 'Programma Natuur in het Provinciefonds',
    omschrijving: 'Programma Natuur (SPUK) gaat op in het Provinciefonds, met een korting',
    standaardStartjaar: 2026,
    raakt: ['inkomsten.programma_natuur', 'inkomsten.natuurpact'],
    parameters() {
      return {
        korting: assumed(dec('0.1'), share({ min: '0', max: '0.2' }, 'bij omzetting van een SPUK in fondsgeld geldt een korting van 10% (domeinnotitie)'), 'bij omzetting van een SPUK in fondsgeld geldt een korting van 10%'),
      };
    },
    effect(input, start, p) {
      const amount = (y: number) => input.baselineIncome('programma_natuur', y);
      return {
        kosten: {},
        inkomsten: {
          programma_natuur: fromYear(input, start, (y) => amount(y).negated()),
          natuurpact: fromYear(input, start, (y) => amount(y).times(ONE.minus(p.at('korting', y)))),
        },
      };
    },
  },
];

export const DEVELOPMENT_NAMES = DEVELOPMENTS.map((d) => d.naam);

/** Developments that became part of the status quo, with what to do instead (Dutch). */
export const RETIRED_DEVELOPMENTS: Readonly<Record<string, string>> = {
  nnn_restopgave:
    "de NNN-restopgave na 2027 hoort nu bij de status quo (kostendrivers.csv: nnn_rest_na_2027_ha, in het waargenomen tempo); laat de ontwikkeling weg, of kies nnn_pad: doel",
};

export function development(naam: string): DevelopmentDefinition {
  const d = DEVELOPMENTS.find((x) => x.naam === naam);
  if (d) return d;
  const retired = RETIRED_DEVELOPMENTS[naam];
  if (retired) throw new UserError({ message: `ontwikkeling '${naam}' bestaat niet meer: ${retired}` });
  throw new UserError({ message: `onbekende ontwikkeling '${naam}'; bekend: ${DEVELOPMENT_NAMES.join(', ')}` });
}
