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
 * Which figures (vaststelling): the accres of year t is fixed in the spring of year t on that year's
 * CEP and not revisited afterwards (Voorjaarsnota 2024 §4.7; no settlement on realised figures is
 * published). So by default (`cep-jaar-t`) every input of year t, the price of t and the volume years
 * t-9 .. t-2, is the figure as known at the CEP of year t (publication `cpb-cep<t>`, by the vintage
 * rule of `series.ts`). Where that CEP is not in the data (a future year, or a CEP not found), or it
 * knew no published figure for an input, the latest figure is used and the input says so.
 * `laatste` takes the latest revision of every figure; a fixed `vintage` takes one publication's view
 * for all years.
 *
 * Units: rates as fractions. Rounding: none; the arithmetic mean is exact, the geometric mean is the
 * 8th root computed to 40 significant digits. Throws a UserError naming the series and year when an
 * input is missing.
 *
 * @example
 *   bbpIndexation(2026, data) // { volume: 0.0135, price: ..., factor: ..., inputs: [...] }
 */
import { Decimal, ONE, sum } from '../decimal.js';
import type { IndexData, SeriesInput } from './series.js';
import { describeInput, knownAt, macroValue, publicationDate } from './series.js';
import type { IndexFactor, IndexOptions } from './types.js';

/** The publication that fixes the accres of year t: the CPB's Centraal Economisch Plan of year t. */
export const cepOf = (year: number) => `cpb-cep${year}`;

export const BBP_VOLUME_WINDOW = { from: 9, to: 2 } as const;

export interface BbpIndexation {
  readonly volume: Decimal;
  readonly price: Decimal;
  readonly factor: Decimal;
  readonly inputs: readonly SeriesInput[];
  /** Dutch: which publication fixed the year's figures. */
  readonly vastgesteld: string;
}

/** One input of year `year` by the fixing rule (see the module comment). */
function fixedInput(data: IndexData, reeks: string, jaar: number, year: number, options: IndexOptions): SeriesInput {
  if (options.vintage !== undefined || (options.vaststelling ?? 'cep-jaar-t') === 'laatste') return macroValue(data, reeks, jaar, options);
  const cep = cepOf(year);
  // Without the CEP of the year the whole year takes the latest figures; fixingText says so once.
  if (publicationDate(data, cep) === undefined) return macroValue(data, reeks, jaar, options);
  if (knownAt(data, reeks, jaar, cep)) return macroValue(data, reeks, jaar, { ...options, vintage: cep });
  const latest = macroValue(data, reeks, jaar, options);
  return { ...latest, toelichting: `bij CEP ${year} geen gepubliceerd cijfer in de gegevens, daarom het nieuwste${latest.toelichting ? `; ${latest.toelichting}` : ''}` };
}

/** The last year whose CEP is in the data. */
function lastCepYear(data: IndexData): number | undefined {
  const years = [...new Set(data.macro.map((m) => m.publicatie))].map((p) => /^cpb-cep(\d{4})$/.exec(p)?.[1]).filter((y): y is string => y !== undefined).map(Number);
  return years.length > 0 ? Math.max(...years) : undefined;
}

function fixingText(data: IndexData, year: number, options: IndexOptions): string {
  if (options.vintage !== undefined) return `vaste stand ${options.vintage}`;
  if (options.vaststelling === 'laatste') return 'laatste stand van elk cijfer';
  const date = publicationDate(data, cepOf(year));
  if (date !== undefined) return `CEP ${year} (${cepOf(year)}, ${date})`;
  const last = lastCepYear(data);
  return last !== undefined && year > last
    ? `nog niet vastgesteld (het laatste CEP in de gegevens is dat van ${last}): de nieuwste cijfers`
    : `CEP ${year} niet in de gegevens: de nieuwste cijfers`;
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
    volumeInputs.push(fixedInput(data, 'bbp_volume', y, year, options));
  }
  const priceInput = fixedInput(data, 'bbp_prijs', year, year, options);
  const volume = volumeMean(
    volumeInputs.map((i) => i.waarde),
    options.gemiddelde ?? 'rekenkundig',
  );
  const price = priceInput.waarde;
  return {
    volume,
    price,
    factor: combine(volume, price, options.combinatie ?? 'vermenigvuldigen'),
    inputs: [...volumeInputs, priceInput],
    vastgesteld: fixingText(data, year, options),
  };
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
    vastgesteld: r.vastgesteld,
    explanation:
      `vaststelling: ${r.vastgesteld}. volume = ${mean} gemiddelde van bbp_volume ${year - BBP_VOLUME_WINDOW.from}-${year - BBP_VOLUME_WINDOW.to}: ` +
      r.inputs.slice(0, 8).map((i) => describeInput(i)).join('; ') +
      `. prijs = ${describeInput(r.inputs[8]!)}. factor = ` +
      (how === 'vermenigvuldigen' ? '(1 + volume) × (1 + prijs)' : '1 + volume + prijs'),
  };
}
