/**
 * The content of a report, computed once from a scenario run (and, for a variant, the run of its
 * base); the Markdown, HTML and spreadsheet writers are views of it. The report's fixed order:
 *
 *   (variant: wat deze variant verandert), samenvatting (at most five sentences, see `director.ts`),
 *   inhoud, toelichting, terugblik, vooruitblik, ontleding, index, Provinciefonds, constructies,
 *   wat is ervoor nodig, per provincie;
 *   appendices: factsheets per provincie, aannames en datakwaliteit, uitleg bij de cijfers, bronnen
 *   (grouped by kind, with their grade), manifest.
 */
import { describeInput } from '../core/parameter.js';
import { cumulativeIndex, indexFactors } from '../core/indexation/index.js';
import { Decimal, sum } from '../core/decimal.js';
import { formatIssue, UserError } from '../core/errors.js';
import { PROVINCE_CODES, provinceName, type RegionCode } from '../core/provinces.js';
import { PUBLISHED_STATUSES, STATUSES, type Status } from '../core/status.js';
import type { ScenarioRun } from '../io/run-scenario.js';
import { formatMlnText, formatNumberNl } from '../core/format.js';
import { completeHistory } from '../core/estimate.js';
import { historyEvidence } from '../core/history/evidence.js';
import { byText } from '../core/order.js';
import { toolVersion } from '../io/manifest.js';
import { directorPage, type CellExplanation, type Sentence } from './director.js';
import { factsheets, type Factsheet } from './factsheets.js';
import { dataDate, sourceGroups, type SourceGroup } from './sources.js';
import { variantSection, type VariantSection } from './variant.js';

export interface YearFigures {
  readonly jaar: number;
  readonly kosten: Decimal;
  readonly inkomsten: Decimal;
  readonly tekort: Decimal;
  /** The part of the gap that is the provinces' agreed own contribution. */
  readonly eigenBijdrage: Decimal;
  readonly dekking: Decimal;
  readonly status: Status;
}

export interface ObservedShare {
  readonly provincie: RegionCode;
  readonly naam: string;
  /** Shares of the look-back's spending (fractions). */
  readonly waargenomen: Decimal;
  readonly afbakeningAangenomen: Decimal;
  readonly uitAfspraken: Decimal;
  readonly jaren: readonly number[];
}

export interface IndexRow {
  readonly jaar: number;
  readonly fonds: Decimal;
  readonly kosten: Decimal;
  readonly verhouding: Decimal;
}

/** One year of the Provinciefonds ledger next to the nature costs (NL). */
export interface FundPathRow {
  readonly jaar: number;
  readonly algemeneUitkering: Decimal;
  readonly accres: Decimal;
  readonly mutaties: Decimal;
  readonly natuurdeel: Decimal;
  readonly natuurkosten: Decimal;
  /** natuurdeel / natuurkosten. */
  readonly dekking: Decimal;
  readonly status: Status;
}

export interface ReportModel {
  readonly titel: string;
  readonly beschrijving: string;
  /** What every page says it is of: the scenario, its files, the date of the data and the tool version. */
  readonly meta: { readonly scenario: string; readonly bestanden: string; readonly gegevensDatum: string; readonly versie: string };
  readonly basis?: { readonly naam: string; readonly wijzigingen: readonly { readonly pad: string; readonly waarde: string }[] };
  /** A variant's difference from its base, when the base run was given. */
  readonly variant?: VariantSection;
  readonly basisjaar: number;
  readonly venster: { readonly van: number; readonly tot: number };
  /** The director's page: at most five sentences whose figures link to {@link uitleg}. */
  readonly samenvatting: readonly Sentence[];
  /** Developments that do not change the gap (their cost is paid), for the summary chart's caption. */
  readonly neutraal: readonly { readonly naam: string; readonly kort: string; readonly kosten: Decimal; readonly start: number }[];
  /** The rest of what the summary used to say: own contribution, developments, constructions. */
  readonly toelichting: readonly string[];
  /** Explanations of the figures the summary links to (appendix). */
  readonly uitleg: readonly CellExplanation[];
  readonly factsheets: readonly Factsheet[];
  readonly bronGroepen: readonly SourceGroup[];
  readonly terugblik: readonly YearFigures[];
  readonly vooruitblik: readonly YearFigures[];
  readonly index: { readonly rijen: readonly IndexRow[]; readonly fout?: string };
  /** The fund path (Provinciefonds ledger, NL) next to the nature-cost path. */
  readonly fondspad: readonly FundPathRow[];
  readonly perProvincie: readonly { readonly provincie: RegionCode; readonly naam: string; readonly jaren: readonly YearFigures[] }[];
  /** Per province: how much of the look-back's spending rests on its own published figures. */
  readonly waarneming: readonly ObservedShare[];
  /** Dutch notes for the per-province section: why some provinces look alike. */
  readonly perProvincieToelichting: readonly string[];
  readonly datakwaliteit: readonly { readonly groep: string; readonly aantallen: Readonly<Record<Status, number>> }[];
  readonly aannames: readonly { readonly naam: string; readonly waarde: string; readonly toelichting: string }[];
  /** Values outside their plausible range (see `bounds.ts`), each with its place: shown in the assumptions section. */
  readonly waarschuwingen: readonly string[];
  readonly bronnen: readonly { readonly id: string; readonly titel: string; readonly uitgever: string; readonly datum: string; readonly url: string }[];
}

/** The figures of a region and year in the status quo (C0). */
export function figures(run: ScenarioRun, p: RegionCode, y: number): YearFigures {
  const constructie = run.comparison ? 'C0' : undefined;
  const cell = (post: 'kosten.totaal' | 'inkomsten.totaal' | 'tekort' | 'tekort.waarvan_eigen_bijdrage' | 'dekkingsgraad') =>
    constructie ? run.comparison!.row(constructie, p, y, post) : run.result.cell(p, y, post);
  const t = cell('tekort');
  return {
    jaar: y,
    kosten: cell('kosten.totaal').bedrag_eur,
    inkomsten: cell('inkomsten.totaal').bedrag_eur,
    tekort: t.bedrag_eur,
    eigenBijdrage: cell('tekort.waarvan_eigen_bijdrage').bedrag_eur,
    dekking: cell('dekkingsgraad').bedrag_eur,
    status: t.status,
  };
}

const mln = (d: Decimal) => formatMlnText(d, 1);
const pct = (d: Decimal) => `${formatNumberNl(d.times(100), 1)}%`;

/**
 * @example
 *   const model = reportModel(run, baseRun) // baseRun: the run of run.loaded.basisScenario, for a variant
 */
export function reportModel(run: ScenarioRun, baseRun?: ScenarioRun): ReportModel {
  const r = run.result;
  const base = r.basisjaar;
  const { van, tot } = run.window;
  const history = r.jaren.filter((y) => y <= base);
  const future = r.jaren.filter((y) => y > base && y <= tot);
  const nl = (y: number) => figures(run, 'NL', y);

  let index: ReportModel['index'];
  try {
    const first = r.jaren[0]!;
    const fund = cumulativeIndex(indexFactors('bbp', { ...run.scenario.macro, van: first + 1, tot }, run.data), first);
    const cost = cumulativeIndex(indexFactors('kostenindex', { ...run.scenario.macro, van: first + 1, tot }, run.data), first);
    index = { rijen: fund.map((f, i) => ({ jaar: f.year, fonds: f.index, kosten: cost[i]!.index, verhouding: f.index.dividedBy(cost[i]!.index).times(100) })) };
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    index = { rijen: [], fout: e.message };
  }

  const fondspad = r.plan.ledger.jaren
    .filter((ly) => ly.jaar <= tot && r.jaren.includes(ly.jaar))
    .map((ly): FundPathRow => {
      const kosten = r.cell('NL', ly.jaar, 'kosten.totaal').bedrag_eur;
      return {
        jaar: ly.jaar,
        algemeneUitkering: ly.algemeneUitkering,
        accres: ly.accres,
        mutaties: ly.mutatie,
        natuurdeel: ly.natuurdeel,
        natuurkosten: kosten,
        dekking: kosten.isZero() ? kosten : ly.natuurdeel.dividedBy(kosten),
        status: ly.status.natuurdeel,
      };
    });

  const cumulative = sum(future.filter((y) => y >= van).map((y) => nl(y).tekort));
  const completed = completeHistory(run.data);
  const evidence = historyEvidence(completed.uitgaven);
  const lookBack = sum(evidence.map((e) => e.totaal));
  const share = (f: (e: (typeof evidence)[number]) => Decimal) => (lookBack.isZero() ? new Decimal(0) : sum(evidence.map((e) => f(e).times(e.totaal))).dividedBy(lookBack));
  const observedNl = share((e) => e.waargenomenAandeel);
  const scopeNl = share((e) => e.afbakeningAangenomenAandeel);
  const agreementsNl = share((e) => e.afsprakenAandeel);
  const withFigures = evidence.filter((e) => e.jarenMetCijfers.length > 0);
  const waarneming: ObservedShare[] = evidence.map((e) => ({
    provincie: e.provincie,
    naam: provinceName(e.provincie),
    waargenomen: e.waargenomenAandeel,
    afbakeningAangenomen: e.afbakeningAangenomenAandeel,
    uitAfspraken: e.afsprakenAandeel,
    jaren: e.jarenMetCijfers,
  }));
  const d = run.decomposition.find((x) => x.provincie === 'NL')!;
  const devs = run.result.plan.developments.filter((x) => !x.definitie.standaardAan).map((x) => x.definitie.naam);
  const decided = run.result.plan.developments.filter((x) => x.definitie.standaardAan).map((x) => x.definitie.naam);
  const toelichting = [
    `In ${base}, het laatste jaar van de terugblik, kostten de natuurtaken van de provincies samen naar schatting ${mln(nl(base).kosten)} tegen ${mln(nl(base).inkomsten)} aan inkomsten van Rijk en EU: een tekort van ${mln(nl(base).tekort)} (dekkingsgraad ${pct(nl(base).dekking)}).`,
    `Van de uitgaven in de terugblik ${history[0]}-${base} rust ${pct(observedNl)} op cijfers die de provincies zelf publiceerden` +
      (scopeNl.isZero() ? '' : ` en ${pct(scopeNl)} op gepubliceerde programma's waarvan het natuurdeel is aangenomen`) +
      `; ${withFigures.length} van de 12 provincies hebben eigen cijfers (${[...waarneming]
        .sort((a, b) => b.waargenomen.plus(b.afbakeningAangenomen).comparedTo(a.waargenomen.plus(a.afbakeningAangenomen)))
        .map((w) => `${w.naam} ${pct(w.waargenomen.plus(w.afbakeningAangenomen))}`)
        .join(', ')}). ${pct(agreementsNl)} is afgeleid uit de afspraken over het geld: daar zijn uitgaven en inkomsten niet onafhankelijk en zegt de dekkingsgraad weinig.`,
    `In ${tot} is het tekort volgens dit scenario ${mln(nl(tot).tekort)} (dekkingsgraad ${pct(nl(tot).dekking)}); over ${van}-${tot} samen ${mln(cumulative)}.`,
    `Het tekort is wat de provincies zelf betalen of laten liggen. Daarvan is in ${tot} ${mln(nl(tot).eigenBijdrage)} de afgesproken eigen bijdrage van de provincies (Natuurpact 2013: 65 mln per jaar); ${mln(nl(tot).tekort.minus(nl(tot).eigenBijdrage))} komt daarbovenop.`,
    `De verandering van het tekort tussen ${base} en ${tot} (${mln(d.totaal)}) komt uit prijs ${mln(d.prijs)}, volume ${mln(d.volume)}, nieuwe taken ${mln(d.nieuweTaken)}${d.perOntwikkeling.length > 0 ? ` (${d.perOntwikkeling.map((x) => `${x.naam} ${mln(x.bedrag)}`).join(', ')})` : ''} en financiering ${mln(d.financiering)}.`,
    devs.length > 0 ? `Externe ontwikkelingen in dit scenario: ${devs.join(', ')}.` : 'Dit scenario heeft geen externe ontwikkelingen.',
    ...(decided.length > 0 ? [`Besloten beleid in de status quo: ${decided.join(', ')}.`] : []),
    ...run.result.plan.developments.flatMap((x) => (x.samenvatting ? [x.samenvatting] : [])),
  ];
  if (run.comparison) {
    const nlRows = run.comparison.samenvatting.filter((s) => s.provincie === 'NL');
    const best = [...nlRows].sort((a, b) => a.cumulatiefTekortNetto.comparedTo(b.cumulatiefTekortNetto))[0]!;
    toelichting.push(
      `Van de ${nlRows.length} constructies geeft ${best.constructie} het kleinste cumulatieve netto tekort (tekort plus uitvoeringslasten) over ${van}-${tot}: ${mln(best.cumulatiefTekortNetto)} (C0: ${mln(nlRows.find((x) => x.constructie === 'C0')!.cumulatiefTekortNetto)}).`,
    );
    for (const x of nlRows.filter((r) => !r.eigenInkomsten.isZero())) {
      toelichting.push(`${x.constructie} voegt geen rijksgeld toe maar eigen inkomsten van de provincies: ${mln(x.eigenInkomsten)} over ${van}-${tot}, apart van het tekort (${mln(x.cumulatiefTekort)}), dat zij daarmee deels zelf zouden kunnen dekken.`);
    }
  }

  const groups: [string, (post: string) => boolean][] = [
    ['kosten', (p) => p.startsWith('kosten.')],
    ['inkomsten', (p) => p.startsWith('inkomsten.')],
    ['tekort en dekking', (p) => p.startsWith('tekort') || p === 'dekkingsgraad'],
  ];
  const datakwaliteit = groups.flatMap(([groep, match]) =>
    (['terugblik', 'vooruitblik'] as const).map((periode) => {
      const rows = run.rows.filter((x) => match(x.post) && x.provincie !== 'NL' && (periode === 'terugblik' ? x.jaar <= base : x.jaar > base));
      const aantallen = Object.fromEntries(STATUSES.map((s) => [s, rows.filter((x) => x.status === s).length])) as Record<Status, number>;
      return { groep: `${groep}, ${periode}`, aantallen };
    }),
  );

  const aannames = [
    // Labelled stand-ins in macro.csv (e.g. a GDP deflator where no published figure was found).
    ...run.data.macro
      .filter((m) => m.status === 'aanname')
      .map((m) => ({ naam: `${m.reeks} ${m.jaar} (${m.publicatie})`, waarde: withUnit(m.basiseenheid, m.basiseenheid === 'fractie' ? pct(m.waarde) : m.waarde.toString()), toelichting: m.methode })),
    ...run.data.aannames.map((a) => ({
      naam: a.naam,
      waarde: withUnit(a.basiseenheid, describeInput(a.verloop ?? a.waarde, a.waarde, showIn(a.basiseenheid))),
      toelichting: a.methode,
    })),
    ...run.result.plan.developments.flatMap((dv) =>
      Object.entries(dv.parameters)
        .filter(([, p]) => !PUBLISHED_STATUSES.includes(p.status))
        .map(([k, p]) => ({
          naam: `${dv.definitie.naam}.${k}`,
          waarde: withUnit(p.eenheid, describeInput(p.invoer ?? p.verloop ?? p.waarde, p.waarde, showIn(p.eenheid), dv.startjaar)),
          toelichting: `${p.status}: ${p.toelichting}`,
        })),
    ),
    ...(run.comparison?.constructies ?? []).flatMap((c) => c.aannames.map((a) => ({ naam: `${c.id}.${a.naam}`, waarde: '', toelichting: a.toelichting }))),
  ];
  const bronnen = [...run.data.bronnen.values()]
    .sort((a, b) => byText(a.id, b.id))
    .map((s) => ({ id: s.id, titel: s.titel, uitgever: s.uitgever, datum: s.datum, url: s.url }));

  const variant = baseRun ? variantSection(run, baseRun) : undefined;
  const director = directorPage(run, {
    waargenomen: observedNl,
    metAfbakening: observedNl.plus(scopeNl),
    ...(variant ? { variant: { basis: variant.basis.naam, verschil: variant.perJaar.at(-1)?.verschil ?? new Decimal(0), cumulatief: variant.cumulatief.verschil } } : {}),
  });
  const perProvincie = PROVINCE_CODES.filter((p) => !run.loaded.content.uitvoer?.provincies || run.loaded.content.uitvoer.provincies.includes(p) || run.loaded.content.uitvoer.provincies.includes('NL')).map((p) => ({ provincie: p, naam: provinceName(p), jaren: r.jaren.filter((y) => y <= tot).map((y) => figures(run, p, y)) }));
  const notes = alikeNotes(run, tot, waarneming);
  return {
    titel: `Natuurtaken en -middelen van de provincies: scenario ${run.loaded.content.naam}`,
    beschrijving: run.loaded.content.beschrijving ?? '',
    meta: { scenario: run.loaded.content.naam, bestanden: run.loaded.files.map((f) => f.path).join(' → '), gegevensDatum: dataDate(run.data), versie: toolVersion() },
    ...(run.loaded.basisNaam ? { basis: { naam: run.loaded.basisNaam, wijzigingen: run.loaded.wijzigingen } } : {}),
    ...(variant ? { variant } : {}),
    basisjaar: base,
    venster: run.window,
    samenvatting: director.zinnen,
    neutraal: director.neutraal,
    toelichting,
    uitleg: director.uitleg,
    factsheets: factsheets(run, perProvincie.length === 12 ? perProvincie : PROVINCE_CODES.map((p) => ({ provincie: p, naam: provinceName(p), jaren: r.jaren.filter((y) => y <= tot).map((y) => figures(run, p, y)) })), waarneming, notes),
    bronGroepen: sourceGroups(run.data.bronnen.values()),
    terugblik: history.map(nl),
    vooruitblik: future.map(nl),
    index,
    fondspad,
    perProvincie,
    datakwaliteit,
    aannames,
    // Files named relative to the run's root, as in the manifest, so the report is the same from any folder.
    waarschuwingen: run.waarschuwingen.map((w) => formatIssue({ ...w, ...(w.file !== undefined ? { file: run.loaded.files.find((f) => f.file === w.file)?.path ?? w.file } : {}) })),
    bronnen,
    waarneming,
    perProvincieToelichting: notes,
  };
}

/**
 * Where provinces have the same coverage ratio (to four decimals) in the last year, or no figures
 * of their own at all, say why: they share an estimate, not a finding.
 */
function alikeNotes(run: ScenarioRun, year: number, waarneming: readonly ObservedShare[]): string[] {
  const notes: string[] = [];
  const without = waarneming.filter((w) => w.jaren.length === 0);
  const little = waarneming.filter((w) => w.jaren.length > 0 && w.waargenomen.plus(w.afbakeningAangenomen).lessThan(new Decimal('0.05')));
  if (little.length > 0) {
    notes.push(
      `${little.map((w) => w.naam).join(', ')}: minder dan 5% van de uitgaven in de terugblik rust op eigen cijfers; de rest zijn landelijke bedragen verdeeld met verdeelsleutels. Verschillen met andere provincies komen dan vooral uit die sleutels, niet uit waarnemingen.`,
    );
  }
  if (without.length > 0) {
    notes.push(
      `${without.map((w) => w.naam).join(', ')}: geen eigen gepubliceerde uitgaven in de gegevens. De uitgaven zijn landelijke bedragen verdeeld met verdeelsleutels; verschillen met andere provincies komen alleen uit die sleutels.`,
    );
  }
  const cell = (p: RegionCode) => (run.comparison ? run.comparison.row('C0', p, year, 'dekkingsgraad') : run.result.cell(p, year, 'dekkingsgraad')).bedrag_eur;
  const groups = new Map<string, string[]>();
  for (const p of PROVINCE_CODES) {
    const k = cell(p).toDecimalPlaces(4).toString();
    groups.set(k, [...(groups.get(k) ?? []), provinceName(p)]);
  }
  for (const [k, names] of groups) {
    if (names.length > 1) notes.push(`${names.join(', ')} hebben in ${year} dezelfde dekkingsgraad (${pct(new Decimal(k))}): zij delen dezelfde schatting, het is geen waarneming.`);
  }
  return notes;
}

/** A parameter value in its unit, for the assumptions table: amounts in mln, fractions as they are. */
function showIn(eenheid: string): (d: Decimal) => string {
  return eenheid === 'EUR' ? (d) => mln(d) : (d) => d.toString();
}
const withUnit = (eenheid: string, text: string) => (eenheid === 'EUR' || eenheid === 'jaar' ? text : `${text} (${eenheid})`);

export { mln as formatMln, pct as formatPct };

/** The fund path as table rows, shared by the Markdown and HTML reports. */
export const FUND_HEADER = ['jaar', 'algemene uitkering', 'accres', 'mutaties', 'natuurdeel', 'natuurkosten', 'natuurdeel / kosten', 'status natuurdeel'];
export function fundRows(rows: readonly FundPathRow[]): string[][] {
  return rows.map((f) => [String(f.jaar), mln(f.algemeneUitkering), mln(f.accres), mln(f.mutaties), mln(f.natuurdeel), mln(f.natuurkosten), pct(f.dekking), f.status]);
}
