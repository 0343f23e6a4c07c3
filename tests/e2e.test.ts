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

function runAll(dir: string, ...options: string[]) {
  const r = spawnSync(process.execPath, [bin, 'run', ...scenarios.map((s) => join('scenarios', s)), '--uit', dir, ...options], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`run failed (${r.status}): ${r.stderr}`);
}

beforeAll(() => {
  first = mkdtempSync(join(tmpdir(), 'natuurpact-e2e-a-'));
  second = mkdtempSync(join(tmpdir(), 'natuurpact-e2e-b-'));
  runAll(first, '--werkers', '2'); // in two threads (the main one and a worker)
  runAll(second, '--werkers', '1'); // all in the main thread
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

  test('two runs (one in worker threads, one in a single thread) give byte-identical outputs', () => {
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
    // Paths relative to the declared roots: the scenario's folder, and each data folder.
    expect(m.scenario.bestanden.map((f: { pad: string }) => f.pad)).toEqual(['basis.yaml', 'bouwsteen-natuur.yaml']);
    // One entry per data file in data/ (16, see FILE_SPECS in src/io/files.ts), sorted by name.
    expect(m.gegevens.length).toBe(16);
    expect(m.gegevens.map((g: { pad: string }) => g.pad)).toEqual([...m.gegevens.map((g: { pad: string }) => g.pad)].sort());
    expect(m.gegevens[0].pad).toBe('aannames.csv');
    expect(m.uitvoer.map((o: { bestand: string }) => o.bestand)).toEqual(['resultaten.csv', 'rapport.md', 'rapport.html', 'resultaten.xlsx']);
    for (const o of m.uitvoer) expect(o.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('the decomposition in resultaten.csv', () => {
  test.each(names)('%s: per construction, region and year the parts add up to the change of the gap, and the developments to the new tasks, to the cent', (name) => {
    const lines = readFileSync(join(first, name, 'resultaten.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const cents = (x: string) => Math.round(Number(x) * 100);
    const cell = new Map<string, number>(lines.map((r) => [`${r[1]}|${r[2]}|${r[3]}|${r[4]}`, cents(r[5]!)]));
    const groups = new Set(lines.filter((r) => r[4] === 'ontleding.totaal').map((r) => `${r[1]}|${r[2]}|${r[3]}`));
    expect(groups.size).toBeGreaterThan(0);
    const perDevelopment = new Map<string, number>();
    for (const r of lines.filter((x) => x[4]!.startsWith('ontleding.nieuwe_taken.'))) {
      const g = `${r[1]}|${r[2]}|${r[3]}`;
      perDevelopment.set(g, (perDevelopment.get(g) ?? 0) + cents(r[5]!));
    }
    for (const g of groups) {
      const at = (post: string) => cell.get(`${g}|${post}`)!;
      const [constructie, provincie] = g.split('|');
      expect(at('ontleding.prijs') + at('ontleding.volume') + at('ontleding.nieuwe_taken') + at('ontleding.financiering'), g).toBe(at('ontleding.totaal'));
      expect(perDevelopment.get(g) ?? 0, g).toBe(at('ontleding.nieuwe_taken'));
      // The total is the change of this construction's gap since 2023.
      expect(at('ontleding.totaal'), g).toBe(at('tekort') - cell.get(`${constructie}|${provincie}|2023|tekort`)!);
    }
  });
  test('nhv-ambitie names its developments in the decomposition: CSV, report and workbook', async () => {
    const csv = readFileSync(join(first, 'nhv-ambitie', 'resultaten.csv'), 'utf8');
    expect(csv).toContain(',NL,2030,ontleding.nieuwe_taken.nhv,');
    expect(readFileSync(join(first, 'nhv-ambitie', 'rapport.md'), 'utf8')).toContain('| provincie | nhv | anlb_500 | faunaschade_groei | nieuwe taken |');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(first, 'nhv-ambitie', 'resultaten.xlsx'));
    const sheet = wb.getWorksheet('Ontleding')!;
    // Three developments (nhv, anlb_500 in the status quo, faunaschade_groei) in F, G, H; nieuwe taken in I is their sum; J financiering; K the total.
    expect((sheet.getRow(2).getCell(9).value as ExcelJS.CellFormulaValue).formula).toBe('SUM(F2:H2)');
    expect((sheet.getRow(2).getCell(11).value as ExcelJS.CellFormulaValue).formula).toBe('D2+E2+I2+J2');
  });
});

describe('the manifest does not depend on the locale or the working directory', () => {
  test('manifest.json (and so every output) is identical under LANG=C and LANG=da_DK.UTF-8, from two working directories', () => {
    // In Danish collation 'aa' sorts after 'z' (as å): a manifest sorted with localeCompare would put aannames.csv last.
    const a = mkdtempSync(join(tmpdir(), 'natuurpact-lang-a-'));
    const b = mkdtempSync(join(tmpdir(), 'natuurpact-lang-b-'));
    const env = (lang: string) => ({ ...process.env, LANG: lang, LC_ALL: lang });
    const ra = spawnSync(process.execPath, [bin, 'run', join('scenarios', 'bouwsteen-natuur.yaml'), '--uit', a], { cwd: root, env: env('C'), encoding: 'utf8' });
    const rb = spawnSync(process.execPath, [bin, 'run', 'bouwsteen-natuur.yaml', '--uit', b], { cwd: join(root, 'scenarios'), env: env('da_DK.UTF-8'), encoding: 'utf8' });
    expect(ra.status, ra.stderr).toBe(0);
    expect(rb.status, rb.stderr).toBe(0);
    const ma = readFileSync(join(a, 'bouwsteen-natuur', 'manifest.json'));
    const mb = readFileSync(join(b, 'bouwsteen-natuur', 'manifest.json'));
    expect(ma.toString('utf8')).toBe(mb.toString('utf8'));
    expect(ma.equals(readFileSync(join(first, 'bouwsteen-natuur', 'manifest.json')))).toBe(true);
  }, 60_000);
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

describe('status quo and developments in the reports', () => {
  test('basis names its decided policy; nhv-ambitie states the NHV public cost, the provincial share and the phasing', () => {
    // In Markdown a paragraph's underscores are escaped (they would be emphasis).
    expect(readFileSync(join(first, 'basis', 'rapport.md'), 'utf8')).toContain('Besloten beleid in de status quo: anlb\\_500.');
    const md = readFileSync(join(first, 'nhv-ambitie', 'rapport.md'), 'utf8');
    // 76 mld (impact assessment, context) × 50% public (assumption) = 38 mld; × 50% provinces = 19 mld.
    expect(md).toContain('maatschappelijke kosten tot 2050 76,0 mld (impactanalyse, alle sectoren; alleen als context');
    expect(md).toContain('Publieke kosten (Rijk en provincies) 38,0 mld; provinciaal deel 19,0 mld (50%)');
    expect(md).toContain('| nhv.publieke_kosten |');
    expect(readFileSync(join(first, 'nhv-ambitie', 'rapport.html'), 'utf8')).toContain('Publieke kosten (Rijk en provincies) 38,0 mld');
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
    // NL is the sum of Per provincie (204 rows: 12 provinces × 2014-2030).
    const sumif = (col: string, i: number) => `SUMIF('Per provincie'!$B$2:$B$205,A${i},'Per provincie'!$${col}$2:$${col}$205)`;
    summary.eachRow((row, i) => {
      if (i === 1) return;
      const jaar = row.getCell(1).value as number;
      const kosten = row.getCell(2).value as ExcelJS.CellFormulaValue;
      const tekort = row.getCell(4).value as ExcelJS.CellFormulaValue;
      const own = row.getCell(5).value as ExcelJS.CellFormulaValue;
      const above = row.getCell(6).value as ExcelJS.CellFormulaValue;
      const dekking = row.getCell(7).value as ExcelJS.CellFormulaValue;
      expect(kosten.formula).toBe(sumif('C', i));
      expect(kosten.result).toBeCloseTo(value('C0', 'NL', jaar, 'kosten.totaal'), 2);
      expect(tekort.formula).toBe(`B${i}-C${i}`);
      expect(tekort.result).toBeCloseTo(value('C0', 'NL', jaar, 'tekort'), 2);
      expect(own.formula).toBe(sumif('F', i));
      expect(own.result).toBeCloseTo(value('C0', 'NL', jaar, 'tekort.waarvan_eigen_bijdrage'), 2);
      expect(above.formula).toBe(`D${i}-E${i}`);
      // exceljs reads a cached 0 back as no result (the file itself has <v>0</v>).
      expect((above.result as number | undefined) ?? 0).toBeCloseTo(value('C0', 'NL', jaar, 'tekort') - value('C0', 'NL', jaar, 'tekort.waarvan_eigen_bijdrage'), 2);
      expect(dekking.result as number).toBeCloseTo(value('C0', 'NL', jaar, 'dekkingsgraad'), 12);
      checked += 5;
    });
    const perProvince = wb.getWorksheet('Per provincie')!;
    perProvince.eachRow((row, i) => {
      if (i === 1) return;
      const provincie = String((row.getCell(1).value as ExcelJS.CellRichTextValue).richText[0]!.text).slice(0, 4);
      const jaar = row.getCell(2).value as number;
      expect((row.getCell(5).value as ExcelJS.CellFormulaValue).result).toBeCloseTo(value('C0', provincie, jaar, 'tekort'), 2);
      // Projected costs are the sum of the seven task rows in Projectie (column K: A-I, anlb_500 in J); the own part is min(afspraak, max(tekort, 0)).
      if (jaar > 2023) expect((row.getCell(3).value as ExcelJS.CellFormulaValue).formula).toMatch(/^SUM\(Projectie!K\d+:K\d+\)$/);
      expect((row.getCell(6).value as ExcelJS.CellFormulaValue).formula).toBe(`MIN(I${i},MAX(E${i},0))`);
      checked++;
    });
    const constructions = wb.getWorksheet('Constructies')!;
    constructions.eachRow((row, i) => {
      if (i === 1) return;
      const netto = row.getCell(10).value as ExcelJS.CellFormulaValue;
      expect(netto.formula).toBe(`C${i}+D${i}`);
      const f = row.getCell(11).value as ExcelJS.CellFormulaValue;
      expect(f.formula).toMatch(/^J\d+-J\d+$/);
      checked += 2;
    });
    // natuurpact-2-0 has one development, anlb_500 (in the status quo): D prijs, E volume, F anlb_500,
    // G nieuwe taken (their sum), H financiering, I the total; prijs of a province from Projectie, of NL the sum.
    const decomposition = wb.getWorksheet('Ontleding')!;
    decomposition.eachRow((row, i) => {
      if (i === 1) return;
      expect((row.getCell(7).value as ExcelJS.CellFormulaValue).formula).toBe(`SUM(F${i}:F${i})`);
      expect((row.getCell(4).value as ExcelJS.CellFormulaValue).formula).toBe(i === 14 ? 'SUM(D2:D13)' : `SUMIFS(Projectie!$L$2:$L$589,Projectie!$A$2:$A$589,A${i},Projectie!$B$2:$B$589,C${i})`);
      const total = row.getCell(9).value as ExcelJS.CellFormulaValue;
      expect(total.formula).toBe(`D${i}+E${i}+G${i}+H${i}`);
      const region = String((row.getCell(1).value as ExcelJS.CellRichTextValue).richText[0]!.text).slice(0, 4).trim();
      expect(total.result).toBeCloseTo(value('C0', region === 'NL N' ? 'NL' : region, 2030, 'ontleding.totaal'), 2);
      checked++;
    });
    expect(checked).toBeGreaterThan(300);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Invoer', 'Samenvatting', 'Per provincie', 'Projectie', 'Indexen', 'Constructies', 'Ontleding', 'Terugblik', 'Resultaten', 'Aannames', 'Bronnen', 'Uitleg']);
  });
});

describe('HTML report', () => {
  test.each(names)('%s: self-contained, all sections, SVGs that parse', (name) => {
    const html = readFileSync(join(first, name, 'rapport.html'), 'utf8');
    expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?https?:/i);
    expect(html).not.toMatch(/url\(\s*["']?https?:/i);
    expect(html).not.toMatch(/<script/i);
    const dom = new JSDOM(html);
    const doc = dom.window.document;
    const ids = [...doc.querySelectorAll('section')].map((s) => s.id);
    // The fixed order (report-model.ts); a variant opens with its difference from its base; constructions where compared.
    const expected = ['samenvatting', 'toelichting', 'terugblik', 'vooruitblik', 'ontleding', 'index', 'fondspad', 'provincies', 'factsheets', 'aannames', 'uitleg', 'bronnen', 'manifest'];
    if (name === 'natuurpact-2-0') expected.splice(7, 0, 'constructies', 'nodig');
    if (name !== 'basis') expected.unshift('verschil');
    expect(ids).toEqual(expected);
    // The appendix is the sections from the factsheets on; the table of contents lists every section but the summary.
    expect([...doc.querySelectorAll('section.bijlage')].map((s) => s.id)).toEqual(['factsheets', 'aannames', 'uitleg', 'bronnen', 'manifest']);
    expect([...doc.querySelectorAll('nav.inhoud a')].map((a) => a.getAttribute('href'))).toEqual(expected.filter((id) => id !== 'samenvatting' && id !== 'verschil').map((id) => `#${id}`));
    // The director's page: at most five sentences, one chart, and every figure links to an explanation that exists.
    const summary = doc.querySelector('#samenvatting')!;
    expect(summary.querySelectorAll('p').length).toBeLessThanOrEqual(5);
    expect(summary.querySelectorAll('svg').length).toBe(1);
    const links = [...summary.querySelectorAll('a')];
    expect(links.length).toBeGreaterThanOrEqual(4);
    for (const a of links) expect(doc.getElementById(a.getAttribute('href')!.slice(1)), a.getAttribute('href')!).not.toBeNull();
    // One factsheet per province, each a page of its own in print.
    expect(doc.querySelectorAll('#factsheets .factsheet').length).toBe(12);
    expect(doc.querySelector('meta[name="viewport"]')!.getAttribute('content')).toBe('width=device-width, initial-scale=1');
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs.length).toBeGreaterThanOrEqual(name === 'natuurpact-2-0' ? 5 : 4);
    for (const svg of svgs) {
      const doc = new dom.window.DOMParser().parseFromString(svg, 'image/svg+xml');
      expect(doc.getElementsByTagName('parsererror').length).toBe(0);
      expect(doc.documentElement.tagName).toBe('svg');
    }
  });
});
