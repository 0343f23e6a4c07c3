/**
 * Monte Carlo on the fast path: n draws of the uncertain inputs (seeded MT19937, Gaussian copula),
 * each evaluated by `evaluateUncertainty`, and per region (the provinces and NL), projection year and
 * line the quantiles of the draws.
 *
 *   ε ~ N(0, I) (inverse-CDF of the generator's doubles), z = L ε (R = L Lᵀ), x_j = F_j⁻¹(Φ(z_j))
 *
 * Lines per region r and year t: kosten.totaal, inkomsten.totaal, tekort = kosten − inkomsten,
 * dekkingsgraad = inkomsten / kosten (NL from the NL sums), and tekort.cumulatief_venster
 * = Σ_{s = venster.van..t} tekort_s (the years before the window have none). The look-back years
 * are not drawn: they are the data as estimated.
 *
 * Same seed, same draws, same numbers: the generator is the only source of randomness, and every
 * loop runs in a fixed order.
 */
import { PROVINCE_CODES, type RegionCode } from '../provinces.js';
import { lowerTimes, cholesky } from './correlation.js';
import { fromStandardNormal } from './distribution.js';
import type { InputCatalogue } from './inputs.js';
import { drawBuffers, evaluateUncertainty, type DrawBuffers, type UncertaintyModel } from './model.js';
import { normalQuantile } from './normal.js';
import { quantileSorted, quantileStandardError } from './quantiles.js';
import { Mt19937 } from './random.js';

export const MC_LINES = ['kosten.totaal', 'inkomsten.totaal', 'tekort', 'dekkingsgraad', 'tekort.cumulatief_venster'] as const;
export type McLine = (typeof MC_LINES)[number];
export const REGIONS: readonly RegionCode[] = [...PROVINCE_CODES, 'NL'];
export const QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

export interface Window {
  readonly van: number;
  readonly tot: number;
}

/** The independent generator streams of one seed. */
export const STREAM = { trekkingen: 1, gevoeligheid: 2 } as const;

/** Index of a series: (region × years + year) × lines + line. */
export function seriesIndex(model: UncertaintyModel, region: number, year: number, line: number): number {
  return (region * model.years.length + year) * MC_LINES.length + line;
}

/** Writes every line of every region and year of one evaluated draw into `out` (by `seriesIndex`). */
export function outcomes(model: UncertaintyModel, buf: DrawBuffers, window: Window, out: Float64Array): void {
  const P = model.provinces;
  const Y = model.years.length;
  const L = MC_LINES.length;
  for (let t = 0; t < Y; t++) {
    let nlCost = 0;
    let nlIncome = 0;
    for (let p = 0; p <= P; p++) {
      let cost: number;
      let income: number;
      if (p < P) {
        cost = buf.kosten[p * Y + t]!;
        income = buf.inkomsten[p * Y + t]!;
        nlCost += cost;
        nlIncome += income;
      } else {
        cost = nlCost;
        income = nlIncome;
      }
      const at = (p * Y + t) * L;
      out[at] = cost;
      out[at + 1] = income;
      out[at + 2] = cost - income;
      out[at + 3] = cost === 0 ? 0 : income / cost;
      const year = model.years[t]!;
      out[at + 4] = year < window.van ? Number.NaN : (year === window.van || t === 0 ? 0 : out[((p * Y + t - 1) * L) + 4]!) + (cost - income);
    }
  }
}

/** Draws of the input values (n × inputs, row-major), correlated as the catalogue says. */
export class InputSampler {
  private readonly l: Float64Array;
  private readonly eps: Float64Array;
  private readonly z: Float64Array;
  constructor(
    private readonly catalogue: InputCatalogue,
    private readonly rng: Mt19937,
  ) {
    const d = catalogue.gevarieerd.length;
    this.l = cholesky(catalogue.correlatie, d);
    this.eps = new Float64Array(d);
    this.z = new Float64Array(d);
  }

  /** The next draw's values, written into `x`; the standard normals are left in `z` if given. */
  next(x: Float64Array, z?: Float64Array): void {
    const inputs = this.catalogue.gevarieerd;
    const d = inputs.length;
    for (let j = 0; j < d; j++) this.eps[j] = normalQuantile(this.rng.nextOpen());
    lowerTimes(this.l, d, this.eps, this.z);
    for (let j = 0; j < d; j++) x[j] = fromStandardNormal(inputs[j]!.verdeling, this.z[j]!);
    if (z) z.set(this.z);
  }
}

export interface MonteCarloDraws {
  readonly n: number;
  readonly seed: number;
  /** values[series × n + draw] */
  readonly values: Float64Array;
  /** Input values, inputs[draw × d + j]. */
  readonly inputs: Float64Array;
}

/**
 * @example
 *   const draws = runMonteCarlo(model, catalogue, 10000, 1, { van: 2024, tot: 2030 });
 *   summarise(model, draws, 0).find((s) => s.provincie === 'NL' && s.jaar === 2030 && s.post === 'tekort')
 */
export function runMonteCarlo(model: UncertaintyModel, catalogue: InputCatalogue, n: number, seed: number, window: Window): MonteCarloDraws {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`runMonteCarlo: n must be an integer of at least 2, got ${n}`);
  const d = catalogue.gevarieerd.length;
  const series = REGIONS.length * model.years.length * MC_LINES.length;
  const values = new Float64Array(series * n);
  const inputs = new Float64Array(n * d);
  const sampler = new InputSampler(catalogue, Mt19937.fromKey([seed >>> 0, STREAM.trekkingen]));
  const buf = drawBuffers(model);
  const x = new Float64Array(d);
  const out = new Float64Array(series);
  for (let i = 0; i < n; i++) {
    sampler.next(x);
    inputs.set(x, i * d);
    evaluateUncertainty(model, x, buf);
    outcomes(model, buf, window, out);
    for (let s = 0; s < series; s++) values[s * n + i] = out[s]!;
  }
  return { n, seed, values, inputs };
}

export interface SeriesSummary {
  readonly provincie: RegionCode;
  readonly jaar: number;
  readonly post: McLine;
  readonly gemiddelde: number;
  readonly sd: number;
  /** P5, P25, P50, P75, P95. */
  readonly kwantielen: readonly number[];
  /** Monte Carlo standard error of the P50 (order-statistic interval). */
  readonly foutP50: number;
  /** Share of draws with tekort above the threshold (tekort lines only). */
  readonly kansBovenDrempel?: number;
}

/** Quantiles, mean, sd and the P50's Monte Carlo error of every series; the threshold applies to `tekort`. */
export function summarise(model: UncertaintyModel, draws: MonteCarloDraws, threshold: number): SeriesSummary[] {
  const n = draws.n;
  const out: SeriesSummary[] = [];
  const sorted = new Float64Array(n);
  REGIONS.forEach((region, r) => {
    model.years.forEach((year, t) => {
      MC_LINES.forEach((post, l) => {
        const start = seriesIndex(model, r, t, l) * n;
        const slice = draws.values.subarray(start, start + n);
        if (Number.isNaN(slice[0]!)) return;
        sorted.set(slice);
        sorted.sort();
        let mean = 0;
        for (let i = 0; i < n; i++) mean += slice[i]!;
        mean /= n;
        let ss = 0;
        for (let i = 0; i < n; i++) ss += (slice[i]! - mean) ** 2;
        let above = 0;
        if (post === 'tekort') for (let i = 0; i < n; i++) if (slice[i]! > threshold) above++;
        out.push({
          provincie: region,
          jaar: year,
          post,
          gemiddelde: mean,
          sd: Math.sqrt(ss / (n - 1)),
          kwantielen: QUANTILES.map((q) => quantileSorted(sorted, q)),
          foutP50: quantileStandardError(sorted, 0.5),
          ...(post === 'tekort' ? { kansBovenDrempel: above / n } : {}),
        });
      });
    });
  });
  return out;
}
