/**
 * `rapport.html` of `natuurpact onzekerheid`: one self-contained file (styles and SVG charts inline,
 * no requests anywhere) with the same sections as the Markdown report, the fan charts, the tornado
 * and the register with its red/amber/green ratings.
 */
import { provinceName, PROVINCE_CODES, type RegionCode } from '../core/provinces.js';
import { REGIONS } from '../core/uncertainty/montecarlo.js';
import { renderSvg } from './charts.js';
import { fanChart, fanMultiples, tornadoChart, tornadoMultiples, type FanPoint, type TornadoBar } from './uncertainty-charts.js';
import {
  correlationRows,
  inputRows,
  methodLines,
  narrowingLines,
  ratingText,
  registerHeader,
  registerRows,
  summaryLines,
  tornadoOrder,
  type UncertaintyRun,
} from './uncertainty-report.js';

const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const toMln = (x: number) => Math.round(x / 1e5) / 10;

function table(header: readonly string[], rows: readonly (readonly string[])[], rightFrom = 1, classes?: readonly string[]): string {
  const th = header.map((h, i) => `<th${i >= rightFrom ? ' class="r"' : ''}>${esc(h)}</th>`).join('');
  const body = rows.map((r, k) => `<tr${classes?.[k] ? ` class="${classes[k]}"` : ''}>${r.map((c, i) => `<td${i >= rightFrom ? ' class="r"' : ''}>${esc(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const STYLE = `
body{font-family:Helvetica,Arial,sans-serif;color:#222;max-width:64rem;margin:2rem auto;padding:0 1rem;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.2rem;border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;margin:.6rem 0;font-size:.8rem;max-width:100%}td{overflow-wrap:anywhere}th,td{padding:.2rem .5rem;border-bottom:1px solid #e3e3e3;vertical-align:top}
th{text-align:left;background:#f4f4f4}.r{text-align:right;font-variant-numeric:tabular-nums}
tr.rood td:last-child{background:#f4c7c3;font-weight:bold}tr.oranje td:last-child{background:#fce3b6}tr.groen td:last-child{background:#d4ecd5}
figure{margin:1rem 0}figcaption{font-size:.8rem;color:#555}.note{font-size:.85rem;color:#444}
@media print{body{margin:0;max-width:none}h2{page-break-after:avoid}figure,table{page-break-inside:avoid}}
`;

/** The fan points of a region: the look-back (exact) and the projection's bands (millions of euros). */
export function fanPoints(run: UncertaintyRun, p: RegionCode, history: readonly number[]): FanPoint[] {
  const name = p === 'NL' ? 'Nederland' : provinceName(p);
  const past = history.map((jaar): FanPoint => ({ provincie: name, jaar, centraal: toMln(run.terugblik(p, jaar)), deel: 'terugblik' }));
  const future = run.model.years.map((jaar): FanPoint => {
    const s = run.summary.find((x) => x.provincie === p && x.jaar === jaar && x.post === 'tekort')!;
    const [p5, p25, p50, p75, p95] = s.kwantielen.map(toMln) as [number, number, number, number, number];
    return { provincie: name, jaar, p5, p25, p50, p75, p95, centraal: toMln(run.centraal(p, jaar, 'tekort')), deel: 'projectie' };
  });
  // The base year joins both parts, so the bands start where the line ends.
  const last = past.at(-1);
  return [...past, ...(last ? [{ ...last, p5: last.centraal, p25: last.centraal, p50: last.centraal, p75: last.centraal, p95: last.centraal, deel: 'projectie' as const }] : []), ...future];
}

export function tornadoBars(run: UncertaintyRun, p: RegionCode, count: number): TornadoBar[] {
  const name = p === 'NL' ? 'Nederland' : provinceName(p);
  return tornadoOrder(run, p, 'eindjaar')
    .slice(0, count)
    .flatMap((t, i) => [
      { provincie: name, invoer: t.input.naam, verschil: toMln(t.low - t.centre), kant: 'invoer op P10' as const, volgorde: i },
      { provincie: name, invoer: t.input.naam, verschil: toMln(t.high - t.centre), kant: 'invoer op P90' as const, volgorde: i },
    ]);
}

export interface UncertaintyCharts {
  readonly waaier: string;
  readonly waaierProvincies: string;
  readonly tornado: string;
  readonly tornadoProvincies: string;
}

export async function uncertaintyCharts(run: UncertaintyRun, history: readonly number[]): Promise<UncertaintyCharts> {
  const { tot } = run.venster;
  return {
    waaier: await renderSvg(
      fanChart(fanPoints(run, 'NL', history), run.basisjaar, 'tekort (mln euro)'),
      'Waaier van het landelijke tekort: terugblik, centrale projectie en de banden P5-P95 en P25-P75 van de trekkingen',
    ),
    waaierProvincies: await renderSvg(
      fanMultiples(PROVINCE_CODES.flatMap((p) => fanPoints(run, p, history)), run.basisjaar, 'tekort (mln euro)'),
      'Waaier van het tekort per provincie, elk met een eigen schaal',
    ),
    tornado: await renderSvg(
      tornadoChart(tornadoBars(run, 'NL', 12), `verschil met het centrale tekort ${tot} (mln euro)`),
      `Tornado: hoeveel het landelijke tekort in ${tot} verschuift als één invoer op P10 of P90 staat`,
    ),
    tornadoProvincies: await renderSvg(
      tornadoMultiples(PROVINCE_CODES.flatMap((p) => tornadoBars(run, p, 5)), `tekort ${tot}, verschil (mln euro)`),
      `Tornado per provincie: de vijf invoeren met de grootste invloed op het tekort in ${tot}`,
    ),
  };
}

export function uncertaintyHtml(run: UncertaintyRun, charts: UncertaintyCharts): string {
  const { van, tot } = run.venster;
  const title = `Onzekerheid: scenario ${run.scenario}${run.constructie ? `, constructie ${run.constructie.id}` : ''}`;
  const parts: string[] = [];
  parts.push(`<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n<title>${esc(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>`);
  parts.push(`<h1>${esc(title)}</h1>`);
  if (run.beschrijving) parts.push(`<p>${esc(run.beschrijving)}</p>`);
  parts.push(`<section id="samenvatting"><h2>Samenvatting</h2><ul>${summaryLines(run).map((l) => `<li>${esc(l)}</li>`).join('')}</ul></section>`);
  parts.push(
    `<section id="waaier"><h2>Waaier: het tekort met zijn onzekerheid</h2><figure>${charts.waaier}<figcaption>Landelijk tekort, mln euro. Zwarte lijn: de terugblik (gegevens en schattingen) en, gestippeld, de centrale projectie; rood: de mediaan van de trekkingen, met de banden P25-P75 (donker) en P5-P95 (licht).</figcaption></figure>` +
      `<figure>${charts.waaierProvincies}<figcaption>Per provincie, eigen schaal.</figcaption></figure>` +
      table(
        ['provincie', `centraal ${tot}`, 'P5', 'P25', 'P50', 'P75', 'P95', `kans tekort > drempel`],
        REGIONS.map((p) => {
          const s = run.summary.find((x) => x.provincie === p && x.jaar === tot && x.post === 'tekort')!;
          const m = (x: number) => `${toMln(x).toFixed(1).replace('.', ',')} mln`;
          return [p === 'NL' ? 'NL Nederland' : `${p} ${provinceName(p)}`, m(run.centraal(p, tot, 'tekort')), ...s.kwantielen.map(m), `${((s.kansBovenDrempel ?? 0) * 100).toFixed(1).replace('.', ',')}%`];
        }),
      ) +
      '</section>',
  );
  parts.push(
    `<section id="tornado"><h2>Tornado</h2><figure>${charts.tornado}<figcaption>Tekort ${tot}, landelijk: elke invoer op zijn P10 (blauw) en P90 (rood), de andere op hun centrale waarde; grootste zwaai boven.</figcaption></figure>` +
      `<figure>${charts.tornadoProvincies}<figcaption>Per provincie de vijf invoeren met de grootste zwaai.</figcaption></figure></section>`,
  );
  const rows = registerRows(run);
  parts.push(
    `<section id="register"><h2>Register van aannames en schattingen</h2><ul class="note">${ratingText().map((l) => `<li>${esc(l)}</li>`).join('')}</ul>` +
      table(registerHeader(run.venster), rows.map((r) => r.cells), 5, rows.map((r) => r.oordeel.replace(' ', '-'))) +
      `<h3>Welke ontbrekende cijfers het meest zouden helpen</h3><ul>${narrowingLines(run).map((l) => `<li>${esc(l)}</li>`).join('')}</ul></section>`,
  );
  parts.push(`<section id="invoer"><h2>Invoeren en hun verdeling</h2>${table(['invoer', 'verdeling', 'redenering', 'waar'], inputRows(run.catalogue), 4)}</section>`);
  if (run.catalogue.correlaties.length > 0) parts.push(`<section id="correlaties"><h2>Correlaties</h2>${table(['invoer', 'invoer', 'correlatie', 'redenering'], correlationRows(run.catalogue), 2)}</section>`);
  parts.push(`<section id="methode"><h2>Methode</h2><ul>${methodLines(run).map((l) => `<li>${esc(l)}</li>`).join('')}</ul><p class="note">Venster ${van}-${tot}; bedragen nominaal.</p></section>`);
  parts.push(`<section id="manifest"><h2>Manifest</h2><p class="note">${esc(run.manifestSamenvatting)}</p></section>`);
  parts.push('</body>\n</html>\n');
  return parts.join('\n');
}
