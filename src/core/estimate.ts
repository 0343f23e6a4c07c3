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
 *    are any, the rest by an indicator of the task. Uitvoering follows the province's share of the
 *    tasks it is a mark-up on (natuurbeheer, verwerving, inrichting).
 *    Raw estimate E_{p,y,k} = N_{k,y} × s_{p,k,y}.
 * 4. **The province's own level** r_{p,k}: from its own figures in the years where it has them,
 *    from the narrowest scope to the widest (a task, `ontwikkeling`, `totaal`):
 *
 *      r_{p,G} = Σ_y (O_{p,y,G} − V_{p,y,known}) / Σ_y Σ_{k∈G open} E_{p,y,k}
 *
 *    over the years with a published figure for scope G (V_known: the tasks of G that already have
 *    a level, observed or estimated with it). Only realised figures set a level (a budget is a plan,
 *    and one year's budget can be a one-off peak). A province without figures of its own takes the pooled ratio
 *    of the provinces that have them (Σ numerators / Σ denominators: a ratio estimator), by task
 *    where some provinces published that task, else from their totals; with no figures anywhere,
 *    r = 1.
 * 5. **Cell**: a task's realised figure, or E_{p,y,k} × its own level; a wider scope (ontwikkeling,
 *    totaal) sets the total of its open tasks: its realised figure in that year, or its level × the
 *    scope's estimate, shared over the open tasks by their estimates. ANLb and herstel (paid-out and
 *    granted amounts, {@link FIXED_IN_TOTALS}) are not scaled by a wider scope. Rounded to whole
 *    cents (ROUND_HALF_EVEN).
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
import { ESTIMATION_INPUTS, EXECUTION_BASE, nationalDuNatuur, nationalIncome, nationalSpending, perYear, type Derived } from './history/national.js';
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
  'niveau.dekking_voor_gemiddelde',
  // The nature part of the AU sets the look-back's natuurpact income after the DU was folded in (see nationalIncome).
  'natuurdeel_au.startjaar',
  'natuurdeel_au.startbedrag',
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

/** A province's own figure: published, computed from published figures (`afgeleid`), or the user's own. */
const isPublished = (f: Fact) => PUBLISHED_STATUSES.includes(f.status) || f.status === 'afgeleid' || f.herkomst.laag === 'eigen';
function published<T extends Fact>(rows: readonly T[]): T[] {
  return rows.filter(isPublished);
}

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

/**
 * A province's level for one scope (a task, `ontwikkeling` or `totaal`): the ratio of what it
 * published to what was estimated, over the years with realised figures, and the tasks it covers
 * (those with an estimate in those years: a programme of 2014-2019 says nothing of Programma Natuur).
 */
interface Level {
  readonly scope: TaskGroup;
  readonly factor: Decimal;
  readonly covered: readonly CostTask[];
  readonly method: string;
  readonly bron: readonly string[];
  /** `eigen`: the province's own figures; `gemiddeld`: the pooled ratio of the provinces with figures. */
  readonly herkomst: 'eigen' | 'gemiddeld';
  readonly num: Decimal;
  readonly den: Decimal;
  readonly provincies: readonly ProvinceCode[];
}

/** The share of the national estimate the provinces with figures must cover before their pooled ratio stands for the others. */
export const POOLING_ASSUMPTION = 'niveau.dekking_voor_gemiddelde';

/**
 * The figures a level may rest on: realised ones only. A budget is a plan, and one year's budget can
 * be a one-off peak; budget figures are compared with the model in the reconciliation instead.
 */
function realisedOnly(list: readonly Observation[]): Observation[] {
  return list.filter((o) => o.soort === 'realisatie');
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
  /** The levels provinces have from their own realised figures (step 4), with the years behind each. */
  readonly niveaus: readonly HistoryLevel[];
}

/**
 * A province's own level for one scope (step 4): r = Σ gepubliceerd / Σ geschat over the years in
 * `jaren`, each year with its published figure and the raw estimate of the tasks the scope covers.
 * How far published figures were from the estimate: the spread of the look-back (`uncertainty/lookback.ts`).
 */
export interface HistoryLevel {
  readonly provincie: ProvinceCode;
  readonly scope: TaskGroup;
  readonly factor: Decimal;
  readonly covered: readonly CostTask[];
  readonly jaren: readonly { readonly jaar: number; readonly gepubliceerd: Decimal; readonly geschat: Decimal }[];
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

/**
 * Lets `derived` (a copy of `base` with other assumptions, as a scenario's parameters make it) share
 * the completed history of `base`, so the estimation step runs once per dataset rather than once
 * per scenario. Only when nothing the estimation step reads differs: every other field is the same
 * and so are the assumptions in {@link HISTORY_ASSUMPTIONS}; otherwise `derived` is completed on its
 * own when it is run. Returns `derived`.
 */
export function shareHistory(base: Dataset, derived: Dataset): Dataset {
  if (derived === base || completed.has(derived)) return derived;
  const keys = new Set([...Object.keys(base), ...Object.keys(derived)] as (keyof Dataset)[]);
  const same = [...keys].every((k) => k === 'aannames' || base[k] === derived[k]);
  const history = (d: Dataset) => HISTORY_ASSUMPTIONS.map((naam) => d.aannames.find((a) => a.naam === naam));
  const baseHistory = history(base);
  if (!same || history(derived).some((a, i) => a !== baseHistory[i])) return derived;
  const done = completeHistory(base);
  completed.set(derived, { ...done, dataset: { ...done.dataset, aannames: derived.aannames } });
  return derived;
}

/**
 * A dataset that differs from `base` only in what the estimation step does not read (macro series,
 * assumptions outside {@link HISTORY_ASSUMPTIONS}), sharing `base`'s completed history, so that
 * running it does not estimate the look-back again. Used to evaluate the model at many values of a
 * projection input (uncertainty). Throws a RangeError when a history assumption differs.
 */
export function withProjectionInputs(base: Dataset, changes: Pick<Partial<Dataset>, 'macro' | 'aannames'>): Dataset {
  if (changes.aannames) {
    const value = (rows: Dataset['aannames'], naam: string) => rows.find((r) => r.naam === naam)?.waarde.toString();
    const changed = HISTORY_ASSUMPTIONS.find((naam) => value(base.aannames, naam) !== value(changes.aannames!, naam));
    if (changed) throw new RangeError(`withProjectionInputs: ${changed} changes the look-back`);
  }
  const derived: Dataset = { ...base, ...changes };
  const done = completeHistory(base);
  completed.set(derived, { ...done, dataset: { ...done.dataset, ...changes } });
  return derived;
}

function completeHistoryUncached(input: Dataset): CompletedHistory {
  const data = withProvincialProgrammaNatuur(withProvincialDuNatuur(input));
  const obs = observations(data);
  const { cells: spending, levels } = estimateSpending(data, obs);
  const income = estimateIncome(data);
  // Cells that are rows of uitgaven.csv are already in the dataset; the others are added.
  const added = spending.filter((u) => !u.rij);
  return {
    dataset: { ...data, uitgaven: [...data.uitgaven, ...added.map(stripBasis)], inkomsten: [...data.inkomsten, ...income] },
    estimates: added.filter((u) => u.status === 'schatting').length + income.length,
    observaties: obs,
    uitgaven: spending.map(stripRow),
    niveaus: levels,
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

/**
 * Tasks whose national amount is what was paid out or granted (ANLb to the collectives, Programma
 * Natuur as a SPUK): a province's published nature total does not scale them; the difference falls on
 * the other tasks. Otherwise the national sum of ANLb would drift from what was paid.
 */
export const FIXED_IN_TOTALS: readonly CostTask[] = ['anlb', 'herstel'];

/** Groups in the order the levels and totals are worked out: single tasks, then wider groups. */
const GROUP_ORDER: readonly TaskGroup[] = [...COST_TASKS, 'ontwikkeling', 'totaal'];
const WIDE_GROUPS: readonly TaskGroup[] = ['ontwikkeling', 'totaal'];

/** Province spending per task and year (steps 1-5 of the method). */
function estimateSpending(data: Dataset, obs: readonly Observation[]): { cells: CellOut[]; levels: HistoryLevel[] } {
  const years = HISTORY_YEARS;
  const national = new Map<CostTask, Map<number, Derived>>(COST_TASKS.map((t) => [t, new Map(years.map((y) => [y, nationalSpending(data, t, y)] as const))] as const));
  const keys = new Map<CostTask, Map<number, YearKey>>();
  for (const t of COST_TASKS) {
    if (t === 'uitvoering') continue;
    const rule = costRule(data, t);
    keys.set(t, new Map(years.map((y) => [y, yearKey(data, rule, y)] as const)));
  }
  const nat = (t: CostTask, y: number) => national.get(t)!.get(y)!;

  // Raw estimate E_{p,y,k}; uitvoering follows the province's share of the tasks it is a mark-up on.
  const rawShare = (p: ProvinceCode, t: CostTask, y: number): Share => {
    if (t !== 'uitvoering') return keys.get(t)!.get(y)!.get(p)!;
    const mine = sum(EXECUTION_BASE.map((k) => nat(k, y).value.times(keys.get(k)!.get(y)!.get(p)!.share)));
    const all = sum(EXECUTION_BASE.map((k) => nat(k, y).value));
    return {
      share: all.isZero() ? ZERO : mine.dividedBy(all),
      method: `aandeel in ${EXECUTION_BASE.join(', ')} ${y}: ${mln(mine)} / ${mln(all)}`,
      bron: [],
      status: 'schatting',
    };
  };
  const raw = (p: ProvinceCode, y: number, t: CostTask) => nat(t, y).value.times(rawShare(p, t, y).share);

  // Step 4: each province's own level per scope, from its realised figures.
  const realisedOf = (p: ProvinceCode) => obs.filter((o) => o.provincie === p && o.soort === 'realisatie');
  const ownLevels = new Map<ProvinceCode, Map<TaskGroup, Level>>();
  const levelYears: HistoryLevel[] = [];
  for (const p of PROVINCE_CODES) {
    const levels = new Map<TaskGroup, Level>();
    for (const g of GROUP_ORDER) {
      const list = realisedOf(p).filter((o) => o.taak === g);
      if (list.length === 0) continue;
      const covered = TASK_GROUPS[g]!.filter((t) => list.some((o) => raw(p, o.jaar, t).greaterThan(ZERO)));
      const num = sum(list.map((o) => o.waarde));
      const den = sum(list.flatMap((o) => covered.map((t) => raw(p, o.jaar, t))));
      if (den.isZero()) continue;
      levelYears.push({
        provincie: p,
        scope: g,
        factor: num.dividedBy(den),
        covered,
        jaren: list.map((o) => ({ jaar: o.jaar, gepubliceerd: o.waarde, geschat: sum(covered.map((t) => raw(p, o.jaar, t))) })),
      });
      levels.set(g, {
        scope: g,
        factor: num.dividedBy(den),
        covered,
        method: `niveau uit eigen cijfers voor ${groupName(g)} ${yearsText(list)}: ${mln(num)} / schatting ${mln(den)} = ${share(num.dividedBy(den))}`,
        bron: [...new Set(list.flatMap((x) => x.bron))],
        herkomst: 'eigen',
        num,
        den,
        provincies: [p],
      });
    }
    ownLevels.set(p, levels);
  }
  const pooled = pooledLevels(data, ownLevels, raw);

  // Step 5: cells. Narrow scopes first: a task's realised figure, or its estimate × its level; then
  // each wider scope sets the total of its open tasks (its realised figure in that year, or its
  // level × the estimate of the scope) and shares it over them by their estimates.
  const out: CellOut[] = [];
  for (const p of PROVINCE_CODES) {
    const mine = realisedOf(p);
    const levelOf = (g: TaskGroup) => ownLevels.get(p)!.get(g) ?? pooled.get(g);
    for (const y of years) {
      const realised = (g: TaskGroup) => mine.find((o) => o.jaar === y && o.taak === g);
      const value = new Map<CostTask, Decimal>();
      const basis = new Map<CostTask, { level?: Level; observation?: Observation; scale?: Decimal }>();
      for (const t of COST_TASKS) {
        const o = realised(t);
        const l = levelOf(t);
        value.set(t, o ? o.waarde : raw(p, y, t).times(l?.factor ?? ONE));
        basis.set(t, o ? { observation: o } : l ? { level: l } : {});
      }
      const done = new Set<CostTask>(COST_TASKS.filter((t) => realised(t) || levelOf(t) || FIXED_IN_TOTALS.includes(t)));
      for (const g of WIDE_GROUPS) {
        const o = realised(g);
        const l = levelOf(g);
        if (!o && !l) continue;
        const scope = o ? TASK_GROUPS[g]! : l!.covered;
        const fixed = scope.filter((t) => done.has(t));
        const open = scope.filter((t) => !done.has(t));
        if (open.length === 0) continue;
        const est = sum(open.map((t) => raw(p, y, t)));
        const fixedValue = sum(fixed.map((t) => value.get(t)!));
        const target = o ? o.waarde.minus(fixedValue) : est.plus(sum(fixed.map((t) => raw(p, y, t)))).times(l!.factor).minus(fixedValue);
        if (o && target.isNegative()) {
          throw new UserError({
            message: `schattingsstap: het gepubliceerde bedrag van ${p} in ${y} voor ${groupName(g)} (${mln(o.waarde)}) is kleiner dan wat daarbinnen al vaststaat (${mln(fixedValue)}); controleer de indeling in iv3-taakvelden.csv en programma-indeling.csv`,
          });
        }
        // Without a figure for the year, the tasks with their own figures can already exceed the
        // scope's level; the open tasks then keep their plain estimate.
        const scale = est.greaterThan(ZERO) && target.greaterThan(ZERO) ? target.dividedBy(est) : ONE;
        for (const t of open) {
          value.set(t, raw(p, y, t).times(scale));
          basis.set(t, o ? { observation: o, scale } : { level: l!, scale });
          done.add(t);
        }
      }
      for (const t of COST_TASKS) {
        const b = basis.get(t)!;
        if (b.observation && b.scale === undefined) {
          out.push(observedCell(b.observation, t));
          continue;
        }
        const n = nat(t, y);
        const s = rawShare(p, t, y);
        const l = b.level;
        const how = b.observation
          ? `; deel van het gepubliceerde bedrag voor ${groupName(b.observation.taak)} ${mln(b.observation.waarde)} (${b.observation.methode}), verdeeld naar de schatting van de open taken (× ${share(b.scale!)})`
          : l
            ? `; ${l.herkomst === 'gemiddeld' ? 'geen eigen cijfers van de provincie; ' : ''}${l.method}${b.scale !== undefined ? `; deel van ${groupName(l.scope)}, verdeeld naar de schatting van de open taken (× ${share(b.scale)})` : ''}`
            : '; geen eigen cijfers van de provincie; niveau van de landelijke schatting';
        out.push({
          provincie: p,
          jaar: y,
          taak: t,
          soort: 'realisatie',
          waarde: cents(value.get(t)!),
          eenheid: 'EUR',
          basiseenheid: 'EUR',
          status: 'schatting',
          bron: [...new Set([...n.bron, ...s.bron, ...(l?.bron ?? []), ...(b.observation?.bron ?? [])])],
          vindplaats: '',
          methode: `landelijk: ${n.method}; × aandeel ${p} ${share(s.share)} (${s.method})${how}`,
          herkomst: ESTIMATE_ORIGIN,
          grondslag: b.observation ? 'totaal_waargenomen' : l?.herkomst === 'eigen' ? 'eigen_niveau' : 'landelijk',
          ...(b.observation ? { observatieStatus: b.observation.status } : {}),
          uitAfspraken: n.grondslag === 'afspraken' || (t === 'uitvoering' && EXECUTION_BASE.some((k) => nat(k, y).grondslag === 'afspraken')),
        });
      }
    }
  }
  return { cells: out, levels: levelYears };
}

/**
 * The pooled level of each scope for provinces without figures of their own (a ratio estimator:
 * Σ published / Σ estimated over the provinces that published for that scope), used only when
 * those provinces cover at least the assumed share (`niveau.dekking_voor_gemiddelde`) of the
 * national estimate of the scope's tasks: otherwise they are no fair sample of the rest (provinces
 * that publish a nature line tend to be those that spend more), and the others keep the level of
 * the national estimate.
 */
function pooledLevels(
  data: Dataset,
  ownLevels: ReadonlyMap<ProvinceCode, ReadonlyMap<TaskGroup, Level>>,
  raw: (p: ProvinceCode, y: number, t: CostTask) => Decimal,
): Map<TaskGroup, Level> {
  const threshold = assumptionValue(data, POOLING_ASSUMPTION);
  const estimateOf = (ps: readonly ProvinceCode[], t: CostTask) => sum(ps.flatMap((p) => HISTORY_YEARS.map((y) => raw(p, y, t))));
  const pooled = new Map<TaskGroup, Level>();
  for (const g of GROUP_ORDER) {
    const own = PROVINCE_CODES.map((p) => ownLevels.get(p)!.get(g)).filter((l): l is Level => l !== undefined);
    if (own.length === 0) continue;
    const covered = TASK_GROUPS[g]!.filter((t) => own.some((l) => l.covered.includes(t)));
    const mine = sum(covered.map((t) => estimateOf(own.filter((l) => l.covered.includes(t)).map((l) => l.provincies[0]!), t)));
    const all = sum(covered.map((t) => estimateOf(PROVINCE_CODES, t)));
    const num = sum(own.map((l) => l.num));
    const den = sum(own.map((l) => l.den));
    if (all.isZero() || den.isZero() || mine.dividedBy(all).lessThan(threshold.waarde)) continue;
    pooled.set(g, {
      scope: g,
      factor: num.dividedBy(den),
      covered,
      method:
        `niveau: gemiddelde verhouding gepubliceerd / geschat van de provincies met eigen cijfers voor ${groupName(g)} (${own.map((l) => l.provincies[0]).join(', ')}; ` +
        `samen ${formatNumberNl(mine.dividedBy(all).times(100), 0)}% van de landelijke schatting, drempel ${formatNumberNl(threshold.waarde.times(100), 0)}% (aanname ${POOLING_ASSUMPTION})): ${mln(num)} / ${mln(den)} = ${share(num.dividedBy(den))}`,
      bron: [...new Set([...own.flatMap((l) => l.bron), ...threshold.bron])],
      herkomst: 'gemiddeld',
      num,
      den,
      provincies: own.map((l) => l.provincies[0]!),
    });
  }
  return pooled;
}

function assumptionValue(data: Dataset, naam: string): Fact {
  const row = data.aannames.find((a) => a.naam === naam);
  if (!row) throw new UserError({ message: `schattingsstap: aanname '${naam}' ontbreekt in aannames.csv; vul het aan of lever eigen cijfers met --data` });
  return row;
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

/**
 * A complete key named `natuurpact` in `sleutels.csv` (all twelve provinces: the real Natuurpact
 * distribution, when a user has it) replaces the estimated key of the DU Natuur.
 */
function userKey(data: Dataset): YearKey | undefined {
  const rows = data.sleutels.filter((k) => k.sleutel === REAL_KEY);
  if (!PROVINCE_CODES.every((p) => rows.some((k) => k.provincie === p))) return undefined;
  return new Map(
    PROVINCE_CODES.map((p) => {
      const k = rows.find((r) => r.provincie === p)!;
      return [p, { share: k.waarde, method: `sleutel '${REAL_KEY}' uit sleutels.csv (${k.herkomst.file}:${k.herkomst.line})`, bron: k.bron, status: k.status }] as const;
    }),
  );
}

/** The name of a complete, real Natuurpact key in `sleutels.csv`. */
export const REAL_KEY = 'natuurpact';

/** Province income per stream and year: published amounts, the rest of the national amount by the stream's key. */
function estimateIncome(data: Dataset): IncomeFact[] {
  const out: IncomeFact[] = [];
  const own = published(data.inkomsten);
  const real = userKey(data);
  for (const stream of ESTIMATED_STREAMS) {
    const rule = incomeRule(data, stream);
    for (const year of HISTORY_YEARS) {
      const national = nationalIncome(data, stream as Stream, year);
      if (!national) continue;
      const known = own.filter((r) => r.jaar === year && r.stroom === stream && r.provincie !== 'NL');
      const knownSum = sum(known.map((r) => r.waarde));
      const open = PROVINCE_CODES.filter((p) => !known.some((r) => r.provincie === p));
      const key = stream === 'natuurpact' && real ? real : yearKey(data, rule, year);
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
  const key = userKey(d) ?? yearKey(d, incomeRule(d, 'natuurpact'), year);
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
