/**
 * The bbp-systematiek (src/core/indexation/bbp.ts): hand-computed cases with the arithmetic in the
 * test, and properties over many random inputs.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Decimal, dec, ONE } from '../src/core/decimal.js';
import { bbpIndexation, combine, volumeMean } from '../src/core/indexation/bbp.js';
import { cumulativeIndex, indexFactors } from '../src/core/indexation/index.js';
import { dataset, macro } from './helpers/facts.js';

/** GDP volume growth 2015-2022 and deflator 2024, percent; made-up numbers for the arithmetic. */
const growth: Record<number, string> = { 2015: '2.1', 2016: '2.4', 2017: '2.8', 2018: '2.3', 2019: '2.3', 2020: '-3.9', 2021: '6.3', 2022: '5' };
const data = dataset({
  macro: [...Object.entries(growth).map(([y, g]) => macro('bbp_volume', Number(y), g)), macro('bbp_prijs', 2024, '3.3')],
});

describe('bbp-systematiek, by hand', () => {
  test('arithmetic mean of t-9..t-2 and multiplication', () => {
    const r = bbpIndexation(2024, data);
    // (2.1 + 2.4 + 2.8 + 2.3 + 2.3 - 3.9 + 6.3 + 5) / 8 = 19.3 / 8 = 2.4125%
    expect(r.volume.equals(dec('0.024125'))).toBe(true);
    expect(r.price.equals(dec('0.033'))).toBe(true);
    // (1.024125)(1.033) = 1.057921125
    expect(r.factor.equals(dec('1.057921125'))).toBe(true);
    expect(r.inputs.map((i) => i.jaar)).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2024]);
  });
  test('addition: f = 1 + v + p', () => {
    const r = bbpIndexation(2024, data, { combinatie: 'optellen' });
    // 1 + 0.024125 + 0.033 = 1.057125
    expect(r.factor.equals(dec('1.057125'))).toBe(true);
  });
  test('geometric mean: 8th root of the product of (1 + g)', () => {
    const r = bbpIndexation(2024, data, { gemiddelde: 'meetkundig' });
    const product = Object.values(growth).reduce((acc, g) => acc.times(dec(1).plus(dec(g).dividedBy(100))), dec(1));
    // r.volume + 1, raised to the 8th power, gives the product back (to 30 digits).
    expect(r.volume.plus(1).pow(8).minus(product).abs().lessThan(dec('1e-30'))).toBe(true);
    expect(r.volume.lessThan(dec('0.024125'))).toBe(true);
  });
  test('a missing input year is an error naming series and year', () => {
    const gap = dataset({ macro: data.macro.filter((m) => !(m.reeks === 'bbp_volume' && m.jaar === 2018)) });
    expect(() => bbpIndexation(2024, gap)).toThrow(/bbp_volume 2018 ontbreekt in macro\.csv/);
  });
  test('a missing series is an error naming it', () => {
    const noPrice = dataset({ macro: data.macro.filter((m) => m.reeks !== 'bbp_prijs') });
    expect(() => bbpIndexation(2024, noPrice)).toThrow(/reeks 'bbp_prijs' staat niet in macro\.csv/);
  });
});

const rate = fc.integer({ min: -800, max: 1500 }).map((n) => dec(n).dividedBy(10_000)); // -8% .. 15%, 0.01% steps
const rates8 = fc.array(rate, { minLength: 8, maxLength: 8 });

function seriesData(volume: readonly Decimal[], price: Decimal, year = 2030) {
  return dataset({
    macro: [
      ...volume.map((g, i) => macro('bbp_volume', year - 9 + i, g.times(100))),
      macro('bbp_prijs', year, price.times(100)),
    ],
  });
}

describe('bbp-systematiek, properties', () => {
  test('constant growth g in every year gives v = g, for both means', () => {
    fc.assert(
      fc.property(rate, rate, (g, p) => {
        const d = seriesData(Array(8).fill(g), p);
        expect(bbpIndexation(2030, d).volume.equals(g)).toBe(true);
        expect(bbpIndexation(2030, d, { gemiddelde: 'meetkundig' }).volume.minus(g).abs().lessThan(dec('1e-35'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
  test('a zero deflator gives f = 1 + v', () => {
    fc.assert(
      fc.property(rates8, (v) => {
        const r = bbpIndexation(2030, seriesData(v, dec(0)));
        expect(r.factor.equals(ONE.plus(r.volume))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
  test('multiplicative minus additive equals v × p exactly', () => {
    fc.assert(
      fc.property(rates8, rate, (v, p) => {
        const d = seriesData(v, p);
        const m = bbpIndexation(2030, d).factor;
        const a = bbpIndexation(2030, d, { combinatie: 'optellen' });
        expect(m.minus(a.factor).equals(a.volume.times(a.price))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
  test('the geometric mean never exceeds the arithmetic one', () => {
    fc.assert(
      fc.property(rates8, (v) => {
        expect(volumeMean(v, 'meetkundig').lessThanOrEqualTo(volumeMean(v, 'rekenkundig').plus(dec('1e-35')))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
  test('changing a growth rate outside t-9..t-2 does not change v_t', () => {
    fc.assert(
      fc.property(rates8, rate, rate, rate, fc.constantFrom(2020, 2029, 2031), (v, p, other, other2, outside) => {
        const d = seriesData(v, p);
        const changed = dataset({ macro: [...d.macro, macro('bbp_volume', outside, other.times(100)), macro('bbp_volume', 2019, other2.times(100))] });
        expect(bbpIndexation(2030, changed).volume.equals(bbpIndexation(2030, d).volume)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
  test('combine: the two combinations differ by exactly v × p', () => {
    fc.assert(
      fc.property(rate, rate, (v, p) => {
        expect(combine(v, p, 'vermenigvuldigen').minus(combine(v, p, 'optellen')).equals(v.times(p))).toBe(true);
      }),
    );
  });
});

describe('chained factors', () => {
  test('the index over a→b→c equals the index a→b times the index b→c', () => {
    const years = Array.from({ length: 12 }, (_, i) => 2011 + i); // 2011..2022
    fc.assert(
      fc.property(fc.array(rate, { minLength: 12, maxLength: 12 }), fc.array(rate, { minLength: 3, maxLength: 3 }), (g, p) => {
        const d = dataset({
          macro: [...years.map((y, i) => macro('bbp_volume', y, g[i]!.times(100))), ...[2021, 2022, 2023].map((y, i) => macro('bbp_prijs', y, p[i]!.times(100)))],
        });
        const a = 2020;
        const b = 2021;
        const c = 2023;
        const whole = cumulativeIndex(indexFactors('bbp', { van: a + 1, tot: c }, d), a, ONE).at(-1)!.index;
        const ab = cumulativeIndex(indexFactors('bbp', { van: a + 1, tot: b }, d), a, ONE).at(-1)!.index;
        const bc = cumulativeIndex(indexFactors('bbp', { van: b + 1, tot: c }, d), b, ONE).at(-1)!.index;
        expect(whole.equals(ab.times(bc))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('vaststelling: which figures fix a year', () => {
  // Volume 2015-2023 published 2020 ('p'); the CEP 2024 has the price of 2024 (3.0%); a September
  // publication raises it to 3.5% and a 2025 revision raises the 2015 growth from 2.1% to 2.5%.
  const fixing = dataset({
    macro: [
      ...Object.entries({ ...growth, 2023: '0.1', 2024: '1' }).map(([y, g]) => macro('bbp_volume', Number(y), g)),
      macro('bbp_prijs', 2024, '3.0', 'cpb-cep2024', '2024-02-22', 'raming'),
      macro('bbp_prijs', 2024, '3.5', 'mev', '2024-09', 'raming'),
      macro('bbp_volume', 2015, '2.5', 'revisie', '2025-06'),
      macro('bbp_volume', 2025, '1.9', 'cpb-cep2025', '2025-02-26', 'raming'),
      macro('bbp_prijs', 2025, '2.7', 'mev', '2024-09', 'raming'),
      macro('bbp_prijs', 2025, '2.2', 'later', '2025-09', 'raming'),
      macro('bbp_prijs', 2026, '2.5', 'later', '2025-09', 'raming'),
    ],
  });
  const price = (y: number, o = {}) => bbpIndexation(y, fixing, o).price;
  const first = (y: number, o = {}) => bbpIndexation(y, fixing, o).inputs[0]!;

  test('cep-jaar-t (default): every input as known at the CEP of the year', () => {
    expect(price(2024).equals(dec('0.03'))).toBe(true);
    expect(first(2024).waarde.equals(dec('0.021'))).toBe(true);
    expect(bbpIndexation(2024, fixing).vastgesteld).toBe('CEP 2024 (cpb-cep2024, 2024-02-22)');
    // CEP 2025 knew the September 2024 price (2.7%), not the later 2.2%.
    expect(price(2025).equals(dec('0.027'))).toBe(true);
  });
  test('laatste: the latest revision of every figure; a fixed vintage: that publication for all years', () => {
    expect(price(2024, { vaststelling: 'laatste' }).equals(dec('0.035'))).toBe(true);
    expect(first(2024, { vaststelling: 'laatste' }).waarde.equals(dec('0.025'))).toBe(true);
    expect(price(2025, { vaststelling: 'laatste' }).equals(dec('0.022'))).toBe(true);
    expect(price(2024, { vintage: 'mev' }).equals(dec('0.035'))).toBe(true);
  });
  test('a CEP that knew no figure for an input, or a year without its CEP in the data: the latest figure, and the input or the year says so', () => {
    const d = dataset({ macro: fixing.macro.filter((m) => !(m.reeks === 'bbp_prijs' && m.publicatie === 'mev' && m.jaar === 2025)) });
    const p25 = bbpIndexation(2025, d).inputs[8]!;
    expect(p25.waarde.equals(dec('0.022'))).toBe(true);
    expect(p25.toelichting).toContain('bij CEP 2025 geen gepubliceerd cijfer in de gegevens, daarom het nieuwste');
    expect(bbpIndexation(2026, fixing).vastgesteld).toBe('nog niet vastgesteld (het laatste CEP in de gegevens is dat van 2025): de nieuwste cijfers');
    expect(price(2026).equals(dec('0.025'))).toBe(true);
  });
});
