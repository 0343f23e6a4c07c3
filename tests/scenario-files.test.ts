/**
 * Scenario files: the catalog of malformed files in tests/fixtures/scenario-fout (each with the
 * message and location in its .verwacht.txt, written by hand from the file), and the shipped
 * scenarios validate.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { run } from './helpers/cli.js';
import { parseAmount } from '../src/io/scenario.js';


const dir = join(import.meta.dirname, 'fixtures', 'scenario-fout');
const cases = readdirSync(dir).filter((f) => f.endsWith('.verwacht.txt')).map((f) => f.replace('.verwacht.txt', ''));

describe('malformed scenario files', () => {
  test('the catalog has at least 10 cases', () => expect(cases.length).toBeGreaterThanOrEqual(10));
  test.each(cases)('%s: exit 1 with its message and location', async (name) => {
    const expected = readFileSync(join(dir, `${name}.verwacht.txt`), 'utf8').trim();
    const r = await run('valideer', relative(process.cwd(), join(dir, `${name}.yaml`)));
    expect(r.code).toBe(1);
    expect(r.err).toContain(expected);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe('shipped scenarios', () => {
  test('all validate', async () => {
    const files = readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).map((f) => join('scenarios', f));
    expect(files.length).toBeGreaterThanOrEqual(6);
    const r = await run('valideer', ...files);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('amounts in scenario files are read exactly', () => {
  test.each([
    ['500 mln', '500000000'],
    ['1,3 mld', '1300000000'],
    ['2,5%', '0.025'],
    ['0.84', '0.84'],
    ['12.5 %', '0.125'],
    ['1.234.567,5', '1234567.5'],
  ])('%s = %s', (text, value) => {
    const r = parseAmount(text);
    expect(r.ok && r.value.toString()).toBe(value);
  });
  test('two decimal separators are refused', () => expect(parseAmount('1.234,5.6').ok).toBe(false));
});

describe('a custom construction in a scenario file', () => {
  test('runs with its formula key: 400 mln from 2026 (+50 from 2028), indexed on the nature cost index', async () => {
    const { loadDataset } = await import('../src/io/read-dir.js');
    // The command line's way in: it loads the formula parser for the formula key.
    const { runScenarioFileAsync } = await import('../src/io/run-scenario.js');
    const { constructionIndex } = await import('../src/core/constructions/construction.js');
    const { dec, sum } = await import('../src/core/decimal.js');
    const { PROVINCE_CODES } = await import('../src/core/provinces.js');
    const run = await runScenarioFileAsync('tests/fixtures/scenario-goed/eigen-constructie.yaml', loadDataset(), { basisMap: '.' });
    expect(run.comparison!.constructies.map((c) => c.id)).toEqual(['C0', 'C1', 'C8']);
    const income = (y: number) => sum(PROVINCE_CODES.map((p) => run.comparison!.row('C8', p, y, 'inkomsten.constructie').bedrag_eur));
    const ki = (y: number) => constructionIndex('kostenindex', {}, run.result, 2026, y);
    expect(income(2026).equals(dec(400_000_000))).toBe(true);
    expect(income(2027).equals(dec(400_000_000).times(ki(2027)).toDecimalPlaces(0))).toBe(true);
    expect(income(2028).equals(dec(450_000_000).times(ki(2028)).toDecimalPlaces(0))).toBe(true);
    // The key: half inhabitants, half land area, each as a share of the national figure.
    const burden = run.comparison!.row('C8', 'NL', 2026, 'uitvoeringslasten').bedrag_eur;
    expect(burden.minus(dec(8_000_000)).abs().lessThanOrEqualTo(dec('0.06'))).toBe(true);
  });
});

describe('dated values', () => {
  test('a dated projection applies from its year until the next; a base with dated values can be extended', async () => {
    const { loadDataset } = await import('../src/io/read-dir.js');
    const { runScenarioFile } = await import('../src/io/run-scenario.js');
    const { landPriceRate } = await import('../src/core/indexation/kostenindex.js');
    const { dec } = await import('../src/core/decimal.js');
    const data = loadDataset();
    const run = runScenarioFile('tests/fixtures/scenario-goed/gedateerde-projectie.yaml', data, { basisMap: '.' });
    const opts = run.scenario.macro!;
    // Land price: published to 2023; 2024-2025 from aannames.csv (4,4%), from 2026 the dated 5%.
    expect(landPriceRate(data, 2025, opts).rate.equals(dec('0.044'))).toBe(true);
    expect(landPriceRate(data, 2026, opts).rate.equals(dec('0.05'))).toBe(true);
    expect(landPriceRate(data, 2030, opts).rate.equals(dec('0.05'))).toBe(true);
    const next = runScenarioFile('tests/fixtures/scenario-goed/gedateerd-vervolg.yaml', data, { basisMap: '.' });
    expect(landPriceRate(data, 2027, next.scenario.macro!).rate.equals(dec('0.05'))).toBe(true);
    expect(next.scenario.nnnPad).toBe('doel');
    expect(next.loaded.wijzigingen.map((w) => w.pad)).toEqual(['nnn_pad']);
  });
});
