/**
 * Writing CSV that spreadsheets open safely: fields are quoted when needed, and a text field that a
 * spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) is
 * prefixed with an apostrophe, so that it is shown as text (OWASP's advice on CSV injection).
 * Numbers are written by the caller as plain strings and are not touched.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Makes a text cell harmless for spreadsheets. */
export function neutraliseText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export type CsvCell = string | { readonly number: string };

function field(cell: CsvCell, delimiter: string): string {
  const text = typeof cell === 'string' ? neutraliseText(cell) : cell.number;
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV document, LF line ends, ending with a newline. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[], delimiter = ','): string {
  return [header, ...rows].map((r) => r.map((c) => field(c, delimiter)).join(delimiter)).join('\n') + '\n';
}
