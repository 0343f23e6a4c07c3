/** Parsing option values shared by the commands. */
import { UsageError } from './program.js';

/** A four-digit year given to an option, or a usage error naming the option. */
export function yearOption(value: string, option: string): number {
  if (!/^\d{4}$/.test(value)) throw new UsageError(`${option} verwacht een jaartal, gevonden '${value}'`);
  return Number(value);
}
