/**
 * Writing CSV that spreadsheets open safely: fields are quoted when needed, and a text field that a
 * spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) is
 * prefixed with an apostrophe, so that it is shown as text (OWASP's advice on CSV injection).
 * Numbers are written by the caller as plain strings (`-1234.5`, no thousands separator) and are
 * not touched, except that the Dutch style writes their decimal point as a comma.
 *
 * Two styles: the standard one (`,` and decimal points, for scripts and the expected outputs) and
 * the Dutch one (`--nl-csv`): `;` between fields, decimal commas and a UTF-8 byte order mark, which
 * is what Excel with Dutch settings needs to open the file in columns at once.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Makes a text cell harmless for spreadsheets. */
export function neutraliseText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export type CsvCell = string | { readonly number: string };

export interface CsvStyle {
  readonly delimiter: ',' | ';';
  /** Numbers with a decimal comma (`12,5`) instead of a point. */
  readonly decimalComma: boolean;
  /** Starts the text with U+FEFF, the UTF-8 byte order mark. */
  readonly bom: boolean;
}

export const STANDARD_CSV: CsvStyle = { delimiter: ',', decimalComma: false, bom: false };
export const DUTCH_CSV: CsvStyle = { delimiter: ';', decimalComma: true, bom: true };

/** The style `--nl-csv` asks for. */
export const csvStyle = (dutch: boolean | undefined): CsvStyle => (dutch ? DUTCH_CSV : STANDARD_CSV);

function field(cell: CsvCell, style: CsvStyle): string {
  const text = typeof cell === 'string' ? neutraliseText(cell) : style.decimalComma ? cell.number.replace('.', ',') : cell.number;
  return text.includes(style.delimiter) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV document, LF line ends, ending with a newline. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[], style: CsvStyle = STANDARD_CSV): string {
  const body = [header, ...rows].map((r) => r.map((c) => field(c, style)).join(style.delimiter)).join('\n') + '\n';
  return style.bom ? `\uFEFF${body}` : body;
}
