/**
 * The explorer without a browser: what it embeds, which inputs it offers, how the page's changes
 * become a scenario file, and that such a file, read back by the command line's own reader, is the
 * scenario the page calculates. The page itself is tested in Chromium (tests/browser/).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadFormulaParser } from '../src/core/allocation/formula.js';
import { Decimal, dec } from '../src/core/decimal.js';
import { HISTORY_ASSUMPTIONS } from '../src/core/estimate.js';
import { DEVELOPMENTS } from '../src/core/model/developments.js';
import { assumptionDimensions } from '../src/core/assumption-dimensions.js';
import { loadDataset, loadDatasetWithInputs } from '../src/io/read-dir.js';
import { runScenarioFile } from '../src/io/run-scenario.js';
import { loadScenarioFile, toPlain, writtenSource } from '../src/io/scenario.js';
import { resultsCsv } from '../src/report/results-csv.js';
import { explorerPage } from '../src/cli/explorer-command.js';
import { extendScenario, runExtended } from '../src/explorer/extend.js';
import { catalogue, datedEntries, initialState, scenarioDelta, type ExplorerState, type NumberInput } from '../src/explorer/inputs.js';
import { inputLimits, within } from '../src/explorer/limits.js';
import { dataFileInput, decodeTagged, encodeTagged, payloadFile } from '../src/explorer/payload.js';
import { barChart, lineChart, niceTicks } from '../src/explorer/svg.js';
import { scenarioYaml } from '../src/explorer/yaml-text.js';
import { run } from './helpers/cli.js';

const scenarios = join(import.meta.dirname, '..', 'scenarios');
const data = loadDataset();
const basis = loadScenarioFile(join(scenarios, 'basis.yaml')).content;
const cat = catalogue(data, basis, toPlain);
const start = initialState(cat, 'basis-verkend', '');
const number = (id: string) => cat.groepen.flatMap((g) => g.invoer).find((i): i is NumberInput => i.id === id && i.soort === 'getal')!;
const withNumbers = (values: ExplorerState['getallen'], extra: Partial<ExplorerState> = {}): ExplorerState => ({ ...start, ...extra, getallen: { ...start.getallen, ...values } });

/** A scenario file the page's keys make, beside a copy of its base, read back by loadScenarioFile. */
function readBack(keys: Record<string, unknown>, base = 'basis.yaml'): ReturnType<typeof loadScenarioFile> {
  const dir = mkdtempSync(join(tmpdir(), 'natuurpact-verkenner-'));
  copyFileSync(join(scenarios, base), join(dir, base));
  const file = join(dir, `${String(keys.naam)}.yaml`);
  writeFileSync(file, scenarioYaml(keys, ['een commentaarregel']));
  return loadScenarioFile(file);
}

/** Content with decimals as their digits, for deep comparison. */
const plainContent = (c: unknown) => JSON.parse(JSON.stringify(c, (_k, v: unknown) => (v instanceof Decimal ? `d:${v.toString()}` : v))) as unknown;

describe('what the page embeds', () => {
  test('decimals survive the tagged JSON exactly, and < cannot end the script element', () => {
    const value = { a: dec('0.1').plus(dec('0.2')), lijst: [{ vanaf: 2026, waarde: dec('1e-30') }], tekst: '</script>' };
    const text = encodeTagged(value);
    expect(text).not.toContain('<');
    const back = decodeTagged(text) as typeof value;
    expect(back.a).toBeInstanceOf(Decimal);
    expect(back.a.equals(dec('0.3'))).toBe(true);
    expect(back.lijst[0]!.waarde.equals(dec('1e-30'))).toBe(true);
    expect(back.tekst).toBe('</script>');
  });

  test('data files come back byte for byte: the shipped ones as text, others as base64', () => {
    const { inputs } = loadDatasetWithInputs();
    for (const input of inputs) {
      const f = payloadFile(input, 'x');
      expect(f.tekst, input.name).toBeDefined();
      expect(Buffer.from(dataFileInput(f).bytes).equals(Buffer.from(input.bytes))).toBe(true);
    }
    const latin1 = { name: 'x.csv', label: 'eigen/x.csv', laag: 'eigen' as const, bytes: new Uint8Array([0x61, 0xe9, 0x0a, 0xef, 0xbb, 0xbf]) };
    const f = payloadFile(latin1, 'x');
    expect(f.tekst).toBeUndefined();
    expect([...dataFileInput(f).bytes]).toEqual([...latin1.bytes]);
  });
});

describe('the inputs the page offers', () => {
  const ids = cat.groepen.flatMap((g) => g.invoer.map((i) => i.id));

  test('every shipped development with its start year and every parameter, in the unit it declares', () => {
    for (const def of DEVELOPMENTS) {
      const group = cat.groepen.find((g) => g.ontwikkeling?.naam === def.naam);
      expect(group, def.naam).toBeDefined();
      expect(ids).toContain(`ontwikkelingen.${def.naam}.startjaar`);
      for (const [name, p] of Object.entries(def.parameters(data))) {
        const input = number(`ontwikkelingen.${def.naam}.parameters.${name}`);
        expect(input.eenheid).toBe(p.eenheid);
        expect(input.perJaar).toBe(p.varieert.includes('jaar'));
        expect(input.standaard.waarde.equals(p.waarde)).toBe(true);
      }
    }
  });

  test('every projection assumption of aannames.csv, none of the estimated history', () => {
    for (const a of data.aannames) {
      const id = `parameters.${a.naam}`;
      if (HISTORY_ASSUMPTIONS.includes(a.naam)) expect(ids).not.toContain(id);
      else {
        expect(ids).toContain(id);
        expect(number(id).perJaar).toBe(assumptionDimensions(a.naam).includes('jaar'));
      }
    }
  });

  test('bounds: years within the projection as the scenario schema allows, CPI plausible within its published range', () => {
    const year = number('ontwikkelingen.nhv.startjaar').grenzen;
    expect(within(year.hard, dec(2024))).toBe(true);
    expect(within(year.hard, dec(2023))).toBe(false);
    expect(within(year.hard, dec(2051))).toBe(false);
    // macro.csv: CPI 0.3% in 2016 and 10% in 2022 (CBS, cbs-2024-inflatie) are the extremes of the series.
    const cpi = inputLimits({ soort: 'aanname', naam: 'projectie.cpi', eenheid: 'fractie' }, data).plausibel!;
    expect(cpi.min!.equals(dec('0.003'))).toBe(true);
    expect(cpi.max!.equals(dec('0.10'))).toBe(true);
    expect(inputLimits({ soort: 'ontwikkeling', naam: 'nhv.aandeel_provincies', eenheid: 'fractie' }, data)).toEqual({ bron: 'geen grenzen vastgelegd' });
  });

  test('the construction: C0 for a scenario without constructions, its first one otherwise', () => {
    expect(cat.constructie).toBe('C0');
    expect(cat.constructies.map((c) => c.id)).toEqual(['C0', 'C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7']);
    const all = catalogue(data, loadScenarioFile(join(scenarios, 'natuurpact-2-0.yaml')).content, toPlain);
    expect(all.constructie).toBe('C1');
  });
});

describe('from the page to a scenario file', () => {
  const cpi = number('parameters.projectie.cpi');

  test('no change: only the name, the base and the description', () => {
    expect(scenarioDelta(cat, start, 'basis.yaml')).toEqual({ naam: 'basis-verkend', basis: 'basis.yaml' });
  });

  test('3% CPI for 2026-2030 is {2026: 3%}: before its first year a dated value leaves the default (2%)', () => {
    const waarden = cat.jaren.map((y) => (y >= 2026 ? dec('0.03') : cpi.standaard.waarde));
    expect(cat.jaren).toEqual([2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect(datedEntries(cpi, cat.jaren, waarden)).toEqual([{ vanaf: 2026, waarde: dec('0.03') }]);
    const keys = scenarioDelta(cat, withNumbers({ [cpi.id]: { vorm: 'per_jaar', waarden } }), 'basis.yaml');
    expect(keys).toEqual({ naam: 'basis-verkend', basis: 'basis.yaml', parameters: { 'projectie.cpi': { 2026: '3%' } } });
    expect(scenarioYaml(keys)).toBe('naam: basis-verkend\nbasis: basis.yaml\nparameters:\n  projectie.cpi:\n    2026: 3%\n');
  });

  test('a value per year that returns to the default gets an entry at the change; one value stays one value', () => {
    const waarden = cat.jaren.map((y) => (y === 2026 || y === 2027 ? dec('0.03') : cpi.standaard.waarde));
    expect(datedEntries(cpi, cat.jaren, waarden)).toEqual([
      { vanaf: 2026, waarde: dec('0.03') },
      { vanaf: 2028, waarde: dec('0.02') },
    ]);
    const keys = scenarioDelta(cat, withNumbers({ [cpi.id]: { vorm: 'enkel', waarde: dec('0.025') } }), 'basis.yaml');
    expect(keys.parameters).toEqual({ 'projectie.cpi': '2.5%' });
  });

  test('a development switched on, with an amount and a start year; the construction C3', () => {
    // The default amount is the 200 mln asked for (natuurpact.csv, bouwsteen_beheer.vraag): 250 mln is a change.
    const keys = scenarioDelta(
      cat,
      withNumbers(
        {
          'ontwikkelingen.bouwsteen_beheer.parameters.bedrag': { vorm: 'enkel', waarde: dec(250e6) },
          'ontwikkelingen.bouwsteen_beheer.startjaar': { vorm: 'enkel', waarde: dec(2027) },
        },
        { aan: { ...start.aan, bouwsteen_beheer: true }, constructie: 'C3' },
      ),
      'basis.yaml',
    );
    expect(keys).toEqual({
      naam: 'basis-verkend',
      basis: 'basis.yaml',
      ontwikkelingen: { bouwsteen_beheer: { aan: 'aan', startjaar: '2027', parameters: { bedrag: '250 mln' } } },
      constructies: ['C3'],
    });
  });

  test('a development that is off writes no parameters', () => {
    const keys = scenarioDelta(cat, withNumbers({ 'ontwikkelingen.bouwsteen_beheer.parameters.bedrag': { vorm: 'enkel', waarde: dec(200e6) } }), 'basis.yaml');
    expect(keys.ontwikkelingen).toBeUndefined();
  });

  test('the file the page exports, read by the command line, is the scenario the page calculates', () => {
    const cases: Record<string, unknown>[] = [
      { naam: 'a', basis: 'basis.yaml', parameters: { 'projectie.cpi': { 2026: '3%' } } },
      { naam: 'b', basis: 'basis.yaml', beschrijving: 'Met: een dubbele punt # en een hekje', macro: { startjaar_bbp: '2027', gemiddelde: 'meetkundig' }, nnn_pad: 'doel' },
      { naam: 'c', basis: 'basis.yaml', ontwikkelingen: { grondprijs_schok: { aan: 'aan', parameters: { schok: { 2026: '10%', 2028: '30%' } } } }, constructies: ['C5'] },
    ];
    for (const keys of cases) {
      const extended = extendScenario(basis, keys, 'x.yaml');
      expect(extended.ok).toBe(true);
      const file = readBack(keys);
      expect(plainContent(file.content)).toEqual(plainContent(extended.ok && extended.loaded.content));
    }
  });

  test('a scenario with per-province and dated values keeps them: the page changes only what it writes', () => {
    const regional = loadScenarioFile(join(scenarios, 'gefaseerd-en-regionaal.yaml'));
    const c = catalogue(data, regional.content, toPlain);
    const state = initialState(c, 'regionaal-verkend', '');
    expect(state.getallen['ontwikkelingen.grondprijs_schok.parameters.schok']).toEqual({ vorm: 'provincie' });
    expect(scenarioDelta(c, state, 'gefaseerd-en-regionaal.yaml')).toEqual({ naam: 'regionaal-verkend', basis: 'gefaseerd-en-regionaal.yaml' });
    const page = runExtended(regional.content, { naam: 'regionaal-verkend', basis: 'gefaseerd-en-regionaal.yaml' }, 'x.yaml', data);
    const cli = runScenarioFile(join(scenarios, 'gefaseerd-en-regionaal.yaml'), data);
    expect(page.ok).toBe(true);
    // Same figures as the scenario itself (only the scenario name differs).
    const rename = (csv: string) => csv.replaceAll('regionaal-verkend,', `${cli.loaded.content.naam},`);
    expect(rename(resultsCsv(page.ok ? page.run.rows : []))).toBe(resultsCsv(cli.rows));
  });

  test('for every shipped scenario the page starts at the scenario\'s own figures', () => {
    for (const name of ['basis', 'bbp-vanaf-2027', 'bouwsteen-natuur', 'gefaseerd-en-regionaal', 'hoge-lonen-en-grondprijzen', 'natuurpact-2-0', 'nhv-ambitie']) {
      const file = join(scenarios, `${name}.yaml`);
      const own = loadScenarioFile(file).content;
      const c = catalogue(data, own, toPlain);
      const keys = scenarioDelta(c, initialState(c, own.naam, ''), `${name}.yaml`);
      const page = runExtended(own, keys, 'x.yaml', data);
      expect(page.ok, name).toBe(true);
      // The command line on the scenario itself, showing the construction the page starts with.
      const cli = runScenarioFile(file, data, c.constructie === 'C0' && own.constructies === undefined ? {} : { constructies: [c.constructie] });
      const shown = (rows: readonly (typeof cli.rows)[number][]) => resultsCsv(rows.filter((r) => r.constructie === c.constructie));
      expect(shown(page.ok ? page.run.rows : []), name).toBe(shown(cli.rows));
    }
  }, 120_000);

  test('problems come back as Dutch messages, not as exceptions', () => {
    const r = runExtended(basis, { naam: 'x', basis: 'basis.yaml', parameters: { 'lpo.gewicht_loon': '70%' } }, 'x.yaml', data);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problemen[0]!.message).toContain('de gewichten van lpo tellen in 2024 op tot 1.2, verwacht 1');
  });
});

describe('YAML text', () => {
  test('quotes what YAML would read otherwise, and writes lists of blocks', () => {
    expect(scenarioYaml({ a: 'null', b: 'ja: nee', c: '-5%', d: '0.5 * inwoners', e: [{ id: 'C8', basis: { bedrag: '400 mln' } }, 'C1'] })).toBe(
      'a: "null"\nb: "ja: nee"\nc: "-5%"\nd: "0.5 * inwoners"\ne:\n  - id: C8\n    basis:\n      bedrag: 400 mln\n  - C1\n',
    );
  });
});

describe('charts', () => {
  test('ticks are round and cover the values', () => {
    // (251 + 12) / 5 = 52.6 per tick: the next round step is 100.
    expect(niceTicks(-12, 251)).toEqual([-100, 0, 100, 200, 300]);
    expect(niceTicks(0, 9)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(0, 0)).toEqual([0, 1]);
  });
  test('every mark names its cell, so a click can explain it', () => {
    const svg = lineChart([{ naam: 'tekort', kleur: '#000', punten: [{ provincie: 'NL', jaar: 2024, post: 'tekort', waarde: 1, tekst: '1' }, { provincie: 'NL', jaar: 2025, post: 'tekort', waarde: 2, tekst: '2' }] }], 2024, 'mln euro', 'x');
    expect(svg).toContain('data-provincie="NL" data-jaar="2025" data-post="tekort"');
    // An uncertainty band (the hook for the fast path's quantiles) is drawn behind its line, and the axis covers it.
    const banded = lineChart(
      [{ naam: 'tekort', kleur: '#000', punten: [2024, 2025].map((jaar) => ({ provincie: 'NL', jaar, post: 'tekort', waarde: 100, tekst: '' })), band: [{ jaar: 2024, laag: 90, hoog: 110 }, { jaar: 2025, laag: 50, hoog: 420 }] }],
      2023,
      'mln euro',
      'x',
    );
    expect(banded).toMatch(/<polygon class="band" points="[^"]+"/);
    expect(banded).toContain('>500</text>');
    expect(barChart([{ label: 'Utrecht <x>', provincie: 'PV26', jaar: 2030, post: 'tekort', waarde: -3, tekst: '-3' }], 'mln euro', 'y')).toContain('Utrecht &lt;x&gt;');
  });
});

describe('natuurpact verken', () => {
  // The scenario with its own construction has a formula key (the command loads the parser for it).
  beforeAll(loadFormulaParser);

  test('writes verkenner.html: the bundle, the data and a policy that allows no request; the same bytes twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'natuurpact-verken-'));
    const r = await run('verken', join(scenarios, 'basis.yaml'), '--uit', dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('verkenner.html');
    const html = readFileSync(join(dir, 'verkenner.html'), 'utf8');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[^']+'; style-src 'sha256-[^']+'/);
    // No reference to anything outside the file.
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/i);
    expect(html).toContain('"name":"uitgaven.csv"');
    expect((await explorerPage(join(scenarios, 'basis.yaml'))).html).toBe(html);
  });

  test("with --data the page carries the user's files and calculates what run --data gives", async () => {
    const own = mkdtempSync(join(tmpdir(), 'natuurpact-verken-data-'));
    // An assumption the projection reads (a macro row would have to be of the vintage basis reads).
    writeFileSync(join(own, 'aannames.csv'), 'naam;waarde;eenheid;status;bron;methode\n' + 'projectie.grondprijs;8;%;aanname;eigen-nota;eigen raming van de grondprijs\n');
    writeFileSync(join(own, 'bronnen.csv'), 'id,titel,uitgever,datum,url,vindplaats,geraadpleegd\neigen-nota,Eigen raming,Ministerie,2026-06,https://example.org/nota,,2026-11-28\n');
    const { html } = await explorerPage(join(scenarios, 'basis.yaml'), own);
    const json = /<script type="application\/json" id="verkenner-gegevens">(.*?)<\/script>/s.exec(html)![1]!;
    const payload = decodeTagged(json) as import('../src/explorer/payload.js').ExplorerPayload;
    expect(payload.gegevens.filter((f) => f.laag === 'eigen').map((f) => f.name)).toEqual(['aannames.csv', 'bronnen.csv']);
    const { buildDataset } = await import('../src/io/load.js');
    const inPage = runExtended(payload.scenario.inhoud as typeof basis, { naam: 'basis', basis: 'basis.yaml' }, 'x.yaml', buildDataset(payload.gegevens.map(dataFileInput)));
    const out = mkdtempSync(join(tmpdir(), 'natuurpact-verken-uit-'));
    const r = await run('run', join(scenarios, 'basis.yaml'), '--data', own, '--uit', out, '--formaat', 'csv');
    expect(r.code).toBe(0);
    const cli = readFileSync(join(out, 'basis', 'resultaten.csv'), 'utf8');
    expect(inPage.ok && resultsCsv(inPage.run.rows)).toBe(cli);
    // and the user's figure made a difference
    expect(cli).not.toBe(readFileSync(join(scenarios, 'basis.verwacht.csv'), 'utf8'));
  });

  test('a scenario with its own construction: the page shows it and exports its definition', () => {
    // The fixture names its base as ../../../scenarios/basis.yaml: the same layout in a temporary folder.
    const root = mkdtempSync(join(tmpdir(), 'natuurpact-verken-c8-'));
    const deep = join(root, 'a', 'b', 'c');
    mkdirSync(deep, { recursive: true });
    mkdirSync(join(root, 'scenarios'));
    copyFileSync(join(scenarios, 'basis.yaml'), join(root, 'scenarios', 'basis.yaml'));
    copyFileSync(join(import.meta.dirname, 'fixtures', 'scenario-goed', 'eigen-constructie.yaml'), join(deep, 'eigen-constructie.yaml'));
    const original = loadScenarioFile(join(deep, 'eigen-constructie.yaml'), { basisMap: root });
    const c = catalogue(data, original.content, toPlain, writtenSource(original, ['constructies']));
    expect(c.constructie).toBe('C1');
    expect(c.constructies.map((x) => x.id)).toContain('C8');
    const keys = scenarioDelta(c, { ...initialState(c, 'c8-verkend', ''), constructie: 'C8' }, 'eigen-constructie.yaml');
    expect((keys.constructies as { id: string }[])[0]!.id).toBe('C8');
    writeFileSync(join(deep, 'c8-verkend.yaml'), scenarioYaml(keys));
    const back = runScenarioFile(join(deep, 'c8-verkend.yaml'), data, { basisMap: root });
    const inPage = runExtended(original.content, keys, 'x.yaml', data);
    expect(inPage.ok && resultsCsv(inPage.run.rows)).toBe(resultsCsv(back.rows));
    // C8's figures are those of the original scenario, which compares C1 and C8.
    const c8 = (r: ReturnType<typeof runScenarioFile>) => resultsCsv(r.rows.filter((x) => x.constructie === 'C8').map((x) => ({ ...x, scenario: '-' })));
    expect(c8(back)).toBe(c8(runScenarioFile(join(deep, 'eigen-constructie.yaml'), data, { basisMap: root })));
  });

  test('a bad scenario: exit 1 with its location, and nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'natuurpact-verken-'));
    const bad = join(dir, 'fout.yaml');
    writeFileSync(bad, 'naam: fout\nontwikkelingen:\n  bouwsteen: aan\n');
    const r = await run('verken', bad, '--uit', join(dir, 'uit'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/fout\.yaml:3:3: onbekende ontwikkeling 'bouwsteen'/);
    expect(existsSync(join(dir, 'uit'))).toBe(false);
  });
});
