/**
 * `natuurpact onzekerheid` end to end on the shipped basis scenario (few draws: the 10,000-draw run
 * is for the command, not for the test suite): its outputs, byte-identical reruns with the same
 * seed, a construction, and usage errors.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, test } from 'vitest';
import { Decimal } from '../src/core/decimal.js';
import { run } from './helpers/cli.js';

const FILES = ['gevoeligheid.csv', 'kwantielen.csv', 'manifest.json', 'onzekerheid.xlsx', 'rapport.html', 'rapport.md', 'tornado-provincies.svg', 'tornado.svg', 'waaier-provincies.svg', 'waaier.svg'];
let a = '';
let b = '';
let out = '';
/** The exact run's national gap in 2030, from the expected output of the regular run. */
const EXACT_NL_2030 = readFileSync('scenarios/basis.verwacht.csv', 'utf8').split('\n').find((l) => l.startsWith('basis,C0,NL,2030,tekort,'))!.split(',')[5];

beforeAll(async () => {
  a = mkdtempSync(join(tmpdir(), 'natuurpact-onz-a-'));
  b = mkdtempSync(join(tmpdir(), 'natuurpact-onz-b-'));
  const first = await run('onzekerheid', 'scenarios/basis.yaml', '--trekkingen', '300', '--zaad', '1', '--uit', a);
  expect(first.err).toBe('');
  expect(first.code).toBe(0);
  out = first.out;
  const second = await run('onzekerheid', 'scenarios/basis.yaml', '--trekkingen', '300', '--zaad', '1', '--uit', b);
  expect(second.code).toBe(0);
}, 120_000);

describe('natuurpact onzekerheid', () => {
  test('writes the quantiles, the fan charts, the tornado, the register and a manifest', () => {
    expect(readdirSync(join(a, 'basis-onzekerheid')).sort()).toEqual(FILES);
    // The exact run's figure in mln with one decimal, as the summary writes it.
    const mln = new Decimal(EXACT_NL_2030!).dividedBy(1e6).toFixed(1).replace('.', ',');
    expect(out).toContain(`Het landelijke tekort in 2030 is volgens het model ${mln} mln`);
    const csv = readFileSync(join(a, 'basis-onzekerheid', 'kwantielen.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('scenario,constructie,provincie,jaar,post,centraal,gemiddelde,sd,p5,p25,p50,p75,p95,mc_fout_p50,kans_tekort_boven_drempel');
    // 13 regions × 7 years × 5 lines.
    expect(csv.length - 1).toBe(13 * 7 * 5);
    const nl2030 = csv.find((l) => l.startsWith('basis,C0,NL,2030,tekort,'))!.split(',');
    // The central value is the exact run's (scenarios/basis.verwacht.csv).
    expect(nl2030[5]).toBe(EXACT_NL_2030);
    const [p5, p25, p50, p75, p95] = nl2030.slice(8, 13).map(Number);
    expect(p5! < p25! && p25! < p50! && p50! < p75! && p75! < p95!).toBe(true);
    const manifest = JSON.parse(readFileSync(join(a, 'basis-onzekerheid', 'manifest.json'), 'utf8'));
    expect(manifest.opties).toEqual({ trekkingen: 300, zaad: 1, constructie: null, drempel_eur: '0', eigen_gegevens: false });
    expect(manifest.uitvoer.map((o: { bestand: string }) => o.bestand)).toEqual(['kwantielen.csv', 'gevoeligheid.csv', 'waaier.svg', 'waaier-provincies.svg', 'tornado.svg', 'tornado-provincies.svg', 'rapport.md', 'rapport.html', 'onzekerheid.xlsx']);
    for (const o of manifest.uitvoer) expect(o.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test('two runs with the same seed are byte-identical', () => {
    for (const f of FILES) expect(readFileSync(join(a, 'basis-onzekerheid', f)).equals(readFileSync(join(b, 'basis-onzekerheid', f))), f).toBe(true);
  });

  test('the central column is the exact run, in cents', async () => {
    const csv = readFileSync(join(a, 'basis-onzekerheid', 'kwantielen.csv'), 'utf8');
    const exact = await run('vergelijk', 'scenarios/basis.yaml', 'scenarios/basis.yaml', '--csv');
    // vergelijk prints per province and year the construction, the post, its unit and both scenarios' values (euros, cents).
    for (const line of exact.out.trim().split('\n').slice(1)) {
      const [p, y, , , eenheid, value] = line.split(',');
      expect(eenheid).toBe('euro');
      expect(csv).toContain(`basis,C0,${p},${y},tekort,${value},`);
    }
  });

  test('the HTML report is self-contained, has its sections and SVGs that parse; the register is in MD and the sheet Aannames', async () => {
    const html = readFileSync(join(a, 'basis-onzekerheid', 'rapport.html'), 'utf8');
    expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?https?:/i);
    expect(html).not.toMatch(/<script/i);
    const dom = new JSDOM(html);
    expect([...dom.window.document.querySelectorAll('section')].map((s) => s.id)).toEqual(['samenvatting', 'waaier', 'tornado', 'register', 'invoer', 'correlaties', 'methode', 'manifest']);
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs.length).toBe(4);
    for (const svg of svgs) expect(new dom.window.DOMParser().parseFromString(svg, 'image/svg+xml').getElementsByTagName('parsererror').length).toBe(0);
    const registerRows = [...dom.window.document.querySelectorAll('#register tbody tr')];
    expect(registerRows[0]!.querySelectorAll('td')[1]!.textContent).toBe('terugblik.landelijk');
    expect(registerRows[0]!.className).toBe('rood');
    const md = readFileSync(join(a, 'basis-onzekerheid', 'rapport.md'), 'utf8');
    expect(md).toContain('## Register van aannames en schattingen');
    expect(md).toContain('| 1 | terugblik.landelijk |');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(a, 'basis-onzekerheid', 'onzekerheid.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Kwantielen', 'Kwantielen dekkingsgraad', 'Gevoeligheid', 'Aannames', 'Invoer', 'Uitleg']);
    const register = wb.getWorksheet('Aannames')!;
    expect(register.getRow(2).getCell(2).text).toBe('terugblik.landelijk');
    // Every assumption of aannames.csv is in the register (16), with the look-back inputs (13).
    expect(register.rowCount - 1).toBeGreaterThanOrEqual(16 + 13);
  });

  test('under a construction: --constructie C3', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'natuurpact-onz-c3-'));
    const r = await run('onzekerheid', 'scenarios/basis.yaml', '--trekkingen', '200', '--constructie', 'C3', '--uit', dir);
    expect(r.code).toBe(0);
    const csv = readFileSync(join(dir, 'basis-onzekerheid-C3', 'kwantielen.csv'), 'utf8');
    expect(csv).toContain('basis,C3,NL,2030,tekort,');
    expect(readFileSync(join(dir, 'basis-onzekerheid-C3', 'rapport.md'), 'utf8')).toContain('constructie.onderbesteding');
  });

  test.each([
    [['--trekkingen', '5'], "--trekkingen verwacht een geheel getal van 100 tot en met 200000, gevonden '5'"],
    [['--zaad', '-1'], "--zaad verwacht een geheel getal"],
    [['--constructie', 'C33'], "onbekende constructie 'C33'; bedoelt u 'C3'?"],
    [['--drempel', 'veel'], '--drempel: verwacht een getal'],
  ])('usage error %s: exit 2', async (args, message) => {
    const r = await run('onzekerheid', 'scenarios/basis.yaml', ...args, '--uit', mkdtempSync(join(tmpdir(), 'natuurpact-onz-x-')));
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });
});
