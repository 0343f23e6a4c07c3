/**
 * A scenario extended by the explorer's keys, run as the command line runs a file with `basis:`:
 * the base's validated content back to source text (`toPlain`), the new keys merged over it
 * (`merge`), both validated by the scenario schema, then checked against the data and run by
 * `runLoadedScenario`. Only the reading of files is left out, so the exported file (the same keys)
 * gives the same figures from `natuurpact run`.
 */
import type { Dataset } from '../core/dataset.js';
import { UserError, type Issue } from '../core/errors.js';
import { runLoadedScenario, type ScenarioRun } from '../io/run-scenario.js';
import { changes, merge, scenarioSchema, toPlain, type LoadedScenario, type ScenarioFile, type WrittenValue } from '../io/scenario.js';

export type Extended = { readonly ok: true; readonly run: ScenarioRun } | { readonly ok: false; readonly problemen: readonly Issue[] };

function schemaIssues(file: string, error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): Issue[] {
  return error.issues.map((i) => ({ file, message: `${i.path.length > 0 ? `${i.path.map(String).join('.')}: ` : ''}${i.message}` }));
}

/**
 * The values the page's keys write below a path, as the bounds checks read them from a file. Only
 * the page's own keys: the base's values were checked when `natuurpact verken` loaded its file.
 */
function writtenValues(keys: Record<string, unknown>, path: readonly PropertyKey[], file: string): WrittenValue[] {
  let node: unknown = keys;
  for (const k of path) {
    if (!node || typeof node !== 'object') return [];
    node = (node as Record<string, unknown>)[String(k)];
  }
  const out: WrittenValue[] = [];
  const walk = (v: unknown, sub: (string | number)[]) => {
    if (v === null || v === undefined) return;
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...sub, i]));
    else if (typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...sub, k]);
    else out.push({ sub, text: String(v), file });
  };
  walk(node, []);
  return out;
}

/** The scenario a file with these keys (`basis:` naming the base) describes, as the command line loads it. */
export function extendScenario(base: ScenarioFile, keys: Record<string, unknown>, file: string): { ok: true; loaded: LoadedScenario } | { ok: false; problemen: Issue[] } {
  const own = scenarioSchema.safeParse(keys, { reportInput: true });
  if (!own.success) return { ok: false, problemen: schemaIssues(file, own.error) };
  const { basis: _ignored, ...baseContent } = base as Record<string, unknown>;
  const merged = scenarioSchema.safeParse(merge(toPlain(baseContent), keys), { reportInput: true });
  if (!merged.success) return { ok: false, problemen: schemaIssues(file, merged.error) };
  return {
    ok: true,
    loaded: {
      file,
      pad: file,
      content: merged.data,
      files: [],
      wijzigingen: changes(keys),
      basisNaam: base.naam,
      // No positions: the page shows a problem beside the input it names.
      locate: () => ({}),
      where: () => ({ file, pad: file }),
      scalars: (path) => writtenValues(keys, path, file),
    },
  };
}

/**
 * Extends and runs: the run, or the problems (Dutch, as the command line would report them).
 *
 * @example
 *   runExtended(loaded.content, { naam: 'x', basis: 'basis.yaml', parameters: { 'projectie.cpi': '3%' } }, 'x.yaml', data)
 */
export function runExtended(base: ScenarioFile, keys: Record<string, unknown>, file: string, data: Dataset): Extended {
  const extended = extendScenario(base, keys, file);
  if (!extended.ok) return extended;
  try {
    return { ok: true, run: runLoadedScenario(extended.loaded, data) };
  } catch (e) {
    if (e instanceof UserError) return { ok: false, problemen: e.issues };
    throw e;
  }
}
