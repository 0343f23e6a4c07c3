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
import { UserError, type Issue } from '../core/errors.js';
import { checkFormula } from '../core/allocation/formula.js';
import { indicatorsOf, type KeySpec } from '../core/allocation/keys.js';
import { decomposeGap, type GapDecomposition } from '../core/model/decompose.js';
import type { ModelScenario } from '../core/model/plan.js';
import { runScenario, type ModelResult } from '../core/model/run.js';
import { PROVINCE_CODES } from '../core/provinces.js';
import { suggest } from '../core/suggest.js';
import { applyParameters, checkAgainstData, loadScenarioFile, located, toModelScenario, type CustomConstructionInput, type KeyInput, type LoadedScenario, type ScenarioOptions } from './scenario.js';

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

function toKeySpec(k: KeyInput): KeySpec {
  if (k === 'historisch' || k === 'plan') return { soort: k };
  if ('indicator' in k) return { soort: 'indicator', kenmerk: k.indicator };
  if ('taak' in k) return { soort: 'taak', taken: k.taak };
  if ('formule' in k) return { soort: 'formule', formule: k.formule };
  if ('mix' in k) return { soort: 'mix', delen: k.mix.map((d) => ({ sleutel: toKeySpec(d.sleutel), gewicht: d.gewicht })) };
  return { soort: 'overgang', van: toKeySpec(k.overgang.van), naar: toKeySpec(k.overgang.naar), jaren: k.overgang.jaren, start: k.overgang.start };
}

/** Formula keys are checked against the indicators in the data, with their place in the file. */
function formulaIssues(loaded: LoadedScenario, k: KeyInput, path: (string | number)[], names: readonly string[]): Issue[] {
  if (typeof k === 'string' || 'indicator' in k || 'taak' in k) {
    if (typeof k !== 'string' && 'indicator' in k && !names.includes(k.indicator)) {
      const hint = suggest(k.indicator, names);
      return [{ ...located(loaded, [...path, 'indicator']), message: `onbekende indicator '${k.indicator}'` + (hint ? `; bedoelt u '${hint}'?` : `; bekend: ${names.join(', ')}`) }];
    }
    return [];
  }
  if ('formule' in k) {
    const at = located(loaded, [...path, 'formule']);
    return checkFormula(k.formule, names).problems.map((p) => ({
      file: at.file,
      ...(at.line !== undefined ? { line: at.line } : {}),
      ...(at.column !== undefined ? { column: at.column + (p.position ?? 1) - 1 } : {}),
      message: `sleutelformule '${k.formule}'${p.position ? ` (teken ${p.position})` : ''}: ${p.message}`,
    }));
  }
  if ('mix' in k) return k.mix.flatMap((d, i) => formulaIssues(loaded, d.sleutel, [...path, 'mix', i, 'sleutel'], names));
  return [
    ...formulaIssues(loaded, k.overgang.van, [...path, 'overgang', 'van'], names),
    ...formulaIssues(loaded, k.overgang.naar, [...path, 'overgang', 'naar'], names),
  ];
}

function customConstruction(c: CustomConstructionInput): Construction {
  const assumptions = [{ naam: 'eigen constructie', toelichting: 'gedefinieerd in het scenariobestand' }];
  return {
    id: c.id,
    naam: c.naam,
    omschrijving: c.omschrijving ?? `Eigen constructie ${c.id}, gedefinieerd in het scenario.`,
    start: c.start,
    ...(c.eind !== undefined ? { eind: c.eind } : {}),
    regel: {
      soort: 'regel',
      basis: 'bedrag' in c.basis ? { bedrag: c.basis.bedrag } : { statusQuoJaar: c.basis.status_quo_jaar },
      ...(c.toevoegingen ? { toevoegingen: c.toevoegingen.map((t) => ({ bedrag: t.bedrag, vanaf: t.vanaf, ...(t.omschrijving ? { omschrijving: t.omschrijving } : {}) })) } : {}),
      indexatie: { regel: c.indexatie },
      sleutel: toKeySpec(c.sleutel),
      ...(c.cofinanciering ? { cofinanciering: c.cofinanciering } : {}),
      ...(c.oormerk ? { oormerk: { onderbesteding: c.oormerk.onderbesteding } } : {}),
      ...(c.uitvoeringslasten ? { uitvoeringslasten: c.uitvoeringslasten } : {}),
      ...(c.omzettingskorting ? { omzettingskorting: c.omzettingskorting } : {}),
    },
    aannames: assumptions,
  };
}

function selectConstructions(loaded: LoadedScenario, data: Dataset): Construction[] | undefined {
  const wanted = loaded.content.constructies;
  if (wanted === undefined) return undefined;
  const all = shippedConstructions(data);
  if (wanted === 'alle') return all;
  const ids = all.map((c) => c.id);
  const names = [...indicatorsOf(data).keys()].sort();
  const issues: Issue[] = [];
  const chosen: Construction[] = [];
  wanted.forEach((item, i) => {
    if (typeof item === 'string') {
      const found = all.find((c) => c.id === item);
      if (found) chosen.push(found);
      else {
        const hint = suggest(item, ids);
        issues.push({ ...located(loaded, ['constructies', i]), message: `onbekende constructie '${item}'` + (hint ? `; bedoelt u '${hint}'?` : `; kies uit ${ids.join(', ')}`) });
      }
      return;
    }
    if (ids.includes(item.id) || chosen.some((c) => c.id === item.id)) {
      issues.push({ ...located(loaded, ['constructies', i, 'id']), message: `constructie-id '${item.id}' bestaat al; kies een andere id` });
    }
    issues.push(...formulaIssues(loaded, item.sleutel, ['constructies', i, 'sleutel'], names));
    chosen.push(customConstruction(item));
  });
  if (issues.length > 0) throw new UserError(issues);
  return chosen.some((c) => c.id === 'C0') ? chosen : [all[0]!, ...chosen];
}

/**
 * Loads, checks and runs one scenario file against the (already loaded) data.
 *
 * @example
 *   const run = runScenarioFile('scenarios/bouwsteen-natuur.yaml', loadDataset());
 */
export function runScenarioFile(path: string, loadedData: Dataset, options: ScenarioOptions = {}): ScenarioRun {
  return runLoadedScenario(loadScenarioFile(path, options), loadedData);
}

/**
 * Loads several scenario files for one run and checks that no two of them write to the same output
 * folder (`naam`, compared without regard to case, as some file systems do): that is an error naming
 * both files. Every file's problems are reported together.
 */
export function loadScenarioFiles(paths: readonly string[], options: ScenarioOptions = {}): LoadedScenario[] {
  const { loaded, issues } = collectScenarioFiles(paths, options);
  if (issues.length > 0) throw new UserError(issues);
  return loaded;
}

/** As {@link loadScenarioFiles}, returning the files that loaded beside every problem found. */
export function collectScenarioFiles(paths: readonly string[], options: ScenarioOptions = {}): { loaded: LoadedScenario[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const loaded: LoadedScenario[] = [];
  for (const path of paths) {
    try {
      loaded.push(loadScenarioFile(path, options));
    } catch (e) {
      if (e instanceof UserError) issues.push(...e.issues);
      else throw e;
    }
  }
  const seen = new Map<string, LoadedScenario>();
  for (const l of loaded) {
    const key = l.content.naam.toLowerCase();
    const earlier = seen.get(key);
    if (!earlier) {
      seen.set(key, l);
      continue;
    }
    const there = located(earlier, ['naam']);
    const place = `${there.file}${there.line !== undefined ? `:${there.line}:${there.column ?? 1}` : ''}`;
    issues.push({
      ...located(l, ['naam']),
      message:
        there.file === located(l, ['naam']).file
          ? `scenario ${l.file} staat twee keer in de opdracht`
          : `naam '${l.content.naam}' wordt ook gebruikt door ${place} ('${earlier.content.naam}'); beide scenario's zouden in dezelfde uitvoermap schrijven: geef elk een eigen naam`,
    });
  }
  return { loaded, issues };
}

/** Checks and runs a loaded scenario against the (already loaded) data. */
export function runLoadedScenario(loaded: LoadedScenario, loadedData: Dataset): ScenarioRun {
  checkAgainstData(loaded, loadedData);
  if (loaded.content.macro?.vintage) {
    try {
      checkVintage(loadedData, loaded.content.macro.vintage);
    } catch (e) {
      if (e instanceof UserError) throw new UserError(e.issues.map((i) => ({ ...i, ...located(loaded, ['macro', 'vintage']) })));
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
