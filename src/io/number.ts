/**
 * Reading numbers from CSV text, in English (`1234.5`, `1,234.5`) or Dutch (`1234,5`, `1.234,5`)
 * notation, exactly: the digits go straight into a Decimal, never through a float.
 *
 * A file has one notation. Shipped files are English (`.` decimal, no grouping). A user's file is
 * detected from its cells: a cell that can only be read one way (`1.5`, `1,5`, `1.234.567`,
 * `1.234,5`) decides; cells of both kinds in one file are an error; and a cell that reads two ways
 * (`1,234` or `1.234`: a thousands separator or a decimal one) is an error when nothing in the file
 * decides. Scientific notation is refused (a budget table does not write `1e6`), and so is a value
 * with more than {@link MAX_INTEGER_DIGITS} digits before the decimal separator.
 */
import { Decimal } from '../core/decimal.js';

export type NumberLocale = 'en' | 'nl';

/** More integer digits than this is not a plausible figure in any unit we use (10^15 EUR). */
export const MAX_INTEGER_DIGITS = 15;

type Shape =
  | { kind: 'plain'; digits: string } // integer, same in both notations
  | { kind: 'en'; digits: string } // only English reading possible
  | { kind: 'nl'; digits: string } // only Dutch reading possible
  | { kind: 'ambiguous'; en: string; nl: string }
  | { kind: 'invalid' };

const INTEGER = /^-?\d+$/;
const DOT_DECIMAL = /^-?\d+\.\d+$/;
const COMMA_DECIMAL = /^-?\d+,\d+$/;
const ONE_GROUP_DOT = /^-?[1-9]\d{0,2}\.\d{3}$/;
const ONE_GROUP_COMMA = /^-?[1-9]\d{0,2},\d{3}$/;
const EN_GROUPED = /^-?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/;
const NL_GROUPED = /^-?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$/;

/** Classifies a trimmed cell by the notations it can be read in, with the canonical digits of each. */
function shapeOf(text: string): Shape {
  if (INTEGER.test(text)) return { kind: 'plain', digits: text };
  if (ONE_GROUP_DOT.test(text)) return { kind: 'ambiguous', en: text, nl: text.replace('.', '') };
  if (ONE_GROUP_COMMA.test(text)) return { kind: 'ambiguous', en: text.replace(',', ''), nl: text.replace(',', '.') };
  if (DOT_DECIMAL.test(text)) return { kind: 'en', digits: text };
  if (COMMA_DECIMAL.test(text)) return { kind: 'nl', digits: text.replace(',', '.') };
  if (EN_GROUPED.test(text)) return { kind: 'en', digits: text.replaceAll(',', '') };
  if (NL_GROUPED.test(text)) return { kind: 'nl', digits: text.replaceAll('.', '').replace(',', '.') };
  return { kind: 'invalid' };
}

/** What a cell says about the file's notation: `en`, `nl`, or nothing (`undefined`). */
export function notationEvidence(text: string): NumberLocale | undefined {
  const shape = shapeOf(text.trim());
  return shape.kind === 'en' || shape.kind === 'nl' ? shape.kind : undefined;
}

export type ParsedNumber = { ok: true; value: Decimal } | { ok: false; message: string };

/**
 * Parses one cell. `locale` is the file's notation, or `undefined` when the file did not decide it.
 *
 * @example
 *   parseNumber('1.234,5', 'nl') // { ok: true, value: 1234.5 }
 *   parseNumber('1,234', undefined) // { ok: false, message: 'dubbelzinnig getal ...' }
 */
export function parseNumber(raw: string, locale: NumberLocale | undefined): ParsedNumber {
  if (typeof raw !== 'string') return { ok: false, message: `verwacht een getal als tekst, gevonden ${raw === null ? 'null' : typeof raw}` };
  const text = raw.trim();
  if (text === '') return { ok: false, message: 'verwacht een getal, gevonden een lege cel' };
  const shape = shapeOf(text);
  let digits: string;
  switch (shape.kind) {
    case 'invalid':
      return { ok: false, message: `verwacht een getal, gevonden '${raw}'` };
    case 'plain':
      digits = shape.digits;
      break;
    case 'ambiguous':
      if (locale === undefined) {
        return {
          ok: false,
          message:
            `dubbelzinnig getal '${raw}': kan ${shape.en} of ${shape.nl} zijn; ` +
            `schrijf het zonder scheidingsteken voor duizendtallen of met meer decimalen`,
        };
      }
      digits = locale === 'en' ? shape.en : shape.nl;
      break;
    default:
      if (locale !== undefined && shape.kind !== locale) {
        return {
          ok: false,
          message:
            `getal '${raw}' staat in ${shape.kind === 'nl' ? 'Nederlandse' : 'Engelse'} notatie, ` +
            `maar dit bestand gebruikt ${locale === 'nl' ? 'de Nederlandse (1.234,5)' : 'de Engelse (1234.5)'}; ` +
            `gebruik één notatie per bestand`,
        };
      }
      digits = shape.digits;
  }
  const integerDigits = digits.replace(/^-/, '').split('.')[0]!.replace(/^0+(?=\d)/, '');
  if (integerDigits.length > MAX_INTEGER_DIGITS) {
    return { ok: false, message: `getal '${raw}' is te groot (meer dan ${MAX_INTEGER_DIGITS} cijfers voor de komma)` };
  }
  return { ok: true, value: new Decimal(digits) };
}
