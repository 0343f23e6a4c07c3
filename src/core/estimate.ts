/**
 * The estimation step: a complete province × year × task history of nature spending (2014-2023)
 * and province × year income for the Natuurpact streams, resting on what provinces published
 * wherever they did, each estimated value with status `schatting`, its method in words (with the
 * numbers in it) and the source ids it used. Costs and income are estimated separately, from
 * separate evidence: no key spreads both.
 *
 * Spending of province p on task k in year y (the README repeats this):
 *
 * 1. **Observed** (`history/observed.ts`): `uitgaven.csv` rows and the lasten of `lasten-baten.csv`
 *    mapped to tasks. An observed realisatie of a task is the cell itself; it is never changed.
 * 2. **National amount per task** N_{k,y} (`history/national.ts`), with what it rests on: a paid-out
 *    series (ANLb, faunaschade), the agreements about the money (natuurbeheer, verwerving,
 *    inrichting, herstel: "uit afspraken afgeleid", so spending and income are not independent
 *    there), or an assumption (uitvoering).
 * 3. **Task key** s_{p,k,y} (`history/keys.ts`): the province's own published amounts where there
 *    are any, the rest by an indicator of the task. Uitvoering follows the province's other tasks.
 *    Raw estimate E_{p,y,k} = N_{k,y} × s_{p,k,y}.
 * 4. **The province's own level** r_{p,k}: from its own figures in the years where it has them,
 *    from the narrowest scope to the widest (a task, `ontwikkeling`, `totaal`):
 *
 *      r_{p,G} = Σ_y (O_{p,y,G} − V_{p,y,known}) / Σ_y Σ_{k∈G open} E_{p,y,k}
 *
 *    over the years with a published figure for scope G (V_known: the tasks of G that already have
 *    a level, observed or estimated with it). Realisaties are used where the province has any for
 *    that scope, else budget figures. A province without figures of its own takes the pooled ratio
 *    of the provinces that have them (Σ numerators / Σ denominators: a ratio estimator), by task
 *    where some provinces published that task, else from their totals; with no figures anywhere,
 *    r = 1.
 * 5. **Cell**: r_{p,k} × E_{p,y,k}; in a year with a realised total the open tasks are scaled so
 *    that the tasks add up to that total exactly. Rounded to whole cents (ROUND_HALF_EVEN).
 *
 * Income of province p from stream s in year y: published amounts are the cell (a province's own
 * DU Natuur, Programma Natuur per province spread over its years); the national amount minus
 * those is shared over the other provinces by the stream's income key (`history/keys.ts`).
 *
 * Every estimated spending cell records its `grondslag` (see {@link HistoryBasis}) and whether its
 * national figure was inferred from the agreements, so reports can say how much of the look-back
 * is observed.
 */
import { COST_TASKS } from './dataset.js';
import { TASK_GROUPS } from './dataset.js';
import type { CostTask, Dataset, Fact, IncomeFact, KeyShare, Origin, SpendingFact, Stream, TaskGroup } from './dataset.js';
import { Decimal, ONE, ZERO, cents, sum } from './decimal.js';
import { UserError } from './errors.js';
import { formatMlnText, formatNumberNl } from './format.js';
import { PROVINCE_CODES, type ProvinceCode } from './provinces.js';
import { PUBLISHED_STATUSES, weakestStatus, type Status } from './status.js';
import { observations, type Observation } from './history/observed.js';
import { ESTIMATION_INPUTS, nationalDuNatuur, nationalIncome, nationalSpending, perYear, type Derived } from './history/national.js';
import {
  COST_KEY_INDICATOR,
  driverAmounts,
  incomeAmounts,
  INCOME_KEY_INDICATOR,
  yearKey,
  type KeyRule,
  type Share,
  type YearKey,
} from './history/keys.js';

export { ESTIMATION_INPUTS, nationalDuNatuur, nationalIncome, nationalSpending } from './history/national.js';
export { observations, unmappedLines, mappingFor, type Observation } from './history/observed.js';

export const HISTORY_FIRST_YEAR = 2014;
export const HISTORY_LAST_YEAR = 2023;
export const HISTORY_YEARS: readonly number[] = Array.from(
  { length: HISTORY_LAST_YEAR - HISTORY_FIRST_YEAR + 1 },
  (_, i) => HISTORY_FIRST_YEAR + i,
);

const LOOK_BACK = { van: HISTORY_FIRST_YEAR, tot: HISTORY_LAST_YEAR } as const;

/** The seven tasks with their own cost line (not `totaal`). */
export { COST_TASKS };

/** Assumptions the estimation step uses: changing them changes the history. */
export const HISTORY_ASSUMPTIONS: readonly string[] = [
  ESTIMATION_INPUTS.shareAcquisition,
  ESTIMATION_INPUTS.shareExecution,
  ESTIMATION_INPUTS.restorationBefore,
];

/**
 * What a spending cell of the look-back rests on:
 * - `waargenomen`: the cell itself is a published figure;
 * - `totaal_waargenomen`: the province's total for the year is published; the split over the
 *   tasks is estimated;
 * - `eigen_niveau`: no figure for this year, but the level comes from the province's own figures
 *   of other years;
 * - `landelijk`: a national amount shared by a key; nothing of the province's own.
 */
export type HistoryBasis = 'waargenomen' | 'totaal_waargenomen' | 'eigen_niveau' | 'landelijk';

/** An estimated (or mapped) spending cell with what it rests on. */
export interface HistorySpending extends SpendingFact {
  readonly grondslag: HistoryBasis;
  /** The national figure behind the estimate was inferred from the agreements about the money. */
  readonly uitAfspraken: boolean;
  /**
   * For `waargenomen` and `totaal_waargenomen`: the status of the published figure as the model
   * took it (`schatting` when the nature share of a wider programme was assumed).
   */
  readonly observatieStatus?: Status;
}

const ESTIMATE_ORIGIN: Origin = { file: 'schattingsstap', line: 0, laag: 'schatting' };
const mln = (euros: Decimal) => formatMlnText(euros);
const share = (s: Decimal) => formatNumberNl(s, 6);

function published<T extends Fact>(rows: readonly T[]): T[] {
  return rows.filter((r) => PUBLISHED_STATUSES.includes(r.status) || r.herkomst.laag === 'eigen');
}
const isPublished = (f: Fact) => PUBLISHED_STATUSES.includes(f.status) || f.herkomst.laag === 'eigen';

/** The key rule of a cost task (not uitvoering, which follows the other tasks). */
function costRule(data: Dataset, task: Exclude<CostTask, 'uitvoering'>): KeyRule {
  const spec = COST_KEY_INDICATOR[task];
  const national = (y: number) => nationalSpending(data, task, y).value;
  switch (task) {
    case 'anlb':
      return { label: 'het uitbetaalde ANLb', amounts: driverAmounts(data, ESTIMATION_INPUTS.anlb, LOOK_BACK), national, ...spec };
    case 'soorten':
      return { label: 'de uitbetaalde faunaschade', amounts: driverAmounts(data, ESTIMATION_INPUTS.faunaschade, LOOK_BACK), national, ...spec };
    case 'herstel':
      return {
        label: 'Programma Natuur',
        amounts: incomeAmounts(data, 'programma_natuur', isPublished, LOOK_BACK),
        national: (y) => nationalIncome(data, 'programma_natuur', y)?.value,
        ...spec,
      };
    default:
      return { label: task, amounts: new Map(), national, ...spec };
  }
}

function incomeRule(data: Dataset, stream: keyof typeof INCOME_KEY_INDICATOR): KeyRule {
  const spec = INCOME_KEY_INDICATOR[stream];
  return {
    label: stream === 'natuurpact' ? 'de DU Natuur' : stream === 'programma_natuur' ? 'Programma Natuur' : stream,
    amounts: incomeAmounts(data, stream, isPublished, LOOK_BACK),
    national: (y) => nationalIncome(data, stream, y)?.value,
    ...spec,
  };
}

/** The level factor of one province and task, with how it was found. */
interface Level {
  readonly factor: Decimal;
  readonly method: string;
  readonly bron: readonly string[];
  /** `eigen`: from the province's own figures; `gemiddeld`: the pooled ratio of the provinces with figures. */
  readonly herkomst: 'eigen' | 'gemiddeld' | 'geen';
  /** The ratio's parts, for pooling: observed (minus what was known) and estimated. */
  readonly num: Decimal;
  readonly den: Decimal;
  /** The scope the figures covered: one task, or a group. */
  readonly scope: TaskGroup;
  readonly soort: Observation['soort'];
}

const NO_LEVEL: Level = { factor: ONE, method: '', bron: [], herkomst: 'geen', num: ZERO, den: ZERO, scope: 'totaal', soort: 'realisatie' };

/**
 * The pooled level of a task for provinces without figures of their own (a ratio estimator):
 * Σ observed / Σ estimated over the provinces whose level for that task came from figures of that
 * task alone, else from wider totals; realised figures where any province has them.
 */
function pooledLevel(own: ReadonlyMap<ProvinceCode, ReadonlyMap<CostTask, Level>>, t: CostTask): Level | undefined {
  const levels = [...new Set([...own.values()].map((m) => m.get(t)).filter((l): l is Level => l !== undefined && l.herkomst === 'eigen'))];
  const narrow = levels.filter((l) => l.scope === t);
  const pool = narrow.length > 0 ? narrow : levels;
  const real = pool.filter((l) => l.soort === 'realisatie');
  const used = real.length > 0 ? real : pool;
  const den = sum(used.map((l) => l.den));
  if (used.length === 0 || den.isZero()) return undefined;
  const num = sum(used.map((l) => l.num));
  const provinces = [...own.entries()].filter(([, m]) => used.includes(m.get(t)!)).map(([p]) => p);
  return {
    factor: num.dividedBy(den),
    method: `niveau: gemiddelde verhouding waargenomen / geschat van de provincies met eigen cijfers${narrow.length > 0 ? ` voor ${t}` : ''} (${provinces.join(', ')}; ${used[0]!.soort}): ${mln(num)} / ${mln(den)} = ${share(num.dividedBy(den))}`,
    bron: [...new Set(used.flatMap((l) => l.bron))],
    herkomst: 'gemiddeld',
    num,
    den,
    scope: narrow.length > 0 ? t : 'totaal',
    soort: used[0]!.soort,
  };
}

/** Prefer realised figures; budget figures only where a scope has no realisatie at all. */
function preferRealised(list: readonly Observation[]): Observation[] {
  const real = list.filter((o) => o.soort === 'realisatie');
  return real.length > 0 ? real : [...list];
}

function yearsText(list: readonly Observation[]): string {
  const years = [...new Set(list.map((o) => o.jaar))].sort((a, b) => a - b);
  return `${years.join(', ')} (${list[0]!.soort})`;
}

/**
 * The dataset with the history completed by estimates (spending and income added with status
 * `schatting`), how many values were added, and the observations the history rests on.
 */
export interface CompletedHistory {
  readonly dataset: Dataset;
  readonly estimates: number;
  readonly observaties: readonly Observation[];
  /** Every spending cell of the look-back (published or estimated), with what it rests on. */
  readonly uitgaven: readonly HistorySpending[];
}

const completed = new WeakMap<Dataset, CompletedHistory>();

export function completeHistory(input: Dataset): CompletedHistory {
  // A dataset is immutable once loaded, so its completion is computed once.
  const cached = completed.get(input);
  if (cached) return cached;
  const result = completeHistoryUncached(input);
  completed.set(input, result);
  return result;
}

function completeHistoryUncached(input: Dataset): CompletedHistory {
  const data = withProvincialProgrammaNatuur(withProvincialDuNatuur(input));
  const obs = observations(data);
  const spending = estimateSpending(data, obs);
  const income = estimateIncome(data);
  // Cells that are rows of uitgaven.csv are already in the dataset; the others are added.
  const added = spending.filter((u) => !u.rij);
  return {
    dataset: { ...data, uitgaven: [...data.uitgaven, ...added.map(stripBasis)], inkomsten: [...data.inkomsten, ...income] },
    estimates: added.filter((u) => u.status === 'schatting').length + income.length,
    observaties: obs,
    uitgaven: spending.map(stripRow),
  };
}

type CellOut = HistorySpending & { readonly rij?: SpendingFact };

function stripBasis(u: CellOut): SpendingFact {
  const { grondslag: _g, uitAfspraken: _a, rij: _r, ...fact } = u;
  return fact;
}

function stripRow(u: CellOut): HistorySpending {
  const { rij: _r, ...cell } = u;
  return cell;
}

/** Groups in the order the levels and totals are worked out: single tasks, then wider groups. */
const GROUP_ORDER: readonly TaskGroup[] = [...COST_TASKS, 'ontwikkeling', 'totaal'];

/** Province spending per task and year (steps 1-5 of the method). */
function estimateSpending(data: Dataset, obs: readonly Observation[]): CellOut[] {
  const years = HISTORY_YEARS;
  const national = new Map<CostTask, Map<number, Derived>>(COST_TASKS.map((t) => [t, new Map(years.map((y) => [y, nationalSpending(data, t, y)] as const))] as const));
  const keys = new Map<CostTask, Map<number, YearKey>>();
  for (const t of COST_TASKS) {
    if (t === 'uitvoering') continue;
    const rule = costRule(data, t);
    keys.set(t, new Map(years.map((y) => [y, yearKey(data, rule, y)] as const)));
  }
  const nat = (t: CostTask, y: number) => national.get(t)!.get(y)!;

  // Raw estimate E_{p,y,k}; uitvoering follows the province's share of the other tasks.
  const rawShare = (p: ProvinceCode, t: CostTask, y: number): Share => {
    if (t !== 'uitvoering') return keys.get(t)!.get(y)!.get(p)!;
    const others = COST_TASKS.filter((k) => k !== 'uitvoering');
    const mine = sum(others.map((k) => nat(k, y).value.times(keys.get(k)!.get(y)!.get(p)!.share)));
    const all = sum(others.map((k) => nat(k, y).value));
    return {
      share: all.isZero() ? ZERO : mine.dividedBy(all),
      method: `aandeel in de overige taken ${y}: ${mln(mine)} / ${mln(all)}`,
      bron: [],
      status: 'schatting',
    };
  };
  const raw = (p: ProvinceCode, y: number, t: CostTask) => nat(t, y).value.times(rawShare(p, t, y).share);

  // Step 4: each province's own levels, from the narrowest observed scope to the widest.
  const ownLevels = new Map<ProvinceCode, Map<CostTask, Level>>();
  for (const p of PROVINCE_CODES) {
    const mine = obs.filter((o) => o.provincie === p);
    const realised = (y: number, g: TaskGroup) => mine.find((o) => o.jaar === y && o.taak === g && o.soort === 'realisatie');
    const levels = new Map<CostTask, Level>();
    for (const g of GROUP_ORDER) {
      const list = preferRealised(mine.filter((o) => o.taak === g));
      if (list.length === 0) continue;
      const members = TASK_GROUPS[g]!;
      const rest = members.filter((t) => !levels.has(t));
      if (rest.length === 0) continue;
      const known = (y: number, t: CostTask, soort: Observation['soort']) =>
        (soort === 'realisatie' ? realised(y, t)?.waarde : undefined) ?? raw(p, y, t).times(levels.get(t)!.factor);
      const num = sum(list.map((o) => o.waarde.minus(sum(members.filter((t) => levels.has(t)).map((t) => known(o.jaar, t, o.soort))))));
      const den = sum(list.flatMap((o) => rest.map((t) => raw(p, o.jaar, t))));
      if (num.isNegative()) {
        throw new UserError({
          message: `schattingsstap: wat ${p} publiceerde voor ${groupName(g)} (${yearsText(list)}) is kleiner dan wat zij per taak daarbinnen publiceerde; controleer de indeling in iv3-taakvelden.csv en programma-indeling.csv`,
        });
      }
      if (den.isZero()) continue;
      const level: Level = {
        factor: num.dividedBy(den),
        method: `niveau uit eigen cijfers voor ${groupName(g)} ${yearsText(list)}: ${mln(num)} / schatting ${mln(den)} = ${share(num.dividedBy(den))}`,
        bron: [...new Set(list.flatMap((x) => x.bron))],
        herkomst: 'eigen',
        num,
        den,
        scope: g,
        soort: list[0]!.soort,
      };
      for (const t of rest) levels.set(t, level);
    }
    ownLevels.set(p, levels);
  }
  const pooled = new Map(COST_TASKS.map((t) => [t, pooledLevel(ownLevels, t)] as const));

  const out: CellOut[] = [];
  for (const p of PROVINCE_CODES) {
    const mine = obs.filter((o) => o.provincie === p);
    const realised = (y: number, g: TaskGroup) => mine.find((o) => o.jaar === y && o.taak === g && o.soort === 'realisatie');
    const levels = new Map(COST_TASKS.map((t) => [t, ownLevels.get(p)!.get(t) ?? pooled.get(t) ?? NO_LEVEL] as const));

    // Step 5: cells; realised task figures are fixed, realised group totals scale their open tasks.
    for (const y of years) {
      const value = new Map<CostTask, Decimal>();
      const locked = new Map<CostTask, { observation: Observation; scale: Decimal }>();
      for (const t of COST_TASKS) {
        const o = realised(y, t);
        value.set(t, o ? o.waarde : raw(p, y, t).times(levels.get(t)!.factor));
      }
      const fixed = new Set(COST_TASKS.filter((t) => realised(y, t)));
      for (const g of GROUP_ORDER.filter((x) => TASK_GROUPS[x]!.length > 1)) {
        const o = realised(y, g);
        if (!o) continue;
        const members = TASK_GROUPS[g]!;
        const done = members.filter((t) => fixed.has(t) || locked.has(t));
        const open = members.filter((t) => !fixed.has(t) && !locked.has(t));
        const target = o.waarde.minus(sum(done.map((t) => value.get(t)!)));
        if (target.isNegative()) {
          throw new UserError({
            message: `schattingsstap: het gepubliceerde bedrag van ${p} in ${y} voor ${groupName(g)} (${mln(o.waarde)}) is kleiner dan de som van wat daarbinnen al vaststaat (${mln(o.waarde.minus(target))})`,
          });
        }
        const est = sum(open.map((t) => value.get(t)!));
        const scale = est.greaterThan(ZERO) ? target.dividedBy(est) : ONE;
        for (const t of open) {
          value.set(t, value.get(t)!.times(scale));
          locked.set(t, { observation: o, scale });
        }
      }
      for (const t of COST_TASKS) {
        const o = realised(y, t);
        if (o) {
          out.push(observedCell(o, t));
          continue;
        }
        const n = nat(t, y);
        const s = rawShare(p, t, y);
        const level = levels.get(t)!;
        const lock = locked.get(t);
        out.push({
          provincie: p,
          jaar: y,
          taak: t,
          soort: 'realisatie',
          waarde: cents(value.get(t)!),
          eenheid: 'EUR',
          basiseenheid: 'EUR',
          status: 'schatting',
          bron: [...new Set([...n.bron, ...s.bron, ...level.bron, ...(lock ? lock.observation.bron : [])])],
          vindplaats: '',
          methode:
            `landelijk: ${n.method}; × aandeel ${p} ${share(s.share)} (${s.method})` +
            (level.herkomst === 'eigen' ? `; × ${level.method}` : level.herkomst === 'gemiddeld' ? `; geen eigen cijfers van de provincie; × ${level.method}` : '; geen eigen cijfers van de provincie of andere provincies') +
            (lock
              ? `; geschaald met ${share(lock.scale)} zodat de taken optellen tot het gepubliceerde bedrag voor ${groupName(lock.observation.taak)} ${mln(lock.observation.waarde)} (${lock.observation.methode})`
              : ''),
          herkomst: ESTIMATE_ORIGIN,
          grondslag: lock ? 'totaal_waargenomen' : level.herkomst === 'eigen' ? 'eigen_niveau' : 'landelijk',
          ...(lock ? { observatieStatus: lock.observation.status } : {}),
          uitAfspraken: n.grondslag === 'afspraken' || (t === 'uitvoering' && COST_TASKS.some((k) => k !== 'uitvoering' && nat(k, y).grondslag === 'afspraken')),
        });
      }
    }
  }
  return out;
}

/** Dutch name of a task group in messages. */
function groupName(g: TaskGroup): string {
  return g === 'totaal' ? 'alle natuurtaken' : g === 'ontwikkeling' ? 'verwerving en inrichting' : g;
}

/** A published task figure as a cell: the uitgaven.csv row itself, or the mapped lines. */
function observedCell(o: Observation, t: CostTask): CellOut {
  if (o.rij) return { ...o.rij, grondslag: 'waargenomen', uitAfspraken: false, observatieStatus: o.status, rij: o.rij };
  const [file, line] = (o.herkomst[0] ?? 'lasten-baten.csv:0').split(':');
  return {
    provincie: o.provincie,
    jaar: o.jaar,
    taak: t,
    soort: 'realisatie',
    waarde: o.waarde,
    eenheid: 'EUR',
    basiseenheid: 'EUR',
    status: o.status,
    bron: o.bron,
    vindplaats: o.herkomst.join(', '),
    methode: o.methode,
    herkomst: { file: file!, line: Number(line), laag: 'meegeleverd' },
    grondslag: 'waargenomen',
    uitAfspraken: false,
    observatieStatus: o.status,
  };
}

const ESTIMATED_STREAMS = ['natuurpact', 'eu', 'programma_natuur', 'eigen_middelen'] as const;

/** Province income per stream and year: published amounts, the rest of the national amount by the stream's key. */
function estimateIncome(data: Dataset): IncomeFact[] {
  const out: IncomeFact[] = [];
  const own = published(data.inkomsten);
  for (const stream of ESTIMATED_STREAMS) {
    const rule = incomeRule(data, stream);
    for (const year of HISTORY_YEARS) {
      const national = nationalIncome(data, stream as Stream, year);
      if (!national) continue;
      const known = own.filter((r) => r.jaar === year && r.stroom === stream && r.provincie !== 'NL');
      const knownSum = sum(known.map((r) => r.waarde));
      const open = PROVINCE_CODES.filter((p) => !known.some((r) => r.provincie === p));
      const key = yearKey(data, rule, year);
      const openShare = sum(open.map((p) => key.get(p)!.share));
      const rest = national.value.minus(knownSum);
      for (const p of open) {
        const s = key.get(p)!;
        const part = openShare.isZero() ? ZERO : s.share.dividedBy(openShare);
        out.push({
          provincie: p,
          jaar: year,
          stroom: stream,
          waarde: cents(rest.times(part)),
          eenheid: 'EUR',
          basiseenheid: 'EUR',
          status: 'schatting',
          bron: [...new Set([...national.bron, ...s.bron, ...known.flatMap((k) => k.bron)])],
          vindplaats: '',
          methode:
            `landelijk: ${national.method}` +
            (known.length > 0 ? `; min door provincies gepubliceerd ${mln(knownSum)}` : '') +
            `; × aandeel ${p} ${share(part)} (${s.method}${known.length > 0 ? '; herschaald over de provincies zonder eigen cijfer' : ''})`,
          herkomst: ESTIMATE_ORIGIN,
        });
      }
    }
  }
  return out;
}

/**
 * The key that shares new money where a stream has no base: the distribution of the status quo
 * nature money (income key of the DU Natuur) in a year.
 */
export function fallbackKey(data: Dataset, year: number = HISTORY_LAST_YEAR): KeyShare[] {
  const d = withProvincialDuNatuur(data);
  const key = yearKey(d, incomeRule(d, 'natuurpact'), year);
  return PROVINCE_CODES.map((p) => {
    const s = key.get(p)!;
    return {
      sleutel: 'inkomstensleutel.natuurpact',
      provincie: p,
      waarde: s.share,
      eenheid: 'fractie',
      basiseenheid: 'fractie',
      status: weakestStatus([s.status, 'schatting']),
      bron: s.bron,
      vindplaats: '',
      methode: s.method,
      herkomst: ESTIMATE_ORIGIN,
    };
  });
}

/**
 * A province's own DU Natuur (in `provinciefonds.csv`) is published income on the `natuurpact`
 * stream: it is added to the income rows, with its own status and origin, unless the income file
 * already has that province and year.
 */
function withProvincialDuNatuur(data: Dataset): Dataset {
  const extra: IncomeFact[] = [];
  for (const r of data.provinciefonds) {
    if (r.post !== ESTIMATION_INPUTS.duNatuur || r.provincie === 'NL' || r.jaar < HISTORY_FIRST_YEAR || r.jaar > HISTORY_LAST_YEAR) continue;
    const taken = [...data.inkomsten, ...extra].some((i) => i.provincie === r.provincie && i.jaar === r.jaar && i.stroom === 'natuurpact');
    if (taken) continue;
    const { post: _post, publicatie, ...fact } = r;
    extra.push({ ...fact, stroom: 'natuurpact', methode: fact.methode || `DU Natuur van de provincie (${publicatie})` });
  }
  return extra.length > 0 ? { ...data, inkomsten: [...data.inkomsten, ...extra] } : data;
}

/**
 * A province's own Programma Natuur amount for a phase (in `natuurpact.csv`) is income on the
 * `programma_natuur` stream in each year of the phase within the look-back, spread evenly when it
 * is a total (status `afgeleid` then, rounded to whole cents), unless the income file already has that province and year.
 */
function withProvincialProgrammaNatuur(data: Dataset): Dataset {
  const extra: IncomeFact[] = [];
  for (const r of data.natuurpact) {
    if (r.onderdeel !== ESTIMATION_INPUTS.programmaNatuurFase1 || r.provincie === 'NL' || !isPublished(r)) continue;
    for (let y = Math.max(r.van, HISTORY_FIRST_YEAR); y <= Math.min(r.tot, HISTORY_LAST_YEAR); y++) {
      const taken = [...data.inkomsten, ...extra].some((i) => i.provincie === r.provincie && i.jaar === y && i.stroom === 'programma_natuur');
      if (taken) continue;
      const spread = r.grondslag === 'totaal' && r.tot > r.van;
      extra.push({
        provincie: r.provincie,
        jaar: y,
        stroom: 'programma_natuur',
        waarde: cents(perYear(r)),
        eenheid: 'EUR',
        basiseenheid: 'EUR',
        status: spread ? 'afgeleid' : r.status,
        bron: r.bron,
        vindplaats: r.vindplaats,
        methode: spread ? `${r.onderdeel} van de provincie ${mln(r.waarde)} over ${r.van}-${r.tot} gelijk verdeeld${r.methode ? ` (${r.methode})` : ''}` : r.methode,
        herkomst: r.herkomst,
      });
    }
  }
  return extra.length > 0 ? { ...data, inkomsten: [...data.inkomsten, ...extra] } : data;
}
