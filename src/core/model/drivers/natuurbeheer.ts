/**
 * natuurbeheer: SNL payments to terreinbeheerders, hectares × standaardkostprijs × vergoedingspercentage.
 *
 *   P_t = KI_t                      the standaardkostprijs follows the nature cost index
 *   V_t = (A + Σ_{s=base+1..t} h_s) / A
 *
 * A = the NNN area (`provincies.csv`, kenmerk `nnn_ha`, NL, latest year) and h_s the new nature laid
 * out in year s (the NNN path): managed area grows with new nature. The vergoedingspercentage stays
 * at its present level; raising it is the development `beheer_100pct`.
 */
import type { Dataset } from '../../dataset.js';
import { ONE, ZERO } from '../../decimal.js';
import { UserError } from '../../errors.js';
import { at, type ModelContext } from '../context.js';
import type { NnnPath } from '../nnn.js';
import type { TaskDriver } from './types.js';

function nnnArea(data: Dataset) {
  const rows = data.provincies.filter((r) => r.kenmerk === 'nnn_ha' && r.provincie === 'NL').sort((a, b) => b.jaar - a.jaar);
  if (!rows[0]) throw new UserError({ message: 'provincies.csv: nnn_ha (NL) ontbreekt; nodig voor de groei van het beheerde areaal' });
  return rows[0];
}

export function natuurbeheerDriver(ctx: ModelContext, nnn: NnnPath): TaskDriver {
  const area = nnnArea(ctx.data);
  const added = (t: number) => ctx.years.filter((y) => y <= t).reduce((acc, y) => acc.plus(nnn.ha.get(y) ?? ZERO), ZERO);
  return {
    price: (t) => at(ctx.kostenindex, t),
    prijsindex: { index: 'kostenindex' },
    volume: (t) => ONE.plus(added(t).dividedBy(area.waarde)),
    explain: (t) =>
      `prijs: natuurkostenindex ${ctx.baseYear}→${t}; volume: (NNN-areaal ${area.waarde.toString()} ha (${area.jaar}) + nieuwe natuur ${added(t).toDecimalPlaces(0).toString()} ha) / NNN-areaal; ${nnn.explanation}`,
    inputs: (t) => ctx.years.filter((y) => y <= t).flatMap((y) => ctx.kostenindex.steps.get(y)?.inputs ?? []),
    bron: [...area.bron, ...nnn.sources],
  };
}
