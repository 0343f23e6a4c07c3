/**
 * `resultaten.xlsx` (exceljs): a sheet per table, Dutch headers, number formats, frozen headers and
 * columns wide enough for their contents. Totals and gaps are live formulas with their cached values
 * (the exact figures), so the workbook recalculates in Excel or LibreOffice to the same numbers.
 * Sheets: Samenvatting, Per provincie, Constructies (when compared), Terugblik, Resultaten (the tidy
 * table), Aannames, Bronnen, Uitleg. Text is always written as text, never as a formula. The file's
 * dates are fixed, so the same run gives the same bytes.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { PROVINCE_CODES, provinceName } from '../core/provinces.js';
import { COST_TASKS } from '../core/model/lines.js';
import type { ScenarioRun } from '../io/run-scenario.js';
import { formatAmount } from './results-csv.js';
import type { ReportModel, YearFigures } from './report-model.js';

export const EPOCH = new Date(Date.UTC(2000, 0, 1));
const EUR = '#,##0';
const RATIO = '0.0%';

export type Cell = string | number | { formula: string; result: number };

export function sheet(wb: ExcelJS.Workbook, name: string, header: readonly string[], rows: readonly (readonly Cell[])[], formats: Record<number, string> = {}): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([...header]);
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r.map((c) => (typeof c === 'string' ? { richText: [{ text: c }] } : c)) as ExcelJS.CellValue[]);
  header.forEach((h, i) => {
    const col = ws.getColumn(i + 1);
    const width = Math.max(h.length, ...rows.map((r) => {
      const c = r[i];
      return typeof c === 'string' ? c.length : typeof c === 'number' ? 14 : 14;
    }));
    col.width = Math.min(80, width + 2);
    const fmt = formats[i];
    if (fmt) col.numFmt = fmt;
  });
  return ws;
}

const n = (d: { toNumber(): number }) => d.toNumber();

/** `tekort = kosten − inkomsten` and `dekkingsgraad = inkomsten / kosten` as formulas, cached with the exact figures. */
function gapFormulas(f: YearFigures, row: number, costCol: string, incomeCol: string): Cell[] {
  return [
    { formula: `${costCol}${row}-${incomeCol}${row}`, result: n(f.tekort) },
    { formula: `IF(${costCol}${row}=0,0,${incomeCol}${row}/${costCol}${row})`, result: n(f.dekking) },
  ];
}

export async function workbook(run: ScenarioRun, model: ReportModel): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'natuurpact';
  wb.created = EPOCH;
  wb.modified = EPOCH;
  wb.lastModifiedBy = 'natuurpact';

  // Samenvatting (NL) and Per provincie: gap and coverage as formulas over the row's own cells.
  const years = [...model.terugblik, ...model.vooruitblik];
  sheet(
    wb,
    'Samenvatting',
    ['jaar', 'kosten (euro)', 'inkomsten Rijk en EU (euro)', 'tekort (euro)', 'dekkingsgraad', 'periode'],
    years.map((f, i) => [f.jaar, n(f.kosten), n(f.inkomsten), ...gapFormulas(f, i + 2, 'B', 'C'), f.jaar <= model.basisjaar ? 'terugblik' : 'projectie']),
    { 1: EUR, 2: EUR, 3: EUR, 4: RATIO },
  );
  const provRows: Cell[][] = [];
  for (const p of model.perProvincie) {
    for (const f of p.jaren) provRows.push([`${p.provincie} ${p.naam}`, f.jaar, n(f.kosten), n(f.inkomsten), ...gapFormulas(f, provRows.length + 2, 'C', 'D')]);
  }
  sheet(wb, 'Per provincie', ['provincie', 'jaar', 'kosten (euro)', 'inkomsten Rijk en EU (euro)', 'tekort (euro)', 'dekkingsgraad'], provRows, { 2: EUR, 3: EUR, 4: EUR, 5: RATIO });

  if (run.comparison) {
    const c = run.comparison;
    const rows = c.samenvatting.map((s) => [s.constructie, s.provincie === 'NL' ? 'NL Nederland' : `${s.provincie} ${provinceName(s.provincie)}`, n(s.cumulatiefTekort), n(s.gemiddeldeDekking), n(s.volatiliteit), n(s.aandeelGeoormerkt), n(s.uitvoeringslasten)]);
    // verschil met C0 as a formula: this row's cumulative gap minus the C0 row of the same province.
    const c0Row = (prov: string) => rows.findIndex((r) => r[0] === 'C0' && r[1] === prov) + 2;
    sheet(
      wb,
      'Constructies',
      ['constructie', 'provincie', 'cumulatief tekort (euro)', 'gem. dekkingsgraad', 'volatiliteit', 'aandeel geoormerkt', 'uitvoeringslasten (euro)', 'verschil met C0 (euro)'],
      rows.map((r, i) => [...r, { formula: `C${i + 2}-C${c0Row(r[1] as string)}`, result: (r[2] as number) - (rows[c0Row(r[1] as string) - 2]![2] as number) }]),
      { 2: EUR, 3: RATIO, 4: RATIO, 5: RATIO, 6: EUR, 7: EUR },
    );
  }

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

  sheet(
    wb,
    'Resultaten',
    ['scenario', 'constructie', 'provincie', 'jaar', 'post', 'bedrag_eur', 'status'],
    run.rows.map((r) => [r.scenario, r.constructie, r.provincie, r.jaar, r.post, Number(formatAmount(r)), r.status]),
    { 5: '#,##0.00' },
  );
  sheet(wb, 'Aannames', ['aanname', 'waarde', 'toelichting'], model.aannames.map((a) => [a.naam, a.waarde, a.toelichting]));
  sheet(wb, 'Bronnen', ['id', 'titel', 'uitgever', 'datum', 'adres'], model.bronnen.map((b) => [b.id, b.titel, b.uitgever, b.datum, b.url]));
  sheet(wb, 'Uitleg', ['onderwerp', 'uitleg'], [
    ['bedragen', 'Euro, nominaal; cellen zijn op hele centen afgerond. Blad Samenvatting: alle provincies samen.'],
    ['tekort', 'Kosten min inkomsten van Rijk en EU: wat de provincie zelf betaalt of laat liggen. Formule in het blad, met de berekende waarde.'],
    ['dekkingsgraad', 'Inkomsten gedeeld door kosten.'],
    ['status', 'realisatie, begroting, raming: gepubliceerd; afgeleid: berekend uit gepubliceerde cijfers; schatting: geschat met een vermelde methode; aanname: aanname van de analist.'],
    ['terugblik en projectie', `Tot en met ${model.basisjaar} gegevens (gepubliceerd of geschat), daarna de projectie van het model.`],
    ['constructies', 'Per constructie en provincie het cumulatieve tekort over het venster en het verschil met de status quo (C0).'],
  ]);
  const buffer = await wb.xlsx.writeBuffer();
  return fixZipDates(new Uint8Array(buffer as ArrayBuffer));
}

/** The zip container stamps each entry with the time of writing; rewrite it with a fixed date. */
export async function fixZipDates(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  const names = Object.keys(zip.files).sort();
  for (const name of names) {
    const entry = zip.files[name]!;
    if (entry.dir) continue;
    out.file(name, await entry.async('uint8array'), { date: EPOCH, createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
