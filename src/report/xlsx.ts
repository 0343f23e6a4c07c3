/**
 * `resultaten.xlsx`: a model, not a dump. The key inputs of the projection are typed numbers in
 * `Invoer` (percentages as percentages) and the projection computes from them with live formulas
 * (`workbook-model.ts`), cached with the exact figures, so that a changed input recalculates in
 * Excel or LibreOffice to what the tool gives with that change. Each sheet is an Excel table (filter
 * and pivot ready), with Dutch headers, number formats, a frozen header row; euros and ratios are in
 * separate columns. Sheets: Invoer, Samenvatting, Per provincie, Projectie, Indexen, Constructies
 * (when compared), Ontleding, Terugblik, Resultaten (the tidy table), Aannames, Bronnen, Uitleg. The
 * agreed own contribution is a part of the gap (min(afspraak, max(tekort, 0)), a formula). Text is
 * always written as text, never as a formula. The file's dates are fixed, so the same run gives the
 * same bytes.
 *
 * The sheets are described here and written by `spreadsheet-xml.ts` (the same parts exceljs writes,
 * without an object per cell); the zip container is JSZip's, loaded on first use.
 */
import { createRequire } from 'node:module';
import { PROVINCE_CODES, provinceName } from '../core/provinces.js';
import { COST_TASKS } from '../core/model/lines.js';
import type { ScenarioRun } from '../io/run-scenario.js';
import { formatAmount } from './results-csv.js';
import { figures, type ReportModel, type YearFigures } from './report-model.js';
import { gradeLabel } from './sources.js';
import { liveModel, type LiveSheet } from './workbook-model.js';
import { byText } from '../core/order.js';
import { columnName, workbookParts, type Part, type SheetCell, type SheetSpec } from './spreadsheet-xml.js';

export const EPOCH = new Date(Date.UTC(2000, 0, 1));
export const EUR = '#,##0';
export const RATIO = '0.0%';

export type Cell = SheetCell;

/** A table name from a sheet name: `Per provincie` → `Tabel_Per_provincie`. */
const tableName = (sheet: string) => `Tabel_${sheet.replace(/[^A-Za-z0-9]+/g, '_')}`;

/** A sheet with an Excel table: the header, the rows, and per column its width (longest text, at most 80) and format. */
export function sheet(sheets: SheetSpec[], name: string, header: readonly string[], rows: readonly (readonly Cell[])[], formats: Record<number, string> = {}): void {
  const widths = header.map((h, i) => {
    let width = h.length;
    for (const r of rows) {
      const c = r[i];
      width = Math.max(width, typeof c === 'string' ? c.length : 14);
    }
    return Math.min(80, width + 2);
  });
  sheets.push({ name, header, rows, widths, formats, table: tableName(name) });
}

const n = (d: { toNumber(): number }) => d.toNumber();

/**
 * `tekort = kosten − inkomsten`, the agreed own part of it `min(afspraak, max(tekort, 0))`, `boven
 * de afspraak = tekort − waarvan` and `dekkingsgraad = inkomsten / kosten`: formulas, cached with the
 * exact figures. `own` is the formula or value of the own part.
 */
function gapFormulas(f: YearFigures, row: number, costCol: string, incomeCol: string, own: Cell): Cell[] {
  const gapCol = String.fromCharCode(incomeCol.charCodeAt(0) + 1);
  const ownCol = String.fromCharCode(incomeCol.charCodeAt(0) + 2);
  return [
    { formula: `${costCol}${row}-${incomeCol}${row}`, result: n(f.tekort) },
    own,
    { formula: `${gapCol}${row}-${ownCol}${row}`, result: n(f.tekort.minus(f.eigenBijdrage)) },
    { formula: `IF(${costCol}${row}=0,0,${incomeCol}${row}/${costCol}${row})`, result: n(f.dekking) },
  ];
}
const GAP_HEADER = ['tekort (euro)', 'waarvan afgesproken eigen bijdrage (euro)', 'boven de afspraak (euro)', 'dekkingsgraad'];

export async function workbook(run: ScenarioRun, model: ReportModel): Promise<Uint8Array> {
  return writeSheets(workbookSheets(run, model));
}

/** A workbook of these sheets, with the fixed dates (the same sheets give the same bytes). */
export async function writeSheets(sheets: readonly SheetSpec[]): Promise<Uint8Array> {
  return zipParts(workbookParts({ creator: 'natuurpact', date: EPOCH, sheets, theme: officeTheme() }));
}

/** The workbook's sheets, in order. */
export function workbookSheets(run: ScenarioRun, model: ReportModel): SheetSpec[] {
  const wb: SheetSpec[] = [];
  const { tot } = model.venster;
  const base = model.basisjaar;
  const years = run.result.jaren.filter((y) => y <= tot);
  const live = liveModel(run, tot);
  const [invoer, indexen, projectie] = live.sheets as [LiveSheet, LiveSheet, LiveSheet];
  const sheetOf = (x: LiveSheet) => sheet(wb, x.name, x.header, x.rows, x.formats);

  sheetOf(invoer);

  // Per provincie (all twelve, for the national sums): projected costs from Projectie, the gap and
  // its own part as formulas. Columns: A provincie, B jaar, C kosten, D inkomsten, E tekort,
  // F waarvan eigen bijdrage, G boven de afspraak, H dekkingsgraad, I afgesproken eigen bijdrage.
  const provRows: Cell[][] = [];
  for (const p of PROVINCE_CODES) {
    for (const y of years) {
      const f = figures(run, p, y);
      const r = provRows.length + 2;
      const a = y > base ? live.projectieRow(p, y) : 0;
      const kosten: Cell = y > base ? { formula: `SUM(Projectie!${live.col.kosten}${a}:${live.col.kosten}${a + COST_TASKS.length - 1})`, result: n(f.kosten) } : n(f.kosten);
      const agreed = run.result.agreedContribution(p, y).bedrag_eur;
      provRows.push([`${p} ${provinceName(p)}`, y, kosten, n(f.inkomsten), ...gapFormulas(f, r, 'C', 'D', { formula: `MIN(I${r},MAX(E${r},0))`, result: n(f.eigenBijdrage) }), n(agreed)]);
    }
  }
  const last = provRows.length + 1;
  const sumOver = (col: string, r: number) => `SUMIF('Per provincie'!$B$2:$B$${last},A${r},'Per provincie'!$${col}$2:$${col}$${last})`;

  // Samenvatting (NL): the sums of the provinces, and the gap as formulas.
  const nlYears = [...model.terugblik, ...model.vooruitblik];
  sheet(
    wb,
    'Samenvatting',
    ['jaar', 'kosten (euro)', 'inkomsten Rijk en EU (euro)', ...GAP_HEADER, 'periode'],
    nlYears.map((f, i) => {
      const r = i + 2;
      return [f.jaar, { formula: sumOver('C', r), result: n(f.kosten) }, { formula: sumOver('D', r), result: n(f.inkomsten) }, ...gapFormulas(f, r, 'B', 'C', { formula: sumOver('F', r), result: n(f.eigenBijdrage) }), f.jaar <= base ? 'terugblik' : 'projectie'];
    }),
    { 1: EUR, 2: EUR, 3: EUR, 4: EUR, 5: EUR, 6: RATIO },
  );
  sheet(wb, 'Per provincie', ['provincie', 'jaar', 'kosten (euro)', 'inkomsten Rijk en EU (euro)', ...GAP_HEADER, 'afgesproken eigen bijdrage (euro)'], provRows, { 2: EUR, 3: EUR, 4: EUR, 5: EUR, 6: EUR, 7: RATIO, 8: EUR });
  sheetOf(projectie);
  sheetOf(indexen);

  if (run.comparison) {
    const c = run.comparison;
    const rows = c.samenvatting.map((s) => [
      s.constructie,
      s.provincie === 'NL' ? 'NL Nederland' : `${s.provincie} ${provinceName(s.provincie)}`,
      n(s.cumulatiefTekort),
      n(s.uitvoeringslasten),
      n(s.gemiddeldeDekking),
      n(s.volatiliteit),
      n(s.aandeelGeoormerkt),
      n(s.onbesteed),
      n(s.eigenInkomsten),
    ]);
    // netto = tekort + uitvoeringslasten; verschil met C0 = this row's netto minus the C0 row of the same province.
    const c0Row = (prov: string) => rows.findIndex((r) => r[0] === 'C0' && r[1] === prov) + 2;
    const netto = (r: (typeof rows)[number]) => (r[2] as number) + (r[3] as number);
    sheet(
      wb,
      'Constructies',
      ['constructie', 'provincie', 'cumulatief tekort (euro)', 'uitvoeringslasten (euro)', 'gem. dekkingsgraad', 'volatiliteit', 'aandeel geoormerkt', 'onbesteed (euro)', 'eigen inkomsten naast rijksgeld (euro)', 'netto tekort (euro)', 'verschil met C0, netto (euro)'],
      rows.map((r, i) => {
        const c0 = c0Row(r[1] as string);
        return [...r, { formula: `C${i + 2}+D${i + 2}`, result: netto(r) }, { formula: `J${i + 2}-J${c0}`, result: netto(r) - netto(rows[c0 - 2]!) }];
      }),
      { 2: EUR, 3: EUR, 4: RATIO, 5: RATIO, 6: RATIO, 7: EUR, 8: EUR, 9: EUR, 10: EUR },
    );
  }

  // Ontleding: per region the change of the gap by cause, from Projectie (price part, costs without
  // developments, each development) for the provinces, as sums for NL; financing a value (income).
  const devNames = run.decomposition[0]?.perOntwikkeling.map((x) => x.naam) ?? [];
  // Columns: A provincie, B van, C tot, D prijs, E volume, then one per development, new tasks, financiering, total.
  const col = (i: number) => columnName(i);
  const firstDev = 5;
  const taskCol = col(firstDev + devNames.length);
  const financeCol = col(firstDev + devNames.length + 1);
  const pr = live.projectieRows + 1;
  const fromProjectie = (column: string, r: number) => `SUMIFS(Projectie!$${column}$2:$${column}$${pr},Projectie!$A$2:$A$${pr},A${r},Projectie!$B$2:$B$${pr},C${r})`;
  const provinces = run.decomposition.length - 1;
  sheet(
    wb,
    'Ontleding',
    ['provincie', 'van', 'tot', 'prijs (euro)', 'volume (euro)', ...devNames.map((d) => `nieuwe taken: ${d} (euro)`), 'nieuwe taken (euro)', 'financiering (euro)', 'verandering tekort (euro)'],
    run.decomposition.map((d, i) => {
      const row = i + 2;
      const nl = d.provincie === 'NL';
      const sumAbove = (c: string) => `SUM(${c}2:${c}${provinces + 1})`;
      const tasks: Cell = devNames.length > 0 ? { formula: `SUM(${col(firstDev)}${row}:${col(firstDev + devNames.length - 1)}${row})`, result: n(d.nieuweTaken) } : n(d.nieuweTaken);
      const devCell = (x: { naam: string; bedrag: { toNumber(): number } }, k: number): Cell => {
        const c = col(firstDev + k);
        const own = live.col.ontwikkeling.get(x.naam);
        if (nl) return { formula: sumAbove(c), result: n(x.bedrag) };
        return own ? { formula: fromProjectie(own, row), result: n(x.bedrag) } : n(x.bedrag);
      };
      return [
        nl ? 'NL Nederland' : `${d.provincie} ${provinceName(d.provincie)}`,
        d.van,
        d.tot,
        { formula: nl ? sumAbove('D') : fromProjectie(live.col.prijsdeel, row), result: n(d.prijs) },
        { formula: nl ? sumAbove('E') : `${fromProjectie(live.col.zonder, row)}-${fromProjectie(live.col.basis, row)}-D${row}`, result: n(d.volume) },
        ...d.perOntwikkeling.map(devCell),
        tasks,
        nl ? { formula: sumAbove(financeCol), result: n(d.financiering) } : n(d.financiering),
        { formula: `D${row}+E${row}+${taskCol}${row}+${financeCol}${row}`, result: n(d.totaal) },
      ];
    }),
    Object.fromEntries(Array.from({ length: devNames.length + 5 }, (_, k) => [k + 3, EUR])),
  );

  // Terugblik: history per province and task, total as a formula.
  const histRows: Cell[][] = [];
  for (const p of PROVINCE_CODES) {
    for (let y = run.result.jaren[0]!; y <= run.result.basisjaar; y++) {
      const row = histRows.length + 2;
      const costs = COST_TASKS.map((t) => n(run.result.cell(p, y, `kosten.${t}`).bedrag_eur));
      histRows.push([`${p} ${provinceName(p)}`, y, ...costs, { formula: `SUM(C${row}:I${row})`, result: costs.reduce((a, b) => a + b, 0) }, run.result.cell(p, y, 'kosten.totaal').status]);
    }
  }
  sheet(wb, 'Terugblik', ['provincie', 'jaar', ...COST_TASKS.map((t) => `${t} (euro)`), 'totaal (euro)', 'status'], histRows, Object.fromEntries([2, 3, 4, 5, 6, 7, 8, 9].map((i) => [i, EUR])));

  // The tidy table: euros and the ratio in separate columns.
  sheet(
    wb,
    'Resultaten',
    ['scenario', 'constructie', 'provincie', 'jaar', 'post', 'bedrag (euro)', 'verhouding', 'status'],
    run.rows.map((r) => {
      const v = Number(formatAmount(r));
      return [r.scenario, r.constructie, r.provincie, r.jaar, r.post, r.post === 'dekkingsgraad' ? null : v, r.post === 'dekkingsgraad' ? v : null, r.status];
    }),
    { 5: '#,##0.00', 6: RATIO },
  );
  sheet(wb, 'Aannames', ['aanname', 'waarde', 'toelichting'], [...model.aannames.map((a) => [a.naam, a.waarde, a.toelichting]), ...model.waarschuwingen.map((w) => ['waarschuwing', '', w])]);
  sheet(wb, 'Bronnen', ['id', 'titel', 'uitgever', 'datum', 'soort', 'kwaliteit', 'adres'], [...run.data.bronnen.values()].sort((a, b) => byText(a.id, b.id)).map((b) => [b.id, b.titel, b.uitgever, b.datum, b.soort ?? '', gradeLabel(b), b.url]));
  sheet(wb, 'Uitleg', ['onderwerp', 'uitleg'], [
    ['invoer', `Blad Invoer: per jaar de cpi, de loonstijging (CAO Bos en Natuur, anders contractloon), de grondprijsmutatie en de gewichten van de natuurkostenindex, als getallen; de herkomst staat erbij (aanname projectie.cpi: de projectie-aanname die een scenario met macro: projectie: cpi vervangt). Wijzig een cel en reken opnieuw: Indexen, Projectie, Per provincie, Samenvatting en Ontleding rekenen mee, tot op de cent gelijk aan natuurpact run met dezelfde wijziging.`],
    ['herberekenen', 'Waarden, geen formules: de inkomsten (het Provinciefonds-grootboek, Programma Natuur, EU), de volumefactoren (hectares, programmabedragen, faunaschade), de terugblik, de bladen Constructies en Resultaten (die rekenen niet mee met Invoer; draai natuurpact run voor een constructie met andere invoer).'],
    ['projectie', `Blad Projectie: per provincie, jaar en taak: basis ${base} × prijsfactor × volumefactor, op centen afgerond, plus de ontwikkelingen (een bedrag, of een formule als de ontwikkeling met de basiskosten meeschaalt); de prijsfactor komt uit Indexen.`],
    ['bedragen', 'Euro, nominaal; cellen zijn op hele centen afgerond. Blad Samenvatting: alle provincies samen (som van Per provincie).'],
    ['tekort', 'Kosten min inkomsten van Rijk en EU: wat de provincie zelf betaalt of laat liggen. Formule in het blad, met de berekende waarde.'],
    ['waarvan afgesproken eigen bijdrage', 'Het deel van het tekort dat de provincies volgens de afspraak (Natuurpact 2013: 65 mln per jaar) zelf betalen: per provincie min(afspraak, tekort), nooit meer dan het tekort; geen tweede bedrag naast het tekort. Boven de afspraak = tekort min dit deel (formule).'],
    ['ontleding', 'Blad Ontleding: verandering van het tekort van het basisjaar tot het eindjaar, in prijs, volume, nieuwe taken per ontwikkeling en financiering; prijs, volume en de ontwikkelingen komen uit Projectie, nieuwe taken en de verandering zijn formules over hun delen en tellen exact op.'],
    ['dekkingsgraad', 'Inkomsten gedeeld door kosten (een verhouding, als percentage; in Resultaten in de kolom verhouding, niet bij de bedragen).'],
    ['status', 'realisatie, begroting, raming: gepubliceerd; afgeleid: berekend uit gepubliceerde cijfers; schatting: geschat met een vermelde methode; aanname: aanname van de analist.'],
    ['terugblik en projectie', `Tot en met ${base} gegevens (gepubliceerd of geschat), daarna de projectie van het model.`],
    ['constructies', 'Per constructie en provincie het cumulatieve tekort over het venster, de uitvoeringslasten, het netto tekort (tekort plus uitvoeringslasten, formule) en het verschil met de status quo (C0) op het netto tekort. Onbesteed: geoormerkt geld dat terugvloeit (geen tekort). Eigen inkomsten: geld dat de provincies zelf opbrengen naast het rijksgeld (C7), niet in het tekort.'],
    ['tabellen', 'Elk blad is een Excel-tabel (filteren, sorteren, draaitabellen).'],
  ]);
  return wb;
}

let theme: string | undefined;

/** Excel's default Office theme, as exceljs ships it (the workbook's colours and fonts refer to it). */
function officeTheme(): string {
  theme ??= createRequire(import.meta.url)('exceljs/lib/xlsx/xml/theme1.js') as string;
  return theme;
}

/** The zip container: entries in name order, each with a fixed date, deflated at level 6. */
async function zipParts(parts: readonly Part[]): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  for (const part of [...parts].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    zip.file(part.name, part.bytes, { date: EPOCH, createFolders: false });
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
