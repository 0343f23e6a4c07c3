/**
 * The fast, approximate path: the compiled plan in Float64Arrays, for evaluating the projection
 * many thousands of times with varied cost drivers (uncertainty). Floats are only used here; the
 * exact path is `runScenario`, and a test ties the two together.
 *
 *   gap_{p,t} = Σ_k base_{p,k} × P_{k,t} × s_{k,t} × V_{k,t} + D_{p,t} − I_{p,t}
 *
 * s_{k,t}: an optional multiplier on the price factor of task k in year t (1 = as planned).
 * D (development costs) and I (external income) are taken from the exact run as they are.
 */
import { PROVINCE_CODES } from '../provinces.js';
import { COST_TASKS, INCOME_LINES } from './lines.js';
import { developmentCost, type Plan } from './plan.js';
import type { ModelResult } from './run.js';

export interface FastPlan {
  readonly years: readonly number[];
  readonly provinces: number;
  readonly tasks: number;
  /** base[p × tasks + k] */
  readonly base: Float64Array;
  /** price[k × years + t], volume[k × years + t] */
  readonly price: Float64Array;
  readonly volume: Float64Array;
  /** dev[p × years + t], income[p × years + t] */
  readonly dev: Float64Array;
  readonly income: Float64Array;
}

export function compileFast(result: ModelResult): FastPlan {
  const arrays = compilePlanArrays(result.plan);
  const years = arrays.years;
  const Y = years.length;
  const income = new Float64Array(arrays.provinces * Y);
  PROVINCE_CODES.forEach((p, pi) => {
    years.forEach((y, ti) => {
      let inc = 0;
      for (const l of INCOME_LINES) inc += result.cell(p, y, l).bedrag_eur.toNumber();
      income[pi * Y + ti] = inc;
    });
  });
  return { ...arrays, income };
}

/** The cost side of the fast plan (everything but income), from the compiled plan alone. */
export function compilePlanArrays(plan: Plan): Omit<FastPlan, 'income'> {
  const years = plan.years;
  const P = PROVINCE_CODES.length;
  const K = COST_TASKS.length;
  const Y = years.length;
  const base = new Float64Array(P * K);
  const price = new Float64Array(K * Y);
  const volume = new Float64Array(K * Y);
  const dev = new Float64Array(P * Y);
  PROVINCE_CODES.forEach((p, pi) => {
    COST_TASKS.forEach((k, ki) => {
      base[pi * K + ki] = plan.baseCost.get(p)![k].toNumber();
    });
    years.forEach((y, ti) => {
      let d = 0;
      for (const k of COST_TASKS) d += developmentCost(plan, p, k, y).toNumber();
      dev[pi * Y + ti] = d;
    });
  });
  COST_TASKS.forEach((k, ki) => {
    years.forEach((y, ti) => {
      price[ki * Y + ti] = plan.drivers[k].price(y).toNumber();
      volume[ki * Y + ti] = plan.drivers[k].volume(y).toNumber();
    });
  });
  return { years, provinces: P, tasks: K, base, price, volume, dev };
}

/**
 * Gap per province and projection year (gap[p × years + t]), with optional price multipliers
 * (scale[k × years + t]). Writes into `out` when given, so a loop of draws allocates nothing.
 */
export function evaluateFast(plan: FastPlan, scale?: Float64Array, out?: Float64Array): Float64Array {
  const { provinces: P, tasks: K } = plan;
  const Y = plan.years.length;
  const gap = out ?? new Float64Array(P * Y);
  for (let p = 0; p < P; p++) {
    for (let t = 0; t < Y; t++) {
      let cost = plan.dev[p * Y + t]!;
      for (let k = 0; k < K; k++) {
        const i = k * Y + t;
        cost += plan.base[p * K + k]! * plan.price[i]! * (scale ? scale[i]! : 1) * plan.volume[i]!;
      }
      gap[p * Y + t] = cost - plan.income[p * Y + t]!;
    }
  }
  return gap;
}
