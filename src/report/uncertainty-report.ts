/**
 * The uncertainty report (`natuurpact onzekerheid`): one run's Monte Carlo, tornado, variance
 * shares and assumption register, and its views: `kwantielen.csv`, `gevoeligheid.csv`,
 * `rapport.md` and `rapport.html` (the workbook is `uncertainty-xlsx.ts`). User-facing text is
 * Dutch; amounts in the tables in millions of euros, in the CSV files in euros.
 *
 * Monte Carlo statistics are floats from the fast path: the CSV gives them in whole euros (and the
 * coverage ratio to 6 decimals); the column `centraal` is the exact deterministic value, in cents.
 */
import { Decimal } from '../core/decimal.js';
import { formatNumberNl } from '../core/format.js';
import { provinceName, type RegionCode } from '../core/provinces.js';
import { QUALITY_NAMES, showValue, type InputCatalogue, type UncertainInput } from '../core/uncertainty/inputs.js';
import type { UncertaintyModel } from '../core/uncertainty/model.js';
import { QUANTILES, REGIONS, type McLine, type SeriesSummary, type Window } from '../core/uncertainty/montecarlo.js';
import { IMPACT_HIGH, IMPACT_MEDIUM, narrowing, type RegisterRow } from '../core/uncertainty/register.js';
import { OUTPUTS, outcomeIndex, type Tornado } from '../core/uncertainty/sensitivity.js';
import type { SobolResult } from '../core/uncertainty/sobol.js';
import { toCsv, type CsvCell } from './csv.js';
import { mdTable } from './markdown.js';

export interface UncertaintyRun {
  readonly scenario: string;
  readonly beschrijving: string;
  readonly constructie?: { readonly id: string; readonly naam: string };
  readonly trekkingen: number;
  readonly zaad: number;
  /** Threshold for the probability of a gap above it, euros. */
  readonly drempel: number;
  /** Base rows of the variance shares. */
  readonly gevoeligheidN: number;
  readonly basisjaar: number;
  readonly venster: Window;
  readonly catalogue: InputCatalogue;
  readonly model: UncertaintyModel;
  readonly summary: readonly SeriesSummary[];
  /** The exact deterministic value of a series (the run, or the construction's comparison rows). */
  centraal(p: RegionCode, jaar: number, post: McLine): number;
  /** The exact gap of a look-back year. */
  terugblik(p: RegionCode, jaar: number): number;
  readonly tornado: Tornado;
  readonly sobol: SobolResult;
  readonly register: readonly RegisterRow[];
  readonly manifestSamenvatting: string;
}

const fl = (x: number) => new Decimal(x);
const mln = (x: number, decimals = 1) => formatNumberNl(fl(x / 1e6), decimals);
const pct = (x: number, decimals = 1) => `${formatNumberNl(fl(x * 100), decimals)}%`;
const euros = (x: number) => x.toFixed(0);
const constructieId = (run: UncertaintyRun) => run.constructie?.id ?? 'C0';
const regionName = (p: RegionCode) => (p === 'NL' ? 'NL Nederland' : `${p} ${provinceName(p)}`);
const value = (post: McLine, x: number) => (post === 'dekkingsgraad' ? pct(x) : `${mln(x)} mln`);

export const QUANTILE_HEADER = ['scenario', 'constructie', 'provincie', 'jaar', 'post', 'centraal', 'gemiddelde', 'sd', 'p5', 'p25', 'p50', 'p75', 'p95', 'mc_fout_p50', 'kans_tekort_boven_drempel'] as const;

/** `kwantielen.csv`: per region, year and line the central value and the Monte Carlo statistics. */
export function quantilesCsv(run: UncertaintyRun): string {
  const ratio = (post: McLine) => post === 'dekkingsgraad';
  const n = (post: McLine, x: number): CsvCell => ({ number: ratio(post) ? x.toFixed(6) : euros(x) });
  return toCsv(
    QUANTILE_HEADER,
    run.summary.map((s) => {
      const c = run.centraal(s.provincie, s.jaar, s.post);
      return [
        run.scenario,
        constructieId(run),
        s.provincie,
        { number: String(s.jaar) },
        s.post,
        { number: ratio(s.post) ? c.toFixed(6) : c.toFixed(2) },
        n(s.post, s.gemiddelde),
        n(s.post, s.sd),
        ...s.kwantielen.map((q) => n(s.post, q)),
        n(s.post, s.foutP50),
        { number: s.kansBovenDrempel === undefined ? '' : s.kansBovenDrempel.toFixed(4) },
      ];
    }),
  );
}

const OUTCOME_NAMES = (w: Window) => ({ eindjaar: `tekort ${w.tot}`, cumulatief: `tekort ${w.van}-${w.tot}` });

/** `gevoeligheid.csv`: per region, outcome and input the tornado (P10, P90) and the Sobol indices. */
export function sensitivityCsv(run: UncertaintyRun): string {
  const inputs = run.catalogue.gevarieerd;
  const d = inputs.length;
  const names = OUTCOME_NAMES(run.venster);
  const rows: CsvCell[][] = [];
  const numberOf = (x: number, digits = 6) => ({ number: x.toFixed(digits) });
  REGIONS.forEach((p, r) => {
    for (const outcome of ['eindjaar', 'cumulatief'] as const) {
      const k = outcomeIndex(r, outcome);
      inputs.forEach((input, j) => {
        const low = run.tornado.laag[j * OUTPUTS + k]!;
        const high = run.tornado.hoog[j * OUTPUTS + k]!;
        rows.push([
          run.scenario,
          constructieId(run),
          p,
          names[outcome],
          input.naam,
          { number: inputValue(input, run.tornado.waarden[j]![0]) },
          { number: inputValue(input, run.tornado.waarden[j]![1]) },
          { number: euros(run.tornado.centraal[k]!) },
          { number: euros(low) },
          { number: euros(high) },
          { number: euros(Math.abs(high - low)) },
          numberOf(run.sobol.first[k * d + j]!, 4),
          numberOf(run.sobol.firstSe[k * d + j]!, 4),
          numberOf(run.sobol.total[k * d + j]!, 4),
          numberOf(run.sobol.totalSe[k * d + j]!, 4),
        ]);
      });
    }
  });
  return toCsv(
    ['scenario', 'constructie', 'provincie', 'uitkomst', 'invoer', 'invoer_p10', 'invoer_p90', 'uitkomst_centraal', 'uitkomst_bij_p10', 'uitkomst_bij_p90', 'zwaai', 's1', 's1_fout', 'st', 'st_fout'],
    rows,
  );
}

/** An input's value as a number in its base unit (z for the look-back). */
function inputValue(input: UncertainInput, x: number): string {
  return input.eenheid === 'EUR' ? x.toFixed(0) : x.toPrecision(8);
}

function summaryOf(run: UncertaintyRun, p: RegionCode, jaar: number, post: McLine): SeriesSummary {
  return run.summary.find((s) => s.provincie === p && s.jaar === jaar && s.post === post)!;
}

/** Dutch sentences for the summary section. */
export function summaryLines(run: UncertaintyRun): string[] {
  const { van, tot } = run.venster;
  const end = summaryOf(run, 'NL', tot, 'tekort');
  const cum = summaryOf(run, 'NL', tot, 'tekort.cumulatief_venster');
  const top = run.register.filter((r) => r.gevarieerd).slice(0, 3);
  const q = (s: SeriesSummary) => `P5 ${mln(s.kwantielen[0]!)} mln, P50 ${mln(s.kwantielen[2]!)} mln, P95 ${mln(s.kwantielen[4]!)} mln`;
  return [
    `${run.trekkingen} trekkingen (zaad ${run.zaad}) van ${run.catalogue.gevarieerd.length} onzekere invoeren${run.constructie ? `, onder constructie ${run.constructie.id} ${run.constructie.naam}` : ''}; ${run.catalogue.vast.length} aannames en schattingen blijven vast (zie het register).`,
    `Het landelijke tekort in ${tot} is volgens het model ${mln(run.centraal('NL', tot, 'tekort'))} mln; de trekkingen geven ${q(end)} (Monte Carlo-fout van de P50: ${mln(end.foutP50)} mln).`,
    `Over ${van}-${tot} samen: centraal ${mln(run.centraal('NL', tot, 'tekort.cumulatief_venster'))} mln; ${q(cum)}.`,
    `Kans dat het landelijke tekort in ${tot} boven ${mln(run.drempel)} mln ligt: ${pct(end.kansBovenDrempel ?? 0)}.`,
    `Wat de spreiding het meest bepaalt (aandeel in de variantie van het tekort ${tot}): ${top.map((r) => `${r.invoer.naam} ${pct(r.eindjaar!.s)}`).join(', ')}.`,
  ];
}

export interface RegisterTableRow {
  readonly cells: readonly string[];
  readonly oordeel: string;
}

export function registerHeader(w: Window): string[] {
  return ['rang', 'invoer', 'wat', 'kwaliteit (status, bron)', 'verdeling', `aandeel variantie tekort ${w.tot}`, `aandeel variantie tekort ${w.van}-${w.tot}`, `zwaai P10-P90 tekort ${w.tot}`, 'oordeel'];
}

export function registerRows(run: UncertaintyRun): RegisterTableRow[] {
  return run.register.map((r) => {
    const i = r.invoer;
    const sources = i.bron.length > 3 ? `${i.bron.slice(0, 3).join(', ')} en ${i.bron.length - 3} meer` : i.bron.join(', ');
    const quality = `${QUALITY_NAMES[i.kwaliteit]} (${i.status}${i.bron.length > 0 ? `; ${sources}` : '; zonder bron'})`;
    const share = (x?: { s: number; se: number }) => (x ? `${pct(Math.max(0, x.s))} ± ${pct(x.se)}` : '—');
    return {
      cells: [
        r.rang ? String(r.rang) : '—',
        i.naam,
        i.omschrijving,
        quality,
        r.gevarieerd ? (i as UncertainInput).beschrijving : `vast: ${'waarde' in i ? i.waarde : ''}`,
        share(r.eindjaar),
        share(r.cumulatief),
        r.zwaaiEindjaar !== undefined ? `${mln(r.zwaaiEindjaar)} mln` : '—',
        r.oordeel,
      ],
      oordeel: r.oordeel,
    };
  });
}

export function ratingText(): string[] {
  return [
    `Aandeel in de variantie: de eerste-orde-Sobolindex S = Var(E[tekort | invoer]) / Var(tekort), wat het exact kennen van de invoer gemiddeld van de variantie wegneemt (schatter van Saltelli e.a. 2010; ± de Monte Carlo-standaardfout). Bij gecorreleerde invoer telt het gedeelde deel bij beide mee.`,
    `Impact: hoog bij S ≥ ${pct(IMPACT_HIGH, 0)} (alleen al een tiende van de variantie; kennen versmalt de standaardafwijking met minstens 5%), midden bij ${pct(IMPACT_MEDIUM, 0)}-${pct(IMPACT_HIGH, 0)}, laag onder ${pct(IMPACT_MEDIUM, 0)} (versmalt de standaardafwijking met minder dan 0,5%, ongeveer de Monte Carlo-fout). De grootste van de twee aandelen telt.`,
    `Kwaliteit uit status en bron: goed (realisatie, begroting), redelijk (raming, afgeleid, of een schatting of aanname met een bron), zwak (schatting of aanname zonder bron).`,
    `Oordeel (naar de Aqua Book van HM Treasury: kwaliteit en impact samen): rood = hoge impact en zwakke kwaliteit; oranje = hoge impact en redelijke of goede kwaliteit, of middelgrote impact en zwakke of redelijke kwaliteit; groen = de rest. De drempels zijn een keuze; de Aqua Book schrijft geen getallen voor.`,
  ];
}

/** "Which missing figures would narrow the range most", in Dutch. */
export function narrowingLines(run: UncertaintyRun): string[] {
  const { tot } = run.venster;
  const end = summaryOf(run, 'NL', tot, 'tekort');
  const cum = summaryOf(run, 'NL', tot, 'tekort.cumulatief_venster');
  return narrowing(run.register, end.sd, cum.sd).map(
    (n) =>
      `${n.invoer.naam} (${pct(n.s)} van de variantie): ${n.invoer.ontbrekend}. Exact bekend zou de standaardafwijking van het tekort ${tot} gemiddeld met ongeveer ${mln(n.minderSdEindjaar)} mln afnemen (van ${mln(end.sd)} mln), en die over het venster met ${mln(n.minderSdCumulatief)} mln.`,
  );
}

export function methodLines(run: UncertaintyRun): string[] {
  const m = run.model;
  return [
    `Trekkingen: Mersenne Twister MT19937 (zaad ${run.zaad}), standaardnormale getallen met de inverse verdelingsfunctie (Acklam, met een Halley-stap), gecorreleerd met een Gaussische copula (Cholesky), daarna de verdeling van elke invoer.`,
    `Snel pad: het exacte model is doorgerekend bij de centrale waarden en bij drie knopen per invoer (de 0,5%- en 99,5%-kwantielen of de grenzen van een begrensde verdeling, en halverwege); invoeren die dezelfde cel raken ook samen, in één tot drie hoekpunten. Dat gaf ${m.runs} exacte doorrekeningen, ${m.effects.length} effecten en ${m.pairs.length} wisselwerkingen. Bij de centrale waarden, in de knopen en in de hoekpunten geeft het snelle pad het exacte model op de cent; daartussen is het een benadering (derdegraads per invoer, per paar een wisselwerking door de hoekpunten).`,
    `De terugblik wordt niet getrokken: die staat in de waaier als lijn (de schatting). De onzekerheid van de geschatte terugblik zit in het basisjaar ${run.basisjaar}, waarop de projectie rust (invoeren terugblik.*).`,
    `Tornado: elke invoer op zijn P10 en P90, de andere op hun centrale waarde (zonder correlaties). Aandelen in de variantie: ${run.gevoeligheidN} basisrijen (N × (2 + invoeren + gecorreleerde invoeren) doorrekeningen van het snelle pad), eerste orde volgens Saltelli e.a. (2010), totaal volgens Jansen (1999), bij correlatie met voorwaardelijke trekkingen (Kucherenko, Tarantola en Annoni 2012).`,
    `Kwantielen: Hyndman en Fan type 7; de Monte Carlo-fout van de P50 volgt uit het binomiale betrouwbaarheidsinterval van de orde-statistieken.`,
  ];
}

const rowsOfQuantiles = (run: UncertaintyRun, post: McLine, jaar: number) =>
  REGIONS.map((p) => {
    const s = summaryOf(run, p, jaar, post);
    return [regionName(p), value(post, run.centraal(p, jaar, post)), ...s.kwantielen.map((q) => value(post, q))];
  });

const QUANTILE_COLUMNS = ['provincie', 'centraal', ...QUANTILES.map((q) => `P${Math.round(q * 100)}`)];

export function uncertaintyMarkdown(run: UncertaintyRun): string {
  const { van, tot } = run.venster;
  const out: string[] = [`# Onzekerheid: scenario ${run.scenario}${run.constructie ? `, constructie ${run.constructie.id}` : ''}`, ''];
  if (run.beschrijving) out.push(run.beschrijving, '');
  out.push('## Samenvatting', '', ...summaryLines(run).map((l) => `- ${l}`), '');
  out.push('## Waaier', '', `Landelijk tekort: \`waaier.svg\` (terugblik als lijn, projectie met banden P5-P95 en P25-P75), per provincie \`waaier-provincies.svg\`. Kwantielen per provincie en jaar: \`kwantielen.csv\`.`, '');
  const nlRows = run.model.years.map((y) => {
    const s = summaryOf(run, 'NL', y, 'tekort');
    return [String(y), `${mln(run.centraal('NL', y, 'tekort'))} mln`, ...s.kwantielen.map((q) => `${mln(q)} mln`), pct(s.kansBovenDrempel ?? 0)];
  });
  out.push(mdTable(['jaar', 'centraal', ...QUANTILE_COLUMNS.slice(2), `kans > ${mln(run.drempel)} mln`], nlRows), '');
  out.push(`### Tekort ${tot} per provincie`, '', mdTable(QUANTILE_COLUMNS, rowsOfQuantiles(run, 'tekort', tot)), '');
  out.push(`### Tekort ${van}-${tot} samen per provincie`, '', mdTable(QUANTILE_COLUMNS, rowsOfQuantiles(run, 'tekort.cumulatief_venster', tot)), '');
  out.push(`### Dekkingsgraad ${tot} per provincie`, '', mdTable(QUANTILE_COLUMNS, rowsOfQuantiles(run, 'dekkingsgraad', tot)), '');
  out.push('## Tornado', '', `Elke invoer op zijn P10 en P90 (de andere centraal): \`tornado.svg\` (landelijk, tekort ${tot}) en \`tornado-provincies.svg\`; alle provincies en beide uitkomsten in \`gevoeligheid.csv\`.`, '');
  out.push(mdTable(['invoer', `tekort ${tot} bij P10`, 'bij P90', 'zwaai'], tornadoRows(run, 'NL', 'eindjaar', 12)), '');
  out.push('## Register van aannames en schattingen', '', ...ratingText().map((l) => `- ${l}`), '');
  out.push(mdTable(registerHeader(run.venster), registerRows(run).map((r) => r.cells), 5), '');
  out.push('### Welke ontbrekende cijfers het meest zouden helpen', '', ...narrowingLines(run).map((l) => `- ${l}`), '');
  out.push('## Invoeren en hun verdeling', '', mdTable(['invoer', 'verdeling', 'redenering', 'waar'], inputRows(run.catalogue), 4), '');
  if (run.catalogue.correlaties.length > 0) out.push('## Correlaties', '', mdTable(['invoer', 'invoer', 'correlatie', 'redenering'], correlationRows(run.catalogue), 4), '');
  out.push('## Methode', '', ...methodLines(run).map((l) => `- ${l}`), '');
  out.push('## Manifest', '', run.manifestSamenvatting, '');
  return out.join('\n');
}

/** Tornado rows of a region and outcome: the inputs with the largest swing first. */
export function tornadoRows(run: UncertaintyRun, p: RegionCode, outcome: 'eindjaar' | 'cumulatief', count: number): string[][] {
  return tornadoOrder(run, p, outcome)
    .slice(0, count)
    .map((t) => [t.input.naam, `${mln(t.low)} mln`, `${mln(t.high)} mln`, `${mln(Math.abs(t.high - t.low))} mln`]);
}

export function tornadoOrder(run: UncertaintyRun, p: RegionCode, outcome: 'eindjaar' | 'cumulatief') {
  const k = outcomeIndex(REGIONS.indexOf(p), outcome);
  return run.catalogue.gevarieerd
    .map((input, j) => ({ input, low: run.tornado.laag[j * OUTPUTS + k]!, high: run.tornado.hoog[j * OUTPUTS + k]!, centre: run.tornado.centraal[k]! }))
    .sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low) || a.input.naam.localeCompare(b.input.naam));
}

export function inputRows(c: InputCatalogue): string[][] {
  return [
    ...c.gevarieerd.map((i) => [i.naam, `${i.beschrijving}${i.soort === 'terugblik' ? '' : `; centraal ${showValue(i.centraal, i.eenheid)}`}`, i.methode, i.waar ?? '']),
    ...c.vast.map((i) => [i.naam, `vast (${i.waarde})`, i.methode, i.waar ?? '']),
  ];
}

export function correlationRows(c: InputCatalogue): string[][] {
  return c.correlaties.map((r) => [r.a, r.b, formatNumberNl(fl(r.waarde), 2), r.methode]);
}
