/**
 * Plain-text tables for the terminal: a header, a rule, and rows, with columns padded to fit.
 * Columns marked numeric are right-aligned.
 */
export interface TextColumn {
  readonly titel: string;
  readonly rechts?: boolean;
}

export function textTable(columns: readonly TextColumn[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((c, i) => Math.max(c.titel.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (columns[i]?.rechts ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.titel)), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
