/**
 * A scenario's own uncertainty (`onzekerheid:`): its declarations, which replace the data's for the
 * same input, with the place in the file of every problem; and the names the scenario sets itself,
 * which stay fixed unless the scenario declares their uncertainty.
 *
 * ```yaml
 * onzekerheid:
 *   projectie.cpi: { verdeling: normaal, regel: opgegeven, spreiding: 1% }
 *   natuurdeel_au.startbedrag: { verdeling: driehoek, regel: opgegeven, laag: 300 mln, hoog: 400 mln, toelichting: ... }
 *   terugblik.PV25: vast
 *   correlaties:
 *     - { tussen: [projectie.cpi, projectie.contractloon], waarde: 0,7 }
 * ```
 */
import type { Issue } from '../core/errors.js';
import { UserError } from '../core/errors.js';
import type { CorrelationDeclaration, UncertaintyDeclaration } from '../core/uncertainty/declaration.js';
import { uncertainInputs } from '../core/uncertainty/inputs.js';
import type { ScenarioRun } from './run-scenario.js';
import type { LoadedScenario } from './scenario.js';
import { checkCorrelation, checkDeclaration } from './uncertainty-rows.js';

export interface ScenarioUncertainty {
  readonly declarations: readonly UncertaintyDeclaration[];
  readonly correlations: readonly CorrelationDeclaration[];
  readonly setByScenario: ReadonlySet<string>;
}

export function scenarioUncertainty(loaded: LoadedScenario): ScenarioUncertainty {
  const s = loaded.content;
  const issues: Issue[] = [];
  const block = s.onzekerheid ?? {};
  const declarations: UncertaintyDeclaration[] = [];
  const correlations: CorrelationDeclaration[] = [];
  const origin = (path: PropertyKey[]) => ({ file: loaded.file, line: loaded.locate(path, true).line ?? 0, laag: 'eigen' as const });
  for (const [name, value] of Object.entries(block)) {
    if (name === 'correlaties' || value === undefined || Array.isArray(value)) continue;
    const entry = value;
    const path = ['onzekerheid', name];
    const at = (field: string, message: string) =>
      issues.push({ file: loaded.file, ...loaded.locate(field === 'invoer' || entry === 'vast' ? path : [...path, field], field === 'invoer'), message: `onzekerheid.${name}: ${message}` });
    const methode = (e: { toelichting?: string }) => e.toelichting ?? `opgegeven in scenario ${loaded.file}`;
    const raw =
      entry === 'vast'
        ? { invoer: name, verdeling: 'vast' as const, unitRequired: false, status: 'aanname' as const, bron: [], vindplaats: '', methode: `vastgezet in scenario ${loaded.file}`, ontbrekend: '' }
        : {
            invoer: name,
            verdeling: entry.verdeling,
            ...(entry.regel ? { regel: entry.regel } : {}),
            ...(entry.spreiding ? { spreiding: entry.spreiding } : {}),
            ...(entry.laag ? { laag: entry.laag } : {}),
            ...(entry.hoog ? { hoog: entry.hoog } : {}),
            unitRequired: false,
            ...(entry.tegenpost ? { tegenpost: entry.tegenpost } : {}),
            status: 'aanname' as const,
            bron: [],
            vindplaats: '',
            methode: methode(entry),
            ontbrekend: '',
          };
    const d = checkDeclaration(raw, origin(path), at);
    if (d) declarations.push(d);
  }
  (block.correlaties ?? []).forEach((c, i) => {
    const path = ['onzekerheid', 'correlaties', i];
    const at = (_field: string, message: string) => issues.push({ file: loaded.file, ...loaded.locate(path), message: `onzekerheid.correlaties[${i + 1}]: ${message}` });
    const d = checkCorrelation({ invoerA: c.tussen[0], invoerB: c.tussen[1], regel: 'opgegeven', waarde: c.waarde, status: 'aanname', bron: [], methode: `opgegeven in scenario ${loaded.file}` }, origin(path), at);
    if (d) correlations.push(d);
  });
  if (issues.length > 0) throw new UserError(issues);

  const set = new Set<string>();
  for (const name of Object.keys(s.parameters ?? {})) set.add(name);
  for (const reeks of Object.keys(s.macro?.projectie ?? {})) set.add(`projectie.${reeks}`);
  for (const [dev, setting] of Object.entries(s.ontwikkelingen ?? {})) {
    if (!('parameters' in setting)) continue;
    for (const param of Object.keys(setting.parameters ?? {})) set.add(`ontwikkeling.${dev}.${param}`);
  }
  return { declarations, correlations, setByScenario: set };
}

/**
 * Checks a run's uncertainty declarations (the data's and the scenario's) against the model, as
 * `natuurpact onzekerheid` would, without running it: for `natuurpact valideer`.
 */
export function checkScenarioUncertainty(run: ScenarioRun): void {
  const own = scenarioUncertainty(run.loaded);
  uncertainInputs({ scenario: run.scenario, data: run.data, setByScenario: own.setByScenario, declarations: own.declarations, correlations: own.correlations });
}
