/**
 * The spread of the estimated look-back (`regel: terugblik`): how far published figures were from
 * the estimate where both exist. The base-year cost of each province and task is what the
 * projection scales, so its uncertainty is put there, as a log-multiplier on the cell:
 *
 *   cost'_{p,k} = cost_{p,k} × exp(λ^land_{p,k} z_land + λ^own_{p,k} z_p)      z ~ N(0, 1)
 *
 * From the own levels of the provinces (`HistoryLevel`, step 4 of the estimate), with
 * l_{p,G,y} = ln(published / estimated) of year y and ln r_{p,G} the level of the scope:
 *
 *   σ_binnen² = Σ_{p,G} Σ_y (l_{p,G,y} − ln r_{p,G})² / Σ_{p,G} (n_{p,G} − 1)    year-to-year, within a province
 *   m, s      = mean and sample sd of ln r_{p,totaal} over the provinces with a level for all tasks
 *   σ_land    = √(m² + s²/n)                                                    the common level of the estimate
 *
 * and per base-year cell, by what it rests on (`grondslag`):
 *
 *   landelijk:     λ^land = σ_land,  λ^own = √(s² + σ_binnen²)   a province without figures: the common
 *                  level (the estimate may be off for all such provinces alike) and its own deviation
 *   eigen_niveau:  λ^land = 0,       λ^own = σ_binnen √(1 + 1/n_{p,G})   the province's own level from n
 *                  years of its figures: next year's deviation plus the error of the level
 *   waargenomen, totaal_waargenomen: 0 (the published figure)
 *
 * G is the narrowest own level covering the task (the one the estimate used). Floats (an
 * approximate path, for the Monte Carlo).
 */
import type { CompletedHistory, HistoryBasis, HistoryLevel } from '../estimate.js';
import type { CostTask, TaskGroup } from '../dataset.js';
import { COST_TASKS } from '../dataset.js';
import { PROVINCE_CODES, type ProvinceCode } from '../provinces.js';

export interface LookbackCell {
  readonly provincie: ProvinceCode;
  readonly taak: CostTask;
  readonly grondslag: HistoryBasis;
  readonly waarde: number;
  /** λ^land and λ^own. */
  readonly landelijk: number;
  readonly eigen: number;
}

export interface LookbackSpread {
  readonly jaar: number;
  readonly binnen?: { readonly sigma: number; readonly vrijheidsgraden: number };
  readonly tussen?: { readonly gemiddelde: number; readonly sd: number; readonly provincies: readonly ProvinceCode[] };
  readonly gemeenschappelijk?: number;
  readonly cellen: readonly LookbackCell[];
}

const SCOPE_ORDER: readonly TaskGroup[] = [...COST_TASKS, 'ontwikkeling', 'totaal'];

export function lookbackSpread(history: Pick<CompletedHistory, 'uitgaven' | 'niveaus'>, year: number): LookbackSpread {
  const own = history.niveaus;
  const logs = (l: HistoryLevel) => l.jaren.filter((y) => y.gepubliceerd.greaterThan(0) && y.geschat.greaterThan(0)).map((y) => Math.log(y.gepubliceerd.dividedBy(y.geschat).toNumber()));
  let ss = 0;
  let dof = 0;
  for (const l of own) {
    const xs = logs(l);
    if (xs.length < 2) continue;
    const centre = Math.log(l.factor.toNumber());
    for (const x of xs) ss += (x - centre) ** 2;
    dof += xs.length - 1;
  }
  const binnen = dof > 0 ? { sigma: Math.sqrt(ss / dof), vrijheidsgraden: dof } : undefined;
  const totals = own.filter((l) => l.scope === 'totaal' && l.factor.greaterThan(0));
  let tussen: LookbackSpread['tussen'];
  let gemeenschappelijk: number | undefined;
  if (totals.length >= 2) {
    const xs = totals.map((l) => Math.log(l.factor.toNumber()));
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    const s = Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
    tussen = { gemiddelde: m, sd: s, provincies: totals.map((l) => l.provincie) };
    gemeenschappelijk = Math.sqrt(m * m + (s * s) / xs.length);
  }
  const levelOf = (p: ProvinceCode, t: CostTask) => SCOPE_ORDER.map((g) => own.find((l) => l.provincie === p && l.scope === g && l.covered.includes(t))).find((l) => l !== undefined);
  const cellen: LookbackCell[] = [];
  for (const c of history.uitgaven) {
    if (c.jaar !== year || c.provincie === 'NL' || c.taak === 'totaal') continue;
    const p = c.provincie as ProvinceCode;
    const t = c.taak as CostTask;
    let landelijk = 0;
    let eigen = 0;
    if (c.grondslag === 'landelijk') {
      landelijk = gemeenschappelijk ?? Number.NaN;
      eigen = tussen && binnen ? Math.sqrt(tussen.sd ** 2 + binnen.sigma ** 2) : Number.NaN;
    } else if (c.grondslag === 'eigen_niveau') {
      const l = levelOf(p, t);
      eigen = binnen && l ? binnen.sigma * Math.sqrt(1 + 1 / l.jaren.length) : Number.NaN;
    }
    cellen.push({ provincie: p, taak: t, grondslag: c.grondslag, waarde: c.waarde.toNumber(), landelijk, eigen });
  }
  cellen.sort((a, b) => PROVINCE_CODES.indexOf(a.provincie) - PROVINCE_CODES.indexOf(b.provincie) || COST_TASKS.indexOf(a.taak) - COST_TASKS.indexOf(b.taak));
  return { jaar: year, ...(binnen ? { binnen } : {}), ...(tussen ? { tussen } : {}), ...(gemeenschappelijk !== undefined ? { gemeenschappelijk } : {}), cellen };
}
