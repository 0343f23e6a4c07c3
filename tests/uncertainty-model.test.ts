/**
 * The fast path of the Monte Carlo against the exact path on the shipped data (scenario basis):
 * to the cent at the central values (status quo and under C3), at the nodes of each kind of input and
 * at the corner of a pair; within a measured bound between nodes; quantiles of a model with a known
 * closed form; seeds; and the register against the tornado.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { compareConstructions } from '../src/core/constructions/compare.js';
import { shippedConstructions } from '../src/core/constructions/shipped.js';
import { cents, Decimal } from '../src/core/decimal.js';
import { PROVINCE_CODES, type RegionCode } from '../src/core/provinces.js';
import { COST_TASKS } from '../src/core/model/lines.js';
import { runScenario, type ModelResult } from '../src/core/model/run.js';
import { applyInputs, type ModelInstance } from '../src/core/uncertainty/apply.js';
import { onlyInputs, uncertainInputs, type InputCatalogue, type UncertainInput } from '../src/core/uncertainty/inputs.js';
import { compileUncertainty, drawBuffers, evaluateUncertainty, nodesOf, type UncertaintyModel } from '../src/core/uncertainty/model.js';
import { runMonteCarlo, summarise, type SeriesSummary } from '../src/core/uncertainty/montecarlo.js';
import { normalQuantile } from '../src/core/uncertainty/normal.js';
import { assumptionRegister } from '../src/core/uncertainty/register.js';
import { OUTPUTS, outcomeIndex, tornado, varianceShares } from '../src/core/uncertainty/sensitivity.js';
import { loadDataset } from '../src/io/read-dir.js';
import { runScenarioFile, type ScenarioRun } from '../src/io/run-scenario.js';

const root = join(import.meta.dirname, '..');
let run: ScenarioRun;
let base: ModelInstance;
let catalogue: InputCatalogue;
const window = { van: 2024, tot: 2030 };
const NL = PROVINCE_CODES.length;

beforeAll(() => {
  run = runScenarioFile(join(root, 'scenarios', 'basis.yaml'), loadDataset());
  base = { scenario: run.scenario, data: run.data };
  catalogue = uncertainInputs({ scenario: run.scenario, data: run.data, setByScenario: new Set() });
});

const input = (name: string) => catalogue.gevarieerd.find((i) => i.naam === name)!;
const evaluate = (model: UncertaintyModel, values: Record<string, number>) => {
  const x = Float64Array.from(model.inputs, (i) => values[i.naam] ?? i.centraal);
  const buf = drawBuffers(model);
  evaluateUncertainty(model, x, buf);
  return buf;
};
const euroCents = (x: number) => Math.round(x * 100);

type Exact = (p: RegionCode, y: number, post: 'kosten.totaal' | 'inkomsten.totaal' | 'tekort' | 'dekkingsgraad') => Decimal;

/**
 * The task cells of a run whose exact product base × P × V lies on a half cent (to 1e-20 cent): there
 * the exact path's 40 digits decide the tie, which floats cannot see, so a moved cell may differ by
 * one cent. At the central values there are none to allow for (unmoved cells are exact).
 */
function halfCentTies(result: ModelResult): (p: RegionCode, y: number) => number {
  const plan = result.plan;
  return (p, y) =>
    p === 'NL'
      ? PROVINCE_CODES.reduce((n, q) => n + halfCentTies(result)(q, y), 0)
      : COST_TASKS.filter((k) => {
          const c = plan.baseCost.get(p)![k].times(plan.drivers[k].price(y)).times(plan.drivers[k].volume(y)).times(100);
          return c.minus(c.floor()).minus('0.5').abs().lessThan('1e-20');
        }).length;
}

/** Every province and NL, every projection year: kosten, inkomsten and tekort to the cent (but for half-cent ties), the ratio to 1e-12. */
function expectToTheCent(model: UncertaintyModel, buf: ReturnType<typeof drawBuffers>, exact: Exact, ties: (p: RegionCode, y: number) => number = () => 0) {
  const Y = model.years.length;
  const same = (fast: number, cell: Decimal, allowed: number, what: string) => {
    const d = Math.abs(euroCents(fast) - cell.times(100).toNumber());
    if (allowed === 0) expect(d, what).toBe(0);
    else expect(d, what).toBeLessThanOrEqual(allowed);
  };
  model.years.forEach((y, t) => {
    let k = 0;
    let i = 0;
    for (const [pi, p] of PROVINCE_CODES.entries()) {
      const kp = buf.kosten[pi * Y + t]!;
      const ip = buf.inkomsten[pi * Y + t]!;
      k += kp;
      i += ip;
      same(kp, exact(p, y, 'kosten.totaal'), ties(p, y), `${p} ${y} kosten`);
      same(ip, exact(p, y, 'inkomsten.totaal'), 0, `${p} ${y} inkomsten`);
      same(kp - ip, exact(p, y, 'tekort'), ties(p, y), `${p} ${y} tekort`);
      expect(Math.abs(ip / kp - exact(p, y, 'dekkingsgraad').toNumber())).toBeLessThan(ties(p, y) === 0 ? 1e-12 : 1e-9);
    }
    same(k - i, exact('NL', y, 'tekort'), ties('NL', y), `NL ${y} tekort`);
  });
}

const cellsOf = (result: ModelResult) => (p: RegionCode, y: number, post: 'kosten.totaal' | 'inkomsten.totaal' | 'tekort' | 'dekkingsgraad') => result.cell(p, y, post).bedrag_eur;

describe('fast path against the exact path', () => {
  test('the catalogue of basis: every kind of input, correlations from the data', () => {
    const kinds = new Set(catalogue.gevarieerd.map((i) => i.soort));
    expect([...kinds].sort()).toEqual(['aanname', 'projectie', 'terugblik']);
    expect(catalogue.gevarieerd.filter((i) => i.soort === 'terugblik').length).toBe(13);
    const cpiWages = catalogue.correlaties.find((c) => c.a === 'projectie.cpi' && c.b === 'projectie.contractloon')!;
    expect(cpiWages.n).toBeGreaterThanOrEqual(8);
    expect(cpiWages.waarde).toBeGreaterThan(0);
    // Every assumption in aannames.csv is either varied or listed as fixed.
    for (const a of run.data.aannames) expect([...catalogue.gevarieerd, ...catalogue.vast].some((i) => i.naam === a.naam), a.naam).toBe(true);
  });

  test('at the central values: every province, year and line to the cent (status quo)', () => {
    const model = compileUncertainty(base, run.result, onlyInputs(catalogue, ['projectie.cpi']));
    expectToTheCent(model, evaluate(model, {}), cellsOf(run.result));
  });

  test('at the central values under C3: to the cent against compareConstructions', () => {
    const c3 = shippedConstructions(run.data).find((c) => c.id === 'C3')!;
    const withC3 = uncertainInputs({ scenario: run.scenario, data: run.data, construction: c3, setByScenario: new Set() });
    const model = compileUncertainty({ ...base, construction: c3 }, run.result, onlyInputs(withC3, ['constructie.onderbesteding']));
    const cmp = compareConstructions(run.result, [shippedConstructions(run.data)[0]!, c3], window);
    expectToTheCent(model, evaluate(model, {}), (p, y, post) => cmp.row('C3', p, y, post).bedrag_eur);
    // And at the upper node of the underspend (10%): the construction's money is exact there too.
    const [, hi] = nodesOf(withC3.gevarieerd.find((i) => i.naam === 'constructie.onderbesteding')!);
    const changed = applyInputs({ ...base, construction: c3 }, [{ input: withC3.gevarieerd.find((i) => i.naam === 'constructie.onderbesteding')!, value: hi }]);
    const cmpHi = compareConstructions(run.result, [shippedConstructions(run.data)[0]!, changed.construction!], window);
    expectToTheCent(model, evaluate(model, { 'constructie.onderbesteding': hi }), (p, y, post) => cmpHi.row('C3', p, y, post).bedrag_eur);
  });

  test.each(['projectie.cpi', 'natuurdeel_au.startbedrag', 'kostenindex.gewicht_loon', 'aandeel_uitvoering'])('at the nodes of %s: to the cent', (name) => {
    const model = compileUncertainty(base, run.result, onlyInputs(catalogue, [name]));
    for (const node of nodesOf(input(name))) {
      const exact = (() => {
        const i = applyInputs(base, [{ input: input(name), value: node }]);
        return runScenario(i.scenario, i.data);
      })();
      expectToTheCent(model, evaluate(model, { [name]: node }), cellsOf(exact), halfCentTies(exact));
    }
  });

  test('a pair at its three corners (CPI and the wage weight of the cost index): to the cent', () => {
    const names = ['projectie.cpi', 'kostenindex.gewicht_loon'];
    const model = compileUncertainty(base, run.result, onlyInputs(catalogue, names));
    expect(model.pairs.length).toBeGreaterThan(0);
    // Upper-upper, lower-lower, upper-lower (nodesOf: [lower, upper, middle]).
    for (const [a, b] of [[1, 1], [0, 0], [1, 0]] as const) {
      const values = { [names[0]!]: nodesOf(input(names[0]!))[a], [names[1]!]: nodesOf(input(names[1]!))[b] };
      const i = applyInputs(base, names.map((n) => ({ input: input(n), value: values[n]! })));
      const exact = runScenario(i.scenario, i.data);
      expectToTheCent(model, evaluate(model, values), cellsOf(exact), halfCentTies(exact));
    }
  });

  test('a look-back input: the base-year cells times exp(λ z), rounded as the exact path rounds', () => {
    const pv25 = input('terugblik.PV25');
    const model = compileUncertainty(base, run.result, onlyInputs(catalogue, ['terugblik.PV25']));
    const z = 1.7;
    const buf = evaluate(model, { 'terugblik.PV25': z });
    const plan = run.result.plan;
    const p = 'PV25';
    const pi = PROVINCE_CODES.indexOf(p);
    const loadings = pv25.doel.soort === 'terugblik' ? pv25.doel.ladingen : new Float64Array();
    model.years.forEach((y, t) => {
      // Exact: Σ_k cents(base × m × P × V), m = exp(λ z) as a decimal, plus what the developments add
      // (the ANLb expansion, on by default), which the look-back level does not scale.
      const scaled = (m: (ki: number) => Decimal) =>
        COST_TASKS.reduce((acc, k, ki) => acc.plus(cents(plan.baseCost.get(p)![k].times(m(ki)).times(plan.drivers[k].price(y)).times(plan.drivers[k].volume(y)))), new Decimal(0));
      const developments = run.result.cell(p, y, 'kosten.totaal').bedrag_eur.minus(scaled(() => new Decimal(1)));
      const cost = scaled((ki) => new Decimal(Math.exp(loadings[pi * COST_TASKS.length + ki]! * z))).plus(developments);
      expect(euroCents(buf.kosten[pi * model.years.length + t]!)).toBe(cost.times(100).toNumber());
    });
  });

  test('between the nodes, seven inputs at once: within 2e-5 of the exact costs and income (measured: 4,5e-6 and 1,7e-8)', () => {
    const names = ['projectie.cpi', 'projectie.contractloon', 'projectie.grondprijs', 'kostenindex.gewicht_loon', 'kostenindex.gewicht_grond', 'natuurdeel_au.startbedrag', 'projectie.bbp_prijs'];
    const model = compileUncertainty(base, run.result, onlyInputs(catalogue, names));
    // Each input at its 20% or 80% quantile (z = ±0.84), signs alternating, twice.
    for (const sign of [1, -1]) {
      const values = Object.fromEntries(names.map((n, k) => {
        const i = input(n);
        const u = (k % 2 === 0 ? 1 : -1) * sign > 0 ? 0.8 : 0.2;
        return [n, i.verdeling.soort === 'normaal' ? i.verdeling.gemiddelde + i.verdeling.sd * normalQuantile(u) : nodesOf(i)[u > 0.5 ? 1 : 0] * 0.5 + i.centraal * 0.5];
      }));
      const inst = applyInputs(base, names.map((n) => ({ input: input(n), value: values[n]! })));
      const exact = runScenario(inst.scenario, inst.data);
      const buf = evaluate(model, values);
      const Y = model.years.length;
      model.years.forEach((y, t) => {
        PROVINCE_CODES.forEach((p, pi) => {
          const k = exact.cell(p, y, 'kosten.totaal').bedrag_eur.toNumber();
          const inc = exact.cell(p, y, 'inkomsten.totaal').bedrag_eur.toNumber();
          expect(Math.abs(buf.kosten[pi * Y + t]! / k - 1), `${p} ${y} kosten`).toBeLessThan(2e-5);
          expect(Math.abs(buf.inkomsten[pi * Y + t]! / inc - 1), `${p} ${y} inkomsten`).toBeLessThan(2e-5);
        });
      });
    }
  });
});

describe('Monte Carlo', () => {
  test('quantiles of a case with a closed form: a lognormal cost and a triangular income', () => {
    // One province, one task: cost = 100 mln × exp(0,2 z) (a look-back input), income = x with x ~
    // driehoek(10, 30, 50) mln (an additive effect on one income cell). The gap g = cost − x has no
    // simple law, so each part is checked on its own: P(cost ≤ q) = Φ(ln(q/100 mln)/0,2) and the triangle's quantiles.
    const years = [2024];
    const lognormal: UncertainInput = { ...input('terugblik.PV20'), doel: { soort: 'terugblik', provincie: 'PV20', ladingen: (() => { const l = new Float64Array(NL * COST_TASKS.length); l[0] = 0.2; return l; })() } };
    const triangle: UncertainInput = { ...input('natuurdeel_au.startbedrag'), verdeling: { soort: 'driehoek', laag: 10e6, modus: 30e6, hoog: 50e6 }, centraal: 30e6 };
    const K = COST_TASKS.length;
    const S = 4;
    const centralBase = new Float64Array(NL * K);
    centralBase[0] = 100e6;
    const income = new Float64Array(NL * S * years.length);
    income[0] = 30e6;
    const model: UncertaintyModel = {
      years,
      provinces: NL,
      tasks: K,
      streams: ['natuurpact', 'programma_natuur', 'overig_rijk', 'eu'],
      inputs: [lognormal, triangle],
      central: { base: centralBase, price: new Float64Array(K).fill(1), volume: new Float64Array(K).fill(1), dev: new Float64Array(NL), income },
      // No exact cells to fall back on: every cell is rounded from its float product.
      centralCells: new Float64Array(NL * K),
      centralProducts: new Float64Array(NL * K).fill(Number.NaN),
      centralValues: Float64Array.of(0, 30e6),
      lookback: [{ input: 0, loadings: (lognormal.doel as { ladingen: Float64Array }).ladingen }],
      effects: [{ input: 1, family: 'income', mode: 'add', index: Int32Array.of(0), a: Float64Array.of(1), b: Float64Array.of(0), c: Float64Array.of(0) }],
      pairs: [],
      runs: 0,
    };
    const cat: InputCatalogue = { ...catalogue, gevarieerd: [lognormal, triangle], correlatie: Float64Array.of(1, 0, 0, 1), correlaties: [] };
    const draws = runMonteCarlo(model, cat, 20000, 1, { van: 2024, tot: 2024 });
    const rows = summarise(model, draws, 0);
    const at = (post: string) => rows.find((r) => r.provincie === 'PV20' && r.post === post)!;
    const qs = [0.05, 0.25, 0.5, 0.75, 0.95];
    const lognormalQ = (q: number) => 100e6 * Math.exp(0.2 * normalQuantile(q));
    const triangleQ = (q: number) => (q < 0.5 ? 10e6 + Math.sqrt(q * 40e6 * 20e6) : 50e6 - Math.sqrt((1 - q) * 40e6 * 20e6));
    const cost = at('kosten.totaal');
    const inc = at('inkomsten.totaal');
    qs.forEach((q, i) => {
      // Within 4 Monte Carlo standard errors; the P50's error scales with the density, so use 2.5 × its SE at the tails.
      expect(Math.abs(cost.kwantielen[i]! - lognormalQ(q))).toBeLessThan(4 * 2.5 * cost.foutP50);
      expect(Math.abs(inc.kwantielen[i]! - triangleQ(q))).toBeLessThan(4 * 2.5 * inc.foutP50 + 1);
    });
    expect(Math.abs(cost.kwantielen[2]! - 100e6)).toBeLessThan(4 * cost.foutP50);
  });

  let full: UncertaintyModel;
  let first: SeriesSummary[];
  beforeAll(() => {
    full = compileUncertainty(base, run.result, catalogue);
    first = summarise(full, runMonteCarlo(full, catalogue, 2000, 1, window), 0);
  });

  test('same seed, same numbers; another seed, other draws, and the P50 within the Monte Carlo error', () => {
    const again = summarise(full, runMonteCarlo(full, catalogue, 2000, 1, window), 0);
    expect(again).toEqual(first);
    const other = summarise(full, runMonteCarlo(full, catalogue, 2000, 2, window), 0);
    const pick = (rows: SeriesSummary[], post: string) => rows.find((r) => r.provincie === 'NL' && r.jaar === 2030 && r.post === post)!;
    for (const post of ['tekort', 'kosten.totaal', 'tekort.cumulatief_venster']) {
      const a = pick(first, post);
      const b = pick(other, post);
      expect(a.kwantielen[2]).not.toBe(b.kwantielen[2]);
      // Two independent estimates: the difference has sd √(se_a² + se_b²); 4 of those.
      expect(Math.abs(a.kwantielen[2]! - b.kwantielen[2]!)).toBeLessThan(4 * Math.hypot(a.foutP50, b.foutP50));
    }
  });

  test('the register ranks by variance share, and its top three are the tornado\'s top three (NL, gap 2030)', () => {
    const swing = tornado(full, catalogue, window);
    const sobol = varianceShares(full, catalogue, window, 2500, 1);
    const register = assumptionRegister(catalogue, sobol, swing);
    const varied = register.filter((r) => r.gevarieerd);
    const shares = varied.map((r) => Math.max(r.eindjaar!.s, r.cumulatief!.s));
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    const k = outcomeIndex(NL, 'eindjaar');
    const bySwing = catalogue.gevarieerd
      .map((i, j) => ({ naam: i.naam, zwaai: Math.abs(swing.hoog[j * OUTPUTS + k]! - swing.laag[j * OUTPUTS + k]!) }))
      .sort((a, b) => b.zwaai - a.zwaai)
      .slice(0, 3)
      .map((x) => x.naam);
    expect(new Set(varied.slice(0, 3).map((r) => r.invoer.naam))).toEqual(new Set(bySwing));
    // The third is told apart from the fourth by more than two standard errors.
    expect(varied[2]!.eindjaar!.s - varied[3]!.eindjaar!.s).toBeGreaterThan(2 * Math.hypot(varied[2]!.eindjaar!.se, varied[3]!.eindjaar!.se));
    expect(varied[0]!.oordeel).toBe('rood');
  });
});
