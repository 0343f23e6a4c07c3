/**
 * The Provinciefonds ledger (src/core/provinciefonds.ts) on hand-made data, with the arithmetic in
 * the tests, and the published Voorjaarsnota 2024 and OWB 2024 tables on the shipped data.
 */
import { describe, expect, test } from 'vitest';
import type { FundFact, MutationKind } from '../src/core/dataset.js';
import { dec, sum } from '../src/core/decimal.js';
import { bbpIndexation } from '../src/core/indexation/bbp.js';
import { mutationLevels, natureShareHistory, provinciefondsLedger } from '../src/core/provinciefonds.js';
import { loadDataset } from '../src/io/read-dir.js';
import { run } from './helpers/cli.js';
import { assumption, dataset, fund, macro } from './helpers/facts.js';

const M = (x: string | number) => dec(x).times(1e6);
const mut = (post: string, jaar: number, mln: string, aard: MutationKind | undefined, publicatie = 'vjn'): FundFact => ({ ...fund(post, jaar, mln, publicatie), ...(aard ? { aard } : {}) });

/** GDP volume growth 2015-2024 and deflator 2024-2026, percent; made-up numbers for the arithmetic. */
const growth: Record<number, string> = { 2015: '2.1', 2016: '2.4', 2017: '2.8', 2018: '2.3', 2019: '2.3', 2020: '-3.9', 2021: '6.3', 2022: '5', 2023: '0.1', 2024: '1' };
const macroRows = [...Object.entries(growth).map(([y, g]) => macro('bbp_volume', Number(y), g)), macro('bbp_prijs', 2024, '3.3'), macro('bbp_prijs', 2025, '2.7'), macro('bbp_prijs', 2026, '2.5')];
const options = { vaststelling: 'laatste' as const, vroegereTranches: [], historieMutaties: [], normering: [{ post: 'tranche', publicatie: 'owb' }, { post: 'hoofdstuk', publicatie: 'mn' }, { post: 'bcf', publicatie: 'mn', teken: -1 as const }] };
const data = dataset({
  macro: macroRows,
  provinciefonds: [
    fund('algemene_uitkering', 2023, '3000', 'psupp2023'),
    mut('compensatie', 2024, '176', 'reeks'),
    mut('compensatie', 2025, '188', 'reeks'),
    mut('compensatie', 2026, '17', 'reeks'),
    mut('opschaling', 2025, '40', 'structureel'),
    mut('opschaling', 2026, '40', 'structureel'),
    fund('tranche', 2024, '375', 'owb'),
    fund('tranche', 2025, '375', 'owb'),
    fund('hoofdstuk', 2024, '129', 'mn'),
    fund('hoofdstuk', 2025, '348', 'mn'),
    fund('bcf', 2024, '64', 'mn'),
    fund('bcf', 2025, '80', 'mn'),
  ],
  aannames: [assumption('natuurdeel_au.startjaar', '2023'), assumption('natuurdeel_au.startbedrag', '346', 'EUR mln')],
});
const mutaties = [
  { post: 'compensatie', publicatie: 'vjn' },
  { post: 'opschaling', publicatie: 'vjn' },
];
const f = (y: number) => bbpIndexation(y, data, { vaststelling: 'laatste' }).factor;

describe('mutation levels by aard', () => {
  const d = dataset({
    provinciefonds: [
      mut('r', 2024, '176', 'reeks'),
      mut('r', 2026, '17', 'reeks'),
      mut('s', 2026, '40', 'structureel'),
      mut('s', 2027, '40', 'structureel'),
      mut('i', 2024, '33', 'incidenteel'),
    ],
  });
  const at = (post: string, y: number) => mutationLevels(d, { post, publicatie: 'vjn' }).level(y).waarde;
  test('reeks: the published amount of the year, held over gaps and after its last year; 0 before', () => {
    expect([2023, 2024, 2025, 2026, 2030].map((y) => at('r', y).dividedBy(1e6).toNumber())).toEqual([0, 176, 176, 17, 17]);
  });
  test('structureel: its first amount from its first year on; incidenteel: only in its own year', () => {
    expect([2025, 2026, 2027, 2040].map((y) => at('s', y).dividedBy(1e6).toNumber())).toEqual([0, 40, 40, 40]);
    expect([2023, 2024, 2025].map((y) => at('i', y).dividedBy(1e6).toNumber())).toEqual([0, 33, 0]);
  });
  test('a mutation without aard, with two aarden, or structural with different amounts is a located error', () => {
    const bad = (rows: FundFact[]) => () => mutationLevels(dataset({ provinciefonds: rows }), { post: 'x', publicatie: 'vjn' });
    expect(bad([mut('x', 2024, '1', undefined)])).toThrow(/mutatie 'x' \(vjn\) heeft geen aard: verwacht structureel, incidenteel of reeks/);
    expect(bad([mut('x', 2024, '1', 'reeks'), mut('x', 2025, '1', 'incidenteel')])).toThrow(/is hier 'incidenteel' maar op test:0 'reeks'/);
    expect(bad([mut('x', 2024, '1', 'structureel'), mut('x', 2025, '2', 'structureel')])).toThrow(/een bedrag dat per jaar verschilt is een reeks/);
    expect(bad([])).toThrow(/mutatie 'x' \(vjn, NL\) ontbreekt/);
  });
});

describe('ledger, bbp-systematiek', () => {
  const l = provinciefondsLedger(data, { ...options, tot: 2026, mutaties });
  const [y23, y24, y25, y26] = l.jaren;
  test('the base stand and the start of the nature part', () => {
    expect(y23!.jaar).toBe(2023);
    expect(y23!.algemeneUitkering.equals(M(3000))).toBe(true);
    expect(y23!.natuurdeel.equals(M(346))).toBe(true);
  });
  test('AU_t = AU_{t-1} + AU_{t-1}(f_t − 1) + change of the mutation levels: the compensation replaces, the structural 40 counts once', () => {
    // 2024: 3000 × f24 + 176;  2025: AU24 × f25 + (188 − 176) + 40;  2026: AU25 × f26 + (17 − 188) + 0
    const au24 = M(3000).times(f(2024)).plus(M(176));
    const au25 = au24.times(f(2025)).plus(M(12)).plus(M(40));
    const au26 = au25.times(f(2026)).minus(M(171));
    expect(y24!.algemeneUitkering.equals(au24)).toBe(true);
    expect(y25!.algemeneUitkering.equals(au25)).toBe(true);
    expect(y26!.algemeneUitkering.equals(au26)).toBe(true);
    expect(y25!.mutatie.equals(M(52))).toBe(true);
    expect(y26!.regel).toBe('bbp');
    expect(y26!.index?.factor.equals(f(2026))).toBe(true);
  });
  test('the nature part grows with the accres only: N_t = N_{t-1} × f_t', () => {
    // With no earlier tranches, accres_t / AU_{t-1} = f_t − 1, so g_t = f_t exactly.
    expect(y24!.natuurdeel.equals(M(346).times(f(2024)))).toBe(true);
    expect(y26!.natuurdeel.minus(M(346).times(f(2024)).times(f(2025)).times(f(2026))).abs().lessThan(dec('1e-20'))).toBe(true);
    expect(y24!.accres.equals(M(3000).times(f(2024).minus(1)))).toBe(true);
  });
});

describe('ledger, normering before the start year', () => {
  test('A_t = tranche in the fund + accres chapter − BCF reservation; each counted once', () => {
    const l = provinciefondsLedger(data, { ...options, tot: 2025, startBbp: 2027, mutaties: [] });
    const [, y24, y25] = l.jaren;
    // A_2024 = 375 + 129 − 64 = 440; A_2025 = 375 + 348 − 80 = 643
    expect(y24!.regel).toBe('normering');
    expect(y24!.accres.equals(M(440))).toBe(true);
    expect(y24!.algemeneUitkering.equals(M(3440))).toBe(true);
    expect(y25!.accres.equals(M(203))).toBe(true);
    expect(y25!.algemeneUitkering.equals(M(3643))).toBe(true);
    // g_2024 = 3440 / 3000
    // (40 significant digits: equal to well within a millionth of a cent)
    expect(y24!.natuurdeel.minus(M(346).times(3440).dividedBy(3000)).abs().lessThan(dec('1e-20'))).toBe(true);
  });
  test('a change of an earlier tranche already in the fund is accres (it moves the nature part)', () => {
    const withTranche = dataset({ ...data, provinciefonds: [...data.provinciefonds, mut('oud', 2023, '256', 'reeks', 'owb'), mut('oud', 2024, '256', 'reeks', 'owb'), mut('oud', 2025, '114', 'reeks', 'owb')] });
    const l = provinciefondsLedger(withTranche, { ...options, tot: 2025, startBbp: 2027, mutaties: [], vroegereTranches: [{ post: 'oud', publicatie: 'owb' }] });
    const y25 = l.jaren.at(-1)!;
    // 2025: A difference 203 plus the tranche's fall 114 − 256 = −142
    expect(y25.accres.equals(M(203 - 142))).toBe(true);
    expect(y25.accresTranches.equals(M(-142))).toBe(true);
    expect(y25.algemeneUitkering.equals(M(3000 + 643 - 142))).toBe(true);
  });
  test('a missing accres year is a clear error', () => {
    expect(() => provinciefondsLedger(data, { ...options, tot: 2026, startBbp: 2027, mutaties: [] })).toThrow(/tranche 2026 ontbreekt in publicatie 'owb' \(die heeft 2024-2025\)/);
    expect(() => provinciefondsLedger(dataset({ ...data, provinciefonds: [] }), { ...options, tot: 2024 })).toThrow(/algemene uitkering 2023 \(psupp2023\) ontbreekt/);
  });
});

describe('ledger, look-back from the year the DU Natuur was folded in', () => {
  const history = dataset({
    ...data,
    provinciefonds: [
      ...data.provinciefonds,
      fund('algemene_uitkering', 2018, '2000', '1supp2018'),
      fund('algemene_uitkering', 2021, '2300', '1supp2021'),
      mut('opcenten', 2022, '124', 'reeks'),
      mut('opcenten', 2025, '0', 'reeks'),
      mut('bcf', 2023, '84', 'incidenteel', 'owb'),
    ],
    aannames: [assumption('natuurdeel_au.startjaar', '2018'), assumption('natuurdeel_au.startbedrag', '346', 'EUR mln')],
  });
  const refs = [
    { post: 'opcenten', publicatie: 'vjn' },
    { post: 'bcf', publicatie: 'owb' },
  ];
  test('N grows with the stands without the listed mutations; years between stands are interpolated geometrically', () => {
    const l = provinciefondsLedger(history, { ...options, tot: 2024, mutaties: [], historieMutaties: refs });
    expect(l.jaren.map((x) => x.jaar)).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    const n = (y: number) => l.jaren.find((x) => x.jaar === y)!.natuurdeel;
    // AU* 2023 = 3000 − 124 − 84 = 2792; N 2023 = 346 × 2792 / 2000
    expect(n(2023).minus(M(346).times(2792).dividedBy(2000)).abs().lessThan(dec('1e-20'))).toBe(true);
    // N 2019 = 346 × (2300 / 2000)^(1/3)
    expect(n(2019).minus(M(346).times(dec(2300).dividedBy(2000).pow(dec(1).dividedBy(3)))).abs().lessThan(dec('1e-20'))).toBe(true);
    const y19 = l.jaren.find((x) => x.jaar === 2019)!;
    expect(y19.regel).toBe('stand');
    expect(y19.status.algemeneUitkering).toBe('schatting');
    expect(l.jaren.find((x) => x.jaar === 2021)!.status.algemeneUitkering).toBe('begroting');
  });
  test('a start year before every published stand is a clear error', () => {
    const early = dataset({ ...history, aannames: [assumption('natuurdeel_au.startjaar', '2016'), assumption('natuurdeel_au.startbedrag', '346', 'EUR mln')] });
    expect(() => provinciefondsLedger(early, { ...options, tot: 2024, mutaties: [], historieMutaties: refs })).toThrow(/geen gepubliceerde stand van de algemene uitkering in of vóór het startjaar 2016/);
  });
});

describe('published tables on the shipped data', () => {
  const shipped = loadDataset();
  const row = (post: string, pub: string, y: number) => shipped.provinciefonds.find((r) => r.post === post && r.publicatie === pub && r.jaar === y && r.provincie === 'NL');
  const k = (post: string, pub: string, y: number) => row(post, pub, y)?.waarde ?? dec(0);

  test('VJN 2024 accres table: stand Miljoenennota + mutations = stand Voorjaarsnota, within the rounding of the printed table', () => {
    // rijksfinancien.nl/voorjaarsnota/2024/2744935; every printed figure is rounded to whole millions.
    for (const y of [2024, 2025, 2026, 2027, 2028]) {
      const parts = ['mutatie.vervroeging_bbp', 'accres.overboeking_bijstelling_tranche', 'mutatie.bbp_bijstelling_cep', 'mutatie.bcf_afrekening'].map((p) => k(p, 'vjn2024', y));
      const bcfOut = y === 2024 ? M(-33) : dec(0); // 'Overboeking afrekening BCF'
      const reproduced = k('accres', 'mn2024', y).plus(sum(parts)).plus(bcfOut);
      expect(reproduced.minus(k('accres', 'vjn2024', y)).abs().lessThanOrEqualTo(M(2)), String(y)).toBe(true);
    }
  });
  test('VJN 2024 Provinciefonds table: stand Miljoenennota + mutations = stand Voorjaarsnota (2024: 3.341 + 176 + 1 + 227 + 33 − 176 + 4 + 6 = 3.612 against a printed 3.611)', () => {
    // rijksfinancien.nl/voorjaarsnota/2024/2744938
    const posts = ['mutatie.compensatie_grondslag', 'mutatie.opschalingskorting', 'mutatie.omgevingswet', 'mutatie.regionaal_ov', 'mutatie.bcf_afrekening_pf', 'accres_tranche.bijstelling', 'mutatie.overige_overboekingen', 'mutatie.vergunningverlening'];
    for (const y of [2024, 2025, 2026, 2027, 2028]) {
      const reproduced = k('pf_totaal', 'mn2024', y).plus(sum(posts.map((p) => k(p, 'vjn2024', y))));
      expect(reproduced.minus(k('pf_totaal', 'vjn2024', y)).abs().lessThanOrEqualTo(M(2)), String(y)).toBe(true);
    }
  });
  test('the BCF reservation (stand MN 2024): 2024 is the accres chapter of the Miljoenennota 2024, later years add the MN 2022 rises', () => {
    // In a year whose tranche is already in the fund the chapter holds only the reservation (MN 2022: 2022 totaal 42,4 =
    // reservering BCF 42,4); the 2024 tranche went into the fund at the OWB 2024, so the MN 2024 chapter 2024 (129) is it.
    const bcf = (y: number) => k('accres.reservering_bcf', 'afgeleid-mn2024', y);
    expect(bcf(2024).equals(k('accres', 'mn2024', 2024))).toBe(true);
    expect(row('accres.reservering_bcf', 'afgeleid-mn2024', 2024)!.status).toBe('afgeleid');
    for (const y of [2025, 2026]) expect(bcf(y).minus(bcf(2024)).equals(k('accres.reservering_bcf', 'mn2022', y).minus(k('accres.reservering_bcf', 'mn2022', 2024))), String(y)).toBe(true);
    // After 2026: the mean rise 2022-2026 of MN 2022, (95,3 − 42,4) / 4 = 13,225 mln a year.
    for (const y of [2027, 2028, 2029]) expect(bcf(y).minus(bcf(y - 1)).equals(M('13.225')), String(y)).toBe(true);
    for (const y of [2025, 2026, 2027, 2028, 2029]) expect(row('accres.reservering_bcf', 'afgeleid-mn2024', y)!.status).toBe('schatting');
    // The MN 2022 stand was far too low by then: MN 2023 already held 95,6 in the chapter for 2023 against 52,9.
    expect(k('accres', 'mn2023', 2023).greaterThan(k('accres.reservering_bcf', 'mn2022', 2023).times(1.5))).toBe(true);
  });
  test('the derived OWB 2024 series equals its arithmetic from the published tables (OWB 2024 tables 6 and 7, psupp 2023, OWB 2023, VJN 2023)', () => {
    const earlier = (y: number) =>
      sum(
        [
          ['accres_tranche', 'owb2023'],
          ['accres_tranche.bijstelling', 'owb2023'],
          ['accres_tranche.bijstelling', 'owb2024'],
          ['accres_tranche.bijstelling', 'vjn2023'],
          ['accres_tranche.bijstelling2022', 'vjn2023'],
        ].map(([post, publicatie]) => mutationLevels(shipped, { post: post!, publicatie: publicatie! }).level(y).waarde),
      );
    const au23 = k('algemene_uitkering', 'psupp2023', 2023);
    for (const y of [2024, 2025, 2026, 2027, 2028]) {
      const stand = k('pf_totaal', 'owb2024', y).minus(k('decentralisatie_uitkeringen', 'owb2024', y)).minus(k('accres_tranche', 'owb2024', y));
      const expected = stand.minus(au23).minus(earlier(y).minus(earlier(2023)));
      expect(k('mutatie.overig_owb2024', 'afgeleid-owb2024', y).equals(expected), String(y)).toBe(true);
    }
    // 2023 remainder: 3.050.517 − 83.828 − 14.000 − 7.200 − (3.340.648 − 56.898 − 375.296) = 37.035 (x 1.000)
    expect(k('mutatie.incidenteel_2023', 'afgeleid-owb2024', 2023).equals(dec(37_035_000))).toBe(true);
  });
  test('the itemised 2023 mutations explain the derived change 2023-2024 exactly: BCF 83.828 + Natuur 14.000 + rest 37.035 = 134.863', () => {
    const change = k('mutatie.overig_owb2024', 'afgeleid-owb2024', 2024).minus(k('mutatie.overig_owb2024', 'afgeleid-owb2024', 2023));
    expect(change.equals(dec(-134_863_000))).toBe(true);
    expect(k('mutatie.bcf_ruimte_plafond', 'owb2024', 2023).plus(k('mutatie.au_natuur', 'owb2023', 2023)).plus(k('mutatie.incidenteel_2023', 'afgeleid-owb2024', 2023)).equals(dec(134_863_000))).toBe(true);
  });
  test('the look-back nature part (for the estimation step) is the ledger\'s, year by year', () => {
    const l = provinciefondsLedger(shipped, { tot: 2024 });
    const h = natureShareHistory(shipped);
    for (const [y, part] of h) expect(part.natuurdeel.equals(l.jaren.find((x) => x.jaar === y)!.natuurdeel), String(y)).toBe(true);
    expect(Math.min(...h.keys())).toBe(2018);
  });
  test('every mutation the ledger reads by default has an aard', () => {
    const l = provinciefondsLedger(shipped, { tot: 2030 });
    for (const y of l.jaren) for (const m of y.mutaties) expect(['structureel', 'incidenteel', 'reeks']).toContain(m.aard);
  });
});

describe('natuurpact uitleg on a fund cell', () => {
  test('names the ledger rule and the fund rows, and refuses a province', async () => {
    const r = await run('uitleg', 'scenarios/basis.yaml', '--provincie', 'NL', '--jaar', '2024', '--post', 'fonds.natuurdeel');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^NL 2024 fonds\.natuurdeel = [\d.,]+ mln euro \(status: schatting\)/);
    expect(r.out).toContain('natuurdeel vorig jaar × groei door het accres');
    expect(r.out).toContain('pf-vjn2024-pf');
    const pv = await run('uitleg', 'scenarios/basis.yaml', '--provincie', 'PV20', '--jaar', '2024', '--post', 'fonds.natuurdeel');
    expect(pv.code).not.toBe(0);
    expect(pv.err).toMatch(/bestaat alleen voor NL/);
  }, 30_000);
});
