/**
 * herstel: Natura 2000 restoration, paid from Programma Natuur.
 *
 *   P_t = 1 (programme amounts are nominal),   V_t = PN_t / PN_base
 *
 * PN_t is the (possibly changed) Programma Natuur schedule: spending follows the programme. Extra
 * restoration for the EU regulation is the development `nhv`.
 */
import { ONE } from '../../decimal.js';
import { UserError } from '../../errors.js';
import type { ModelContext } from '../context.js';
import type { Schedule } from '../programma-natuur.js';
import type { TaskDriver } from './types.js';

export function herstelDriver(ctx: ModelContext, schedule: Schedule): TaskDriver {
  const base = schedule.amount(ctx.baseYear);
  if (base.isZero()) throw new UserError({ message: `Programma Natuur heeft geen bedrag in het basisjaar ${ctx.baseYear}; herstel kan niet geschaald worden` });
  return {
    price: () => ONE,
    volume: (t) => schedule.amount(t).dividedBy(base),
    explain: (t) => `volume: Programma Natuur ${t} / ${ctx.baseYear}; ${schedule.explain(t)}; basis: ${schedule.explain(ctx.baseYear)}`,
    inputs: () => [],
    bron: schedule.bron,
  };
}
