/**
 * What the library's entry points accept, checked before anything runs, so that a caller who passes
 * the wrong thing gets a {@link UserError} naming the argument and the field, never a `TypeError`
 * from deep inside the engine or a result made of `NaN`. Scenario files are validated far more
 * closely (with their places) in `src/io/scenario.ts`; this is the same contract for code.
 *
 * - a scenario: `naam` text; `tot`, `startBbp` whole years; `nnnPad` `tempo` or `doel`; `macro` with
 *   text `vintage`, the known `gemiddelde` and `combinatie`, and projections as values; developments
 *   as `{ aan?, startjaar?, parameters? }` with every parameter a value, dated values or values per
 *   province (see `parameter.ts`), each value a finite decimal;
 * - a dataset: an object with the source map and the nine lists of facts (see `dataset.ts`);
 * - a model result: what `runScenario` returned.
 */
import { Decimal } from '../decimal.js';
import type { Dataset } from '../dataset.js';
import { UserError } from '../errors.js';
import { isProvinceCode } from '../provinces.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isValue = (v: unknown) => Decimal.isDecimal(v) && (v as Decimal).isFinite();
const isYear = (v: unknown) => typeof v === 'number' && Number.isInteger(v);

/** Problems of a parameter input (one value, dated values, or per province). */
function inputProblems(v: unknown, at: string): string[] {
  if (isValue(v)) return [];
  if (Array.isArray(v)) {
    return v.flatMap((d, i) => (isObject(d) && isYear(d.vanaf) && isValue(d.waarde) ? [] : [`${at}[${i}]: verwacht { vanaf: jaartal, waarde: Decimal }`]));
  }
  if (isObject(v) && isObject(v.perProvincie)) {
    return [
      ...Object.entries(v.perProvincie).flatMap(([p, x]) => (isProvinceCode(p) ? inputProblems(x, `${at}.${p}`) : [`${at}: onbekende provincie '${p}'`])),
      ...(v.overig !== undefined ? inputProblems(v.overig, `${at}.overig`) : []),
    ];
  }
  return [`${at}: verwacht een eindige Decimal, gedateerde waarden of waarden per provincie, gevonden ${describe(v)}`];
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'een lijst';
  if (Decimal.isDecimal(v)) return String(v);
  return typeof v === 'object' ? 'een object' : `${typeof v} ${String(v).slice(0, 40)}`;
}

/** Throws a {@link UserError} listing what is wrong with a scenario given to the engine. */
export function checkModelScenario(s: unknown, where = 'runScenario'): void {
  const problems: string[] = [];
  if (!isObject(s)) throw new UserError({ message: `${where}: verwacht een scenario ({ naam, ... }), gevonden ${describe(s)}` });
  if (typeof s.naam !== 'string') problems.push(`naam: verwacht tekst, gevonden ${describe(s.naam)}`);
  for (const k of ['tot', 'startBbp'] as const) if (s[k] !== undefined && !isYear(s[k])) problems.push(`${k}: verwacht een jaartal, gevonden ${describe(s[k])}`);
  if (s.nnnPad !== undefined && s.nnnPad !== 'tempo' && s.nnnPad !== 'doel') problems.push(`nnnPad: verwacht 'tempo' of 'doel', gevonden ${describe(s.nnnPad)}`);
  if (s.macro !== undefined) {
    if (!isObject(s.macro)) problems.push(`macro: verwacht een object, gevonden ${describe(s.macro)}`);
    else {
      const m = s.macro;
      if (m.vintage !== undefined && typeof m.vintage !== 'string') problems.push(`macro.vintage: verwacht tekst, gevonden ${describe(m.vintage)}`);
      if (m.gemiddelde !== undefined && m.gemiddelde !== 'rekenkundig' && m.gemiddelde !== 'meetkundig') problems.push(`macro.gemiddelde: verwacht 'rekenkundig' of 'meetkundig'`);
      if (m.combinatie !== undefined && m.combinatie !== 'vermenigvuldigen' && m.combinatie !== 'optellen') problems.push(`macro.combinatie: verwacht 'vermenigvuldigen' of 'optellen'`);
      if (m.projectie !== undefined) {
        if (!isObject(m.projectie)) problems.push('macro.projectie: verwacht een object met een waarde per reeks');
        else {
          for (const [k, v] of Object.entries(m.projectie)) {
            // A projection is national: one value or dated values, not per province.
            problems.push(...(isValue(v) || Array.isArray(v) ? inputProblems(v, `macro.projectie.${k}`) : [`macro.projectie.${k}: verwacht een eindige Decimal of gedateerde waarden, gevonden ${describe(v)}`]));
          }
        }
      }
    }
  }
  if (s.ontwikkelingen !== undefined) {
    if (!isObject(s.ontwikkelingen)) problems.push(`ontwikkelingen: verwacht een object, gevonden ${describe(s.ontwikkelingen)}`);
    else {
      for (const [name, d] of Object.entries(s.ontwikkelingen)) {
        if (!isObject(d)) {
          problems.push(`ontwikkelingen.${name}: verwacht { aan?, startjaar?, parameters? }, gevonden ${describe(d)}`);
          continue;
        }
        if (d.aan !== undefined && typeof d.aan !== 'boolean') problems.push(`ontwikkelingen.${name}.aan: verwacht true of false`);
        if (d.startjaar !== undefined && !isYear(d.startjaar)) problems.push(`ontwikkelingen.${name}.startjaar: verwacht een jaartal, gevonden ${describe(d.startjaar)}`);
        if (d.parameters !== undefined) {
          if (!isObject(d.parameters)) problems.push(`ontwikkelingen.${name}.parameters: verwacht een object`);
          else for (const [p, v] of Object.entries(d.parameters)) problems.push(...inputProblems(v, `ontwikkelingen.${name}.parameters.${p}`));
        }
      }
    }
  }
  if (problems.length > 0) throw new UserError(problems.map((p) => ({ message: `${where}: scenario.${p}` })));
}

const DATASET_LISTS = ['provincies', 'macro', 'provinciefonds', 'natuurpact', 'uitgaven', 'inkomsten', 'kostendrivers', 'sleutels', 'aannames'] as const;

/** Throws a {@link UserError} when a dataset given to the engine is not one (see `buildDataset`). */
export function checkDatasetInput(d: unknown, where = 'runScenario'): asserts d is Dataset {
  if (!isObject(d)) throw new UserError({ message: `${where}: verwacht een dataset (van loadDataset of buildDataset), gevonden ${describe(d)}` });
  const missing: string[] = DATASET_LISTS.filter((k) => !Array.isArray(d[k]));
  if (!(d.bronnen instanceof Map)) missing.unshift('bronnen');
  if (missing.length > 0) throw new UserError({ message: `${where}: verwacht een dataset (van loadDataset of buildDataset); ontbreekt of geen lijst: ${missing.join(', ')}` });
}

/** Throws a {@link UserError} when a value is not a result of `runScenario`. */
export function checkModelResult(r: unknown, where: string): void {
  if (!isObject(r) || typeof r.cell !== 'function' || !isObject(r.plan) || !Array.isArray(r.jaren)) {
    throw new UserError({ message: `${where}: verwacht een resultaat van runScenario, gevonden ${describe(r)}` });
  }
}
