/**
 * The nature-finance model (src/core/model) on the shipped data: completeness, the accounting
 * identities, history untouched by scenarios, the gap decomposition, monotonicity in the land price,
 * developments changing only their own lines, the driver formulas by hand, and the fast path.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dec, sum, type Decimal } from '../src/core/decimal.js';
import { completeHistory, nationalSpending } from '../src/core/estimate.js';
import { decomposeGap } from '../src/core/model/decompose.js';
import { DEVELOPMENTS, DEVELOPMENT_NAMES } from '../src/core/model/developments.js';
import { compileFast, evaluateFast } from '../src/core/model/fast.js';
import { ADDITIVE_LINES, COST_TASKS, FUND_LINES, isFundLine, LINES } from '../src/core/model/lines.js';
import type { ModelScenario } from '../src/core/model/plan.js';
import { explain, runScenario, type ModelResult } from '../src/core/model/run.js';
import { PROVINCE_CODES, type RegionCode } from '../src/core/provinces.js';
import { STATUSES } from '../src/core/status.js';
import { loadDataset } from '../src/io/read-dir.js';

const data = loadDataset();
const basis = runScenario({ naam: 'basis' }, data);
const REGIONS: RegionCode[] = [...PROVINCE_CODES, 'NL'];
const v = (r: ModelResult, p: RegionCode, y: number, l: (typeof LINES)[number]) => r.cell(p, y, l).bedrag_eur;

const scenarioArb: fc.Arbitrary<ModelScenario> = fc
  .record({
    devs: fc.subarray(DEVELOPMENT_NAMES.filter((n) => n !== 'exoten_unielijst')),
    startBbp: fc.constantFrom(2024, 2027),
    nnnPad: fc.constantFrom('tempo' as const, 'doel' as const),
    grond: fc.integer({ min: 0, max: 150 }),
  })
  .map(({ devs, startBbp, nnnPad, grond }) => ({
    naam: 'variant',
    startBbp,
    nnnPad,
    macro: { projectie: { grondprijs: dec(grond).dividedBy(1000) } },
    ontwikkelingen: Object.fromEntries(devs.map((d) => [d, {}])),
  }));

describe('the result table', () => {
  test('complete: 13 regions × 2014-2030 × every line, each with a status; the fund lines once, for NL', () => {
    // Fund lines: NL only, for the ledger's years (natuurdeel_au.startjaar 2018 .. 2030 = 13 years).
    expect(basis.rows).toHaveLength(13 * 17 * LINES.length + 13 * FUND_LINES.length);
    const fund = basis.rows.filter((r) => isFundLine(r.post));
    expect(new Set(fund.map((r) => r.provincie))).toEqual(new Set(['NL']));
    expect(new Set(fund.map((r) => r.jaar))).toEqual(new Set(Array.from({ length: 13 }, (_, i) => 2018 + i)));
    expect(() => basis.cell('PV22', 2026, 'fonds.natuurdeel')).toThrow(/bestaat alleen voor NL/);
    expect(new Set(basis.rows.map((r) => `${r.provincie}|${r.jaar}|${r.post}`)).size).toBe(basis.rows.length);
    for (const r of basis.rows) expect(STATUSES).toContain(r.status);
    expect(basis.rows.every((r) => r.constructie === 'C0' && r.scenario === 'basis')).toBe(true);
  });

  test('identities hold exactly in every cell, for random scenarios', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = runScenario(s, data);
        for (const y of r.jaren) {
          for (const l of ADDITIVE_LINES) {
            expect(v(r, 'NL', y, l).equals(sum(PROVINCE_CODES.map((p) => v(r, p, y, l)))), `${y} ${l}`).toBe(true);
          }
          for (const p of REGIONS) {
            const k = v(r, p, y, 'kosten.totaal');
            const i = v(r, p, y, 'inkomsten.totaal');
            expect(v(r, p, y, 'tekort').equals(k.minus(i))).toBe(true);
            expect(k.equals(sum(COST_TASKS.map((t) => v(r, p, y, `kosten.${t}`))))).toBe(true);
            expect(v(r, p, y, 'dekkingsgraad').equals(i.dividedBy(k))).toBe(true);
            if (p === 'NL') continue;
            // Own money, one concept: the agreed contribution is a part of the gap, never more than it.
            const gap = v(r, p, y, 'tekort');
            const agreed = r.agreedContribution(p, y).bedrag_eur;
            expect(v(r, p, y, 'tekort.waarvan_eigen_bijdrage').equals(gap.isNegative() ? dec(0) : gap.lessThan(agreed) ? gap : agreed), `${p} ${y}`).toBe(true);
          }
        }
        for (const p of REGIONS) {
          expect(v(r, p, 2030, 'tekort.cumulatief').equals(sum(r.jaren.map((y) => v(r, p, y, 'tekort'))))).toBe(true);
        }
      }),
      { numRuns: 15 },
    );
  });

  test('history cells equal the dataset exactly, whatever the scenario', () => {
    const completed = completeHistory(data).dataset;
    const history = (r: ModelResult) => r.rows.filter((x) => x.jaar <= 2023);
    for (const row of history(basis).filter((x) => x.post.startsWith('kosten.') && x.post !== 'kosten.totaal' && x.provincie !== 'NL')) {
      const f = completed.uitgaven.find((u) => u.provincie === row.provincie && u.jaar === row.jaar && `kosten.${u.taak}` === row.post && u.soort === 'realisatie')!;
      expect(row.bedrag_eur.equals(f.waarde)).toBe(true);
      expect(row.status).toBe(f.status);
    }
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const a = history(basis);
        const b = history(runScenario(s, data));
        expect(b.length).toBe(a.length);
        a.forEach((x, i) => {
          expect(b[i]!.bedrag_eur.equals(x.bedrag_eur)).toBe(true);
          expect(b[i]!.status).toBe(x.status);
        });
      }),
      { numRuns: 15 },
    );
  });
});

describe('gap decomposition', () => {
  test('price + volume + new tasks + funding = the change in the gap, exactly', () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom<RegionCode>(...REGIONS), fc.integer({ min: 2023, max: 2029 }), fc.integer({ min: 1, max: 7 }), (s, region, a, span) => {
        const r = runScenario(s, data);
        const b = Math.min(2030, a + span);
        const d = decomposeGap(r, { provincie: region, van: a, tot: b });
        expect(d.prijs.plus(d.volume).plus(d.nieuweTaken).plus(d.financiering).equals(d.totaal)).toBe(true);
        expect(d.totaal.equals(v(r, region, b, 'tekort').minus(v(r, region, a, 'tekort')))).toBe(true);
        // New tasks per development: one part per active development, adding up to the cent.
        expect(d.perOntwikkeling.map((x) => x.naam)).toEqual(r.plan.developments.map((x) => x.definitie.naam));
        expect(sum(d.perOntwikkeling.map((x) => x.bedrag)).equals(d.nieuweTaken)).toBe(true);
        for (const x of d.perOntwikkeling) expect(x.bedrag.decimalPlaces()).toBeLessThanOrEqual(2);
      }),
      { numRuns: 25 },
    );
  });
  test('without developments there are no new tasks; funding is minus the income change', () => {
    const none = runScenario({ naam: 'kaal', ontwikkelingen: { anlb_500: { aan: false } } }, data);
    const d = decomposeGap(none, { van: 2023, tot: 2030 });
    expect(d.nieuweTaken.isZero()).toBe(true);
    expect(d.financiering.equals(v(none, 'NL', 2023, 'inkomsten.totaal').minus(v(none, 'NL', 2030, 'inkomsten.totaal')))).toBe(true);
  });
  test('the status quo carries the decided ANLb extension: its new task is paid by its own income, province by province', () => {
    // 500 mln a year extra from 2026 (natuurpact.csv anlb.uitbreiding: Boerderij 2024, PBL policybrief),
    // shared by each province's 2023 share of ANLb on both sides, so the gap does not move.
    const d = decomposeGap(basis, { van: 2023, tot: 2030 });
    expect(d.nieuweTaken.minus(dec(500e6)).abs().lessThanOrEqualTo(dec('0.06'))).toBe(true); // 12 provinces rounded to cents
    expect(v(basis, 'NL', 2030, 'inkomsten.overig_rijk').equals(d.nieuweTaken)).toBe(true);
    // The stream is empty in the baseline, so its cells take the status of the decided budget.
    expect(basis.cell('NL', 2026, 'inkomsten.overig_rijk').status).toBe('begroting');
    expect(basis.cell('NL', 2026, 'tekort').status).toBe('schatting');
    const off = runScenario({ naam: 'zonder', ontwikkelingen: { anlb_500: { aan: false } } }, data);
    for (const p of PROVINCE_CODES) {
      const extra = v(basis, p, 2027, 'kosten.anlb').minus(v(off, p, 2027, 'kosten.anlb'));
      expect(extra.equals(v(basis, p, 2027, 'inkomsten.overig_rijk')), p).toBe(true);
      expect(v(basis, p, 2027, 'tekort').equals(v(off, p, 2027, 'tekort')), p).toBe(true);
    }
  });
  test('years before the base year are refused', () => {
    expect(() => decomposeGap(basis, { van: 2020 })).toThrow(/vanaf 2023/);
  });
  test('per development, by hand: 10 mln a year of exotics control from 2026 is 10 mln of new tasks in 2030; a funding-only development adds none', () => {
    const r = runScenario({ naam: 'x', ontwikkelingen: { exoten_unielijst: { parameters: { bedrag_per_jaar: dec(10_000_000) } }, bouwsteen_beheer: {} } }, data);
    const d = decomposeGap(r, { van: 2023, tot: 2030 });
    const part = (n: string) => d.perOntwikkeling.find((x) => x.naam === n)!.bedrag;
    // 10 mln shared over 12 provinces by their share of soorten, each share rounded to cents: at most 12 × 0,5 cent off.
    expect(part('exoten_unielijst').minus(10_000_000).abs().lessThanOrEqualTo('0.06')).toBe(true);
    expect(part('bouwsteen_beheer').isZero()).toBe(true);
    // With anlb_500 in the status quo (500 mln a year of extra ANLb from 2026, nominal) the parts are three.
    expect(part('anlb_500').minus(500_000_000).abs().lessThanOrEqualTo('0.06')).toBe(true);
    expect(sum(d.perOntwikkeling.map((x) => x.bedrag)).equals(d.nieuweTaken)).toBe(true);
  });
});

describe('own money: one concept', () => {
  test('the agreement is 65 mln a year nationally (Kamerstuk 33576 nr. 160, table, regel bijdrage provincies); a province that publishes its own contribution counts with that figure', () => {
    for (const y of [2024, 2027, 2029]) expect(basis.agreedContribution('NL', y).bedrag_eur.minus(65_000_000).abs().lessThanOrEqualTo('0.06')).toBe(true);
    // Limburg publishes 3,87 mln (2023) rising to 9,87 mln (2030) (inkomsten.csv, ng-nmflimburg-2022); its 2023 share of the 65 mln
    // is 3,87 / 65, so in 2030 the national agreement is 65 − 3,87 + 9,87 = 71 mln.
    expect(basis.agreedContribution('PV31', 2030).bedrag_eur.equals(9_870_000)).toBe(true);
    expect(basis.agreedContribution('NL', 2030).bedrag_eur.minus(71_000_000).abs().lessThanOrEqualTo('0.06')).toBe(true);
    expect(LINES).not.toContain('eigen_middelen');
    const e = explain(basis, { provincie: 'PV22', jaar: 2026, post: 'tekort.waarvan_eigen_bijdrage' });
    expect(e.regel).toMatch(/^min\(afgesproken eigen bijdrage, max\(tekort, 0\)\)/);
    expect(e.invoer.some((i) => i.bron?.includes('ng-kst33576-160'))).toBe(true);
  });
});

describe('monotonicity', () => {
  test('raising the land price never lowers any cost', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 100 }), (low, extra) => {
        const run = (g: number) => runScenario({ naam: 'g', macro: { projectie: { grondprijs: dec(g).dividedBy(1000) } } }, data);
        const a = run(low);
        const b = run(low + extra);
        for (const row of a.rows.filter((x) => x.post.startsWith('kosten.'))) {
          expect(b.cell(row.provincie, row.jaar, row.post).bedrag_eur.greaterThanOrEqualTo(row.bedrag_eur)).toBe(true);
        }
      }),
      { numRuns: 8 },
    );
  });
});

describe('developments', () => {
  const derived = new Set(['kosten.totaal', 'inkomsten.totaal', 'tekort', 'tekort.waarvan_eigen_bijdrage', 'tekort.cumulatief', 'dekkingsgraad']);
  test.each(DEVELOPMENTS.map((d) => d.naam))('%s changes exactly the lines it claims, never history', (naam) => {
    const def = DEVELOPMENTS.find((d) => d.naam === naam)!;
    const params: Record<string, Decimal> = naam === 'exoten_unielijst' ? { bedrag_per_jaar: dec(10_000_000) } : {};
    // programma_natuur_verlengd acts after the programme's last year (2032): run to 2035.
    const tot = naam === 'programma_natuur_verlengd' ? 2035 : 2030;
    const off = runScenario({ naam: 'uit', tot, ontwikkelingen: { [naam]: { aan: false } } }, data);
    const on = runScenario({ naam: 'aan', tot, ontwikkelingen: { [naam]: { parameters: params } } }, data);
    const changed = new Set<string>();
    for (const row of off.rows) {
      const other = on.cell(row.provincie, row.jaar, row.post);
      if (!other.bedrag_eur.equals(row.bedrag_eur)) {
        expect(row.jaar, `${naam} changed history ${row.post}`).toBeGreaterThan(2023);
        changed.add(row.post);
      }
    }
    const own = [...changed].filter((l) => !derived.has(l));
    expect(own.length, `${naam} changed nothing`).toBeGreaterThan(0);
    for (const l of own) expect(def.raakt, `${naam} changed ${l}`).toContain(l);
  });
  test('a start year in the history is refused', () => {
    expect(() => runScenario({ naam: 'x', ontwikkelingen: { nhv: { startjaar: 2020 } } }, data)).toThrow(/ontwikkelingen veranderen de terugblik niet/);
  });
  test('unknown development or parameter names are refused', () => {
    expect(() => runScenario({ naam: 'x', ontwikkelingen: { nhw: {} } }, data)).toThrow(/onbekende ontwikkeling 'nhw'/);
    expect(() => runScenario({ naam: 'x', ontwikkelingen: { nnn_restopgave: {} } }, data)).toThrow(/bestaat niet meer: de NNN-restopgave na 2027 hoort nu bij de status quo/);
    expect(() => runScenario({ naam: 'x', ontwikkelingen: { nhv: { parameters: { aandeel: dec(1) } } } }, data)).toThrow(/onbekende parameter 'aandeel'/);
  });
});

describe('driver models, by hand from the shipped data', () => {
  const plan = basis.plan;
  const d = plan.drivers;
  // NNN pace: mean of the last five yearly figures 2020-2024: (2850 + 1922 + 2944 + 1937 + 2537) / 5 = 2438 ha.
  const pace = dec(2438);
  test('verwerving and inrichting: hectares in the year / hectares in 2023 (1937 ha)', () => {
    expect(d.verwerving.volume(2024).equals(dec(2537).dividedBy(1937))).toBe(true);
    expect(d.inrichting.volume(2025).equals(pace.dividedBy(1937))).toBe(true);
    // After 2027 the restopgave of the 11th Voortgangsrapportage Natuur (about 17,000 ha, kostendrivers.csv)
    // at the same pace: 2028-2033 six years of 2438 ha = 14,628 ha, 2034 the last 17,000 − 14,628 = 2,372 ha.
    expect(d.verwerving.volume(2028).equals(pace.dividedBy(1937))).toBe(true);
    const long = runScenario({ naam: 'lang', tot: 2036 }, data).plan.nnn;
    expect(long.ha.get(2033)!.equals(pace)).toBe(true);
    expect(long.ha.get(2034)!.equals(dec(17000).minus(pace.times(6)))).toBe(true);
    expect(long.ha.get(2035)!.isZero()).toBe(true);
    expect(long.rest.equals(dec(17000))).toBe(true);
  });
  test('under nnn_pad doel the target is met by 2027 and nothing remains after it', () => {
    // 80,000 ha − 53,000 ha (1-1-2025) = 27,000 ha over 2025-2027 = 9,000 ha a year.
    const goal = runScenario({ naam: 'doel', nnnPad: 'doel' }, data).plan.nnn;
    expect(goal.ha.get(2026)!.equals(dec(9000))).toBe(true);
    expect(goal.ha.get(2028)!.isZero()).toBe(true);
    expect(goal.rest.isZero()).toBe(true);
  });
  test('look-back ANLb from its published series: 115,7 mln paid in 2023, so SNL beheer = 315 − 115,7', () => {
    // Boerderij 2024 (RVO figures): ANLb 2023 115,7 mln, 2022 "bijna 80"; 2021 lies halfway between 2020 (77,022035) and 2022.
    expect(nationalSpending(data, 'anlb', 2023).value.equals(dec('115.7').times(1e6))).toBe(true);
    expect(nationalSpending(data, 'natuurbeheer', 2023).value.equals(dec(315).minus('115.7').times(1e6))).toBe(true);
    expect(nationalSpending(data, 'anlb', 2021).value.equals(dec('77.022035').plus(80).dividedBy(2).times(1e6))).toBe(true);
  });
  test('natuurbeheer: (NNN area 698253 ha + new nature) / NNN area', () => {
    expect(d.natuurbeheer.volume(2025).equals(dec(1).plus(dec(2537).plus(pace).dividedBy(698253)))).toBe(true);
  });
  test('herstel: Programma Natuur fase 2 per year / fase 1 per year = (1300/9) / (600/3)', () => {
    expect(d.herstel.volume(2024).equals(dec(1300).dividedBy(9).times(1e6).dividedBy(dec(600).dividedBy(3).times(1e6)))).toBe(true);
    expect(d.herstel.price(2024).equals(dec(1))).toBe(true);
  });
  test('Programma Natuur: baten follow spending; the 428 mln tranche and the unallocated part of the 2,8 mld are carried, not booked', () => {
    // natuurpact.csv: total 2,8 mld 2021-2030 (ANP/upday), fase 1 600 mln (IPO), fase 2 1,3 mld (Rijksoverheid 2024-11-11).
    expect(plan.programmaNatuur.unallocated.equals(dec('2.8e9').minus(600e6).minus(1.3e9))).toBe(true);
    expect(plan.programmaNatuur.tranches.map((t) => [t.onderdeel, t.van, t.waarde.toString()])).toEqual([['programma_natuur.fase2.eerste_tranche', 2024, '428000000']]);
    expect(v(basis, 'NL', 2024, 'inkomsten.programma_natuur').minus(dec(1.3e9).dividedBy(9)).abs().lessThanOrEqualTo(dec('0.06'))).toBe(true);
    expect(plan.programmaNatuur.explain(2024)).toContain('eerste tranche 428,000 mln in 2024');
  });
  test('EU co-financing: 40 mln a year to 2028 (ANLb contracts of the GLB-NSP 2023-2028), none after; a scenario can move the last year', () => {
    expect(v(basis, 'NL', 2028, 'inkomsten.eu').minus(dec(40e6)).abs().lessThanOrEqualTo(dec('0.06'))).toBe(true);
    expect(v(basis, 'NL', 2029, 'inkomsten.eu').isZero()).toBe(true);
    const later = { ...data, aannames: data.aannames.map((a) => (a.naam === 'eu_cofinanciering.laatste_jaar' ? { ...a, waarde: dec(2030) } : a)) };
    expect(v(runScenario({ naam: 'later' }, later), 'NL', 2030, 'inkomsten.eu').minus(dec(40e6)).abs().lessThanOrEqualTo(dec('0.06'))).toBe(true);
  });
  test('soorten: faunaschade 2024 / 2023 = 74.5 / 55.170586; later years follow the cost index', () => {
    expect(d.soorten.volume(2024).equals(dec('74.5').dividedBy('55.170586'))).toBe(true);
    expect(d.soorten.price(2024).equals(dec(1))).toBe(true);
    expect(d.soorten.price(2025).equals(d.anlb.price(2025).dividedBy(d.anlb.price(2024)))).toBe(true);
  });
  test('a projected cost cell is base × price × volume, rounded to cents', () => {
    const base = plan.baseCost.get('PV22')!.verwerving;
    const expected = base.times(d.verwerving.price(2025)).times(d.verwerving.volume(2025)).toDecimalPlaces(2);
    expect(v(basis, 'PV22', 2025, 'kosten.verwerving').equals(expected)).toBe(true);
  });
  test('fund income: the nature part of the AU from the ledger, shared by 2023 shares', () => {
    const ledger2030 = plan.ledger.jaren.find((y) => y.jaar === 2030)!.natuurdeel;
    // 12 provinces, each rounded to cents.
    expect(v(basis, 'NL', 2030, 'inkomsten.natuurpact').minus(ledger2030).abs().lessThanOrEqualTo(dec('0.06'))).toBe(true);
  });
});

describe('explain', () => {
  test('answers for any cell with its value, status, rule and inputs', () => {
    fc.assert(
      fc.property(fc.constantFrom(...basis.rows), (row) => {
        const e = explain(basis, { provincie: row.provincie, jaar: row.jaar, post: row.post });
        expect(e.waarde.equals(row.bedrag_eur)).toBe(true);
        expect(e.status).toBe(row.status);
        expect(e.regel.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
    const hist = explain(basis, { provincie: 'PV28', jaar: 2019, post: 'kosten.natuurbeheer' });
    expect(hist.invoer[0]!.omschrijving).toContain('uitgaven.csv');
    expect(hist.invoer[0]!.status).toBe('realisatie');
  });
  test('fund cells: the rule of the ledger year, for NL only', () => {
    expect(explain(basis, { provincie: 'NL', jaar: 2024, post: 'fonds.accres' }).regel).toContain('regel bbp');
    expect(explain(basis, { provincie: 'NL', jaar: 2021, post: 'fonds.algemene_uitkering' }).invoer[0]!.omschrijving).toContain('(1supp2021)');
    expect(() => explain(basis, { provincie: 'PV20', jaar: 2024, post: 'fonds.accres' })).toThrow(/bestaat alleen voor NL/);
  });
});

describe('fund lines and the natuurpact income', () => {
  test('the nature part of the AU is the national natuurpact income, in the look-back (estimation step) and the projection alike', () => {
    // Province amounts are rounded to whole cents: twelve roundings of at most half a cent.
    for (const y of [2019, 2021, 2023, 2024, 2027, 2030]) {
      const n = basis.cell('NL', y, 'fonds.natuurdeel').bedrag_eur;
      const income = basis.cell('NL', y, 'inkomsten.natuurpact').bedrag_eur;
      expect(n.minus(income).abs().lessThanOrEqualTo(dec('0.06')), String(y)).toBe(true);
    }
  });
});

describe('fast path', () => {
  test('floats over the compiled plan match the exact gap (relative 1e-9)', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = runScenario(s, data);
        const fp = compileFast(r);
        const gap = evaluateFast(fp);
        PROVINCE_CODES.forEach((p, pi) => {
          fp.years.forEach((y, ti) => {
            const exact = v(r, p, y, 'tekort').toNumber();
            expect(Math.abs(gap[pi * fp.years.length + ti]! - exact)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(exact)) + 0.01 * 8);
          });
        });
      }),
      { numRuns: 10 },
    );
  });
  test('if every cost price follows the growth of income and volumes stay constant, coverage stays constant', () => {
    // A plan where income grows by g per year and every task's price factor grows the same way.
    fc.assert(
      fc.property(fc.array(fc.double({ min: -0.02, max: 0.08, noNaN: true }), { minLength: 7, maxLength: 7 }), (growth) => {
        const fp = compileFast(basis);
        const Y = fp.years.length;
        let level = 1;
        const levels = growth.map((g) => (level *= 1 + g));
        const plan = { ...fp, price: new Float64Array(fp.tasks * Y), volume: new Float64Array(fp.tasks * Y).fill(1), dev: new Float64Array(fp.dev.length), income: new Float64Array(fp.income.length) };
        for (let k = 0; k < fp.tasks; k++) for (let t = 0; t < Y; t++) plan.price[k * Y + t] = levels[t]!;
        for (let p = 0; p < fp.provinces; p++) {
          const cost0 = Array.from({ length: fp.tasks }, (_, k) => fp.base[p * fp.tasks + k]!).reduce((a, b) => a + b, 0);
          for (let t = 0; t < Y; t++) plan.income[p * Y + t] = 0.8 * cost0 * levels[t]!;
        }
        const gap = evaluateFast(plan);
        for (let p = 0; p < fp.provinces; p++) {
          const ratios = Array.from({ length: Y }, (_, t) => {
            const income = plan.income[p * Y + t]!;
            return income / (gap[p * Y + t]! + income);
          });
          for (const r of ratios) expect(r).toBeCloseTo(0.8, 12);
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('what the workbook relies on (issue 16)', () => {
  test('every driver\'s price is its declared index: P_t = I_t / I_r after r, else 1', () => {
    const r = runScenario({ naam: 'alles', ontwikkelingen: Object.fromEntries(DEVELOPMENT_NAMES.filter((n) => n !== 'programma_natuur_verlengd').map((n) => [n, {}])), macro: { projectie: { cpi: dec('0.031') } } }, data);
    const ctx = r.plan.context;
    const index = { kostenindex: ctx.kostenindex, loonindex: ctx.loonindex, grondprijsindex: ctx.grondprijsindex };
    const at = (f: typeof ctx.kostenindex, y: number) => f.values.get(y) ?? dec(1);
    for (const k of COST_TASKS) {
      const d = r.plan.drivers[k];
      for (const y of r.plan.years) {
        const declared = d.prijsindex;
        const ref = declared?.tenOpzichteVan ?? r.plan.baseYear;
        const expected = !declared || y <= ref ? dec(1) : at(index[declared.index], y).dividedBy(at(index[declared.index], ref));
        expect(d.price(y).equals(expected), `${k} ${y}`).toBe(true);
      }
    }
    // Only herstel (programme amounts, nominal) has no price index.
    expect(COST_TASKS.filter((k) => !r.plan.drivers[k].prijsindex)).toEqual(['herstel']);
  });

  test('every development is linear in the baseline it scales with: effect = vast + perBasiseuro × baseline', () => {
    const r = runScenario({ naam: 'alles', ontwikkelingen: Object.fromEntries(DEVELOPMENT_NAMES.map((n) => [n, { startjaar: 2026 }])) }, data);
    const plan = r.plan;
    let scaled = 0;
    for (const d of plan.developments) {
      for (const p of ['PV20', 'PV26'] as const) {
        const lin = d.lineair(p);
        for (const k of COST_TASKS) {
          for (const [y, value] of d.effectFor(p).kosten[k] ?? new Map()) {
            const baseline = sum(PROVINCE_CODES.map((q) => plan.baseCost.get(q)![k])).times(plan.drivers[k].price(y)).times(plan.drivers[k].volume(y));
            const m = lin.perBasiseuro.kosten[k]?.get(y) ?? dec(0);
            if (!m.isZero()) scaled++;
            expect((lin.vast.kosten[k]?.get(y) ?? dec(0)).plus(m.times(baseline)).minus(value).abs().lessThan('1e-20'), `${d.definitie.naam} ${k} ${y}`).toBe(true);
          }
        }
      }
    }
    // beheer_100pct, grondprijs_schok, loon_schok and programma_natuur_stopt scale with the baseline.
    expect(scaled).toBeGreaterThan(0);
  });
});
