/**
 * A parameter value as a scenario may give it: one value, dated values, or values per province.
 *
 *   one value        v                          v for every year and province
 *   dated values     {2026: a, 2028: b}         a in 2026-2027, b from 2028 on; before 2026 the default
 *   per province     {PV26: x, PV27: {...}, overig: y}
 *                                               x for Utrecht, the dated values for Noord-Holland, y for
 *                                               the other provinces (without `overig`: the default)
 *
 * So the value in year t for province p is
 *
 *   value(p, t) = dated(own_p, t) ?? default        own_p = perProvincie[p] ?? overig ?? v
 *   dated(v, t) = the value with the latest `vanaf` ≤ t (a single value applies to every year)
 *
 * The default is the value the parameter has without the scenario (from the data or the model).
 */
import type { Decimal } from './decimal.js';
import { PROVINCE_CODES, type ProvinceCode } from './provinces.js';

/** Values by the year from which they apply, sorted by year. */
export type DatedValues = readonly { readonly vanaf: number; readonly waarde: Decimal }[];

/** One value, or dated values. */
export type TimedValue = Decimal | DatedValues;

/** Values per province; provinces not named take `overig`, else the default. */
export interface PerProvince {
  readonly perProvincie: Readonly<Partial<Record<ProvinceCode, TimedValue>>>;
  readonly overig?: TimedValue;
}

export type ParameterInput = TimedValue | PerProvince;

/** The ways a parameter may vary; a parameter that allows neither takes one value only. */
export type Dimension = 'jaar' | 'provincie';

export const isDated = (v: ParameterInput): v is DatedValues => Array.isArray(v);
export const isPerProvince = (v: ParameterInput): v is PerProvince => typeof v === 'object' && v !== null && 'perProvincie' in v;

/** The dated value in force in a year: the one with the latest `vanaf` not after it. */
export function datedValue(values: DatedValues, year: number): { vanaf: number; waarde: Decimal } | undefined {
  let found: { vanaf: number; waarde: Decimal } | undefined;
  for (const v of values) if (v.vanaf <= year && (!found || v.vanaf > found.vanaf)) found = v;
  return found;
}

/** What applies to one province (for a value that is not given per province: the value itself). */
export function forProvince(input: ParameterInput, provincie: ProvinceCode): TimedValue | undefined {
  if (!isPerProvince(input)) return input;
  return input.perProvincie[provincie] ?? input.overig;
}

/**
 * The value in a year for a province, and whether it came from the scenario or the default.
 * `provincie` may be left out only for an input that is not given per province.
 */
export function valueAt(
  input: ParameterInput | undefined,
  fallback: Decimal,
  jaar: number,
  provincie?: ProvinceCode,
): { waarde: Decimal; opgegeven: boolean; vanaf?: number } {
  if (input === undefined) return { waarde: fallback, opgegeven: false };
  if (isPerProvince(input) && provincie === undefined) {
    throw new RangeError('a value given per province needs a province');
  }
  const own = provincie === undefined ? (input as TimedValue) : forProvince(input, provincie);
  if (own === undefined) return { waarde: fallback, opgegeven: false };
  if (!isDated(own)) return { waarde: own, opgegeven: true };
  const d = datedValue(own, jaar);
  return d ? { waarde: d.waarde, opgegeven: true, vanaf: d.vanaf } : { waarde: fallback, opgegeven: false };
}

/** The dimensions an input uses (to check them against what the parameter allows). */
export function dimensionsOf(input: ParameterInput): Dimension[] {
  const timed = isPerProvince(input) ? [...Object.values(input.perProvincie), ...(input.overig !== undefined ? [input.overig] : [])] : [input];
  const out: Dimension[] = [];
  if (timed.some((t) => t !== undefined && isDated(t))) out.push('jaar');
  if (isPerProvince(input)) out.push('provincie');
  return out;
}

/** Every value an input holds (one, each dated one, each province's), to check them against the parameter's bounds. */
export function inputValues(input: ParameterInput): Decimal[] {
  const timed = isPerProvince(input) ? [...Object.values(input.perProvincie), ...(input.overig !== undefined ? [input.overig] : [])] : [input];
  return timed.flatMap((t) => (t === undefined ? [] : isDated(t) ? t.map((d) => d.waarde) : [t]));
}

/** A stable text for a timed value (to group provinces that take the same values). */
function timedKey(v: TimedValue | undefined): string {
  if (v === undefined) return '-';
  return isDated(v) ? v.map((d) => `${d.vanaf}:${d.waarde.toString()}`).join(',') : v.toString();
}

/**
 * Provinces grouped by the values they take for a set of inputs: provinces in one group see the same
 * value of every parameter in every year. Without per-province inputs this is one group of twelve.
 */
export function provinceGroups(inputs: Readonly<Record<string, ParameterInput>>): ProvinceCode[][] {
  const names = Object.keys(inputs).sort();
  const groups = new Map<string, ProvinceCode[]>();
  for (const p of PROVINCE_CODES) {
    const key = names.map((n) => `${n}=${timedKey(forProvince(inputs[n]!, p))}`).join(';');
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.values()];
}

/** The input as one province sees it: no longer per province. */
export function inputsForProvince(inputs: Readonly<Record<string, ParameterInput>>, provincie: ProvinceCode): Record<string, TimedValue> {
  const out: Record<string, TimedValue> = {};
  for (const [name, input] of Object.entries(inputs)) {
    const own = forProvince(input, provincie);
    if (own !== undefined) out[name] = own;
  }
  return out;
}

/**
 * The value of an assumption row in a year: its dated values (`verloop`, set by a scenario) where
 * one is in force, else its single value.
 */
export function assumptionAt(row: { readonly waarde: Decimal; readonly verloop?: DatedValues }, jaar: number): { waarde: Decimal; vanaf?: number } {
  const d = row.verloop ? datedValue(row.verloop, jaar) : undefined;
  return d ?? { waarde: row.waarde };
}

/**
 * Dutch, one line: the values of an input as the model reads them, each written by `show`.
 * The default is named where it still applies: before the first date (from `vanafJaar`, the first
 * year the value matters), and for provinces the input leaves open.
 */
export function describeInput(input: ParameterInput, fallback: Decimal, show: (d: Decimal) => string = (d) => d.toString(), vanafJaar?: number): string {
  const timed = (v: TimedValue) => {
    if (!isDated(v)) return show(v);
    const dates = v.map((d) => `vanaf ${d.vanaf}: ${show(d.waarde)}`).join(', ');
    return vanafJaar !== undefined && v[0]!.vanaf <= vanafJaar ? dates : `vóór ${v[0]!.vanaf}: ${show(fallback)}, ${dates}`;
  };
  if (!isPerProvince(input)) return timed(input);
  const grouped = (v: TimedValue) => (isDated(v) ? `(${timed(v)})` : timed(v));
  const own = Object.entries(input.perProvincie).map(([p, v]) => `${p}: ${grouped(v!)}`);
  return [...own, `overige provincies: ${input.overig !== undefined ? grouped(input.overig) : show(fallback)}`].join('; ');
}
