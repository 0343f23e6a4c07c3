/**
 * What every indexation rule returns for a year: the factor `f_t` (amount_t = amount_{t-1} × f_t),
 * its named parts, the inputs that produced it and a Dutch explanation.
 */
import type { Decimal } from '../decimal.js';
import type { SeriesInput, SeriesOptions } from './series.js';

export interface IndexFactor {
  readonly year: number;
  readonly factor: Decimal;
  /** Named components, as fractions (e.g. `volume`, `prijs`, `loon`). */
  readonly parts: Readonly<Record<string, Decimal>>;
  readonly inputs: readonly SeriesInput[];
  /** Dutch: how the factor was made, naming series, years, publications and values. */
  readonly explanation: string;
  /** bbp: the publication whose view of the figures fixed this year, or why none did (Dutch). */
  readonly vastgesteld?: string;
}

export type Mean = 'rekenkundig' | 'meetkundig';
/**
 * How the bbp rule picks the figures of a year (when no fixed `vintage` is given):
 * `cep-jaar-t` the figures as known at the CEP of year t (the accres of year t is fixed in the spring
 * of year t and not revisited); `laatste` the latest revision of every figure.
 */
export const FIXINGS = ['cep-jaar-t', 'laatste'] as const;
export type Fixing = (typeof FIXINGS)[number];
export type Combination = 'vermenigvuldigen' | 'optellen';

export interface IndexOptions extends SeriesOptions {
  /** bbp: arithmetic or geometric mean of the eight volume growth rates (default arithmetic). */
  readonly gemiddelde?: Mean;
  /** bbp: (1 + v)(1 + p) or 1 + v + p (default multiply). */
  readonly combinatie?: Combination;
  /** bbp: which publication fixes each year (default `cep-jaar-t`); a `vintage` overrides it. */
  readonly vaststelling?: Fixing;
  /** lpo and kostenindex: component weights as fractions, overriding the assumptions. */
  readonly gewichten?: Readonly<Record<string, Decimal>>;
  /** reeks: a user series of rates (`mutatie`) or index levels (`niveau`) by year. */
  readonly reeks?: UserSeries;
}

export interface UserSeries {
  readonly naam: string;
  readonly soort: 'mutatie' | 'niveau';
  readonly waarden: ReadonlyMap<number, Decimal>;
}
