/**
 * Component weights for the composite rules (lpo, kostenindex): from the user's options, else from
 * the assumptions `<rule>.gewicht_<component>` in `aannames.csv`. They must sum to exactly 1.
 */
import type { Decimal } from '../decimal.js';
import { ONE, sum } from '../decimal.js';
import { UserError } from '../errors.js';
import type { SeriesInput, IndexData } from './series.js';

export function weights(
  data: IndexData,
  rule: string,
  components: readonly string[],
  own: Readonly<Record<string, Decimal>> | undefined,
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
    values[c] = row.waarde;
    inputs.push({ reeks: name, jaar: 0, publicatie: 'aanname', waarde: row.waarde, status: 'aanname', bron: row.bron, toelichting: row.methode });
  }
  const total = sum(Object.values(values));
  if (!total.equals(ONE)) {
    throw new UserError({
      message: `gewichten van '${rule}' (${components.map((c) => `${c} ${values[c]!.toString()}`).join(', ')}) tellen op tot ${total.toString()}, verwacht 1`,
    });
  }
  return { values, inputs };
}
