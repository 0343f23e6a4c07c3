/**
 * The compiled plan of a scenario: everything the projection needs, reduced to base amounts and
 * yearly factors, so that evaluating it is plain arithmetic (exact here, in floats in `fast.ts`).
 *
 *   cost_{p,k,t}   = base_{p,k} × P_{k,t} × V_{k,t} + D_{p,k,t}
 *   income_{p,s,t} = N_{s,t} × share_{p,s} + E_{p,s,t}
 *
 * base: the province's cost of task k in the base year (last history year); P, V: the driver's
 * price and volume factors (national, base year = 1); D: development costs shared by the province's
 * base-year share of task k; N: the national income stream; share: the province's base-year share of
 * the stream (the estimation key when the stream was zero); E: development income, shared the same
 * way.
 */
import type { Dataset } from '../dataset.js';
import { Decimal, ONE, ZERO, cents, sum } from '../decimal.js';
import { UserError } from '../errors.js';
import { fallbackKey, HISTORY_LAST_YEAR } from '../estimate.js';
import type { IndexOptions } from '../indexation/types.js';
import { PROVINCE_CODES, type ProvinceCode } from '../provinces.js';
import { provinciefondsLedger, type Ledger } from '../provinciefonds.js';
import { modelContext, type ModelContext } from './context.js';
import { cannotVary, DEVELOPMENTS, development, parameterAt, type DevelopmentDefinition, type DevelopmentEffect, type Parameters, type ParameterValue } from './developments.js';
import { dimensionsOf, inputsForProvince, inputValues, isDated, provinceGroups, type ParameterInput, type TimedValue } from '../parameter.js';
import { checkBounds } from '../bounds.js';
import { checkDatasetInput, checkModelScenario } from './check-input.js';
import { herstelDriver } from './drivers/herstel.js';
import { natuurbeheerDriver } from './drivers/natuurbeheer.js';
import { inrichtingDriver, verwervingDriver } from './drivers/nnn-tasks.js';
import { anlbDriver, uitvoeringDriver } from './drivers/simple.js';
import { soortenDriver } from './drivers/soorten.js';
import type { TaskDriver } from './drivers/types.js';
import { COST_TASKS, INCOME_STREAMS, type CostTask, type IncomeStream } from './lines.js';
import { nnnPath, type NnnMode, type NnnPath } from './nnn.js';
import { programmaNatuurSchedule, type Schedule } from './programma-natuur.js';

export const DEFAULT_LAST_YEAR = 2030;
/** The assumption naming the last year of EU co-financing (after the decided GLB period: none). */
export const EU_LAST_YEAR = 'eu_cofinanciering.laatste_jaar';
export const MAX_LAST_YEAR = 2050;

export interface DevelopmentSetting {
  readonly aan?: boolean;
  readonly startjaar?: number;
  /** One value, dated values or values per province (see `parameter.ts`), as the parameter allows. */
  readonly parameters?: Readonly<Record<string, ParameterInput>>;
}

/** What a scenario sets; everything else takes its documented default. */
export interface ModelScenario {
  readonly naam: string;
  /** Last projection year (default 2030, at most 2050). */
  readonly tot?: number;
  /** Macro choices: vintage, projection values, bbp options. */
  readonly macro?: IndexOptions;
  /** First year of the bbp-systematiek for the Provinciefonds (default 2024). */
  readonly startBbp?: number;
  /** NNN path: observed pace (`tempo`, default) or target met (`doel`). */
  readonly nnnPad?: NnnMode;
  readonly ontwikkelingen?: Readonly<Record<string, DevelopmentSetting>>;
}

export interface ActiveDevelopment {
  readonly definitie: DevelopmentDefinition;
  readonly startjaar: number;
  /** Every parameter with its default; `invoer` where the scenario set it. */
  readonly parameters: Readonly<Record<string, ParameterValue & { readonly invoer?: ParameterInput }>>;
  /** The national effect as a province sees it (the same object for provinces with the same values). */
  effectFor(p: ProvinceCode): DevelopmentEffect;
  /**
   * The effect split by how it depends on the baseline cost of the tasks (national, without
   * developments): `vast` is the effect with a baseline of 0, `perBasiseuro` what one euro of baseline
   * cost adds (the effect with a baseline of 1, minus `vast`). Every shipped development is linear
   * in the baseline, so effect = vast + perBasiseuro × baseline (tests/model.test.ts checks it); a
   * workbook uses this to recompute a development from its own cost formulas.
   */
  lineair(p: ProvinceCode): { readonly vast: DevelopmentEffect; readonly perBasiseuro: DevelopmentEffect };
  /** Whether provinces see different parameter values. */
  readonly perProvincie: boolean;
  /** Dutch: the development's size in one line, for the report (with the values of the first group of provinces). */
  readonly samenvatting?: string;
}

export interface NationalIncome {
  amount(year: number): Decimal;
  explain(year: number): string;
  readonly bron: readonly string[];
  readonly status: 'schatting' | 'begroting' | 'aanname';
}

export interface Plan {
  readonly scenario: ModelScenario;
  readonly data: Dataset;
  readonly baseYear: number;
  readonly years: readonly number[];
  readonly context: ModelContext;
  readonly drivers: Readonly<Record<CostTask, TaskDriver>>;
  readonly nnn: NnnPath;
  readonly programmaNatuur: Schedule;
  readonly ledger: Ledger;
  readonly income: Readonly<Record<IncomeStream | 'eigen_middelen', NationalIncome>>;
  /** base_{p,k}: cost of task k in the base year. */
  readonly baseCost: ReadonlyMap<ProvinceCode, Readonly<Record<CostTask, Decimal>>>;
  /** Province share of each task's base-year cost. */
  readonly costShare: ReadonlyMap<ProvinceCode, Readonly<Record<CostTask, Decimal>>>;
  /** Province share of each income stream in the base year. */
  readonly incomeShare: ReadonlyMap<ProvinceCode, Readonly<Record<IncomeStream | 'eigen_middelen', Decimal>>>;
  readonly developments: readonly ActiveDevelopment[];
}

function shares<K extends string>(
  values: ReadonlyMap<ProvinceCode, Readonly<Record<K, Decimal>>>,
  keys: readonly K[],
  fallback: ReadonlyMap<ProvinceCode, Decimal>,
): Map<ProvinceCode, Record<K, Decimal>> {
  const out = new Map<ProvinceCode, Record<K, Decimal>>();
  const totals = Object.fromEntries(keys.map((k) => [k, sum(PROVINCE_CODES.map((p) => values.get(p)![k]))])) as Record<K, Decimal>;
  for (const p of PROVINCE_CODES) {
    const row = {} as Record<K, Decimal>;
    for (const k of keys) row[k] = totals[k].isZero() ? fallback.get(p)! : values.get(p)![k].dividedBy(totals[k]);
    out.set(p, row);
  }
  return out;
}

/** A driver whose price and volume are computed once per year. */
function memoised(d: TaskDriver): TaskDriver {
  const price = new Map<number, Decimal>();
  const volume = new Map<number, Decimal>();
  const once = (cache: Map<number, Decimal>, f: (y: number) => Decimal) => (y: number) => {
    let v = cache.get(y);
    if (v === undefined) cache.set(y, (v = f(y)));
    return v;
  };
  return { ...d, price: once(price, d.price), volume: once(volume, d.volume) };
}

/**
 * An agreement amount per year while it runs, and its last level afterwards (an assumption); with
 * `lastYear` (an assumption in `aannames.csv`), 0 after that year.
 */
function agreementIncome(data: Dataset, onderdeel: string, label: string, lastYear?: string): NationalIncome {
  const row = data.natuurpact.find((r) => r.onderdeel === onderdeel && r.provincie === 'NL' && r.grondslag === 'per_jaar');
  if (!row) throw new UserError({ message: `natuurpact.csv: onderdeel '${onderdeel}' (NL, per_jaar) ontbreekt` });
  const mln = `${row.waarde.dividedBy(1e6).toString().replace('.', ',')} mln`;
  const end = lastYear === undefined ? undefined : data.aannames.find((a) => a.naam === lastYear);
  if (lastYear !== undefined && !end) throw new UserError({ message: `aannames.csv: aanname '${lastYear}' ontbreekt` });
  const endYear = end?.waarde.toNumber();
  const running = (y: number) => endYear === undefined || y <= endYear;
  return {
    amount: (y) => (running(y) ? row.waarde : ZERO),
    explain: (y) =>
      !running(y)
        ? `${label}: 0 na ${endYear} (aanname ${lastYear}: ${end!.methode})`
        : y <= row.tot
          ? `${label} ${mln} per jaar (${row.van}-${row.tot})`
          : `${label}: na ${row.tot} voortgezet op ${mln} per jaar (aanname${end ? ` ${lastYear} = ${endYear}: ${end.methode}` : ''})`,
    bron: [...row.bron, ...(end?.bron ?? [])],
    status: 'schatting',
  };
}

export function compilePlan(scenario: ModelScenario, data: Dataset, history: HistoryAccess): Plan {
  checkModelScenario(scenario, 'compilePlan');
  checkDatasetInput(data, 'compilePlan');
  const baseYear = HISTORY_LAST_YEAR;
  const tot = scenario.tot ?? DEFAULT_LAST_YEAR;
  if (!Number.isInteger(tot) || tot <= baseYear || tot > MAX_LAST_YEAR) {
    throw new UserError({ message: `scenario '${scenario.naam}': eindjaar ${tot} moet tussen ${baseYear + 1} en ${MAX_LAST_YEAR} liggen` });
  }
  const options = scenario.macro ?? {};
  const context = modelContext(data, baseYear, tot, options);
  const years = context.years;
  const devSettings = scenario.ontwikkelingen ?? {};
  for (const name of Object.keys(devSettings)) development(name); // unknown names fail here
  const nnn = nnnPath(data, baseYear, years, scenario.nnnPad ?? 'tempo');
  const programmaNatuur = programmaNatuurSchedule(data);
  const drivers: Record<CostTask, TaskDriver> = {
    natuurbeheer: memoised(natuurbeheerDriver(context, nnn)),
    anlb: memoised(anlbDriver(context)),
    verwerving: memoised(verwervingDriver(context, nnn)),
    inrichting: memoised(inrichtingDriver(context, nnn)),
    herstel: memoised(herstelDriver(context, programmaNatuur)),
    soorten: memoised(soortenDriver(context)),
    uitvoering: memoised(uitvoeringDriver(context)),
  };

  const baseCost = new Map<ProvinceCode, Record<CostTask, Decimal>>();
  const baseIncome = new Map<ProvinceCode, Record<IncomeStream | 'eigen_middelen', Decimal>>();
  for (const p of PROVINCE_CODES) {
    baseCost.set(p, Object.fromEntries(COST_TASKS.map((k) => [k, history.cost(p, baseYear, k)])) as Record<CostTask, Decimal>);
    baseIncome.set(
      p,
      Object.fromEntries([...INCOME_STREAMS, 'eigen_middelen' as const].map((s) => [s, history.income(p, baseYear, s)])) as Record<IncomeStream | 'eigen_middelen', Decimal>,
    );
  }
  const key = new Map(fallbackKey(data, baseYear).map((k) => [k.provincie, k.waarde] as const));
  const costShare = shares(baseCost, COST_TASKS, key);
  const incomeShare = shares(baseIncome, [...INCOME_STREAMS, 'eigen_middelen'], key);

  const ledger = provinciefondsLedger(data, { ...options, tot, ...(scenario.startBbp !== undefined ? { startBbp: scenario.startBbp } : {}) });
  const ledgerYear = new Map(ledger.jaren.map((y) => [y.jaar, y] as const));
  const income: Record<IncomeStream | 'eigen_middelen', NationalIncome> = {
    natuurpact: {
      amount: (y) => ledgerYear.get(y)!.natuurdeel,
      explain: (y) => `natuurdeel van de algemene uitkering (Provinciefonds-grootboek): ${ledgerYear.get(y)!.explanation}`,
      bron: [...ledger.basis.natuurdeel.bron, ...ledger.basis.algemeneUitkering.bron],
      status: 'schatting',
    },
    programma_natuur: { amount: (y) => programmaNatuur.amount(y), explain: (y) => programmaNatuur.explain(y), bron: programmaNatuur.bron, status: 'schatting' },
    eu: agreementIncome(data, 'natuurpact.beheer.eu_pop3', 'EU-cofinanciering (POP3, daarna GLB-NSP)', EU_LAST_YEAR),
    overig_rijk: { amount: () => ZERO, explain: () => 'geen overige rijksbijdrage in de basis', bron: [], status: 'aanname' },
    eigen_middelen: agreementIncome(data, 'natuurpact.beheer.provincies', 'afgesproken provinciale bijdrage'),
  };

  const national = (task: CostTask, year: number) =>
    sum(PROVINCE_CODES.map((p) => baseCost.get(p)![task])).times(drivers[task].price(year)).times(drivers[task].volume(year));
  const baseHerstel = sum(PROVINCE_CODES.map((p) => baseCost.get(p)!.herstel));
  const pnBase = programmaNatuur.amount(baseYear);

  const developments: ActiveDevelopment[] = [];
  for (const def of DEVELOPMENTS) {
    const setting = devSettings[def.naam];
    // Decided policy (standaardAan) is on unless switched off; the rest only when switched on.
    if (setting ? setting.aan === false : !def.standaardAan) continue;
    const start = setting?.startjaar ?? def.standaardStartjaar;
    if (!Number.isInteger(start) || start <= baseYear) {
      throw new UserError({ message: `ontwikkeling '${def.naam}': startjaar ${start} ligt niet na het laatste historische jaar ${baseYear}; ontwikkelingen veranderen de terugblik niet` });
    }
    const defaults = def.parameters(data);
    const inputs = setting?.parameters ?? {};
    const params: Record<string, ParameterValue & { invoer?: ParameterInput }> = { ...defaults };
    for (const [name, input] of Object.entries(inputs)) {
      const known = defaults[name];
      if (!known) {
        throw new UserError({ message: `ontwikkeling '${def.naam}': onbekende parameter '${name}'; bekend: ${Object.keys(defaults).join(', ') || 'geen'}` });
      }
      const refused = dimensionsOf(input).find((d) => !known.varieert.includes(d));
      if (refused) throw new UserError({ message: `ontwikkeling '${def.naam}': parameter '${name}' ${cannotVary(known, refused)}` });
      // What a scenario file is refused at its place, a library caller is refused here: no value outside the hard bounds.
      const outside = inputValues(input).map((v) => checkBounds(known.grenzen, v)).find((f) => f?.niveau === 'fout');
      if (outside) throw new UserError({ message: `ontwikkeling '${def.naam}': parameter '${name}': ${outside.melding}` });
      // A single value replaces the default; dated or per-province values keep it for the years and provinces they leave open.
      params[name] = !(input instanceof Decimal)
        ? { ...known, status: 'aanname', bron: [...known.bron], toelichting: `opgegeven in het scenario; waar het scenario niets geeft, de standaardwaarde (${known.toelichting})`, invoer: input }
        : { ...known, waarde: input, status: 'aanname', bron: [], toelichting: 'opgegeven in het scenario', invoer: input };
    }
    const developmentInput = {
      data,
      baseYear,
      years,
      baselineCost: (task: CostTask, year: number) => national(task, year),
      baselineIncome: (stream: IncomeStream, year: number) => income[stream].amount(year),
      programmaNatuur,
      herstelPerProgrammaEuro: pnBase.isZero() ? ONE : baseHerstel.dividedBy(pnBase),
    };
    const groups = provinceGroups(inputs);
    const effects = new Map<ProvinceCode, DevelopmentEffect>();
    const linear = new Map<ProvinceCode[], { vast: DevelopmentEffect; perBasiseuro: DevelopmentEffect }>();
    const groupOf = new Map<ProvinceCode, ProvinceCode[]>();
    for (const group of groups) {
      const effect = def.effect(developmentInput, start, reader(defaults, inputsForProvince(inputs, group[0]!)));
      for (const p of group) {
        effects.set(p, effect);
        groupOf.set(p, group);
      }
    }
    const linearFor = (p: ProvinceCode) => {
      const group = groupOf.get(p)!;
      let l = linear.get(group);
      if (!l) {
        const own = reader(defaults, inputsForProvince(inputs, group[0]!));
        const at = (level: Decimal) => def.effect({ ...developmentInput, baselineCost: () => level }, start, own);
        const zero = at(ZERO);
        const one = at(ONE);
        l = { vast: zero, perBasiseuro: effectDifference(one, zero) };
        linear.set(group, l);
      }
      return l;
    };
    const first = groups[0]!;
    const summary = def.samenvatting?.(data, start, reader(defaults, inputsForProvince(inputs, first[0]!)));
    developments.push({
      definitie: def,
      startjaar: start,
      parameters: params,
      effectFor: (p) => effects.get(p)!,
      lineair: linearFor,
      perProvincie: groups.length > 1,
      ...(summary ? { samenvatting: groups.length > 1 ? `${summary} (De parameters verschillen per provincie; dit zijn de waarden van ${first.join(', ')}.)` : summary } : {}),
    });
  }

  return { scenario, data, baseYear, years, context, drivers, nnn, programmaNatuur, ledger, income, baseCost, costShare, incomeShare, developments };
}

/** `a − b`, line by line and year by year (lines and years of either). */
function effectDifference(a: DevelopmentEffect, b: DevelopmentEffect): DevelopmentEffect {
  const side = <K extends string>(x: Partial<Record<K, Map<number, Decimal>>>, y: Partial<Record<K, Map<number, Decimal>>>) => {
    const out: Partial<Record<K, Map<number, Decimal>>> = {};
    for (const k of new Set([...Object.keys(x), ...Object.keys(y)]) as Set<K>) {
      const m = new Map<number, Decimal>();
      for (const year of new Set([...(x[k]?.keys() ?? []), ...(y[k]?.keys() ?? [])])) m.set(year, (x[k]?.get(year) ?? ZERO).minus(y[k]?.get(year) ?? ZERO));
      out[k] = m;
    }
    return out;
  };
  return { kosten: side(a.kosten, b.kosten), inkomsten: side(a.inkomsten, b.inkomsten) };
}

/** The parameters one group of provinces sees: its own values, else the defaults (dated where they are). */
function reader(defaults: Readonly<Record<string, ParameterValue>>, own: Readonly<Record<string, TimedValue>>): Parameters {
  const get = (name: string): ParameterValue => {
    const d = defaults[name];
    if (!d) throw new RangeError(`unknown development parameter ${name}`);
    return d;
  };
  return {
    at: (name, year) => parameterAt(get(name), own[name], year).waarde,
    vast: (name) => {
      const d = get(name);
      const v = own[name];
      if (d.varieert.length > 0 || d.verloop || (v !== undefined && isDated(v))) throw new RangeError(`parameter ${name} is not fixed`);
      return v === undefined ? d.waarde : (v as Decimal);
    },
  };
}

/** Read access to the history cells that the plan needs. */
export interface HistoryAccess {
  cost(p: ProvinceCode, year: number, task: CostTask): Decimal;
  income(p: ProvinceCode, year: number, stream: IncomeStream | 'eigen_middelen'): Decimal;
}

/**
 * The share by which a development's national amount on a line goes to a province: its base-year
 * share of the task (costs), of the stream (income), or of the task the income pays for
 * (`inkomstenVolgen`).
 */
export function developmentShareOf(plan: Plan, p: ProvinceCode, d: ActiveDevelopment, side: 'kosten' | 'inkomsten', what: string): Decimal {
  if (side === 'kosten') return plan.costShare.get(p)![what as CostTask];
  const task = d.definitie.inkomstenVolgen?.[what as IncomeStream];
  return task ? plan.costShare.get(p)![task] : plan.incomeShare.get(p)![what as IncomeStream];
}

/** Development amounts for a province: national × the province's share, each rounded to cents. */
function developmentShare(plan: Plan, p: ProvinceCode, side: 'kosten' | 'inkomsten', what: string, year: number): Decimal {
  let total = ZERO;
  for (const d of plan.developments) {
    const v = (d.effectFor(p)[side] as Partial<Record<string, Map<number, Decimal>>>)[what]?.get(year);
    if (v) total = total.plus(cents(v.times(developmentShareOf(plan, p, d, side, what))));
  }
  return total;
}

export function developmentCost(plan: Plan, p: ProvinceCode, task: CostTask, year: number): Decimal {
  return developmentShare(plan, p, 'kosten', task, year);
}

/**
 * The development cost of a task for a province per development, each rounded to cents as in
 * {@link developmentCost} (so the parts add up to it exactly), in the plan's order of developments.
 */
export function developmentCostParts(plan: Plan, p: ProvinceCode, task: CostTask, year: number): { readonly naam: string; readonly bedrag: Decimal }[] {
  const share = plan.costShare.get(p)![task];
  return plan.developments.map((d) => {
    const v = d.effectFor(p).kosten[task]?.get(year);
    return { naam: d.definitie.naam, bedrag: v ? cents(v.times(share)) : ZERO };
  });
}

export function developmentIncome(plan: Plan, p: ProvinceCode, stream: IncomeStream, year: number): Decimal {
  return developmentShare(plan, p, 'inkomsten', stream, year);
}

/**
 * The development income of a stream for a province per development, each rounded to cents as in
 * {@link developmentIncome} (the parts add up to it exactly), in the plan's order of developments.
 */
export function developmentIncomeParts(plan: Plan, p: ProvinceCode, stream: IncomeStream, year: number): { readonly naam: string; readonly bedrag: Decimal }[] {
  return plan.developments.map((d) => {
    const v = d.effectFor(p).inkomsten[stream]?.get(year);
    return { naam: d.definitie.naam, bedrag: v ? cents(v.times(developmentShareOf(plan, p, d, 'inkomsten', stream))) : ZERO };
  });
}
