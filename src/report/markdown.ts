/**
 * `rapport.md`: the report's sections as Markdown tables, for pasting into notes. Amounts in millions
 * of euros with one decimal, Dutch notation; rounding only here, at display.
 */
import { provinceName } from '../core/provinces.js';
import type { ScenarioRun } from '../io/run-scenario.js';
import { formatMln, formatPct, FUND_HEADER, fundRows, type ReportModel, type YearFigures } from './report-model.js';
import { CONSTRUCTION_HEADER, constructionCells, developmentTable, DECOMPOSITION_NOTE, OWN_MONEY_NOTE, SOLVER_NOTE } from './sections.js';

/**
 * Text from a file (a scenario's description, a method in the data) as Markdown shows it, not as
 * Markdown reads it: no raw HTML, links, code spans or line breaks; pipes escaped for tables.
 */
const escape = (s: string) => s.replace(/\r?\n|\r/g, ' ').replace(/[\\`[\]<>|]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`));
/** A paragraph of such text: also no emphasis and no heading, quote or list marker at its start. */
const paragraph = (s: string) => escape(s).replace(/[*_]/g, '\\$&').replace(/^(\s*)([#>+=-]|\d+\.)/, '$1\\$2');

export function mdTable(header: readonly string[], rows: readonly (readonly string[])[], rightFrom = 1): string {
  const align = header.map((_, i) => (i >= rightFrom ? '---:' : '---'));
  return [`| ${header.map(escape).join(' | ')} |`, `| ${align.join(' | ')} |`, ...rows.map((r) => `| ${r.map(escape).join(' | ')} |`)].join('\n');
}

/** The observed share of a province's look-back, with the part resting on an assumed programme scope. */
export function observedText(w: ReportModel['waarneming'][number]): string {
  return `${formatPct(w.waargenomen)}${w.afbakeningAangenomen.isZero() ? '' : ` (+${formatPct(w.afbakeningAangenomen)} met aangenomen natuurdeel)`}`;
}

/** Years as ranges: `2015, 2018-2022`. */
export function yearsText(years: readonly number[]): string {
  if (years.length === 0) return 'geen';
  const parts: string[] = [];
  let start = years[0]!;
  let prev = start;
  for (const y of [...years.slice(1), Number.NaN]) {
    if (y === prev + 1) {
      prev = y;
      continue;
    }
    parts.push(start === prev ? String(start) : `${start}-${prev}`);
    start = prev = y;
  }
  return parts.join(', ');
}

const yearRows = (rows: readonly YearFigures[]) => rows.map((f) => [String(f.jaar), formatMln(f.kosten), formatMln(f.inkomsten), formatMln(f.tekort), formatMln(f.eigenBijdrage), formatPct(f.dekking), f.status]);
const YEAR_HEADER = ['jaar', 'kosten', 'inkomsten Rijk en EU', 'tekort', 'waarvan afgesproken eigen bijdrage', 'dekkingsgraad', 'status tekort'];

export function markdownReport(model: ReportModel, run: ScenarioRun, manifestSummary: string): string {
  const out: string[] = [`# ${model.titel}`, ''];
  if (model.beschrijving) out.push(paragraph(model.beschrijving), '');
  if (model.basis) {
    out.push(`Dit scenario bouwt voort op **${model.basis.naam}** en wijzigt alleen:`, '');
    for (const w of model.basis.wijzigingen) out.push(`- \`${w.pad.replaceAll('`', "'")}\`: ${escape(w.waarde)}`);
    out.push('');
  }
  out.push('## Samenvatting', '', ...model.samenvatting.map((s) => `- ${s}`), '');
  out.push(`## Terugblik ${model.terugblik[0]?.jaar}-${model.basisjaar}`, '', `Alle provincies samen; bedragen in mln euro. ${OWN_MONEY_NOTE}`, '', mdTable(YEAR_HEADER, yearRows(model.terugblik)), '');
  out.push(`## Vooruitblik ${model.vooruitblik[0]?.jaar}-${model.venster.tot}`, '', mdTable(YEAR_HEADER, yearRows(model.vooruitblik)), '');
  out.push('## Index: Provinciefonds tegenover natuurkosten', '');
  if (model.index.fout) out.push(`De index kon niet berekend worden: ${model.index.fout}`, '');
  else {
    out.push(`Bbp-systematiek (fonds) en natuurkostenindex, ${model.index.rijen[0]?.jaar} = 100; verhouding = fonds / kosten × 100 (onder 100 blijft het fonds achter).`, '');
    out.push(mdTable(['jaar', 'fonds', 'natuurkosten', 'verhouding'], model.index.rijen.map((r) => [String(r.jaar), r.fonds.toFixed(1).replace('.', ','), r.kosten.toFixed(1).replace('.', ','), r.verhouding.toFixed(1).replace('.', ',')])), '');
  }
  out.push('## Provinciefonds tegenover de natuurkosten', '');
  out.push('Het Provinciefonds-grootboek (landelijk, mln euro): de algemene uitkering met het gereserveerde accres, het accres en de overige mutaties van het jaar, en het natuurdeel van de algemene uitkering naast de natuurkosten van alle provincies samen.', '');
  out.push(mdTable(FUND_HEADER, fundRows(model.fondspad)), '');
  if (run.comparison) {
    const c = run.comparison;
    out.push(`## Constructies vergeleken (${c.venster.van}-${c.venster.tot})`, '');
    out.push(
      mdTable(CONSTRUCTION_HEADER, c.samenvatting.filter((s) => s.provincie === 'NL').map((s) => constructionCells(c, s))),
      '',
      'Wie wint en wie verliest: verschil in cumulatief netto tekort met C0 per provincie (negatief: de provincie gaat erop vooruit).',
      '',
    );
    const others = c.constructies.filter((x) => x.id !== 'C0');
    out.push(
      mdTable(
        ['provincie', ...others.map((x) => x.id)],
        [...new Set(c.samenvatting.map((s) => s.provincie))]
          .filter((p) => p !== 'NL')
          .map((p) => [`${p} ${provinceName(p)}`, ...others.map((x) => formatMln(c.samenvatting.find((s) => s.constructie === x.id && s.provincie === p)!.verschilMetC0))]),
      ),
      '',
    );
    for (const x of c.constructies) out.push(`- **${x.id} ${x.naam}.** ${x.omschrijving}`);
    out.push('');
    out.push(`## Wat is ervoor nodig`, '', SOLVER_NOTE(model.venster.tot), '');
    out.push(mdTable(['constructie', 'basisbedrag per jaar', 'iteraties', 'netto tekort bij antwoord'], run.solver.map((s) => [s.constructie, formatMln(s.waarde), String(s.iteraties), `${s.tekortBijAntwoord.toFixed(2).replace('.', ',')} euro`])), '');
  }
  out.push(`## Ontleding van het tekort ${model.basisjaar}-${model.venster.tot}`, '', DECOMPOSITION_NOTE, '');
  out.push(
    mdTable(
      ['provincie', 'verandering', 'prijs', 'volume', 'nieuwe taken', 'financiering'],
      run.decomposition.map((d) => [d.provincie === 'NL' ? 'NL Nederland' : `${d.provincie} ${provinceName(d.provincie)}`, formatMln(d.totaal), formatMln(d.prijs), formatMln(d.volume), formatMln(d.nieuweTaken), formatMln(d.financiering)]),
    ),
    '',
  );
  const perDevelopment = developmentTable(run.decomposition);
  if (perDevelopment) out.push('Nieuwe taken per ontwikkeling (de kolommen tellen exact op tot nieuwe taken):', '', mdTable(perDevelopment.header, perDevelopment.rows), '');
  out.push('## Per provincie', '', `Tekort per provincie in ${model.basisjaar} en ${model.venster.tot}, en cumulatief over ${model.venster.van}-${model.venster.tot}; en hoeveel van de uitgaven in de terugblik op eigen gepubliceerde cijfers van de provincie rust.`, '');
  out.push(
    mdTable(
      ['provincie', `tekort ${model.basisjaar}`, `tekort ${model.venster.tot}`, `waarvan eigen bijdrage ${model.venster.tot}`, 'cumulatief', `dekking ${model.venster.tot}`, 'terugblik waargenomen', 'jaren met eigen cijfers'],
      model.perProvincie.map((p) => {
        const at = (y: number) => p.jaren.find((f) => f.jaar === y)!;
        const cum = p.jaren.filter((f) => f.jaar >= model.venster.van).reduce((acc, f) => acc.plus(f.tekort), p.jaren[0]!.tekort.minus(p.jaren[0]!.tekort));
        const w = model.waarneming.find((x) => x.provincie === p.provincie)!;
        return [`${p.provincie} ${p.naam}`, formatMln(at(model.basisjaar).tekort), formatMln(at(model.venster.tot).tekort), formatMln(at(model.venster.tot).eigenBijdrage), formatMln(cum), formatPct(at(model.venster.tot).dekking), observedText(w), yearsText(w.jaren)];
      }),
    ),
    '',
    ...model.perProvincieToelichting.map((t) => `- ${t}`),
    '',
  );
  out.push('## Aannames en datakwaliteit', '', 'Aantal cellen per status (provincies, zonder NL-totaal):', '');
  out.push(mdTable(['groep', 'realisatie', 'begroting', 'raming', 'afgeleid', 'schatting', 'aanname'], model.datakwaliteit.map((d) => [d.groep, ...(['realisatie', 'begroting', 'raming', 'afgeleid', 'schatting', 'aanname'] as const).map((s) => String(d.aantallen[s]))])), '');
  out.push('Aannames in deze doorrekening:', '', mdTable(['aanname', 'waarde', 'toelichting'], model.aannames.map((a) => [a.naam, a.waarde, a.toelichting]), 3), '');
  if (model.waarschuwingen.length > 0) {
    out.push('Waarschuwingen: waarden buiten hun aannemelijke bereik.', '', ...model.waarschuwingen.map((w) => `- ${paragraph(w)}`), '');
  }
  out.push('## Bronnen', '', mdTable(['id', 'titel', 'uitgever', 'datum', 'adres'], model.bronnen.map((b) => [b.id, b.titel, b.uitgever, b.datum, b.url]), 5), '');
  out.push('## Manifest', '', manifestSummary, '');
  return out.join('\n');
}
