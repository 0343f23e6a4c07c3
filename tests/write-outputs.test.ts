/**
 * Replacing outputs when the file system fails at the worst moments (issue 12, item 4), simulated by
 * failing one `node:fs` call: the previous outputs are either untouched (and the message says so) or
 * replaced (and a failed clean-up is a warning after success, never "unchanged").
 */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';

const failing = vi.hoisted(() => ({ rm: undefined as ((p: string) => boolean) | undefined, rename: undefined as ((from: string, to: string) => boolean) | undefined }));
vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  const error = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });
  return {
    ...real,
    rmSync: (p: fs.PathLike, o?: fs.RmOptions) => {
      if (failing.rm?.(String(p))) throw error('EACCES');
      return real.rmSync(p, o);
    },
    renameSync: (a: fs.PathLike, b: fs.PathLike) => {
      if (failing.rename?.(String(a), String(b))) throw error('EXDEV');
      return real.renameSync(a, b);
    },
  };
});

const { OutputFolder } = await import('../src/io/write-outputs.js');
const { UserError } = await import('../src/core/errors.js');
const enc = new TextEncoder();
const outputs = (text: string) => [{ name: 'resultaten.csv', bytes: enc.encode(text) }, { name: 'manifest.json', bytes: enc.encode('{"gereedschap":{"naam":"natuurpact"}}\n') }];

afterEach(() => {
  failing.rm = undefined;
  failing.rename = undefined;
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
