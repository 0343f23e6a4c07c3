/**
 * Issue 12, items 6-8: no stack traces for user errors, bounded work, and the small items (Dutch
 * messages for every YAML error, escaped Markdown, no terminal control codes, typed errors from the
 * library). The reproducers that are files live in tests/fixtures; the ones that are too large to
 * keep as a file (a 100,000-term formula, 20,000 unknown keys, 500 bad rows) are made here.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { terminalSafe } from '../src/cli/program.js';
import { checkFormula, compileFormula, MAX_FORMULA_LENGTH } from '../src/core/allocation/formula.js';
import { indicatorsOf, keyShares } from '../src/core/allocation/keys.js';
import { allocateWholeEuros } from '../src/core/allocation/largest-remainder.js';
import { dec } from '../src/core/decimal.js';
import { MAX_SHOWN_ISSUES, UserError } from '../src/core/errors.js';
import { decomposeGap } from '../src/core/model/decompose.js';
import { compilePlan } from '../src/core/model/plan.js';
import { explain, runScenario } from '../src/core/model/run.js';
import { toBaseUnit } from '../src/core/units.js';
import { buildDataset } from '../src/io/load.js';
import { loadDataset } from '../src/io/read-dir.js';
import { run } from './helpers/cli.js';

const data = loadDataset();
const dir = mkdtempSync(join(tmpdir(), 'natuurpact-hard-'));
const write = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));
const construction = (key: string) => `naam: k\nconstructies:\n  - id: C8\n    naam: eigen\n    start: 2026\n    basis: { bedrag: 100 mln }\n    indexatie: nominaal\n    sleutel: ${key}\n`;

describe('no stack trace for user errors: the large reproducers', () => {
  test('a 100,000-term formula: exit 1, refused before it is parsed', async () => {
    const file = write('lang.yaml', construction(`{ formule: "${'inwoners + '.repeat(100_000)}1" }`));
    const r = await run('valideer', file);
    expect(r.code).toBe(1);
    // 1.1 MB: more than a scenario file can be (1 MB).
    expect(r.err).toContain('scenariobestand is te groot');
    expect(r.err).not.toMatch(/\n\s+at /);
    const shorter = write('lang2.yaml', construction(`{ formule: "${'inwoners + '.repeat(5_000)}1" }`));
    const s = await run('valideer', shorter);
    expect(s.code).toBe(1);
    expect(s.err).toContain(`formule is te lang (55001 tekens, ten hoogste ${MAX_FORMULA_LENGTH})`);
  });
  test('20,000 unknown keys: exit 1, 100 of them listed and the rest counted', async () => {
    const file = write('sleutels.yaml', `naam: veel\n${Array.from({ length: 20_000 }, (_, i) => `onbekend${i}: 1`).join('\n')}\n`);
    const r = await run('valideer', file);
    expect(r.code).toBe(1);
    const lines = r.err.trimEnd().split('\n');
    expect(lines).toHaveLength(MAX_SHOWN_ISSUES + 2);
    expect(lines.at(-2)).toBe('... en nog 19900 fouten');
    expect(lines.at(-1)).toBe('20000 problemen gevonden.');
  });
  test('a data file with 500 bad rows: the message lists 100 and counts the rest', async () => {
    const own = join(dir, 'slecht');
    mkdirSync(own);
    const rows = Array.from({ length: 500 }, (_, i) => `PV20,${2000 + (i % 60)},natuurbeheer,realisatie,abc${i},EUR mln,aanname,,,test`);
    writeFileSync(join(own, 'uitgaven.csv'), `provincie,jaar,taak,soort,waarde,eenheid,status,bron,vindplaats,methode\n${rows.join('\n')}\n`);
    const r = await run('data', 'check', '--data', own);
    expect(r.code).toBe(1);
    expect(r.err).toContain('... en nog 400 fouten');
    expect(r.err.split('\n').length).toBeLessThan(MAX_SHOWN_ISSUES + 5);
  });
});

describe('formula keys: numbers, names, + - * / ^, min and max with arguments, of bounded size', () => {
  const names = ['inwoners', 'oppervlakte_land'];
  test.each([
    ['inwoners + null', "alleen getallen zijn toegestaan als constante, gevonden 'null'"],
    ['inwoners * true', "alleen getallen zijn toegestaan als constante, gevonden 'true'"],
    ['min()', 'min() vraagt ten minste één getal'],
    [`${'('.repeat(30)}1${')'.repeat(30)}`, 'haakjes zijn te diep genest (ten hoogste 20 niveaus)'],
    [`${'1+'.repeat(200)}1`, 'formule heeft te veel onderdelen (ten hoogste 300)'],
  ])('%#', (formula, message) => {
    expect(checkFormula(formula, names).problems.map((p) => p.message)).toContain(message);
  });
  test('an exponent above 100 and a result that overflows are errors, never Infinity', () => {
    const f = compileFormula('inwoners ^ (10 ^ 20)', names);
    expect(() => f.evaluate({ inwoners: dec(10), oppervlakte_land: dec(1) })).toThrow(UserError);
    const g = compileFormula('inwoners ^ 100 * inwoners ^ 100', names);
    // 10^100 × 10^100 = 10^200 is large but finite in the decimals: only a true overflow is refused.
    expect(g.evaluate({ inwoners: dec(10), oppervlakte_land: dec(1) }).toString()).toBe('1e+200');
  });
  test('indicators are grouped once per dataset (400 extra indicators took 39 s before, 4.7 s after, with one formula key)', () => {
    expect(indicatorsOf(data)).toBe(indicatorsOf(data));
    expect([...indicatorsOf(data).keys()].sort()).toEqual(['ehs_ha_2006', 'inwoners', 'oppervlakte_land']);
  });
});

describe('Dutch messages for every YAML error', () => {
  test.each([
    ['twee documenten', 'naam: a\n---\nnaam: b\n', 'meer dan één document'],
    ['tab', 'naam: a\nperiode:\n\tvan: 2014\n', 'tabs als inspringing'],
    ['open aanhalingsteken', 'naam: "a\n', 'een afsluitend teken ontbreekt'],
    ['dubbele sleutel', 'naam: a\nnaam: b\n', 'een sleutel staat twee keer in hetzelfde blok'],
    ['verwijzing', 'naam: &a x\nbeschrijving: *a\n', 'een verwijzing (*a) wordt in een scenario niet gebruikt'],
    ['escape', 'naam: "a\\qb"\n', 'ongeldige escape'],
    ['sleutel als lijst', '? [a, b]\n: c\nnaam: x\n', 'een sleutel moet een naam zijn'],
  ])('%s', async (_name, text, expected) => {
    const r = await run('valideer', write('yaml.yaml', text));
    expect(r.code).toBe(1);
    expect(r.err).toContain(expected);
    expect(r.err).not.toMatch(/\b(Invalid|expected|Expected|must|line \d+, column)\b/);
  });
  test('a shape the schema does not expect is told in Dutch too', async () => {
    const r = await run('valideer', write('vorm.yaml', construction('{ overgang: { van: historisch, naar: plan, jaren: 2, start: 2026, extra: 1 } }')));
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(/\b(Invalid|Unrecognized|expected)\b/);
  });
});

describe('what reaches a report or a terminal', () => {
  test('rapport.md shows a description as text: no raw HTML, links or emphasis', async () => {
    const file = write('opmaak.yaml', "naam: opmaak\nbeschrijving: '# Kop <img src=x onerror=alert(1)> [klik](http://x) *vet* `code` | pijp'\n");
    const uit = join(dir, 'uit-md');
    const r = await run('run', file, '--uit', uit, '--formaat', 'md');
    expect(r.code).toBe(0);
    const md = readFileSync(join(uit, 'opmaak', 'rapport.md'), 'utf8');
    expect(md).toContain('\\# Kop &lt;img src=x onerror=alert(1)&gt; \\[klik\\](http://x) \\*vet\\* \\`code\\` \\| pijp');
    expect(md).not.toContain('<img');
  });
  test('terminal control codes are removed; tabs and line ends kept', () => {
    expect(terminalSafe('rood\u001b[31m!\u001b[0m\u001b]0;titel\u0007 a\tb\r\nc\rd\u0007\u009b')).toBe('rood! a\tb\r\ncd');
  });
});

describe('typed errors from the library', () => {
  const result = runScenario({ naam: 'x' }, data);
  test.each([
    ['runScenario(null)', () => runScenario(null as never, data)],
    ['runScenario without a dataset', () => runScenario({ naam: 'x' }, {} as never)],
    ['runScenario with tot as text', () => runScenario({ naam: 'x', tot: 'abc' as never }, data)],
    ['runScenario with a parameter as text', () => runScenario({ naam: 'x', ontwikkelingen: { nhv: { parameters: { aandeel_provincies: 'x' as never } } } }, data)],
    ['runScenario with a share of 140%', () => runScenario({ naam: 'x', ontwikkelingen: { nhv: { parameters: { aandeel_provincies: dec('1.4') } } } }, data)],
    ['runScenario dividing by 0', () => runScenario({ naam: 'x', ontwikkelingen: { beheer_100pct: { parameters: { huidig: dec(0) } } } }, data)],
    ['runScenario with a vintage number', () => runScenario({ naam: 'x', macro: { vintage: 5 as never } }, data)],
    ['compilePlan(null)', () => compilePlan(null as never, data, null as never)],
    ['buildDataset(null)', () => buildDataset(null as never)],
    ['loadDataset(5)', () => loadDataset(5 as never)],
    ['explain(null)', () => explain(null as never, { provincie: 'NL', jaar: 2026, post: 'tekort' })],
    ['decomposeGap(null)', () => decomposeGap(null as never)],
    ['keyShares(garbage)', () => keyShares({ soort: 'onzin' } as never, result, 2026)],
    ['keyShares with a negative mix weight', () => keyShares({ soort: 'mix', delen: [{ sleutel: { soort: 'historisch' }, gewicht: dec('1.5') }, { sleutel: { soort: 'plan' }, gewicht: dec('-0.5') }] }, result, 2026)],
    ['compileFormula(5)', () => compileFormula(5 as never, [])],
    ['allocateWholeEuros with a negative share', () => allocateWholeEuros(dec(5), [dec(-1), dec(2)])],
    ['toBaseUnit in kg', () => toBaseUnit(dec(1), 'kg')],
  ])('%s: a UserError', (_name, call) => {
    expect(call).toThrow(UserError);
  });
});
