/**
 * soorten: species policy, of which faunaschade (incl. wolf) is the published, fast-growing part.
 *
 *   V_t = F_min(t, L) / F_base        F: faunaschade paid (NL), L: its last published year
 *   P_t = KI_t / KI_L  for t > L, else 1   (after the data, amounts follow the nature cost index)
 *
 * So published amounts are used as they are, and later years keep the last level in real terms;
 * continued growth is the development `faunaschade_groei`.
 */
import { ONE } from '../../decimal.js';
import { UserError } from '../../errors.js';
import { at, type ModelContext } from '../context.js';
import type { TaskDriver } from './types.js';

export const FAUNASCHADE = 'faunaschade';

export function soortenDriver(ctx: ModelContext): TaskDriver {
  const rows = ctx.data.kostendrivers.filter((d) => d.driver === FAUNASCHADE && d.provincie === 'NL');
  const byYear = new Map(rows.map((r) => [r.jaar, r] as const));
  const base = byYear.get(ctx.baseYear);
  if (!base) throw new UserError({ message: `kostendrivers.csv: ${FAUNASCHADE} (NL) ontbreekt voor het basisjaar ${ctx.baseYear}` });
  const last = Math.max(...rows.map((r) => r.jaar));
  const level = (t: number) => byYear.get(Math.min(t, last)) ?? byYear.get(last)!;
  return {
    price: (t) => (t > last ? at(ctx.kostenindex, t).dividedBy(at(ctx.kostenindex, last)) : ONE),
    prijsindex: { index: 'kostenindex', tenOpzichteVan: last },
    volume: (t) => level(t).waarde.dividedBy(base.waarde),
    explain: (t) =>
      `volume: faunaschade ${Math.min(t, last)} / ${ctx.baseYear}` + (t > last ? `; prijs: natuurkostenindex ${last}→${t}` : '; prijs: 1 (gepubliceerd bedrag)'),
    inputs: (t) => ctx.years.filter((y) => y > last && y <= t).flatMap((y) => ctx.kostenindex.steps.get(y)?.inputs ?? []),
    bron: [...new Set([...base.bron, ...level(last).bron])],
  };
}
