/**
 * The assumption register: every assumption and estimate of the run, with its quality and its
 * computed impact, rated red/amber/green as the UK Aqua Book asks of a model's assumptions log
 * (HM Treasury 2015: judge each assumption on its quality and on how much it matters, together).
 *
 * Impact = the first-order Sobol index S_i of the national gap: Var(E[gap | input]) / Var(gap), for
 * the last year of the window and for the window's cumulative gap; the larger of the two decides.
 * It is what knowing the input exactly would take away from the variance, on average.
 *
 *   impact hoog     S ≥ 10%: alone a tenth of the variance; knowing it narrows the sd by at least 5% (1 − √0,9)
 *   impact midden   1% ≤ S < 10%
 *   impact laag     S < 1%: narrows the sd by less than 0,5% (1 − √0,99), about the Monte Carlo error
 *                   of the index at the default number of draws
 *
 *   | impact \ kwaliteit | zwak   | redelijk | goed   |
 *   | hoog               | rood   | oranje   | oranje |
 *   | midden             | oranje | oranje   | groen  |
 *   | laag               | groen  | groen    | groen  |
 *
 * Quality from status and source (`qualityOf`): goed (realisatie, begroting), redelijk (raming,
 * afgeleid, or an estimate or assumption that cites a source), zwak (the rest). The thresholds are
 * a choice (the Aqua Book sets none); they are stated in every report.
 */
import type { FixedInput, InputCatalogue, Quality, UncertainInput } from './inputs.js';
import { REGIONS } from './montecarlo.js';
import { OUTPUTS, outcomeIndex, type Tornado } from './sensitivity.js';
import type { SobolResult } from './sobol.js';

export const IMPACT_HIGH = 0.1;
export const IMPACT_MEDIUM = 0.01;
export type Rating = 'rood' | 'oranje' | 'groen';
export type Impact = 'hoog' | 'midden' | 'laag';

export function impactOf(share: number): Impact {
  return share >= IMPACT_HIGH ? 'hoog' : share >= IMPACT_MEDIUM ? 'midden' : 'laag';
}

export function ratingOf(impact: Impact, quality: Quality): Rating {
  if (impact === 'hoog') return quality === 'zwak' ? 'rood' : 'oranje';
  if (impact === 'midden') return quality === 'goed' ? 'groen' : 'oranje';
  return 'groen';
}

export interface RegisterRow {
  readonly rang?: number;
  readonly invoer: UncertainInput | FixedInput;
  readonly gevarieerd: boolean;
  /** First-order and total indices and their standard errors, NL, last year and cumulative. */
  readonly eindjaar?: { readonly s: number; readonly se: number; readonly st: number };
  readonly cumulatief?: { readonly s: number; readonly se: number; readonly st: number };
  /** Tornado swing (|f(P90) − f(P10)|), NL, euros. */
  readonly zwaaiEindjaar?: number;
  readonly zwaaiCumulatief?: number;
  readonly impact?: Impact;
  readonly oordeel: Rating | 'niet gevarieerd';
}

const NL = REGIONS.indexOf('NL');

/**
 * @example
 *   assumptionRegister(catalogue, varianceShares(model, catalogue, window, 2500, 1), tornado(model, catalogue, window))[0]
 *   // { rang: 1, invoer: terugblik.landelijk, eindjaar: { s: 0.88, ... }, oordeel: 'rood', ... }
 */
export function assumptionRegister(catalogue: InputCatalogue, sobol: SobolResult, swing: Tornado): RegisterRow[] {
  const d = catalogue.gevarieerd.length;
  const index = (k: number, j: number) => ({ s: sobol.first[k * d + j]!, se: sobol.firstSe[k * d + j]!, st: sobol.total[k * d + j]! });
  const end = outcomeIndex(NL, 'eindjaar');
  const cum = outcomeIndex(NL, 'cumulatief');
  const varied = catalogue.gevarieerd.map((input, j): RegisterRow => {
    const eindjaar = index(end, j);
    const cumulatief = index(cum, j);
    const impact = impactOf(Math.max(eindjaar.s, cumulatief.s));
    return {
      invoer: input,
      gevarieerd: true,
      eindjaar,
      cumulatief,
      zwaaiEindjaar: Math.abs(swing.hoog[j * OUTPUTS + end]! - swing.laag[j * OUTPUTS + end]!),
      zwaaiCumulatief: Math.abs(swing.hoog[j * OUTPUTS + cum]! - swing.laag[j * OUTPUTS + cum]!),
      impact,
      oordeel: ratingOf(impact, input.kwaliteit),
    };
  });
  const key = (r: RegisterRow) => Math.max(r.eindjaar!.s, r.cumulatief!.s);
  varied.sort((a, b) => key(b) - key(a) || a.invoer.naam.localeCompare(b.invoer.naam));
  const fixed = [...catalogue.vast].sort((a, b) => a.naam.localeCompare(b.naam)).map((input): RegisterRow => ({ invoer: input, gevarieerd: false, oordeel: 'niet gevarieerd' }));
  return [...varied.map((r, i) => ({ ...r, rang: i + 1 })), ...fixed];
}

/** The inputs whose exact value would narrow the national range most, with the sd they would take away. */
export function narrowing(rows: readonly RegisterRow[], sdEindjaar: number, sdCumulatief: number, count = 5): { invoer: UncertainInput; s: number; minderSdEindjaar: number; minderSdCumulatief: number }[] {
  return rows
    .filter((r) => r.gevarieerd && r.invoer.ontbrekend !== '')
    .slice(0, count)
    .map((r) => ({
      invoer: r.invoer as UncertainInput,
      s: Math.max(r.eindjaar!.s, r.cumulatief!.s),
      minderSdEindjaar: sdEindjaar * (1 - Math.sqrt(Math.max(0, 1 - r.eindjaar!.s))),
      minderSdCumulatief: sdCumulatief * (1 - Math.sqrt(Math.max(0, 1 - r.cumulatief!.s))),
    }));
}
