/**
 * Reconciliation sources for the look-back: published spending and income totals against the
 * completed history (`estimate.ts`). Built from the dataset, so a user's own lines (`--data`) show
 * up too (as 'niet vastgelegd' until their differences are recorded in `aansluiting.csv`).
 *
 * - `uitgaven.<p>.<jaar>.<soort>`: the province's provincial nature lines that a mapping uses
 *   (gross, before the nature share) against the model's spending on the tasks they cover; explained:
 *   the part outside the nature tasks ((1 − share) × line, `programma-indeling.csv`);
 * - `uitgaven.<p>.<jaar>.<soort>.<line>`: a provincial line the mapping leaves out (`buiten_scope` or
 *   no mapping) against the model's nature total of that province and year, in years without used
 *   lines (otherwise the used lines reconcile the year, and the left-out line is a parent or a
 *   sub-line of them);
 * - `cbs.<taakveld>.<p>.<jaar>`: a CBS taakveld (84322NED) against the model's tasks it maps to;
 * - `cbs.begroting.NL.<jaar>`: CBS's national total of provincial nature budgets (`uitgaven.csv`, NL,
 *   `totaal`) against the model's national spending;
 * - `du_natuur.NL.<jaar>`: the national DU Natuur stand against the model's `natuurpact` income;
 * - `faunaschade.NL.<jaar>`, `anlb.NL.<jaar>`: what was paid out nationally against the model's
 *   spending on soorten and anlb.
 *
 * Model figures are sums of the completed look-back's cells (whole cents).
 */
import { COST_TASKS, TASK_GROUPS, type CostTask, type Dataset, type PublishedLineFact, type TaskGroup } from '../dataset.js';
import { Decimal, ONE, sum } from '../decimal.js';
import { completeHistory, HISTORY_FIRST_YEAR, HISTORY_LAST_YEAR, type CompletedHistory } from '../estimate.js';
import { formatMlnText, formatNumberNl } from '../format.js';
import { isProvinceCode, provinceName, type RegionCode } from '../provinces.js';
import type { ExplainedPart, ModelFigure, PublishedFigure, ReconciliationContext, ReconciliationSource } from '../reconciliation.js';
import { weakestStatus } from '../status.js';
import { nationalDuNatuur, nlDriver } from './national.js';
import { mappingFor } from './observed.js';

const GROUP_SPENDING = 'Uitgaven';
const GROUP_INCOME = 'Inkomsten';
const mln = (d: Decimal) => formatMlnText(d, 3);

const history = (ctx: ReconciliationContext): CompletedHistory => ctx.memo('historie', () => completeHistory(ctx.data));

/** The model's spending of a province (or NL) on some tasks in a year. */
function modelSpending(ctx: ReconciliationContext, region: RegionCode, jaar: number, tasks: readonly CostTask[], what: string): ModelFigure {
  const cells = history(ctx).uitgaven.filter((u) => (region === 'NL' || u.provincie === region) && u.jaar === jaar && (tasks as readonly string[]).includes(u.taak));
  const tasksText = tasks.length === COST_TASKS.length ? 'alle natuurtaken' : tasks.join(' + ');
  return { waarde: sum(cells.map((c) => c.waarde)), uitleg: `terugblik van het model, ${region === 'NL' ? 'som van de provincies' : provinceName(region)} ${jaar}, ${tasksText} (${what})` };
}

const lineLabel = (l: PublishedLineFact) => `${l.niveau === 'iv3_taakveld' ? 'taakveld' : l.niveau}${l.code ? ` ${l.code}` : ''} '${l.naam}'`;
const slug = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');

/** The published spending sources of the dataset (lasten of provinces and CBS, national totals). */
export function spendingReconciliationSources(data: Dataset): ReconciliationSource[] {
  const out: ReconciliationSource[] = [];
  const lasten = data.lastenBaten.filter((l) => l.kant === 'lasten' && l.jaar >= HISTORY_FIRST_YEAR && l.jaar <= HISTORY_LAST_YEAR);

  // Provincial lines, grouped per province, year and kind; and the lines the mapping leaves out.
  const provincial = lasten.filter((l) => l.niveau !== 'iv3_taakveld' && isProvinceCode(l.provincie));
  const used = (l: PublishedLineFact) => mappingFor(data, l).some((m) => m.taak !== 'buiten_scope' && !m.waarde.isZero());
  // A line left out in a year whose used lines already reconcile the province (a parent programme,
  // or a sub-line that would count twice) adds nothing; one in a year without used lines is the
  // only published figure of that year and is compared with the model.
  const usedYears = new Set(provincial.filter(used).map((l) => `${l.provincie}|${l.jaar}|${l.soort}`));
  const groups = new Map<string, { line: PublishedLineFact; targets: { taak: TaskGroup; share: Decimal; status: string; bron: readonly string[]; methode: string }[] }[]>();
  for (const l of provincial) {
    const maps = mappingFor(data, l).filter((m) => m.taak !== 'buiten_scope' && !m.waarde.isZero());
    if (maps.length === 0) {
      if (usedYears.has(`${l.provincie}|${l.jaar}|${l.soort}`)) continue;
      const m = mappingFor(data, l).find((x) => x.taak === 'buiten_scope');
      out.push({
        id: `uitgaven.${l.provincie}.${l.jaar}.${l.soort}.${slug(`${l.niveau}_${l.code}_${l.naam}`)}`,
        groep: GROUP_SPENDING,
        omschrijving: `${provinceName(l.provincie)} ${l.jaar}: ${lineLabel(l)} (${l.soort}), niet gebruikt`,
        jaar: l.jaar,
        published: () => ({ waarde: l.waarde, status: l.status, bron: l.bron, uitleg: `${lineLabel(l)} ${mln(l.waarde)} (${l.vindplaats})` }),
        model: (ctx) => modelSpending(ctx, l.provincie, l.jaar, COST_TASKS, m ? `de regel is buiten_scope: ${m.methode}` : 'de regel heeft geen indeling in programma-indeling.csv'),
      });
      continue;
    }
    const k = `${l.provincie}|${l.jaar}|${l.soort}`;
    groups.set(k, [...(groups.get(k) ?? []), { line: l, targets: maps.map((m) => ({ taak: m.taak as TaskGroup, share: m.waarde, status: m.status, bron: m.bron, methode: m.methode })) }]);
  }
  for (const [k, list] of groups) {
    const [p, y, soort] = k.split('|') as [RegionCode, string, string];
    const jaar = Number(y);
    const tasks = COST_TASKS.filter((t) => list.some((x) => x.targets.some((g) => TASK_GROUPS[g.taak]!.includes(t))));
    out.push({
      id: `uitgaven.${p}.${jaar}.${soort}`,
      groep: GROUP_SPENDING,
      omschrijving: `${provinceName(p)} ${jaar}: gebruikte natuurregels (${soort})`,
      jaar,
      published: (): PublishedFigure => ({
        waarde: sum(list.map((x) => x.line.waarde)),
        status: weakestStatus(list.map((x) => x.line.status)),
        bron: [...new Set(list.flatMap((x) => x.line.bron))],
        uitleg: list.map((x) => `${lineLabel(x.line)} ${mln(x.line.waarde)}`).join(' + '),
      }),
      model: (ctx) => modelSpending(ctx, p, jaar, tasks, soort === 'realisatie' ? 'het natuurdeel van de regels ligt in het model vast' : 'een begroting stelt in het model niets vast: geschatte realisatie'),
      verklaard: (): ExplainedPart[] =>
        list.flatMap((x) => {
          const inScope = sum(x.targets.map((g) => g.share));
          if (inScope.greaterThanOrEqualTo(ONE)) return [];
          return [
            {
              omschrijving: `${lineLabel(x.line)}: deel buiten de natuurtaken, 1 − ${formatNumberNl(inScope, 4)} (programma-indeling.csv: ${x.targets[0]!.methode.slice(0, 160)}${x.targets[0]!.methode.length > 160 ? '…' : ''})`,
              waarde: x.line.waarde.times(ONE.minus(inScope)),
              status: weakestStatus([x.line.status, x.targets[0]!.status === 'afgeleid' ? 'afgeleid' : 'schatting']),
              bron: [...x.line.bron, ...x.targets.flatMap((g) => g.bron)],
            },
          ];
        }),
    });
  }

  // CBS taakvelden per province and nationally.
  for (const l of lasten.filter((x) => x.niveau === 'iv3_taakveld')) {
    const maps = l.provincie === 'NL' ? mappingFor(data, { ...l, provincie: 'NL' }) : mappingFor(data, l);
    const targets = maps.filter((m) => m.taak !== 'buiten_scope');
    const national = mappingFor(data, { ...l, provincie: 'NL' }).filter((m) => m.taak !== 'buiten_scope');
    const tasks = COST_TASKS.filter((t) => (targets.length > 0 ? targets : national).some((m) => TASK_GROUPS[m.taak]!.includes(t)));
    if (tasks.length === 0) continue;
    const own = maps.find((m) => m.provincie === l.provincie && m.taak === 'buiten_scope');
    out.push({
      id: `cbs.${slug(l.naam)}.${l.provincie}.${l.jaar}.${l.soort}`,
      groep: GROUP_SPENDING,
      omschrijving: `${l.provincie === 'NL' ? 'Nederland' : provinceName(l.provincie)} ${l.jaar}: CBS-taakveld '${l.naam}' (${l.soort})`,
      jaar: l.jaar,
      published: () => ({ waarde: l.waarde, status: l.status, bron: l.bron, uitleg: `${lineLabel(l)} ${mln(l.waarde)} (${l.vindplaats})` }),
      model: (ctx) =>
        modelSpending(ctx, l.provincie, l.jaar, tasks, own ? `het taakveld telt voor deze provincie niet mee: ${own.methode}` : l.provincie === 'NL' ? 'som van de provincies' : 'het taakveld ligt in het model vast'),
    });
  }

  // CBS's national totals of provincial nature budgets.
  for (const u of data.uitgaven.filter((x) => x.provincie === 'NL' && x.taak === 'totaal' && x.jaar >= HISTORY_FIRST_YEAR && x.jaar <= HISTORY_LAST_YEAR)) {
    out.push({
      id: `cbs.natuur.NL.${u.jaar}.${u.soort}`,
      groep: GROUP_SPENDING,
      omschrijving: `Nederland ${u.jaar}: natuuruitgaven van alle provincies (${u.soort}, ${u.status})`,
      jaar: u.jaar,
      published: () => ({ waarde: u.waarde, status: u.status, bron: u.bron, uitleg: `${u.methode || 'totaal'} ${mln(u.waarde)} (${u.vindplaats})` }),
      model: (ctx) => modelSpending(ctx, 'NL', u.jaar, COST_TASKS, 'som van de provincies'),
    });
  }

  // National amounts paid out.
  for (const [driver, task, label] of [
    ['faunaschade', 'soorten', 'uitbetaalde faunaschade (BIJ12)'],
    ['anlb_uitbetaald', 'anlb', 'uitbetaald ANLb'],
  ] as const) {
    for (const d of nlDriver(data, driver).filter((x) => x.jaar >= HISTORY_FIRST_YEAR && x.jaar <= HISTORY_LAST_YEAR)) {
      out.push({
        id: `${driver === 'faunaschade' ? 'faunaschade' : 'anlb'}.NL.${d.jaar}`,
        groep: GROUP_SPENDING,
        omschrijving: `Nederland ${d.jaar}: ${label}`,
        jaar: d.jaar,
        published: () => ({ waarde: d.waarde, status: d.status, bron: d.bron, uitleg: `${label} ${mln(d.waarde)} (${d.vindplaats})` }),
        model: (ctx) => modelSpending(ctx, 'NL', d.jaar, [task], 'som van de provincies'),
      });
    }
  }

  // The national DU Natuur against the model's natuurpact income.
  for (const [jaar, du] of [...nationalDuNatuur(data)].filter(([y]) => y >= HISTORY_FIRST_YEAR && y <= HISTORY_LAST_YEAR).sort((a, b) => a[0] - b[0])) {
    out.push({
      id: `du_natuur.NL.${jaar}`,
      groep: GROUP_INCOME,
      omschrijving: `Nederland ${jaar}: DU Natuur (${du.publicatie})`,
      jaar,
      published: () => ({ waarde: du.waarde, status: du.status, bron: du.bron, uitleg: `DU Natuur ${jaar} ${mln(du.waarde)} (${du.vindplaats})` }),
      model: (ctx) => {
        const rows = history(ctx).dataset.inkomsten.filter((r) => r.provincie !== 'NL' && r.jaar === jaar && (r.stroom === 'natuurpact' || r.stroom === 'du_natuur'));
        return { waarde: sum(rows.map((r) => r.waarde)), uitleg: `terugblik van het model, inkomsten natuurpact ${jaar}, som van de provincies` };
      },
    });
  }
  return out;
}
