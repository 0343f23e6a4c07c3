/**
 * Parameter values per year and per province (src/core/parameter.ts) and how the model and the
 * scenario files use them. Expected values are computed here from the rule in the module comment
 * (dated values apply from their year until the next; a province takes its own value, else `overig`,
 * else the default) and from the plan's own shares and driver factors.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cents, dec, sum, type Decimal } from '../src/core/decimal.js';
import { kostenindexFactor } from '../src/core/indexation/kostenindex.js';
import { DEVELOPMENTS } from '../src/core/model/developments.js';
import { explain, runScenario, type ModelResult } from '../src/core/model/run.js';
import type { Plan } from '../src/core/model/plan.js';
import { describeInput, dimensionsOf, provinceGroups, valueAt, type DatedValues, type ParameterInput } from '../src/core/parameter.js';
import { PROVINCE_CODES, type ProvinceCode } from '../src/core/provinces.js';
import { loadDataset } from '../src/io/read-dir.js';
import { runScenarioFile } from '../src/io/run-scenario.js';
import { loadScenarioFile } from '../src/io/scenario.js';

const data = loadDataset();
const dated = (...pairs: [number, string][]): DatedValues => pairs.map(([vanaf, w]) => ({ vanaf, waarde: dec(w) }));
const same = (a: ModelResult, b: ModelResult) => a.rows.length === b.rows.length && a.rows.every((r, i) => r.bedrag_eur.equals(b.rows[i]!.bedrag_eur) && r.status === b.rows[i]!.status);

/** The national baseline cost of a task in a year, as the plan computes it for developments. */
const nationalCost = (plan: Plan, task: 'verwerving' | 'herstel', year: number) =>
  sum(PROVINCE_CODES.map((p) => plan.baseCost.get(p)![task])).times(plan.drivers[task].price(year)).times(plan.drivers[task].volume(year));

describe('valueAt: the rule of the module comment', () => {
  const fallback = dec('0.2');
  test('one value applies to every year and province', () => {
    for (const y of [2024, 2030, 2050]) expect(valueAt(dec('0.3'), fallback, y).waarde.toString()).toBe('0.3');
  });
  test('dated values: the default before the first year, then each from its year until the next', () => {
    const v = dated([2026, '0.1'], [2028, '0.3']);
    expect(valueAt(v, fallback, 2025)).toEqual({ waarde: fallback, opgegeven: false });
    expect(valueAt(v, fallback, 2026).waarde.toString()).toBe('0.1');
    expect(valueAt(v, fallback, 2027).waarde.toString()).toBe('0.1');
    expect(valueAt(v, fallback, 2028)).toMatchObject({ opgegeven: true, vanaf: 2028 });
    expect(valueAt(v, fallback, 2050).waarde.toString()).toBe('0.3');
  });
  test('per province: own value, else overig, else the default', () => {
    const withRest: ParameterInput = { perProvincie: { PV26: dec('0.3') }, overig: dated([2027, '0.1']) };
    expect(valueAt(withRest, fallback, 2026, 'PV26').waarde.toString()).toBe('0.3');
    expect(valueAt(withRest, fallback, 2026, 'PV20').waarde).toBe(fallback);
    expect(valueAt(withRest, fallback, 2027, 'PV20').waarde.toString()).toBe('0.1');
    const withoutRest: ParameterInput = { perProvincie: { PV26: dec('0.3') } };
    expect(valueAt(withoutRest, fallback, 2030, 'PV31')).toEqual({ waarde: fallback, opgegeven: false });
    expect(() => valueAt(withoutRest, fallback, 2030)).toThrow(RangeError);
  });
  test('a single date at or before the first year equals one value, for any value and year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 2024, max: 2050 }), fc.integer({ min: 2024, max: 2050 }), (n, from, year) => {
        const w = dec(n).dividedBy(1000);
        const got = valueAt(dated([from, w.toString()]), fallback, year).waarde;
        expect(got.equals(year >= from ? w : fallback)).toBe(true);
      }),
    );
  });
});

describe('dimensions and groups', () => {
  test('dimensionsOf names what an input varies by', () => {
    expect(dimensionsOf(dec(1))).toEqual([]);
    expect(dimensionsOf(dated([2026, '1']))).toEqual(['jaar']);
    expect(dimensionsOf({ perProvincie: { PV20: dec(1) } })).toEqual(['provincie']);
    expect(dimensionsOf({ perProvincie: { PV20: dec(1) }, overig: dated([2026, '1']) })).toEqual(['jaar', 'provincie']);
  });
  test('provinces that see the same values form one group', () => {
    expect(provinceGroups({})).toEqual([[...PROVINCE_CODES]]);
    expect(provinceGroups({ a: dec(1), b: dated([2026, '1']) })).toHaveLength(1);
    const groups = provinceGroups({ a: { perProvincie: { PV26: dec(1) } }, b: { perProvincie: { PV27: dec(2), PV28: dec(2) } } });
    expect(groups.map((g) => g.join(','))).toEqual([PROVINCE_CODES.filter((p) => !['PV26', 'PV27', 'PV28'].includes(p)).join(','), 'PV26', 'PV27,PV28']);
    // The same value written per province and as overig is one group.
    expect(provinceGroups({ a: { perProvincie: { PV26: dec(1) }, overig: dec(1) } })).toHaveLength(1);
  });
  test('describeInput writes the default where it still applies', () => {
    expect(describeInput(dated([2026, '0.1'], [2028, '0.3']), dec('0.2'))).toBe('vóór 2026: 0.2, vanaf 2026: 0.1, vanaf 2028: 0.3');
    expect(describeInput(dated([2026, '0.1']), dec('0.2'), undefined, 2026)).toBe('vanaf 2026: 0.1');
    expect(describeInput({ perProvincie: { PV26: dec('0.3') } }, dec('0.2'))).toBe('PV26: 0.3; overige provincies: 0.2');
  });
  test('every development parameter: fractions vary by year and province, amounts by year, years not', () => {
    for (const def of DEVELOPMENTS) {
      for (const [name, p] of Object.entries(def.parameters(data))) {
        const expected = p.eenheid === 'fractie' ? ['jaar', 'provincie'] : p.eenheid === 'EUR' && !(def.naam === 'nhv' && name === 'publieke_kosten') ? ['jaar'] : [];
        expect(p.varieert, `${def.naam}.${name}`).toEqual(expected);
      }
    }
  });
});

describe('the model with dated and per-province parameters', () => {
  test('dated amount: bouwsteen 100 mln in 2026-2027, 200 mln from 2028, shared by the 2023 income shares', () => {
    // anlb_500 (decided policy, on by default) also pays into overig_rijk: off here to see bouwsteen alone.
    const r = runScenario({ naam: 'x', ontwikkelingen: { anlb_500: { aan: false }, bouwsteen_beheer: { parameters: { bedrag: dated([2026, '100000000'], [2028, '200000000']) } } } }, data);
    for (const [year, amount] of [[2026, 1e8], [2027, 1e8], [2028, 2e8], [2030, 2e8]] as const) {
      for (const p of PROVINCE_CODES) {
        const share = r.plan.incomeShare.get(p)!.overig_rijk;
        expect(r.cell(p, year, 'inkomsten.overig_rijk').bedrag_eur.equals(cents(dec(amount).times(share))), `${p} ${year}`).toBe(true);
      }
    }
    expect(r.cell('NL', 2025, 'inkomsten.overig_rijk').bedrag_eur.isZero()).toBe(true);
  });

  test('per province: Utrecht 30%, the others 10%; each province its share of the national effect at its own rate', () => {
    const off = runScenario({ naam: 'uit' }, data);
    const on = runScenario({ naam: 'aan', ontwikkelingen: { grondprijs_schok: { parameters: { schok: { perProvincie: { PV26: dec('0.3') }, overig: dec('0.1') } } } } }, data);
    for (const y of [2026, 2027]) {
      const national = nationalCost(on.plan, 'verwerving', y);
      for (const p of PROVINCE_CODES) {
        const rate = p === 'PV26' ? dec('0.3') : dec('0.1');
        const extra = cents(national.times(rate).times(on.plan.costShare.get(p)!.verwerving));
        const got = on.cell(p, y, 'kosten.verwerving').bedrag_eur.minus(off.cell(p, y, 'kosten.verwerving').bedrag_eur);
        expect(got.equals(extra), `${p} ${y}`).toBe(true);
      }
    }
    expect(on.plan.developments.find((d) => d.definitie.naam === 'grondprijs_schok')!.perProvincie).toBe(true);
  });

  test('per province without overig: the provinces not named keep the default (20%)', () => {
    const dflt = runScenario({ naam: 'd', ontwikkelingen: { grondprijs_schok: {} } }, data);
    const on = runScenario({ naam: 'p', ontwikkelingen: { grondprijs_schok: { parameters: { schok: { perProvincie: { PV26: dec('0.5') } } } } } }, data);
    for (const p of PROVINCE_CODES.filter((x) => x !== 'PV26')) {
      expect(on.cell(p, 2028, 'kosten.verwerving').bedrag_eur.equals(dflt.cell(p, 2028, 'kosten.verwerving').bedrag_eur), p).toBe(true);
    }
    expect(on.cell('PV26', 2026, 'kosten.verwerving').bedrag_eur.greaterThan(dflt.cell('PV26', 2026, 'kosten.verwerving').bedrag_eur)).toBe(true);
  });

  test('the same value for every province, dated from the start year, or one value: the same result to the cent', () => {
    const cases: [string, string][] = [
      ['grondprijs_schok', 'schok'],
      ['loon_schok', 'schok'],
      ['nhv', 'aandeel_provincies'],
      ['spuk_naar_fonds_korting', 'korting'],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.integer({ min: 0, max: 1000 }), ([dev, name], n) => {
        const w = dec(n).dividedBy(1000);
        const start = 2026;
        const run = (input: ParameterInput) => runScenario({ naam: 'x', ontwikkelingen: { [dev]: { startjaar: start, parameters: { [name]: input } } } }, data);
        const one = run(w);
        const all = Object.fromEntries(PROVINCE_CODES.map((p) => [p, w])) as Record<ProvinceCode, Decimal>;
        expect(same(one, run({ perProvincie: all }))).toBe(true);
        expect(same(one, run({ perProvincie: {}, overig: w }))).toBe(true);
        expect(same(one, run(dated([start, w.toString()])))).toBe(true);
      }),
      { numRuns: 8 },
    );
  });

  test('dated growth accumulates: faunaschade extra in t = Σ growth of the years after the last published one', () => {
    const def = DEVELOPMENTS.find((d) => d.naam === 'faunaschade_groei')!;
    const defaults = def.parameters(data);
    const last = defaults.laatste_jaar!.waarde.toNumber();
    const g = defaults.groei_per_jaar!.waarde;
    const r = runScenario({ naam: 'x', ontwikkelingen: { faunaschade_groei: { parameters: { groei_per_jaar: dated([2026, '1000000'], [2028, '0']) } } } }, data);
    const effect = r.plan.developments.find((d) => d.definitie.naam === 'faunaschade_groei')!.effectFor('PV20').kosten.soorten!;
    const growth = (s: number) => (s < 2026 ? g : s < 2028 ? dec(1e6) : dec(0));
    for (const y of [2026, 2027, 2028, 2030]) {
      let expected = dec(0);
      for (let s = last + 1; s <= y; s++) expected = expected.plus(growth(s));
      expect(effect.get(y)!.equals(expected), String(y)).toBe(true);
    }
    expect(effect.get(2030)!.equals(effect.get(2027)!)).toBe(true); // growth 0 from 2028: the level holds
  });

  test('explain names the values a province saw', () => {
    const r = runScenario({ naam: 'x', ontwikkelingen: { nhv: { parameters: { aandeel_provincies: { perProvincie: { PV26: dec('0.6') }, overig: dated([2026, '0.4'], [2030, '0.5']) } } } } }, data);
    const text = (p: ProvinceCode, y: number) => explain(r, { provincie: p, jaar: y, post: 'kosten.herstel' }).invoer.map((i) => i.omschrijving).join('\n');
    expect(text('PV26', 2028)).toContain('met de parameters van PV26');
    expect(text('PV26', 2028)).toContain('aandeel_provincies 0,6 (scenario)');
    expect(text('PV20', 2028)).toContain('aandeel_provincies 0,4 (scenario, vanaf 2026)');
    expect(text('PV20', 2030)).toContain('aandeel_provincies 0,5 (scenario, vanaf 2030)');
    // nhv: publieke_kosten × aandeel × the milestone weight of 2028 (a third of the cost over 2026-2030,
    // 30% of 90% by 2030: 1/3 / 5 = 1/15), times the province's share of herstel.
    const defaults = DEVELOPMENTS.find((d) => d.naam === 'nhv')!.parameters(data);
    const perYear = defaults.publieke_kosten!.waarde.times('0.6').dividedBy(15);
    const off = runScenario({ naam: 'uit' }, data);
    const got = r.cell('PV26', 2028, 'kosten.herstel').bedrag_eur.minus(off.cell('PV26', 2028, 'kosten.herstel').bedrag_eur);
    expect(got.equals(cents(perYear.times(r.plan.costShare.get('PV26')!.herstel)))).toBe(true);
  });

  test('the engine refuses what a parameter cannot take (library use, without a scenario file)', () => {
    expect(() => runScenario({ naam: 'x', ontwikkelingen: { nhv: { parameters: { publieke_kosten: dated([2027, '1000000000']) } } } }, data)).toThrow(/'publieke_kosten' neemt één waarde voor de hele periode/);
    expect(() => runScenario({ naam: 'x', ontwikkelingen: { bouwsteen_beheer: { parameters: { bedrag: { perProvincie: { PV26: dec(1) } } } } } }, data)).toThrow(/landelijk bedrag/);
    expect(() => runScenario({ naam: 'x', ontwikkelingen: { faunaschade_groei: { parameters: { laatste_jaar: dated([2026, '2025']) } } } }, data)).toThrow(/jaartal/);
  });
});

describe('dated assumptions', () => {
  test('kostenindex weights from 2028: earlier years unchanged, from 2028 factor = 1 + 0.6 loon + 0.4 prijs', () => {
    const changed = {
      ...data,
      aannames: data.aannames.map((a) =>
        a.naam === 'kostenindex.gewicht_loon' ? { ...a, verloop: dated([2028, '0.6']) } : a.naam === 'kostenindex.gewicht_grond' ? { ...a, verloop: dated([2028, '0']) } : a,
      ),
    };
    expect(kostenindexFactor(2027, changed).factor.equals(kostenindexFactor(2027, data).factor)).toBe(true);
    const f = kostenindexFactor(2028, changed);
    expect(f.factor.equals(dec(1).plus(dec('0.6').times(f.parts.loon!)).plus(dec('0.4').times(f.parts.prijs!)))).toBe(true);
    expect(f.factor.equals(kostenindexFactor(2028, data).factor)).toBe(false);
  });
});

describe('scenario files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'natuurpact-param-'));
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  test('a dated projection under parameters equals the same under macro.projectie, cell for cell', () => {
    const a = runScenarioFile(write('a.yaml', 'naam: a\nparameters:\n  projectie.cpi: {2026: 3%, 2028: "2,5%"}\n'), data);
    const b = runScenarioFile(write('b.yaml', 'naam: a\nmacro:\n  projectie:\n    cpi: {2026: 3%, 2028: 2.5%}\n'), data);
    expect(same(a.result, b.result)).toBe(true);
    const basis = runScenario({ naam: 'a' }, data);
    expect(same(a.result, basis)).toBe(false);
    expect(a.data.aannames.find((x) => x.naam === 'projectie.cpi')!.verloop!.map((v) => `${v.vanaf}:${v.waarde.toString()}`)).toEqual(['2026:0.03', '2028:0.025']);
  });

  test('values are read as written: amounts with units, per province, dated under a province', () => {
    const s = loadScenarioFile(write('c.yaml', 'naam: c\nontwikkelingen:\n  grondprijs_schok:\n    parameters:\n      schok:\n        PV26: 30%\n        PV27: {2026: "12,5%", 2028: 0.2}\n        overig: 10%\n'));
    const schok = (s.content.ontwikkelingen!.grondprijs_schok as { parameters: Record<string, ParameterInput> }).parameters.schok!;
    expect(JSON.parse(JSON.stringify(schok))).toEqual({
      perProvincie: { PV26: '0.3', PV27: [{ vanaf: 2026, waarde: '0.125' }, { vanaf: 2028, waarde: '0.2' }] },
      overig: '0.1',
    });
  });

  test('a scenario built on another replaces a parameter value whole, and reports the change as written', () => {
    write('basis.yaml', 'naam: basis\nontwikkelingen:\n  grondprijs_schok:\n    parameters:\n      schok: {PV27: 20%, overig: 10%}\n');
    const child = loadScenarioFile(write('kind.yaml', 'naam: kind\nbasis: basis.yaml\nontwikkelingen:\n  grondprijs_schok:\n    parameters:\n      schok: {PV26: 30%}\n'));
    const schok = (child.content.ontwikkelingen!.grondprijs_schok as { parameters: Record<string, ParameterInput> }).parameters.schok!;
    expect(JSON.parse(JSON.stringify(schok))).toEqual({ perProvincie: { PV26: '0.3' } });
    expect(child.wijzigingen).toEqual([{ pad: 'ontwikkelingen.grondprijs_schok.parameters.schok', waarde: 'PV26: 30%' }]);
  });

  test('a scenario built on another keeps the base\'s dated and per-province values it does not change', () => {
    write('basis2.yaml', 'naam: basis2\nparameters:\n  projectie.cpi: {2026: 3%}\nontwikkelingen:\n  grondprijs_schok:\n    parameters:\n      schok: {PV27: {2027: 25%}, overig: 10%}\n');
    const child = loadScenarioFile(write('kind2.yaml', 'naam: kind2\nbasis: basis2.yaml\nnnn_pad: doel\n'));
    const schok = (child.content.ontwikkelingen!.grondprijs_schok as { parameters: Record<string, ParameterInput> }).parameters.schok!;
    expect(JSON.parse(JSON.stringify(schok))).toEqual({ perProvincie: { PV27: [{ vanaf: 2027, waarde: '0.25' }] }, overig: '0.1' });
    expect(JSON.parse(JSON.stringify(child.content.parameters))).toEqual({ 'projectie.cpi': [{ vanaf: 2026, waarde: '0.03' }] });
  });
});
