/**
 * The content of a report, computed once from a scenario run; the Markdown, HTML and spreadsheet
 * writers are views of it. Sections: samenvatting, terugblik, vooruitblik, index, constructies,
 * wat is ervoor nodig, ontleding, per provincie, aannames en datakwaliteit, bronnen, manifest.
 */
import { describeInput } from '../core/parameter.js';
import { cumulativeIndex, indexFactors } from '../core/indexation/index.js';
import { Decimal, sum } from '../core/decimal.js';
import { formatIssue, UserError } from '../core/errors.js';
import { PROVINCE_CODES, provinceName, type RegionCode } from '../core/provinces.js';
import { PUBLISHED_STATUSES, STATUSES, type Status } from '../core/status.js';
import type { ScenarioRun } from '../io/run-scenario.js';
import { formatMlnText, formatNumberNl } from '../core/format.js';
import { byText } from '../core/order.js';

export interface YearFigures {
  readonly jaar: number;
  readonly kosten: Decimal;
  readonly inkomsten: Decimal;
  readonly tekort: Decimal;
  readonly dekking: Decimal;
  readonly status: Status;
}

export interface IndexRow {
  readonly jaar: number;
  readonly fonds: Decimal;
  readonly kosten: Decimal;
  readonly verhouding: Decimal;
}

export interface ReportModel {
  readonly titel: string;
  readonly beschrijving: string;
  readonly basis?: { readonly naam: string; readonly wijzigingen: readonly { readonly pad: string; readonly waarde: string }[] };
  readonly basisjaar: number;
  readonly venster: { readonly van: number; readonly tot: number };
  readonly samenvatting: readonly string[];
  readonly terugblik: readonly YearFigures[];
  readonly vooruitblik: readonly YearFigures[];
  readonly index: { readonly rijen: readonly IndexRow[]; readonly fout?: string };
  readonly perProvincie: readonly { readonly provincie: RegionCode; readonly naam: string; readonly jaren: readonly YearFigures[] }[];
  readonly datakwaliteit: readonly { readonly groep: string; readonly aantallen: Readonly<Record<Status, number>> }[];
  readonly aannames: readonly { readonly naam: string; readonly waarde: string; readonly toelichting: string }[];
  /** Values outside their plausible range (see `bounds.ts`), each with its place: shown in the assumptions section. */
  readonly waarschuwingen: readonly string[];
  readonly bronnen: readonly { readonly id: string; readonly titel: string; readonly uitgever: string; readonly datum: string; readonly url: string }[];
}

function figures(run: ScenarioRun, p: RegionCode, y: number): YearFigures {
  const constructie = run.comparison ? 'C0' : undefined;
  const cell = (post: 'kosten.totaal' | 'inkomsten.totaal' | 'tekort' | 'dekkingsgraad') =>
    constructie ? run.comparison!.row(constructie, p, y, post) : run.result.cell(p, y, post);
  const t = cell('tekort');
  return { jaar: y, kosten: cell('kosten.totaal').bedrag_eur, inkomsten: cell('inkomsten.totaal').bedrag_eur, tekort: t.bedrag_eur, dekking: cell('dekkingsgraad').bedrag_eur, status: t.status };
}

const mln = (d: Decimal) => formatMlnText(d, 1);
const pct = (d: Decimal) => `${formatNumberNl(d.times(100), 1)}%`;

export function reportModel(run: ScenarioRun): ReportModel {
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

  const cumulative = sum(future.filter((y) => y >= van).map((y) => nl(y).tekort));
  const d = run.decomposition.find((x) => x.provincie === 'NL')!;
  const devs = run.result.plan.developments.map((x) => x.definitie.naam);
  const samenvatting = [
    `In ${base}, het laatste jaar van de terugblik, kostten de natuurtaken van de provincies samen ${mln(nl(base).kosten)} tegen ${mln(nl(base).inkomsten)} aan inkomsten van Rijk en EU: een tekort van ${mln(nl(base).tekort)} (dekkingsgraad ${pct(nl(base).dekking)}).`,
    `In ${tot} is het tekort volgens dit scenario ${mln(nl(tot).tekort)} (dekkingsgraad ${pct(nl(tot).dekking)}); over ${van}-${tot} samen ${mln(cumulative)}.`,
    `De verandering van het tekort tussen ${base} en ${tot} (${mln(d.totaal)}) komt uit prijs ${mln(d.prijs)}, volume ${mln(d.volume)}, nieuwe taken ${mln(d.nieuweTaken)} en financiering ${mln(d.financiering)}.`,
    devs.length > 0 ? `Externe ontwikkelingen in dit scenario: ${devs.join(', ')}.` : 'Dit scenario heeft geen externe ontwikkelingen.',
  ];
  if (run.comparison) {
    const nlRows = run.comparison.samenvatting.filter((s) => s.provincie === 'NL');
    const best = [...nlRows].sort((a, b) => a.cumulatiefTekort.comparedTo(b.cumulatiefTekort))[0]!;
    samenvatting.push(`Van de ${nlRows.length} constructies geeft ${best.constructie} het kleinste cumulatieve tekort over ${van}-${tot}: ${mln(best.cumulatiefTekort)} (C0: ${mln(nlRows.find((x) => x.constructie === 'C0')!.cumulatiefTekort)}).`);
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

  return {
    titel: `Natuurtaken en -middelen van de provincies: scenario ${run.loaded.content.naam}`,
    beschrijving: run.loaded.content.beschrijving ?? '',
    ...(run.loaded.basisNaam ? { basis: { naam: run.loaded.basisNaam, wijzigingen: run.loaded.wijzigingen } } : {}),
    basisjaar: base,
    venster: run.window,
    samenvatting,
    terugblik: history.map(nl),
    vooruitblik: future.map(nl),
    index,
    perProvincie: PROVINCE_CODES.filter((p) => !run.loaded.content.uitvoer?.provincies || run.loaded.content.uitvoer.provincies.includes(p) || run.loaded.content.uitvoer.provincies.includes('NL')).map((p) => ({ provincie: p, naam: provinceName(p), jaren: r.jaren.filter((y) => y <= tot).map((y) => figures(run, p, y)) })),
    datakwaliteit,
    aannames,
    // Files named relative to the run's root, as in the manifest, so the report is the same from any folder.
    waarschuwingen: run.waarschuwingen.map((w) => formatIssue({ ...w, ...(w.file !== undefined ? { file: run.loaded.files.find((f) => f.file === w.file)?.path ?? w.file } : {}) })),
    bronnen,
  };
}

/** A parameter value in its unit, for the assumptions table: amounts in mln, fractions as they are. */
function showIn(eenheid: string): (d: Decimal) => string {
  return eenheid === 'EUR' ? (d) => mln(d) : (d) => d.toString();
}
const withUnit = (eenheid: string, text: string) => (eenheid === 'EUR' || eenheid === 'jaar' ? text : `${text} (${eenheid})`);

export { mln as formatMln, pct as formatPct };
