/**
 * `natuurpact vergelijk`: any post of the tidy result table for N scenarios side by side, the first
 * the reference, each other one as its difference from it, per region and projection year; as a
 * text table, as CSV and as an HTML page. The unit follows the post: euros (shown in mln with one
 * decimal) for money, a ratio for `dekkingsgraad` (shown as a percentage; differences in
 * procentpunten), never "mln euro" for a ratio.
 */
import { Decimal } from '../core/decimal.js';
import { UserError } from '../core/errors.js';
import { isFundLine } from '../core/model/lines.js';
import { STATUS_QUO } from '../core/model/run.js';
import { PROVINCE_CODES, provinceName, type RegionCode } from '../core/provinces.js';
import type { ScenarioRun } from '../io/run-scenario.js';
import { lineChart, renderSvg } from './charts.js';
import { toCsv, type CsvStyle } from './csv.js';
import { formatMillions, formatNumberNl } from './format.js';
import { esc, htmlTable, PAGE_END, pageHead } from './html-parts.js';
import { dataDate } from './sources.js';
import { textTable } from './table.js';

export type PostUnit = 'euro' | 'fractie';

/** The unit of a post of the tidy table: the coverage ratio is a fraction, everything else euros. */
export const unitOfPost = (post: string): PostUnit => (post === 'dekkingsgraad' ? 'fractie' : 'euro');

export interface ScenarioComparison {
  readonly post: string;
  /** The construction the figures are under (C0: the status quo). */
  readonly constructie: string;
  readonly eenheid: PostUnit;
  readonly scenarios: readonly { readonly naam: string; readonly bestand: string }[];
  readonly jaren: readonly number[];
  readonly regios: readonly RegionCode[];
  /** Value of scenario s in region r and year y: `waarden[s][r][y]` by index. */
  readonly waarden: readonly (readonly (readonly Decimal[])[])[];
  readonly gegevensDatum: string;
  readonly versie: string;
}

/** Posts a run has under a construction label (fund lines under C0, where they are kept). */
export function postsOf(run: ScenarioRun, constructie: string): Set<string> {
  return new Set(run.rows.filter((r) => r.constructie === constructie || (isFundLine(r.post) && r.constructie === STATUS_QUO)).map((r) => r.post));
}

/**
 * The comparison of `post` over the runs (at least two), under `constructie` (default the status
 * quo). A post a run does not have is a user error naming the scenario.
 */
export function compareScenarioRuns(runs: readonly ScenarioRun[], post: string, versie: string, constructie: string = STATUS_QUO): ScenarioComparison {
  const label = isFundLine(post) ? STATUS_QUO : constructie;
  const index = runs.map((run) => {
    const m = new Map<string, Decimal>();
    for (const r of run.rows) if (r.post === post && r.constructie === label) m.set(`${r.provincie}|${r.jaar}`, r.bedrag_eur);
    if (m.size === 0) throw new UserError({ file: run.loaded.file, message: `post '${post}' staat niet in de resultaten van scenario ${run.loaded.content.naam}${label !== STATUS_QUO ? ` onder ${label}` : ''}` });
    return m;
  });
  const regios: RegionCode[] = isFundLine(post) ? ['NL'] : [...PROVINCE_CODES, 'NL'];
  const base = runs[0]!.result.basisjaar;
  const jaren = [...new Set(runs[0]!.result.jaren)].filter((y) => y > base && index.every((m) => m.has(`NL|${y}`)));
  const names = uniqueNames(runs.map((r) => r.loaded.content.naam));
  return {
    post,
    constructie: label,
    eenheid: unitOfPost(post),
    scenarios: runs.map((r, i) => ({ naam: names[i]!, bestand: r.loaded.files.map((f) => f.path).join(' → ') })),
    jaren,
    regios,
    waarden: index.map((m) => regios.map((p) => jaren.map((y) => m.get(`${p}|${y}`) ?? new Decimal(0)))),
    gegevensDatum: dataDate(runs[0]!.data),
    versie,
  };
}

/** Names made unique (a scenario compared with itself): the second `basis` is `basis_2`. */
function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    return k === 1 ? n : `${n}_${k}`;
  });
}

const regionName = (p: RegionCode) => (p === 'NL' ? 'NL Nederland' : `${p} ${provinceName(p)}`);

/** A value in its unit for reading: mln euro with one decimal, or a percentage with one decimal. */
export function shown(c: Pick<ScenarioComparison, 'eenheid'>, d: Decimal): string {
  return c.eenheid === 'fractie' ? `${formatNumberNl(d.times(100), 1)}%` : formatMillions(d);
}
/** A difference in its unit: mln euro, or procentpunten. */
export function shownDifference(c: Pick<ScenarioComparison, 'eenheid'>, d: Decimal): string {
  return c.eenheid === 'fractie' ? formatNumberNl(d.times(100), 1) : formatMillions(d);
}
const unitText = (c: ScenarioComparison) => (c.eenheid === 'fractie' ? 'in procenten; verschillen in procentpunten' : 'in mln euro');
const difference = (c: ScenarioComparison, s: number, r: number, y: number) => c.waarden[s]![r]![y]!.minus(c.waarden[0]![r]![y]!);

function heading(c: ScenarioComparison): string {
  const under = c.constructie === STATUS_QUO ? 'in de status quo (C0; kies een constructie met --constructie)' : `onder constructie ${c.constructie}`;
  return `${c.post} ${under}, ${unitText(c)}. Referentie: ${c.scenarios[0]!.naam}.`;
}

export function comparisonText(c: ScenarioComparison): string {
  const nl = c.regios.indexOf('NL');
  const years = c.jaren.map((y) => ({ titel: String(y), rechts: true }));
  const parts = [
    heading(c),
    '',
    'Landelijk (NL):',
    textTable([{ titel: 'scenario' }, ...years], c.scenarios.map((s, i) => [s.naam, ...c.jaren.map((_, y) => shown(c, c.waarden[i]![nl]![y]!))])),
  ];
  for (let s = 1; s < c.scenarios.length; s++) {
    parts.push(
      '',
      `${c.scenarios[s]!.naam} min ${c.scenarios[0]!.naam} (positief: hoger in ${c.scenarios[s]!.naam}):`,
      textTable([{ titel: 'provincie' }, ...years], c.regios.map((p, r) => [regionName(p), ...c.jaren.map((_, y) => shownDifference(c, difference(c, s, r, y)))])),
    );
  }
  return parts.join('\n') + '\n';
}

/** Euros with two decimals; a ratio with 15 significant digits (as `resultaten.csv`). */
const csvValue = (c: ScenarioComparison, d: Decimal) => (c.eenheid === 'fractie' ? d.toSignificantDigits(15, Decimal.ROUND_HALF_EVEN).toFixed() : d.toFixed(2, Decimal.ROUND_HALF_EVEN));

/**
 * One row per region and year: `provincie, jaar, constructie, post, eenheid` (`euro` or `fractie`),
 * `waarde_<scenario>` for each scenario and `verschil_<scenario>` (minus the first) for the others.
 */
export function comparisonCsv(c: ScenarioComparison, style: CsvStyle): string {
  const header = ['provincie', 'jaar', 'constructie', 'post', 'eenheid', ...c.scenarios.map((s) => `waarde_${s.naam}`), ...c.scenarios.slice(1).map((s) => `verschil_${s.naam}`)];
  const rows = c.regios.flatMap((p, r) =>
    c.jaren.map((y, yi) => [
      p,
      { number: String(y) },
      c.constructie,
      c.post,
      c.eenheid,
      ...c.scenarios.map((_, s) => ({ number: csvValue(c, c.waarden[s]![r]![yi]!) })),
      ...c.scenarios.slice(1).map((_, k) => ({ number: csvValue(c, difference(c, k + 1, r, yi)) })),
    ]),
  );
  return toCsv(header, rows, style);
}

/** A self-contained page: the NL figures as a chart and a table, and each scenario's difference per province. */
export async function comparisonHtml(c: ScenarioComparison): Promise<string> {
  const nl = c.regios.indexOf('NL');
  const title = `Scenario's vergeleken: ${c.post}`;
  const unit = c.eenheid === 'fractie' ? 'procent' : 'mln euro';
  const toNumber = (d: Decimal) => Math.round((c.eenheid === 'fractie' ? d.times(100) : d.dividedBy(1e6)).toNumber() * 10) / 10;
  const chart = await renderSvg(
    lineChart(c.scenarios.flatMap((s, i) => c.jaren.map((y, yi) => ({ jaar: y, reeks: s.naam, waarde: toNumber(c.waarden[i]![nl]![yi]!) }))), c.jaren[0]! - 1, unit),
    `${c.post} per jaar, landelijk, per scenario (${unit})`,
  );
  const parts = [
    pageHead(title, `natuurpact ${c.versie} · vergelijking ${c.scenarios.map((s) => s.naam).join(', ')} · gegevens geraadpleegd tot en met ${c.gegevensDatum}`),
    `<h1>${esc(title)}</h1>`,
    `<p class="meta">natuurpact ${esc(c.versie)} · gegevens geraadpleegd tot en met ${esc(c.gegevensDatum)}</p>`,
    `<p>${esc(heading(c))}</p>`,
    `<ul>${c.scenarios.map((s, i) => `<li><strong>${esc(s.naam)}</strong> (${esc(s.bestand)})${i === 0 ? ': referentie' : ''}</li>`).join('')}</ul>`,
    `<figure>${chart}<figcaption>Landelijk, ${esc(unit)}.</figcaption></figure>`,
    '<h2>Landelijk</h2>',
    htmlTable(['scenario', ...c.jaren.map(String)], c.scenarios.map((s, i) => [s.naam, ...c.jaren.map((_, y) => shown(c, c.waarden[i]![nl]![y]!))])),
  ];
  for (let s = 1; s < c.scenarios.length; s++) {
    parts.push(
      `<h2>${esc(c.scenarios[s]!.naam)} min ${esc(c.scenarios[0]!.naam)}</h2><p class="note">Positief: hoger in ${esc(c.scenarios[s]!.naam)}; ${esc(c.eenheid === 'fractie' ? 'procentpunten' : 'mln euro')}.</p>`,
      htmlTable(['provincie', ...c.jaren.map(String)], c.regios.map((p, r) => [regionName(p), ...c.jaren.map((_, y) => shownDifference(c, difference(c, s, r, y)))])),
    );
  }
  parts.push(PAGE_END);
  return parts.join('\n');
}
