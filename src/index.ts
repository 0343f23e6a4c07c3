/**
 * natuurpact: provincial nature tasks against the money for them.
 *
 * The public API. Each export is documented where it is defined, with an example.
 *
 * @example
 *   import { loadDataset, completeHistory } from 'natuurpact';
 *   const { dataset } = completeHistory(loadDataset());
 */
import { loadFormulaParser } from './core/allocation/formula.js';

export { Decimal, dec, sum } from './core/decimal.js';
export { PROVINCES, PROVINCE_CODES, provinceName, isProvinceCode, type ProvinceCode, type RegionCode } from './core/provinces.js';
export { STATUSES, type Status } from './core/status.js';
export { UNITS, toBaseUnit } from './core/units.js';
export { UserError, formatIssue, type Issue } from './core/errors.js';
export type * from './core/dataset.js';
export { buildDataset, type DataFileInput } from './io/load.js';
export { loadDataset, shippedDataDir } from './io/read-dir.js';
export { completeHistory, fallbackKey, nationalSpending, nationalIncome, observations, HISTORY_YEARS, type HistoryBasis, type HistorySpending, type CompletedHistory } from './core/estimate.js';
export { parseNumber } from './io/number.js';
export { indexFactors, indexFactor, cumulativeIndex, RULES, type RuleName, type PeriodOptions } from './core/indexation/index.js';
export { bbpIndexation, volumeMean, combine } from './core/indexation/bbp.js';
export { macroValue, type SeriesInput } from './core/indexation/series.js';
export type { IndexFactor, IndexOptions } from './core/indexation/types.js';
export { provinciefondsLedger, type Ledger, type LedgerYear, type LedgerOptions } from './core/provinciefonds.js';
export { runScenario, explain, STATUS_QUO, type ModelResult, type ResultRow, type Explanation } from './core/model/run.js';
export { compilePlan, type ModelScenario, type DevelopmentSetting, type Plan } from './core/model/plan.js';
export { DEVELOPMENTS, DEVELOPMENT_NAMES, type ParameterValue } from './core/model/developments.js';
export { valueAt, describeInput, type ParameterInput, type TimedValue, type DatedValues, type PerProvince, type Dimension } from './core/parameter.js';
export { assumptionDimensions, assumptionBounds, ASSUMPTION_BOUNDS } from './core/assumption-dimensions.js';
export { checkBounds, describeRange, showValue, MAX_MAGNITUDE, type Bounds, type BoundFinding, type Range } from './core/bounds.js';
export { CONSTRUCTION_BOUNDS } from './core/constructions/bounds.js';
export { LINES, COST_TASKS as MODEL_COST_TASKS, INCOME_STREAMS, type Line } from './core/model/lines.js';
export { decomposeGap, type GapDecomposition, type DevelopmentPart, type GapSource } from './core/model/decompose.js';
export { ownContributionPart } from './core/model/own-contribution.js';
export { compileFast, compilePlanArrays, evaluateFast, type FastPlan } from './core/model/fast.js';
export { uncertainInputs, onlyInputs, type InputCatalogue, type UncertainInput, type FixedInput } from './core/uncertainty/inputs.js';
export { compileUncertainty, evaluateUncertainty, drawBuffers, type UncertaintyModel } from './core/uncertainty/model.js';
export { runMonteCarlo, summarise, type SeriesSummary } from './core/uncertainty/montecarlo.js';
export { tornado, varianceShares } from './core/uncertainty/sensitivity.js';
export { assumptionRegister, type RegisterRow } from './core/uncertainty/register.js';
export { sobolIndices } from './core/uncertainty/sobol.js';
export { Mt19937 } from './core/uncertainty/random.js';
export { allocateWholeEuros } from './core/allocation/largest-remainder.js';
export { compileFormula, checkFormula, loadFormulaParser } from './core/allocation/formula.js';
export { keyShares, indicators, type KeySpec } from './core/allocation/keys.js';
export { constructionYear, opcentenRoom, type Construction, type ConstructionRule, type GenericConstruction } from './core/constructions/construction.js';
export { shippedConstructions, CONSTRUCTION_START, AU_KEY_NAME } from './core/constructions/shipped.js';
export { compareConstructions, whatWouldItTake, COMPARISON_LINES, CONSTRUCTION_LINES, type Comparison, type ComparisonLine, type ComparisonRow, type ConstructionSummary, type SolverAnswer } from './core/constructions/compare.js';
export { explainConstructionCell, type ConstructionExplanation } from './core/constructions/explain.js';
export { skpFactor } from './core/constructions/skp-index.js';

// The API above is synchronous and parses formula keys, so importing the package loads the parser
// (the command line loads it only for scenarios that use formulas).
await loadFormulaParser();
