/**
 * verwerving and inrichting of the NNN: hectares per year × a price per hectare.
 *
 *   verwerving:  P_t = LP_t (land price index), V_t = h_t / h_base
 *   inrichting:  P_t = KI_t (nature cost index), V_t = h_t / h_base
 *
 * h_t: hectares of new nature in year t from the NNN path; the same path is used for buying and for
 * laying out (no public split). The base-year cost calibrates the price per hectare, so the first
 * projected year joins the observed level. The expropriation surcharge is part of that price; a
 * changed share is a shock on the land price (development `grondprijs_schok`).
 */
import { at, type ModelContext, type YearlyFactor } from '../context.js';
import type { NnnPath } from '../nnn.js';
import type { TaskDriver } from './types.js';

function perHectare(ctx: ModelContext, nnn: NnnPath, index: YearlyFactor, label: string, name: 'kostenindex' | 'grondprijsindex'): TaskDriver {
  return {
    price: (t) => at(index, t),
    prijsindex: { index: name },
    volume: (t) => nnn.ha.get(t)!.dividedBy(nnn.base),
    explain: (t) =>
      `prijs: ${label} ${ctx.baseYear}→${t}; volume: ${nnn.ha.get(t)!.toDecimalPlaces(0).toString()} ha in ${t} / ${nnn.base.toString()} ha in ${ctx.baseYear}; ${nnn.explanation}`,
    inputs: (t) => ctx.years.filter((y) => y <= t).flatMap((y) => index.steps.get(y)?.inputs ?? []),
    bron: nnn.sources,
  };
}

export const verwervingDriver = (ctx: ModelContext, nnn: NnnPath) => perHectare(ctx, nnn, ctx.grondprijsindex, 'grondprijsindex', 'grondprijsindex');
export const inrichtingDriver = (ctx: ModelContext, nnn: NnnPath) => perHectare(ctx, nnn, ctx.kostenindex, 'natuurkostenindex', 'kostenindex');
