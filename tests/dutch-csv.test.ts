/**
 * `--nl-csv` (issue 16, item 6): every command that writes CSV offers it, and with it writes `;`
 * between fields, decimal commas and a UTF-8 byte order mark, with the same figures as the standard
 * CSV (compared field by field after turning the commas back into points).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { describe, expect, test } from 'vitest';
import { buildProgram } from '../src/cli/program.js';
import { parseCsv } from '../src/io/csv.js';
import { run } from './helpers/cli.js';

const scenario = join('scenarios', 'basis.yaml');

function commands(cmd: Command, prefix: string[] = []): { path: string[]; cmd: Command }[] {
  return cmd.commands.flatMap((c) => [{ path: [...prefix, c.name()], cmd: c }, ...commands(c, [...prefix, c.name()])]);
}

/** The rows of a CSV text (standard or Dutch), with the Dutch decimal commas of numbers made points. */
function rows(text: string): string[][] {
  const parsed = parseCsv(text.replace(/^\uFEFF/, ''), 'uitvoer.csv');
  expect(parsed.issues).toEqual([]);
  return [[...parsed.table!.header], ...parsed.table!.rows.map((r) => [...r.cells])];
}
const pointed = (t: string[][]) => t.map((r) => r.map((c) => (/^-?\d+,\d+$/.test(c) ? c.replace(',', '.') : c)));

describe('--nl-csv on every command that writes CSV', () => {
  test('each command with --csv (and run and data cbs, which write CSV files) has --nl-csv', () => {
    const all = commands(buildProgram({ out: () => {}, err: () => {} }));
    const writesCsv = all.filter((c) => c.cmd.options.some((o) => o.long === '--csv') || ['run', 'data cbs'].includes(c.path.join(' ')));
    // vergelijk, index, constructies, data aansluiting, run, data cbs (README, De opdrachten).
    expect(writesCsv.map((c) => c.path.join(' ')).sort()).toEqual(['constructies', 'data aansluiting', 'data cbs', 'index', 'run', 'vergelijk']);
    for (const c of writesCsv) expect(c.cmd.options.map((o) => o.long), c.path.join(' ')).toContain('--nl-csv');
  });

  test.each([
    ['index', '--regel', 'kostenindex'],
    ['index', '--vergelijk', 'bbp,kostenindex', '--van', '2014'],
    ['constructies', '--constructie', 'C3'],
    ['data', 'aansluiting'],
    ['vergelijk', scenario, join('scenarios', 'bouwsteen-natuur.yaml')],
  ])('%s %s: BOM, ; and decimal commas, the same figures as --csv', async (...args) => {
    const standard = await run(...args, '--csv');
    const dutch = await run(...args, '--nl-csv');
    expect(standard.code, standard.err).toBe(0);
    expect(dutch.code, dutch.err).toBe(0);
    expect(dutch.out.charCodeAt(0)).toBe(0xfeff);
    expect(standard.out.charCodeAt(0)).not.toBe(0xfeff);
    const header = dutch.out.slice(1, dutch.out.indexOf('\n'));
    expect(header.split(';').length).toBeGreaterThan(1);
    expect(header).not.toContain(',');
    // At least one number with a decimal comma, and none with a decimal point.
    expect(dutch.out).toMatch(/;-?\d+,\d+(;|\n)/);
    expect(dutch.out).not.toMatch(/;-?\d+\.\d+(;|\n)/);
    expect(pointed(rows(dutch.out))).toEqual(rows(standard.out));
  });

  test('run --nl-csv: resultaten.csv with BOM and ;, the same figures as without', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'natuurpact-nlcsv-'));
    expect((await run('run', scenario, '--uit', join(dir, 'a'), '--formaat', 'csv')).code).toBe(0);
    expect((await run('run', scenario, '--uit', join(dir, 'b'), '--formaat', 'csv', '--nl-csv')).code).toBe(0);
    const standard = readFileSync(join(dir, 'a', 'basis', 'resultaten.csv'), 'utf8');
    const dutch = readFileSync(join(dir, 'b', 'basis', 'resultaten.csv'));
    expect([...dutch.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(pointed(rows(dutch.toString('utf8')))).toEqual(rows(standard));
  });
});
