/**
 * The report as a list of blocks (headings, paragraphs, lists, tables, figures), built once from
 * the report model; `markdown.ts` and `html.ts` only render blocks. So both formats have the same
 * sections in the same order, with the same words and figures. A figure is drawn in HTML only; a
 * block marked `alleen` appears in one format only (the index: a chart in HTML, its table in
 * Markdown).
 *
 * Level-2 headings open the sections; the ones marked `bijlage` are the appendix, each on a page
 * of its own in print, and a level-3 heading marked `pagina` (a factsheet) starts a page too.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Decimal } from '../core/decimal.js';
import { provinceName } from '../core/provinces.js';
import type { ScenarioRun } from '../io/run-scenario.js';
import { constructionChart, lineChart, smallMultiples, waterfallChart } from './charts.js';
import type { Sentence } from './director.js';
import { formatNumberNl } from './format.js';
import type { HtmlCell } from './html-parts.js';
import { formatMln, formatPct, FUND_HEADER, fundRows, type ReportModel, type YearFigures } from './report-model.js';
import { CONSTRUCTION_HEADER, constructionCells, developmentTable, DECOMPOSITION_NOTE, OWN_MONEY_NOTE, SOLVER_NOTE } from './sections.js';
import { gradeLabel } from './sources.js';

/** Inline text: plain, or a link to an anchor in the report. */
export type Inline = string | { readonly tekst: string; readonly href: string };

export type Block = (
  | { readonly soort: 'kop'; readonly niveau: 2 | 3; readonly tekst: string; readonly id: string; readonly bijlage?: boolean; readonly pagina?: boolean }
  | { readonly soort: 'alinea'; readonly delen: readonly Inline[]; readonly klasse?: 'note' | 'meta' }
  | { readonly soort: 'lijst'; readonly items: readonly (readonly Inline[])[]; readonly klasse?: 'note' | 'wijzigingen' | 'inhoud' }
  | { readonly soort: 'tabel'; readonly kop: readonly string[]; readonly rijen: readonly (readonly HtmlCell[])[]; readonly rechtsVanaf?: number }
  | { readonly soort: 'figuur'; readonly grafiek: TopLevelSpec; readonly beschrijving: string; readonly onderschrift: string }
  | { readonly soort: 'definities'; readonly items: readonly { readonly term: string; readonly uitleg: string }[] }
) & { readonly alleen?: 'md' | 'html' };

const toMln = (d: Decimal) => Math.round(d.dividedBy(1e6).toNumber() * 10) / 10;
const region = (p: string) => (p === 'NL' ? 'NL Nederland' : `${p} ${provinceName(p as Parameters<typeof provinceName>[0])}`);
const mlnEuro = (d: Decimal) => `${formatMln(d)} euro`;

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

const YEAR_HEADER = ['jaar', 'kosten', 'inkomsten Rijk en EU', 'tekort', 'waarvan afgesproken eigen bijdrage', 'dekkingsgraad', 'status tekort'];
const yearRows = (rows: readonly YearFigures[]) => rows.map((f) => [String(f.jaar), formatMln(f.kosten), formatMln(f.inkomsten), formatMln(f.tekort), formatMln(f.eigenBijdrage), formatPct(f.dekking), f.status]);

const sentence = (s: Sentence): Inline[] => s.map((x) => (typeof x === 'string' ? x : { tekst: x.tekst, href: `#${x.uitleg}` }));

/** The sections of the report in their fixed order, as blocks. */
export function reportDocument(model: ReportModel, run: ScenarioRun, manifestSummary: string): Block[] {
  const out: Block[] = [];
  const base = model.basisjaar;
  const { van, tot } = model.venster;
  const body: { id: string; tekst: string }[] = [];
  const appendix: { id: string; tekst: string }[] = [];
  const section = (id: string, tekst: string, bijlage = false) => {
    (bijlage ? appendix : body).push({ id, tekst });
    out.push({ soort: 'kop', niveau: 2, tekst, id, ...(bijlage ? { bijlage: true } : {}) });
  };

  out.push({ soort: 'alinea', klasse: 'meta', delen: [`Scenario ${model.meta.scenario} (${model.meta.bestanden}) · gegevens geraadpleegd tot en met ${model.meta.gegevensDatum} · natuurpact ${model.meta.versie}`] });
  if (model.beschrijving) out.push({ soort: 'alinea', delen: [model.beschrijving] });

  // A variant opens with what it changed and the difference it makes.
  if (model.variant) {
    const v = model.variant;
    section('verschil', `Wat deze variant verandert ten opzichte van ${v.basis.naam}`);
    out.push({ soort: 'alinea', delen: [`Dit scenario bouwt voort op ${v.basis.naam} (${v.basis.bestand}) en wijzigt alleen:`] });
    out.push({ soort: 'lijst', klasse: 'wijzigingen', items: v.wijzigingen.map((w) => [w.pad, w.waarde]) });
    out.push({
      soort: 'alinea',
      delen: [
        v.statusQuoGelijk
          ? `In de status quo (C0) verandert niets: het tekort is in elk jaar en in elke provincie gelijk aan dat van ${v.basis.naam}.${v.perConstructie.length > 0 ? ' Het verschil zit in de constructies (tabel hieronder).' : ''}`
          : `Het landelijke tekort in de status quo (C0), ${v.basis.naam} tegenover deze variant; over ${van}-${tot} samen ${formatMln(v.cumulatief.verschil)} mln ${v.cumulatief.verschil.isNegative() ? 'minder' : 'meer'}.`,
      ],
    });
    if (!v.statusQuoGelijk) {
      out.push({
        soort: 'tabel',
        kop: ['jaar', v.basis.naam, model.meta.scenario, 'verschil'],
        rijen: [...v.perJaar.map((x) => [String(x.jaar), formatMln(x.basis), formatMln(x.variant), formatMln(x.verschil)]), [`${van}-${tot}`, formatMln(v.cumulatief.basis), formatMln(v.cumulatief.variant), formatMln(v.cumulatief.verschil)]],
      });
      out.push({
        soort: 'tabel',
        kop: ['provincie', `tekort ${tot} ${v.basis.naam}`, `tekort ${tot} ${model.meta.scenario}`, 'verschil', `verschil ${van}-${tot} samen`],
        rijen: v.perProvincie.map((x) => [`${x.provincie} ${x.naam}`, formatMln(x.basis), formatMln(x.variant), formatMln(x.verschil), formatMln(x.cumulatiefVerschil)]),
      });
    }
    if (v.perConstructie.length > 0) {
      out.push({ soort: 'alinea', delen: [`Per constructie het landelijke netto tekort (tekort plus uitvoeringslasten) over ${van}-${tot}, tegenover de basis:`] });
      out.push({ soort: 'tabel', kop: ['constructie', 'tegenover', 'basis', model.meta.scenario, 'verschil'], rijen: v.perConstructie.map((x) => [`${x.constructie} ${x.naam}`, x.tegenover, formatMln(x.basis), formatMln(x.variant), formatMln(x.verschil)]), rechtsVanaf: 2 });
    }
  }

  // The director's page.
  section('samenvatting', 'Samenvatting');
  for (const s of model.samenvatting) out.push({ soort: 'alinea', delen: sentence(s) });
  const nlYears = [...model.terugblik, ...model.vooruitblik];
  const neutral = model.neutraal.map((n) => ` De sprong in de kosten in ${n.start} is ${n.kort} (${n.naam}, ${formatMln(n.kosten)} mln in ${tot}): daar komt even veel geld bij, het tekort verandert er niet door.`).join('');
  out.push({
    soort: 'figuur',
    grafiek: lineChart(
      nlYears.flatMap((f) => [
        { jaar: f.jaar, reeks: 'kosten', waarde: toMln(f.kosten) },
        { jaar: f.jaar, reeks: 'inkomsten Rijk en EU', waarde: toMln(f.inkomsten) },
        { jaar: f.jaar, reeks: 'tekort', waarde: toMln(f.tekort) },
      ]),
      base,
      'mln euro',
    ),
    beschrijving: `Kosten, inkomsten van Rijk en EU en tekort van alle provincies samen, ${nlYears[0]?.jaar}-${tot}, in mln euro`,
    onderschrift: `Alle provincies samen, mln euro. Links van de stippellijn de terugblik (gegevens, grotendeels geschat), rechts de projectie.${neutral}`,
  });

  // The table of contents: filled in when all sections are known (see below).
  const tocAt = out.length;

  section('toelichting', 'Toelichting bij de samenvatting');
  out.push({ soort: 'lijst', items: model.toelichting.map((t) => [t]) });

  section('terugblik', `Terugblik ${model.terugblik[0]?.jaar}-${base}`);
  out.push({ soort: 'alinea', klasse: 'note', delen: [`Alle provincies samen; bedragen in mln euro. ${OWN_MONEY_NOTE}`] });
  out.push({ soort: 'tabel', kop: YEAR_HEADER, rijen: yearRows(model.terugblik) });
  section('vooruitblik', `Vooruitblik ${model.vooruitblik[0]?.jaar}-${tot}`);
  out.push({ soort: 'tabel', kop: YEAR_HEADER, rijen: yearRows(model.vooruitblik) });

  // Why the gap changes.
  const d = run.decomposition.find((x) => x.provincie === 'NL')!;
  const startGap = run.result.cell('NL', d.van, 'tekort').bedrag_eur;
  section('ontleding', `Ontleding van het tekort ${d.van}-${d.tot}`);
  out.push({ soort: 'alinea', klasse: 'note', delen: [DECOMPOSITION_NOTE] });
  out.push({
    soort: 'figuur',
    grafiek: waterfallChart(
      { label: `tekort ${d.van}`, value: toMln(startGap) },
      [
        { label: 'prijs', value: toMln(d.prijs) },
        { label: 'volume', value: toMln(d.volume) },
        ...(d.perOntwikkeling.length > 0 ? d.perOntwikkeling.map((x) => ({ label: `nieuwe taken: ${x.naam}`, value: toMln(x.bedrag) })) : [{ label: 'nieuwe taken', value: toMln(d.nieuweTaken) }]),
        { label: 'financiering', value: toMln(d.financiering) },
      ],
      { label: `tekort ${d.tot}`, value: toMln(startGap.plus(d.totaal)) },
    ),
    beschrijving: `Verandering van het landelijke tekort van ${d.van} tot ${d.tot} naar oorzaak, in mln euro`,
    onderschrift: 'Verandering van het landelijke tekort: prijs, volume, nieuwe taken per ontwikkeling en financiering (meer inkomsten verlagen het tekort).',
  });
  out.push({
    soort: 'tabel',
    kop: ['provincie', 'verandering', 'prijs', 'volume', 'nieuwe taken', 'financiering'],
    rijen: run.decomposition.map((x) => [region(x.provincie), formatMln(x.totaal), formatMln(x.prijs), formatMln(x.volume), formatMln(x.nieuweTaken), formatMln(x.financiering)]),
  });
  const perDevelopment = developmentTable(run.decomposition);
  if (perDevelopment) {
    out.push({ soort: 'alinea', delen: ['Nieuwe taken per ontwikkeling (de kolommen tellen exact op tot nieuwe taken):'] });
    out.push({ soort: 'tabel', kop: perDevelopment.header, rijen: perDevelopment.rows });
  }

  section('index', 'Index: Provinciefonds tegenover natuurkosten');
  if (model.index.fout) out.push({ soort: 'alinea', klasse: 'note', delen: [`De index kon niet berekend worden: ${model.index.fout}`] });
  else {
    const first = model.index.rijen[0]?.jaar;
    out.push({ soort: 'alinea', delen: [`Bbp-systematiek (fonds) en natuurkostenindex, ${first} = 100; verhouding = fonds / kosten × 100 (onder 100 blijft het fonds achter).`] });
    out.push({
      soort: 'figuur',
      grafiek: lineChart(
        model.index.rijen.flatMap((r) => [
          { jaar: r.jaar, reeks: 'Provinciefonds (bbp-systematiek)', waarde: Math.round(r.fonds.toNumber() * 10) / 10 },
          { jaar: r.jaar, reeks: 'natuurkostenindex', waarde: Math.round(r.kosten.toNumber() * 10) / 10 },
        ]),
        base,
        `index (${first} = 100)`,
      ),
      beschrijving: `Index van het Provinciefonds en van de natuurkosten, ${first} = 100`,
      onderschrift: `Bbp-systematiek tegenover de natuurkostenindex (lonen, prijzen, grond), ${first} = 100.`,
    });
    const one = (x: Decimal) => formatNumberNl(x, 1);
    out.push({ soort: 'tabel', alleen: 'md', kop: ['jaar', 'fonds', 'natuurkosten', 'verhouding'], rijen: model.index.rijen.map((r) => [String(r.jaar), one(r.fonds), one(r.kosten), one(r.verhouding)]) });
  }

  section('fondspad', 'Provinciefonds tegenover de natuurkosten');
  out.push({
    soort: 'alinea',
    delen: ['Het Provinciefonds-grootboek (landelijk, mln euro): de algemene uitkering met het gereserveerde accres, het accres en de overige mutaties van het jaar, en het natuurdeel van de algemene uitkering naast de natuurkosten van alle provincies samen.'],
  });
  out.push({ soort: 'tabel', kop: FUND_HEADER, rijen: fundRows(model.fondspad) });

  if (run.comparison) {
    const c = run.comparison;
    section('constructies', `Constructies vergeleken (${c.venster.van}-${c.venster.tot})`);
    out.push({ soort: 'tabel', kop: CONSTRUCTION_HEADER, rijen: c.samenvatting.filter((s) => s.provincie === 'NL').map((s) => constructionCells(c, s)) });
    const others = c.constructies.filter((x) => x.id !== 'C0');
    out.push({
      soort: 'figuur',
      grafiek: constructionChart(others.flatMap((x) => c.samenvatting.filter((s) => s.constructie === x.id && s.provincie !== 'NL').map((s) => ({ provincie: provinceName(s.provincie), constructie: x.id, waarde: toMln(s.verschilMetC0) })))),
      beschrijving: 'Verschil in cumulatief netto tekort met de status quo per provincie en constructie, in mln euro',
      onderschrift:
        'Wie wint en wie verliest: verschil in cumulatief netto tekort met de status quo (C0) per provincie (negatief: de provincie gaat erop vooruit). Provincies zonder eigen cijfers verschillen alleen door verdeelsleutels (zie Per provincie).',
    });
    out.push({
      soort: 'tabel',
      alleen: 'md',
      kop: ['provincie', ...others.map((x) => x.id)],
      rijen: [...new Set(c.samenvatting.map((s) => s.provincie))].filter((p) => p !== 'NL').map((p) => [region(p), ...others.map((x) => formatMln(c.samenvatting.find((s) => s.constructie === x.id && s.provincie === p)!.verschilMetC0))]),
    });
    out.push({ soort: 'definities', items: c.constructies.map((x) => ({ term: `${x.id} ${x.naam}`, uitleg: x.omschrijving })) });
    section('nodig', 'Wat is ervoor nodig');
    out.push({ soort: 'alinea', delen: [SOLVER_NOTE(tot)] });
    out.push({ soort: 'tabel', kop: ['constructie', 'basisbedrag per jaar (op 0,1 mln)', 'iteraties'], rijen: run.solver.map((s) => [s.constructie, formatMln(s.waarde), String(s.iteraties)]) });
  }

  section('provincies', 'Per provincie');
  out.push({
    soort: 'figuur',
    grafiek: smallMultiples(model.perProvincie.flatMap((p) => p.jaren.map((f) => ({ provincie: p.naam, jaar: f.jaar, waarde: toMln(f.tekort) }))), base),
    beschrijving: `Tekort per provincie per jaar, ${model.terugblik[0]?.jaar}-${tot}, in mln euro`,
    onderschrift: 'Tekort per provincie, mln euro (eigen schaal per provincie); stippellijn: grens terugblik en projectie.',
  });
  out.push({ soort: 'alinea', delen: [`Tekort per provincie in ${base} en ${tot}, en samen over ${van}-${tot}; en hoeveel van de uitgaven in de terugblik op eigen gepubliceerde cijfers van de provincie rust. Elke provincie heeft een eigen pagina in bijlage A.`] });
  out.push({
    soort: 'tabel',
    kop: ['provincie', `tekort ${base}`, `tekort ${tot}`, `waarvan eigen bijdrage ${tot}`, `${van}-${tot} samen`, `dekking ${tot}`, 'terugblik waargenomen', 'jaren met eigen cijfers'],
    rijen: model.factsheets.map((f) => {
      const at = (y: number) => model.perProvincie.find((p) => p.provincie === f.provincie)?.jaren.find((x) => x.jaar === y) ?? f.jaren.find((x) => x.jaar === y)!;
      return [{ tekst: `${f.provincie} ${f.naam}`, href: `#${factsheetId(f.provincie)}` }, formatMln(at(base).tekort), formatMln(at(tot).tekort), formatMln(at(tot).eigenBijdrage), formatMln(f.cumulatief), formatPct(at(tot).dekking), observedText(f.waarneming), yearsText(f.waarneming.jaren)];
    }),
  });
  if (model.perProvincieToelichting.length > 0) out.push({ soort: 'lijst', klasse: 'note', items: model.perProvincieToelichting.map((t) => [t]) });

  // Appendices.
  section('factsheets', 'Bijlage A. Per provincie', true);
  out.push({ soort: 'alinea', klasse: 'note', delen: ['Per provincie één pagina: de eigen cijfers, hoeveel daarvan gepubliceerd is, de plaats onder de twaalf provincies en wat elke constructie voor haar betekent. Plaats 1 is het grootste tekort (of tekort per inwoner) en de laagste dekkingsgraad.'] });
  for (const f of model.factsheets) {
    out.push({ soort: 'kop', niveau: 3, tekst: `${f.provincie} ${f.naam}`, id: factsheetId(f.provincie), pagina: true });
    out.push({ soort: 'tabel', kop: YEAR_HEADER, rijen: yearRows(f.jaren) });
    const head = f.positie.tekortPerInwoner;
    out.push({
      soort: 'alinea',
      delen: [
        `Tekort over ${f.venster.van}-${f.venster.tot} samen: ${mlnEuro(f.cumulatief)}. Plaats onder de twaalf provincies in ${f.venster.tot}: tekort ${f.positie.tekort}e` +
          (head ? `, tekort per inwoner ${head.plaats}e (${formatNumberNl(head.euro, 2)} euro per inwoner; inwoners ${head.jaar})` : '') +
          `, dekkingsgraad ${f.positie.dekking}e.`,
      ],
    });
    const w = f.waarneming;
    out.push({
      soort: 'alinea',
      delen: [
        w.jaren.length === 0
          ? `Gegevens: geen eigen gepubliceerde uitgaven; de terugblik is geschat met landelijke bedragen en verdeelsleutels, en zegt dus weinig over ${f.naam} zelf.`
          : `Gegevens: ${observedText(w)} van de uitgaven ${model.terugblik[0]?.jaar}-${base} rust op eigen gepubliceerde cijfers (${yearsText(w.jaren)}); de rest is geschat.`,
      ],
    });
    const o = f.ontleding;
    out.push({ soort: 'alinea', delen: [`Verandering van het tekort ${o.van}-${o.tot}: ${mlnEuro(o.totaal)}, waarvan prijs ${formatMln(o.prijs)}, volume ${formatMln(o.volume)}, nieuwe taken ${formatMln(o.nieuweTaken)} en financiering ${formatMln(o.financiering)}.`] });
    if (f.constructies) {
      out.push({ soort: 'tabel', kop: ['constructie', `netto tekort ${f.venster.van}-${f.venster.tot}`, 'verschil met C0'], rijen: f.constructies.map((c) => [`${c.constructie} ${c.naam}`, formatMln(c.netto), formatMln(c.verschil)]) });
    }
    if (f.toelichting.length > 0) out.push({ soort: 'lijst', klasse: 'note', items: f.toelichting.map((t) => [t]) });
  }

  section('aannames', 'Bijlage B. Aannames en datakwaliteit', true);
  out.push({ soort: 'alinea', delen: ['Aantal cellen per status (provincies, zonder NL-totaal):'] });
  const statuses = ['realisatie', 'begroting', 'raming', 'afgeleid', 'schatting', 'aanname'] as const;
  out.push({ soort: 'tabel', kop: ['groep', ...statuses], rijen: model.datakwaliteit.map((x) => [x.groep, ...statuses.map((s) => String(x.aantallen[s]))]) });
  out.push({ soort: 'alinea', delen: ['Aannames in deze doorrekening:'] });
  out.push({ soort: 'tabel', kop: ['aanname', 'waarde', 'toelichting'], rijen: model.aannames.map((a) => [a.naam, a.waarde, a.toelichting]), rechtsVanaf: 3 });
  if (model.waarschuwingen.length > 0) {
    out.push({ soort: 'alinea', delen: ['Waarschuwingen: waarden buiten hun aannemelijke bereik.'] });
    out.push({ soort: 'lijst', items: model.waarschuwingen.map((w) => [w]) });
  }

  section('uitleg', 'Bijlage C. Uitleg bij de cijfers van de samenvatting', true);
  for (const e of model.uitleg) {
    out.push({ soort: 'kop', niveau: 3, tekst: e.titel, id: e.id });
    out.push({ soort: 'alinea', delen: [`Waarde: ${e.waarde}${e.status ? ` (status: ${e.status})` : ''}. ${e.regel}`] });
    if (e.invoer.length > 0) out.push({ soort: 'lijst', klasse: 'note', items: e.invoer.map((i) => [i]) });
    if (e.tabel) out.push({ soort: 'tabel', kop: e.tabel.header, rijen: e.tabel.rows });
  }

  section('bronnen', 'Bijlage D. Bronnen', true);
  const all = model.bronGroepen.reduce((n, g) => n + g.bronnen.length, 0);
  const count = (k: 'primair' | 'secundair' | 'nieuws' | 'onbekend') => model.bronGroepen.reduce((n, g) => n + g.aantallen[k], 0);
  out.push({
    soort: 'alinea',
    delen: [
      `${all} bronnen, naar de soort uitgever. Kwaliteit: primaire publicatie (de instantie die het cijfer maakte), secundaire kopie (een kopie of overname elders) of nieuwsbericht. ` +
        `Samen ${count('primair')} primair, ${count('secundair')} secundair, ${count('nieuws')} nieuws${count('onbekend') > 0 ? `, ${count('onbekend')} niet beoordeeld` : ''}.`,
    ],
  });
  for (const g of model.bronGroepen) {
    out.push({ soort: 'kop', niveau: 3, tekst: `${g.titel} (${g.bronnen.length})`, id: `bronnen-${g.soort}` });
    out.push({ soort: 'tabel', kop: ['id', 'titel', 'uitgever', 'datum', 'kwaliteit', 'adres'], rijen: g.bronnen.map((b) => [b.id, b.titel, b.uitgever, b.datum, gradeLabel(b), { tekst: b.url, klasse: 'url' }]), rechtsVanaf: 6 });
  }

  section('manifest', 'Bijlage E. Manifest', true);
  out.push({ soort: 'alinea', klasse: 'note', delen: [manifestSummary] });

  const toc: Block[] = [
    { soort: 'kop', niveau: 2, tekst: 'Inhoud', id: 'inhoud' },
    { soort: 'lijst', klasse: 'inhoud', items: [...body.filter((s) => s.id !== 'samenvatting' && s.id !== 'verschil'), ...appendix].map((s) => [{ tekst: s.tekst, href: `#${s.id}` }]) },
  ];
  out.splice(tocAt, 0, ...toc);
  return out;
}

export const factsheetId = (p: string) => `provincie-${p.toLowerCase()}`;

