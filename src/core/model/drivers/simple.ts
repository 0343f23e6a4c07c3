/**
 * The drivers that only follow an index, with constant volume:
 *
 * - anlb: P_t = KI_t (tariffs indexed on nature costs), V_t = 1 (hectares as in the base year;
 *   the decided extra 500 mln a year from 2026 is `anlb_500`, on in the status quo);
 * - uitvoering: P_t = WI_t (BIJ12, monitoring and staff follow wages), V_t = 1.
 */
import { ONE } from '../../decimal.js';
import { at, type ModelContext, type YearlyFactor } from '../context.js';
import type { TaskDriver } from './types.js';

function indexed(ctx: ModelContext, index: YearlyFactor, label: string, name: 'kostenindex' | 'loonindex'): TaskDriver {
  return {
    price: (t) => at(index, t),
    prijsindex: { index: name },
    volume: () => ONE,
    explain: (t) => `prijs: ${label} ${ctx.baseYear}→${t}; volume: gelijk aan ${ctx.baseYear}`,
    inputs: (t) => ctx.years.filter((y) => y <= t).flatMap((y) => index.steps.get(y)?.inputs ?? []),
    bron: [],
  };
}

export const anlbDriver = (ctx: ModelContext): TaskDriver => indexed(ctx, ctx.kostenindex, 'natuurkostenindex', 'kostenindex');
export const uitvoeringDriver = (ctx: ModelContext): TaskDriver => indexed(ctx, ctx.loonindex, 'loonindex (CAO Bos en Natuur)', 'loonindex');
