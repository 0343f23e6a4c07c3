/**
 * A driver model turns the base-year cost of a task into its cost in a projection year:
 *
 *   cost_{p,t} = base_{p} × P_t × V_t
 *
 * with P_t a price factor and V_t a volume factor, both national and relative to the base year
 * (base year = 1). Splitting price from volume is what the gap decomposition uses.
 */
import type { Decimal } from '../../decimal.js';
import type { SeriesInput } from '../../indexation/series.js';

export interface TaskDriver {
  price(year: number): Decimal;
  volume(year: number): Decimal;
  /** Dutch: how P_t and V_t were made. */
  explain(year: number): string;
  inputs(year: number): readonly SeriesInput[];
  /** Source ids behind the driver (for the explanation of a cell). */
  readonly bron: readonly string[];
}
