/** Parsing option values shared by the commands. */
import { UsageError } from './program.js';

/** A four-digit year given to an option, or a usage error naming the option. */
export function yearOption(value: string, option: string): number {
  if (!/^\d{4}$/.test(value)) throw new UsageError(`${option} verwacht een jaartal, gevonden '${value}'`);
  return Number(value);
}

/**
 * A `--constructie` value: one or more construction ids separated by commas, each one of `known`
 * when given (else the scenario decides which exist), or a usage error that names the unknown id
 * and the choices.
 */
export function constructionOption(value: string, known?: readonly string[]): string[] {
  const ids = value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  if (ids.length === 0) throw new UsageError(`--constructie verwacht een of meer constructies, gescheiden door komma's`);
  if (!known) return [...new Set(ids)];
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length > 0) throw new UsageError(`--constructie: onbekende constructie '${unknown.join(', ')}'; kies uit ${known.join(', ')}`);
  return [...new Set(ids)];
}

/** `--nl-csv` on every command that writes CSV: the Dutch style of `report/csv.ts`. */
export const NL_CSV_OPTION = ['--nl-csv', 'CSV voor Nederlandse Excel: ; tussen de velden, decimale komma en een BOM (geeft ook zonder --csv CSV)'] as const;
