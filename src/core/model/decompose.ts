/**
 * Explaining the change in the gap between two years: price, volume, new tasks and funding.
 *
 * For a province, with cost_{k,t} = B_k × P_{k,t} × V_{k,t} + D_{k,t} and income I_t:
 *
 *   Δtekort  = tekort_b − tekort_a
 *   prijs    = Σ_k B_k × (P_b − P_a) × (V_a + V_b) / 2
 *   volume   = Σ_k B_k × (P_b V_b − P_a V_a) − prijs
 *   nieuwe taken (ontwikkelingen) = Σ_k (D_{k,b} − D_{k,a})
 *   financiering = −(I_b − I_a)
 *
 * Price and volume are the Shapley split of the two-factor product (the average of the two orders
 * of substitution), so neither factor is favoured by an arbitrary order; volume is taken as the
 * remainder of the baseline cost change so that the parts add up exactly, and equals the Shapley
 * volume term B × (V_b − V_a) × (P_a + P_b) / 2 up to the rounding to cents. All parts are in
 * cents (the cells are), so they add up exactly. Price is the growth of unit
 * costs (the nature cost, wage and land price indices); the fund's own growth shows in financiering,
 * so price + financiering together show the index divergence. NL: the sum over the provinces (the
 * parts are additive).
 *
 * Years: from the base year (last history year) on; history years before it have no driver split.
 */
import type { Decimal } from '../decimal.js';
import { ONE, ZERO, cents, sum } from '../decimal.js';
import { UserError } from '../errors.js';
import { PROVINCE_CODES, type ProvinceCode, type RegionCode } from '../provinces.js';
import { COST_TASKS } from './lines.js';
import { developmentCost } from './plan.js';
import type { ModelResult } from './run.js';
import { checkModelResult } from './check-input.js';

export interface GapDecomposition {
  readonly provincie: RegionCode;
  readonly van: number;
  readonly tot: number;
  readonly totaal: Decimal;
  readonly prijs: Decimal;
  readonly volume: Decimal;
  readonly nieuweTaken: Decimal;
  readonly financiering: Decimal;
}

function forProvince(result: ModelResult, p: ProvinceCode, a: number, b: number): Omit<GapDecomposition, 'provincie' | 'van' | 'tot'> {
  const plan = result.plan;
  let price = ZERO;
  let baselineChange = ZERO;
  let devChange = ZERO;
  const factor = (f: (y: number) => Decimal, y: number) => (y === plan.baseYear ? null : f(y));
  for (const k of COST_TASKS) {
    const d = plan.drivers[k];
    const base = plan.baseCost.get(p)![k];
    const pa = factor(d.price, a);
    const pb = d.price(b);
    const va = factor(d.volume, a);
    const vb = d.volume(b);
    const Pa = pa ?? ONE;
    const Va = va ?? ONE;
    price = price.plus(cents(base.times(pb.minus(Pa)).times(Va.plus(vb)).dividedBy(2)));
    // Baseline cost change from the cells: cost − development part, so the parts match the table.
    const costA = result.cell(p, a, `kosten.${k}`).bedrag_eur;
    const costB = result.cell(p, b, `kosten.${k}`).bedrag_eur;
    const devA = a === plan.baseYear ? ZERO : developmentCost(plan, p, k, a);
    const devB = developmentCost(plan, p, k, b);
    baselineChange = baselineChange.plus(costB.minus(devB).minus(costA.minus(devA)));
    devChange = devChange.plus(devB.minus(devA));
  }
  const incomeA = result.cell(p, a, 'inkomsten.totaal').bedrag_eur;
  const incomeB = result.cell(p, b, 'inkomsten.totaal').bedrag_eur;
  const total = result.cell(p, b, 'tekort').bedrag_eur.minus(result.cell(p, a, 'tekort').bedrag_eur);
  return { totaal: total, prijs: price, volume: baselineChange.minus(price), nieuweTaken: devChange, financiering: incomeA.minus(incomeB) };
}

/**
 * @example
 *   decomposeGap(result, { provincie: 'NL', van: 2023, tot: 2030 })
 */
export function decomposeGap(result: ModelResult, where: { provincie?: RegionCode; van?: number; tot?: number } = {}): GapDecomposition {
  checkModelResult(result, 'decomposeGap');
  const a = where.van ?? result.basisjaar;
  const b = where.tot ?? result.jaren.at(-1)!;
  const region = where.provincie ?? 'NL';
  if (a < result.basisjaar) throw new UserError({ message: `ontleding van het tekort kan vanaf ${result.basisjaar} (laatste jaar van de terugblik), niet vanaf ${a}` });
  if (b <= a || b > result.jaren.at(-1)!) throw new UserError({ message: `ontleding: eindjaar ${b} moet na ${a} liggen en binnen de periode van het scenario` });
  const provinces = region === 'NL' ? PROVINCE_CODES : [region as ProvinceCode];
  const parts = provinces.map((p) => forProvince(result, p, a, b));
  return {
    provincie: region,
    van: a,
    tot: b,
    totaal: region === 'NL' ? result.cell('NL', b, 'tekort').bedrag_eur.minus(result.cell('NL', a, 'tekort').bedrag_eur) : parts[0]!.totaal,
    prijs: sum(parts.map((x) => x.prijs)),
    volume: sum(parts.map((x) => x.volume)),
    nieuweTaken: sum(parts.map((x) => x.nieuweTaken)),
    financiering: sum(parts.map((x) => x.financiering)),
  };
}
