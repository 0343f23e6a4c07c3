/**
 * Work done once (issue 14): the history is estimated once per dataset, also for scenarios whose
 * parameters change projection assumptions; and a run in worker threads writes what a run in one
 * thread writes, stopping at a failing scenario as that run does.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { completeHistory, HISTORY_ASSUMPTIONS, shareHistory } from '../src/core/estimate.js';
import { dec } from '../src/core/decimal.js';
import { loadDataset } from '../src/io/read-dir.js';
import { applyParameters, loadScenarioFile } from '../src/io/scenario.js';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'dist', 'cli', 'main.js');

describe('the estimated history is shared', () => {
  const data = loadDataset();
  const base = completeHistory(data).dataset;

  test('by a scenario with parameters: the same figures as estimating again, computed once', () => {
    const derived = applyParameters(loadScenarioFile('scenarios/gefaseerd-en-regionaal.yaml'), data);
    expect(derived).not.toBe(data);
    const fresh = completeHistory({ ...derived }).dataset; // a copy nobody shared: estimated on its own
    const shared = completeHistory(shareHistory(data, derived)).dataset;
    expect(shared.uitgaven).toBe(base.uitgaven);
    expect(shared.aannames).toBe(derived.aannames);
    expect(shared).toEqual(fresh);
  });

  test('not when an assumption of the history differs', () => {
    const naam = HISTORY_ASSUMPTIONS[0]!;
    const changed = { ...data, aannames: data.aannames.map((a) => (a.naam === naam ? { ...a, waarde: dec('0.9') } : a)) };
    const own = completeHistory(shareHistory(data, changed)).dataset;
    expect(own.uitgaven).not.toBe(base.uitgaven);
    expect(own).toEqual(completeHistory({ ...changed }).dataset);
    expect(own.uitgaven).not.toEqual(base.uitgaven);
  });
});

function run(dir: string, ...args: string[]) {
  return spawnSync(process.execPath, [bin, 'run', ...args, '--uit', dir], { cwd: root, encoding: 'utf8' });
}

describe('scenarios in worker threads', () => {
  test('a failing scenario stops the run there, with its located message, as in one thread', () => {
    // The base lies beside the broken scenario: a base outside the scenario's folder needs --basismap.
    const badDir = mkdtempSync(join(tmpdir(), 'natuurpact-kapot-'));
    copyFileSync(join(root, 'scenarios', 'basis.yaml'), join(badDir, 'basis.yaml'));
    const bad = join(badDir, 'kapot.yaml');
    // Loads (every file is loaded and checked before anything is written), fails when run against the data.
    writeFileSync(bad, `naam: kapot\nbasis: basis.yaml\nconstructies: [C99]\n`);
    const results = ['1', '2'].map((werkers) => {
      const dir = mkdtempSync(join(tmpdir(), `natuurpact-werkers-${werkers}-`));
      const r = run(dir, 'scenarios/basis.yaml', bad, 'scenarios/nhv-ambitie.yaml', '--werkers', werkers);
      return { r, dir, written: readdirSync(dir) };
    });
    for (const { r, written } of results) {
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/kapot\.yaml:3:16: onbekende constructie 'C99'/);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(written).toEqual(['basis']); // no temporary folders left, nothing after the failure
    }
    const [one, two] = results;
    expect(two!.r.stdout).toBe(one!.r.stdout.replaceAll(one!.dir, two!.dir));
    for (const f of readdirSync(join(one!.dir, 'basis'))) {
      expect(readFileSync(join(two!.dir, 'basis', f)).equals(readFileSync(join(one!.dir, 'basis', f))), f).toBe(true);
    }
    expect(existsSync(join(two!.dir, 'nhv-ambitie'))).toBe(false);
  });

  test('a scenario file that does not load stops the run before anything is written', () => {
    const badDir = mkdtempSync(join(tmpdir(), 'natuurpact-kapot-'));
    copyFileSync(join(root, 'scenarios', 'basis.yaml'), join(badDir, 'basis.yaml'));
    const bad = join(badDir, 'kapot.yaml');
    writeFileSync(bad, `naam: kapot\nbasis: basis.yaml\nnnn_pad: snel\n`);
    const dir = mkdtempSync(join(tmpdir(), 'natuurpact-werkers-'));
    const r = run(dir, 'scenarios/basis.yaml', bad, '--werkers', '2');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/kapot\.yaml:3:10: nnn_pad: onbekende NNN-pad 'snel'/);
    expect(readdirSync(dir)).toEqual([]);
  });

  test('--werkers takes a positive whole number', () => {
    const r = run(mkdtempSync(join(tmpdir(), 'natuurpact-werkers-')), 'scenarios/basis.yaml', '--werkers', '0');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("fout: --werkers verwacht een positief geheel getal, gevonden '0'\n");
  });
});
