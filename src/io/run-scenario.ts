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
import { sum, type Decimal } from '../core/decimal.js';
import { UserError, type Issue } from '../core/errors.js';
import { checkFormula, loadFormulaParser } from '../core/allocation/formula.js';
import { formulaValues, indicatorsOf, type KeySpec } from '../core/allocation/keys.js';
import { decomposeGapAll, type GapDecomposition, type GapSource } from '../core/model/decompose.js';
import { shareHistory } from '../core/estimate.js';
import type { ModelScenario } from '../core/model/plan.js';
import { explain, runScenario, STATUS_QUO, type ModelResult, type ResultRow } from '../core/model/run.js';
import { isFundLine, type FundLine } from '../core/model/lines.js';
import { MAX_MAGNITUDE } from '../core/bounds.js';
import { assumptionWarnings } from './load.js';
import { PROVINCE_CODES, type RegionCode } from '../core/provinces.js';
import { weakestStatus } from '../core/status.js';
import { suggest } from '../core/suggest.js';
import { applyParameters, checkAgainstData, loadScenarioFile, located, printable, toModelScenario, type CustomConstructionInput, type KeyInput, type LoadedScenario, type ScenarioOptions } from './scenario.js';

/** The decomposition in the tidy table: the change of the gap from the base year to `jaar`, by cause. */
export type DecompositionLine = `ontleding.${string}`;

/** One row of the tidy result table that all outputs are views of. */
/** A row of the tidy table: a construction comparison row, a national fund line (`fonds.*`), or the decomposition. */
export interface TidyRow extends Omit<ComparisonRow, 'post'> {
  readonly post: ComparisonRow['post'] | DecompositionLine | FundLine;
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
  /** Values outside their plausible range (scenario parameters and assumptions in the data), each with its place. */
  readonly waarschuwingen: readonly Issue[];
}

function toKeySpec(k: KeyInput): KeySpec {
  if (k === 'historisch' || k === 'plan') return { soort: k };
  if ('indicator' in k) return { soort: 'indicator', kenmerk: k.indicator };
  if ('taak' in k) return { soort: 'taak', taken: k.taak };
  if ('formule' in k) return { soort: 'formule', formule: k.formule };
  if ('mix' in k) return { soort: 'mix', delen: k.mix.map((d) => ({ sleutel: toKeySpec(d.sleutel), gewicht: d.gewicht })) };
  return { soort: 'overgang', van: toKeySpec(k.overgang.van), naar: toKeySpec(k.overgang.naar), jaren: k.overgang.jaren, start: k.overgang.start };
}

/**
 * Keys are checked against the data with their place in the file: indicators exist, a formula passes
 * the whitelist and gives every province a finite value of 0 or more (summing to more than 0), the
 * weights of a mix sum to 1.
 */
function keyIssues(loaded: LoadedScenario, k: KeyInput, path: (string | number)[], inds: ReturnType<typeof indicatorsOf>): Issue[] {
  const names = [...inds.keys()].sort();
  if (typeof k === 'string' || 'taak' in k) return [];
  if ('indicator' in k) {
    if (!names.includes(k.indicator)) {
      const hint = suggest(k.indicator, names);
      return [{ ...located(loaded, [...path, 'indicator']), message: `onbekende indicator '${k.indicator}'` + (hint ? `; bedoelt u '${hint}'?` : `; bekend: ${names.join(', ')}`) }];
    }
    return shareIssues(inds.get(k.indicator)!.values, `indicator '${k.indicator}'`).map((message) => ({ ...located(loaded, [...path, 'indicator']), message }));
  }
  if ('formule' in k) {
    const at = located(loaded, [...path, 'formule']);
    const problems = checkFormula(k.formule, names).problems;
    const issue = (message: string, position?: number) => ({
      file: at.file,
      ...(at.line !== undefined ? { line: at.line } : {}),
      ...(at.column !== undefined ? { column: at.column + (position ?? 1) - 1 } : {}),
      message: `sleutelformule '${printable(k.formule)}'${position ? ` (teken ${position})` : ''}: ${message}`,
    });
    if (problems.length > 0) return problems.map((p) => issue(p.message, p.position));
    try {
      return shareIssues(formulaValues(k.formule, inds), 'de formule').map((m) => issue(m));
    } catch (e) {
      if (e instanceof UserError) return e.issues.map((i) => issue(i.message));
      throw e;
    }
  }
  if ('mix' in k) {
    const own = k.mix.flatMap((d, i) => keyIssues(loaded, d.sleutel, [...path, 'mix', i, 'sleutel'], inds));
    const total = sum(k.mix.map((d) => d.gewicht));
    if (!total.equals(1) && k.mix.every((d) => d.gewicht.greaterThanOrEqualTo(0) && d.gewicht.lessThanOrEqualTo(1))) {
      own.push({ ...located(loaded, [...path, 'mix'], true), message: `mengsleutel: de gewichten tellen op tot ${total.toString()}, verwacht 1` });
    }
    return own;
  }
  return [...keyIssues(loaded, k.overgang.van, [...path, 'overgang', 'van'], inds), ...keyIssues(loaded, k.overgang.naar, [...path, 'overgang', 'naar'], inds)];
}

/** Why values cannot be a key: a negative value, or a total of 0 or less. */
function shareIssues(values: ReadonlyMap<string, Decimal>, what: string): string[] {
  const negative = [...values].filter(([, v]) => v.isNegative());
  if (negative.length > 0) return [`${what} geeft een negatieve waarde voor ${negative.map(([p, v]) => `${p} (${v.toSignificantDigits(6).toString()})`).join(', ')}; een verdeelsleutel kan niet negatief zijn`];
  const total = sum(values.values());
  return total.greaterThan(0) ? [] : [`${what} telt op tot ${total.toString()}; een verdeelsleutel moet samen meer dan 0 zijn`];
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
  const inds = indicatorsOf(data);
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
    issues.push(...keyIssues(loaded, item.sleutel, ['constructies', i, 'sleutel'], inds));
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
export function runScenarioFile(path: string, loadedData: Dataset, options: RunOptions & ScenarioOptions = {}): ScenarioRun {
  return runLoadedScenario(loadScenarioFile(path, options), loadedData, options);
}

/** Whether a key is, or is made of, a formula (which needs the formula parser). */
function hasFormula(k: KeyInput): boolean {
  if (typeof k === 'string' || 'indicator' in k || 'taak' in k) return false;
  if ('formule' in k) return true;
  if ('mix' in k) return k.mix.some((d) => hasFormula(d.sleutel));
  return hasFormula(k.overgang.van) || hasFormula(k.overgang.naar);
}

/** Whether a scenario's own constructions have formula keys (which need the formula parser). */
export function needsFormulaParser(content: LoadedScenario['content']): boolean {
  const wanted = content.constructies;
  return Array.isArray(wanted) && wanted.some((c) => typeof c !== 'string' && hasFormula(c.sleutel));
}

/** Loads the formula parser when a loaded scenario has formula keys (so that a run without formulas never loads it). */
export async function prepareScenario(loaded: LoadedScenario): Promise<void> {
  if (needsFormulaParser(loaded.content)) await loadFormulaParser();
}

/**
 * As {@link runScenarioFile}, first loading the formula parser when the scenario has formula keys:
 * the command line's way in.
 */
export async function runScenarioFileAsync(path: string, loadedData: Dataset, options: RunOptions & ScenarioOptions = {}): Promise<ScenarioRun> {
  const loaded = loadScenarioFile(path, options);
  await prepareScenario(loaded);
  return runLoadedScenario(loaded, loadedData, options);
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

/**
 * The last check before anything is written: every figure a run made is a finite number no larger
 * than {@link MAX_MAGNITUDE} (ten times the Dutch GDP). A figure that is not is a user error naming
 * the cell, the inputs that made it (data rows and scenario parameters with their places) and the
 * scenario's own parameters; validation should have refused its cause, so this is the net below it.
 */
function guardFigures(loaded: LoadedScenario, rows: readonly TidyRow[], result: ModelResult | undefined, what: string): void {
  const bad = rows.find((r) => !r.bedrag_eur.isFinite() || r.bedrag_eur.abs().greaterThan(MAX_MAGNITUDE));
  if (!bad) return;
  const value = bad.bedrag_eur.isFinite() ? `${bad.bedrag_eur.toSignificantDigits(6).toString()} (meer dan 10^13 euro, tienmaal het bbp)` : `${bad.bedrag_eur.toString()} (geen eindig getal)`;
  const lines = [`${what}: ${bad.provincie} ${bad.jaar} ${bad.post}${bad.constructie !== STATUS_QUO ? ` (constructie ${bad.constructie})` : ''} wordt ${value}; er is niets geschreven`];
  if (result) {
    try {
      const e = explain(result, { provincie: bad.provincie, jaar: bad.jaar, post: bad.post as ResultRow['post'] });
      lines.push(`regel: ${e.regel}`, ...e.invoer.slice(0, 8).map((i) => `invoer: ${i.omschrijving}`));
    } catch {
      /* no explanation for this cell: the parameters below still say what the scenario set */
    }
  }
  const own = [
    ...Object.keys(loaded.content.parameters ?? {}).map((n) => ['parameters', n]),
    ...Object.entries(loaded.content.macro?.projectie ?? {}).map(([n]) => ['macro', 'projectie', n]),
    ...Object.entries(loaded.content.ontwikkelingen ?? {}).flatMap(([d, v]) => Object.keys(('parameters' in v && v.parameters) || {}).map((n) => ['ontwikkelingen', d, 'parameters', n])),
  ].map((path) => {
    const at = located(loaded, path, true);
    return `${at.file}${at.line !== undefined ? `:${at.line}:${at.column ?? 1}` : ''} ${path.join('.')}`;
  });
  if (own.length > 0) lines.push(`parameters van het scenario: ${own.join('; ')}`);
  throw new UserError({ file: loaded.file, message: lines.join('\n  ') });
}

/**
 * Everything that can be checked before the model runs: names and values against the data (errors
 * thrown with their places), the vintage, and the constructions with their keys. Returns the
 * warnings, the data with the scenario's assumptions applied, and the constructions to compare.
 */
export function validateScenario(loaded: LoadedScenario, loadedData: Dataset, options: RunOptions = {}): { warnings: Issue[]; data: Dataset; constructions: Construction[] | undefined } {
  const warnings = [...checkAgainstData(loaded, loadedData), ...assumptionWarnings(loadedData, Object.keys(loaded.content.parameters ?? {}))];
  if (loaded.content.macro?.vintage) {
    try {
      checkVintage(loadedData, loaded.content.macro.vintage);
    } catch (e) {
      if (e instanceof UserError) throw new UserError(e.issues.map((i) => ({ ...i, ...located(loaded, ['macro', 'vintage']) })));
      throw e;
    }
  }
  // Parameters change projection assumptions only, so the history estimated for the data is reused.
  const data = shareHistory(loadedData, applyParameters(loaded, loadedData));
  return { warnings, data, constructions: selectConstructions(loaded, data, options.constructies) };
}

/**
 * Checks and runs a loaded scenario against the (already loaded) data. A scenario with formula keys
 * needs the formula parser loaded first ({@link prepareScenario}).
 */
export function runLoadedScenario(loaded: LoadedScenario, loadedData: Dataset, options: RunOptions = {}): ScenarioRun {
  const { warnings, data, constructions } = validateScenario(loaded, loadedData, options);
  const scenario = toModelScenario(loaded);
  let result: ModelResult;
  try {
    result = runScenario(scenario, data);
  } catch (e) {
    if (e instanceof UserError) throw new UserError(e.issues.map((i) => ({ ...i, file: i.file ?? loaded.file })));
    throw e;
  }
  guardFigures(loaded, result.rows, result, 'resultaat');
  const last = result.jaren.at(-1)!;
  const window = {
    van: loaded.content.uitvoer?.venster?.van ?? result.basisjaar + 1,
    tot: Math.min(loaded.content.uitvoer?.venster?.tot ?? last, last),
  };
  const comparison = constructions ? compareConstructions(result, constructions, window) : undefined;
  if (comparison) guardFigures(loaded, comparison.rows, undefined, 'constructievergelijking');
  const solver = (constructions ?? [])
    .filter((c) => c.regel.soort === 'regel')
    .map((c) => whatWouldItTake(result, c, { doeljaar: window.tot, wijze: 'basis' }));
  const decomposition = decomposeGapAll(result, { van: result.basisjaar, tot: window.tot });
  const rows: TidyRow[] = comparison
    ? [
        ...comparison.rows,
        // Fund lines do not depend on the construction: they appear once, under the status quo (C0).
        ...result.rows.filter((r) => isFundLine(r.post)).map((r) => ({ ...r, constructie: 'C0' })),
        ...comparison.constructies.flatMap((c) =>
          decompositionRows(result, c.id, (p, y, l) => comparison.row(c.id, p, y, l).bedrag_eur, (p, y) => comparison.row(c.id, p, y, 'tekort').status),
        ),
      ]
    : [...result.rows, ...decompositionRows(result, result.rows[0]!.constructie, (p, y, l) => result.cell(p, y, l).bedrag_eur, (p, y) => result.cell(p, y, 'tekort').status)];
  const figures = [...solver.flatMap((a) => [a.waarde, a.tekortBijAntwoord]), ...decomposition.flatMap((d) => [d.totaal, d.prijs, d.volume, d.nieuweTaken, d.financiering])];
  if (figures.some((f) => !f.isFinite())) throw new UserError({ file: loaded.file, message: 'de ontleding of het antwoord op "wat is ervoor nodig" is geen eindig getal; er is niets geschreven' });
  guardFigures(loaded, rows, undefined, 'ontleding');
  return { loaded, scenario, data, result, window, rows, ...(comparison ? { comparison } : {}), solver, decomposition, waarschuwingen: warnings };
}
