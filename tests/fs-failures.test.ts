/**
 * File-system failures a user can cause but a test running as root cannot (issue 12, items 4 and 6),
 * simulated by failing one `node:fs` call: replacing outputs leaves the previous outputs untouched (and
 * the message says so) or replaces them (and a failed clean-up is a warning after success, never
 * "unchanged"); an unreadable data file is a Dutch user error, not a stack trace.
 */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';

const failing = vi.hoisted(() => ({
  rm: undefined as ((p: string) => boolean) | undefined,
  rename: undefined as ((from: string, to: string) => boolean) | undefined,
  read: undefined as ((p: string) => boolean) | undefined,
}));
vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  const error = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });
  return {
    ...real,
    rmSync: (p: fs.PathLike, o?: fs.RmOptions) => {
      if (failing.rm?.(String(p))) throw error('EACCES');
      return real.rmSync(p, o);
    },
    readFileSync: (p: fs.PathOrFileDescriptor, o?: unknown) => {
      if (failing.read?.(String(p))) throw error('EACCES');
      return real.readFileSync(p, o as never);
    },
    renameSync: (a: fs.PathLike, b: fs.PathLike) => {
      if (failing.rename?.(String(a), String(b))) throw error('EXDEV');
      return real.renameSync(a, b);
    },
  };
});

const { OutputFolder } = await import('../src/io/write-outputs.js');
const { UserError } = await import('../src/core/errors.js');
const { loadDataset } = await import('../src/io/read-dir.js');
const enc = new TextEncoder();
const outputs = (text: string) => [{ name: 'resultaten.csv', bytes: enc.encode(text) }, { name: 'manifest.json', bytes: enc.encode('{"gereedschap":{"naam":"natuurpact"}}\n') }];

afterEach(() => {
  failing.rm = undefined;
  failing.rename = undefined;
  failing.read = undefined;
});

function folderWith(text: string): string {
  const dir = fs.mkdtempSync(join(tmpdir(), 'natuurpact-fs-'));
  const { folder } = OutputFolder.open(dir);
  folder.replace('basis', outputs(text));
  folder.close();
  return dir;
}

describe('replacing a scenario folder when the file system fails', () => {
  test('the old folder cannot be removed after the swap: success with a warning, the new outputs in place', () => {
    const dir = folderWith('oud');
    failing.rm = (p) => p.endsWith('.basis.vorige');
    const { folder } = OutputFolder.open(dir);
    const r = folder.replace('basis', outputs('nieuw'));
    folder.close();
    expect(fs.readFileSync(join(dir, 'basis', 'resultaten.csv'), 'utf8')).toBe('nieuw');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain('de nieuwe uitvoer staat in');
    expect(r.warnings[0]).toContain('geen toegang (rechten) (EACCES); verwijder die map zelf');
    // The next run removes the leftover backup, since the folder beside it is complete.
    failing.rm = undefined;
    OutputFolder.open(dir).folder.close();
    expect(fs.readdirSync(dir).sort()).toEqual(['basis']);
  });
  test('the new folder cannot be renamed into place: the old one is put back and the message says it is unchanged', () => {
    const dir = folderWith('oud');
    failing.rename = (from) => from.endsWith('.basis.nieuw');
    const { folder } = OutputFolder.open(dir);
    let error: unknown;
    try {
      folder.replace('basis', outputs('nieuw'));
    } catch (e) {
      error = e;
    }
    folder.close();
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toContain('kan de uitvoer niet schrijven: ligt op een ander bestandssysteem (EXDEV); de vorige uitvoer is ongewijzigd');
    expect(fs.readFileSync(join(dir, 'basis', 'resultaten.csv'), 'utf8')).toBe('oud');
    expect(fs.readdirSync(dir).sort()).toEqual(['basis']);
  });
});

describe('reading data the user cannot read', () => {
  test('an unreadable data file: exit 1 with a Dutch message naming the file', () => {
    const dir = fs.mkdtempSync(join(tmpdir(), 'natuurpact-lees-'));
    fs.writeFileSync(join(dir, 'uitgaven.csv'), 'provincie,jaar,taak,soort,waarde,eenheid,status,bron,vindplaats,methode\n');
    failing.read = (p) => p === join(dir, 'uitgaven.csv');
    expect(() => loadDataset(dir)).toThrow(UserError);
    expect(() => loadDataset(dir)).toThrow(`${join(dir, 'uitgaven.csv')}: gegevensbestand kan niet gelezen worden: geen toegang (rechten) (EACCES)`);
  });
});
