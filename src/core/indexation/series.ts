/**
 * Yearly input series for the indexation rules, with the provenance of every value.
 *
 * Macro series come from `macro.csv`, one value per (series, publication, year). Which publication
 * supplies a year (the vintage rule):
 * - default: the latest publication (by `publicatiedatum`) that has the year; on equal dates a
 *   realisation beats a forecast; a row with status `aanname` (a labelled stand-in for a missing
 *   figure, such as the CPI for a missing GDP deflator) only when no published row has the year;
 * - with `vintage` V: V itself where it has the year, otherwise the latest publication that appeared
 *   no later than V (the figures as they were known when V appeared).
 * A year after the last year any eligible publication has is filled by the projection assumption of
 * the series: a user value (`projectie` option) or the row `projectie.<series>` in `aannames.csv`;
 * it is labelled `aanname` wherever it is used. Any other missing year is an error naming the series
 * and the year; nothing is silently zero or carried forward.
 */
import type { Dataset, MacroFact } from '../dataset.js';
import type { Decimal } from '../decimal.js';
import { UserError } from '../errors.js';
import type { Status } from '../status.js';
import { suggest } from '../suggest.js';
import { assumptionAt, datedValue, isDated, type DatedValues } from '../parameter.js';
import { byText } from '../order.js';

/** One value a factor used, and where it came from. */
export interface SeriesInput {
  readonly reeks: string;
  readonly jaar: number;
  /** The publication (vintage), `aanname` for a projection assumption, or the data file for drivers. */
  readonly publicatie: string;
  /** A rate as a fraction (0.0125 = 1.25%), or a level for level series. */
  readonly waarde: Decimal;
  readonly status: Status;
  readonly bron: readonly string[];
  /** Why this value, when it is not simply the published one (assumption, substitution). */
  readonly toelichting?: string;
}

export interface SeriesOptions {
  /** Publication whose view of the figures to use (see the module comment). */
  readonly vintage?: string;
  /**
   * User projection values per series (fractions), taking precedence over `aannames.csv`: one value
   * for every year, or dated values, each applying from its year until the next one.
   */
  readonly projectie?: Readonly<Record<string, Decimal | DatedValues>>;
}

export type IndexData = Pick<Dataset, 'macro' | 'aannames' | 'kostendrivers'>;

/** Name of the assumption row that projects a series beyond its last published year. */
export const projectionName = (reeks: string) => `projectie.${reeks}`;

/** The projection value of a series for a year, from the user's options or `aannames.csv`. */
export function projection(data: IndexData, reeks: string, jaar: number, options: SeriesOptions, why: string): SeriesInput {
  const own = options.projectie?.[reeks];
  if (own !== undefined) {
    const dated = isDated(own) ? datedValue(own, jaar) : { vanaf: undefined, waarde: own };
    if (dated) {
      const from = dated.vanaf !== undefined ? ` (vanaf ${dated.vanaf})` : '';
      return { reeks, jaar, publicatie: 'aanname', waarde: dated.waarde, status: 'aanname', bron: [], toelichting: `${why}; waarde opgegeven door de gebruiker${from}` };
    }
  }
  const row = data.aannames.find((a) => a.naam === projectionName(reeks));
  if (!row) {
    throw new UserError({
      message:
        `${reeks} ${jaar} ontbreekt (${why}) en er is geen projectie-aanname: ` +
        `voeg '${projectionName(reeks)}' toe aan aannames.csv of geef een eigen waarde op`,
    });
  }
  const v = assumptionAt(row, jaar);
  const from = v.vanaf !== undefined ? ` (vanaf ${v.vanaf})` : '';
  return { reeks, jaar, publicatie: 'aanname', waarde: v.waarde, status: 'aanname', bron: row.bron, toelichting: `${why}; ${row.methode}${from}` };
}

/** Publication dates per macro array, computed once (the data is immutable once loaded). */
const datesOf = new WeakMap<readonly MacroFact[], Map<string, string>>();
function publicationsOf(rows: readonly MacroFact[]): Map<string, string> {
  let out = datesOf.get(rows);
  if (!out) {
    out = new Map<string, string>();
    for (const r of rows) out.set(r.publicatie, r.publicatiedatum);
    datesOf.set(rows, out);
  }
  return out;
}

/** Rows per series, computed once per macro array (the data is immutable once loaded). */
const bySeries = new WeakMap<readonly MacroFact[], Map<string, MacroFact[]>>();
function seriesRows(macro: readonly MacroFact[], reeks: string): readonly MacroFact[] {
  let map = bySeries.get(macro);
  if (!map) {
    map = new Map();
    for (const r of macro) map.set(r.reeks, [...(map.get(r.reeks) ?? []), r]);
    bySeries.set(macro, map);
  }
  return map.get(reeks) ?? [];
}

/** The date of a publication in `macro.csv`, or undefined when the data does not have it. */
export function publicationDate(data: IndexData, publicatie: string): string | undefined {
  return publicationsOf(data.macro).get(publicatie);
}

/**
 * Whether a published figure (not an assumption) of a series for a year was known when publication
 * `vintage` appeared: the vintage itself has it, or a publication no later than it.
 */
export function knownAt(data: IndexData, reeks: string, jaar: number, vintage: string): boolean {
  const cutoff = publicationDate(data, vintage);
  if (cutoff === undefined) return false;
  return seriesRows(data.macro, reeks).some(
    (r) => r.jaar === jaar && r.status !== 'aanname' && (r.publicatie === vintage || r.publicatiedatum <= cutoff),
  );
}

/** Checks a vintage name against the data, with a suggestion for a near miss. */
export function checkVintage(data: IndexData, vintage: string): void {
  if (publicationsOf(data.macro).has(vintage)) return;
  const known = [...publicationsOf(data.macro).keys()].sort();
  if (!known.includes(vintage)) {
    const hint = suggest(vintage, known);
    throw new UserError({
      message:
        `onbekende publicatie (vintage) '${vintage}'` +
        (hint ? `; bedoelt u '${hint}'?` : `; bekende publicaties: ${known.slice(-12).join(', ')}, ...`),
    });
  }
}

/**
 * The value of a macro series for a year by the vintage rule, or its projection assumption after
 * the last published year.
 */
export function macroValue(data: IndexData, reeks: string, jaar: number, options: SeriesOptions = {}): SeriesInput {
  const rows = seriesRows(data.macro, reeks);
  if (rows.length === 0) {
    const known = [...new Set(data.macro.map((r) => r.reeks))].sort();
    const hint = suggest(reeks, known);
    throw new UserError({
      message: `reeks '${reeks}' staat niet in macro.csv` + (hint ? `; bedoelt u '${hint}'?` : `; bekende reeksen: ${known.join(', ')}`),
    });
  }
  let eligible = rows;
  let cutoff: string | undefined;
  if (options.vintage !== undefined) {
    checkVintage(data, options.vintage);
    cutoff = publicationsOf(data.macro).get(options.vintage)!;
    eligible = rows.filter((r) => r.publicatie === options.vintage || r.publicatiedatum <= cutoff!);
  }
  const candidates = eligible.filter((r) => r.jaar === jaar);
  if (candidates.length > 0) {
    const best = [...candidates].sort((a, b) => {
      if (options.vintage !== undefined) {
        const own = Number(b.publicatie === options.vintage) - Number(a.publicatie === options.vintage);
        if (own !== 0) return own;
      }
      return (
        Number(a.status === 'aanname') - Number(b.status === 'aanname') ||
        byText(b.publicatiedatum, a.publicatiedatum) ||
        Number(b.status === 'realisatie') - Number(a.status === 'realisatie') ||
        byText(a.publicatie, b.publicatie)
      );
    })[0]!;
    return { reeks, jaar, publicatie: best.publicatie, waarde: best.waarde, status: best.status, bron: best.bron };
  }
  // Assumption rows fill the years they name; they do not extend the published range.
  const years = eligible.filter((r) => r.status !== 'aanname').map((r) => r.jaar);
  const last = years.length > 0 ? Math.max(...years) : undefined;
  if (last !== undefined && jaar > last) {
    return projection(data, reeks, jaar, options, `na het laatste gepubliceerde jaar ${last}` + (cutoff ? ` (stand ${options.vintage})` : ''));
  }
  const first = years.length > 0 ? Math.min(...years) : undefined;
  const span =
    first === undefined
      ? ''
      : jaar < first
        ? `; de reeks begint in ${first}`
        : `; de reeks heeft ${first}-${last}, zonder ${missingYears(years).join(', ')}`;
  throw new UserError({
    message:
      `${reeks} ${jaar} ontbreekt in macro.csv` +
      (options.vintage ? ` (publicaties tot en met ${options.vintage})` : '') +
      span +
      `; vul het jaar aan met --data of kies een ander beginjaar`,
  });
}

function missingYears(years: readonly number[]): number[] {
  const set = new Set(years);
  const out: number[] = [];
  for (let y = Math.min(...years); y <= Math.max(...years); y++) if (!set.has(y)) out.push(y);
  return out;
}

/** A short Dutch description of an input: `bbp_volume 2019 = 2,3% (cbs-2025-economie, realisatie)`. */
export function describeInput(i: SeriesInput, asRate = true): string {
  const value = asRate ? `${i.waarde.times(100).toSignificantDigits(10).toString().replace('.', ',')}%` : i.waarde.toString().replace('.', ',');
  return `${i.reeks} ${i.jaar} = ${value} (${i.publicatie}, ${i.status}${i.toelichting ? `: ${i.toelichting}` : ''})`;
}
