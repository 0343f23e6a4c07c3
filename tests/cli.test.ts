/**
 * The command line, in-process (runCli) for behaviour, and once through the built binary for the
 * exit codes a shell sees.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { run } from './helpers/cli.js';
import { observations } from '../src/core/estimate.js';
import { loadDataset } from '../src/io/read-dir.js';


const fixtures = join(import.meta.dirname, 'fixtures', 'fout');
const bin = join(import.meta.dirname, '..', 'dist', 'cli', 'main.js');

describe('natuurpact data check', () => {
  test('the shipped data is valid and the coverage report says what is published and estimated', async () => {
    const r = await run('data', 'check');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    // Every file of data/ with rows by status: all but aansluiting.csv (differences with published totals, no figures of the model).
    const files = fs.readdirSync(join(import.meta.dirname, '..', 'data')).filter((f) => f.endsWith('.csv') && f !== 'aansluiting.csv');
    expect(r.out).toMatch(new RegExp(`^Gegevens geldig: ${files.length} bestanden`));
    for (const f of files) expect(r.out, f).toMatch(new RegExp(`^${f.replace('.', '\\.')} `, 'm'));
    expect(r.out).toContain('Uitgaven per provincie en jaar');
    expect(r.out).toContain('PV21 Fryslân');
    // Every province with a realised figure of its own shows published or partly published years
    // (G/g) in the spending grid, in exactly the years of its figures.
    const grid = r.out.slice(r.out.indexOf('Uitgaven per provincie en jaar'), r.out.indexOf('Inkomsten per provincie en jaar'));
    const observed = observations(loadDataset()).filter((o) => o.soort === 'realisatie');
    for (const p of new Set(observed.map((o) => o.provincie))) {
      const line = grid.split('\n').find((l) => l.startsWith(p))!;
      const symbols = line.trim().split(/\s+/).slice(2, 12);
      const years = [...new Set(observed.filter((o) => o.provincie === p).map((o) => o.jaar))];
      for (const y of years.filter((x) => x >= 2014 && x <= 2023)) expect(symbols[y - 2014], `${p} ${y}`).toMatch(/[Gg]/);
    }
  });
  test('a malformed file: exit 1, its message with file and line, no stack trace', async () => {
    const r = await run('data', 'check', '--data', join(fixtures, 'onbekende-provincie'));
    expect(r.code).toBe(1);
    expect(r.err).toContain("uitgaven.csv:2:1: kolom 'provincie'");
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.out).toBe('');
  });
  test('a missing --data folder is a user error', async () => {
    const r = await run('data', 'check', '--data', join(fixtures, 'bestaat-niet'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('gegevensmap bestaat niet');
  });
});

describe('natuurpact data bronnen', () => {
  test('lists the source registry', async () => {
    const r = await run('data', 'bronnen');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(/^id\s+titel\s+uitgever\s+datum\s+url/);
    expect(r.out).toContain('https://');
  });
});

describe('usage errors', () => {
  test('an unknown command or option exits 2 with a Dutch message', async () => {
    const a = await run('dat');
    expect(a.code).toBe(2);
    expect(a.err).toContain("onbekende opdracht 'dat'");
    const b = await run('data', 'check', '--dta', 'x');
    expect(b.code).toBe(2);
    expect(b.err).toContain("onbekende optie '--dta'");
  });
  test('help is Dutch', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('toon deze hulp');
    expect(r.out).toContain('gegevens controleren en bekijken');
  });
});

describe('the built binary', () => {
  test('exit codes as a shell sees them: 0 valid, 1 invalid input, 2 usage', () => {
    const ok = spawnSync(process.execPath, [bin, 'data', 'check'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    const bad = spawnSync(process.execPath, [bin, 'data', 'check', '--data', join(fixtures, 'geen-csv')], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('binaire inhoud');
    const usage = spawnSync(process.execPath, [bin, 'onzin'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
  });
});

describe('every malformed fixture through the command', () => {
  const cases = fs.readdirSync(fixtures).sort();
  test.each(cases)('%s: exit 1 with its own message', async (name: string) => {
    const expected = fs.readFileSync(join(fixtures, name, 'verwacht.txt'), 'utf8').trim();
    const r = await run('data', 'check', '--data', join(fixtures, name));
    expect(r.code).toBe(1);
    expect(r.err).toContain(expected);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});


describe('natuurpact run', () => {
  test('a failed run leaves the previous outputs untouched; an unwritable target is a Dutch user error', async () => {
    const { mkdtempSync, readFileSync, writeFileSync } = fs;
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'natuurpact-run-'));
    const ok = await run('run', 'scenarios/basis.yaml', '--uit', dir, '--formaat', 'csv');
    expect(ok.code).toBe(0);
    const before = readFileSync(join(dir, 'basis', 'resultaten.csv'));
    const bad = join(dir, 'basis-kapot.yaml');
    writeFileSync(bad, 'naam: basis\nperiode: { van: 2031, tot: 2030 }\n');
    const failed = await run('run', bad, '--uit', dir, '--formaat', 'csv');
    expect(failed.code).toBe(1);
    expect(readFileSync(join(dir, 'basis', 'resultaten.csv')).equals(before)).toBe(true);
    const file = join(dir, 'een-bestand');
    writeFileSync(file, 'x');
    const blocked = await run('run', 'scenarios/basis.yaml', '--uit', file, '--formaat', 'csv');
    expect(blocked.code).toBe(1);
    expect(blocked.err).toContain('kan de uitvoer niet schrijven');
    expect(blocked.err).not.toMatch(/\n\s+at /);
  });
});

describe('--constructie on every command that shows results', () => {
  const scenario = join('scenarios', 'basis.yaml');
  test('vergelijk: both scenarios under the chosen construction, and the construction lines with it', async () => {
    const r = await run('vergelijk', scenario, join('scenarios', 'bouwsteen-natuur.yaml'), '--constructie', 'C3', '--post', 'tekort.netto', '--csv');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe('provincie,jaar,constructie,post,eenheid,waarde_basis,waarde_bouwsteen-natuur,verschil_bouwsteen-natuur');
    expect(lines.slice(1).every((l) => l.split(',')[2] === 'C3' && l.split(',')[3] === 'tekort.netto' && l.split(',')[4] === 'euro')).toBe(true);
    // The bouwsteen (200 mln a year from 2026, natuurpact.csv bouwsteen_beheer.vraag) lowers the national gap by that
    // amount, shared over 12 provinces in cents: at most 12 × 0,5 cent off.
    const nl2028 = lines.find((l) => l.startsWith('NL,2028,'))!.split(',');
    expect(Math.abs(Number(nl2028[7]) + 200_000_000)).toBeLessThanOrEqual(0.06);
    const table = await run('vergelijk', scenario, scenario);
    expect(table.out).toMatch(/^tekort in de status quo \(C0; kies een constructie met --constructie\)/);
  });
  test('uitleg: a cell under a construction, with its rule and the construction\'s assumptions', async () => {
    const r = await run('uitleg', scenario, '--provincie', 'PV22', '--jaar', '2028', '--post', 'onbesteed', '--constructie', 'C3');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^PV22 2028 onbesteed onder C3 = /);
    expect(r.out).toContain('het werk schuift op, dus kosten en inkomsten dalen samen en het tekort verandert niet');
    expect(r.out).toContain('aanname C3 onderbesteding');
  });
  test('run: the chosen constructions replace the scenario\'s own; C0 is added as the basis', async () => {
    const out = fs.mkdtempSync(join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'natuurpact-constructie-'));
    const r = await run('run', scenario, '--constructie', 'C3,C4', '--formaat', 'csv,md', '--uit', out);
    expect(r.code).toBe(0);
    const csv = fs.readFileSync(join(out, 'basis', 'resultaten.csv'), 'utf8');
    expect(new Set(csv.trim().split('\n').slice(1).map((l) => l.split(',')[1]))).toEqual(new Set(['C0', 'C3', 'C4']));
    expect(fs.readFileSync(join(out, 'basis', 'rapport.md'), 'utf8')).toContain('## Constructies vergeleken');
  });
  test('an unknown construction, or a construction line without --constructie, is a usage error', async () => {
    const bad = await run('uitleg', scenario, '--provincie', 'PV22', '--jaar', '2028', '--constructie', 'C9');
    expect(bad.code).toBe(2);
    expect(bad.err).toBe("fout: --constructie: onbekende constructie 'C9'; kies uit C0, C1, C2, C3, C4, C5, C6, C7\n");
    const line = await run('uitleg', scenario, '--provincie', 'PV22', '--jaar', '2028', '--post', 'tekort.netto');
    expect(line.code).toBe(2);
    expect(line.err).toBe("fout: post 'tekort.netto' bestaat alleen bij een constructie; geef --constructie\n");
    const two = await run('vergelijk', scenario, scenario, '--constructie', 'C3,C4');
    expect(two.code).toBe(2);
    expect(two.err).toBe("fout: --constructie verwacht hier één constructie, gevonden 'C3,C4'\n");
  });
});
