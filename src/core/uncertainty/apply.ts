/**
 * Putting values of uncertain inputs into the exact model: a scenario, a dataset and (optionally) a
 * construction with the values set, ready for `runScenario`. This is how a new kind of input
 * reaches the model; the Monte Carlo engine itself never looks at what an input is.
 *
 * - `aanname`: the assumption takes the value; its `tegenpost` (if any) takes the opposite change,
 *   so that weights keep their sum. An assumption of the look-back makes the estimate run again.
 * - `projectie`: the projection assumption takes the value x, and every non-realised value of the
 *   series after the base year in `macro.csv` (forecasts, stand-ins) and the scenario's own projection
 *   of it move by the same shift x − x0.
 * - `ontwikkeling`: the development parameter takes the value (one value for all years and provinces).
 * - `constructie`: the construction's underspend takes the value.
 * - `terugblik`: not applied here; it acts on the compiled arrays (see `model.ts`).
 *
 * Values arrive as floats and enter the model as the decimals of their shortest representation.
 */
import type { Construction } from '../constructions/construction.js';
import type { Dataset } from '../dataset.js';
import { Decimal } from '../decimal.js';
import { HISTORY_LAST_YEAR, withProjectionInputs } from '../estimate.js';
import { isDated, type TimedValue } from '../parameter.js';
import type { ModelScenario } from '../model/plan.js';
import type { UncertainInput } from './inputs.js';

export interface ModelInstance {
  readonly scenario: ModelScenario;
  readonly data: Dataset;
  readonly construction?: Construction;
}

export interface InputValue {
  readonly input: UncertainInput;
  readonly value: number;
}

const shift = (v: TimedValue, delta: Decimal): TimedValue => (isDated(v) ? v.map((x) => ({ vanaf: x.vanaf, waarde: x.waarde.plus(delta) })) : v.plus(delta));

export function applyInputs(base: ModelInstance, values: readonly InputValue[]): ModelInstance {
  let aannames = base.data.aannames;
  let macro = base.data.macro;
  let scenario = base.scenario;
  let construction = base.construction;
  let history = false;
  const setAssumption = (naam: string, f: (old: Decimal) => Decimal) => {
    aannames = aannames.map((a) => (a.naam === naam ? { ...a, waarde: f(a.waarde), methode: `${a.methode} (onzekerheid: gevarieerd)` } : a));
  };
  for (const { input, value } of values) {
    const x = new Decimal(value);
    const delta = x.minus(new Decimal(input.centraal));
    const target = input.doel;
    switch (target.soort) {
      case 'aanname':
        setAssumption(target.naam, () => x);
        if (target.tegenpost) setAssumption(target.tegenpost, (old) => old.minus(delta));
        history ||= target.geschiedenis;
        break;
      case 'projectie': {
        setAssumption(target.naam, () => x);
        macro = macro.map((m) => (m.reeks === target.reeks && m.jaar > HISTORY_LAST_YEAR && m.status !== 'realisatie' ? { ...m, waarde: m.waarde.plus(delta) } : m));
        const own = scenario.macro?.projectie?.[target.reeks];
        if (own !== undefined) scenario = { ...scenario, macro: { ...scenario.macro, projectie: { ...scenario.macro!.projectie, [target.reeks]: shift(own, delta) } } };
        break;
      }
      case 'ontwikkeling': {
        const devs = scenario.ontwikkelingen ?? {};
        const setting = devs[target.ontwikkeling] ?? {};
        scenario = { ...scenario, ontwikkelingen: { ...devs, [target.ontwikkeling]: { ...setting, parameters: { ...(setting.parameters ?? {}), [target.parameter]: x } } } };
        break;
      }
      case 'constructie': {
        const c = construction;
        if (c && c.regel.soort === 'regel' && c.regel.oormerk) construction = { ...c, regel: { ...c.regel, oormerk: { onderbesteding: x } } };
        break;
      }
      case 'terugblik':
        break;
    }
  }
  const changed = { ...(aannames !== base.data.aannames ? { aannames } : {}), ...(macro !== base.data.macro ? { macro } : {}) };
  const data = Object.keys(changed).length === 0 ? base.data : history ? { ...base.data, ...changed } : withProjectionInputs(base.data, changed);
  return { scenario, data, ...(construction ? { construction } : {}) };
}
