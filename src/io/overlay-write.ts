/**
 * Adding rows to a user's data folder (an overlay that `--data MAP` reads) without disturbing what
 * is already there: a file that exists keeps its rows, except those of an earlier import of the same
 * source (recognised by a prefix of their source id), which the new rows replace. Values are written
 * in the file's own number notation (a Dutch file stays Dutch, an English one English: a file has one
 * notation); a new file is Dutch (`;`, decimal commas, BOM) when asked (`--nl-csv`). Every file is
 * written to a temporary name first and renamed into place only when all of them are written.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { decodeText, parseCsv } from './csv.js';
import { notationEvidence } from './number.js';

export interface OverlayFile {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** The column holding the source id(s), and the prefix that marks rows of an earlier import. */
  readonly bronKolom: string;
  readonly vervangPrefix: string;
  /** Columns holding numbers (converted to the file's notation). */
  readonly getalKolommen: readonly string[];
}

export interface WrittenFile {
  readonly name: string;
  readonly nieuw: number;
  readonly vervangen: number;
  readonly behouden: number;
}

/**
 * Serialises a header and rows as CSV text (the report layer's writer, which neutralises formulas):
 * numbers as `{ number }` with a decimal point, in the Dutch style (`;`, decimal comma, BOM) or not.
 */
export type CsvWriter = (header: readonly string[], rows: readonly (readonly (string | { readonly number: string })[])[], dutch: boolean) => string;

/** Writes the files into `dir` (created if needed), plus extra files as given; new files Dutch with `nl`. */
export function mergeIntoOverlay(dir: string, files: readonly OverlayFile[], toCsv: CsvWriter, extra: readonly { name: string; bytes: Uint8Array }[] = [], nl = false): WrittenFile[] {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UserError({ file: dir, message: 'verwacht een map voor --uit, gevonden een bestand' });
  mkdirSync(dir, { recursive: true });
  const planned: { path: string; bytes: Uint8Array | string }[] = [];
  const report: WrittenFile[] = [];
  for (const f of files) {
    const path = join(dir, f.name);
    let kept: string[][] = [];
    let replaced = 0;
    let dutch = nl;
    if (existsSync(path)) {
      const decoded = decodeText(readFileSync(path), path);
      if ('issue' in decoded) throw new UserError(decoded.issue);
      const csv = parseCsv(decoded.text, path);
      if (!csv.table) throw new UserError(csv.issues);
      if (csv.issues.length > 0) throw new UserError(csv.issues);
      const idx = f.header.map((h) => csv.table!.header.indexOf(h));
      const missing = f.header.filter((_, i) => idx[i]! < 0 && ['vindplaats', 'methode', 'code'].indexOf(f.header[i]!) < 0);
      if (missing.length > 0) throw new UserError({ file: path, line: 1, message: `bestaand bestand mist de kolommen ${missing.join(', ')}; kies een andere map voor --uit` });
      const bron = csv.table.header.indexOf(f.bronKolom);
      for (const row of csv.table.rows) {
        const cells = idx.map((i) => (i >= 0 ? (row.cells[i] ?? '') : ''));
        const ids = (row.cells[bron] ?? '').split('|').map((s) => s.trim());
        if (ids.some((id) => id.startsWith(f.vervangPrefix))) {
          replaced++;
          continue;
        }
        kept.push(cells);
      }
      dutch = f.getalKolommen.some((c) => {
        const i = csv.table!.header.indexOf(c);
        return i >= 0 && csv.table!.rows.some((r) => notationEvidence(r.cells[i] ?? '') === 'nl');
      });
    }
    const numberCols = f.getalKolommen.map((c) => f.header.indexOf(c));
    // Kept rows are in the file's notation already; new numbers are converted by the writer.
    const fresh = f.rows.map((r) => r.map((cell, i) => (numberCols.includes(i) && cell !== '' ? { number: cell } : cell)));
    planned.push({ path, bytes: toCsv(f.header, [...kept, ...fresh], dutch) });
    report.push({ name: f.name, nieuw: fresh.length, vervangen: replaced, behouden: kept.length });
    kept = [];
  }
  for (const e of extra) planned.push({ path: join(dir, e.name), bytes: e.bytes });
  const temps = planned.map((p) => ({ ...p, temp: `${p.path}.tmp-${process.pid}` }));
  try {
    for (const p of temps) writeFileSync(p.temp, p.bytes);
    for (const p of temps) renameSync(p.temp, p.path);
  } catch (e) {
    for (const p of temps) rmSync(p.temp, { force: true });
    const code = (e as { code?: string }).code;
    if (code === 'EACCES' || code === 'EROFS' || code === 'ENOSPC' || code === 'EPERM') {
      throw new UserError({ file: dir, message: `kan niet schrijven in deze map (${code}); er is niets veranderd` });
    }
    throw e;
  }
  return report;
}
