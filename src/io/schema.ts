/**
 * Validating CSV rows against a file's column specification with zod.
 *
 * A file specification names its columns and their types; from it we build one zod object schema
 * over the row's strings that turns each cell into its typed value or into an issue that names the
 * column. Checks that concern a whole row (a unit that fits the file, a method for estimates, a
 * locator for published figures) follow per row; checks across rows (duplicate keys, source ids,
 * key shares) live in `load.ts`.
 */
import { z } from 'zod';
import { checkBounds, type Bounds } from '../core/bounds.js';
import type { Decimal } from '../core/decimal.js';
import type { Issue } from '../core/errors.js';
import { isProvinceCode, isRegionCode, PROVINCE_CODES } from '../core/provinces.js';
import { METHOD_STATUSES, PUBLISHED_STATUSES, STATUSES, type Status } from '../core/status.js';
import { suggest } from '../core/suggest.js';
import { convertUnit, UNIT_NAMES, unitInfo, unitsLike, type Dimension } from '../core/units.js';
import type { CsvTable } from './csv.js';
import { notationEvidence, parseNumber, type NumberLocale } from './number.js';

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2060;

export type ColumnType =
  | 'code'
  | 'region'
  | 'province'
  | 'year'
  | 'number'
  | 'unit'
  | 'status'
  | 'sources'
  | 'text'
  | 'url'
  | 'date'
  | { readonly oneOf: readonly string[] };

export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
  /** The cell may be empty (the column itself must still be in the header unless `optionalColumn`). */
  readonly optional?: boolean;
  /** The column may be left out of the header altogether. */
  readonly optionalColumn?: boolean;
}

/**
 * What the values of one code (a driver, an indicator, an assumption) are: their base unit (a row
 * in another unit of the same dimension is converted to it; another dimension is an error) and,
 * where declared, their hard bounds.
 */
export interface UnitRule {
  /** The code: exactly, or a pattern. */
  readonly match: string | RegExp;
  /** The base unit values are kept in (`ha`, `km2`, `EUR`, `fractie`, `EUR/ha`, `aantal`, `index`, `jaar`). */
  readonly unit: string;
  /** Hard bounds of the value in that unit (outside: an error at the value). */
  readonly bounds?: Bounds;
}

export interface FileSpec {
  readonly name: string;
  readonly columns: readonly ColumnSpec[];
  /** Columns that together identify a row: no two rows of one file share them. */
  readonly key: readonly string[];
  /** Units a row of this file may use (by dimension); absent for files without values. */
  readonly dimensions?: readonly Dimension[];
  /** Statuses allowed in this file (default: all). */
  readonly statuses?: readonly Status[];
  /** The file may be left out of a dataset folder (its rows are then none). */
  readonly optional?: boolean;
  /** The column that names what a row is, and the unit (and bounds) of each kind of code; the first matching rule applies. */
  readonly units?: { readonly column: string; readonly rules: (code: string) => UnitRule | undefined };
}

/** The base unit a parsed row's value is kept in (set by the row checks). */
export const BASE_UNIT = 'basiseenheid';

/** Columns that every value-carrying file has. */
export const FACT_COLUMNS: readonly ColumnSpec[] = [
  { name: 'waarde', type: 'number' },
  { name: 'eenheid', type: 'unit' },
  { name: 'status', type: 'status' },
  { name: 'bron', type: 'sources', optional: true },
  { name: 'vindplaats', type: 'text', optional: true, optionalColumn: true },
  { name: 'methode', type: 'text', optional: true, optionalColumn: true },
];

/** Characters that make a spreadsheet treat a text cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
const CODE = /^[a-z0-9][a-z0-9_.-]*$/i;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const URL_PATTERN = /^https?:\/\/[^\s]+$/;

export type ParsedRow = Record<string, unknown> & { readonly line: number };

function cellSchema(type: ColumnType, optional: boolean, locale: NumberLocale | undefined): z.ZodType<unknown, string> {
  return z.string().transform((raw, ctx) => {
    const fail = (message: string) => {
      ctx.issues.push({ code: 'custom', message, input: raw });
      return z.NEVER;
    };
    const value = raw.trim();
    if (value === '') {
      if (optional) return undefined;
      return fail('verwacht een waarde, gevonden een lege cel');
    }
    if (typeof type === 'object') {
      if (type.oneOf.includes(value)) return value;
      const hint = suggest(value, type.oneOf);
      return fail(
        `verwacht een van ${type.oneOf.join(', ')}, gevonden '${value}'` + (hint ? ` (bedoelt u '${hint}'?)` : ''),
      );
    }
    switch (type) {
      case 'code':
        return CODE.test(value) ? value : fail(`verwacht een code (letters, cijfers, _ . -), gevonden '${value}'`);
      case 'region':
        return isRegionCode(value)
          ? value
          : fail(`verwacht een provinciecode PV20..PV31 of NL, gevonden '${value}'`);
      case 'province':
        return isProvinceCode(value)
          ? value
          : fail(`verwacht een provinciecode ${PROVINCE_CODES[0]}..${PROVINCE_CODES.at(-1)}, gevonden '${value}'`);
      case 'year': {
        if (!/^\d{1,4}$/.test(value)) return fail(`verwacht een jaartal, gevonden '${value}'`);
        const year = Number(value);
        return year >= MIN_YEAR && year <= MAX_YEAR
          ? year
          : fail(`verwacht een jaar van ${MIN_YEAR} tot en met ${MAX_YEAR}, gevonden ${value}`);
      }
      case 'number': {
        const parsed = parseNumber(value, locale);
        return parsed.ok ? parsed.value : fail(parsed.message);
      }
      case 'unit': {
        if (unitInfo(value)) return value;
        const hint = suggest(value, UNIT_NAMES);
        return fail(
          `verwacht een bekende eenheid (${UNIT_NAMES.join(', ')}), gevonden '${value}'` +
            (hint ? ` (bedoelt u '${hint}'?)` : ''),
        );
      }
      case 'status': {
        if ((STATUSES as readonly string[]).includes(value)) return value;
        const hint = suggest(value, STATUSES);
        return fail(`verwacht een status (${STATUSES.join(', ')}), gevonden '${value}'` + (hint ? ` (bedoelt u '${hint}'?)` : ''));
      }
      case 'sources': {
        const ids = value.split('|').map((s) => s.trim());
        const bad = ids.find((id) => !CODE.test(id));
        return bad === undefined
          ? ids
          : fail(`verwacht bron-id's gescheiden door '|', gevonden '${bad === '' ? value : bad}'`);
      }
      case 'url':
        return URL_PATTERN.test(value) ? value : fail(`verwacht een webadres (https://...), gevonden '${value}'`);
      case 'date':
        return DATE.test(value) ? value : fail(`verwacht een datum JJJJ, JJJJ-MM of JJJJ-MM-DD, gevonden '${value}'`);
      case 'text': {
        // The trimmed text too: a spreadsheet ignores leading spaces (' =cmd' is a formula there).
        const start = FORMULA_START.test(raw) ? raw[0]! : FORMULA_START.test(value) ? value[0]! : undefined;
        return start !== undefined
          ? fail(
              `tekst die begint met '${start === '\t' ? 'tab' : start}' lijkt op een spreadsheetformule; ` +
                `cellen zijn gegevens, geen code: haal het teken weg of zet er tekst voor`,
            )
          : value;
      }
    }
  });
}

/** Checks the header against the spec: unknown, missing and repeated columns. */
export function checkHeader(table: CsvTable, spec: FileSpec): Issue[] {
  const issues: Issue[] = [];
  const known = spec.columns.map((c) => c.name);
  table.header.forEach((name, i) => {
    if (!known.includes(name)) {
      const hint = suggest(name, known);
      issues.push({
        file: table.file,
        line: 1,
        column: i + 1,
        message:
          `onbekende kolom '${name}'` +
          (hint ? ` (bedoelt u '${hint}'?)` : `; verwacht de kolommen ${known.join(', ')}`),
      });
    } else if (table.header.indexOf(name) !== i) {
      issues.push({ file: table.file, line: 1, column: i + 1, message: `kolom '${name}' staat twee keer in de kopregel` });
    }
  });
  for (const col of spec.columns) {
    if (!col.optionalColumn && !table.header.includes(col.name)) {
      issues.push({
        file: table.file,
        line: 1,
        message: `kolom '${col.name}' ontbreekt in de kopregel (gevonden: ${table.header.join(', ') || 'niets'})`,
      });
    }
  }
  return issues;
}

/**
 * The number notation of a file: English for shipped files; for a user's file, whatever its number
 * cells show, or an issue at the first cell that contradicts the rest.
 */
export function fileLocale(
  table: CsvTable,
  spec: FileSpec,
  shipped: boolean,
): { locale: NumberLocale | undefined; issues: Issue[] } {
  if (shipped) return { locale: 'en', issues: [] };
  const numberColumns = spec.columns.filter((c) => c.type === 'number').map((c) => table.header.indexOf(c.name));
  let first: { locale: NumberLocale; line: number; cell: string } | undefined;
  for (const row of table.rows) {
    for (const idx of numberColumns) {
      if (idx < 0) continue;
      const cell = row.cells[idx] ?? '';
      const evidence = notationEvidence(cell);
      if (!evidence) continue;
      if (!first) first = { locale: evidence, line: row.line, cell };
      else if (evidence !== first.locale) {
        return {
          locale: undefined,
          issues: [
            {
              file: table.file,
              line: row.line,
              column: idx + 1,
              field: table.header[idx],
              message:
                `gemengde getalnotatie: '${cell}' is ${evidence === 'nl' ? 'Nederlands' : 'Engels'} geschreven, ` +
                `maar regel ${first.line} ('${first.cell}') ${first.locale === 'nl' ? 'Nederlands' : 'Engels'}; ` +
                `gebruik één notatie per bestand`,
            },
          ],
        };
      }
    }
  }
  return { locale: first?.locale, issues: [] };
}

/** Parses and checks every row of a table; rows with problems are left out and reported. */
export function parseRows(
  table: CsvTable,
  spec: FileSpec,
  locale: NumberLocale | undefined,
): { rows: ParsedRow[]; issues: Issue[] } {
  const present = spec.columns.filter((c) => table.header.includes(c.name));
  const shape: Record<string, z.ZodType<unknown, string>> = {};
  for (const col of present) shape[col.name] = cellSchema(col.type, col.optional ?? false, locale);
  const schema = z.object(shape);
  const rows: ParsedRow[] = [];
  const issues: Issue[] = [];
  for (const row of table.rows) {
    const input: Record<string, string> = {};
    for (const col of present) input[col.name] = row.cells[table.header.indexOf(col.name)] ?? '';
    const result = schema.safeParse(input);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = String(issue.path[0] ?? '');
        issues.push({
          file: table.file,
          line: row.line,
          column: table.header.indexOf(field) + 1,
          field,
          message: issue.message,
        });
      }
      continue;
    }
    const parsed = { ...result.data, line: row.line } as ParsedRow;
    const rowIssues = spec.dimensions ? checkFactRow(parsed, spec) : [];
    for (const ri of rowIssues) {
      issues.push({ file: table.file, line: row.line, column: table.header.indexOf(ri.field) + 1 || undefined, ...ri });
    }
    if (rowIssues.length === 0) rows.push(parsed);
  }
  return { rows, issues };
}

/** Row-level rules for value-carrying files. */
function checkFactRow(row: ParsedRow, spec: FileSpec): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  const unit = unitInfo(row.eenheid as string);
  const status = row.status as Status;
  const value = row.waarde as Decimal;
  if (unit && spec.dimensions && !spec.dimensions.includes(unit.dimension)) {
    const allowed = UNIT_NAMES.filter((u) => spec.dimensions!.includes(unitInfo(u)!.dimension));
    out.push({ field: 'eenheid', message: `verwacht in ${spec.name} een eenheid uit ${allowed.join(', ')}, gevonden '${row.eenheid}'` });
  }
  if (unit && !unit.signed && value.isNegative()) {
    out.push({ field: 'waarde', message: `verwacht een waarde van 0 of meer (${row.eenheid} kan niet negatief zijn), gevonden ${value.toString()}` });
  } else if (unit?.positive && !value.greaterThan(0)) {
    out.push({ field: 'waarde', message: `verwacht een waarde groter dan 0 (in ${row.eenheid} wordt erdoor gedeeld), gevonden ${value.toString()}` });
  }
  const code = spec.units ? String(row[spec.units.column]) : undefined;
  const rule = code !== undefined ? spec.units!.rules(code) : undefined;
  if (unit && rule && out.every((o) => o.field !== 'eenheid')) {
    const converted = convertUnit(value, row.eenheid as string, rule.unit);
    if (converted === undefined) {
      out.push({ field: 'eenheid', message: `verwacht voor '${code}' een eenheid in ${unitsLike(rule.unit).join(', ')}, gevonden '${row.eenheid}'` });
    } else {
      (row as Record<string, unknown>)[BASE_UNIT] = rule.unit;
      const finding = rule.bounds ? checkBounds(rule.bounds, converted) : undefined;
      if (finding?.niveau === 'fout') out.push({ field: 'waarde', message: `${code}: ${finding.melding}` });
    }
  }
  if (spec.statuses && !spec.statuses.includes(status)) {
    out.push({ field: 'status', message: `verwacht in ${spec.name} status ${spec.statuses.join(' of ')}, gevonden '${status}'` });
  }
  const sources = row.bron as string[] | undefined;
  if (METHOD_STATUSES.includes(status) && !row.methode) {
    out.push({ field: 'methode', message: `status '${status}' vraagt een methode: zeg hoe de waarde is bepaald` });
  }
  if (PUBLISHED_STATUSES.includes(status)) {
    if (!sources) out.push({ field: 'bron', message: `status '${status}' vraagt een bron-id uit bronnen.csv` });
    if (!row.vindplaats) out.push({ field: 'vindplaats', message: `status '${status}' vraagt een vindplaats (tabel, pagina of paragraaf in de bron)` });
  }
  if (status === 'afgeleid' && !sources) {
    out.push({ field: 'bron', message: `status 'afgeleid' vraagt de bron-id's van de cijfers waaruit de waarde is afgeleid` });
  }
  return out;
}

