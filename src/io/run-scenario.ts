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
import { decomposeGapAll, type GapDecomposition, type GapSource } from '../core/model/decompose.js';
import type { ModelScenario } from '../core/model/plan.js';
import { runScenario, type ModelResult } from '../core/model/run.js';
import { PROVINCE_CODES, type RegionCode } from '../core/provinces.js';
import { weakestStatus } from '../core/status.js';
import { suggest } from '../core/suggest.js';
import { applyParameters, checkAgainstData, loadScenarioFile, toModelScenario, type CustomConstructionInput, type KeyInput, type LoadedScenario } from './scenario.js';

/** The decomposition in the tidy table: the change of the gap from the base year to `jaar`, by cause. */
export type DecompositionLine = `ontleding.${string}`;

/** One row of the tidy result table that all outputs are views of. */
export interface TidyRow extends Omit<ComparisonRow, 'post'> {
  readonly post: ComparisonRow['post'] | DecompositionLine;
}

/**
 * The gap decomposition as rows of the tidy table, for every region and projection year (change
 * from the base year to that year): `ontleding.totaal`, `.prijs`, `.volume`, `.nieuwe_taken`, one
 * `.nieuwe_taken.<ontwikkeling>` per active development (adding up to `.nieuwe_taken` exactly) and
 * `.financiering`. Status: the weakest of the two gap cells it explains.
 */
function decompositionRows(result: ModelResult, constructie: string, source: GapSource, status: (p: RegionCode, y: number) => ComparisonRow['status']): TidyRow[] {
  const rows: TidyRow[] = [];
  const years = result.jaren.filter((x) => x > result.basisjaar);
  const byYear = new Map(years.map((y) => [y, decomposeGapAll(result, { van: result.basisjaar, tot: y }, source)] as const));
  for (const [i, p] of ([...PROVINCE_CODES, 'NL'] as const).entries()) {
    for (const y of years) {
      const d = byYear.get(y)![i]!;
      const st = weakestStatus([status(p, result.basisjaar), status(p, y)]);
      const put = (post: DecompositionLine, bedrag_eur: ComparisonRow['bedrag_eur']) => rows.push({ scenario: result.scenario, constructie, provincie: p, jaar: y, post, bedrag_eur, status: st });
      put('ontleding.totaal', d.totaal);
      put('ontleding.prijs', d.prijs);
      put('ontleding.volume', d.volume);
      put('ontleding.nieuwe_taken', d.nieuweTaken);
      for (const x of d.perOntwikkeling) put(`ontleding.nieuwe_taken.${x.naam}`, x.bedrag);
      put('ontleding.financiering', d.financiering);
    }
  }
  return rows;
}

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
      return [{ file: loaded.file, ...loaded.locate([...path, 'indicator']), message: `onbekende indicator '${k.indicator}'` + (hint ? `; bedoelt u '${hint}'?` : `; bekend: ${names.join(', ')}`) }];
    }
    return [];
  }
  if ('formule' in k) {
    const at = loaded.locate([...path, 'formule']);
    return checkFormula(k.formule, names).problems.map((p) => ({
      file: loaded.file,
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

/** Options a command gives beside the scenario file. */
export interface RunOptions {
  /**
   * Construction ids that replace the scenario's own `constructies` (C0 is always added as the
   * basis): shipped ones, or custom ones the scenario defines. An unknown id is a user error with
   * field `--constructie`.
   */
  readonly constructies?: readonly string[];
}

function selectConstructions(loaded: LoadedScenario, data: Dataset, override?: readonly string[]): Construction[] | undefined {
  const own = selectScenarioConstructions(loaded, data);
  if (override === undefined) return own;
  const shipped = shippedConstructions(data);
  const available = [...shipped, ...(own ?? []).filter((c) => !shipped.some((x) => x.id === c.id))];
  const ids = available.map((c) => c.id);
  const unknown = override.filter((id) => !ids.includes(id));
  if (unknown.length > 0) {
    throw new UserError({ field: '--constructie', message: `onbekende constructie '${unknown.join(', ')}'; kies uit ${ids.join(', ')}` });
  }
  const chosen = available.filter((c) => override.includes(c.id));
  return chosen.some((c) => c.id === 'C0') ? chosen : [available[0]!, ...chosen];
}

function selectScenarioConstructions(loaded: LoadedScenario, data: Dataset): Construction[] | undefined {
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
        issues.push({ file: loaded.file, ...loaded.locate(['constructies', i]), message: `onbekende constructie '${item}'` + (hint ? `; bedoelt u '${hint}'?` : `; kies uit ${ids.join(', ')}`) });
      }
      return;
    }
    if (ids.includes(item.id) || chosen.some((c) => c.id === item.id)) {
      issues.push({ file: loaded.file, ...loaded.locate(['constructies', i, 'id']), message: `constructie-id '${item.id}' bestaat al; kies een andere id` });
    }
    issues.push(...formulaIssues(loaded, item.sleutel, ['constructies', i, 'sleutel'], names));
    chosen.push(customConstruction(item));
  });
  if (issues.length > 0) throw new UserError(issues);
  return chosen.some((c) => c.id === 'C0') ? chosen : [all[0]!, ...chosen];
}

/** Loads, checks and runs one scenario file against the (already loaded) data. */
export function runScenarioFile(path: string, loadedData: Dataset, options: RunOptions = {}): ScenarioRun {
  return runLoadedScenario(loadScenarioFile(path), loadedData, options);
}

/** Checks and runs a loaded scenario against the (already loaded) data (the explorer's way in: it reads no file). */
export function runLoadedScenario(loaded: LoadedScenario, loadedData: Dataset, options: RunOptions = {}): ScenarioRun {
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
  const constructions = selectConstructions(loaded, data, options.constructies);
  const comparison = constructions ? compareConstructions(result, constructions, window) : undefined;
  const solver = (constructions ?? [])
    .filter((c) => c.regel.soort === 'regel')
    .map((c) => whatWouldItTake(result, c, { doeljaar: window.tot, wijze: 'basis' }));
  const decomposition = decomposeGapAll(result, { van: result.basisjaar, tot: window.tot });
  const rows: TidyRow[] = comparison
    ? [
        ...comparison.rows,
        ...comparison.constructies.flatMap((c) =>
          decompositionRows(result, c.id, (p, y, l) => comparison.row(c.id, p, y, l).bedrag_eur, (p, y) => comparison.row(c.id, p, y, 'tekort').status),
        ),
      ]
    : [...result.rows, ...decompositionRows(result, result.rows[0]!.constructie, (p, y, l) => result.cell(p, y, l).bedrag_eur, (p, y) => result.cell(p, y, 'tekort').status)];
  return { loaded, scenario, data, result, window, rows, ...(comparison ? { comparison } : {}), solver, decomposition };
}
