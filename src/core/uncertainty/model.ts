/**
 * The fast path for the Monte Carlo: the exact model compiled into arrays (`compileFast`) at the
 * central values, and at fixed nodes of each uncertain input, so that a draw is plain float
 * arithmetic. Approximate by design; tied to the exact path by tests (to the cent at the central
 * values, at the nodes and at a pair's corners; within a stated bound between them).
 *
 * A draw x (one value per input, x0 = central, Δ_j = x_j − x0_j) gives, per province p, task k,
 * stream s, year t:
 *
 *   base'_{p,k}   = base_{p,k} · exp(Σ_j λ_{j,p,k} z_j) · Π_j F_j(Δ_j) · Π_{i<j} exp(ρ_ij)
 *   price'_{k,t}, volume'_{k,t}, dev'_{p,t}, income'_{p,s,t}: the same products of effects (no λ)
 *   kosten_{p,t}    = Σ_k round₂(base'_{p,k} · price'_{k,t} · volume'_{k,t}) + dev'_{p,t}
 *   inkomsten_{p,t} = Σ_s income'_{p,s,t}
 *
 * - Look-back inputs act through their loadings λ (`lookback.ts`), exactly.
 * - Every other input: the exact model is run at three nodes besides x0 (`nodesOf`), and each array
 *   element that moves gets the cubic q_j(Δ) = a Δ + b Δ² + c Δ³ through its change there, as a
 *   factor F = 1 + q or e^q, whichever fits better (`EffectMode`); an element that is 0 at x0 gets
 *   q added instead.
 * - Two inputs that move the same element are run together at their upper nodes; the part their
 *   single effects do not explain is ρ_ij = Δi Δj (g0 + g1 Δi + g2 Δj) (in log, or added), with
 *   g1 = g2 = 0 when it is small (PAIR_CURVATURE), else fitted through two more corners (both
 *   lower nodes; upper and lower).
 * - round₂: whole cents, half to even, as the exact path rounds. A cell exactly on a half cent is
 *   the one place floats cannot follow the exact path (its 40 digits decide the tie): a cell no
 *   input moved takes its exact central value, so the central values give the exact path to the
 *   cent; a moved cell on a tie can differ by one cent.
 *
 * So the fast path is exact for one input at its nodes and for a pair at its corners; between them,
 * and for three or more inputs on one element, it is an approximation (tests/uncertainty-model.test.ts
 * measures it).
 *
 * With a construction, `inkomsten.natuurpact` is replaced from its start year by the construction's
 * money (`constructionYear`), as `compareConstructions` does. A construction whose key follows
 * modelled costs keeps its central key under the look-back inputs (an approximation, documented).
 *
 * Speed: a node of an input that leaves the look-back alone needs only the compiled plan
 * (`compilePlan`), not a whole run; its income cells are made as `runScenario` makes them (a
 * province's published amount, else national × share in whole cents + developments). The compiler
 * checks that this gives the run's cells at the central values, and runs the whole model at every
 * node when it does not (or when a construction or a look-back assumption needs the run).
 */
import { constructionYear } from '../constructions/construction.js';
import type { Dataset, IncomeFact } from '../dataset.js';
import { cents, sum } from '../decimal.js';
import { completeHistory } from '../estimate.js';
import { compileFast, compilePlanArrays } from '../model/fast.js';
import { COST_TASKS, INCOME_STREAMS, type IncomeStream } from '../model/lines.js';
import { compilePlan, developmentIncome } from '../model/plan.js';
import { runScenario, type ModelResult } from '../model/run.js';
import { PROVINCE_CODES } from '../provinces.js';
import { applyInputs, type ModelInstance } from './apply.js';
import { quantile } from './distribution.js';
import type { InputCatalogue, UncertainInput } from './inputs.js';

export const FAMILIES = ['base', 'price', 'volume', 'dev', 'income'] as const;
export type Family = (typeof FAMILIES)[number];
/** Node quantiles of an unbounded distribution. */
export const NODE_QUANTILES = [0.005, 0.995] as const;

/**
 * How an input moves an element with q(Δ) = a Δ + b Δ² + c Δ³: `add` adds q (elements that are 0 at
 * the central values), `scale` multiplies by 1 + q, `log` by exp(q). The cubic goes through the
 * element's change at the three nodes. Of `scale` and `log` the compiler takes the one whose
 * quadratic through the outer nodes predicts the middle node better: a linear effect (an amount) is
 * exact as `scale`, a compounding one (an index over years) nearly so as `log`.
 */
export type EffectMode = 'add' | 'scale' | 'log';

export interface Effect {
  readonly input: number;
  readonly family: Family;
  readonly mode: EffectMode;
  readonly index: Int32Array;
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly c: Float64Array;
}

/** A joint effect of two inputs: ρ = Δi Δj (g0 + g1 Δi + g2 Δj), as a factor e^ρ (`log`) or added (`add`). */
export interface PairEffect {
  readonly i: number;
  readonly j: number;
  readonly family: Family;
  readonly mode: 'log' | 'add';
  readonly index: Int32Array;
  readonly g0: Float64Array;
  readonly g1: Float64Array;
  readonly g2: Float64Array;
}

/** The 3 × 3 linear system m g = y, by Cramer's rule (the corners are never collinear). */
function solve3(m: number[][], y: number[]): [number, number, number] {
  const det = (a: number[][]) =>
    a[0]![0]! * (a[1]![1]! * a[2]![2]! - a[1]![2]! * a[2]![1]!) - a[0]![1]! * (a[1]![0]! * a[2]![2]! - a[1]![2]! * a[2]![0]!) + a[0]![2]! * (a[1]![0]! * a[2]![1]! - a[1]![1]! * a[2]![0]!);
  const d = det(m);
  const column = (k: number) => det(m.map((row, r) => row.map((v, c) => (c === k ? y[r]! : v))));
  return [column(0) / d, column(1) / d, column(2) / d];
}

export interface Snapshot {
  readonly base: Float64Array;
  readonly price: Float64Array;
  readonly volume: Float64Array;
  readonly dev: Float64Array;
  readonly income: Float64Array;
}

export interface UncertaintyModel {
  readonly years: readonly number[];
  readonly provinces: number;
  readonly tasks: number;
  readonly streams: readonly string[];
  readonly inputs: readonly UncertainInput[];
  readonly central: Snapshot;
  /**
   * The exact central driver cells cents(base × P × V) per [(p × tasks + k) × years + t], and the
   * float product they stand for: a cell no input moved takes its exact value, so the central
   * values give the exact path to the cent even where the product lies on a half cent.
   */
  readonly centralCells: Float64Array;
  readonly centralProducts: Float64Array;
  readonly centralValues: Float64Array;
  readonly lookback: readonly { readonly input: number; readonly loadings: Float64Array }[];
  readonly effects: readonly Effect[];
  readonly pairs: readonly PairEffect[];
  /** How many exact runs the compilation took. */
  readonly runs: number;
}

/** The arrays of one exact run. */
export function snapshot(result: ModelResult, construction?: ModelInstance['construction']): Snapshot {
  const fast = compileFast(result);
  const years = fast.years;
  const Y = years.length;
  const streams = streamsOf(construction);
  const S = streams.length;
  const income = new Float64Array(PROVINCE_CODES.length * S * Y);
  const cy = construction ? years.map((y) => (y >= construction.start ? constructionYear(construction, result, y) : undefined)) : [];
  PROVINCE_CODES.forEach((p, pi) => {
    years.forEach((y, ti) => {
      INCOME_STREAMS.forEach((s, si) => {
        const replaced = s === 'natuurpact' && cy[ti] !== undefined;
        income[(pi * S + si) * Y + ti] = replaced ? 0 : result.cell(p, y, `inkomsten.${s}`).bedrag_eur.toNumber();
      });
      if (construction) income[(pi * S + S - 1) * Y + ti] = cy[ti]?.inkomsten.get(p)!.toNumber() ?? 0;
    });
  });
  return { base: fast.base, price: fast.price, volume: fast.volume, dev: fast.dev, income };
}

export function streamsOf(construction?: ModelInstance['construction']): readonly string[] {
  return construction ? [...INCOME_STREAMS, 'constructie'] : INCOME_STREAMS;
}

/**
 * The three nodes of an input besides its central value x0, distinct from it and from each other:
 * low and high (the 0.5% and 99.5% quantiles, or the bounds), and halfway from x0 to the farther of
 * the two (a quarter of the way when halfway is taken).
 */
export function nodesOf(input: UncertainInput): [number, number, number] {
  const d = input.verdeling;
  const x0 = input.centraal;
  let lo = d.soort === 'uniform' || d.soort === 'driehoek' ? d.laag : quantile(d, NODE_QUANTILES[0]);
  let hi = d.soort === 'uniform' || d.soort === 'driehoek' ? d.hoog : quantile(d, NODE_QUANTILES[1]);
  const scale = 1e-12 * Math.max(1, Math.abs(x0));
  const same = (x: number, y: number) => Math.abs(x - y) <= scale;
  if (same(hi, x0)) hi = (lo + x0) / 2;
  if (same(lo, x0)) lo = (hi + x0) / 2;
  const far = Math.abs(hi - x0) >= Math.abs(lo - x0) ? hi : lo;
  let mid = (x0 + far) / 2;
  if (same(mid, lo) || same(mid, hi)) mid = x0 + (far - x0) / 4;
  return [lo, hi, mid];
}

/** Runs the exact model for an instance (exposed so that tests and benchmarks can count runs). */
export type ExactRunner = (instance: ModelInstance) => ModelResult;
export const runExact: ExactRunner = (i) => runScenario(i.scenario, i.data);

const familyArrays = (s: Snapshot): Record<Family, Float64Array> => ({ base: s.base, price: s.price, volume: s.volume, dev: s.dev, income: s.income });
/**
 * An element has moved when it changes by more than float noise (a change of one cent counts: the
 * fast path must give the exact cells at the nodes). Two inputs are run together only where both
 * move an element by more than rounding: cells are whole cents, so 1e-9 of a cell can be rounding
 * alone, and a joint effect that small is not an interaction.
 */
const RELATIVE_NOISE = 1e-14;
const ABSOLUTE_NOISE = 1e-9;
const RELATIVE_ROUNDING = 1e-9;
const ABSOLUTE_ROUNDING = 0.005;
/** A joint effect above this (relative, at the upper corner) is fitted through three corners, not one. */
const PAIR_CURVATURE = 1e-6;

/** The arrays of an instance from its compiled plan, with the look-back of `central` (unchanged by the instance). */
export function planSnapshot(instance: ModelInstance, central: ModelResult): Snapshot {
  const completed = completeHistory(instance.data).dataset;
  // The agreed own contribution is no income line: it is the part of the gap `tekort.waarvan_eigen_bijdrage` (issue 13a).
  const line = (s: IncomeStream | 'eigen_middelen') => (s === 'eigen_middelen' ? 'tekort.waarvan_eigen_bijdrage' : (`inkomsten.${s}` as const));
  const plan = compilePlan(instance.scenario, completed, {
    cost: (p, y, k) => central.cell(p, y, `kosten.${k}`).bedrag_eur,
    income: (p, y, s) => central.cell(p, y, line(s)).bedrag_eur,
  });
  const arrays = compilePlanArrays(plan);
  const Y = arrays.years.length;
  const S = INCOME_STREAMS.length;
  const income = new Float64Array(PROVINCE_CODES.length * S * Y);
  const published = publishedIncome(completed);
  PROVINCE_CODES.forEach((p, pi) => {
    arrays.years.forEach((y, ti) => {
      INCOME_STREAMS.forEach((s, si) => {
        const own = published.get(`${p}|${y}|${s}`) ?? [];
        const value = own.length > 0 ? sum(own.map((r) => r.waarde)) : cents(plan.income[s].amount(y).times(plan.incomeShare.get(p)![s])).plus(developmentIncome(plan, p, s, y));
        income[(pi * S + si) * Y + ti] = value.toNumber();
      });
    });
  });
  return { base: arrays.base, price: arrays.price, volume: arrays.volume, dev: arrays.dev, income };
}

/** A province's published income per `provincie|jaar|stroom` (the DU Natuur counts for `natuurpact`), once per dataset. */
const publishedCache = new WeakMap<Dataset, Map<string, IncomeFact[]>>();
function publishedIncome(data: Dataset): Map<string, IncomeFact[]> {
  let map = publishedCache.get(data);
  if (!map) {
    map = new Map();
    for (const r of data.inkomsten) {
      if (r.provincie === 'NL') continue;
      const k = `${r.provincie}|${r.jaar}|${r.stroom === 'du_natuur' ? 'natuurpact' : r.stroom}`;
      map.set(k, [...(map.get(k) ?? []), r]);
    }
    publishedCache.set(data, map);
  }
  return map;
}

const sameSnapshot = (a: Snapshot, b: Snapshot) =>
  FAMILIES.every((f) => a[f].length === b[f].length && a[f].every((v, i) => Math.abs(v - b[f][i]!) <= 1e-6 * Math.max(1, Math.abs(v))));

/**
 * @example
 *   const model = compileUncertainty({ scenario, data }, runScenario(scenario, data), catalogue);
 *   const buf = drawBuffers(model);
 *   evaluateUncertainty(model, model.centralValues, buf); // buf.kosten, buf.inkomsten: the exact run's, to the cent
 */
export function compileUncertainty(base: ModelInstance, central: ModelResult, catalogue: InputCatalogue, run: ExactRunner = runExact): UncertaintyModel {
  const inputs = catalogue.gevarieerd;
  const c = snapshot(central, base.construction);
  const centralArrays = familyArrays(c);
  const centralValues = Float64Array.from(inputs, (i) => i.centraal);
  let runs = 0;
  const planIsEnough = !base.construction && sameSnapshot(planSnapshot(base, central), c);
  const exact = (values: { input: UncertainInput; value: number }[]) => {
    runs++;
    const instance = applyInputs(base, values);
    const history = values.some((v) => v.input.doel.soort === 'aanname' && v.input.doel.geschiedenis);
    return planIsEnough && !history ? planSnapshot(instance, central) : snapshot(run(instance), instance.construction);
  };

  const lookback: { input: number; loadings: Float64Array }[] = [];
  const effects: Effect[] = [];
  const single = new Map<number, { lo: number; hi: number; atLo: Record<Family, Float64Array>; atHi: Record<Family, Float64Array>; moved: Record<Family, Set<number>> }>();
  inputs.forEach((input, j) => {
    if (input.doel.soort === 'terugblik') {
      lookback.push({ input: j, loadings: input.doel.ladingen });
      return;
    }
    const [lo, hi, mid] = nodesOf(input);
    const atLo = familyArrays(exact([{ input, value: lo }]));
    const atHi = familyArrays(exact([{ input, value: hi }]));
    const atMid = familyArrays(exact([{ input, value: mid }]));
    const d1 = lo - input.centraal;
    const d2 = hi - input.centraal;
    const d3 = mid - input.centraal;
    const moved = {} as Record<Family, Set<number>>;
    for (const family of FAMILIES) {
      const v0 = centralArrays[family];
      const set = new Set<number>();
      const byMode: Record<EffectMode, { index: number[]; a: number[]; b: number[]; c: number[] }> = {
        add: { index: [], a: [], b: [], c: [] },
        scale: { index: [], a: [], b: [], c: [] },
        log: { index: [], a: [], b: [], c: [] },
      };
      // The quadratic through (0, 0), (d1, q1), (d2, q2), at d3: the check between scale and log.
      const quadraticAt = (q1: number, q2: number, d: number) => {
        const b = (q1 / d1 - q2 / d2) / (d1 - d2);
        return (q1 / d1 - b * d1) * d + b * d * d;
      };
      // The cubic through (0, 0) and the three nodes (divided differences of q/d).
      const cubic = (q1: number, q2: number, q3: number) => {
        const [r1, r2, r3] = [q1 / d1, q2 / d2, q3 / d3];
        const c = ((r3 - r1) / (d3 - d1) - (r2 - r1) / (d2 - d1)) / (d3 - d2);
        const b = (r2 - r1) / (d2 - d1) - c * (d1 + d2);
        return { a: r1 - b * d1 - c * d1 * d1, b, c };
      };
      for (let e = 0; e < v0.length; e++) {
        const centre = v0[e]!;
        const multiplicative = centre !== 0;
        const change = (v: number) => (multiplicative ? v / centre - 1 : v - centre);
        const [q1, q2, q3] = [change(atLo[family][e]!), change(atHi[family][e]!), change(atMid[family][e]!)];
        const noise = multiplicative ? RELATIVE_NOISE : ABSOLUTE_NOISE;
        if (Math.abs(q1) <= noise && Math.abs(q2) <= noise && Math.abs(q3) <= noise) continue;
        let mode: EffectMode = multiplicative ? 'scale' : 'add';
        if (multiplicative && q1 > -1 && q2 > -1 && q3 > -1) {
          const [l1, l2, l3] = [Math.log1p(q1), Math.log1p(q2), Math.log1p(q3)];
          if (Math.abs(quadraticAt(l1, l2, d3) - l3) < Math.abs(Math.log1p(quadraticAt(q1, q2, d3)) - l3)) mode = 'log';
        }
        const fit = mode === 'log' ? cubic(Math.log1p(q1), Math.log1p(q2), Math.log1p(q3)) : cubic(q1, q2, q3);
        const m = byMode[mode];
        m.index.push(e);
        m.a.push(fit.a);
        m.b.push(fit.b);
        m.c.push(fit.c);
        const rounding = multiplicative ? RELATIVE_ROUNDING : ABSOLUTE_ROUNDING;
        if (Math.abs(q1) > rounding || Math.abs(q2) > rounding || Math.abs(q3) > rounding) set.add(e);
      }
      for (const mode of ['add', 'scale', 'log'] as const) {
        const m = byMode[mode];
        if (m.index.length > 0) effects.push({ input: j, family, mode, index: Int32Array.from(m.index), a: Float64Array.from(m.a), b: Float64Array.from(m.b), c: Float64Array.from(m.c) });
      }
      moved[family] = set;
    }
    single.set(j, { lo, hi, atLo, atHi, moved });
  });

  // Pairs that move a common element: run them together at their upper nodes; where that shows a
  // joint effect beyond rounding, also at both lower nodes and at (upper, lower), and fit
  // ρ = Δi Δj (g0 + g1 Δi + g2 Δj) through the three corners (in log for elements that scale).
  const pairs: PairEffect[] = [];
  const modelInputs = [...single.keys()];
  for (let a = 0; a < modelInputs.length; a++) {
    for (let b = a + 1; b < modelInputs.length; b++) {
      const i = modelInputs[a]!;
      const j = modelInputs[b]!;
      const si = single.get(i)!;
      const sj = single.get(j)!;
      const shared = FAMILIES.filter((f) => [...si.moved[f]].some((e) => sj.moved[f].has(e)));
      if (shared.length === 0) continue;
      const corners: { di: number; dj: number; vi: Record<Family, Float64Array>; vj: Record<Family, Float64Array>; vc?: Record<Family, Float64Array> }[] = [
        { di: si.hi - inputs[i]!.centraal, dj: sj.hi - inputs[j]!.centraal, vi: si.atHi, vj: sj.atHi },
        { di: si.lo - inputs[i]!.centraal, dj: sj.lo - inputs[j]!.centraal, vi: si.atLo, vj: sj.atLo },
        { di: si.hi - inputs[i]!.centraal, dj: sj.lo - inputs[j]!.centraal, vi: si.atHi, vj: sj.atLo },
      ];
      const runCorner = (vi: number, vj: number) => familyArrays(exact([{ input: inputs[i]!, value: vi }, { input: inputs[j]!, value: vj }]));
      corners[0]!.vc = runCorner(si.hi, sj.hi);
      const residual = (k: number, family: Family, e: number) => {
        const corner = corners[k]!;
        const centre = centralArrays[family][e]!;
        const vi = corner.vi[family][e]!;
        const vj = corner.vj[family][e]!;
        const vc = corner.vc![family][e]!;
        if (centre === 0) return vc - vi - vj + centre;
        return vi * vj > 0 && vc * centre > 0 ? Math.log((vc * centre) / (vi * vj)) : Number.NaN;
      };
      const elements = shared.map((family) => ({ family, list: [...new Set([...si.moved[family], ...sj.moved[family]])].sort((x, y) => x - y) }));
      const significant = (family: Family, e: number, r: number) => Math.abs(r) > (centralArrays[family][e] !== 0 ? RELATIVE_ROUNDING : ABSOLUTE_ROUNDING);
      const firstOrder = elements.some(({ family, list }) => list.some((e) => significant(family, e, residual(0, family, e))));
      if (!firstOrder) continue;
      const curved = elements.some(({ family, list }) => list.some((e) => Math.abs(residual(0, family, e)) > (centralArrays[family][e] !== 0 ? PAIR_CURVATURE : Number.POSITIVE_INFINITY)));
      if (curved) {
        corners[1]!.vc = runCorner(si.lo, sj.lo);
        corners[2]!.vc = runCorner(si.hi, sj.lo);
      }
      for (const { family, list } of elements) {
        for (const multiplicative of [true, false]) {
          const index: number[] = [];
          const g: [number[], number[], number[]] = [[], [], []];
          for (const e of list) {
            if ((centralArrays[family][e] !== 0) !== multiplicative) continue;
            const r0 = residual(0, family, e);
            if (!Number.isFinite(r0) || !significant(family, e, r0)) continue;
            let fit: [number, number, number] = [r0 / (corners[0]!.di * corners[0]!.dj), 0, 0];
            if (curved) {
              const ys = [0, 1, 2].map((k) => residual(k, family, e) / (corners[k]!.di * corners[k]!.dj));
              if (ys.every(Number.isFinite)) fit = solve3(corners.map((k) => [1, k.di, k.dj]), ys);
            }
            index.push(e);
            g[0].push(fit[0]);
            g[1].push(fit[1]);
            g[2].push(fit[2]);
          }
          if (index.length > 0) pairs.push({ i, j, family, mode: multiplicative ? 'log' : 'add', index: Int32Array.from(index), g0: Float64Array.from(g[0]), g1: Float64Array.from(g[1]), g2: Float64Array.from(g[2]) });
        }
      }
    }
  }
  return {
    years: central.plan.years,
    provinces: PROVINCE_CODES.length,
    tasks: c.base.length / PROVINCE_CODES.length,
    streams: streamsOf(base.construction),
    inputs,
    central: c,
    ...centralCells(central, c),
    centralValues,
    lookback,
    effects,
    pairs,
    runs,
  };
}

/**
 * Whole cents, half to even, as `cents` rounds the exact path. A product of floats is off by a few
 * units in the last place, so a value within that of a half cent counts as a tie (the exact product
 * often is one: 15.163.766,91 × 13/18 ends in exactly half a cent).
 */
export function roundCents(euros: number): number {
  const c = euros * 100;
  const floor = Math.floor(c);
  const frac = c - floor;
  const tolerance = 8 * Number.EPSILON * Math.abs(c) + 1e-12;
  if (Math.abs(frac - 0.5) <= tolerance) return (floor % 2 === 0 ? floor : floor + 1) / 100;
  return Math.round(c) / 100;
}

function centralCells(result: ModelResult, c: Snapshot): Pick<UncertaintyModel, 'centralCells' | 'centralProducts'> {
  const plan = result.plan;
  const K = COST_TASKS.length;
  const Y = plan.years.length;
  const cells = new Float64Array(PROVINCE_CODES.length * K * Y);
  const products = new Float64Array(cells.length);
  PROVINCE_CODES.forEach((p, pi) => {
    COST_TASKS.forEach((k, ki) => {
      const d = plan.drivers[k];
      plan.years.forEach((y, t) => {
        const at = (pi * K + ki) * Y + t;
        cells[at] = cents(plan.baseCost.get(p)![k].times(d.price(y)).times(d.volume(y))).toNumber();
        products[at] = c.base[pi * K + ki]! * c.price[ki * Y + t]! * c.volume[ki * Y + t]!;
      });
    });
  });
  return { centralCells: cells, centralProducts: products };
}

/** Work arrays for one draw; reuse them across draws so that a loop allocates nothing. */
export interface DrawBuffers {
  readonly base: Float64Array;
  readonly price: Float64Array;
  readonly volume: Float64Array;
  readonly dev: Float64Array;
  readonly income: Float64Array;
  readonly logLevel: Float64Array;
  /** kosten[p × years + t], inkomsten[p × years + t] */
  readonly kosten: Float64Array;
  readonly inkomsten: Float64Array;
}

export function drawBuffers(model: UncertaintyModel): DrawBuffers {
  const c = model.central;
  const Y = model.years.length;
  return {
    base: new Float64Array(c.base.length),
    price: new Float64Array(c.price.length),
    volume: new Float64Array(c.volume.length),
    dev: new Float64Array(c.dev.length),
    income: new Float64Array(c.income.length),
    logLevel: new Float64Array(c.base.length),
    kosten: new Float64Array(model.provinces * Y),
    inkomsten: new Float64Array(model.provinces * Y),
  };
}

/** Costs and income per province and year for one draw x (values in the order of `model.inputs`). */
export function evaluateUncertainty(model: UncertaintyModel, x: ArrayLike<number>, buf: DrawBuffers): void {
  const c = model.central;
  buf.base.set(c.base);
  buf.price.set(c.price);
  buf.volume.set(c.volume);
  buf.dev.set(c.dev);
  buf.income.set(c.income);
  const arrays: Record<Family, Float64Array> = { base: buf.base, price: buf.price, volume: buf.volume, dev: buf.dev, income: buf.income };
  if (model.lookback.length > 0) {
    const log = buf.logLevel;
    log.fill(0);
    for (const l of model.lookback) {
      const z = x[l.input]!;
      if (z === 0) continue;
      const w = l.loadings;
      for (let e = 0; e < w.length; e++) log[e]! += w[e]! * z;
    }
    for (let e = 0; e < log.length; e++) if (log[e] !== 0) buf.base[e]! *= Math.exp(log[e]!);
  }
  for (const eff of model.effects) {
    const d = x[eff.input]! - model.centralValues[eff.input]!;
    if (d === 0) continue;
    const arr = arrays[eff.family];
    const { index, a, b, c } = eff;
    if (eff.mode === 'scale') for (let k = 0; k < index.length; k++) arr[index[k]!]! *= 1 + d * (a[k]! + d * (b[k]! + d * c[k]!));
    else if (eff.mode === 'log') for (let k = 0; k < index.length; k++) arr[index[k]!]! *= Math.exp(d * (a[k]! + d * (b[k]! + d * c[k]!)));
    else for (let k = 0; k < index.length; k++) arr[index[k]!]! += d * (a[k]! + d * (b[k]! + d * c[k]!));
  }
  for (const pair of model.pairs) {
    const di = x[pair.i]! - model.centralValues[pair.i]!;
    const dj = x[pair.j]! - model.centralValues[pair.j]!;
    const dd = di * dj;
    if (dd === 0) continue;
    const arr = arrays[pair.family];
    const { index, g0, g1, g2 } = pair;
    if (pair.mode === 'log') for (let k = 0; k < index.length; k++) arr[index[k]!]! *= Math.exp(dd * (g0[k]! + g1[k]! * di + g2[k]! * dj));
    else for (let k = 0; k < index.length; k++) arr[index[k]!]! += dd * (g0[k]! + g1[k]! * di + g2[k]! * dj);
  }
  const P = model.provinces;
  const K = model.tasks;
  const Y = model.years.length;
  const S = model.streams.length;
  const { base, price, volume, dev, income } = buf;
  for (let p = 0; p < P; p++) {
    for (let t = 0; t < Y; t++) {
      let cost = dev[p * Y + t]!;
      for (let k = 0; k < K; k++) {
        const product = base[p * K + k]! * price[k * Y + t]! * volume[k * Y + t]!;
        const at = (p * K + k) * Y + t;
        cost += product === model.centralProducts[at] ? model.centralCells[at]! : roundCents(product);
      }
      buf.kosten[p * Y + t] = cost;
      let inc = 0;
      for (let s = 0; s < S; s++) inc += income[(p * S + s) * Y + t]!;
      buf.inkomsten[p * Y + t] = inc;
    }
  }
}
