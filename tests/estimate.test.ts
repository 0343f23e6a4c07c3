/**
 * The estimation step on a small hand-made dataset (tests/helpers/mini.ts), with every expected
 * value worked out in the test from the mini data: land areas 100..1200 km2 (sum 7800), EHS areas
 * 12000..1000 ha (sum 78000), ANLb 40 (2016) → 80 (2020), faunaschade 20 (2018) → 40 (2022),
 * Zuid-Holland's realised natuurbeheer 2019 of 11,5 mln, and budget totals for NL and Overijssel 2015.
 */
import { describe, expect, test } from 'vitest';
import { Decimal, cents, dec, sum } from '../src/core/decimal.js';
import { PROVINCE_CODES, type ProvinceCode } from '../src/core/provinces.js';
import { buildDataset } from '../src/io/load.js';
import { COST_TASKS, completeHistory, HISTORY_YEARS, nationalSpending, observations, unmappedLines } from '../src/core/estimate.js';
import { historyEvidence } from '../src/core/history/evidence.js';
import { UserError } from '../src/core/errors.js';
import { file, MINI_AREA, MINI_EHS, miniFiles } from './helpers/mini.js';

const M = (x: string | number) => dec(x).times(1_000_000);
const idx = (p: ProvinceCode) => PROVINCE_CODES.indexOf(p);
const areaShare = (p: ProvinceCode) => dec(MINI_AREA[idx(p)]!).dividedBy(7800);
const ehsShare = (p: ProvinceCode) => dec(MINI_EHS[idx(p)]!).dividedBy(78000);
const near = (a: Decimal, b: Decimal, cents_: number) => a.minus(b).abs().lessThanOrEqualTo(dec(cents_).times('0.005'));

const data = buildDataset(miniFiles());
const done = completeHistory(data);
const cell = (c: typeof done, p: ProvinceCode, y: number, t: string) => c.uitgaven.find((u) => u.provincie === p && u.jaar === y && u.taak === t)!;

describe('national spending per task', () => {
  test('natuurbeheer = beheer 315 − ANLb (inferred from the agreements); ANLb interpolated 2016 (40) → 2020 (80)', () => {
    const nb = nationalSpending(data, 'natuurbeheer', 2016);
    expect(nb.value.equals(M(315 - 40))).toBe(true);
    expect(nb.grondslag).toBe('afspraken');
    expect(nb.method).toMatch(/^uit afspraken afgeleid/);
    // 2018 is halfway: 40 + (80 - 40) × 2/4 = 60; a paid-out series, not an agreement.
    expect(nationalSpending(data, 'anlb', 2018).value.equals(M(60))).toBe(true);
    expect(nationalSpending(data, 'anlb', 2018).grondslag).toBe('reeks');
    expect(nationalSpending(data, 'anlb', 2014).value.equals(M(40))).toBe(true);
  });
  test('ontwikkeling 100 split 0.5 / 0.5; herstel 0 before and 600/3 during Programma Natuur; uitvoering 10% of beheer and development only', () => {
    expect(nationalSpending(data, 'verwerving', 2016).value.equals(M(50))).toBe(true);
    expect(nationalSpending(data, 'herstel', 2020).value.equals(M(0))).toBe(true);
    expect(nationalSpending(data, 'herstel', 2022).value.equals(M(200))).toBe(true);
    // 2016: natuurbeheer 275 + verwerving 50 + inrichting 50 = 375; 10% (mini aannames.csv) = 37.5.
    // ANLb (40), faunaschade (20) and herstel carry no mark-up.
    expect(nationalSpending(data, 'uitvoering', 2016).value.equals(M('37.5'))).toBe(true);
    expect(nationalSpending(data, 'uitvoering', 2016).grondslag).toBe('aanname');
    // 2022: herstel 200 and ANLb do not move it: 10% × (315 − 80 + 50 + 50) = 33.5.
    expect(nationalSpending(data, 'uitvoering', 2022).value.equals(M('33.5'))).toBe(true);
  });
});

describe('observations from published lines', () => {
  const lines = (rows: string) =>
    file('lasten-baten.csv', 'provincie,jaar,niveau,code,naam,soort,kant,waarde,eenheid,status,bron,vindplaats,methode\n' + rows);
  const iv3 = file(
    'iv3-taakvelden.csv',
    'code,naam,taak,waarde,eenheid,status,bron,vindplaats,methode\n,Beheer flora en fauna,soorten,1,fractie,aanname,t-cbs,,soortenbeleid\n5.1,Natuurontwikkeling,ontwikkeling,1,fractie,aanname,t-cbs,,verwerving en inrichting\n',
  );
  const own = file(
    'programma-indeling.csv',
    'provincie,niveau,code,naam,van,tot,taak,waarde,eenheid,status,bron,vindplaats,methode\n' +
      'PV28,iv3_taakveld,,Beheer flora en fauna,2017,2030,buiten_scope,1,fractie,aanname,t-cbs,,boekt soorten elders\n' +
      'PV29,programma,03,Natuur en platteland,2018,2022,totaal,80,%,aanname,t-cbs,,natuurdeel van het programma\n',
  );
  const withLines = buildDataset([
    ...miniFiles(),
    iv3,
    own,
    lines(
      'PV20,2022,iv3_taakveld,,Beheer flora en fauna,realisatie,lasten,4.1,EUR mln,realisatie,t-cbs,Tabel,\n' +
        'PV28,2022,iv3_taakveld,,Beheer flora en fauna,realisatie,lasten,0,EUR mln,realisatie,t-cbs,Tabel,\n' +
        'PV22,2021,iv3_taakveld,5.1,Natuurontwikkeling,realisatie,lasten,15,EUR mln,realisatie,t-cbs,Tabel,\n' +
        'PV29,2020,programma,03,Natuur en platteland,realisatie,lasten,25,EUR mln,realisatie,t-cbs,Tabel,\n' +
        'PV29,2020,programma,03,Natuur en platteland,realisatie,baten,2,EUR mln,realisatie,t-cbs,Tabel,\n' +
        'PV30,2020,programma,04,Natuur en milieu,realisatie,lasten,150,EUR mln,realisatie,t-cbs,Tabel,\n',
    ),
  ]);
  const obs = observations(withLines);
  const find = (p: string, y: number) => obs.filter((o) => o.provincie === p && o.jaar === y);

  test('a taakveld is taken whole by the national mapping, keeping its status', () => {
    expect(find('PV20', 2022)).toHaveLength(1);
    expect(find('PV20', 2022)[0]!.taak).toBe('soorten');
    expect(find('PV20', 2022)[0]!.waarde.equals(M('4.1'))).toBe(true);
    expect(find('PV20', 2022)[0]!.status).toBe('realisatie');
    expect(find('PV22', 2021)[0]!.taak).toBe('ontwikkeling');
  });
  test("a province's own mapping replaces the national one; buiten_scope adds nothing", () => {
    expect(find('PV28', 2022)).toHaveLength(0);
  });
  test('a wider programme counts with its assumed nature share, as an estimate; baten are not spending', () => {
    const z = find('PV29', 2020);
    expect(z).toHaveLength(1);
    expect(z[0]!.taak).toBe('totaal');
    expect(z[0]!.waarde.equals(M(25).times('0.8'))).toBe(true);
    expect(z[0]!.status).toBe('schatting');
    expect(z[0]!.methode).toMatch(/× aandeel 0,8000 \(natuurdeel van het programma\)/);
  });
  test('a line without a mapping is listed for the reconciliation, not used', () => {
    expect(find('PV30', 2020)).toHaveLength(0);
    // Zuid-Holland's taakveld is out of scope by its own mapping; Noord-Brabant's programme has no mapping.
    expect(unmappedLines(withLines).map((l) => `${l.provincie} ${l.code} ${l.kant}`)).toEqual(['PV28  lasten', 'PV30 04 lasten']);
  });

  const c = completeHistory(withLines);
  test('an observed task cell is the published figure; a realised total scales the open tasks to it exactly', () => {
    expect(cell(c, 'PV20', 2022, 'soorten').waarde.equals(M('4.1'))).toBe(true);
    expect(cell(c, 'PV20', 2022, 'soorten').grondslag).toBe('waargenomen');
    // Verwerving + inrichting of Drenthe 2021 add up to its 15 mln Natuurontwikkeling (2 cells, half a cent each).
    expect(near(cell(c, 'PV22', 2021, 'verwerving').waarde.plus(cell(c, 'PV22', 2021, 'inrichting').waarde), M(15), 2)).toBe(true);
    // Zeeland 2020: the seven tasks add up to 0.8 × 25 = 20 mln (7 cells); ANLb and herstel (paid-out and
    // granted amounts, FIXED_IN_TOTALS) keep their estimate and the other five take the rest.
    const z = COST_TASKS.map((t) => cell(c, 'PV29', 2020, t));
    expect(near(sum(z.map((x) => x.waarde)), M(20), 7)).toBe(true);
    expect(z.filter((x) => x.taak !== 'anlb' && x.taak !== 'herstel').every((x) => x.grondslag === 'totaal_waargenomen' && x.observatieStatus === 'schatting')).toBe(true);
    expect(cell(c, 'PV29', 2020, 'anlb').waarde.equals(cents(rawEstimate(withLines, 'PV29', 2020, 'anlb')))).toBe(true);
  });
  test("a province's level from its own figures carries to its other years", () => {
    // Zeeland 2019: no figure; every task = raw estimate × Zeeland's level, which is 20 mln / the raw estimate of 2020.
    const raw = (y: number) => sum(COST_TASKS.map((t) => cell(completeHistory(withLines), 'PV29', y, t).waarde));
    const level = M(20).dividedBy(sum(COST_TASKS.map((t) => rawEstimate(withLines, 'PV29', 2020, t))));
    expect(near(raw(2019), sum(COST_TASKS.map((t) => rawEstimate(withLines, 'PV29', 2019, t))).times(level), 7)).toBe(true);
    expect(cell(c, 'PV29', 2019, 'natuurbeheer').grondslag).toBe('eigen_niveau');
    expect(cell(c, 'PV29', 2019, 'natuurbeheer').methode).toMatch(/niveau uit eigen cijfers voor alle natuurtaken 2020 \(realisatie\)/);
  });
  test('a published total smaller than the published tasks inside it is an error', () => {
    const bad = buildDataset([
      ...miniFiles({
        'uitgaven.csv':
          'provincie,jaar,taak,soort,waarde,eenheid,status,bron,vindplaats,methode\nPV20,2019,natuurbeheer,realisatie,30,EUR mln,realisatie,t-cbs,Tabel,\nPV20,2019,totaal,realisatie,20,EUR mln,realisatie,t-cbs,Tabel,\n',
      }),
    ]);
    expect(() => completeHistory(bad)).toThrow(UserError);
    expect(() => completeHistory(bad)).toThrow(/het gepubliceerde bedrag van PV20 in 2019 voor alle natuurtaken \(20,000 mln\) is kleiner dan wat daarbinnen al vaststaat \((3\d|4\d),\d{3} mln\)/);
  });
});

/** The raw estimate E = national × key share, recomputed here from the keys' rules. */
function rawEstimate(d: typeof data, p: ProvinceCode, y: number, t: (typeof COST_TASKS)[number]): Decimal {
  const n = (k: (typeof COST_TASKS)[number]) => nationalSpending(d, k, y).value;
  const share = (k: (typeof COST_TASKS)[number]): Decimal => {
    if (k === 'anlb' || k === 'soorten') return areaShare(p);
    if (k === 'herstel') {
      // Programma Natuur: Drenthe published 20 mln for 2022 (mini inkomsten.csv); the others share the rest by EHS.
      if (y !== 2022) return ehsShare(p);
      if (p === 'PV22') return M(20).dividedBy(n('herstel'));
      return dec(1).minus(M(20).dividedBy(n('herstel'))).times(ehsShare(p)).dividedBy(dec(1).minus(ehsShare('PV22')));
    }
    if (k === 'uitvoering') {
      // A mark-up on natuurbeheer, verwerving and inrichting only: the province's share of those.
      const base = ['natuurbeheer', 'verwerving', 'inrichting'] as const;
      return sum(base.map((x) => n(x).times(share(x)))).dividedBy(sum(base.map(n)));
    }
    return ehsShare(p);
  };
  return n(t).times(share(t));
}

describe('province history on the mini data', () => {
  test('complete: every province × history year × task has one cell', () => {
    for (const p of PROVINCE_CODES)
      for (const y of HISTORY_YEARS)
        for (const t of COST_TASKS) {
          expect(done.dataset.uitgaven.filter((u) => u.provincie === p && u.jaar === y && u.taak === t && u.soort === 'realisatie'), `${p} ${y} ${t}`).toHaveLength(1);
        }
  });
  test('costs are keyed by each task’s own indicator, not by one key', () => {
    // Without any own figures (Groningen), 2016 ANLb = national × land-area share, natuurbeheer = national × EHS share × the pooled level.
    expect(cell(done, 'PV20', 2016, 'anlb').waarde.equals(cents(M(40).times(areaShare('PV20'))))).toBe(true);
  });
  test("Zuid-Holland's realised natuurbeheer 2019 is kept and sets its own level; one province is no sample for the others", () => {
    const zh = cell(done, 'PV28', 2019, 'natuurbeheer');
    expect(zh.waarde.equals(M('11.5'))).toBe(true);
    expect(zh.status).toBe('realisatie');
    const level = M('11.5').dividedBy(rawEstimate(data, 'PV28', 2019, 'natuurbeheer'));
    expect(cell(done, 'PV28', 2020, 'natuurbeheer').waarde.equals(cents(rawEstimate(data, 'PV28', 2020, 'natuurbeheer').times(level)))).toBe(true);
    // Zuid-Holland covers 4.000 / 78.000 ha of EHS (5%), below the 50% of niveau.dekking_voor_gemiddelde:
    // the other provinces keep the level of the national estimate.
    expect(cell(done, 'PV20', 2016, 'natuurbeheer').waarde.equals(cents(rawEstimate(data, 'PV20', 2016, 'natuurbeheer')))).toBe(true);
    expect(cell(done, 'PV20', 2016, 'natuurbeheer').methode).toMatch(/geen eigen cijfers van de provincie; niveau van de landelijke schatting$/);
    expect(cell(done, 'PV20', 2016, 'natuurbeheer').grondslag).toBe('landelijk');
  });
  test('when the provinces with figures cover enough of the estimate, their pooled ratio is the level of the others', () => {
    // Ten provinces publish soorten for 2022 at twice their estimate; Zuid-Holland and Limburg publish nothing.
    const raw0 = (p: ProvinceCode) => rawEstimate(data, p, 2022, 'soorten');
    const ten = PROVINCE_CODES.filter((p) => p !== 'PV28' && p !== 'PV31');
    const rows = ten.map((p) => `${p},2022,soorten,realisatie,${raw0(p).times(2).dividedBy(1e6).toFixed(6)},EUR mln,realisatie,t-cbs,Tabel,`).join('\n');
    const d = buildDataset(miniFiles({ 'uitgaven.csv': 'provincie,jaar,taak,soort,waarde,eenheid,status,bron,vindplaats,methode\n' + rows + '\n' }));
    const c = completeHistory(d);
    // Their land area is 7800 − 900 − 1200 = 5700 of 7800 km2 (73%): above the 50% threshold.
    const num = sum(ten.map((p) => dec(raw0(p).times(2).dividedBy(1e6).toFixed(6)).times(1e6)));
    const den = sum(ten.map(raw0));
    const li = cell(c, 'PV31', 2020, 'soorten');
    expect(li.waarde.equals(cents(rawEstimate(d, 'PV31', 2020, 'soorten').times(num.dividedBy(den))))).toBe(true);
    expect(li.methode).toMatch(/gemiddelde verhouding gepubliceerd \/ geschat van de provincies met eigen cijfers voor soorten .*samen 73% van de landelijke schatting, drempel 50%/);
  });
  test('budget totals do not set a level (Overijssel 2015 is a budget): its tasks are national × key', () => {
    expect(cell(done, 'PV23', 2015, 'anlb').waarde.equals(cents(rawEstimate(data, 'PV23', 2015, 'anlb')))).toBe(true);
  });
  test('published values are never overwritten', () => {
    for (const original of data.uitgaven) expect(done.dataset.uitgaven).toContain(original);
  });
  test('the evidence per province: Zuid-Holland observed in 2019 only', () => {
    const ev = historyEvidence(done.uitgaven);
    const zh = ev.find((e) => e.provincie === 'PV28')!;
    expect(zh.jarenMetCijfers).toEqual([2019]);
    expect(zh.waargenomenAandeel.equals(M('11.5').dividedBy(zh.totaal))).toBe(true);
    expect(ev.find((e) => e.provincie === 'PV20')!.waargenomenAandeel.isZero()).toBe(true);
  });
});

describe('province income', () => {
  const inc = done.dataset.inkomsten;
  test('national stream minus what provinces publish, shared by the stream’s own key over the others', () => {
    const pn = inc.filter((r) => r.jaar === 2022 && r.stroom === 'programma_natuur');
    expect(pn).toHaveLength(12);
    // 600 / 3 = 200 in 2022; PV22 published 20; the other 180 by EHS renormalised without PV22 (11 cells, half a cent each).
    expect(near(sum(pn.map((r) => r.waarde)), M(200), 11)).toBe(true);
    const expected = cents(M(180).times(ehsShare('PV20')).dividedBy(dec(1).minus(ehsShare('PV22'))));
    expect(pn.find((r) => r.provincie === 'PV20')!.waarde.equals(expected)).toBe(true);
  });
  test('EU co-financing follows the land area (it co-finances agrarisch natuurbeheer), not the EHS', () => {
    const eu = inc.find((r) => r.jaar === 2016 && r.stroom === 'eu' && r.provincie === 'PV20')!;
    expect(eu.waarde.equals(cents(M(40).times(areaShare('PV20'))))).toBe(true);
  });
  test("a user's complete real Natuurpact key replaces the estimated key of the DU Natuur", () => {
    const rows = PROVINCE_CODES.map((p, i) => `natuurpact,${p},${i === 0 ? '0.12' : '0.08'},fractie,aanname,,,eigen sleutel`);
    const own = file('sleutels.csv', 'sleutel,provincie,waarde,eenheid,status,bron,vindplaats,methode\n' + rows.join('\n') + '\n', 'eigen');
    const c = completeHistory(buildDataset([...miniFiles(), own]));
    const du = c.dataset.inkomsten.find((r) => r.jaar === 2016 && r.stroom === 'natuurpact' && r.provincie === 'PV20')!;
    expect(du.waarde.equals(cents(M(446).times('0.12')))).toBe(true);
  });
});
