/**
 * How much of the dataset is published and how much is estimated or assumed: counts per file, and
 * for spending and income a grid of province × year.
 */
import type { Dataset, Fact } from '../core/dataset.js';
import type { CompletedHistory, HistoryBasis } from '../core/estimate.js';
import { historyEvidence, type ProvinceEvidence } from '../core/history/evidence.js';
import { PROVINCE_CODES, type ProvinceCode, type RegionCode } from '../core/provinces.js';
import { PUBLISHED_STATUSES } from '../core/status.js';

export interface FileCoverage {
  readonly bestand: string;
  readonly regels: number;
  readonly gepubliceerd: number;
  readonly afgeleid: number;
  readonly schatting: number;
  readonly aanname: number;
  /** Rows from the user's own folder. */
  readonly eigen: number;
}

/** A cell of the province × year grid: how many values are published and how many estimated. */
export interface GridCell {
  readonly gepubliceerd: number;
  readonly geschat: number;
}

/** What a province's spending in one year rests on: how many of the seven task cells have each basis. */
export type SpendingCell = Readonly<Record<HistoryBasis, number>>;

export interface Coverage {
  readonly bestanden: readonly FileCoverage[];
  readonly bronnen: number;
  readonly jaren: readonly number[];
  readonly uitgaven: ReadonlyMap<ProvinceCode, readonly SpendingCell[]>;
  readonly inkomsten: ReadonlyMap<ProvinceCode, readonly GridCell[]>;
  /** Per province: how much of the look-back's spending is observed. */
  readonly waarneming: readonly ProvinceEvidence[];
}

/** Rows of a file by status (every row with a status and an origin: facts, uncertainty declarations). */
function countFile(bestand: string, facts: readonly Pick<Fact, 'status' | 'herkomst'>[]): FileCoverage {
  const count = (pred: (f: Pick<Fact, 'status' | 'herkomst'>) => boolean) => facts.filter(pred).length;
  return {
    bestand,
    regels: facts.length,
    gepubliceerd: count((f) => PUBLISHED_STATUSES.includes(f.status)),
    afgeleid: count((f) => f.status === 'afgeleid'),
    schatting: count((f) => f.status === 'schatting'),
    aanname: count((f) => f.status === 'aanname'),
    eigen: count((f) => f.herkomst.laag === 'eigen'),
  };
}

function grid(
  facts: readonly (Fact & { provincie: RegionCode; jaar: number })[],
  years: readonly number[],
): Map<ProvinceCode, GridCell[]> {
  const out = new Map<ProvinceCode, GridCell[]>();
  for (const p of PROVINCE_CODES) {
    out.set(
      p,
      years.map((y) => {
        const cell = facts.filter((f) => f.provincie === p && f.jaar === y);
        const published = cell.filter((f) => PUBLISHED_STATUSES.includes(f.status)).length;
        return { gepubliceerd: published, geschat: cell.length - published };
      }),
    );
  }
  return out;
}

/** Coverage of a completed dataset over the history years `years`. */
export function coverage(completed: CompletedHistory, years: readonly number[]): Coverage {
  const data: Dataset = completed.dataset;
  const sources = [...data.bronnen.values()];
  const spending = new Map<ProvinceCode, SpendingCell[]>(
    PROVINCE_CODES.map((p) => [
      p,
      years.map((y) => {
        const cells = completed.uitgaven.filter((c) => c.provincie === p && c.jaar === y);
        const count = (b: HistoryBasis) => cells.filter((c) => c.grondslag === b).length;
        return { waargenomen: count('waargenomen'), totaal_waargenomen: count('totaal_waargenomen'), eigen_niveau: count('eigen_niveau'), landelijk: count('landelijk') };
      }),
    ]),
  );
  return {
    bestanden: [
      {
        bestand: 'bronnen.csv',
        regels: sources.length,
        gepubliceerd: sources.length,
        afgeleid: 0,
        schatting: 0,
        aanname: 0,
        eigen: sources.filter((s) => s.herkomst.laag === 'eigen').length,
      },
      countFile('provincies.csv', data.provincies),
      countFile('macro.csv', data.macro),
      countFile('provinciefonds.csv', data.provinciefonds),
      countFile('natuurpact.csv', data.natuurpact),
      countFile('uitgaven.csv', data.uitgaven),
      countFile('inkomsten.csv', data.inkomsten),
      countFile('kostendrivers.csv', data.kostendrivers),
      countFile('sleutels.csv', data.sleutels),
      countFile('aannames.csv', data.aannames),
      countFile('lasten-baten.csv', data.lastenBaten),
      countFile('iv3-taakvelden.csv', data.indeling.filter((m) => m.provincie === 'NL')),
      countFile('programma-indeling.csv', data.indeling.filter((m) => m.provincie !== 'NL')),
      ...(data.onzekerheid ? [countFile('onzekerheid.csv', data.onzekerheid)] : []),
      ...(data.correlaties ? [countFile('onzekerheid-correlaties.csv', data.correlaties)] : []),
    ],
    bronnen: sources.length,
    jaren: years,
    uitgaven: spending,
    inkomsten: grid(data.inkomsten, years),
    waarneming: historyEvidence(completed.uitgaven),
  };
}
