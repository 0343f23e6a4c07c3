/**
 * The bbp-systematiek: the Provinciefonds grows with GDP (Voorjaarsnota 2023, brought forward to
 * 2024 for the Provinciefonds in Voorjaarsnota 2024; rule stated in Voorjaarsnota 2024, Bijlage 7).
 *
 *   v_t = mean of bbp_volume over the years t-9 .. t-2 (8 values)
 *         rekenkundig: v_t = (g_{t-9} + ... + g_{t-2}) / 8
 *         meetkundig:  v_t = ((1 + g_{t-9}) × ... × (1 + g_{t-2}))^(1/8) - 1
 *   p_t = bbp_prijs of year t (the GDP deflator as forecast when the accres of year t is fixed)
 *   f_t = (1 + v_t) × (1 + p_t)      (vermenigvuldigen, default)
 *   f_t = 1 + v_t + p_t              (optellen)
 *
 * Units: rates as fractions. Rounding: none; the arithmetic mean is exact, the geometric mean is the
 * 8th root computed to 40 significant digits. Which publication supplies each year: see `series.ts`.
 * Throws a UserError naming the series and year when an input is missing.
 *
 * @example
 *   bbpIndexation(2026, data) // { volume: 0.0135, price: ..., factor: ..., inputs: [...] }
 */
import { Decimal, ONE, sum } from '../decimal.js';
import type { IndexData, SeriesInput } from './series.js';
import { describeInput, macroValue } from './series.js';
import type { IndexFactor, IndexOptions } from './types.js';

export const BBP_VOLUME_WINDOW = { from: 9, to: 2 } as const;

export interface BbpIndexation {
  readonly volume: Decimal;
  readonly price: Decimal;
  readonly factor: Decimal;
  readonly inputs: readonly SeriesInput[];
}

/** The volume part: mean of growth rates (fractions). */
export function volumeMean(rates: readonly Decimal[], mean: 'rekenkundig' | 'meetkundig'): Decimal {
  if (mean === 'rekenkundig') return sum(rates).dividedBy(rates.length);
  const product = rates.reduce((acc, g) => acc.times(ONE.plus(g)), ONE);
  return product.pow(new Decimal(1).dividedBy(rates.length)).minus(ONE);
}

/** Combines volume and price parts into a factor. */
export function combine(volume: Decimal, price: Decimal, how: 'vermenigvuldigen' | 'optellen'): Decimal {
  return how === 'vermenigvuldigen' ? ONE.plus(volume).times(ONE.plus(price)) : ONE.plus(volume).plus(price);
}

export function bbpIndexation(year: number, data: IndexData, options: IndexOptions = {}): BbpIndexation {
  const volumeInputs: SeriesInput[] = [];
  for (let y = year - BBP_VOLUME_WINDOW.from; y <= year - BBP_VOLUME_WINDOW.to; y++) {
    volumeInputs.push(macroValue(data, 'bbp_volume', y, options));
  }
  const priceInput = macroValue(data, 'bbp_prijs', year, options);
  const volume = volumeMean(
    volumeInputs.map((i) => i.waarde),
    options.gemiddelde ?? 'rekenkundig',
  );
  const price = priceInput.waarde;
  return { volume, price, factor: combine(volume, price, options.combinatie ?? 'vermenigvuldigen'), inputs: [...volumeInputs, priceInput] };
}

export function bbpFactor(year: number, data: IndexData, options: IndexOptions = {}): IndexFactor {
  const r = bbpIndexation(year, data, options);
  const mean = options.gemiddelde ?? 'rekenkundig';
  const how = options.combinatie ?? 'vermenigvuldigen';
  return {
    year,
    factor: r.factor,
    parts: { volume: r.volume, prijs: r.price },
    inputs: r.inputs,
    explanation:
      `volume = ${mean} gemiddelde van bbp_volume ${year - BBP_VOLUME_WINDOW.from}-${year - BBP_VOLUME_WINDOW.to}: ` +
      r.inputs.slice(0, 8).map((i) => describeInput(i)).join('; ') +
      `. prijs = ${describeInput(r.inputs[8]!)}. factor = ` +
      (how === 'vermenigvuldigen' ? '(1 + volume) × (1 + prijs)' : '1 + volume + prijs'),
  };
}
