/**
 * Units that data files may state, and their conversion to the engine's base unit.
 *
 * Conversion happens once, when a file is loaded: `base = value × factor`. The engine only ever
 * sees base units: euros for money, hectares for area, fractions (0.0125 = 1.25%) for rates and
 * shares. No rounding is applied by a conversion.
 *
 * | unit in a file | dimension | base unit | factor |
 * |---|---|---|---|
 * | EUR, EUR 1.000, EUR mln, EUR mld | geld | EUR | 1, 1e3, 1e6, 1e9 |
 * | %, fractie | fractie | fractie | 0.01, 1 |
 * | ha, km2 | oppervlakte | ha | 1, 100 |
 * | EUR/ha | prijs_per_ha | EUR/ha | 1 |
 * | aantal | aantal | aantal | 1 |
 * | index | index | index | 1 |
 * | jaar (a calendar year, e.g. a start year) | jaar | jaar | 1 |
 *
 * A data file may declare another base unit of the same dimension for a code (the land area of a
 * province is kept in km2, see `files.ts`): {@link convertUnit} then converts to it, exactly (a value
 * in ha becomes km2 ÷ 100). Units of different dimensions never convert: a fraction given in `EUR`
 * is an error, not 1200%.
 */
import { dec, type Decimal } from './decimal.js';
import { UserError } from './errors.js';

export type Dimension = 'geld' | 'fractie' | 'oppervlakte' | 'prijs_per_ha' | 'aantal' | 'index' | 'jaar';

export interface UnitInfo {
  /** The unit as written in a file. */
  readonly unit: string;
  /** The base unit the engine uses (for this unit's dimension). */
  readonly base: string;
  readonly factor: Decimal;
  readonly dimension: Dimension;
  /** Whether a negative value can mean anything (a mutation or a growth rate can be negative). */
  readonly signed: boolean;
  /** Whether only values above 0 mean anything (a price per hectare or an index level is divided by). */
  readonly positive?: boolean;
}

const table: UnitInfo[] = [
  { unit: 'EUR', base: 'EUR', factor: dec(1), dimension: 'geld', signed: true },
  { unit: 'EUR 1.000', base: 'EUR', factor: dec(1000), dimension: 'geld', signed: true },
  { unit: 'EUR mln', base: 'EUR', factor: dec(1_000_000), dimension: 'geld', signed: true },
  { unit: 'EUR mld', base: 'EUR', factor: dec(1_000_000_000), dimension: 'geld', signed: true },
  { unit: '%', base: 'fractie', factor: dec('0.01'), dimension: 'fractie', signed: true },
  { unit: 'fractie', base: 'fractie', factor: dec(1), dimension: 'fractie', signed: true },
  { unit: 'ha', base: 'ha', factor: dec(1), dimension: 'oppervlakte', signed: false },
  { unit: 'km2', base: 'ha', factor: dec(100), dimension: 'oppervlakte', signed: false },
  { unit: 'EUR/ha', base: 'EUR/ha', factor: dec(1), dimension: 'prijs_per_ha', signed: false, positive: true },
  { unit: 'aantal', base: 'aantal', factor: dec(1), dimension: 'aantal', signed: false },
  { unit: 'index', base: 'index', factor: dec(1), dimension: 'index', signed: false, positive: true },
  { unit: 'jaar', base: 'jaar', factor: dec(1), dimension: 'jaar', signed: false },
];

export const UNITS: ReadonlyMap<string, UnitInfo> = new Map(table.map((u) => [u.unit, u]));
export const UNIT_NAMES: readonly string[] = table.map((u) => u.unit);

export function unitInfo(unit: string): UnitInfo | undefined {
  return UNITS.get(unit);
}

/** Converts a value in `unit` to the base unit. Throws a UserError on an unknown unit (loaders check first). */
export function toBaseUnit(value: Decimal, unit: string): Decimal {
  const info = UNITS.get(unit);
  if (!info) throw new UserError({ message: `onbekende eenheid '${String(unit)}'; bekend: ${UNIT_NAMES.join(', ')}` });
  return value.times(info.factor);
}

/**
 * Converts a value in `unit` to `target`, a unit of the same dimension (usually its base unit);
 * `undefined` when the two are of different dimensions or either is unknown.
 *
 * @example
 *   convertUnit(dec(530), 'km2', 'ha') // 53000
 *   convertUnit(dec(12), 'EUR', 'fractie') // undefined
 */
export function convertUnit(value: Decimal, unit: string, target: string): Decimal | undefined {
  const from = UNITS.get(unit);
  const to = UNITS.get(target);
  if (!from || !to || from.dimension !== to.dimension) return undefined;
  const base = value.times(from.factor);
  return to.factor.equals(1) ? base : base.dividedBy(to.factor);
}

/** The units a file may use for a value of the given base unit (same dimension). */
export function unitsLike(target: string): string[] {
  const to = UNITS.get(target);
  return to ? table.filter((u) => u.dimension === to.dimension).map((u) => u.unit) : [];
}
