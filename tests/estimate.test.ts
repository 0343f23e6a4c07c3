/**
 * The estimation step on a small hand-made dataset (tests/helpers/mini.ts), with every expected
 * value worked out by hand in the test from the mini data: areas 100..1200 km2 (sum 7800), a
 * published 2015 total of 500 mln for NL and 100 mln for PV23 (Overijssel, area 400).
 */
import { describe, expect, test } from 'vitest';
import { Decimal, cents, dec, sum } from '../src/core/decimal.js';
import { PROVINCE_CODES } from '../src/core/provinces.js';
import { buildDataset } from '../src/io/load.js';
import { COST_TASKS, completeHistory, estimationKey, HISTORY_YEARS, nationalSpending } from '../src/core/estimate.js';
import { file, MINI_AREA, miniFiles } from './helpers/mini.js';

const data = buildDataset(miniFiles());
const { dataset } = completeHistory(data);
const M = (x: string | number) => dec(x).times(1_000_000);

function shareOf(code: string): Decimal {
  // PV23 publishes 100 of 500 = 0.2; the others share 0.8 by area among 7800 - 400 = 7400 km2.
  if (code === 'PV23') return dec('0.2');
  const area = MINI_AREA[PROVINCE_CODES.indexOf(code as never)]!;
  return dec('0.8').times(area).dividedBy(7400);
}

describe('estimation key', () => {
  const key = estimationKey(data);
  test('published anchor share where published, land area for the rest; sums to 1', () => {
    for (const k of key) expect(k.waarde.equals(shareOf(k.provincie)), k.provincie).toBe(true);
    expect(sum(key.map((k) => k.waarde)).minus(1).abs().lessThan(dec('1e-30'))).toBe(true);
    expect(key.every((k) => k.status === 'schatting' && k.methode.length > 0)).toBe(true);
  });
  test("a user's complete real key replaces the estimate", () => {
    const rows = PROVINCE_CODES.map((p, i) => `natuurpact,${p},${i === 0 ? '0.12' : '0.08'},fractie,aanname,,,eigen sleutel`);
    const own = file('sleutels.csv', 'sleutel,provincie,waarde,eenheid,status,bron,vindplaats,methode\n' + rows.join('\n') + '\n', 'eigen');
    const withKey = buildDataset([...miniFiles(), own]);
    const k = estimationKey(withKey);
    expect(k.every((s) => s.sleutel === 'natuurpact')).toBe(true);
    expect(k[0]!.waarde.equals(dec('0.12'))).toBe(true);
  });
});

describe('national spending per task', () => {
  test('natuurbeheer = beheer 315 − ANLb; ANLb interpolated 2016 (40) → 2020 (80)', () => {
    expect(nationalSpending(data, 'natuurbeheer', 2016).value.equals(M(315 - 40))).toBe(true);
    // 2018 is halfway: 40 + (80 - 40) × 2/4 = 60.
    expect(nationalSpending(data, 'anlb', 2018).value.equals(M(60))).toBe(true);
    expect(nationalSpending(data, 'natuurbeheer', 2018).value.equals(M(255))).toBe(true);
    // Before the first published year the first value holds: 2014 = 40.
    expect(nationalSpending(data, 'anlb', 2014).value.equals(M(40))).toBe(true);
  });
  test('ontwikkeling 100 split 0.5 / 0.5; herstel 0 before and 600/3 during Programma Natuur', () => {
    expect(nationalSpending(data, 'verwerving', 2016).value.equals(M(50))).toBe(true);
    expect(nationalSpending(data, 'inrichting', 2016).value.equals(M(50))).toBe(true);
    expect(nationalSpending(data, 'herstel', 2020).value.equals(M(0))).toBe(true);
    expect(nationalSpending(data, 'herstel', 2022).value.equals(M(200))).toBe(true);
  });
  test('uitvoering = 10% of the other six tasks', () => {
    // 2016: 275 + 40 + 50 + 50 + 0 + faunaschade held at 2018's 20 = 435; 10% = 43.5.
    expect(nationalSpending(data, 'soorten', 2016).value.equals(M(20))).toBe(true);
    expect(nationalSpending(data, 'uitvoering', 2016).value.equals(M('43.5'))).toBe(true);
  });
});

describe('province history', () => {
  const est = dataset.uitgaven.filter((u) => u.status === 'schatting');
  test('complete: every province × history year × task is published or estimated', () => {
    for (const p of PROVINCE_CODES)
      for (const y of HISTORY_YEARS)
        for (const t of COST_TASKS) {
          const cell = dataset.uitgaven.filter((u) => u.provincie === p && u.jaar === y && u.taak === t && u.soort === 'realisatie');
          expect(cell.length, `${p} ${y} ${t}`).toBe(1);
        }
  });
  test('each estimate reproduces from its stated inputs: national × key share', () => {
    for (const u of est) {
      if (u.provincie === 'PV23' && u.jaar === 2015) continue; // scaled, checked below
      const expected = cents(nationalSpending(data, u.taak as never, u.jaar).value.times(shareOf(u.provincie)));
      expect(u.waarde.equals(expected), `${u.provincie} ${u.jaar} ${u.taak}`).toBe(true);
      expect(u.methode).toContain(u.provincie);
      expect(u.bron.length).toBeGreaterThan(0);
    }
  });
  test("a province's published total scales its tasks to that total", () => {
    const ov = est.filter((u) => u.provincie === 'PV23' && u.jaar === 2015);
    expect(ov).toHaveLength(7);
    // Each of the 7 tasks is rounded to cents: the sum is within 7 × half a cent of the total.
    expect(sum(ov.map((u) => u.waarde)).minus(M(100)).abs().lessThanOrEqualTo(dec('0.035'))).toBe(true);
  });
  test('published values are never overwritten', () => {
    const zh = dataset.uitgaven.filter((u) => u.provincie === 'PV28' && u.jaar === 2019 && u.taak === 'natuurbeheer');
    expect(zh).toHaveLength(1);
    expect(zh[0]!.status).toBe('realisatie');
    expect(zh[0]!.waarde.equals(M('11.5'))).toBe(true);
    for (const original of data.uitgaven) expect(dataset.uitgaven).toContain(original);
  });
});

describe('province income', () => {
  const inc = dataset.inkomsten;
  test('national stream minus what provinces publish, shared by key over the others', () => {
    const pn = inc.filter((r) => r.jaar === 2022 && r.stroom === 'programma_natuur');
    expect(pn).toHaveLength(12);
    // 600 / 3 = 200 in 2022; PV22 published 20; the other 180 by key renormalised without PV22.
    // 11 estimated provinces, each rounded to cents: within 11 × half a cent of 200 mln.
    expect(sum(pn.map((r) => r.waarde)).minus(M(200)).abs().lessThanOrEqualTo(dec('0.055'))).toBe(true);
    const pv20 = pn.find((r) => r.provincie === 'PV20')!;
    const expected = cents(M(180).times(shareOf('PV20')).dividedBy(dec(1).minus(shareOf('PV22'))));
    expect(pv20.waarde.equals(expected)).toBe(true);
    expect(pn.find((r) => r.provincie === 'PV22')!.status).toBe('realisatie');
  });
  test('DU Natuur: the published stand, or the nearest year (later on a tie)', () => {
    const nl = (y: number) => sum(inc.filter((r) => r.jaar === y && r.stroom === 'natuurpact').map((r) => r.waarde));
    // 12 provinces, each rounded to cents: within 12 × half a cent.
    const near = (a: Decimal, b: Decimal) => a.minus(b).abs().lessThanOrEqualTo(dec('0.06'));
    expect(near(nl(2016), M(446))).toBe(true);
    expect(near(nl(2014), M(446))).toBe(true);
    expect(near(nl(2017), M(346))).toBe(true);
    expect(near(nl(2023), M(346))).toBe(true);
  });
});
