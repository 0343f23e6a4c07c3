/**
 * Reading a CSV file into rows of strings with their line numbers, and nothing more: every cell stays
 * a string (no type guessing); numbers are read later by {@link parseNumber} in the notation of the
 * whole file.
 *
 * Accepts UTF-8 with or without a byte-order mark, `,` or `;` as delimiter (decided from the header
 * line), quoted cells with delimiters or line breaks in them, LF or CRLF line ends. Blank lines are
 * skipped. Problems (not text, empty, ragged rows, broken quotes) are returned as issues.
 */
import Papa from 'papaparse';
import type { Issue } from '../core/errors.js';

export interface CsvRow {
  /** 1-based line where the row starts. */
  readonly line: number;
  readonly cells: readonly string[];
}

export interface CsvTable {
  readonly file: string;
  readonly delimiter: ',' | ';';
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
}

export type CsvResult = { table: CsvTable; issues: Issue[] } | { table: undefined; issues: Issue[] };

/** Decodes bytes as UTF-8, refusing binary content (a NUL byte or invalid UTF-8). */
export function decodeText(bytes: Uint8Array, file: string): { text: string } | { issue: Issue } {
  if (bytes.includes(0)) {
    return { issue: { file, line: 1, message: 'verwacht een CSV-tekstbestand, gevonden binaire inhoud (NUL-bytes)' } };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text };
  } catch {
    return { issue: { file, line: 1, message: 'verwacht UTF-8-tekst, gevonden bytes die geen geldige UTF-8 zijn' } };
  }
}

function chooseDelimiter(firstLine: string): ',' | ';' {
  const count = (ch: string) => firstLine.split(ch).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** Parses CSV text (already decoded) into a header and rows. */
export function parseCsv(text: string, file: string): CsvResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    return { table: undefined, issues: [{ file, line: 1, message: 'bestand is leeg: verwacht een kopregel met kolomnamen' }] };
  }
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = chooseDelimiter(firstLine);
  const lineStarts: number[] = [0];
  for (let i = 0; i < body.length; i++) if (body[i] === '\n') lineStarts.push(i + 1);
  const lineAt = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  const issues: Issue[] = [];
  const parsed: CsvRow[] = [];
  let start = 0;
  Papa.parse<string[]>(body, {
    delimiter,
    quoteChar: '"',
    step: (result) => {
      const line = lineAt(start);
      start = result.meta.cursor;
      for (const err of result.errors) {
        issues.push({ file, line, message: `CSV kan niet gelezen worden: ${translatePapaError(err.code)}` });
      }
      const cells = result.data;
      if (cells.length === 1 && (cells[0] ?? '').trim() === '') return;
      parsed.push({ line, cells });
    },
  });

  const [headerRow, ...rows] = parsed;
  if (!headerRow) {
    return { table: undefined, issues: [{ file, line: 1, message: 'bestand is leeg: verwacht een kopregel met kolomnamen' }] };
  }
  const header = headerRow.cells.map((h) => h.trim());
  const kept: CsvRow[] = [];
  for (const row of rows) {
    if (row.cells.length !== header.length) {
      issues.push({
        file,
        line: row.line,
        message: `verwacht ${header.length} velden (zoals de kopregel), gevonden ${row.cells.length}`,
      });
      continue;
    }
    kept.push(row);
  }
  return { table: { file, delimiter, header, rows: kept }, issues };
}

function translatePapaError(code: string): string {
  switch (code) {
    case 'MissingQuotes':
      return 'een aanhalingsteken (") wordt niet gesloten';
    case 'InvalidQuotes':
      return 'een aanhalingsteken (") staat midden in een veld';
    case 'UndetectableDelimiter':
      return 'het scheidingsteken (, of ;) is niet te bepalen';
    default:
      return `fout ${code}`;
  }
}
