/**
 * End to end through the built command: every shipped scenario against its expected output
 * (scenarios/*.verwacht.csv, regenerated only deliberately with `npm run verwacht`), byte-identical
 * reruns, the workbook's formulas against the CSV, and the HTML report's self-containment.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'dist', 'cli', 'main.js');
const scenarios = readdirSync(join(root, 'scenarios')).filter((f) => f.endsWith('.yaml')).sort();
const names = scenarios.map((f) => f.replace('.yaml', ''));
let first = '';
let second = '';

function runAll(dir: string) {
  const r = spawnSync(process.execPath, [bin, 'run', ...scenarios.map((s) => join('scenarios', s)), '--uit', dir], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`run failed (${r.status}): ${r.stderr}`);
}

beforeAll(() => {
  first = mkdtempSync(join(tmpdir(), 'natuurpact-e2e-a-'));
  second = mkdtempSync(join(tmpdir(), 'natuurpact-e2e-b-'));
  runAll(first);
  runAll(second);
}, 120_000);

describe('shipped scenarios end to end', () => {
  test.each(names)('%s: resultaten.csv equals its expected output', (name) => {
    const expectedPath = join(root, 'scenarios', `${name}.verwacht.csv`);
    const actual = readFileSync(join(first, name, 'resultaten.csv'), 'utf8');
    if (!existsSync(expectedPath)) {
      if (process.env.CI === 'true') throw new Error(`verwachte uitvoer ontbreekt: ${expectedPath}; maak die lokaal met npm run verwacht`);
      writeFileSync(expectedPath, actual);
      console.warn(`verwachte uitvoer aangemaakt: ${expectedPath}`);
    }
    expect(actual === readFileSync(expectedPath, 'utf8'), `${name} wijkt af van ${expectedPath}`).toBe(true);
  });

  test('each run writes the five outputs', () => {
    for (const name of names) {
      expect(readdirSync(join(first, name)).sort()).toEqual(['manifest.json', 'rapport.html', 'rapport.md', 'resultaten.csv', 'resultaten.xlsx']);
    }
  });

  test('two runs give byte-identical outputs', () => {
    for (const name of names) {
      for (const file of readdirSync(join(first, name))) {
        const a = readFileSync(join(first, name, file));
        const b = readFileSync(join(second, name, file));
        expect(a.equals(b), `${name}/${file}`).toBe(true);
      }
    }
  });

  test('the manifest lists the hash of every input and output', () => {
    const m = JSON.parse(readFileSync(join(first, 'bouwsteen-natuur', 'manifest.json'), 'utf8'));
    expect(m.scenario.bestanden.map((f: { pad: string }) => f.pad)).toEqual(['scenarios/basis.yaml', 'scenarios/bouwsteen-natuur.yaml']);
    // One entry per data file in data/ (15, see FILE_SPECS in src/io/files.ts).
    expect(m.gegevens.length).toBe(15);
    expect(m.uitvoer.map((o: { bestand: string }) => o.bestand)).toEqual(['resultaten.csv', 'rapport.md', 'rapport.html', 'resultaten.xlsx']);
    for (const o of m.uitvoer) expect(o.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('parameters per year and per province in the reports', () => {
  test('gefaseerd-en-regionaal: the assumptions table and the workbook show the values as the model reads them', async () => {
    const md = readFileSync(join(first, 'gefaseerd-en-regionaal', 'rapport.md'), 'utf8');
    expect(md).toContain('| bouwsteen_beheer.bedrag | vanaf 2026: 100,0 mln, vanaf 2028: 200,0 mln |');
    expect(md).toContain('| grondprijs_schok.schok | PV26: 0.3; PV27: 0.3; PV28: 0.3; overige provincies: 0.1 (fractie) |');
    expect(md).toContain('| projectie.cpi | vóór 2026: 0.02, vanaf 2026: 0.03, vanaf 2028: 0.02 (fractie) |');
    expect(md).toContain('- `ontwikkelingen.grondprijs_schok.parameters.schok`: PV26: 30%; PV27: 30%; PV28: 30%; overig: 10%');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(first, 'gefaseerd-en-regionaal', 'resultaten.xlsx'));
    const rows: string[] = [];
    wb.getWorksheet('Aannames')!.eachRow((r) => rows.push(`${r.getCell(1).text} = ${r.getCell(2).text}`));
    expect(rows).toContain('grondprijs_schok.schok = PV26: 0.3; PV27: 0.3; PV28: 0.3; overige provincies: 0.1 (fractie)');
  });
});

describe('workbook', () => {
  test('every formula cell caches the value the CSV has for that cell', async () => {
    const csv = readFileSync(join(first, 'natuurpact-2-0', 'resultaten.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const value = (constructie: string, provincie: string, jaar: number, post: string) =>
      Number(csv.find((r) => r[1] === constructie && r[2] === provincie && r[3] === String(jaar) && r[4] === post)![5]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(first, 'natuurpact-2-0', 'resultaten.xlsx'));
    let checked = 0;
    const summary = wb.getWorksheet('Samenvatting')!;
    summary.eachRow((row, i) => {
      if (i === 1) return;
      const jaar = row.getCell(1).value as number;
      const tekort = row.getCell(4).value as ExcelJS.CellFormulaValue;
      const dekking = row.getCell(5).value as ExcelJS.CellFormulaValue;
      expect(tekort.formula).toBe(`B${i}-C${i}`);
      expect(tekort.result).toBeCloseTo(value('C0', 'NL', jaar, 'tekort'), 2);
      expect(dekking.result as number).toBeCloseTo(value('C0', 'NL', jaar, 'dekkingsgraad'), 12);
      checked += 2;
    });
    const perProvince = wb.getWorksheet('Per provincie')!;
    perProvince.eachRow((row, i) => {
      if (i === 1) return;
      const provincie = String((row.getCell(1).value as ExcelJS.CellRichTextValue).richText[0]!.text).slice(0, 4);
      const jaar = row.getCell(2).value as number;
      expect((row.getCell(5).value as ExcelJS.CellFormulaValue).result).toBeCloseTo(value('C0', provincie, jaar, 'tekort'), 2);
      checked++;
    });
    const constructions = wb.getWorksheet('Constructies')!;
    constructions.eachRow((row, i) => {
      if (i === 1) return;
      const f = row.getCell(8).value as ExcelJS.CellFormulaValue;
      expect(f.formula).toMatch(/^C\d+-C\d+$/);
      checked++;
    });
    expect(checked).toBeGreaterThan(300);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Samenvatting', 'Per provincie', 'Constructies', 'Terugblik', 'Resultaten', 'Aannames', 'Bronnen', 'Uitleg']);
  });
});

describe('HTML report', () => {
  test.each(names)('%s: self-contained, all sections, SVGs that parse', (name) => {
    const html = readFileSync(join(first, name, 'rapport.html'), 'utf8');
    expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?https?:/i);
    expect(html).not.toMatch(/url\(\s*["']?https?:/i);
    expect(html).not.toMatch(/<script/i);
    const dom = new JSDOM(html);
    const ids = [...dom.window.document.querySelectorAll('section')].map((s) => s.id);
    const expected = ['samenvatting', 'terugblik', 'vooruitblik', 'index', 'ontleding', 'provincies', 'aannames', 'bronnen', 'manifest'];
    if (name === 'natuurpact-2-0') expected.splice(4, 0, 'constructies', 'nodig');
    expect(ids).toEqual(expected);
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs.length).toBeGreaterThanOrEqual(name === 'natuurpact-2-0' ? 5 : 4);
    for (const svg of svgs) {
      const doc = new dom.window.DOMParser().parseFromString(svg, 'image/svg+xml');
      expect(doc.getElementsByTagName('parsererror').length).toBe(0);
      expect(doc.documentElement.tagName).toBe('svg');
    }
  });
});
