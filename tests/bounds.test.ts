/**
 * Plausible values (issue 13, item 6) and units, signs and ranges (issue 12, items 2, 3 and 5): every
 * parameter declares its unit, hard bounds and plausible range; values outside the hard bounds are
 * errors at their place, values outside the plausible range warnings in `valideer` and the report;
 * units in data files convert within their dimension and never across. The malformed-file catalogs
 * (tests/fixtures/scenario-fout, tests/fixtures/fout) hold one reproducer per refused value; this
 * file checks the declarations, the arithmetic of the bounds and the warnings.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ASSUMPTION_BOUNDS, assumptionBounds } from '../src/core/assumption-dimensions.js';
import { checkBounds, fraction, growthRate, share, type Bounds } from '../src/core/bounds.js';
import { CONSTRUCTION_BOUNDS } from '../src/core/constructions/bounds.js';
import { dec, Decimal } from '../src/core/decimal.js';
import { UserError } from '../src/core/errors.js';
import { DEVELOPMENTS } from '../src/core/model/developments.js';
import { assumptionWarnings } from '../src/io/load.js';
import { loadDataset } from '../src/io/read-dir.js';
import { runLoadedScenario } from '../src/io/run-scenario.js';
import { loadScenarioFile, readParameterValue } from '../src/io/scenario.js';
import { run } from './helpers/cli.js';

const data = loadDataset();
const scenarios = join(import.meta.dirname, '..', 'scenarios');

function inside(b: Bounds['hard'], v: Decimal): boolean {
  return (b.min === undefined || (b.minOpen ? v.greaterThan(b.min) : v.greaterThanOrEqualTo(b.min))) && (b.max === undefined || (b.maxOpen ? v.lessThan(b.max) : v.lessThanOrEqualTo(b.max)));
}

describe('every parameter declares its unit, hard bounds and plausible range, with where they come from', () => {
  const declared: [string, Bounds, Decimal | undefined][] = [
    ...DEVELOPMENTS.flatMap((d) => Object.entries(d.parameters(data)).map(([p, v]): [string, Bounds, Decimal] => [`${d.naam}.${p}`, v.grenzen, v.waarde])),
    ...Object.entries(ASSUMPTION_BOUNDS).map(([n, b]): [string, Bounds, Decimal | undefined] => [n, b, data.aannames.find((a) => a.naam === n)?.waarde]),
    ...Object.entries(CONSTRUCTION_BOUNDS).map(([n, b]): [string, Bounds, undefined] => [`constructie.${n}`, b, undefined]),
  ];
  test.each(declared)('%s', (_name, b, value) => {
    expect(b.bron.hard.length).toBeGreaterThan(5);
    // The plausible range lies within the hard bounds, so a plausible value is never an error.
    for (const end of [b.plausibel.min, b.plausibel.max]) if (end !== undefined) expect(inside(b.hard, end)).toBe(true);
    if (Object.keys(b.plausibel).length > 0) expect(b.bron.plausibel.length).toBeGreaterThan(5);
    // The shipped default is neither refused nor warned about.
    if (value !== undefined) expect(checkBounds(b, value)).toBeUndefined();
  });
  test('development parameters: fractions, euros or years, as their unit says', () => {
    for (const d of DEVELOPMENTS) for (const [p, v] of Object.entries(d.parameters(data))) expect(v.grenzen.eenheid, `${d.naam}.${p}`).toBe(v.eenheid);
  });
  test('every assumption in the shipped aannames.csv is declared, and none is outside its plausible range', () => {
    expect(data.aannames.filter((a) => !assumptionBounds(a.naam)).map((a) => a.naam)).toEqual([]);
    expect(assumptionWarnings(data)).toEqual([]);
  });
});

describe('the bounds themselves', () => {
  const pct = (s: string) => dec(s).dividedBy(100);
  test('a share: 0% and 100% allowed, 140% and -20% refused (issue 13: "a provincial share of 140% or -0.2 is refused")', () => {
    const b = share({ min: '0.1', max: '0.9' }, 'test');
    expect(checkBounds(b, pct('0'))?.niveau).toBe('waarschuwing');
    expect(checkBounds(b, pct('50'))).toBeUndefined();
    expect(checkBounds(b, pct('100'))?.niveau).toBe('waarschuwing');
    expect(checkBounds(b, pct('140'))).toEqual({ niveau: 'fout', melding: '140% kan niet: verwacht van 0% tot en met 100% (een aandeel ligt tussen 0% en 100%)' });
    expect(checkBounds(b, pct('-20'))?.niveau).toBe('fout');
  });
  test('a growth rate: more than -100% (open), at most +100%', () => {
    const b = growthRate({ min: '-0.01', max: '0.1' }, 'test');
    expect(checkBounds(b, pct('-100'))?.niveau).toBe('fout');
    expect(checkBounds(b, pct('-99.9'))?.niveau).toBe('waarschuwing');
    expect(checkBounds(b, pct('100'))?.niveau).toBe('waarschuwing');
    expect(checkBounds(b, pct('100.1'))?.niveau).toBe('fout');
  });
  test('a divisor: 0 is refused (beheer_100pct divides the new percentage by the current one)', () => {
    const huidig = DEVELOPMENTS.find((d) => d.naam === 'beheer_100pct')!.parameters(data).huidig!.grenzen;
    expect(checkBounds(huidig, dec(0))?.niveau).toBe('fout');
    expect(checkBounds(huidig, pct('84'))).toBeUndefined();
  });
  test('Infinity and NaN are always errors', () => {
    const b = fraction({}, {}, { hard: 'x', plausibel: 'x' });
    expect(checkBounds(b, new Decimal(Infinity))?.niveau).toBe('fout');
    expect(checkBounds(b, new Decimal(NaN))?.niveau).toBe('fout');
  });
});

describe('a value must be written in its parameter\'s unit', () => {
  const bounds: Record<string, Bounds> = {
    'projectie.cpi': assumptionBounds('projectie.cpi')!,
    'bouwsteen_beheer.bedrag': DEVELOPMENTS.find((d) => d.naam === 'bouwsteen_beheer')!.parameters(data).bedrag!.grenzen,
    'lpo.gewicht_loon': assumptionBounds('lpo.gewicht_loon')!,
    'natuurdeel_au.startjaar': assumptionBounds('natuurdeel_au.startjaar')!,
  };
  const [rate, euros, weight, year] = ['projectie.cpi', 'bouwsteen_beheer.bedrag', 'lpo.gewicht_loon', 'natuurdeel_au.startjaar'] as const;
  test.each([
    // [bounds, text, value read (exact) or the message]
    [rate, '2,5%', '0.025'],
    [rate, '2.5 %', '0.025'],
    [rate, '0', '0'],
    [rate, '2,5', "verwacht een percentage, gevonden '2,5' zonder %; bedoelt u '2,5%'?"],
    [rate, '0.025', "verwacht een percentage, gevonden '0.025' zonder %; bedoelt u '2.5%' (als fractie bedoeld) of '0.025%'?"],
    [rate, '3 mln', "verwacht een percentage, gevonden een bedrag ('3 mln')"],
    [euros, '200 mln', '200000000'],
    [euros, '1,3 mld', '1300000000'],
    [euros, '200', "verwacht een bedrag met eenheid (mln of mld), gevonden '200'; bedoelt u '200 mln'?"],
    [euros, '5%', "verwacht een bedrag (mln of mld), gevonden een percentage ('5%')"],
    [weight, '0.6', '0.6'],
    [weight, '60%', '0.6'],
    [weight, '60', "verwacht een gewicht als fractie (0,6) of als percentage (60%), gevonden '60'; bedoelt u '60%'?"],
    [year, '2023', '2023'],
    [year, '2023,5', "verwacht een jaartal, gevonden '2023,5'"],
  ] as const)('%s: %s', (name, text, expected) => {
    const r = readParameterValue(bounds[name]!, text);
    if (/^-?\d/.test(expected)) expect(r.ok && r.value.toString()).toBe(expected);
    else expect(!r.ok && r.message).toBe(expected);
  });
});

describe('warnings for values outside the plausible range', () => {
  const dir = mkdtempSync(join(tmpdir(), 'natuurpact-bounds-'));
  const write = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));
  // 12% a year is above the highest published CPI in macro.csv (10.0%, 2022): plausible only to 10%.
  const file = write('inflatie.yaml', '# Hoge inflatie\nnaam: inflatie\nparameters:\n  projectie.cpi: 12%\n');
  const message = "parameters.projectie.cpi: 12% ligt buiten het aannemelijke bereik, van -1% tot en met 10% (macro.csv, CPI (CBS): laagste 0,3% (2016), hoogste 10,0% (2022))";

  test('valideer: exit 0, the warning with its place on stderr', async () => {
    const r = await run('valideer', file);
    expect(r.code).toBe(0);
    expect(r.err).toBe(`waarschuwing: ${file}:4:18: ${message}\n`);
    expect(r.out).toBe('1 scenario geldig.\n');
  });
  test('run: the warning in the assumptions section of rapport.md and rapport.html, file named relative to the scenario', async () => {
    const uit = join(dir, 'uit');
    const r = await run('run', file, '--uit', uit, '--formaat', 'md,html');
    expect(r.code).toBe(0);
    const md = readFileSync(join(uit, 'inflatie', 'rapport.md'), 'utf8');
    const section = md.slice(md.indexOf('## Bijlage B. Aannames en datakwaliteit'), md.indexOf('## Bijlage C.'));
    expect(section).toContain(`- inflatie.yaml:4:18: ${message.replaceAll('_', '\\_')}`);
    expect(readFileSync(join(uit, 'inflatie', 'rapport.html'), 'utf8')).toContain(`<li>inflatie.yaml:4:18: ${message}</li>`);
  });
  test('data: an assumption outside its plausible range is a warning in data check and in a run', async () => {
    const own = join(dir, 'eigen');
    mkdirSync(own);
    // 100 mln is below every stand of the DU Natuur (230, 446, 346 mln): the plausible range starts at 200 mln.
    writeFileSync(join(own, 'aannames.csv'), 'naam,waarde,eenheid,status,bron,methode\nnatuurdeel_au.startbedrag,100,EUR mln,aanname,,eigen aanname\n');
    const check = await run('data', 'check', '--data', own);
    expect(check.code).toBe(0);
    expect(check.err).toBe(`waarschuwing: ${join(own, 'aannames.csv')}:2: natuurdeel_au.startbedrag: 100 mln ligt buiten het aannemelijke bereik, van 200 mln tot en met 600 mln (de DU Natuur stond op 230 (2015), 446 (2016-2017) en 346 mln (2018-2022))\n`);
    const runWarnings = runLoadedScenario(loadScenarioFile(join(scenarios, 'basis.yaml')), loadDataset(own)).waarschuwingen;
    expect(runWarnings.map((w) => `${w.line}: ${w.message.slice(0, w.message.indexOf(' ligt'))}`)).toEqual(['2: natuurdeel_au.startbedrag: 100 mln']);
  });
});

describe('units in data files: converted within their dimension, refused across', () => {
  const dir = mkdtempSync(join(tmpdir(), 'natuurpact-units-'));
  test('530 km2 of new nature is 53.000 ha (x 100); 485,11 km2 gives exactly the shipped 48.511 ha and the same gap', () => {
    const own = join(dir, 'km2');
    mkdirSync(own);
    writeFileSync(
      join(own, 'kostendrivers.csv'),
      'driver,provincie,jaar,waarde,eenheid,status,bron,vindplaats,methode\nnnn_gerealiseerd_ha,NL,2023,485.11,km2,realisatie,dr-rijk-vrn9,"Paragraaf inrichting natuur, alinea 1: stand 1 januari 2023",in km2\n',
    );
    const overlaid = loadDataset(own);
    const row = overlaid.kostendrivers.find((d) => d.driver === 'nnn_gerealiseerd_ha' && d.jaar === 2023 && d.provincie === 'NL')!;
    expect(row.waarde.toString()).toBe('48511');
    expect(row.basiseenheid).toBe('ha');
    const basis = loadScenarioFile(join(scenarios, 'basis.yaml'));
    const a = runLoadedScenario(basis, data).result.cell('NL', 2026, 'tekort').bedrag_eur;
    const b = runLoadedScenario(basis, overlaid).result.cell('NL', 2026, 'tekort').bedrag_eur;
    expect(b.equals(a)).toBe(true);
  });
  test('the land area of a province stays in km2: a value in ha is divided by 100', () => {
    const own = join(dir, 'ha');
    mkdirSync(own);
    // Shipped: PV22 Drenthe 2632,65 km2 (provincies.csv); the same area in ha is 263265.
    writeFileSync(join(own, 'provincies.csv'), 'provincie,naam,kenmerk,jaar,waarde,eenheid,status,bron,vindplaats,methode\nPV22,Drenthe,oppervlakte_land,2020,263265,ha,aanname,,,in ha\n');
    const row = loadDataset(own).provincies.find((r) => r.provincie === 'PV22' && r.kenmerk === 'oppervlakte_land' && r.jaar === 2020)!;
    expect(row.waarde.toString()).toBe('2632.65');
    expect(row.basiseenheid).toBe('km2');
  });
});

describe('the last guard before any write', () => {
  test('a non-finite or absurd figure (from a library caller\'s dataset) is a user error naming the cell and its inputs', () => {
    const basis = loadScenarioFile(join(scenarios, 'basis.yaml'));
    for (const [value, what] of [[new Decimal(Infinity), 'geen eindig getal'], [new Decimal('1e100'), 'meer dan 10^13 euro']] as const) {
      const broken = { ...data, aannames: data.aannames.map((a) => (a.naam === 'projectie.grondprijs' ? { ...a, waarde: value } : a)) };
      let error: unknown;
      try {
        runLoadedScenario(basis, broken);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(UserError);
      const message = (error as UserError).message;
      expect(message).toContain(what);
      // The first cell it reaches: the land price enters the nature cost index of every task.
      expect(message).toMatch(/resultaat: PV\d\d 20\d\d kosten\.\w+ wordt /);
      expect(message).toContain('er is niets geschreven');
      expect(message).toContain('invoer: grondprijs 2024 (aanname)');
    }
  });
});
