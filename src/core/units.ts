/**
 * Units that data files may state, and their conversion to the engine's base unit.
 *
 * Conversion happens once, when a file is loaded: `base = value × factor`. The engine only ever
 * sees base units: euros for money, hectares for area, fractions (0.0125 = 1.25%) for rates and
 * shares. No rounding is applied by a conversion.
 *
 * | unit in a file | base unit | factor |
 * |---|---|---|
 * | EUR, EUR 1.000, EUR mln, EUR mld | EUR | 1, 1e3, 1e6, 1e9 |
 * | % | fractie | 0.01 |
 * | fractie | fractie | 1 |
 * | ha, km2 | ha, km2 | 1 |
 * | EUR/ha | EUR/ha | 1 |
 * | aantal | aantal | 1 |
 * | index | index | 1 |
 * | jaar (a calendar year, e.g. a start year) | jaar | 1 |
 */
import { dec, type Decimal } from './decimal.js';

export type Dimension = 'geld' | 'fractie' | 'oppervlakte' | 'prijs_per_ha' | 'aantal' | 'index';

export interface UnitInfo {
  /** The unit as written in a file. */
  readonly unit: string;
  /** The base unit the engine uses. */
  readonly base: string;
  readonly factor: Decimal;
  readonly dimension: Dimension;
  /** Whether a negative value can mean anything (a mutation or a growth rate can be negative). */
  readonly signed: boolean;
}

const table: UnitInfo[] = [
  { unit: 'EUR', base: 'EUR', factor: dec(1), dimension: 'geld', signed: true },
  { unit: 'EUR 1.000', base: 'EUR', factor: dec(1000), dimension: 'geld', signed: true },
  { unit: 'EUR mln', base: 'EUR', factor: dec(1_000_000), dimension: 'geld', signed: true },
  { unit: 'EUR mld', base: 'EUR', factor: dec(1_000_000_000), dimension: 'geld', signed: true },
  { unit: '%', base: 'fractie', factor: dec('0.01'), dimension: 'fractie', signed: true },
  { unit: 'fractie', base: 'fractie', factor: dec(1), dimension: 'fractie', signed: true },
  { unit: 'ha', base: 'ha', factor: dec(1), dimension: 'oppervlakte', signed: false },
  { unit: 'km2', base: 'km2', factor: dec(1), dimension: 'oppervlakte', signed: false },
  { unit: 'EUR/ha', base: 'EUR/ha', factor: dec(1), dimension: 'prijs_per_ha', signed: false },
  { unit: 'aantal', base: 'aantal', factor: dec(1), dimension: 'aantal', signed: false },
  { unit: 'index', base: 'index', factor: dec(1), dimension: 'index', signed: false },
  { unit: 'jaar', base: 'jaar', factor: dec(1), dimension: 'aantal', signed: false },
];

export const UNITS: ReadonlyMap<string, UnitInfo> = new Map(table.map((u) => [u.unit, u]));
export const UNIT_NAMES: readonly string[] = table.map((u) => u.unit);

export function unitInfo(unit: string): UnitInfo | undefined {
  return UNITS.get(unit);
}

/** Converts a value in `unit` to the base unit. Throws on an unknown unit (loaders check first). */
export function toBaseUnit(value: Decimal, unit: string): Decimal {
  const info = UNITS.get(unit);
  if (!info) throw new RangeError(`onbekende eenheid '${unit}'`);
  return value.times(info.factor);
}
