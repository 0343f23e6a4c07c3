/**
 * Seeded fuzzing of scenario and data inputs (issue 12, item 6): whatever a user (or a shared file)
 * gives, the program answers with a result (exit 0) or a Dutch user error (exit 1), never an internal
 * error (exit 3). Every case runs in-process; the exit code is the one the command line gives for
 * the error (`reportError` in src/cli/program.ts). The seed is fixed, so a failure reproduces; the
 * failing input is printed by fast-check.
 *
 * - scenario text: the shipped scenarios (and a few that use every kind of value) with random changes
 *   (values, keys and lines from the scenario vocabulary and dangerous ones, broken syntax), and random
 *   YAML trees: loaded and validated against the data, every fifteenth valid one also run: 2,500 cases;
 * - scenario values: well-formed scenarios with values inside and outside every parameter's bounds,
 *   run through the model, their tidy table and Markdown report: every figure finite;
 * - data: overlay files with random codes, units, values and bytes on a small dataset; and a few
 *   overlays of the shipped data followed by a model run.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadFormulaParser } from '../src/core/allocation/formula.js';
import { reportError } from '../src/cli/program.js';
import { MAX_MAGNITUDE } from '../src/core/bounds.js';
import { buildDataset } from '../src/io/load.js';
import { loadDatasetWithInputs } from '../src/io/read-dir.js';
import { runLoadedScenario, validateScenario } from '../src/io/run-scenario.js';
import { loadScenarioFile } from '../src/io/scenario.js';
import { markdownReport } from '../src/report/markdown.js';
import { reportModel } from '../src/report/report-model.js';
import { resultsCsv } from '../src/report/results-csv.js';
import { file, miniFiles } from './helpers/mini.js';

const SEED = 20_251_212;
const { data: shipped, inputs: shippedInputs } = loadDatasetWithInputs();
const scenarios = join(import.meta.dirname, '..', 'scenarios');
const dir = mkdtempSync(join(tmpdir(), 'natuurpact-fuzz-'));
copyFileSync(join(scenarios, 'basis.yaml'), join(dir, 'basis.yaml'));

/** The exit code the command line would give, with what it would print kept for the failure message. */
function exitCodeOf(action: () => void): { code: number; err: string } {
  let err = '';
  try {
    action();
    return { code: 0, err };
  } catch (e) {
    const code = reportError(e, { err: (s) => (err += s) });
    return { code, err };
  }
}

let counter = 0;
function writeScenario(text: string): string {
  const path = join(dir, `s${counter++ % 50}.yaml`);
  writeFileSync(path, text);
  return path;
}

// ---------------------------------------------------------------------------------------------
// Scenario text

const KEYS = [
  'naam', 'basis', 'beschrijving', 'periode', 'van', 'tot', 'macro', 'vintage', 'startjaar_bbp', 'gemiddelde', 'combinatie', 'projectie',
  'cpi', 'grondprijs', 'bbp_prijs', 'contractloon', 'parameters', 'projectie.cpi', 'projectie.grondprijs', 'lpo.gewicht_loon', 'lpo.gewicht_prijs',
  'kostenindex.gewicht_grond', 'natuurdeel_au.startbedrag', 'natuurdeel_au.startjaar', 'aandeel_uitvoering', 'nnn_pad', 'ontwikkelingen', 'nhv',
  'grondprijs_schok', 'beheer_100pct', 'bouwsteen_beheer', 'anlb_500', 'loon_schok', 'faunaschade_groei', 'nnn_restopgave', 'schok', 'huidig',
  'nieuw', 'aandeel_provincies', 'eindjaar', 'totaal', 'bedrag', 'startjaar', 'aan', 'constructies', 'uitvoer', 'formaten', 'venster', 'provincies',
  'PV20', 'PV26', 'PV31', 'PV99', 'Utrecht', 'overig', '2024', '2026', '2028', '2050', '2013', '2051', 'id', 'sleutel', 'formule', 'mix', 'gewicht',
  'indicator', 'taak', 'overgang', 'jaren', 'start', 'indexatie', 'oormerk', 'onderbesteding', 'uitvoeringslasten', 'cofinanciering',
  'omzettingskorting', 'toevoegingen', 'vanaf', 'status_quo_jaar', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype', '',
  'x'.repeat(300), '5%', 'ééé', 'a b',
];
const SCALARS = [
  '2,5', '2,5%', '"2,5%"', '-0.2', '140%', '200', '200 mln', '1,3 mld', '0', '0%', '0.5', '1e6', '999999999999999%', '99999999999999999999',
  '-999999999999999 mld', '.inf', '-.inf', '.nan', 'NaN', 'Infinity', 'null', '~', 'true', 'false', 'aan', 'uit', 'ja', 'tempo', 'doel', 'alle', 'C0',
  'C1', 'C7', 'C8', 'historisch', 'plan', 'kostenindex', 'bbp', 'nominaal', 'au', 'rekenkundig', 'meetkundig', 'optellen', 'csv', 'xlsx', 'NL',
  '"inwoners + null"', '"min()"', '"10^(10^20)"', '"inwoners / (inwoners - inwoners)"', '"0.5 * inwoners + 0.5 * oppervlakte_land"',
  '"import(\'fs\')"', `"${'inwoners + '.repeat(400)}1"`, `"${'('.repeat(60)}1${')'.repeat(60)}"`, '"../x"', '"."', '""', '" =cmd"', 'basis.yaml',
  '../basis.yaml', '/etc/passwd', '/proc/self/mem', '/dev/zero', 'ontbreekt.yaml', '"a\\0b"', '"\\u001b[31mrood"', '"<script>x</script>"',
  '2024', '2026', '2030', '2050', '2051', '1899', '-1', '3', '12,5 %', '1.234,5', '1,234', '1.234.567', '"x\ny"', '*anker', '&anker x', '!!binary x',
  'basis', 'x'.repeat(200), '[]', '{}',
];

const FORMULAS = [
  '"inwoners + null"', '"min()"', '"max(inwoners)"', '"10^(10^20)"', '"2^-200"', '"inwoners / (inwoners - inwoners)"', '"inwoners - 1e9"', '"-inwoners"',
  '"0 * inwoners"', '"true"', '"\'a\'"', '"[1, 2]"', '"inwoners.x"', '"f(x) = 1"', '"inwoners; 1"', '"import(\'fs\')"', '"inwoners ++ 1"', '"inwoners ^ inwoners"',
  `"${'inwoners + '.repeat(400)}1"`, `"${'('.repeat(60)}1${')'.repeat(60)}"`, '"1e400 * inwoners"', '"0.5 * inwoners + 0.5 * oppervlakte_land"', '""', '" "',
];

type Tree = { kind: 'scalar'; v: string } | { kind: 'map'; items: [string, Tree][] } | { kind: 'seq'; items: Tree[] };

const tree = fc.letrec<{ node: Tree }>((t) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...SCALARS).map((v): Tree => ({ kind: 'scalar', v })),
    fc.array(fc.tuple(fc.constantFrom(...KEYS), t('node')), { maxLength: 5 }).map((items): Tree => ({ kind: 'map', items })),
    fc.array(t('node'), { maxLength: 3 }).map((items): Tree => ({ kind: 'seq', items })),
  ),
})).node;

const yamlKey = (k: string) => (k === '' || /[:#{}[\],&*!|>'"%@`]|^\s|\s$|^-/.test(k) ? JSON.stringify(k) : k);

function render(t: Tree, indent: string, flow: boolean): string {
  if (t.kind === 'scalar') return t.v;
  if (flow || t.items.length === 0) {
    if (t.kind === 'seq') return `[${t.items.map((x) => render(x, '', true)).join(', ')}]`;
    return `{${t.items.map(([k, v]) => `${yamlKey(k)}: ${render(v, '', true)}`).join(', ')}}`;
  }
  if (t.kind === 'seq') return t.items.map((x) => `\n${indent}- ${render(x, `${indent}  `, x.kind !== 'map')}`).join('');
  return t.items.map(([k, v]) => `\n${indent}${yamlKey(k)}: ${v.kind === 'scalar' ? v.v : render(v, `${indent}  `, false)}`).join('');
}

/** Valid scenarios to start from: the shipped ones and a few that use every kind of value. */
const TEMPLATES = [
  ...['basis', 'bouwsteen-natuur', 'gefaseerd-en-regionaal', 'hoge-lonen-en-grondprijzen', 'nhv-ambitie'].map((n) => readFileSync(join(scenarios, `${n}.yaml`), 'utf8')),
  'naam: t1\nbasis: basis.yaml\nparameters:\n  projectie.cpi: {2026: 3%, 2028: "2,5%"}\n  lpo.gewicht_loon: 0.6\n  lpo.gewicht_prijs: 0.4\nontwikkelingen:\n  beheer_100pct: {startjaar: 2027, parameters: {huidig: 84%, nieuw: 100%}}\n  exoten_unielijst: {parameters: {bedrag_per_jaar: 5 mln}}\n',
  'naam: t2\nbasis: basis.yaml\nconstructies:\n  - C1\n  - id: C8\n    naam: eigen\n    start: 2026\n    basis: { bedrag: 400 mln }\n    toevoegingen: [{ bedrag: 50 mln, vanaf: 2028 }]\n    indexatie: kostenindex\n    sleutel: { mix: [{ sleutel: historisch, gewicht: 0.5 }, { sleutel: { formule: "inwoners + 2 * oppervlakte_land" }, gewicht: 0.5 }] }\n    uitvoeringslasten: 2%\n    oormerk: { onderbesteding: 5% }\n',
  'naam: t3\nbasis: basis.yaml\nperiode: { tot: 2040 }\nnnn_pad: doel\nmacro: { startjaar_bbp: 2027, gemiddelde: meetkundig, combinatie: optellen, projectie: { grondprijs: 5% } }\nontwikkelingen:\n  loon_schok: { parameters: { schok: { PV26: 10%, overig: { 2026: 5%, 2030: 2% } } } }\n  anlb_500: aan\n',
];

/** One change to a scenario's text: a value, a key or a line replaced, inserted, removed; or characters that break the syntax. */
const mutation = fc.oneof(
  fc.tuple(fc.constant('value' as const), fc.nat(), fc.constantFrom(...SCALARS)),
  fc.tuple(fc.constant('key' as const), fc.nat(), fc.constantFrom(...KEYS)),
  fc.tuple(fc.constant('insert' as const), fc.nat(), fc.tuple(fc.constantFrom(...KEYS), tree).map(([k, t]) => `${yamlKey(k)}: ${render(t, '  ', true)}`)),
  fc.tuple(fc.constant('delete' as const), fc.nat(), fc.constant('')),
  fc.tuple(fc.constant('chars' as const), fc.nat(), fc.constantFrom(':', '{', '}', '[', ']', '\t', '"', "'", '\n', '- ', '#', '\u0000', '\u00e9', '---\n')),
);

function mutate(text: string, [kind, at, what]: [string, number, string]): string {
  const lines = text.split('\n');
  const i = at % lines.length;
  const line = lines[i]!;
  const colon = line.indexOf(': ');
  switch (kind) {
    case 'value':
      // A formula gets a formula: most of what can go wrong with a key is in its text.
      if (colon >= 0) lines[i] = `${line.slice(0, colon)}: ${/formule\s*$/.test(line.slice(0, colon)) ? FORMULAS[at % FORMULAS.length] : what}`;
      break;
    case 'key':
      if (colon >= 0) lines[i] = `${line.slice(0, colon).match(/^\s*-?\s*/)![0]}${yamlKey(what)}${line.slice(colon)}`;
      break;
    case 'insert':
      lines.splice(i, 0, `${line.match(/^\s*/)![0]}${what}`);
      break;
    case 'delete':
      lines.splice(i, 1);
      break;
    default: {
      const pos = at % (text.length + 1);
      return text.slice(0, pos) + what + text.slice(pos);
    }
  }
  return lines.join('\n');
}

/** A scenario: a valid one with zero to three changes, or (a tenth of the time) a random tree. */
const scenarioText = fc.oneof(
  { weight: 9, arbitrary: fc.tuple(fc.constantFrom(...TEMPLATES), fc.array(mutation, { maxLength: 3 })).map(([t, ms]) => ms.reduce(mutate, t)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('naam: fuzz', 'naam: fuzz\nbasis: basis.yaml', ''), fc.array(fc.tuple(fc.constantFrom(...KEYS), tree), { maxLength: 6 }), fc.boolean())
      .map(([head, items, flow]) => `${head}${render({ kind: 'map', items }, '', flow)}\n`),
  },
);

describe('fuzz: scenario files', () => {
  // Random keys include formulas; the command line loads the parser for them (prepareScenario).
  beforeAll(loadFormulaParser);

  test('random scenario text: loading and checking against the data gives exit 0 or 1, never 3', () => {
    const outcomes: Record<number, number> = {};
    fc.assert(
      fc.property(scenarioText, (text) => {
        const path = writeScenario(text);
        const r = exitCodeOf(() => validateScenario(loadScenarioFile(path), shipped));
        expect(r.code, `${text}\n---\n${r.err}`).toBeLessThanOrEqual(1);
        outcomes[r.code] = (outcomes[r.code] ?? 0) + 1;
        // Every fifteenth valid case also runs through the model (the rest would take minutes).
        if (r.code === 0 && outcomes[0]! % 15 === 0) {
          const run = exitCodeOf(() => runLoadedScenario(loadScenarioFile(path), shipped));
          expect(run.code, `${text}\n---\n${run.err}`).toBeLessThanOrEqual(1);
        }
      }),
      { seed: SEED, numRuns: 2500 },
    );
    // The cases reach past the parser: a good part of them is valid.
    expect(outcomes[0]).toBeGreaterThan(200);
  }, 120_000);

  // Allocation keys of a custom construction: formulas, mixes and transitions, nested.
  const WEIGHTS = ['0.5', '50%', '0', '1', '1.5', '-0.5', '-50%', '2', '0,25', '1 mln', '"x"'];
  const key = fc.letrec<{ key: string }>((t) => ({
    key: fc.oneof(
      { depthSize: 'small' },
      fc.constantFrom('historisch', 'plan', '{indicator: inwoners}', '{indicator: bestaat_niet}', '{taak: [natuurbeheer, anlb]}', '{taak: [onzin]}', '{taak: []}'),
      fc.constantFrom(...FORMULAS).map((f) => `{formule: ${f}}`),
      fc.array(fc.tuple(t('key'), fc.constantFrom(...WEIGHTS)), { maxLength: 3 }).map((parts) => `{mix: [${parts.map(([k, w]) => `{sleutel: ${k}, gewicht: ${w}}`).join(', ')}]}`),
      fc.tuple(t('key'), t('key'), fc.constantFrom('0', '1', '4', '-1', '2.5'), fc.constantFrom('2026', '2023', '2051')).map(([a, b, j, st]) => `{overgang: {van: ${a}, naar: ${b}, jaren: ${j}, start: ${st}}}`),
    ),
  })).key;

  test('random allocation keys: validation and, for valid ones, a run give exit 0 or 1', () => {
    let valid = 0;
    fc.assert(
      fc.property(key, (k) => {
        const text = `naam: sleutel\nbasis: basis.yaml\nconstructies:\n  - id: C8\n    naam: fuzz\n    start: 2026\n    basis: { bedrag: 100 mln }\n    indexatie: nominaal\n    sleutel: ${k}\n`;
        const path = writeScenario(text);
        const r = exitCodeOf(() => validateScenario(loadScenarioFile(path), shipped));
        expect(r.code, `${text}\n---\n${r.err}`).toBeLessThanOrEqual(1);
        if (r.code === 0 && ++valid % 8 === 0) {
          const run = exitCodeOf(() => runLoadedScenario(loadScenarioFile(path), shipped));
          expect(run.code, `${text}\n---\n${run.err}`).toBeLessThanOrEqual(1);
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
  }, 120_000);

  // Well-formed scenarios whose values go in and out of every parameter's bounds, through the model.
  const hostile = fc.constantFrom('140%', '-20%', '-100%', '-0,2', '2,5', '250%', '1000%', '0', '200', '10 mld', '-50 mln', '2027', '0.5', '999 mld');
  const sometimesHostile = (good: readonly string[]) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...good) }, { weight: 1, arbitrary: hostile });
  const GOOD: Record<'f' | 'e' | 'j', readonly string[]> = {
    f: ['0%', '5%', '20%', '50%', '84%', '100%', '2,5%', '-3%'],
    e: ['0 mln', '50 mln', '200 mln', '1 mld', '3,5 mln'],
    j: ['2026', '2030', '2040', '2050'],
  };
  const valueOf = (kind: 'f' | 'e' | 'j') =>
    kind === 'j'
      ? sometimesHostile(GOOD.j)
      : fc.oneof(
          sometimesHostile(GOOD[kind]),
          fc.tuple(sometimesHostile(GOOD[kind]), sometimesHostile(GOOD[kind])).map(([a, b]) => `{2026: "${a}", 2029: "${b}"}`),
          ...(kind === 'f' ? [fc.tuple(sometimesHostile(GOOD.f), sometimesHostile(GOOD.f)).map(([a, b]) => `{PV26: "${a}", overig: "${b}"}`)] : []),
        );
  const DEVELOPMENT_PARAMETERS: readonly [string, string, 'f' | 'e' | 'j'][] = [
    ['nhv', 'aandeel_provincies', 'f'],
    ['nhv', 'publieke_kosten', 'e'],
    ['faunaschade_groei', 'laatste_jaar', 'j'],
    ['beheer_100pct', 'huidig', 'f'],
    ['beheer_100pct', 'nieuw', 'f'],
    ['bouwsteen_beheer', 'bedrag', 'e'],
    ['anlb_500', 'bedrag', 'e'],
    ['anlb_500', 'aandeel_rijk', 'f'],
    ['faunaschade_groei', 'groei_per_jaar', 'e'],
    ['exoten_unielijst', 'bedrag_per_jaar', 'e'],
    ['grondprijs_schok', 'schok', 'f'],
    ['loon_schok', 'schok', 'f'],
    ['loon_schok', 'loonaandeel', 'f'],
    ['programma_natuur_stopt', 'aandeel_kosten_vervalt', 'f'],
    ['spuk_naar_fonds_korting', 'korting', 'f'],
  ];
  const ASSUMPTIONS: readonly [string, 'f' | 'e' | 'j'][] = [
    ['projectie.cpi', 'f'],
    ['projectie.grondprijs', 'f'],
    ['projectie.contractloon', 'f'],
    ['projectie.bbp_prijs', 'f'],
    ['natuurdeel_au.startbedrag', 'e'],
  ];
  const development = fc.constantFrom(...DEVELOPMENT_PARAMETERS).chain(([d, p, kind]) => valueOf(kind).map((v) => [d, p, v] as const));
  const assumption = fc.constantFrom(...ASSUMPTIONS).chain(([n, kind]) => (kind === 'f' ? sometimesHostile(GOOD.f) : sometimesHostile(GOOD.e)).map((v) => [n, v] as const));
  const construction = fc.record({
    bedrag: sometimesHostile(GOOD.e),
    formule: fc.constantFrom('inwoners', 'oppervlakte_land - 1000', '1 / (inwoners - 17947684)', 'max(inwoners, 1) ^ 2', '0 * inwoners', 'inwoners / oppervlakte_land'),
    lasten: sometimesHostile(GOOD.f),
    indexatie: fc.constantFrom('nominaal', 'kostenindex', 'bbp', 'au'),
  });
  const wellFormed = fc
    .record({
      startjaar: fc.constantFrom(2024, 2026, 2030, 2045),
      devs: fc.uniqueArray(development, { maxLength: 3, selector: ([d]) => d }),
      assumption: fc.option(assumption, { nil: undefined }),
      tot: fc.constantFrom(2030, 2035),
      constructie: fc.option(construction, { nil: undefined, freq: 4 }),
    })
    .map((r) => {
      const lines = ['naam: fuzz', 'basis: basis.yaml', `periode: { tot: ${r.tot} }`];
      if (r.assumption) lines.push('parameters:', `  ${r.assumption[0]}: ${r.assumption[1]}`);
      if (r.devs.length > 0) {
        lines.push('ontwikkelingen:');
        for (const [name, param, v] of r.devs) lines.push(`  ${name}:`, `    startjaar: ${r.startjaar}`, '    parameters:', `      ${param}: ${v}`);
      }
      if (r.constructie) {
        lines.push('constructies:', '  - id: C8', '    naam: fuzz', '    start: 2026', `    basis: { bedrag: ${r.constructie.bedrag} }`, `    indexatie: ${r.constructie.indexatie}`);
        lines.push(`    sleutel: { formule: "${r.constructie.formule}" }`, `    uitvoeringslasten: ${r.constructie.lasten}`);
      }
      return `${lines.join('\n')}\n`;
    });

  test('well-formed scenarios with values in and out of bounds: exit 0 with finite figures, or exit 1', () => {
    let ran = 0;
    fc.assert(
      fc.property(wellFormed, (text) => {
        let rows: readonly { bedrag_eur: { isFinite(): boolean; abs(): { greaterThan(x: unknown): boolean } } }[] = [];
        const r = exitCodeOf(() => {
          const run = runLoadedScenario(loadScenarioFile(writeScenario(text)), shipped);
          rows = run.rows;
          resultsCsv(run.rows, false);
          markdownReport(reportModel(run), run, '');
        });
        expect(r.code, `${text}\n---\n${r.err}`).toBeLessThanOrEqual(1);
        if (r.code === 0) ran++;
        for (const row of rows) expect(row.bedrag_eur.isFinite() && !row.bedrag_eur.abs().greaterThan(MAX_MAGNITUDE)).toBe(true);
      }),
      { seed: SEED, numRuns: 80 },
    );
    expect(ran).toBeGreaterThan(15);
  }, 180_000);
});

// ---------------------------------------------------------------------------------------------
// Data files

/** Per file: codes with the unit and values that fit them (the generator mostly keeps to these). */
const CODES: Record<string, readonly (readonly [string, readonly string[], readonly string[]])[]> = {
  'aannames.csv': [
    ['aandeel_uitvoering', ['%'], ['10', '5']],
    ['aandeel_verwerving_in_ontwikkeling', ['fractie'], ['0.5', '0.3']],
    ['projectie.cpi', ['%'], ['2', '3.5']],
    ['projectie.grondprijs', ['%'], ['4.4', '0']],
    ['lpo.gewicht_loon', ['fractie'], ['0.5']],
    ['natuurdeel_au.startjaar', ['jaar'], ['2023', '2020']],
    ['natuurdeel_au.startbedrag', ['EUR mln', 'EUR mld'], ['346', '0.4']],
    ['eigen_aanname', ['aantal', 'EUR'], ['7']],
  ],
  'kostendrivers.csv': [
    ['nnn_gerealiseerd_ha', ['ha', 'km2'], ['48511', '485.11']],
    ['nnn_doel_ha', ['ha'], ['80000']],
    ['grondprijs_landbouw', ['EUR/ha'], ['78800', '80000']],
    ['faunaschade', ['EUR mln'], ['74.5', '80']],
    ['anlb_uitbetaald', ['EUR mln'], ['115.7']],
    ['snl_vergoedingspercentage', ['%'], ['84', '90']],
    ['cao_bos_natuur', ['%'], ['4']],
    ['iets_anders', ['aantal'], ['3']],
  ],
  'sleutels.csv': [
    ['natuurpact', ['%', 'fractie'], ['9.6', '0.05']],
    ['eigen', ['%'], ['50']],
  ],
  'provincies.csv': [
    ['oppervlakte_land', ['km2', 'ha'], ['2000', '300000']],
    ['inwoners', ['aantal'], ['600000']],
    ['nnn_ha', ['ha'], ['10000']],
    ['eigen_kenmerk', ['aantal'], ['5']],
  ],
};
const HEADERS: Record<string, string> = {
  'aannames.csv': 'naam,waarde,eenheid,status,bron,methode',
  'kostendrivers.csv': 'driver,provincie,jaar,waarde,eenheid,status,bron,vindplaats,methode',
  'sleutels.csv': 'sleutel,provincie,waarde,eenheid,status,bron,vindplaats,methode',
  'provincies.csv': 'provincie,naam,kenmerk,jaar,waarde,eenheid,status,bron,vindplaats,methode',
};
const BAD_NUMBERS = ['0', '-1', '12,5', '1.234,5', '1,234', '140', '-49', '999999999999999', '1e6', 'abc', '', ' =1+1', '"1,5"', '.5', '2023'];
const BAD_UNITS = ['ha', 'km2', 'EUR', 'EUR mln', '%', 'fractie', 'EUR/ha', 'aantal', 'index', 'jaar', 'mln', 'kg', ''];
const PROVINCE = ['NL', 'PV20', 'PV26', 'PV31', 'PV99'];
const NAME: Record<string, string> = { NL: 'Nederland', PV20: 'Groningen', PV26: 'Utrecht', PV31: 'Limburg', PV99: 'Nergens' };
const mostly = <T,>(good: readonly T[], bad: readonly T[]) => fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...good) }, { weight: 1, arbitrary: fc.constantFrom(...bad) });

/** A data row: mostly of the right shape for its code, sometimes with a bad value, unit, status or province. */
const dataRow = (name: string, source: string) =>
  fc.constantFrom(...CODES[name]!).chain(([code, units, values]) =>
    fc
      .record({ p: mostly(name === 'sleutels.csv' ? PROVINCE.slice(1, 4) : PROVINCE.slice(0, 4), PROVINCE), jaar: mostly(['2023', '2024', '2026'], ['1899', '2015']), w: mostly(values, BAD_NUMBERS), u: mostly(units, BAD_UNITS), s: mostly(['aanname'], ['realisatie', 'onzin']) })
      .map((r) => {
        const fact = `${r.w},${r.u},${r.s},${source},Tabel,methode`;
        switch (name) {
          case 'aannames.csv':
            return `${code},${r.w},${r.u},${r.s},,methode`;
          case 'sleutels.csv':
            return `${code},${r.p},${fact}`;
          case 'provincies.csv':
            return `${r.p},${NAME[r.p]},${code},${r.jaar},${fact}`;
          default:
            return `${code},${r.p},${r.jaar},${fact}`;
        }
      }),
  );

const dataFile = (source: string) =>
  fc.constantFrom(...Object.keys(CODES)).chain((name) =>
    fc.oneof(
      { weight: 9, arbitrary: fc.uniqueArray(dataRow(name, source), { minLength: 1, maxLength: 3 }).map((rows) => ({ name, text: `${HEADERS[name]}\n${rows.join('\n')}\n` })) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }).map((text) => ({ name, text })) },
    ),
  );

describe('fuzz: data files', () => {
  test('random overlay files on a small dataset: a dataset or a user error, never an internal error', () => {
    let loaded = 0;
    fc.assert(
      fc.property(dataFile('t-np'), ({ name, text }) => {
        const r = exitCodeOf(() => buildDataset([...miniFiles(), file(name, text, 'eigen')]));
        expect(r.code, `${name}\n${text}\n---\n${r.err}`).toBeLessThanOrEqual(1);
        if (r.code === 0) loaded++;
      }),
      { seed: SEED, numRuns: 600 },
    );
    expect(loaded).toBeGreaterThan(60);
  }, 120_000);

  test('random overlays of the shipped data, then the status quo through the model: exit 0 or 1', () => {
    const basis = loadScenarioFile(join(dir, 'basis.yaml'));
    const source = [...shipped.bronnen.keys()][0]!;
    let ran = 0;
    fc.assert(
      fc.property(dataFile(source), ({ name, text }) => {
        const r = exitCodeOf(() => runLoadedScenario(basis, buildDataset([...shippedInputs, file(name, text, 'eigen')])));
        expect(r.code, `${name}\n${text}\n---\n${r.err}`).toBeLessThanOrEqual(1);
        if (r.code === 0) ran++;
      }),
      { seed: SEED, numRuns: 30 },
    );
    expect(ran).toBeGreaterThan(5);
  }, 120_000);
});
