/**
 * What the public record says a province spent on its nature tasks: the observations the look-back
 * rests on, before anything is estimated.
 *
 * Two sources:
 * - `uitgaven.csv`: figures already at the level of a model task (or `totaal`: all nature tasks);
 * - `lasten-baten.csv`: lasten as the province or CBS published them (an Iv3 taakveld, a programme,
 *   a goal or a product), turned into task spending by the declared mapping (`iv3-taakvelden.csv`
 *   for the national Iv3 taakvelden, `programma-indeling.csv` for a province's own lines and its
 *   exceptions to the Iv3 mapping):
 *
 *     O_{p,y,k} = Σ_lines lasten_{p,y,line} × aandeel_{p,line,k}      k a task or `totaal`
 *
 *   A province's own mapping of a line replaces the national one for that line in its years. A line
 *   without a mapping, or mapped to `buiten_scope`, adds nothing (the reconciliation lists it).
 *
 * An observation keeps the status of its figure when it is taken whole (share 1); a share below 1
 * makes it `afgeleid` (share derived from published sub-lines) or `schatting` (share assumed), as
 * the mapping says. Baten are not observations of spending: the streams they contain (SPUK, EU,
 * sales of land, contributions of third parties) cannot be told apart, so they are left to the
 * reconciliation.
 *
 * Units: euros. Rounding: none.
 */
import type { Dataset, LineMapping, PublishedLineFact, SpendingFact, TaskGroup } from '../dataset.js';
import { Decimal, ONE, sum } from '../decimal.js';
import { formatMlnText, formatNumberNl } from '../format.js';
import { isProvinceCode, type ProvinceCode } from '../provinces.js';
import { PUBLISHED_STATUSES, weakestStatus, type Status } from '../status.js';

/** One observed amount: a province's spending on a task (or a group of tasks) in a year. */
export interface Observation {
  readonly provincie: ProvinceCode;
  readonly jaar: number;
  /** A task, or a group of tasks (`ontwikkeling`, `totaal`: see `TASK_GROUPS`). */
  readonly taak: TaskGroup;
  readonly soort: 'realisatie' | 'begroting';
  readonly waarde: Decimal;
  readonly status: Status;
  readonly bron: readonly string[];
  /** Dutch: which published lines, with which shares. */
  readonly methode: string;
  /** Where the figures were read (file:line for each part). */
  readonly herkomst: readonly string[];
  /** The rows of `uitgaven.csv` it was taken from, if any (kept as published cells). */
  readonly rij?: SpendingFact;
}

const mln = (d: Decimal) => formatMlnText(d);

function isPublished(f: { status: Status; herkomst: { laag: string } }): boolean {
  return PUBLISHED_STATUSES.includes(f.status) || f.herkomst.laag === 'eigen';
}

/** Names compare without case, accents of spacing differences: `Beheer flora en fauna`. */
const norm = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();

/** A mapping row names a line by its code where both have one, else by its name. */
function sameLine(m: LineMapping, line: Pick<PublishedLineFact, 'code' | 'naam'>): boolean {
  return m.code !== '' && line.code !== '' ? m.code === line.code : norm(m.naam) === norm(line.naam);
}

/**
 * The mapping rows that apply to a published line: the province's own rows for its level, line
 * and year if it has any, else the national Iv3 rows (for Iv3 taakvelden only).
 */
export function mappingFor(data: Pick<Dataset, 'indeling'>, line: Pick<PublishedLineFact, 'provincie' | 'niveau' | 'code' | 'naam' | 'jaar'>): readonly LineMapping[] {
  const fits = (m: LineMapping) => m.niveau === line.niveau && sameLine(m, line) && m.van <= line.jaar && line.jaar <= m.tot;
  const own = data.indeling.filter((m) => m.provincie === line.provincie && fits(m));
  if (own.length > 0) return own;
  return line.niveau === 'iv3_taakveld' ? data.indeling.filter((m) => m.provincie === 'NL' && fits(m)) : [];
}

/** The status of a mapped amount: the figure's own when taken whole, else that of the share. */
function mappedStatus(line: PublishedLineFact, m: LineMapping): Status {
  if (m.waarde.equals(ONE)) return line.status;
  return weakestStatus([line.status, m.status === 'afgeleid' ? 'afgeleid' : 'schatting']);
}

/** Every observation of provincial nature spending in the dataset, per province, year, task and kind. */
export function observations(data: Pick<Dataset, 'uitgaven' | 'lastenBaten' | 'indeling'>): Observation[] {
  const out = new Map<string, Observation>();
  const keyOf = (p: string, y: number, t: string, s: string) => `${p}|${y}|${t}|${s}`;

  for (const u of data.uitgaven) {
    if (!isProvinceCode(u.provincie) || !isPublished(u)) continue;
    out.set(keyOf(u.provincie, u.jaar, u.taak, u.soort), {
      provincie: u.provincie,
      jaar: u.jaar,
      taak: u.taak,
      soort: u.soort,
      waarde: u.waarde,
      status: u.status,
      bron: u.bron,
      methode: u.methode || `${u.taak} zoals gepubliceerd (${u.vindplaats})`,
      herkomst: [`${u.herkomst.file}:${u.herkomst.line}`],
      rij: u,
    });
  }

  // Mapped lines add up per province, year, task and kind; uitgaven.csv wins where it has the cell.
  const parts = new Map<string, { line: PublishedLineFact; m: LineMapping; amount: Decimal }[]>();
  for (const line of data.lastenBaten) {
    if (line.kant !== 'lasten' || !isProvinceCode(line.provincie) || !isPublished(line)) continue;
    for (const m of mappingFor(data, line)) {
      if (m.taak === 'buiten_scope' || m.waarde.isZero()) continue;
      const k = keyOf(line.provincie, line.jaar, m.taak, line.soort);
      parts.set(k, [...(parts.get(k) ?? []), { line, m, amount: line.waarde.times(m.waarde) }]);
    }
  }
  for (const [k, list] of parts) {
    if (out.has(k)) continue;
    const { line, m } = list[0]!;
    out.set(k, {
      provincie: line.provincie as ProvinceCode,
      jaar: line.jaar,
      taak: m.taak as TaskGroup,
      soort: line.soort,
      waarde: sum(list.map((x) => x.amount)),
      status: weakestStatus(list.map((x) => mappedStatus(x.line, x.m))),
      bron: [...new Set(list.flatMap((x) => [...x.line.bron, ...x.m.bron]))],
      methode: list
        .map(
          (x) =>
            `${x.line.niveau === 'iv3_taakveld' ? 'taakveld' : x.line.niveau}${x.line.code ? ` ${x.line.code}` : ''} '${x.line.naam}' ${mln(x.line.waarde)} (${x.line.soort})` +
            (x.m.waarde.equals(ONE) ? '' : ` × aandeel ${formatNumberNl(x.m.waarde, 4)} (${x.m.methode})`),
        )
        .join(' + '),
      herkomst: list.flatMap((x) => [`${x.line.herkomst.file}:${x.line.herkomst.line}`, `${x.m.herkomst.file}:${x.m.herkomst.line}`]),
    });
  }
  return [...out.values()].sort(
    (a, b) => a.provincie.localeCompare(b.provincie, 'en') || a.jaar - b.jaar || a.taak.localeCompare(b.taak, 'en') || a.soort.localeCompare(b.soort, 'en'),
  );
}

/** Published lines that no mapping takes into the model (for the reconciliation). */
export function unmappedLines(data: Pick<Dataset, 'lastenBaten' | 'indeling'>): PublishedLineFact[] {
  return data.lastenBaten.filter((l) => {
    const m = mappingFor(data, l);
    return m.length === 0 || m.every((x) => x.taak === 'buiten_scope' || x.waarde.isZero());
  });
}

