/**
 * The Provinciefonds ledger (src/core/provinciefonds.ts) on hand-made data, and the published
 * Voorjaarsnota 2024 accres table arithmetic on the shipped data.
 */
import { describe, expect, test } from 'vitest';
import { dec, sum } from '../src/core/decimal.js';
import { provinciefondsLedger } from '../src/core/provinciefonds.js';
import { loadDataset } from '../src/io/read-dir.js';
import { assumption, dataset, fund, macro } from './helpers/facts.js';

const M = (x: string | number) => dec(x).times(1e6);
const growth: Record<number, string> = { 2015: '2.1', 2016: '2.4', 2017: '2.8', 2018: '2.3', 2019: '2.3', 2020: '-3.9', 2021: '6.3', 2022: '5' };
const data = dataset({
  macro: [...Object.entries(growth).map(([y, g]) => macro('bbp_volume', Number(y), g)), macro('bbp_prijs', 2024, '3.3')],
  provinciefonds: [
    fund('algemene_uitkering', 2023, '3000', 'psupp2023'),
    fund('mutatie.compensatie_grondslag', 2024, '176', 'vjn2024'),
    fund('accres', 2024, '129', 'mn2024'),
    fund('accres', 2025, '348', 'mn2024'),
  ],
  aannames: [assumption('natuurdeel_au.startjaar', '2023'), assumption('natuurdeel_au.startbedrag', '346', 'EUR mln')],
});

describe('ledger', () => {
  test('bbp from 2024: AU_t = AU_{t-1} × f_t + mutations; the nature part grows with f_t only', () => {
    const l = provinciefondsLedger(data, { tot: 2024 });
    const y = l.jaren[0]!;
    // f_2024 = (1 + 19.3/8 %)(1 + 3.3%) = 1.057921125 (see tests/bbp.test.ts)
    expect(y.regel).toBe('bbp');
    expect(y.groeifactor.equals(dec('1.057921125'))).toBe(true);
    expect(y.algemeneUitkering.equals(M(3000).times('1.057921125').plus(M(176)))).toBe(true);
    expect(y.natuurdeel.equals(M(346).times('1.057921125'))).toBe(true);
    expect(y.explanation).toContain('mutatie.compensatie_grondslag');
  });
  test('normering before the start year: the increase of the cumulative accres, no compensation', () => {
    const l = provinciefondsLedger(data, { tot: 2025, startBbp: 2027 });
    const [y24, y25] = l.jaren;
    // 2024: 3000 + (129 - 0); 2025: 3129 + (348 - 129) = 3348
    expect(y24!.algemeneUitkering.equals(M(3129))).toBe(true);
    expect(y25!.algemeneUitkering.equals(M(3348))).toBe(true);
    expect(y24!.natuurdeel.equals(M(346).times(3129).dividedBy(3000))).toBe(true);
    // Chained divisions at 40 significant digits: equal to well within a millionth of a cent.
    expect(y25!.natuurdeel.minus(M(346).times(3348).dividedBy(3000)).abs().lessThan(dec('1e-20'))).toBe(true);
  });
  test('a missing base stand or accres year is a clear error', () => {
    expect(() => provinciefondsLedger(dataset({ ...data, provinciefonds: [] }), { tot: 2024 })).toThrow(/algemene uitkering 2023 \(psupp2023\) ontbreekt/);
    expect(() => provinciefondsLedger(data, { tot: 2026, startBbp: 2027 })).toThrow(/accres 2026 ontbreekt in publicatie 'mn2024'/);
  });
});

describe('Voorjaarsnota 2024, accres Provinciefonds (shipped data)', () => {
  const shipped = loadDataset();
  const row = (post: string, pub: string, y: number) =>
    shipped.provinciefonds.find((r) => r.post === post && r.publicatie === pub && r.jaar === y && r.provincie === 'NL');
  test('the listed mutations are the figures of the table', () => {
    const series = (post: string) => [2024, 2025, 2026, 2027, 2028, 2029].map((y) => row(post, 'vjn2024', y)!.waarde.dividedBy(1e6).toNumber());
    expect(series('mutatie.vervroeging_bbp')).toEqual([-194, -255, -13, -12, -10, -7]);
    expect(series('mutatie.compensatie_grondslag')).toEqual([176, 188, 17, 18, 17, 17]);
  });
  test('stand Miljoenennota + listed mutations = stand Voorjaarsnota, 2025-2028, within the rounding of the printed table', () => {
    // Each printed figure is rounded to whole millions, so a sum of k figures may be off by k × 0.5 mln.
    for (const y of [2025, 2026, 2027, 2028]) {
      const parts = [
        row('mutatie.vervroeging_bbp', 'vjn2024', y),
        row('mutatie.overboeking_bijstelling_tranche', 'vjn2024', y),
        row('mutatie.bbp_bijstelling_cep', 'vjn2024', y),
      ].filter((r) => r !== undefined);
      const reproduced = row('accres', 'mn2024', y)!.waarde.plus(sum(parts.map((r) => r.waarde)));
      const printed = row('accres', 'vjn2024', y)!.waarde;
      expect(reproduced.minus(printed).abs().lessThanOrEqualTo(M(parts.length + 1).times('0.5')), String(y)).toBe(true);
    }
  });
});
