/**
 * Vintage selection and projection (series.ts), lpo, kostenindex and the simple rules, on hand-made
 * data; each expected value is worked out in the test.
 */
import { describe, expect, test } from 'vitest';
import { dec } from '../src/core/decimal.js';
import { UserError } from '../src/core/errors.js';
import { indexFactor } from '../src/core/indexation/index.js';
import { kostenindexFactor, landPriceRate, natureWageRate } from '../src/core/indexation/kostenindex.js';
import { macroValue } from '../src/core/indexation/series.js';
import { assumption, dataset, driver, macro } from './helpers/facts.js';

describe('vintage rule', () => {
  const data = dataset({
    macro: [
      macro('cpi', 2020, '1.0', 'cep2020', '2020-03', 'raming'),
      macro('cpi', 2020, '1.3', 'cbs2021', '2021-06', 'realisatie'),
      macro('cpi', 2021, '1.5', 'cep2020', '2020-03', 'raming'),
      macro('cpi', 2021, '2.7', 'cbs2022', '2022-06', 'realisatie'),
      macro('cpi', 2022, '10', 'stand-in', '2023-01', 'aanname'),
      macro('cpi', 2022, '9.9', 'cbs2023', '2022-12', 'realisatie'),
    ],
    aannames: [assumption('projectie.cpi', '2', '%')],
  });
  test('default: the latest publication that has the year', () => {
    expect(macroValue(data, 'cpi', 2020).publicatie).toBe('cbs2021');
    expect(macroValue(data, 'cpi', 2021).waarde.equals(dec('0.027'))).toBe(true);
  });
  test('a stand-in row (status aanname) only where nothing published has the year', () => {
    expect(macroValue(data, 'cpi', 2022).publicatie).toBe('cbs2023');
    const noCbs = dataset({ ...data, macro: data.macro.filter((m) => m.publicatie !== 'cbs2023') });
    expect(macroValue(noCbs, 'cpi', 2022).publicatie).toBe('stand-in');
  });
  test('a vintage: its own values, else what had appeared by its date; later years projected and labelled', () => {
    expect(macroValue(data, 'cpi', 2021, { vintage: 'cep2020' }).waarde.equals(dec('0.015'))).toBe(true);
    expect(macroValue(data, 'cpi', 2020, { vintage: 'cbs2021' }).publicatie).toBe('cbs2021');
    // cbs2021 appeared 2021-06; for 2021 the latest by then is cep2020 (1.5).
    expect(macroValue(data, 'cpi', 2021, { vintage: 'cbs2021' }).publicatie).toBe('cep2020');
    const projected = macroValue(data, 'cpi', 2022, { vintage: 'cep2020' });
    expect(projected.status).toBe('aanname');
    expect(projected.waarde.equals(dec('0.02'))).toBe(true);
    expect(projected.toelichting).toContain('na het laatste gepubliceerde jaar 2021');
  });
  test('after the last published year: a user value beats the assumption file', () => {
    expect(macroValue(data, 'cpi', 2025).waarde.equals(dec('0.02'))).toBe(true);
    expect(macroValue(data, 'cpi', 2025, { projectie: { cpi: dec('0.031') } }).waarde.equals(dec('0.031'))).toBe(true);
  });
  test('errors: unknown vintage with a suggestion, a year before the series, no projection assumption', () => {
    expect(() => macroValue(data, 'cpi', 2020, { vintage: 'cep2002' })).toThrow(/onbekende publicatie \(vintage\) 'cep2002'; bedoelt u 'cep2020'\?/);
    expect(() => macroValue(data, 'cpi', 2015)).toThrow(/cpi 2015 ontbreekt in macro\.csv; de reeks begint in 2020/);
    const bare = dataset({ macro: data.macro });
    expect(() => macroValue(bare, 'cpi', 2030)).toThrow(/cpi 2030 ontbreekt .* voeg 'projectie\.cpi' toe aan aannames\.csv/);
    expect(() => macroValue(data, 'cpj', 2020)).toThrow(UserError);
  });
});

describe('kostenindex', () => {
  const data = dataset({
    macro: [macro('cpi', 2023, '3.8'), macro('contractloon', 2021, '1.7')],
    kostendrivers: [
      driver('cao_bos_natuur.jan', 2023, '2.25'),
      driver('cao_bos_natuur.jul_min', 2023, '4.3'),
      driver('cao_bos_natuur.jul_max', 2023, '7'),
      driver('grondprijs_landbouw', 2022, '73400', 'EUR/ha'),
      driver('grondprijs_landbouw', 2023, '78800', 'EUR/ha'),
    ],
    aannames: [
      assumption('kostenindex.gewicht_loon', '0.5'),
      assumption('kostenindex.gewicht_prijs', '0.4'),
      assumption('kostenindex.gewicht_grond', '0.1'),
      assumption('projectie.grondprijs', '4.4', '%'),
    ],
  });
  test('CAO rises of a year compound; a range counts at its midpoint', () => {
    // (1.0225)(1 + (0.043 + 0.07) / 2) - 1 = 1.0225 × 1.0565 - 1 = 0.08027125
    expect(natureWageRate(data, 2023, {}).rate.equals(dec('0.08027125'))).toBe(true);
  });
  test('a year without CAO figures uses the contract wage, and says so', () => {
    const r = natureWageRate(data, 2021, {});
    expect(r.rate.equals(dec('0.017'))).toBe(true);
    expect(r.inputs[0]!.toelichting).toContain('contractloon gebruikt');
  });
  test('land price change is P_t / P_{t-1} - 1; after the data the projection', () => {
    // 78800 / 73400 - 1
    expect(landPriceRate(data, 2023, {}).rate.equals(dec(78800).dividedBy(73400).minus(1))).toBe(true);
    expect(landPriceRate(data, 2024, {}).rate.equals(dec('0.044'))).toBe(true);
    expect(() => landPriceRate(data, 2022, {})).toThrow(/grondprijs_landbouw \(NL\) ontbreekt voor 2021/);
  });
  test('factor = 1 + 0.5 × loon + 0.4 × prijs + 0.1 × grond', () => {
    const f = kostenindexFactor(2023, data);
    const grond = dec(78800).dividedBy(73400).minus(1);
    const expected = dec(1).plus(dec('0.5').times('0.08027125')).plus(dec('0.4').times('0.038')).plus(dec('0.1').times(grond));
    expect(f.factor.equals(expected)).toBe(true);
  });
  test('weights that do not sum to 1 are an error', () => {
    expect(() => kostenindexFactor(2023, data, { gewichten: { loon: dec('0.6') } })).toThrow(/tellen op tot 1\.1, verwacht 1/);
  });
});

describe('lpo, cpi, nominaal, reeks', () => {
  const data = dataset({
    macro: [macro('contractloon', 2022, '1.8'), macro('cpi', 2022, '10')],
    aannames: [assumption('lpo.gewicht_loon', '0.5'), assumption('lpo.gewicht_prijs', '0.5')],
  });
  test('lpo: 1 + 0.5 × 1.8% + 0.5 × 10% = 1.059', () => {
    expect(indexFactor('lpo', 2022, data).factor.equals(dec('1.059'))).toBe(true);
  });
  test('cpi: 1 + 10% = 1.1; nominaal: 1', () => {
    expect(indexFactor('cpi', 2022, data).factor.equals(dec('1.1'))).toBe(true);
    expect(indexFactor('nominaal', 2022, data).factor.equals(dec(1))).toBe(true);
  });
  test('reeks: rates or levels', () => {
    const rates = { naam: 'eigen', soort: 'mutatie' as const, waarden: new Map([[2025, dec('0.03')]]) };
    expect(indexFactor('reeks', 2025, data, { reeks: rates }).factor.equals(dec('1.03'))).toBe(true);
    const levels = { naam: 'eigen', soort: 'niveau' as const, waarden: new Map([[2024, dec(200)], [2025, dec(210)]]) };
    expect(indexFactor('reeks', 2025, data, { reeks: levels }).factor.equals(dec('1.05'))).toBe(true);
    expect(() => indexFactor('reeks', 2024, data, { reeks: levels })).toThrow(/geen waarde voor 2023/);
  });
});
