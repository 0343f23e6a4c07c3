/**
 * Component weights for the composite rules (lpo, kostenindex) in a year: from the user's options,
 * else from the assumptions `<rule>.gewicht_<component>` in `aannames.csv` (with the dated values a
 * scenario gave them). In every year they must sum to exactly 1.
 */
import type { Decimal } from '../decimal.js';
import { ONE, sum } from '../decimal.js';
import { UserError } from '../errors.js';
import { assumptionAt } from '../parameter.js';
import type { SeriesInput, IndexData } from './series.js';

export function weights(
  data: IndexData,
  rule: string,
  components: readonly string[],
  own: Readonly<Record<string, Decimal>> | undefined,
  year: number,
): { values: Record<string, Decimal>; inputs: SeriesInput[] } {
  const values: Record<string, Decimal> = {};
  const inputs: SeriesInput[] = [];
  for (const c of components) {
    const name = `${rule}.gewicht_${c}`;
    const user = own?.[c];
    if (user !== undefined) {
      values[c] = user;
      inputs.push({ reeks: name, jaar: 0, publicatie: 'gebruiker', waarde: user, status: 'aanname', bron: [] });
      continue;
    }
    const row = data.aannames.find((a) => a.naam === name);
    if (!row) throw new UserError({ message: `gewicht '${name}' ontbreekt: voeg het toe aan aannames.csv of geef het op` });
    const v = assumptionAt(row, year);
    values[c] = v.waarde;
    const from = v.vanaf !== undefined ? ` (waarde vanaf ${v.vanaf}, opgegeven in het scenario)` : '';
    inputs.push({ reeks: name, jaar: 0, publicatie: 'aanname', waarde: v.waarde, status: 'aanname', bron: row.bron, toelichting: row.methode + from });
  }
  const total = sum(Object.values(values));
  if (!total.equals(ONE)) {
    throw new UserError({
      message: `gewichten van '${rule}' in ${year} (${components.map((c) => `${c} ${values[c]!.toString()}`).join(', ')}) tellen op tot ${total.toString()}, verwacht 1`,
    });
  }
  return { values, inputs };
}
