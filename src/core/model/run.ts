/**
 * Running a scenario: the history 2014-2023 straight from the (completed) dataset, the projection
 * from the compiled plan, and the derived lines, as one tidy table with a status on every cell and
 * an explanation for every cell.
 *
 * History: a cost cell is the dataset's `realisatie` row for that province, year and task (published,
 * or estimated by the estimation step); an income cell the sum of the dataset's rows for that stream
 * (a province's own DU Natuur counts for `natuurpact`). A stream without rows in a year is 0 with
 * status `aanname`, except Programma Natuur outside its schedule (0, `afgeleid`). Projection
 * settings never change history cells.
 *
 * Rounding: every projected money cell is rounded to whole cents (its driver part and each
 * development part separately), so that totals, NL sums and the gap decomposition are exact.
 *
 * Totals: `kosten.totaal` and `inkomsten.totaal` are sums; `tekort` = kosten.totaal − inkomsten.totaal;
 * `tekort.waarvan_eigen_bijdrage` = the agreed provincial contribution as part of the gap (see
 * `own-contribution.ts`; the agreement comes from the dataset's `eigen_middelen` stream in the
 * history and the Natuurpact agreement after it); `tekort.cumulatief` sums `tekort` from the first
 * year; `dekkingsgraad` = inkomsten.totaal / kosten.totaal (NL: from the NL sums). The status of a
 * derived cell is the weakest of its contributing (non-zero) parts.
 */
import type { Dataset, Fact, IncomeFact, SpendingFact } from '../dataset.js';
import { Decimal, ZERO, cents, sum } from '../decimal.js';
import { UserError } from '../errors.js';
import { completeHistory, HISTORY_FIRST_YEAR, HISTORY_LAST_YEAR, HISTORY_YEARS } from '../estimate.js';
import { PROVINCE_CODES, type ProvinceCode, type RegionCode } from '../provinces.js';
import { weakestStatus, type Status } from '../status.js';
import { COST_TASKS, FUND_LINES, INCOME_STREAMS, isFundLine, LINES, type CostTask, type FundLine, type IncomeStream, type Line, type ResultLine } from './lines.js';
import type { LedgerYear } from '../provinciefonds.js';
import { parameterAt } from './developments.js';
import { compilePlan, DEFAULT_LAST_YEAR, developmentCost, developmentIncome, developmentIncomeParts, developmentShareOf, type ModelScenario, type Plan } from './plan.js';
import { formatMlnText, formatSignificantNl } from '../format.js';
import { ownContributionPart } from './own-contribution.js';
import { checkDatasetInput, checkModelResult, checkModelScenario } from './check-input.js';

/**
 * The construction label of the status quo in the result table: C0, the id the construction comparison
 * gives the status quo (its figures are the model's own, exactly), so that a run with and without
 * constructions names the status quo the same way.
 */
export const STATUS_QUO = 'C0';

/** One row of the tidy result table. */
export interface ResultRow {
  readonly scenario: string;
  readonly constructie: string;
  readonly provincie: RegionCode;
  readonly jaar: number;
  /** A line of every region, or a national fund line (`fonds.*`, NL only). */
  readonly post: ResultLine;
  /** Euros, or a ratio for `dekkingsgraad`. Exact; not rounded. */
  readonly bedrag_eur: Decimal;
  readonly status: Status;
}

/** What made one cell. */
export interface Explanation {
  readonly provincie: RegionCode;
  readonly jaar: number;
  readonly post: ResultLine;
  readonly waarde: Decimal;
  readonly status: Status;
  /** Dutch: the rule or formula. */
  readonly regel: string;
  /** The inputs, each with where it came from. */
  readonly invoer: readonly { readonly omschrijving: string; readonly status?: Status; readonly bron?: readonly string[] }[];
}

export interface ModelResult {
  readonly scenario: string;
  readonly basisjaar: number;
  readonly jaren: readonly number[];
  readonly rows: readonly ResultRow[];
  readonly plan: Plan;
  cell(provincie: RegionCode, jaar: number, post: ResultLine): ResultRow;
  /** The contribution the provinces agreed to pay from own means (NL: the sum), before it is taken as part of a gap. */
  agreedContribution(provincie: RegionCode, jaar: number): { readonly bedrag_eur: Decimal; readonly status: Status };
  /**
   * The income the developments bring in a year (all streams; NL: the sum), per development in the
   * plan's order, as it is in the income cells (nothing where a province's own published amount is
   * the cell): with the developments' cost parts, what each does to the gap.
   */
  developmentIncome(provincie: RegionCode, jaar: number, stroom?: IncomeStream): readonly { readonly naam: string; readonly bedrag: Decimal }[];
}

type Cell = { value: Decimal; status: Status; explain: () => Omit<Explanation, 'provincie' | 'jaar' | 'post' | 'waarde' | 'status'> };

const mln = (d: Decimal) => formatMlnText(d);
const nlNumber = formatSignificantNl;
const fact = (f: Fact, what: string) => ({
  omschrijving: `${what}: ${mln(f.waarde)} (${f.herkomst.file}${f.herkomst.line ? `:${f.herkomst.line}` : ''}${f.methode ? `; ${f.methode}` : ''})`,
  status: f.status,
  bron: f.bron,
});

function historyIndex(data: Dataset) {
  const cost = new Map<string, SpendingFact>();
  for (const u of data.uitgaven) {
    if (u.soort === 'realisatie' && u.taak !== 'totaal' && u.provincie !== 'NL') cost.set(`${u.provincie}|${u.jaar}|${u.taak}`, u);
  }
  const income = new Map<string, IncomeFact[]>();
  for (const i of data.inkomsten) {
    if (i.provincie === 'NL') continue;
    const stream = i.stroom === 'du_natuur' ? 'natuurpact' : i.stroom;
    const k = `${i.provincie}|${i.jaar}|${stream}`;
    income.set(k, [...(income.get(k) ?? []), i]);
  }
  return { cost, income };
}

/**
 * Runs a scenario on a dataset (completing its history first).
 *
 * @example
 *   const result = runScenario({ naam: 'basis' }, loadDataset());
 *   result.cell('NL', 2030, 'tekort').bedrag_eur
 */
export function runScenario(scenario: ModelScenario, raw: Dataset): ModelResult {
  checkModelScenario(scenario);
  checkDatasetInput(raw);
  const data = completeHistory(raw).dataset;
  const idx = historyIndex(data);
  // Cells in a flat array by (region, year, line) position: this loop runs thousands of times.
  const regions: readonly RegionCode[] = [...PROVINCE_CODES, 'NL'];
  const lastYear = scenario.tot ?? DEFAULT_LAST_YEAR;
  const yearCount = lastYear - HISTORY_FIRST_YEAR + 1;
  const regionPos = new Map(regions.map((r, i) => [r, i] as const));
  const linePos = new Map(LINES.map((l, i) => [l, i] as const));
  const cells: (Cell | undefined)[] = new Array(regions.length * yearCount * LINES.length);
  const posOf = (p: RegionCode, y: number, l: Line) => {
    const r = regionPos.get(p);
    const li = linePos.get(l);
    if (r === undefined || li === undefined || y < HISTORY_FIRST_YEAR || y > lastYear) return -1;
    return (r * yearCount + (y - HISTORY_FIRST_YEAR)) * LINES.length + li;
  };
  const keyOf = (p: RegionCode, y: number, l: ResultLine) => `${p}|${y}|${l}`;
  const set = (p: RegionCode, y: number, l: Line, c: Cell) => {
    cells[posOf(p, y, l)] = c;
  };
  const get = (p: RegionCode, y: number, l: Line) => cells[posOf(p, y, l)]!;
  // The agreed own contribution per province and year: not a line of its own, a part of the gap.
  const agreed = new Map<string, Cell>();
  const streamLine = (s: IncomeStream | 'eigen_middelen') => s === 'eigen_middelen' ? undefined : (`inkomsten.${s}` as const);
  const setStream = (p: ProvinceCode, y: number, s: IncomeStream | 'eigen_middelen', c: Cell) => {
    const line = streamLine(s);
    if (line) set(p, y, line, c);
    else agreed.set(keyOf(p, y, 'tekort.waarvan_eigen_bijdrage'), c);
  };
  const getStream = (p: ProvinceCode, y: number, s: IncomeStream | 'eigen_middelen') => {
    const line = streamLine(s);
    return line ? get(p, y, line) : agreed.get(keyOf(p, y, 'tekort.waarvan_eigen_bijdrage'))!;
  };

  const historyCost = (p: ProvinceCode, y: number, k: CostTask): SpendingFact => {
    const f = idx.cost.get(`${p}|${y}|${k}`);
    if (!f) throw new UserError({ message: `terugblik: geen uitgaven voor ${p} ${y} ${k}; de schattingsstap had dit moeten aanvullen` });
    return f;
  };
  const historyIncome = (p: ProvinceCode, y: number, s: IncomeStream | 'eigen_middelen') => idx.income.get(`${p}|${y}|${s}`) ?? [];

  // History.
  for (const p of PROVINCE_CODES) {
    for (const y of HISTORY_YEARS) {
      for (const k of COST_TASKS) {
        const f = historyCost(p, y, k);
        set(p, y, `kosten.${k}`, { value: f.waarde, status: f.status, explain: () => ({ regel: 'terugblik: waarde uit de gegevens', invoer: [fact(f, `uitgaven ${k}`)] }) });
      }
      for (const s of [...INCOME_STREAMS, 'eigen_middelen'] as const) {
        const rows = historyIncome(p, y, s);
        if (rows.length > 0) {
          setStream(p, y, s, {
            value: sum(rows.map((r) => r.waarde)),
            status: weakestStatus(rows.map((r) => r.status)),
            explain: () => ({ regel: 'terugblik: waarde uit de gegevens', invoer: rows.map((r) => fact(r, `inkomsten ${r.stroom}`)) }),
          });
        } else {
          const outsideProgramme = s === 'programma_natuur';
          setStream(p, y, s, {
            value: ZERO,
            status: outsideProgramme ? 'afgeleid' : 'aanname',
            explain: () => ({
              regel: outsideProgramme ? 'Programma Natuur liep in dit jaar niet: 0' : 'geen gegevens voor deze stroom in dit jaar: 0 aangenomen',
              invoer: [],
            }),
          });
        }
      }
    }
  }

  const plan = compilePlan(scenario, data, {
    cost: (p, y, k) => get(p, y, `kosten.${k}`).value,
    income: (p, y, s) => getStream(p, y, s).value,
  });
  const published = (p: ProvinceCode, y: number, s: IncomeStream | 'eigen_middelen') => historyIncome(p, y, s);

  // Development income per province and year, per development (for `developmentIncome`).
  const devIncome = new Map<string, Decimal[]>();

  // Projection.
  for (const y of plan.years) {
    for (const p of PROVINCE_CODES) {
      for (const k of COST_TASKS) {
        const d = plan.drivers[k];
        const base = plan.baseCost.get(p)![k];
        const dev = developmentCost(plan, p, k, y);
        const value = cents(base.times(d.price(y)).times(d.volume(y))).plus(dev);
        set(p, y, `kosten.${k}`, {
          value,
          status: 'schatting',
          explain: () => ({
            regel: `basis ${plan.baseYear} × prijsfactor × volumefactor${dev.isZero() ? '' : ' + ontwikkelingen'}`,
            invoer: [
              { omschrijving: `basis ${plan.baseYear}: ${mln(base)}`, status: get(p, plan.baseYear, `kosten.${k}`).status },
              { omschrijving: `prijsfactor ${nlNumber(d.price(y), 10)}, volumefactor ${nlNumber(d.volume(y), 10)}: ${d.explain(y)}`, bron: d.bron },
              ...d.inputs(y).filter((i) => i.jaar === y).map((i) => ({ omschrijving: `${i.reeks} ${i.jaar} (${i.publicatie})${i.toelichting ? `: ${i.toelichting}` : ''}`, status: i.status, bron: i.bron })),
              ...developmentNotes(plan, p, 'kosten', k, y),
            ],
          }),
        });
      }
      for (const s of [...INCOME_STREAMS, 'eigen_middelen'] as const) {
        const own = published(p, y, s);
        if (own.length > 0) {
          setStream(p, y, s, {
            value: sum(own.map((r) => r.waarde)),
            status: weakestStatus(own.map((r) => r.status)),
            explain: () => ({ regel: 'gepubliceerd bedrag van de provincie', invoer: own.map((r) => fact(r, `inkomsten ${r.stroom}`)) }),
          });
          continue;
        }
        const n = plan.income[s];
        const share = plan.incomeShare.get(p)![s];
        const dev = s === 'eigen_middelen' ? ZERO : developmentIncome(plan, p, s, y);
        if (s !== 'eigen_middelen' && !dev.isZero()) devIncome.set(`${p}|${y}|${s}`, developmentIncomeParts(plan, p, s, y).map((x) => x.bedrag));
        const baseValue = cents(n.amount(y).times(share));
        setStream(p, y, s, {
          value: baseValue.plus(dev),
          // A stream that is zero in the baseline takes the status of the developments that fill it.
          status: statusOfSum([{ value: baseValue, status: n.status }, ...(s === 'eigen_middelen' ? [] : developmentParts(plan, p, 'inkomsten', s, y))]),
          explain: () => ({
            regel: `landelijk bedrag × aandeel van de provincie in ${plan.baseYear}${dev.isZero() ? '' : ' + ontwikkelingen'}`,
            invoer: [
              { omschrijving: `landelijk: ${mln(n.amount(y))}; ${n.explain(y)}`, bron: n.bron },
              { omschrijving: `aandeel ${p}: ${nlNumber(share, 8)}` },
              ...(s === 'eigen_middelen' ? [] : developmentNotes(plan, p, 'inkomsten', s, y)),
            ],
          }),
        });
      }
    }
  }

  // Totals, NL and derived lines.
  const allYears = [...HISTORY_YEARS, ...plan.years];
  const sumCell = (parts: Cell[], regel: string): Cell => ({
    value: sum(parts.map((c) => c.value)),
    status: statusOfSum(parts),
    explain: () => ({ regel, invoer: [] }),
  });
  for (const p of PROVINCE_CODES) {
    for (const y of allYears) {
      set(p, y, 'kosten.totaal', sumCell(COST_TASKS.map((k) => get(p, y, `kosten.${k}`)), 'som van de zeven taken'));
      set(p, y, 'inkomsten.totaal', sumCell(INCOME_STREAMS.map((s) => get(p, y, `inkomsten.${s}`)), 'som van de stromen van Rijk en EU'));
    }
  }
  for (const y of allYears) {
    for (const l of LINES) {
      if (l === 'tekort' || l === 'tekort.waarvan_eigen_bijdrage' || l === 'tekort.cumulatief' || l === 'dekkingsgraad') continue;
      set('NL', y, l, sumCell(PROVINCE_CODES.map((p) => get(p, y, l)), 'som van de twaalf provincies'));
    }
  }
  for (const r of [...PROVINCE_CODES, 'NL'] as RegionCode[]) {
    let cumulative: Cell | undefined;
    for (const y of allYears) {
      const k = get(r, y, 'kosten.totaal');
      const i = get(r, y, 'inkomsten.totaal');
      const gap: Cell = {
        value: k.value.minus(i.value),
        status: statusOfSum([k, i]),
        explain: () => ({ regel: 'kosten.totaal − inkomsten.totaal', invoer: [{ omschrijving: `kosten.totaal ${mln(k.value)}` }, { omschrijving: `inkomsten.totaal ${mln(i.value)}` }] }),
      };
      set(r, y, 'tekort', gap);
      set(r, y, 'tekort.waarvan_eigen_bijdrage', r === 'NL' ? sumCell(PROVINCE_CODES.map((p) => get(p, y, 'tekort.waarvan_eigen_bijdrage')), 'som van de twaalf provincies') : ownPartCell(gap, agreed.get(keyOf(r, y, 'tekort.waarvan_eigen_bijdrage'))!));
      const prev: Cell | undefined = cumulative;
      cumulative = {
        value: (prev?.value ?? ZERO).plus(gap.value),
        status: statusOfSum([gap, ...(prev ? [prev] : [])]),
        explain: () => ({ regel: `som van tekort ${HISTORY_FIRST_YEAR}-${y}`, invoer: [] }),
      };
      set(r, y, 'tekort.cumulatief', cumulative);
      set(r, y, 'dekkingsgraad', {
        value: k.value.isZero() ? ZERO : i.value.dividedBy(k.value),
        status: statusOfSum([k, i]),
        explain: () => ({ regel: r === 'NL' ? 'inkomsten.totaal / kosten.totaal, uit de landelijke sommen' : 'inkomsten.totaal / kosten.totaal', invoer: [] }),
      });
    }
  }

  const rows: ResultRow[] = [];
  for (const r of [...PROVINCE_CODES, 'NL'] as RegionCode[]) {
    for (const y of allYears) {
      for (const l of LINES) {
        const c = get(r, y, l);
        rows.push({ scenario: scenario.naam, constructie: STATUS_QUO, provincie: r, jaar: y, post: l, bedrag_eur: c.value, status: c.status });
      }
    }
  }
  // National fund lines: the ledger's years within the run.
  const fundCells = new Map<string, Cell>();
  for (const ly of plan.ledger.jaren) {
    if (ly.jaar < HISTORY_FIRST_YEAR || ly.jaar > lastYear) continue;
    for (const l of FUND_LINES) {
      const c = fundCell(ly, l);
      fundCells.set(`${ly.jaar}|${l}`, c);
      rows.push({ scenario: scenario.naam, constructie: STATUS_QUO, provincie: 'NL', jaar: ly.jaar, post: l, bedrag_eur: c.value, status: c.status });
    }
  }
  const byKey = new Map(rows.map((row) => [keyOf(row.provincie, row.jaar, row.post), row] as const));
  const result: ModelResult & { [EXPLAIN]: (p: RegionCode, y: number, l: ResultLine) => Explanation } = {
    scenario: scenario.naam,
    basisjaar: HISTORY_LAST_YEAR,
    jaren: allYears,
    rows,
    plan,
    cell(p, y, l) {
      const row = byKey.get(keyOf(p, y, l));
      if (!row) throw new UserError({ message: missingCell(p, y, l, allYears, plan.ledger.startjaar) });
      return row;
    },
    agreedContribution(p, y) {
      const parts = (p === 'NL' ? PROVINCE_CODES : [p]).map((q) => agreed.get(keyOf(q, y, 'tekort.waarvan_eigen_bijdrage')));
      if (parts.some((c) => c === undefined)) throw new UserError({ message: `geen afgesproken eigen bijdrage voor ${p} ${y} in het resultaat` });
      return { bedrag_eur: sum(parts.map((c) => c!.value)), status: statusOfSum(parts as Cell[]) };
    },
    developmentIncome(p, y, stroom) {
      const none = plan.developments.map(() => ZERO);
      const of = (q: ProvinceCode, s: IncomeStream) => devIncome.get(`${q}|${y}|${s}`) ?? none;
      const parts = (p === 'NL' ? PROVINCE_CODES : [p]).flatMap((q) => (stroom ? [stroom] : INCOME_STREAMS).map((s) => of(q, s)));
      return plan.developments.map((d, i) => ({ naam: d.definitie.naam, bedrag: sum(parts.map((x) => x[i]!)) }));
    },
    [EXPLAIN]: (p, y, l) => {
      const c = isFundLine(l) ? (p === 'NL' ? fundCells.get(`${y}|${l}`) : undefined) : cells[posOf(p, y, l)];
      if (!c) throw new UserError({ message: missingCell(p, y, l, allYears, plan.ledger.startjaar) });
      return { provincie: p, jaar: y, post: l, waarde: c.value, status: c.status, ...c.explain() };
    },
  };
  return result;
}

const EXPLAIN = Symbol('explain');

/** The agreed own contribution as part of a gap (a province), with the agreement in its explanation. */
function ownPartCell(gap: Cell, agreement: Cell): Cell {
  const value = ownContributionPart(gap.value, agreement.value);
  const smaller = value.lessThan(agreement.value);
  return {
    value,
    status: statusOfSum(value.isZero() ? [gap] : [gap, agreement]),
    explain: () => {
      const a = agreement.explain();
      return {
        regel: `min(afgesproken eigen bijdrage, max(tekort, 0)): het deel van het tekort dat de provincie volgens de afspraak zelf betaalt${smaller ? '; het tekort is kleiner dan de afspraak' : ''}`,
        invoer: [
          { omschrijving: `tekort ${mln(gap.value)}`, status: gap.status },
          { omschrijving: `afgesproken eigen bijdrage ${mln(agreement.value)}: ${a.regel}`, status: agreement.status },
          ...a.invoer,
        ],
      };
    },
  };
}

/** Dutch: why a cell is not in the result. */
function missingCell(p: RegionCode, y: number, l: ResultLine, years: readonly number[], ledgerStart: number): string {
  if (isFundLine(l) && p !== 'NL') return `${l} bestaat alleen voor NL: het Provinciefonds-grootboek is landelijk`;
  if (isFundLine(l)) return `geen cel NL ${y} ${l}: het Provinciefonds-grootboek loopt van ${ledgerStart} tot ${years.at(-1)}`;
  return `geen cel ${p} ${y} ${l} in het resultaat (jaren ${years[0]}-${years.at(-1)})`;
}

/** One national fund cell from a ledger year. */
function fundCell(ly: LedgerYear, l: FundLine): Cell {
  const sources = { bron: ly.bron };
  switch (l) {
    case 'fonds.algemene_uitkering':
      return {
        value: ly.algemeneUitkering,
        status: ly.status.algemeneUitkering,
        explain: () => ({ regel: `algemene uitkering met het gereserveerde accres (Provinciefonds-grootboek, regel ${ly.regel})`, invoer: [{ omschrijving: ly.explanation, ...sources }] }),
      };
    case 'fonds.natuurdeel':
      return {
        value: ly.natuurdeel,
        status: ly.status.natuurdeel,
        explain: () => ({ regel: 'natuurdeel van de algemene uitkering: natuurdeel vorig jaar × groei door het accres', invoer: [{ omschrijving: `groei ${formatSignificantNl(ly.groeifactor, 10)}; ${ly.explanation}`, ...sources }] }),
      };
    case 'fonds.accres':
      return {
        value: ly.accres,
        status: ly.status.accres,
        explain: () => ({ regel: `accres van het jaar (regel ${ly.regel})`, invoer: [{ omschrijving: ly.explanation, ...sources }] }),
      };
    case 'fonds.mutaties':
      return {
        value: ly.mutatie,
        status: ly.status.mutaties,
        explain: () => ({
          regel: 'verandering van de mutaties buiten het accres (taakmutaties, incidentele posten, reeksen)',
          invoer: ly.mutaties
            .filter((m) => !m.verandering.isZero())
            .map((m) => ({ omschrijving: `${m.post} (${m.publicatie}, ${m.aard}): ${mln(m.verandering)}, niveau ${mln(m.niveau)}`, status: m.status, bron: m.bron })),
        }),
      };
  }
}

/**
 * The status of a sum: the weakest status among the parts that contribute (are not zero); a part
 * that is zero does not make the sum less certain. All parts zero: the weakest of all.
 */
function statusOfSum(parts: readonly { value: Decimal; status: Status }[]): Status {
  const contributing = parts.filter((c) => !c.value.isZero());
  return weakestStatus((contributing.length > 0 ? contributing : parts).map((c) => c.status));
}

/** The developments' national amounts on a line in a year, each with the weakest status of its parameters. */
function developmentParts(plan: Plan, p: ProvinceCode, side: 'kosten' | 'inkomsten', what: string, year: number): { value: Decimal; status: Status }[] {
  return plan.developments.flatMap((d) => {
    const v = (d.effectFor(p)[side] as Record<string, Map<number, Decimal> | undefined>)[what]?.get(year);
    return v && !v.isZero() ? [{ value: v, status: weakestStatus(Object.values(d.parameters).map((x) => x.status)) }] : [];
  });
}

function developmentNotes(plan: Plan, p: ProvinceCode, side: 'kosten' | 'inkomsten', what: string, year: number) {
  return plan.developments.flatMap((d) => {
    const v = (d.effectFor(p)[side] as Record<string, Map<number, Decimal> | undefined>)[what]?.get(year);
    if (!v || v.isZero()) return [];
    const share = developmentShareOf(plan, p, d, side, what);
    const follows = side === 'inkomsten' ? d.definitie.inkomstenVolgen?.[what as IncomeStream] : undefined;
    const national = d.perProvincie ? `landelijk, met de parameters van ${p},` : 'landelijk';
    // Every parameter as this province sees it in this year: the scenario's value, or the default with its status.
    const given = Object.entries(d.parameters).map(([name, x]) => {
      const at = parameterAt(x, x.invoer, year, p);
      const value = x.eenheid === 'EUR' ? mln(at.waarde) : nlNumber(at.waarde, 10);
      return `${name} ${value}${at.opgegeven ? (at.vanaf !== undefined ? ` (scenario, vanaf ${at.vanaf})` : ' (scenario)') : x.invoer !== undefined ? ' (standaard)' : ` (standaard, ${x.status})`}`;
    });
    return [
      {
        omschrijving: `${d.definitie.standaardAan ? 'besloten beleid' : 'ontwikkeling'} ${d.definitie.naam} (vanaf ${d.startjaar}): ${national} ${mln(v)} × aandeel ${nlNumber(share, 8)}${follows ? ` (het aandeel van ${p} in de kosten van ${follows})` : ''}; ${d.definitie.omschrijving}${given.length > 0 ? `; parameters: ${given.join(', ')}` : ''}`,
        status: weakestStatus(Object.values(d.parameters).map((x) => x.status)),
        bron: [...new Set([...Object.values(d.parameters).flatMap((x) => x.bron), ...(d.definitie.bronnen?.(plan.data) ?? [])])],
      },
    ];
  });
}

/**
 * Explains one cell of a result: its value, status, the rule that made it and its inputs with their
 * sources and statuses.
 *
 * @example
 *   explain(result, { provincie: 'PV22', jaar: 2028, post: 'tekort' })
 */
export function explain(result: ModelResult, where: { provincie: RegionCode; jaar: number; post: ResultLine }): Explanation {
  checkModelResult(result, 'explain');
  const fn = (result as unknown as { [EXPLAIN]?: (p: RegionCode, y: number, l: ResultLine) => Explanation })[EXPLAIN];
  if (!fn) throw new UserError({ message: 'dit resultaat heeft geen uitleg' });
  return fn(where.provincie, where.jaar, where.post);
}
