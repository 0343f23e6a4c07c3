/**
 * `resultaten.csv`: the tidy result table, one row per scenario × construction × province × year ×
 * line. Money in euros with two decimals (cells are whole cents), ratios (`dekkingsgraad`) with 15
 * significant digits. `--nl-csv` writes the Dutch style (see `csv.ts`: `;`, decimal commas, BOM).
 */
import { Decimal } from '../core/decimal.js';
import type { TidyRow } from '../io/run-scenario.js';
import { csvStyle, toCsv } from './csv.js';

export const RESULT_HEADER = ['scenario', 'constructie', 'provincie', 'jaar', 'post', 'bedrag_eur', 'status'] as const;

export function formatAmount(row: Pick<TidyRow, 'post' | 'bedrag_eur'>): string {
  return row.post === 'dekkingsgraad'
    ? row.bedrag_eur.toSignificantDigits(15, Decimal.ROUND_HALF_EVEN).toFixed()
    : row.bedrag_eur.toFixed(2, Decimal.ROUND_HALF_EVEN);
}

export function resultsCsv(rows: readonly TidyRow[], dutch = false): string {
  return toCsv(
    RESULT_HEADER,
    rows.map((r) => [r.scenario, r.constructie, r.provincie, { number: String(r.jaar) }, r.post, { number: formatAmount(r) }, r.status]),
    csvStyle(dutch),
  );
}
