/**
 * The declared uncertainty that ships with the data (`data/onzekerheid.csv`,
 * `data/onzekerheid-correlaties.csv`): complete, and its numbers where they come from; and a
 * scenario's own `onzekerheid:` block.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { completeHistory } from '../src/core/estimate.js';
import { errorCorrelation, forecastErrors, rootMeanSquare } from '../src/core/uncertainty/forecast-errors.js';
import { uncertainInputs } from '../src/core/uncertainty/inputs.js';
import { lookbackSpread } from '../src/core/uncertainty/lookback.js';
import { loadDataset } from '../src/io/read-dir.js';
import { runScenarioFile } from '../src/io/run-scenario.js';
import { scenarioUncertainty } from '../src/io/uncertainty-scenario.js';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { Decimal } from '../src/core/decimal.js';
import { tmpdir } from 'node:os';

const data = loadDataset();
const root = join(import.meta.dirname, '..');

describe('shipped declarations', () => {
  test('every assumption in aannames.csv, every province of the look-back and the look-back in common have a row', () => {
    const names = new Set((data.onzekerheid ?? []).map((d) => d.invoer));
    for (const a of data.aannames) expect(names.has(a.naam), a.naam).toBe(true);
    for (const p of ['landelijk', 'PV20', 'PV21', 'PV22', 'PV23', 'PV24', 'PV25', 'PV26', 'PV27', 'PV28', 'PV29', 'PV30', 'PV31']) expect(names.has(`terugblik.${p}`), p).toBe(true);
    for (const d of data.onzekerheid ?? []) expect(d.methode.length, d.invoer).toBeGreaterThan(20);
  });

  test('the land price spread is the sample sd of the yearly changes 2015-2023 in kostendrivers.csv (2,58 → 2,6 points)', () => {
    const prices = data.kostendrivers.filter((d) => d.driver === 'grondprijs_landbouw' && d.provincie === 'NL' && d.jaar <= 2023).sort((a, b) => a.jaar - b.jaar);
    const changes = prices.slice(1).map((p, i) => p.waarde.dividedBy(prices[i]!.waarde).toNumber() - 1);
    const mean = changes.reduce((a, b) => a + b, 0) / changes.length;
    const sd = Math.sqrt(changes.reduce((a, x) => a + (x - mean) ** 2, 0) / (changes.length - 1));
    const declared = data.onzekerheid!.find((d) => d.invoer === 'projectie.grondprijs')!.spreiding!.toNumber();
    expect(changes.length).toBe(9);
    expect(Math.abs(declared - sd)).toBeLessThan(0.0005);
  });

  test('forecast errors: realised minus forecast, the latest realisation of the year', () => {
    // cpb-cep2014 forecast bbp_volume 2014 at 0,75%; the latest realisation of 2014 is cbs-2025-economie 1,6%: error 0,85 points.
    const e = forecastErrors(data, 'bbp_volume').find((x) => x.publicatie === 'cpb-cep2014' && x.jaar === 2014)!;
    expect(e.fout).toBeCloseTo(0.016 - 0.0075, 12);
    expect(rootMeanSquare([{ publicatie: 'a', jaar: 1, fout: 3 }, { publicatie: 'b', jaar: 1, fout: 4 }])).toBeCloseTo(Math.sqrt(12.5), 12);
    const perfect = errorCorrelation([{ publicatie: 'a', jaar: 1, fout: 1 }, { publicatie: 'b', jaar: 1, fout: 2 }, { publicatie: 'c', jaar: 1, fout: 4 }], [{ publicatie: 'a', jaar: 1, fout: 2 }, { publicatie: 'b', jaar: 1, fout: 4 }, { publicatie: 'c', jaar: 1, fout: 8 }]);
    expect(perfect).toEqual({ waarde: 1, n: 3 });
  });

  test('the look-back spread from the levels of the estimate: within provinces, between them, in common', () => {
    const s = lookbackSpread(completeHistory(data), 2023);
    // Six provinces have a level for all tasks (PV21, PV22, PV26, PV27, PV28, PV29).
    expect(s.tussen!.provincies).toEqual(['PV21', 'PV22', 'PV26', 'PV27', 'PV28', 'PV29']);
    expect(s.gemeenschappelijk).toBeCloseTo(Math.sqrt(s.tussen!.gemiddelde ** 2 + s.tussen!.sd ** 2 / 6), 12);
    // A province without figures of its own: common and own loadings; one with its own level: own only.
    const pv25 = s.cellen.find((c) => c.provincie === 'PV25' && c.taak === 'natuurbeheer')!;
    expect(pv25.grondslag).toBe('landelijk');
    expect(pv25.landelijk).toBeCloseTo(s.gemeenschappelijk!, 12);
    expect(pv25.eigen).toBeCloseTo(Math.hypot(s.tussen!.sd, s.binnen!.sigma), 12);
    const pv26 = s.cellen.find((c) => c.provincie === 'PV26' && c.taak === 'natuurbeheer')!;
    expect(pv26.grondslag).toBe('eigen_niveau');
    expect(pv26.landelijk).toBe(0);
    // Utrecht's level rests on seven years of realised totals (2015, 2017-2022).
    expect(pv26.eigen).toBeCloseTo(s.binnen!.sigma * Math.sqrt(1 + 1 / 7), 12);
  });
});

describe("a scenario's own onzekerheid block", () => {
  test('replaces the data for its inputs, keeps what the scenario set fixed unless it declares it, adds correlations', () => {
    const dir = mkdtempSync(join(tmpdir(), 'natuurpact-onz-'));
    const file = join(dir, 'eigen.yaml');
    // The base beside the scenario: a base outside its folder needs --basismap.
    copyFileSync(join(root, 'scenarios', 'basis.yaml'), join(dir, 'basis.yaml'));
    writeFileSync(
      file,
      [
        'basis: basis.yaml',
        'naam: eigen',
        'parameters:',
        "  projectie.grondprijs: '5%'",
        "  projectie.contractloon: '3,5%'",
        'onzekerheid:',
        '  projectie.cpi: { verdeling: normaal, regel: opgegeven, spreiding: "1,5%" }',
        '  terugblik.PV25: vast',
        '  projectie.contractloon: { verdeling: driehoek, regel: opgegeven, laag: 2%, hoog: 5%, toelichting: eigen bandbreedte }',
        '  correlaties:',
        '    - { tussen: [projectie.cpi, projectie.bbp_prijs], waarde: "0,4" }',
        '',
      ].join('\n'),
    );
    const run = runScenarioFile(file, data);
    const own = scenarioUncertainty(run.loaded);
    const c = uncertainInputs({ scenario: run.scenario, data: run.data, setByScenario: own.setByScenario, declarations: own.declarations, correlations: own.correlations });
    const cpi = c.gevarieerd.find((i) => i.naam === 'projectie.cpi')!;
    expect(cpi.verdeling).toEqual({ soort: 'normaal', gemiddelde: 0.02, sd: 0.015 });
    expect(c.vast.find((i) => i.naam === 'terugblik.PV25')).toBeDefined();
    // Set by the scenario and not declared there: fixed at the scenario's value.
    expect(c.vast.find((i) => i.naam === 'projectie.grondprijs')!.waarde).toBe('5,00%');
    // Set and declared: varied around the scenario's value.
    const wages = c.gevarieerd.find((i) => i.naam === 'projectie.contractloon')!;
    expect(wages.centraal).toBeCloseTo(0.035, 12);
    expect(wages.verdeling).toEqual({ soort: 'driehoek', laag: 0.02, modus: 0.035, hoog: 0.05 });
    expect(wages.methode).toBe('eigen bandbreedte');
    expect(c.correlaties.find((x) => x.a === 'projectie.cpi' && x.b === 'projectie.bbp_prijs')!.waarde).toBeCloseTo(0.4, 12);
    // 0,95 does not fit with the other correlations the data give (CPI with wages 0,55 and with growth −0,54,
    // the bbp price with growth −0,22; the smallest eigenvalue becomes about −0,11): a located Dutch error, not a crash.
    const tooStrong = own.correlations.map((x) => ({ ...x, waarde: new Decimal('0.95') }));
    expect(() => uncertainInputs({ scenario: run.scenario, data: run.data, setByScenario: own.setByScenario, declarations: own.declarations, correlations: tooStrong })).toThrow(/niet positief definiet/);
  });
});
