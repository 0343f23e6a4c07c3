/**
 * The workbook parts written by `src/report/spreadsheet-xml.ts` against the parts exceljs 4.4 writes
 * for the same sheets (exceljs used as the workbook writer until issue 14, in the way sketched in
 * `viaExceljs` below): every part, byte for byte, for random sheets with awkward text (markup
 * characters, spaces at the ends, line breaks, control characters, non-ASCII), numbers, empty cells,
 * formulas (also over other sheets, with quotes) and Excel tables (exceljs's `addTable`).
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { createRequire } from 'node:module';
import { expect, test } from 'vitest';
import { columnName, TABLE_STYLE, TOTALS_LABEL, workbookParts, type SheetCell, type SheetSpec } from '../src/report/spreadsheet-xml.js';

const EPOCH = new Date(Date.UTC(2000, 0, 1));
const theme = createRequire(import.meta.url)('exceljs/lib/xlsx/xml/theme1.js') as string;

/** The sheets written the way the exceljs-based writer did: rich text in the body, formats per column. */
async function viaExceljs(sheets: readonly SheetSpec[]): Promise<Map<string, string>> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'natuurpact';
  wb.created = EPOCH;
  wb.modified = EPOCH;
  wb.lastModifiedBy = 'natuurpact';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow([...s.header]);
    ws.getRow(1).font = { bold: true };
    const value = (c: SheetCell) => (typeof c === 'string' ? { richText: [{ text: c }] } : c);
    for (const r of s.rows) ws.addRow(r.map(value) as ExcelJS.CellValue[]);
    if (s.table !== undefined && s.rows.length > 0) {
      ws.addTable({
        name: s.table,
        ref: 'A1',
        headerRow: true,
        style: { theme: TABLE_STYLE, showRowStripes: true },
        columns: s.header.map((name, i) => ({ name, filterButton: true, ...(i === 0 ? { totalsRowLabel: TOTALS_LABEL } : {}) })),
        rows: s.rows.map((r) => r.map(value)) as ExcelJS.CellValue[][],
      });
    }
    s.header.forEach((_, i) => {
      const col = ws.getColumn(i + 1);
      col.width = s.widths[i]!;
      const fmt = s.formats[i];
      if (fmt) col.numFmt = fmt;
    });
  }
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const parts = new Map<string, string>();
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) parts.set(name, await entry.async('string'));
  return parts;
}

const ours = (sheets: readonly SheetSpec[]) =>
  new Map(workbookParts({ creator: 'natuurpact', date: EPOCH, sheets, theme }).map((p) => [p.name, new TextDecoder().decode(p.bytes)]));

const text = fc.oneof(
  fc.constantFrom('PV20 Groningen', 'PV21 Fryslân', 'tekort', 'C0', 'schatting', '', ' voorloopspatie', 'achter ', 'twee\nregels', 'a < b & "c" \'d\' > e', 'tab\there', 'ctrl\u0001\u001f\u007fx', '€ 1.000,50', '=SUM(A1)'),
  fc.string({ maxLength: 12 }),
);
const number = fc.oneof(fc.integer({ min: -1e12, max: 1e12 }), fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, 0.1, 2014, 1.008717310087354, 1e21, 5e-7));
const FORMATS = ['#,##0', '#,##0.00', '0.0%', '0.000', '0.00%'];

const formula = (i: number) => fc.constantFrom(`${columnName(i)}2-1`, `'Per provincie'!${columnName(i)}2*2`, `SUMIF(Invoer!$A$2:$A$9,2026,Invoer!$B$2:$B$9)`, `ROUND(A2*B2,2)+IF(A2>0,"a<b",0)`);
const sheetSpec = (name: string) =>
  fc.integer({ min: 1, max: 5 }).chain((cols) =>
    fc.record({
      table: fc.boolean(),
      header: fc.array(text, { minLength: cols, maxLength: cols }),
      rows: fc.array(
        fc.tuple(...Array.from({ length: cols }, (_, i) => fc.oneof(text, number, fc.constant(null), fc.tuple(formula(i), number).map(([f, n]): SheetCell => ({ formula: f, result: n }))))),
        { maxLength: 6 },
      ),
      widths: fc.array(fc.constantFrom(10, 16, 16, 80), { minLength: cols, maxLength: cols }),
      formats: fc.dictionary(fc.constantFrom(...Array.from({ length: cols }, (_, i) => String(i))), fc.constantFrom(...FORMATS)),
    }).map((s): SheetSpec => ({
      name,
      // A table's columns need unique, non-empty names.
      header: s.table ? s.header.map((h, i) => `${i + 1} ${h}`) : s.header,
      rows: s.rows,
      widths: s.widths,
      formats: Object.fromEntries(Object.entries(s.formats).map(([k, v]) => [Number(k), v])),
      ...(s.table ? { table: `Tabel_${name.replace(/[^A-Za-z]/g, '')}` } : {}),
    })),
  );

test('every part equals what exceljs writes for the same sheets', async () => {
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => sheetSpec(['Samenvatting', 'Per provincie', 'Bron & "uitleg"'][i]!)))), async (sheets) => {
      const expected = await viaExceljs(sheets);
      const actual = ours(sheets);
      expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [name, xml] of expected) expect(actual.get(name), name).toBe(xml);
    }),
    { numRuns: 60 },
  );
});

test('column names', () => {
  expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
});
