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

/**
 * Which cumulative index the price factor is (see `context.ts`), so that a workbook can write it as
 * a formula: P_t = I_t / I_r for t > r and 1 otherwise, with r = `tenOpzichteVan` (default the base
 * year, where I = 1). A driver without one has P_t = 1. `tests/model.test.ts` holds every driver's
 * price to its declaration.
 */
export interface PriceIndex {
  readonly index: 'kostenindex' | 'loonindex' | 'grondprijsindex';
  readonly tenOpzichteVan?: number;
}

export interface TaskDriver {
  price(year: number): Decimal;
  readonly prijsindex?: PriceIndex;
  volume(year: number): Decimal;
  /** Dutch: how P_t and V_t were made. */
  explain(year: number): string;
  inputs(year: number): readonly SeriesInput[];
  /** Source ids behind the driver (for the explanation of a cell). */
  readonly bron: readonly string[];
}
