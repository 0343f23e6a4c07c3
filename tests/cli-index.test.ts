/**
 * `natuurpact index` on the shipped data, with a user's macro file laid over it, and its errors.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { run } from './helpers/cli.js';
import { csvNumber } from '../src/cli/index-command.js';
import { dec } from '../src/core/decimal.js';
import { bbpIndexation } from '../src/core/indexation/bbp.js';
import { loadDataset } from '../src/io/read-dir.js';


describe('natuurpact index', () => {
  test('bbp 2024-2030 on the shipped data: a table that names the assumptions it used', async () => {
    const r = await run('index', '--regel', 'bbp', '--van', '2024', '--tot', '2030');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/jaar\s+volume\s+prijs\s+factor\s+index/);
    for (let y = 2024; y <= 2030; y++) expect(r.out).toMatch(new RegExp(`\\n${y}\\s`));
    expect(r.out).toContain('Aannames gebruikt');
  });

  test('--csv: the header, fractions with at least 10 significant digits, equal to the library', async () => {
    // The geometric mean is an 8th root: many significant digits, unlike the exact arithmetic mean.
    const r = await run('index', '--regel', 'bbp', '--van', '2024', '--tot', '2030', '--gemiddelde', 'meetkundig', '--csv');
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe('jaar,volume,prijs,factor,index');
    expect(lines).toHaveLength(8);
    const lib = bbpIndexation(2024, loadDataset(), { gemiddelde: 'meetkundig' });
    const [jaar, volume, prijs, factor] = lines[1]!.split(',');
    expect(jaar).toBe('2024');
    expect(volume).toBe(csvNumber(lib.volume));
    expect(prijs).toBe(csvNumber(lib.price));
    expect(factor).toBe(csvNumber(lib.factor));
    expect(factor!.replace(/^1\.|^0\.0*/, '').length).toBeGreaterThanOrEqual(9);
  });

  test('other rules leave volume and prijs empty where they have no such part', async () => {
    const r = await run('index', '--regel', 'nominaal', '--van', '2024', '--tot', '2025', '--csv');
    expect(r.out).toBe('jaar,volume,prijs,factor,index\n2024,,,1,100\n2025,,,1,100\n');
  });

  test('--uitleg traces each factor to its macro rows and names the CEP that fixed the year', async () => {
    const r = await run('index', '--van', '2024', '--tot', '2026', '--uitleg');
    // Year 2024 is fixed on the CEP 2024 (22 February 2024): figures as known then (macro.csv).
    expect(r.out).toContain('2024: vaststelling: CEP 2024 (cpb-cep2024, 2024-02-22)');
    expect(r.out).toContain('bbp_volume 2015 = 2,3% (cpb-mev2018, realisatie)');
    expect(r.out).toContain('bbp_prijs 2024 = 3,3% (gf-septcirc2023, raming)');
    expect(r.out).toContain('2025: vaststelling: CEP 2025 (cpb-cep2025, 2025-02-26)');
    // No CEP 2026 in the data: not yet fixed, the newest figures.
    expect(r.out).toContain('2026: vaststelling: nog niet vastgesteld');
    const latest = await run('index', '--van', '2024', '--tot', '2024', '--uitleg', '--vaststelling', 'laatste');
    expect(latest.out).toContain('vaststelling: laatste stand van elk cijfer');
    expect(latest.out).toContain('bbp_volume 2015 = 2,1% (cbs-2025-economie, realisatie)');
  });

  test("a user's macro file through --data changes the result accordingly", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'natuurpact-'));
    writeFileSync(
      join(dir, 'macro.csv'),
      'reeks;publicatie;publicatiedatum;jaar;waarde;eenheid;status;bron;vindplaats;methode\n' +
        'bbp_prijs;eigen-raming;2026-06;2024;4,0;%;raming;eigen-nota;Tabel 2;\n',
    );
    writeFileSync(join(dir, 'bronnen.csv'), 'id,titel,uitgever,datum,url,vindplaats,geraadpleegd\neigen-nota,Eigen raming,Ministerie,2026-06,https://example.org/nota,,2026-11-28\n');
    // Fixed on the CEP of 2024, the year does not see a figure published in 2026 ...
    const fixed = await run('index', '--van', '2024', '--tot', '2024', '--csv');
    expect((await run('index', '--van', '2024', '--tot', '2024', '--csv', '--data', dir)).out).toBe(fixed.out);
    // ... the latest revision does.
    const base = await run('index', '--van', '2024', '--tot', '2024', '--csv', '--vaststelling', 'laatste');
    const own = await run('index', '--van', '2024', '--tot', '2024', '--csv', '--vaststelling', 'laatste', '--data', dir);
    expect(own.code).toBe(0);
    const [, volume, prijs, factor] = own.out.split('\n')[1]!.split(',');
    expect(prijs).toBe('0.04');
    expect(dec(factor!).equals(dec(1).plus(dec(volume!)).times('1.04').toSignificantDigits(15))).toBe(true);
    expect(own.out).not.toBe(base.out);
  });

  test('--vergelijk: both indices 2014 = 100 and their ratio', async () => {
    const r = await run('index', '--vergelijk', 'bbp,kostenindex', '--van', '2014', '--tot', '2030', '--csv');
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe('jaar,bbp,kostenindex,verhouding');
    expect(lines[1]).toBe('2014,100,100,1');
    expect(lines).toHaveLength(18);
    for (const line of lines.slice(1)) {
      const [, a, b, ratio] = line.split(',').map((x) => dec(x));
      expect(a!.dividedBy(b!).minus(ratio!).abs().lessThan(dec('1e-13'))).toBe(true);
    }
    const table = await run('index', '--vergelijk', 'bbp,kostenindex', '--van', '2014', '--tot', '2030');
    expect(table.out).toContain('verhouding');
  });

  test('errors: unknown vintage and a start year outside the data exit 1 in Dutch; bad options exit 2', async () => {
    const v = await run('index', '--vintage', 'cpb-xyz');
    expect(v.code).toBe(1);
    expect(v.err).toContain("onbekende publicatie (vintage) 'cpb-xyz'");
    const early = await run('index', '--van', '2001', '--tot', '2002');
    expect(early.code).toBe(1);
    expect(early.err).toContain('bbp_volume 1992 ontbreekt in macro.csv; de reeks begint in');
    const rule = await run('index', '--regel', 'bbb');
    expect(rule.code).toBe(2);
    expect(rule.err).toContain("onbekende regel 'bbb'");
    const year = await run('index', '--van', 'twintig');
    expect(year.code).toBe(2);
    const mean = await run('index', '--gemiddelde', 'mediaan');
    expect(mean.code).toBe(2);
    expect(mean.err).toContain("optie '--gemiddelde <soort>': 'mediaan' is ongeldig; kies uit rekenkundig, meetkundig");
    for (const e of [v, early, rule, year, mean]) expect(e.err).not.toMatch(/\n\s+at /);
  });
});

describe('natuurpact constructies', () => {
  test('compares all constructions, per province against C0, with the solver', async () => {
    const r = await run('constructies');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    for (const id of ['C0', 'C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7']) expect(r.out).toContain(`${id} `);
    expect(r.out).toContain('PV31 Limburg');
    expect(r.out).toContain('Wat is nodig om het landelijke netto tekort in 2030 op nul te brengen');
    // The AU key of C2 is not published in our data: the assumption is printed.
    expect(r.out).toContain('C2 AU-sleutel: de verdeling van de algemene uitkering per provincie (circulaire Provinciefonds) is niet gevonden');
  });
  test('--csv: one row per construction and region; C3 and C4 differ by their administrative cost only', async () => {
    const r = await run('constructies', '--csv');
    const lines = r.out.trimEnd().split('\n');
    const header = lines[0]!.split(',');
    expect(header).toEqual(['constructie', 'provincie', 'tekort_cumulatief_eur', 'tekort_netto_cumulatief_eur', 'gemiddelde_dekkingsgraad', 'verschil_met_c0_eur', 'volatiliteit', 'aandeel_geoormerkt', 'onbesteed_eur', 'uitvoeringslasten_eur', 'eigen_inkomsten_eur']);
    expect(lines).toHaveLength(1 + 8 * 13);
    const nl = (id: string) => Object.fromEntries(lines.find((l) => l.startsWith(`${id},NL,`))!.split(',').map((v, i) => [header[i], v]));
    expect(nl('C0').verschil_met_c0_eur).toBe('0.00');
    // Same envelope and underspend: same gap; netto = gap + burden (2% for C3, 1% for C4).
    expect(nl('C3').tekort_cumulatief_eur).toBe(nl('C4').tekort_cumulatief_eur);
    expect(nl('C3').tekort_netto_cumulatief_eur).not.toBe(nl('C4').tekort_netto_cumulatief_eur);
    for (const id of ['C3', 'C4']) {
      expect(Number(nl(id).tekort_netto_cumulatief_eur)).toBeCloseTo(Number(nl(id).tekort_cumulatief_eur) + Number(nl(id).uitvoeringslasten_eur), 2);
    }
    // C7: own revenue beside the Rijk money, the gap as in C0.
    expect(nl('C7').tekort_cumulatief_eur).toBe(nl('C0').tekort_cumulatief_eur);
    expect(Number(nl('C7').eigen_inkomsten_eur)).toBeGreaterThan(0);
  });
  test('--tot 2050 works for every construction; a year past 2050 is a Dutch error naming the constructions and the year', async () => {
    const r = await run('constructies', '--tot', '2050', '--csv');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.trimEnd().split('\n')).toHaveLength(1 + 8 * 13);
    const late = await run('constructies', '--tot', '2051', '--constructie', 'C3');
    expect(late.code).toBe(2);
    expect(late.err).toBe('fout: --tot 2051: de constructies (C0, C3) worden doorgerekend van 2024 tot en met 2050; 2051 valt daarbuiten\n');
    const target = await run('constructies', '--doeljaar', '2035', '--constructie', 'C1');
    expect(target.code).toBe(2);
    expect(target.err).toBe('fout: --doeljaar 2035: de constructies (C0, C1) lopen van 2026 tot en met --tot 2030; 2035 valt daarbuiten\n');
  });
  test('--constructie: only the chosen ones beside C0; an unknown id is a usage error with the choices', async () => {
    const r = await run('constructies', '--constructie', 'C3,C4', '--csv');
    expect(r.code).toBe(0);
    expect(new Set(r.out.trimEnd().split('\n').slice(1).map((l) => l.split(',')[0]))).toEqual(new Set(['C0', 'C3', 'C4']));
    const bad = await run('constructies', '--constructie', 'C9');
    expect(bad.code).toBe(2);
    expect(bad.err).toBe("fout: --constructie: onbekende constructie 'C9'; kies uit C0, C1, C2, C3, C4, C5, C6, C7\n");
  });
});
