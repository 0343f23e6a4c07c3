/**
 * Where a run may write (issue 12, item 1) and how it replaces outputs (item 4): a scenario name is a
 * plain folder inside --uit, two scenarios of one run may not share a folder, a folder that is not a
 * natuurpact output is never replaced, one run at a time per --uit, and what a killed run left is
 * repaired by the next. Every case runs the command in-process on a fresh temporary folder.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { run } from './helpers/cli.js';
import { LOCK_NAME } from '../src/io/write-outputs.js';

const scenarios = join(import.meta.dirname, '..', 'scenarios');

function workdir(): { dir: string; uit: string; write: (name: string, text: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'natuurpact-uit-'));
  const uit = join(dir, 'uit');
  return { dir, uit, write: (name, text) => (writeFileSync(join(dir, name), text), join(dir, name)) };
}

/** Every file below a folder with its content, to show that nothing changed. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const name of readdirSync(d, { withFileTypes: true })) {
      if (name.isDirectory()) walk(join(d, name.name), `${prefix}${name.name}/`);
      else out[`${prefix}${name.name}`] = readFileSync(join(d, name.name), 'utf8');
    }
  };
  walk(dir, '');
  return out;
}

describe('a scenario name is a plain folder inside --uit', () => {
  test.each([
    ['../victim', 'naam: ../victim'],
    ['.', 'naam: "."'],
    ['empty', 'naam: ""'],
    ['absolute', 'naam: /tmp/elders'],
    ['hidden', 'naam: .verborgen'],
  ])('%s: exit 1 at the name, nothing outside --uit touched, other outputs kept', async (_label, text) => {
    const w = workdir();
    mkdirSync(join(w.dir, 'victim'));
    writeFileSync(join(w.dir, 'victim', 'werk.txt'), 'van een collega');
    mkdirSync(join(w.uit, 'ander'), { recursive: true });
    writeFileSync(join(w.uit, 'ander', 'resultaten.csv'), 'eerdere uitvoer');
    const before = snapshot(w.dir);
    const file = w.write('gedeeld.yaml', `${text}\n`);
    const r = await run('run', file, '--uit', w.uit, '--formaat', 'csv');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/gedeeld\.yaml:1:\d+: naam: /);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(snapshot(w.dir)).toEqual({ ...before, 'gedeeld.yaml': `${text}\n` });
  });

  test('two scenarios with one name: exit 1 naming both files, nothing written', async () => {
    const w = workdir();
    const a = w.write('a.yaml', 'naam: zelfde\n');
    const b = w.write('b.yaml', '# een collega\nnaam: Zelfde\n');
    const r = await run('run', a, b, '--uit', w.uit, '--formaat', 'csv');
    expect(r.code).toBe(1);
    // b.yaml:2:7 is the name in the second file; a.yaml:1:7 the first.
    expect(r.err).toContain(`${b}:2:7: naam 'Zelfde' wordt ook gebruikt door ${a}:1:7 ('zelfde')`);
    expect(existsSync(join(w.uit, 'zelfde'))).toBe(false);
    const v = await run('valideer', a, b);
    expect(v.code).toBe(1);
    expect(v.err).toContain('wordt ook gebruikt door');
  });

  test('a folder in --uit that is not a natuurpact output is not replaced', async () => {
    const w = workdir();
    mkdirSync(join(w.dir, 'src'));
    writeFileSync(join(w.dir, 'src', 'main.ts'), 'werk');
    const file = w.write('src.yaml', 'naam: src\n');
    const r = await run('run', file, '--uit', w.dir, '--formaat', 'csv');
    expect(r.code).toBe(1);
    expect(r.err).toContain('src: bestaat al en is geen uitvoer van natuurpact');
    expect(readFileSync(join(w.dir, 'src', 'main.ts'), 'utf8')).toBe('werk');
  });

  test('a natuurpact output is replaced; an --uit inside /proc is refused', async () => {
    const w = workdir();
    const first = await run('run', join(scenarios, 'basis.yaml'), '--uit', w.uit, '--formaat', 'csv');
    expect(first.code).toBe(0);
    const again = await run('run', join(scenarios, 'basis.yaml'), '--uit', w.uit, '--formaat', 'csv');
    expect(again.code).toBe(0);
    expect(readdirSync(w.uit).sort()).toEqual(['basis']);
    const proc = await run('run', join(scenarios, 'basis.yaml'), '--uit', '/proc/x', '--formaat', 'csv');
    expect(proc.code).toBe(1);
    expect(proc.err).toContain('/proc/x: paden in /proc zijn geen gegevens of uitvoermappen');
  });
});

describe('basis: only a scenario file inside the scenario folder (or --basismap)', () => {
  test('a base outside the folder is read with --basismap, and refused without', async () => {
    const file = 'tests/fixtures/scenario-goed/gedateerde-projectie.yaml';
    const refused = await run('valideer', file);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("basis '../../../scenarios/basis.yaml' ligt buiten de map van het scenario");
    const ok = await run('valideer', file, '--basismap', '.');
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
  });
  test('the content of a file that is not a scenario is never shown', async () => {
    const r = await run('valideer', 'tests/fixtures/scenario-fout/basis-geen-scenario.yaml');
    expect(r.code).toBe(1);
    expect(r.err).not.toContain('geheim');
    expect(r.err).not.toContain('wachtwoord');
    const passwd = await run('valideer', 'tests/fixtures/scenario-fout/basis-passwd.yaml', '--basismap', '/');
    expect(passwd.code).toBe(1);
    expect(passwd.err).not.toContain('root:');
  });
});

describe('one run at a time per --uit, and what a killed run left is repaired', () => {
  test('a lock held by a live process refuses the run; a lock of a finished process is taken over', async () => {
    const w = workdir();
    mkdirSync(w.uit);
    // The parent of this test process is alive for the whole test.
    writeFileSync(join(w.uit, LOCK_NAME), `${process.ppid}\n`);
    const busy = await run('run', join(scenarios, 'basis.yaml'), '--uit', w.uit, '--formaat', 'csv');
    expect(busy.code).toBe(1);
    expect(busy.err).toContain(`een andere run schrijft al in deze uitvoermap (proces ${process.ppid})`);
    const done = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(join(w.uit, LOCK_NAME), `${done}\n`);
    const ok = await run('run', join(scenarios, 'basis.yaml'), '--uit', w.uit, '--formaat', 'csv');
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    expect(existsSync(join(w.uit, LOCK_NAME))).toBe(false);
  });

  test('two processes into one --uit at the same time: each exits 0 or 1 (the lock), none leaves a folder behind', async () => {
    const w = workdir();
    const bin = join(import.meta.dirname, '..', 'dist', 'cli', 'main.js');
    const start = (file: string) =>
      new Promise<{ code: number | null; err: string }>((done) => {
        const p = spawn(process.execPath, [bin, 'run', join(scenarios, file), '--uit', w.uit, '--formaat', 'csv']);
        let err = '';
        p.stderr.on('data', (d) => (err += d));
        p.on('close', (code) => done({ code, err }));
      });
    const results = await Promise.all([start('basis.yaml'), start('bouwsteen-natuur.yaml')]);
    for (const r of results) {
      expect([0, 1]).toContain(r.code);
      if (r.code === 1) expect(r.err).toContain('een andere run schrijft al in deze uitvoermap');
    }
    expect(results.some((r) => r.code === 0)).toBe(true);
    const left = readdirSync(w.uit);
    expect(left.filter((n) => n.startsWith('.'))).toEqual([]);
    expect(left.length).toBeGreaterThan(0);
  });

  test('killed between the two renames: the backup is put back at the next run; a half-written folder is removed', async () => {
    const w = workdir();
    expect((await run('run', join(scenarios, 'basis.yaml'), '--uit', w.uit, '--formaat', 'csv')).code).toBe(0);
    const before = snapshot(join(w.uit, 'basis'));
    // The state a kill -9 leaves after `basis` was renamed to its backup and before the new folder was renamed in.
    const { renameSync } = await import('node:fs');
    renameSync(join(w.uit, 'basis'), join(w.uit, '.basis.vorige'));
    mkdirSync(join(w.uit, '.basis.nieuw'));
    writeFileSync(join(w.uit, '.basis.nieuw', '.natuurpact-uitvoer'), '');
    writeFileSync(join(w.uit, '.basis.nieuw', 'resultaten.csv'), 'half');
    const other = w.write('ander.yaml', 'naam: ander\n');
    const r = await run('run', other, '--uit', w.uit, '--formaat', 'csv');
    expect(r.code).toBe(0);
    expect(readdirSync(w.uit).sort()).toEqual(['ander', 'basis']);
    expect(snapshot(join(w.uit, 'basis'))).toEqual(before);
  });
});
