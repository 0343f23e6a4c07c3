/**
 * What the built command loads (issue 14): the help, `valideer` and a CSV run never load the chart,
 * workbook or formula libraries; a run that writes the reports, and one with a formula key, do (the
 * positive controls show the recording works). Modules are recorded by tests/helpers/record-modules.mjs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'dist', 'cli', 'main.js');
const recorder = join(root, 'tests', 'helpers', 'record-modules.mjs');
const HEAVY = ['exceljs', 'jszip', 'vega', 'vega-lite', 'mathjs', 'jsdom'] as const;

/** The packages (under node_modules) a run of the command loaded, and its exit code. */
function packagesLoaded(...args: string[]): { code: number | null; packages: Set<string>; err: string } {
  const dir = mkdtempSync(join(tmpdir(), 'natuurpact-modules-'));
  const log = join(dir, 'modules.txt');
  const r = spawnSync(process.execPath, ['--import', recorder, bin, ...args.map((a) => a.replace('{uit}', join(dir, 'uit')))], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NATUURPACT_MODULE_LOG: log },
  });
  const packages = new Set(
    readFileSync(log, 'utf8')
      .split('\n')
      .map((line) => /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(decodeURIComponent(line))?.[1])
      .filter((p): p is string => p !== undefined),
  );
  return { code: r.status, packages, err: r.stderr };
}

const heavyIn = (packages: Set<string>) => HEAVY.filter((p) => packages.has(p));

describe('modules loaded by the command', () => {
  test('--help loads none of the heavy libraries', () => {
    const r = packagesLoaded('--help');
    expect(r.code).toBe(0);
    expect(r.packages.has('commander')).toBe(true);
    expect(heavyIn(r.packages)).toEqual([]);
  });

  test('valideer of every shipped scenario loads none of them', () => {
    const r = packagesLoaded('valideer', 'scenarios/basis.yaml', 'scenarios/natuurpact-2-0.yaml', 'scenarios/gefaseerd-en-regionaal.yaml');
    expect(r.code, r.err).toBe(0);
    expect(heavyIn(r.packages)).toEqual([]);
  });

  test('a CSV run loads none of them', () => {
    const r = packagesLoaded('run', 'scenarios/natuurpact-2-0.yaml', '--formaat', 'csv', '--uit', '{uit}');
    expect(r.code, r.err).toBe(0);
    expect(r.packages.has('decimal.js')).toBe(true);
    expect(heavyIn(r.packages)).toEqual([]);
  });

  test('the reports load the chart and workbook libraries, and only them', () => {
    const r = packagesLoaded('run', 'scenarios/basis.yaml', '--uit', '{uit}', '--werkers', '1');
    expect(r.code, r.err).toBe(0);
    expect(heavyIn(r.packages)).toEqual(['exceljs', 'jszip', 'vega', 'vega-lite']);
  });

  test('a scenario with a formula key loads the formula parser, and runs', () => {
    const r = packagesLoaded('run', 'tests/fixtures/scenario-goed/eigen-constructie.yaml', '--basismap', '.', '--formaat', 'csv', '--uit', '{uit}');
    expect(r.code, r.err).toBe(0);
    expect(heavyIn(r.packages)).toEqual(['mathjs']);
  });
});
