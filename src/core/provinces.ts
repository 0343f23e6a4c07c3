/**
 * The twelve Dutch provinces by their CBS code (PV20..PV31), plus `NL` for the national total.
 * Order is the CBS order, which is also the order of every table the tool prints.
 */
export const PROVINCES = [
  { code: 'PV20', naam: 'Groningen' },
  { code: 'PV21', naam: 'Fryslân' },
  { code: 'PV22', naam: 'Drenthe' },
  { code: 'PV23', naam: 'Overijssel' },
  { code: 'PV24', naam: 'Flevoland' },
  { code: 'PV25', naam: 'Gelderland' },
  { code: 'PV26', naam: 'Utrecht' },
  { code: 'PV27', naam: 'Noord-Holland' },
  { code: 'PV28', naam: 'Zuid-Holland' },
  { code: 'PV29', naam: 'Zeeland' },
  { code: 'PV30', naam: 'Noord-Brabant' },
  { code: 'PV31', naam: 'Limburg' },
] as const;

export type ProvinceCode = (typeof PROVINCES)[number]['code'];
/** A province or the national total. */
export type RegionCode = ProvinceCode | 'NL';

export const PROVINCE_CODES: readonly ProvinceCode[] = PROVINCES.map((p) => p.code);
export const REGION_CODES: readonly RegionCode[] = [...PROVINCE_CODES, 'NL'];

export function isProvinceCode(code: string): code is ProvinceCode {
  return (PROVINCE_CODES as readonly string[]).includes(code);
}

export function isRegionCode(code: string): code is RegionCode {
  return code === 'NL' || isProvinceCode(code);
}

/** Dutch name of a province code, `Nederland` for NL. */
export function provinceName(code: RegionCode): string {
  if (code === 'NL') return 'Nederland';
  const found = PROVINCES.find((p) => p.code === code);
  if (!found) throw new RangeError(`onbekende provinciecode ${code}`);
  return found.naam;
}
