/**
 * Financing constructions (src/core/constructions) and allocation (src/core/allocation): the whole-euro
 * allocation, the transition key, formula keys, each shipped construction against arithmetic
 * written here, the comparison and the solver.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkFormula, compileFormula, loadFormulaParser } from '../src/core/allocation/formula.js';
import { keyShares } from '../src/core/allocation/keys.js';
import { allocateWholeEuros } from '../src/core/allocation/largest-remainder.js';
import { compareConstructions, whatWouldItTake, type ComparisonLine } from '../src/core/constructions/compare.js';
import { constructionIndex, constructionYear, nationalAmount, opcentenRoom, type Construction, type GenericConstruction } from '../src/core/constructions/construction.js';
import { explainConstructionCell } from '../src/core/constructions/explain.js';
import { AU_KEY_PROXY, auKey, shippedConstructions } from '../src/core/constructions/shipped.js';
import { skpFactor } from '../src/core/constructions/skp-index.js';
import { macroValue } from '../src/core/indexation/series.js';
import type { Dataset, DriverFact, KeyShare } from '../src/core/dataset.js';
import { Decimal, dec, sum } from '../src/core/decimal.js';
import { indexFactor } from '../src/core/indexation/index.js';
import { LINES } from '../src/core/model/lines.js';
import { runScenario } from '../src/core/model/run.js';
import { PROVINCE_CODES, type RegionCode } from '../src/core/provinces.js';
import { loadDataset } from '../src/io/read-dir.js';

// Formula keys need the formula parser, which the library loads on import (src/index.ts).
beforeAll(loadFormulaParser);

const data = loadDataset();
const result = runScenario({ naam: 'basis' }, data);
const shipped = shippedConstructions(data);
const byId = (id: string) => shipped.find((c) => c.id === id)!;
const nl = (year: number) => sum(PROVINCE_CODES.map((p) => result.cell(p, year, 'inkomsten.natuurpact').bedrag_eur));

describe('largest-remainder allocation', () => {
  test('by hand: 101 over 1/4, 1/4, 1/2 is 25.25, 25.25, 50.5 → 25, 25, 51; 102 ties 25.5, 25.5 → the first gets the euro', () => {
    const shares = [dec('0.25'), dec('0.25'), dec('0.5')];
    expect(allocateWholeEuros(dec(101), shares).map((x) => x.toNumber())).toEqual([25, 25, 51]);
    expect(allocateWholeEuros(dec(102), shares).map((x) => x.toNumber())).toEqual([26, 25, 51]);
    expect(allocateWholeEuros(dec(-102), shares).map((x) => x.toNumber())).toEqual([-26, -25, -51]);
  });
  test('sums to the national amount to the euro, each within one euro of its exact share', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 12, maxLength: 12 }), fc.bigInt({ min: 0n, max: 10n ** 12n }), (weights, amount) => {
        fc.pre(weights.some((w) => w > 0));
        const total = weights.reduce((a, b) => a + b, 0);
        const shares = weights.map((w) => dec(w).dividedBy(total));
        const a = dec(amount);
        const out = allocateWholeEuros(a, shares);
        expect(sum(out).equals(a)).toBe(true);
        out.forEach((x, i) => {
          expect(x.isInteger()).toBe(true);
          expect(x.minus(a.times(shares[i]!)).abs().lessThan(1)).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('keys', () => {
  test('an integration key equals the old key at its start and the AU key after T years', () => {
    const spec = { soort: 'overgang' as const, van: { soort: 'historisch' as const }, naar: AU_KEY_PROXY, jaren: 4, start: 2026 };
    const old = keyShares({ soort: 'historisch' }, result, 2026);
    const au = keyShares(AU_KEY_PROXY, result, 2030);
    const atStart = keyShares(spec, result, 2026);
    const atEnd = keyShares(spec, result, 2030);
    for (const p of PROVINCE_CODES) {
      expect(atStart.shares.get(p)!.equals(old.shares.get(p)!)).toBe(true);
      expect(atEnd.shares.get(p)!.equals(au.shares.get(p)!)).toBe(true);
    }
    // Halfway (2028): the average of the two.
    const mid = keyShares(spec, result, 2028);
    for (const p of PROVINCE_CODES) expect(mid.shares.get(p)!.minus(old.shares.get(p)!.plus(au.shares.get(p)!).dividedBy(2)).abs().lessThan(dec('1e-35'))).toBe(true);
  });
  test('every key sums to 1', () => {
    for (const c of shipped) {
      if (c.regel.soort !== 'regel') continue;
      for (const y of [2026, 2030]) {
        const s = keyShares(c.regel.sleutel, result, y);
        expect(sum([...s.shares.values()]).minus(1).abs().lessThan(dec('1e-30')), c.id).toBe(true);
      }
    }
  });
  test('a formula key equals the same blend written as a mix', () => {
    const f = keyShares({ soort: 'formule', formule: 'inwoners / 17947684 + oppervlakte_land / 33671.09' }, result, 2026);
    expect(sum([...f.shares.values()]).minus(1).abs().lessThan(dec('1e-30'))).toBe(true);
    const inw = keyShares({ soort: 'indicator', kenmerk: 'inwoners' }, result, 2026);
    expect(inw.uitleg).toContain('inwoners (2024)');
  });
});

describe('formula keys are safe', () => {
  const names = ['inwoners', 'oppervlakte_land', 'nnn_ha'];
  test('arithmetic over indicators evaluates exactly', () => {
    const f = compileFormula('0.5 * nnn_ha + 0.5 * inwoners - -1 + max(2, 3) / 3 ^ 1', names);
    expect(f.evaluate({ nnn_ha: dec(10), inwoners: dec(20), oppervlakte_land: dec(0) }).equals(dec(17))).toBe(true);
    expect(f.names).toEqual(['nnn_ha', 'inwoners']);
  });
  test.each(['import("fs")', 'createUnit("x")', 'evaluate("1+1")', 'parse("1")', 'simplify("x")', 'derivative("x^2", "x")'])('%s is refused', (text) => {
    const { problems } = checkFormula(text, names);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.message).toMatch(/niet toegestaan/);
    expect(problems[0]!.position).toBe(1);
  });
  test('assignments, property access and matrices are refused', () => {
    for (const text of ['x = 1', 'f(x) = x', 'inwoners.length', '[1, 2]', 'inwoners ? 1 : 2']) {
      expect(checkFormula(text, names).problems.length, text).toBeGreaterThan(0);
    }
  });
  test('an unknown name is refused with its position and a suggestion', () => {
    const { problems } = checkFormula('0.5 * inwonerz + nnn_ha', names);
    expect(problems).toEqual([{ message: "onbekende naam 'inwonerz'; bedoelt u 'inwoners'?", position: 7 }]);
    expect(() => compileFormula('0.5 * inwonerz', names)).toThrow(/sleutelformule '0\.5 \* inwonerz', teken 7: onbekende naam/);
  });
  test('a syntax error names its position', () => {
    expect(checkFormula('0.5 * (inwoners', names).problems[0]!.position).toBe(16);
  });
});

describe('shipped constructions, by hand', () => {
  const sq2025 = nl(2025);
  const amounts = (c: Construction, y: number) => constructionYear(c, result, y);
  const total = (c: Construction, y: number) => sum([...amounts(c, y).inkomsten.values()]);
  test('C0 pays the status quo: the model nature money itself', () => {
    for (const y of [2026, 2030]) for (const p of PROVINCE_CODES) expect(amounts(byId('C0'), y).inkomsten.get(p)!.equals(result.cell(p, y, 'inkomsten.natuurpact').bedrag_eur)).toBe(true);
  });
  test('C1: the 2025 status quo amount, nominal, in whole euros over the provinces', () => {
    expect(total(byId('C1'), 2030).equals(sq2025.toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN))).toBe(true);
  });
  test('C2: the 2025 amount grown with the algemene uitkering from 2025 on', () => {
    const ledger = new Map(result.plan.ledger.jaren.map((y) => [y.jaar, y.groeifactor] as const));
    const expected = sq2025.times(ledger.get(2026)!).times(ledger.get(2027)!);
    expect(total(byId('C2'), 2027).equals(expected.toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN))).toBe(true);
  });
  test('C3: the whole nominal amount is allocated; 5% of it is shown as unspent (not lost), 2% as administrative burden', () => {
    const y = amounts(byId('C3'), 2028);
    expect(sum([...y.inkomsten.values()]).equals(sq2025.toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN))).toBe(true);
    for (const p of PROVINCE_CODES) {
      expect(y.onbesteed.get(p)!.equals(y.inkomsten.get(p)!.times('0.05').toDecimalPlaces(2))).toBe(true);
      expect(y.uitvoeringslasten.get(p)!.equals(y.inkomsten.get(p)!.times('0.02').toDecimalPlaces(2))).toBe(true);
    }
    expect(y.geoormerkt).toBe(true);
  });
  test('C5: (2025 amount + 200 mln from 2026) × lpo factors of 2026 and 2027', () => {
    const c = byId('C5');
    const lpo = (y: number) => indexFactor('lpo', y, data).factor;
    expect(total(c, 2027).equals(sq2025.plus(200_000_000).times(lpo(2026)).times(lpo(2027)).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN))).toBe(true);
  });
  test('C6: the SKP update, not the model cost index, and shares of published hectares, not of estimated costs', () => {
    const c = byId('C6');
    const rule = c.regel as GenericConstruction;
    expect(rule.indexatie.regel).toBe('skp');
    expect(nationalAmount(c, rule, result, 2028).equals(sq2025.times(skpFactor(2026, data).factor).times(skpFactor(2027, data).factor).times(skpFactor(2028, data).factor))).toBe(true);
    // EHS area per province, WLO 2006 figure 9.2 (provincies.csv, ehs_ha_2006), in 1.000 ha:
    // 11 + 39 + 48 + 44 + 20 + 125 + 24 + 41 + 25 + 10 + 88 + 38 = 513; Gelderland 125 / 513.
    const share = dec(125).dividedBy(513);
    expect(amounts(c, 2028).inkomsten.get('PV25')!.minus(nationalAmount(c, rule, result, 2028).times(share)).abs().lessThan(1)).toBe(true);
    expect(c.aannames.map((a) => a.naam)).toEqual(['standaardkosten', 'hectares']);
  });
  test('the SKP update: a published figure wins; otherwise 1 + w_loon × CAO Bos en Natuur + w_prijs × cpi', () => {
    // 2025: CAO Bos en Natuur +4,0% (kostendrivers.csv, dr-vbne-cao2024), lpo weights 0,5 / 0,5 (aannames.csv).
    const cpi2025 = macroValue(data, 'cpi', 2025).waarde;
    expect(skpFactor(2025, data).factor.equals(dec(1).plus(dec('0.5').times('0.04')).plus(dec('0.5').times(cpi2025)))).toBe(true);
    const published: DriverFact = { ...data.kostendrivers.find((d) => d.driver === 'cao_bos_natuur')!, driver: 'skp_actualisatie', jaar: 2025, waarde: dec('0.031') };
    const withSkp: Dataset = { ...data, kostendrivers: [...data.kostendrivers, published] };
    expect(skpFactor(2025, withSkp).factor.equals(dec('1.031'))).toBe(true);
    expect(skpFactor(2025, withSkp).explanation).toContain('gepubliceerde actualisatie');
  });
  test('C7: the status quo Rijk money, and beside it 10% of the room under the opcenten maximum as own revenue', () => {
    // Groningen: revenue 64,4 mln (2023), tariff 95,7 (2024), maximum 138,30 (2024) raised with the CPI of 2025 and 2026.
    const cpi = (y: number) => indexFactor('cpi', y, data).factor;
    const max2026 = dec('138.30').times(cpi(2025)).times(cpi(2026));
    const room = dec('64.4').times(1e6).times(max2026.dividedBy('95.7').minus(1));
    expect(opcentenRoom(result, 'PV20', 2026).room.equals(room)).toBe(true);
    const y = amounts(byId('C7'), 2026);
    expect(y.inkomsten.get('PV20')!.equals(result.cell('PV20', 2026, 'inkomsten.natuurpact').bedrag_eur)).toBe(true);
    expect(y.eigenInkomsten.get('PV20')!.equals(room.times('0.1').toDecimalPlaces(2))).toBe(true);
  });
  test('C4: a fixed nominal envelope, shared by the development tasks over the fund so far', () => {
    const c = byId('C4');
    expect(total(c, 2030).equals(sq2025.toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN))).toBe(true);
    const tasks = (p: RegionCode) => sum([2026, 2027, 2028, 2029, 2030].flatMap((y) => (['verwerving', 'inrichting', 'herstel'] as const).map((t) => result.cell(p, y, `kosten.${t}`).bedrag_eur)));
    const share = tasks('PV23').dividedBy(tasks('NL'));
    expect(amounts(c, 2030).inkomsten.get('PV23')!.minus(total(c, 2030).times(share)).abs().lessThan(1)).toBe(true);
  });
  test('C2: the AU key is the published one when sleutels.csv has it for all twelve provinces, else a labelled stand-in', () => {
    expect(auKey(data).sleutel).toEqual(AU_KEY_PROXY);
    expect(byId('C2').aannames.map((a) => a.naam)).toEqual(['AU-sleutel']);
    // A user's key (here: the same weight 0,5 for every province, so 1/12 each after normalising) replaces the stand-in, and the assumption goes.
    const template = data.sleutels[0]!;
    const own: KeyShare[] = PROVINCE_CODES.map((p) => ({ ...template, sleutel: 'algemene_uitkering', provincie: p, waarde: dec('0.5'), status: 'begroting' }));
    const withKey: Dataset = { ...data, sleutels: [...data.sleutels, ...own] };
    const c2 = shippedConstructions(withKey).find((c) => c.id === 'C2')!;
    expect(c2.aannames).toEqual([]);
    const r = runScenario({ naam: 'basis' }, withKey);
    const at2030 = keyShares({ soort: 'gepubliceerd', sleutel: 'algemene_uitkering' }, r, 2030);
    for (const p of PROVINCE_CODES) expect(at2030.shares.get(p)!.equals(dec(1).dividedBy(12))).toBe(true);
    expect(at2030.status).toBe('begroting');
  });
});

describe('comparison', () => {
  const cmp = compareConstructions(result, shipped);
  test('C0 equals the status quo run exactly', () => {
    for (const p of [...PROVINCE_CODES, 'NL'] as RegionCode[]) {
      for (const y of result.jaren) {
        for (const l of LINES) {
          if (l === 'inkomsten.natuurpact') continue; // moved to inkomsten.constructie from the start year
          expect(cmp.row('C0', p, y, l).bedrag_eur.equals(result.cell(p, y, l).bedrag_eur), `${p} ${y} ${l}`).toBe(true);
        }
      }
    }
  });
  test("each province's gain or loss against C0, and national totals with the burden", () => {
    const s = cmp.samenvatting;
    expect(s).toHaveLength(shipped.length * 13);
    for (const x of s.filter((x) => x.constructie === 'C0')) expect(x.verschilMetC0.isZero()).toBe(true);
    for (const x of s) {
      expect(x.verschilMetC0.equals(x.cumulatiefTekortNetto.minus(s.find((y) => y.constructie === 'C0' && y.provincie === x.provincie)!.cumulatiefTekortNetto))).toBe(true);
      expect(x.cumulatiefTekortNetto.equals(x.cumulatiefTekort.plus(x.uitvoeringslasten))).toBe(true);
    }
    const c3 = s.find((x) => x.constructie === 'C3' && x.provincie === 'NL')!;
    expect(c3.uitvoeringslasten.greaterThan(0)).toBe(true);
    expect(c3.aandeelGeoormerkt.greaterThan(s.find((x) => x.constructie === 'C1' && x.provincie === 'NL')!.aandeelGeoormerkt)).toBe(true);
  });
  test('identities hold in every construction: gap = costs − income; netto = gap + burden; own revenue outside income; NL = sum', () => {
    for (const c of shipped) {
      for (const y of [2024, 2027, 2030]) {
        for (const p of [...PROVINCE_CODES, 'NL'] as RegionCode[]) {
          const at = (l: ComparisonLine) => cmp.row(c.id, p, y, l).bedrag_eur;
          expect(at('tekort').equals(at('kosten.totaal').minus(at('inkomsten.totaal')))).toBe(true);
          expect(at('tekort.netto').equals(at('tekort').plus(at('uitvoeringslasten')))).toBe(true);
          const streams = (['inkomsten.natuurpact', 'inkomsten.programma_natuur', 'inkomsten.overig_rijk', 'inkomsten.eu', 'inkomsten.constructie'] as const).map(at);
          expect(at('inkomsten.totaal').equals(sum(streams))).toBe(true);
        }
        for (const l of ['inkomsten.totaal', 'onbesteed', 'uitvoeringslasten', 'eigen_inkomsten', 'tekort.waarvan_eigen_bijdrage'] as const) {
          expect(cmp.row(c.id, 'NL', y, l).bedrag_eur.equals(sum(PROVINCE_CODES.map((p) => cmp.row(c.id, p, y, l).bedrag_eur))), `${c.id} ${y} ${l}`).toBe(true);
        }
      }
    }
  });
  test('underspend is never a gap: C3 has the gap of C1 nationally (same nominal amount), and only its burden on top', () => {
    for (const y of [2026, 2028, 2030]) {
      expect(cmp.row('C3', 'NL', y, 'tekort').bedrag_eur.equals(cmp.row('C1', 'NL', y, 'tekort').bedrag_eur)).toBe(true);
      expect(cmp.row('C3', 'NL', y, 'onbesteed').bedrag_eur.greaterThan(0)).toBe(true);
    }
  });
  test('C3 and C4 differ by their administrative cost: the same gap, 2% against 1% burden in tekort.netto', () => {
    const c3 = cmp.samenvatting.find((x) => x.constructie === 'C3' && x.provincie === 'NL')!;
    const c4 = cmp.samenvatting.find((x) => x.constructie === 'C4' && x.provincie === 'NL')!;
    expect(c3.cumulatiefTekort.equals(c4.cumulatiefTekort)).toBe(true);
    expect(c3.cumulatiefTekortNetto.minus(c4.cumulatiefTekortNetto).equals(c3.uitvoeringslasten.minus(c4.uitvoeringslasten))).toBe(true);
    // 2% and 1% of the same envelope: C3's burden is twice C4's, within the rounding of 12 provinces × 5 years to cents.
    expect(c3.uitvoeringslasten.minus(c4.uitvoeringslasten.times(2)).abs().lessThanOrEqualTo('0.6')).toBe(true);
  });
  test('C7 is reported apart: its gap is that of C0; its own revenue is not in the income', () => {
    for (const y of [2026, 2030]) {
      for (const p of [...PROVINCE_CODES, 'NL'] as RegionCode[]) {
        expect(cmp.row('C7', p, y, 'tekort').bedrag_eur.equals(cmp.row('C0', p, y, 'tekort').bedrag_eur)).toBe(true);
        expect(cmp.row('C7', p, y, 'inkomsten.totaal').bedrag_eur.equals(cmp.row('C0', p, y, 'inkomsten.totaal').bedrag_eur)).toBe(true);
      }
      expect(cmp.row('C7', 'NL', y, 'eigen_inkomsten').bedrag_eur.greaterThan(0)).toBe(true);
    }
  });
  test('the agreed own part of the gap is recomputed per construction: min(agreement, max(gap, 0)) per province', () => {
    for (const c of shipped) {
      for (const p of PROVINCE_CODES) {
        const gap = cmp.row(c.id, p, 2030, 'tekort').bedrag_eur;
        const agreed = result.agreedContribution(p, 2030).bedrag_eur;
        const expected = gap.lessThanOrEqualTo(0) ? dec(0) : gap.lessThan(agreed) ? gap : agreed;
        expect(cmp.row(c.id, p, 2030, 'tekort.waarvan_eigen_bijdrage').bedrag_eur.equals(expected), `${c.id} ${p}`).toBe(true);
      }
    }
  });
  test('a construction cell explains itself; untouched lines as in the status quo', () => {
    const e = explainConstructionCell(cmp, result, { constructie: 'C3', provincie: 'PV22', jaar: 2028, post: 'tekort.netto' });
    expect(e.waarde.equals(cmp.row('C3', 'PV22', 2028, 'tekort.netto').bedrag_eur)).toBe(true);
    expect(e.regel).toMatch(/^tekort \+ uitvoeringslasten/);
    const u = explainConstructionCell(cmp, result, { constructie: 'C2', provincie: 'PV22', jaar: 2028, post: 'inkomsten.constructie' });
    expect(u.invoer.some((i) => i.omschrijving.includes('AU-sleutel'))).toBe(true);
    const k = explainConstructionCell(cmp, result, { constructie: 'C3', provincie: 'PV22', jaar: 2028, post: 'kosten.herstel' });
    expect(k.regel).toContain('C3 verandert deze post niet');
  });
});

describe('runs to 2050 and out-of-range years', () => {
  const long = runScenario({ naam: 'basis', tot: 2050 }, data);
  test('every shipped construction runs to 2050', () => {
    const c = compareConstructions(long, shipped);
    expect(c.venster).toEqual({ van: 2024, tot: 2050 });
    for (const x of shipped) expect(c.row(x.id, 'NL', 2050, 'tekort.netto').bedrag_eur.isFinite()).toBe(true);
  });
  test('a key that cannot share, or a year outside the run, is a Dutch error naming the construction and the year', () => {
    // Buying land stops when the NNN restopgave is done (2034 at the observed pace) in the status quo: a key on
    // verwerving alone has nothing to share in 2035.
    const onlyBuying: Construction = { ...byId('C4'), id: 'C9', naam: 'Verwervingsfonds', regel: { ...(byId('C4').regel as GenericConstruction), sleutel: { soort: 'taak', taken: ['verwerving'] } } };
    expect(() => constructionYear(onlyBuying, long, 2035)).toThrow("constructie C9 (Verwervingsfonds), jaar 2035: sleutel 'taak': de kosten van verwerving in 2035 tellen op tot 0; kan niet verdelen");
    expect(() => constructionYear(byId('C3'), result, 2031)).toThrow('constructie C3 (Specifieke uitkering (SPUK) naar het model Programma Natuur): jaar 2031 valt buiten de doorrekening (2014-2030)');
  });
});

describe('what would it take', () => {
  const generic = shipped.filter((c) => c.regel.soort === 'regel');
  const gapAt = (c: Construction, basis: Decimal, region: RegionCode = 'NL') => {
    const cy = constructionYear(c, result, 2030, { basis });
    const ps = region === 'NL' ? PROVINCE_CODES : [region];
    // The net gap: tekort with the construction's money instead of the status quo nature money, plus its burden.
    return sum(ps.map((p) => result.cell(p, 2030, 'tekort').bedrag_eur.plus(result.cell(p, 2030, 'inkomsten.natuurpact').bedrag_eur).minus(cy.inkomsten.get(p as never)!).plus(cy.uitvoeringslasten.get(p as never)!)));
  };
  test.each(generic.map((c) => c.id))('%s: the base amount closes the national gap in 2030 within 1 euro', (id) => {
    const c = byId(id);
    const a = whatWouldItTake(result, c, { doeljaar: 2030, wijze: 'basis' });
    expect(a.tekortBijAntwoord.lessThanOrEqualTo(0)).toBe(true);
    expect(gapAt(c, a.waarde.minus(a.tolerantie)).greaterThan(0)).toBe(true);
    expect(a.iteraties).toBeGreaterThan(0);
  });
  test('per province, and by extra index points', () => {
    const a = whatWouldItTake(result, byId('C1'), { doeljaar: 2030, wijze: 'basis', provincie: 'PV22' });
    expect(a.tekortBijAntwoord.lessThanOrEqualTo(0)).toBe(true);
    expect(gapAt(byId('C1'), a.waarde.minus(1), 'PV22').greaterThan(0)).toBe(true);
    const b = whatWouldItTake(result, byId('C1'), { doeljaar: 2030, wijze: 'indexpunten' });
    expect(b.tekortBijAntwoord.lessThanOrEqualTo(0)).toBe(true);
    expect(b.waarde.greaterThan(0)).toBe(true);
  });
  test('a larger base never gives a larger gap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 500 }), fc.constantFrom(...generic.map((c) => c.id)), (low, extra, id) => {
        const c = byId(id);
        expect(gapAt(c, dec(low + extra).times(1e6)).lessThanOrEqualTo(gapAt(c, dec(low).times(1e6)))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
  test('C0 and C7 have no base to solve for', () => {
    expect(() => whatWouldItTake(result, byId('C0'), { doeljaar: 2030, wijze: 'basis' })).toThrow(/geen basisbedrag/);
  });
});
