/**
 * Phasing of the Nature Restoration Regulation's cost over the years: by its restoration milestones.
 *
 * The regulation asks restoration measures on a cumulative share F_i of the area not in good
 * condition by year m_i (30% by 2030, 60% by 2040, 90% by 2050). Taking cost proportional to the
 * area restored, the total T is spread as
 *
 *   w_t = (F_i − F_{i−1}) / F_n / |S_i|      for t in S_i = [max(start, m_{i−1} + 1), m_i]
 *
 * so each milestone's increment goes evenly over the years before it (F_0 = 0, m_0 = start − 1). A
 * segment without years (the start lies after its milestone) passes its increment on to the next.
 * The weights sum to 1 over start .. m_n. Rounding: none.
 *
 * @example
 *   restorationWeights(2026, [{ jaar: 2030, aandeel: 0.3 }, { jaar: 2040, aandeel: 0.6 }, { jaar: 2050, aandeel: 0.9 }])
 *   // 2026-2030: 1/15 each; 2031-2040 and 2041-2050: 1/30 each
 */
import { Decimal, ZERO } from '../decimal.js';

export interface Milestone {
  readonly jaar: number;
  /** Cumulative share of the area with restoration measures by that year (a fraction). */
  readonly aandeel: Decimal;
}

export function restorationWeights(start: number, milestones: readonly Milestone[]): Map<number, Decimal> {
  const sorted = [...milestones].sort((a, b) => a.jaar - b.jaar);
  const last = sorted.at(-1);
  if (!last || last.aandeel.isZero()) throw new RangeError('restorationWeights: no milestones');
  if (start > last.jaar) throw new RangeError(`restorationWeights: start ${start} after the last milestone ${last.jaar}`);
  const weights = new Map<number, Decimal>();
  let previousShare = ZERO;
  let carried = ZERO;
  let previousYear = start - 1;
  for (const m of sorted) {
    const increment = m.aandeel.minus(previousShare).dividedBy(last.aandeel).plus(carried);
    const from = Math.max(start, previousYear + 1);
    const years = m.jaar - from + 1;
    if (years <= 0) carried = increment;
    else {
      for (let y = from; y <= m.jaar; y++) weights.set(y, increment.dividedBy(years));
      carried = ZERO;
    }
    previousShare = m.aandeel;
    previousYear = Math.max(previousYear, m.jaar);
  }
  return weights;
}
