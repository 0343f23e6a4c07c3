/**
 * The workbook is a model (issue 16, item 5), checked in a second spreadsheet program: LibreOffice
 * headless (scripts/libreoffice.mjs) recalculates the workbook of basis from zeroed caches and must
 * give every cached figure back; then the CPI projection in Invoer is changed through LibreOffice and
 * the recalculated sheets must equal `natuurpact run` of basis with the same change
 * (`macro.projectie.cpi`), per province and year, to the cent.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { PROVINCE_CODES, provinceName, type RegionCode } from '../src/core/provinces.js';
import { loadDataset } from '../src/io/read-dir.js';
import { runScenarioFile } from '../src/io/run-scenario.js';
// @ts-expect-error: a plain JavaScript module of the scripts folder, without types
import { columnIndex, numberOf, recalculate } from '../scripts/libreoffice.mjs';
import { run } from './helpers/cli.js';

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'natuurpact-werkmap-'));
const workbookFile = join(dir, 'uit', 'basis', 'resultaten.xlsx');
/** The CPI a user puts in for the projection years (3,5% instead of the 2% of projectie.cpi in aannames.csv). */
const CPI = 0.035;

type Sheets = Map<string, string[][]>;
let unchanged: { sheets: Sheets; formulas: Map<string, { col: string; row: number; value: number }[]> };
let changed: Sheets;
let cpiRows: number[];

beforeAll(async () => {
  const r = await run('run', join(root, 'scenarios', 'basis.yaml'), '--uit', join(dir, 'uit'), '--formaat', 'xlsx');
  if (r.code !== 0) throw new Error(r.err);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(workbookFile);
  cpiRows = [];
  wb.getWorksheet('Invoer')!.eachRow((row, i) => {
    if (i > 1 && row.getCell(8).text.startsWith('aanname projectie.cpi')) cpiRows.push(i);
  });
  unchanged = await recalculate(workbookFile);
  changed = (await recalculate(workbookFile, { changes: cpiRows.map((r) => ({ sheet: 'Invoer', cell: `B${r}`, value: CPI })) })).sheets;
}, 240_000);

describe('the workbook of basis in LibreOffice', () => {
  test('recalculated from zeroed caches, every formula gives the figure the workbook caches', () => {
    let count = 0;
    for (const [name, cells] of unchanged.formulas) {
      for (const { col, row, value } of cells) {
        const got = numberOf(unchanged.sheets.get(name)![row - 1]![columnIndex(col)]!);
        expect(Math.abs(got - value) / Math.max(1, Math.abs(value)), `${name}!${col}${row}`).toBeLessThan(1e-9);
        count++;
      }
    }
    // Projectie alone has 12 provinces × 7 years × 7 tasks rows with four formulas or more.
    expect(count).toBeGreaterThan(12 * 7 * 7 * 4);
  });

  test('a CPI projection changed in Invoer gives what natuurpact run gives with that CPI, per province and year, to the cent', () => {
    // The years whose CPI is the projection assumption: after the last published year (2025, macro.csv).
    expect(cpiRows.length).toBeGreaterThan(0);
    const years = cpiRows.map((r) => Number(changed.get('Invoer')![r - 1]![0]));
    expect(years[0]).toBe(2026);
    // The tool with the same change, as a user writes it in a scenario.
    const scenarios = mkdtempSync(join(tmpdir(), 'natuurpact-cpi-'));
    copyFileSync(join(root, 'scenarios', 'basis.yaml'), join(scenarios, 'basis.yaml'));
    writeFileSync(join(scenarios, 'cpi.yaml'), `naam: cpi\nbasis: basis.yaml\nmacro:\n  projectie:\n    cpi: ${CPI * 100}%\n`);
    const tool = runScenarioFile(join(scenarios, 'cpi.yaml'), loadDataset());
    const original = runScenarioFile(join(root, 'scenarios', 'basis.yaml'), loadDataset());
    const cents = (x: number) => Math.round(x * 100);
    const perProvince = changed.get('Per provincie')!;
    let compared = 0;
    let moved = 0;
    for (const row of perProvince.slice(1)) {
      const p = row[0]!.slice(0, 4) as RegionCode;
      const y = Number(row[1]);
      const cell = (post: 'kosten.totaal' | 'tekort' | 'tekort.waarvan_eigen_bijdrage') => tool.result.cell(p, y, post).bedrag_eur.toNumber();
      expect(cents(Number(row[2])), `${p} ${y} kosten`).toBe(cents(cell('kosten.totaal')));
      expect(cents(Number(row[4])), `${p} ${y} tekort`).toBe(cents(cell('tekort')));
      expect(cents(Number(row[5])), `${p} ${y} eigen bijdrage`).toBe(cents(cell('tekort.waarvan_eigen_bijdrage')));
      expect(numberOf(row[7]!)).toBeCloseTo(tool.result.cell(p, y, 'dekkingsgraad').bedrag_eur.toNumber(), 12);
      if (Math.abs(Number(row[2]) - original.result.cell(p, y, 'kosten.totaal').bedrag_eur.toNumber()) > 1000) moved++;
      compared++;
    }
    expect(compared).toBe(12 * 17);
    // The change is felt: from 2026 on, every province's costs move (by more than 1.000 euro).
    expect(moved).toBe(12 * 5);
    for (const row of changed.get('Samenvatting')!.slice(1)) {
      expect(cents(Number(row[3])), `NL ${row[0]} tekort`).toBe(cents(tool.result.cell('NL', Number(row[0]), 'tekort').bedrag_eur.toNumber()));
    }
    // The decomposition follows too: the price part of every province and NL, 2023-2030.
    for (const row of changed.get('Ontleding')!.slice(1)) {
      const p = (row[0] === 'NL Nederland' ? 'NL' : row[0]!.slice(0, 4)) as RegionCode;
      const d = tool.decomposition.find((x) => x.provincie === p)!;
      expect(cents(Number(row[3])), `${p} prijs`).toBe(cents(d.prijs.toNumber()));
      expect(cents(Number(row[4])), `${p} volume`).toBe(cents(d.volume.toNumber()));
      expect(cents(Number(row.at(-1))), `${p} totaal`).toBe(cents(d.totaal.toNumber()));
    }
    expect(PROVINCE_CODES.every((p) => perProvince.some((r) => r[0] === `${p} ${provinceName(p)}`))).toBe(true);
  });

  test('an Excel table on every sheet, euros and ratios in separate columns', async () => {
    const bytes = readFileSync(workbookFile);
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(bytes);
    const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    const tables = Object.keys(zip.files).filter((f) => /^xl\/tables\/table\d+\.xml$/.test(f));
    expect(tables.length).toBe(sheets.length);
    const results = unchanged.sheets.get('Resultaten')!;
    expect(results[0]).toEqual(['scenario', 'constructie', 'provincie', 'jaar', 'post', 'bedrag (euro)', 'verhouding', 'status']);
    for (const r of results.slice(1, 400)) expect(r[4] === 'dekkingsgraad' ? r[5] === '' && r[6] !== '' : r[5] !== '' && r[6] === '', r.join(',')).toBe(true);
    const invoer = unchanged.sheets.get('Invoer')!;
    expect(invoer[0]!.slice(0, 4)).toEqual(['jaar', 'cpi', 'loonstijging natuur', 'grondprijsmutatie']);
  });
});
