/**
 * Reconciliation with published totals ("aansluiting"): for each published total, the model's figure,
 * the difference, the part of it that published components explain (decentralisatie-uitkeringen,
 * taakmutaties, ...), what stays unexplained, and the difference as expected in `aansluiting.csv`.
 *
 *   verschil     = gepubliceerd − model
 *   verklaard    = Σ explained components (each a published figure or a labelled estimate)
 *   onverklaard  = verschil − verklaard
 *   oordeel      = 'binnen marge' when |verschil − verwacht| <= marge, 'afwijking' when not,
 *                  'niet vastgelegd' when `aansluiting.csv` has no row for the id
 *
 * In the style of Tax-Calculator's expected-differences files: every known difference is versioned
 * with its reason, so a new or moved difference shows (and fails a test) until someone explains it.
 * A source is plain data plus three functions of the dataset; see `reconciliation-sources.ts` for the
 * list and how to add one. Pure: no I/O; the context caches expensive model runs per dataset.
 *
 * @example
 *   const result = reconcile(RECONCILIATION_SOURCES, data);
 *   result.rijen.filter((r) => r.oordeel !== 'binnen marge')
 */
import type { Dataset, ExpectedDifference } from './dataset.js';
import { Decimal, ZERO, sum } from './decimal.js';
import type { Status } from './status.js';

/** A published figure with where it was found. */
export interface PublishedFigure {
  readonly waarde: Decimal;
  readonly status: Status;
  readonly bron: readonly string[];
  /** Dutch: which rows and tables make the figure (e.g. a sum of two table lines). */
  readonly uitleg: string;
}

/** The model's counterpart of a published figure. */
export interface ModelFigure {
  readonly waarde: Decimal;
  /** Dutch: what the model figure is (e.g. the ledger's AU with which settings). */
  readonly uitleg: string;
}

/** One explained part of a difference: a published component the model does not carry. */
export interface ExplainedPart {
  readonly omschrijving: string;
  /** Published minus model direction: a positive part is in the published figure but not in the model's. */
  readonly waarde: Decimal;
  readonly status: Status;
  readonly bron: readonly string[];
}

/** Cache of model runs per dataset, shared by the sources of one reconciliation. */
export interface ReconciliationContext {
  readonly data: Dataset;
  memo<T>(key: string, make: () => T): T;
}

export interface ReconciliationSource {
  /** Stable id, the key of `aansluiting.csv` (e.g. `pf.vjn2024.2026`). */
  readonly id: string;
  /** Dutch group heading (e.g. `Provinciefonds`). */
  readonly groep: string;
  /** Dutch description of the published total. */
  readonly omschrijving: string;
  readonly jaar: number;
  published(ctx: ReconciliationContext): PublishedFigure;
  model(ctx: ReconciliationContext): ModelFigure;
  /** Published components that explain (part of) the difference; none when absent. */
  verklaard?(ctx: ReconciliationContext): readonly ExplainedPart[];
}

export type Verdict = 'binnen marge' | 'afwijking' | 'niet vastgelegd';

export interface ReconciliationRow {
  readonly id: string;
  readonly groep: string;
  readonly omschrijving: string;
  readonly jaar: number;
  readonly gepubliceerd: PublishedFigure;
  readonly model: ModelFigure;
  readonly verschil: Decimal;
  readonly verklaringen: readonly ExplainedPart[];
  readonly verklaard: Decimal;
  readonly onverklaard: Decimal;
  /** onverklaard / gepubliceerd (0 when the published figure is 0). */
  readonly onverklaardAandeel: Decimal;
  readonly verwacht?: ExpectedDifference;
  readonly oordeel: Verdict;
}

export interface Reconciliation {
  readonly rijen: readonly ReconciliationRow[];
  /** Rows of `aansluiting.csv` whose id no source has any more (stale expectations). */
  readonly vervallen: readonly ExpectedDifference[];
}

export function reconciliationContext(data: Dataset): ReconciliationContext {
  const cache = new Map<string, unknown>();
  return {
    data,
    memo<T>(key: string, make: () => T): T {
      if (!cache.has(key)) cache.set(key, make());
      return cache.get(key) as T;
    },
  };
}

/** Reconciles every source against the dataset and its expected differences. */
export function reconcile(sources: readonly ReconciliationSource[], data: Dataset): Reconciliation {
  const ids = new Set<string>();
  for (const s of sources) {
    if (ids.has(s.id)) throw new RangeError(`reconciliation source id ${s.id} is used twice`);
    ids.add(s.id);
  }
  const ctx = reconciliationContext(data);
  const expected = new Map(data.aansluiting.map((e) => [e.id, e] as const));
  const rijen = sources.map((s): ReconciliationRow => {
    const gepubliceerd = s.published(ctx);
    const model = s.model(ctx);
    const verschil = gepubliceerd.waarde.minus(model.waarde);
    const verklaringen = s.verklaard?.(ctx) ?? [];
    const verklaard = sum(verklaringen.map((v) => v.waarde));
    const onverklaard = verschil.minus(verklaard);
    const verwacht = expected.get(s.id);
    const oordeel: Verdict = !verwacht ? 'niet vastgelegd' : verschil.minus(verwacht.verwacht).abs().lessThanOrEqualTo(verwacht.marge) ? 'binnen marge' : 'afwijking';
    return {
      id: s.id,
      groep: s.groep,
      omschrijving: s.omschrijving,
      jaar: s.jaar,
      gepubliceerd,
      model,
      verschil,
      verklaringen,
      verklaard,
      onverklaard,
      onverklaardAandeel: gepubliceerd.waarde.isZero() ? ZERO : onverklaard.dividedBy(gepubliceerd.waarde),
      ...(verwacht ? { verwacht } : {}),
      oordeel,
    };
  });
  return { rijen, vervallen: data.aansluiting.filter((e) => !ids.has(e.id)) };
}
