/**
 * Scenario files: the catalog of malformed files in tests/fixtures/scenario-fout (each with the
 * message and location in its .verwacht.txt, written by hand from the file), and the shipped
 * scenarios validate.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../src/cli/program.js';
import { parseAmount } from '../src/io/scenario.js';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

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
