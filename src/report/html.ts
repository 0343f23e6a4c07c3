/**
 * `rapport.html`: one self-contained, print-friendly file in Dutch: styles and SVG charts inline, no
 * requests to anywhere. Same sections as the Markdown report, with charts for the summary, the index,
 * the constructions, the decomposition (a waterfall) and the provinces (small multiples).
 */
import { provinceName } from '../core/provinces.js';
import type { ScenarioRun } from '../io/run-scenario.js';
import { constructionChart, lineChart, renderSvg, smallMultiples, waterfallChart } from './charts.js';
import { formatMln, formatPct, FUND_HEADER, fundRows, type ReportModel, type YearFigures } from './report-model.js';
import { observedText, yearsText } from './markdown.js';
import { CONSTRUCTION_HEADER, constructionCells, developmentTable, DECOMPOSITION_NOTE, OWN_MONEY_NOTE, SOLVER_NOTE } from './sections.js';

const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const toMln = (d: { dividedBy(n: number): { toNumber(): number } }) => Math.round(d.dividedBy(1e6).toNumber() * 10) / 10;

function table(header: readonly string[], rows: readonly (readonly string[])[], rightFrom = 1): string {
  const th = header.map((h, i) => `<th${i >= rightFrom ? ' class="r"' : ''}>${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${i >= rightFrom ? ' class="r"' : ''}>${esc(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const yearRows = (rows: readonly YearFigures[]) => rows.map((f) => [String(f.jaar), formatMln(f.kosten), formatMln(f.inkomsten), formatMln(f.tekort), formatMln(f.eigenBijdrage), formatPct(f.dekking), f.status]);
const YEAR_HEADER = ['jaar', 'kosten', 'inkomsten Rijk en EU', 'tekort', 'waarvan afgesproken eigen bijdrage', 'dekkingsgraad', 'status tekort'];

const STYLE = `
body{font-family:Helvetica,Arial,sans-serif;color:#222;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.2rem;border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;margin:.6rem 0;font-size:.85rem;max-width:100%}td{overflow-wrap:anywhere}th,td{padding:.2rem .5rem;border-bottom:1px solid #e3e3e3;vertical-align:top}
th{text-align:left;background:#f4f4f4}.r{text-align:right;font-variant-numeric:tabular-nums}
figure{margin:1rem 0}figcaption{font-size:.8rem;color:#555}.note{font-size:.85rem;color:#444}
ul.wijzigingen code{background:#f4f4f4;padding:0 .2rem}
@media print{body{margin:0;max-width:none}h2{page-break-after:avoid}figure,table{page-break-inside:avoid}}
`;

export async function htmlReport(model: ReportModel, run: ScenarioRun, manifestSummary: string): Promise<string> {
  const base = model.basisjaar;
  const nlYears = [...model.terugblik, ...model.vooruitblik];
  const summaryChart = await renderSvg(
    lineChart(
      nlYears.flatMap((f) => [
        { jaar: f.jaar, reeks: 'kosten', waarde: toMln(f.kosten) },
        { jaar: f.jaar, reeks: 'inkomsten Rijk en EU', waarde: toMln(f.inkomsten) },
        { jaar: f.jaar, reeks: 'tekort', waarde: toMln(f.tekort) },
      ]),
      base,
      'mln euro',
    ),
  );
  const indexChart = model.index.rijen.length
    ? await renderSvg(
        lineChart(
          model.index.rijen.flatMap((r) => [
            { jaar: r.jaar, reeks: 'Provinciefonds (bbp-systematiek)', waarde: Math.round(r.fonds.toNumber() * 10) / 10 },
            { jaar: r.jaar, reeks: 'natuurkostenindex', waarde: Math.round(r.kosten.toNumber() * 10) / 10 },
          ]),
          base,
          `index (${model.index.rijen[0]!.jaar} = 100)`,
        ),
      )
    : '';
  const d = run.decomposition.find((x) => x.provincie === 'NL')!;
  const startGap = run.result.cell('NL', d.van, 'tekort').bedrag_eur;
  const waterfall = await renderSvg(
    waterfallChart(
      { label: `tekort ${d.van}`, value: toMln(startGap) },
      [
        { label: 'prijs', value: toMln(d.prijs) },
        { label: 'volume', value: toMln(d.volume) },
        ...(d.perOntwikkeling.length > 0 ? d.perOntwikkeling.map((x) => ({ label: `nieuwe taken: ${x.naam}`, value: toMln(x.bedrag) })) : [{ label: 'nieuwe taken', value: toMln(d.nieuweTaken) }]),
        { label: 'financiering', value: toMln(d.financiering) },
      ],
      { label: `tekort ${d.tot}`, value: toMln(startGap.plus(d.totaal)) },
    ),
  );
  const multiples = await renderSvg(
    smallMultiples(
      model.perProvincie.flatMap((p) => p.jaren.map((f) => ({ provincie: p.naam, jaar: f.jaar, waarde: toMln(f.tekort) }))),
      base,
    ),
  );

  const parts: string[] = [];
  parts.push(`<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n<title>${esc(model.titel)}</title>\n<style>${STYLE}</style>\n</head>\n<body>`);
  parts.push(`<h1>${esc(model.titel)}</h1>`);
  if (model.beschrijving) parts.push(`<p>${esc(model.beschrijving)}</p>`);
  if (model.basis) {
    parts.push(`<p>Dit scenario bouwt voort op <strong>${esc(model.basis.naam)}</strong> en wijzigt alleen:</p><ul class="wijzigingen">${model.basis.wijzigingen.map((w) => `<li><code>${esc(w.pad)}</code>: ${esc(w.waarde)}</li>`).join('')}</ul>`);
  }
  parts.push(`<section id="samenvatting"><h2>Samenvatting</h2><ul>${model.samenvatting.map((s) => `<li>${esc(s)}</li>`).join('')}</ul>`);
  parts.push(`<figure>${summaryChart}<figcaption>Alle provincies samen, mln euro. Links van de stippellijn de terugblik (gegevens), rechts de projectie.</figcaption></figure></section>`);
  parts.push(`<section id="terugblik"><h2>Terugblik ${model.terugblik[0]?.jaar}-${base}</h2><p class="note">${esc(OWN_MONEY_NOTE)}</p>${table(YEAR_HEADER, yearRows(model.terugblik))}</section>`);
  parts.push(`<section id="vooruitblik"><h2>Vooruitblik ${model.vooruitblik[0]?.jaar}-${model.venster.tot}</h2>${table(YEAR_HEADER, yearRows(model.vooruitblik))}</section>`);
  parts.push(`<section id="index"><h2>Index: Provinciefonds tegenover natuurkosten</h2>`);
  if (model.index.fout) parts.push(`<p class="note">De index kon niet berekend worden: ${esc(model.index.fout)}</p>`);
  else parts.push(`<figure>${indexChart}<figcaption>Bbp-systematiek tegenover de natuurkostenindex (lonen, prijzen, grond), ${model.index.rijen[0]?.jaar} = 100.</figcaption></figure>`);
  parts.push('</section>');
  parts.push(
    `<section id="fondspad"><h2>Provinciefonds tegenover de natuurkosten</h2><p>Het Provinciefonds-grootboek (landelijk, mln euro): de algemene uitkering met het gereserveerde accres, het accres en de overige mutaties van het jaar, en het natuurdeel van de algemene uitkering naast de natuurkosten van alle provincies samen.</p>${table(FUND_HEADER, fundRows(model.fondspad))}</section>`,
  );
  if (run.comparison) {
    const c = run.comparison;
    const others = c.constructies.filter((x) => x.id !== 'C0');
    const chart = await renderSvg(
      constructionChart(
        others.flatMap((x) =>
          c.samenvatting.filter((s) => s.constructie === x.id && s.provincie !== 'NL').map((s) => ({ provincie: provinceName(s.provincie), constructie: x.id, waarde: toMln(s.verschilMetC0) })),
        ),
      ),
    );
    parts.push(`<section id="constructies"><h2>Constructies vergeleken (${c.venster.van}-${c.venster.tot})</h2>`);
    parts.push(table(CONSTRUCTION_HEADER, c.samenvatting.filter((s) => s.provincie === 'NL').map((s) => constructionCells(c, s))));
    parts.push(`<figure>${chart}<figcaption>Wie wint en wie verliest: verschil in cumulatief netto tekort met de status quo (C0) per provincie.</figcaption></figure>`);
    parts.push(`<dl>${c.constructies.map((x) => `<dt><strong>${esc(x.id)} ${esc(x.naam)}</strong></dt><dd>${esc(x.omschrijving)}</dd>`).join('')}</dl></section>`);
    parts.push(`<section id="nodig"><h2>Wat is ervoor nodig</h2><p>${esc(SOLVER_NOTE(model.venster.tot))}</p>`);
    parts.push(table(['constructie', 'basisbedrag per jaar', 'iteraties'], run.solver.map((s) => [s.constructie, formatMln(s.waarde), String(s.iteraties)])) + '</section>');
  }
  parts.push(`<section id="ontleding"><h2>Ontleding van het tekort ${d.van}-${d.tot}</h2><p class="note">${esc(DECOMPOSITION_NOTE)}</p><figure>${waterfall}<figcaption>Verandering van het landelijke tekort: prijs, volume, nieuwe taken per ontwikkeling en financiering (minder inkomsten verhoogt het tekort).</figcaption></figure>`);
  parts.push(
    table(
      ['provincie', 'verandering', 'prijs', 'volume', 'nieuwe taken', 'financiering'],
      run.decomposition.map((x) => [x.provincie === 'NL' ? 'NL Nederland' : `${x.provincie} ${provinceName(x.provincie)}`, formatMln(x.totaal), formatMln(x.prijs), formatMln(x.volume), formatMln(x.nieuweTaken), formatMln(x.financiering)]),
    ),
  );
  const perDevelopment = developmentTable(run.decomposition);
  if (perDevelopment) parts.push(`<p>Nieuwe taken per ontwikkeling (de kolommen tellen exact op tot nieuwe taken):</p>${table(perDevelopment.header, perDevelopment.rows)}`);
  parts.push('</section>');
  parts.push(`<section id="provincies"><h2>Per provincie</h2><figure>${multiples}<figcaption>Tekort per provincie, mln euro (eigen schaal per provincie); stippellijn: grens terugblik en projectie.</figcaption></figure>`);
  parts.push(
    `<p>Hoeveel van de uitgaven in de terugblik op eigen gepubliceerde cijfers van de provincie rust:</p>` +
      table(['provincie', 'terugblik waargenomen', 'jaren met eigen cijfers'], model.waarneming.map((w) => [`${w.provincie} ${w.naam}`, observedText(w), yearsText(w.jaren)])) +
      (model.perProvincieToelichting.length > 0 ? `<ul class="note">${model.perProvincieToelichting.map((t) => `<li>${esc(t)}</li>`).join('')}</ul>` : '') +
      '</section>',
  );
  parts.push(`<section id="aannames"><h2>Aannames en datakwaliteit</h2><p>Aantal cellen per status (provincies):</p>`);
  parts.push(table(['groep', 'realisatie', 'begroting', 'raming', 'afgeleid', 'schatting', 'aanname'], model.datakwaliteit.map((x) => [x.groep, ...(['realisatie', 'begroting', 'raming', 'afgeleid', 'schatting', 'aanname'] as const).map((s) => String(x.aantallen[s]))])));
  parts.push(table(['aanname', 'waarde', 'toelichting'], model.aannames.map((a) => [a.naam, a.waarde, a.toelichting]), 3));
  if (model.waarschuwingen.length > 0) parts.push(`<p>Waarschuwingen: waarden buiten hun aannemelijke bereik.</p><ul class="waarschuwingen">${model.waarschuwingen.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>`);
  parts.push('</section>');
  parts.push(`<section id="bronnen"><h2>Bronnen</h2>${table(['id', 'titel', 'uitgever', 'datum', 'adres'], model.bronnen.map((b) => [b.id, b.titel, b.uitgever, b.datum, b.url]), 5)}</section>`);
  parts.push(`<section id="manifest"><h2>Manifest</h2><p class="note">${esc(manifestSummary)}</p></section>`);
  parts.push('</body>\n</html>\n');
  return parts.join('\n');
}
