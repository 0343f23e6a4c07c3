/**
 * Sensitivity of the gap to each uncertain input, per region (the provinces and NL), for two
 * outcomes: the gap in the last year of the window (`tekort` eindjaar) and the gap summed over the
 * window (`tekort` cumulatief).
 *
 * - Tornado (one at a time): each input at its P10 and at its P90, all others at their central
 *   values (correlations ignored, as a tornado does); the swing is |f(P90) − f(P10)|.
 * - Variance shares: first-order and total Sobol indices on the fast path (`sobol.ts`: Saltelli
 *   2010 and Jansen 1999, with conditional resampling for the correlated inputs), N base rows.
 */
import { quantile } from './distribution.js';
import type { InputCatalogue } from './inputs.js';
import { drawBuffers, evaluateUncertainty, type UncertaintyModel } from './model.js';
import { MC_LINES, outcomes, REGIONS, seriesIndex, STREAM, type Window } from './montecarlo.js';
import { fromStandardNormal } from './distribution.js';
import { Mt19937 } from './random.js';
import { sobolIndices, type SobolResult } from './sobol.js';

export const OUTCOMES = ['eindjaar', 'cumulatief'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const TORNADO_QUANTILES = [0.1, 0.9] as const;

/** Output k = region × 2 + outcome. */
export function outcomeIndex(region: number, outcome: Outcome): number {
  return region * OUTCOMES.length + OUTCOMES.indexOf(outcome);
}

function outcomeReader(model: UncertaintyModel, window: Window) {
  const buf = drawBuffers(model);
  const all = new Float64Array(REGIONS.length * model.years.length * MC_LINES.length);
  const last = model.years.indexOf(window.tot);
  const gap = MC_LINES.indexOf('tekort');
  const cumulative = MC_LINES.indexOf('tekort.cumulatief_venster');
  return (x: ArrayLike<number>, out: Float64Array) => {
    evaluateUncertainty(model, x, buf);
    outcomes(model, buf, window, all);
    for (let r = 0; r < REGIONS.length; r++) {
      out[outcomeIndex(r, 'eindjaar')] = all[seriesIndex(model, r, last, gap)]!;
      out[outcomeIndex(r, 'cumulatief')] = all[seriesIndex(model, r, last, cumulative)]!;
    }
  };
}

export interface Tornado {
  /** Outcomes at the central values. */
  readonly centraal: Float64Array;
  /** [input × outputs + k] at the input's P10 and P90. */
  readonly laag: Float64Array;
  readonly hoog: Float64Array;
  /** The input values used: P10 and P90 per input. */
  readonly waarden: readonly (readonly [number, number])[];
}

export const OUTPUTS = REGIONS.length * OUTCOMES.length;

export function tornado(model: UncertaintyModel, catalogue: InputCatalogue, window: Window): Tornado {
  const read = outcomeReader(model, window);
  const d = catalogue.gevarieerd.length;
  const x = Float64Array.from(model.centralValues);
  const centraal = new Float64Array(OUTPUTS);
  read(x, centraal);
  const laag = new Float64Array(d * OUTPUTS);
  const hoog = new Float64Array(d * OUTPUTS);
  const out = new Float64Array(OUTPUTS);
  const waarden = catalogue.gevarieerd.map((input, j) => {
    const values = TORNADO_QUANTILES.map((q) => quantile(input.verdeling, q)) as [number, number];
    values.forEach((v, side) => {
      x[j] = v;
      read(x, out);
      (side === 0 ? laag : hoog).set(out, j * OUTPUTS);
    });
    x[j] = model.centralValues[j]!;
    return values;
  });
  return { centraal, laag, hoog, waarden };
}

/** Sobol indices of every outcome for every input (see `sobol.ts`); outputs ordered by `outcomeIndex`. */
export function varianceShares(model: UncertaintyModel, catalogue: InputCatalogue, window: Window, n: number, seed: number): SobolResult {
  const read = outcomeReader(model, window);
  const inputs = catalogue.gevarieerd;
  const x = new Float64Array(inputs.length);
  return sobolIndices(
    {
      d: inputs.length,
      outputs: OUTPUTS,
      correlation: catalogue.correlatie,
      evaluate(z, out) {
        for (let j = 0; j < inputs.length; j++) x[j] = fromStandardNormal(inputs[j]!.verdeling, z[j]!);
        read(x, out);
      },
    },
    n,
    Mt19937.fromKey([seed >>> 0, STREAM.gevoeligheid]),
  );
}
