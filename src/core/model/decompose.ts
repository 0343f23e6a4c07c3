/**
 * Explaining the change in the gap between two years: price, volume, new tasks (per development)
 * and funding.
 *
 * For a province, with cost_{k,t} = B_k × P_{k,t} × V_{k,t} + Σ_d D_{d,k,t} and income I_t:
 *
 *   Δtekort  = tekort_b − tekort_a
 *   prijs    = Σ_k B_k × (P_b − P_a) × (V_a + V_b) / 2
 *   volume   = Σ_k B_k × (P_b V_b − P_a V_a) − prijs
 *   nieuwe taken, per development d = Σ_k (D_{d,k,b} − D_{d,k,a});  nieuwe taken = Σ_d of these
 *   financiering = −(I_b − I_a)
 *
 * Price and volume are the Shapley split of the two-factor product (the average of the two orders
 * of substitution), so neither factor is favoured by an arbitrary order; volume is taken as the
 * remainder of the baseline cost change so that the parts add up exactly, and equals the Shapley
 * volume term B × (V_b − V_a) × (P_a + P_b) / 2 up to the rounding to cents. All parts are in
 * cents (the cells are, and a development's part of a cell is rounded to cents on its own), so
 * they add up exactly: prijs + volume + nieuwe taken + financiering = Δtekort, and the developments
 * add up to nieuwe taken, to the cent. Price is the growth of unit costs (the nature cost, wage and
 * land price indices); the fund's own growth shows in financiering, so price + financiering
 * together show the index divergence. NL: the sum over the provinces (the parts are additive).
 *
 * The gap and income may come from a construction's table instead of the status quo (`bron`): the
 * cost side is the same under every construction, so only financiering and the total change.
 *
 * Years: from the base year (last history year) on; history years before it have no driver split.
 */
import type { Decimal } from '../decimal.js';
import { ONE, ZERO, cents, sum } from '../decimal.js';
import { UserError } from '../errors.js';
import { PROVINCE_CODES, type ProvinceCode, type RegionCode } from '../provinces.js';
import { COST_TASKS } from './lines.js';
import { developmentCost, developmentCostParts } from './plan.js';
import type { ModelResult } from './run.js';
import { checkModelResult } from './check-input.js';

export interface DevelopmentPart {
  /** The development's name (`nhv`, `anlb_500`, ...). */
  readonly naam: string;
  /** Its part of `nieuweTaken`: the change of its cost between the two years. */
  readonly bedrag: Decimal;
}

export interface GapDecomposition {
  readonly provincie: RegionCode;
  readonly van: number;
  readonly tot: number;
  readonly totaal: Decimal;
  readonly prijs: Decimal;
  readonly volume: Decimal;
  readonly nieuweTaken: Decimal;
  /** `nieuweTaken` per active development, in the plan's order; the parts add up to it exactly. */
  readonly perOntwikkeling: readonly DevelopmentPart[];
  readonly financiering: Decimal;
}

/** Where the gap and the income come from: the status quo result (default) or a construction's table. */
export type GapSource = (p: RegionCode, year: number, line: 'tekort' | 'inkomsten.totaal') => Decimal;

function forProvince(result: ModelResult, p: ProvinceCode, a: number, b: number, source: GapSource): Omit<GapDecomposition, 'provincie' | 'van' | 'tot'> {
  const plan = result.plan;
  let price = ZERO;
  let baselineChange = ZERO;
  let devChange = ZERO;
  const perDevelopment = plan.developments.map(() => ZERO);
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
    const partsB = developmentCostParts(plan, p, k, b);
    const partsA = a === plan.baseYear ? undefined : developmentCostParts(plan, p, k, a);
    partsB.forEach((x, i) => (perDevelopment[i] = perDevelopment[i]!.plus(x.bedrag).minus(partsA?.[i]!.bedrag ?? ZERO)));
  }
  const incomeA = source(p, a, 'inkomsten.totaal');
  const incomeB = source(p, b, 'inkomsten.totaal');
  const total = source(p, b, 'tekort').minus(source(p, a, 'tekort'));
  return {
    totaal: total,
    prijs: price,
    volume: baselineChange.minus(price),
    nieuweTaken: devChange,
    perOntwikkeling: plan.developments.map((d, i) => ({ naam: d.definitie.naam, bedrag: perDevelopment[i]! })),
    financiering: incomeA.minus(incomeB),
  };
}

/**
 * @example
 *   decomposeGap(result, { provincie: 'NL', van: 2023, tot: 2030 })
 *   decomposeGap(result, { provincie: 'NL', tot: 2030 }, (p, y, l) => comparison.row('C3', p, y, l).bedrag_eur)
 */
export function decomposeGap(result: ModelResult, where: { provincie?: RegionCode; van?: number; tot?: number } = {}, bron?: GapSource): GapDecomposition {
  checkModelResult(result, 'decomposeGap');
  const a = where.van ?? result.basisjaar;
  const b = where.tot ?? result.jaren.at(-1)!;
  const region = where.provincie ?? 'NL';
  const source: GapSource = bron ?? ((p, y, l) => result.cell(p, y, l).bedrag_eur);
  if (a < result.basisjaar) throw new UserError({ message: `ontleding van het tekort kan vanaf ${result.basisjaar} (laatste jaar van de terugblik), niet vanaf ${a}` });
  if (b <= a || b > result.jaren.at(-1)!) throw new UserError({ message: `ontleding: eindjaar ${b} moet na ${a} liggen en binnen de periode van het scenario` });
  const provinces = region === 'NL' ? PROVINCE_CODES : [region as ProvinceCode];
  const parts = provinces.map((p) => forProvince(result, p, a, b, source));
  return region === 'NL' ? national(result, a, b, source, parts) : { provincie: region, van: a, tot: b, ...parts[0]! };
}

/** NL: the sum of the provinces' parts; its total from the NL cells (equal to the sum, as the cells are additive). */
function national(result: ModelResult, a: number, b: number, source: GapSource, parts: readonly Omit<GapDecomposition, 'provincie' | 'van' | 'tot'>[]): GapDecomposition {
  return {
    provincie: 'NL',
    van: a,
    tot: b,
    totaal: source('NL', b, 'tekort').minus(source('NL', a, 'tekort')),
    prijs: sum(parts.map((x) => x.prijs)),
    volume: sum(parts.map((x) => x.volume)),
    nieuweTaken: sum(parts.map((x) => x.nieuweTaken)),
    perOntwikkeling: result.plan.developments.map((d, i) => ({ naam: d.definitie.naam, bedrag: sum(parts.map((x) => x.perOntwikkeling[i]!.bedrag)) })),
    financiering: sum(parts.map((x) => x.financiering)),
  };
}

/**
 * The decomposition for every province and NL at once (each province computed once), in CBS order
 * with NL last; the same figures as {@link decomposeGap} region by region.
 */
export function decomposeGapAll(result: ModelResult, where: { van?: number; tot?: number } = {}, bron?: GapSource): GapDecomposition[] {
  const a = where.van ?? result.basisjaar;
  const b = where.tot ?? result.jaren.at(-1)!;
  decomposeGap(result, { provincie: PROVINCE_CODES[0], van: a, tot: b }, bron); // validates the years
  const source: GapSource = bron ?? ((p, y, l) => result.cell(p, y, l).bedrag_eur);
  const parts = PROVINCE_CODES.map((p) => ({ provincie: p, van: a, tot: b, ...forProvince(result, p, a, b, source) }));
  return [...parts, national(result, a, b, source, parts)];
}
