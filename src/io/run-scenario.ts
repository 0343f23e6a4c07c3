/**
 * Running a scenario file: load and check it, apply its assumption overrides, run the model, and (when
 * it asks for constructions) compare them and solve "what would it take". The result feeds every
 * report writer.
 */
import { checkVintage } from '../core/indexation/series.js';
import { compareConstructions, whatWouldItTake, type Comparison, type ComparisonRow, type SolverAnswer } from '../core/constructions/compare.js';
import { shippedConstructions } from '../core/constructions/shipped.js';
import type { Construction } from '../core/constructions/construction.js';
import type { Dataset } from '../core/dataset.js';
import { UserError } from '../core/errors.js';
import { decomposeGap, type GapDecomposition } from '../core/model/decompose.js';
import type { ModelScenario } from '../core/model/plan.js';
import { runScenario, type ModelResult } from '../core/model/run.js';
import { PROVINCE_CODES } from '../core/provinces.js';
import { suggest } from '../core/suggest.js';
import { applyParameters, checkAgainstData, loadScenarioFile, toModelScenario, type LoadedScenario } from './scenario.js';

/** One row of the tidy result table that all outputs are views of. */
export type TidyRow = ComparisonRow;

export interface ScenarioRun {
  readonly loaded: LoadedScenario;
  readonly scenario: ModelScenario;
  readonly data: Dataset;
  readonly result: ModelResult;
  readonly window: { readonly van: number; readonly tot: number };
  readonly rows: readonly TidyRow[];
  readonly comparison?: Comparison;
  readonly solver: readonly SolverAnswer[];
  readonly decomposition: readonly GapDecomposition[];
}

function selectConstructions(loaded: LoadedScenario, data: Dataset): Construction[] | undefined {
  const wanted = loaded.content.constructies;
  if (wanted === undefined) return undefined;
  const all = shippedConstructions(data);
  if (wanted === 'alle') return all;
  const ids = all.map((c) => c.id);
  const issues = wanted
    .filter((id) => !ids.includes(id))
    .map((id) => {
      const hint = suggest(id, ids);
      return {
        file: loaded.file,
        ...loaded.locate(['constructies', wanted.indexOf(id)]),
        message: `onbekende constructie '${id}'` + (hint ? `; bedoelt u '${hint}'?` : `; kies uit ${ids.join(', ')}`),
      };
    });
  if (issues.length > 0) throw new UserError(issues);
  const chosen = all.filter((c) => wanted.includes(c.id));
  return chosen.some((c) => c.id === 'C0') ? chosen : [all[0]!, ...chosen];
}

/** Loads, checks and runs one scenario file against the (already loaded) data. */
export function runScenarioFile(path: string, loadedData: Dataset): ScenarioRun {
  const loaded = loadScenarioFile(path);
  checkAgainstData(loaded, loadedData);
  if (loaded.content.macro?.vintage) {
    try {
      checkVintage(loadedData, loaded.content.macro.vintage);
    } catch (e) {
      if (e instanceof UserError) throw new UserError(e.issues.map((i) => ({ ...i, file: loaded.file, ...loaded.locate(['macro', 'vintage']) })));
      throw e;
    }
  }
  const data = applyParameters(loaded, loadedData);
  const scenario = toModelScenario(loaded);
  let result: ModelResult;
  try {
    result = runScenario(scenario, data);
  } catch (e) {
    if (e instanceof UserError) throw new UserError(e.issues.map((i) => ({ ...i, file: i.file ?? loaded.file })));
    throw e;
  }
  const last = result.jaren.at(-1)!;
  const window = {
    van: loaded.content.uitvoer?.venster?.van ?? result.basisjaar + 1,
    tot: Math.min(loaded.content.uitvoer?.venster?.tot ?? last, last),
  };
  const constructions = selectConstructions(loaded, data);
  const comparison = constructions ? compareConstructions(result, constructions, window) : undefined;
  const solver = (constructions ?? [])
    .filter((c) => c.regel.soort === 'regel')
    .map((c) => whatWouldItTake(result, c, { doeljaar: window.tot, wijze: 'basis' }));
  const decomposition = [...PROVINCE_CODES, 'NL' as const].map((p) => decomposeGap(result, { provincie: p, van: result.basisjaar, tot: window.tot }));
  const rows: TidyRow[] = comparison ? [...comparison.rows] : result.rows.map((r) => ({ ...r }));
  return { loaded, scenario, data, result, window, rows, ...(comparison ? { comparison } : {}), solver, decomposition };
}
