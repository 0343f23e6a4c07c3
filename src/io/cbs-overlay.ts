/**
 * Turning a CBS table of lasten and baten per taakveld ({@link CbsTable}) into a data overlay that
 * `--data MAP` reads: rows for `lasten-baten.csv` (level `iv3_taakveld`, status `realisatie` for the
 * accounts, `begroting` for the budgets) and one source row for `bronnen.csv` naming the table, its
 * periods and the date it was fetched.
 *
 * Which taakvelden are taken: those the mapping (`iv3-taakvelden.csv`, and the provinces' exceptions
 * in `programma-indeling.csv`) knows and maps to a task; `Totaal ...` rows are aggregates and are
 * left out; a taakveld the mapping does not know is an error (nothing is ever dropped silently),
 * unless the caller asks to skip unknown ones, and then they are listed.
 */
import type { Dataset } from '../core/dataset.js';
import { UserError, type Issue } from '../core/errors.js';
import { mappingFor } from '../core/history/observed.js';
import { provinceName, REGION_CODES, type RegionCode } from '../core/provinces.js';
import type { CbsRow, CbsTable } from './cbs.js';

export interface CbsSource {
  /** Where the figures came from: the OData address, or the file the user gave. */
  readonly url: string;
  /** Date the table was fetched (YYYY-MM-DD). */
  readonly geraadpleegd: string;
  /** sha256 of what was read, per part. */
  readonly sha256: Readonly<Record<string, string>>;
}

export interface CbsOverlay {
  readonly bronId: string;
  /** A `bronnen.csv` row, cells in the file's column order. */
  readonly bron: readonly string[];
  /** `lasten-baten.csv` rows, cells in the file's column order. */
  readonly rijen: readonly (readonly string[])[];
  /** Province × year: the taakvelden taken. */
  readonly dekking: ReadonlyMap<RegionCode, ReadonlyMap<number, readonly string[]>>;
  /** Taakvelden in the table that no mapping knows, when skipped on request. */
  readonly onbekend: readonly string[];
  /** Taakvelden the mapping puts out of scope. */
  readonly buitenScope: readonly string[];
}

export const BRONNEN_HEADER = ['id', 'titel', 'uitgever', 'datum', 'url', 'vindplaats', 'geraadpleegd'] as const;
export const LASTEN_BATEN_HEADER = ['provincie', 'jaar', 'niveau', 'code', 'naam', 'soort', 'kant', 'waarde', 'eenheid', 'status', 'bron', 'vindplaats', 'methode'] as const;

const isAggregate = (taakveld: string) => /^totaal\b/i.test(taakveld.trim());

/**
 * The overlay for a table, checked against the mapping in `data`.
 *
 * @example
 *   cbsOverlay(parseStatlineCsv(text, 'export.csv'), loadDataset(), { url: 'export.csv', geraadpleegd: '2026-12-01', sha256: { 'export.csv': '…' } }, { file: 'export.csv' })
 */
export function cbsOverlay(table: CbsTable, data: Pick<Dataset, 'indeling'>, source: CbsSource, options: { file: string; overslaan?: boolean }): CbsOverlay {
  const bronId = `cbs-${table.tabel.toLowerCase()}-${source.geraadpleegd}`;
  const years = [...new Set(table.rijen.map((r) => r.jaar))].sort((a, b) => a - b);
  const unknown = new Map<string, CbsRow>();
  const outOfScope = new Set<string>();
  const rows: string[][] = [];
  const dekking = new Map<RegionCode, Map<number, string[]>>();

  for (const r of table.rijen) {
    if (isAggregate(r.taakveld)) continue;
    // The mapping is asked as it will be when the overlay is read: for the row's own province.
    const maps = mappingFor(data, { provincie: r.regio, niveau: 'iv3_taakveld', code: '', naam: r.taakveld, jaar: r.jaar });
    const national = mappingFor(data, { provincie: 'NL', niveau: 'iv3_taakveld', code: '', naam: r.taakveld, jaar: r.jaar });
    if (maps.length === 0 && national.length === 0) {
      if (!unknown.has(r.taakveld)) unknown.set(r.taakveld, r);
      continue;
    }
    if ([...maps, ...national].every((m) => m.taak === 'buiten_scope')) {
      outOfScope.add(r.taakveld);
      continue;
    }
    const code = [...national, ...maps].find((m) => m.code !== '')?.code ?? '';
    const star = r.voorlopig ? '*' : '';
    const region = r.regio === 'NL' ? 'Nederland' : `${provinceName(r.regio)} (PV)`;
    for (const [kant, printed] of [
      ['lasten', r.lastenGedrukt],
      ['baten', r.batenGedrukt],
    ] as const) {
      if (printed === undefined) continue;
      rows.push([
        r.regio,
        String(r.jaar),
        'iv3_taakveld',
        code,
        r.taakveld,
        table.soort,
        kant,
        printed,
        r.eenheid,
        table.soort === 'realisatie' ? 'realisatie' : 'begroting',
        bronId,
        `CBS ${table.tabel}, taakveld '${r.taakveld}', ${region}, periode ${r.jaar}${star}, ${kant === 'lasten' ? 'Lasten' : 'Baten'} (${r.waar})`,
        r.voorlopig ? `voorlopig cijfer (${r.jaar}*)` : '',
      ]);
    }
    if (r.lastenGedrukt !== undefined) {
      const byYear = dekking.get(r.regio) ?? new Map<number, string[]>();
      byYear.set(r.jaar, [...(byYear.get(r.jaar) ?? []), r.taakveld]);
      dekking.set(r.regio, byYear);
    }
  }
  if (unknown.size > 0 && !options.overslaan) {
    const issues: Issue[] = [...unknown.values()].map((r) => ({
      file: options.file,
      ...(r.regel !== undefined ? { line: r.regel } : {}),
      message: `onbekend taakveld '${r.taakveld}'${r.regel === undefined ? ` (${r.waar})` : ''}: niet ingedeeld in iv3-taakvelden.csv; deel het in (een taak of buiten_scope) in een eigen iv3-taakvelden.csv via --data, of geef --overslaan om onbekende taakvelden over te slaan`,
    }));
    throw new UserError(issues);
  }
  if (rows.length === 0) {
    throw new UserError({ file: options.file, message: 'de tabel bevat geen natuurtaakvelden met cijfers voor provincies of Nederland; niets om te schrijven' });
  }
  const ordered = [...dekking.keys()].sort((a, b) => REGION_CODES.indexOf(a) - REGION_CODES.indexOf(b));
  return {
    bronId,
    bron: [
      bronId,
      `CBS StatLine ${table.tabel}: ${table.titel}`,
      'CBS',
      table.gewijzigd ?? source.geraadpleegd.slice(0, 4),
      source.url,
      `tabel ${table.tabel}, perioden ${years[0]}-${years.at(-1)}; sha256 ${Object.entries(source.sha256).map(([k, v]) => `${k} ${v}`).join(', ')}`,
      source.geraadpleegd,
    ],
    rijen: rows,
    dekking: new Map(ordered.map((r) => [r, dekking.get(r)!] as const)),
    onbekend: [...unknown.keys()],
    buitenScope: [...outOfScope],
  };
}
