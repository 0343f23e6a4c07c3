/**
 * `natuurpact data cbs`: reading CBS StatLine tables (CSV export and OData responses), the overlay it
 * writes, its use by the model, and the download against a local server. The fixtures are in
 * tests/fixtures/cbs (its README says which numbers are real: only 'Beheer flora en fauna' 2022*,
 * from https://www.cbs.nl/nl-nl/cijfers/detail/84322NED?q=flora; the rest is made up for the tests).
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dec } from '../src/core/decimal.js';
import { UserError } from '../src/core/errors.js';
import { runScenario } from '../src/core/model/run.js';
import { parseODataParts, parseStatlineCsv } from '../src/io/cbs.js';
import { loadDataset } from '../src/io/read-dir.js';
import { run } from './helpers/cli.js';

const FIX = join(import.meta.dirname, 'fixtures', 'cbs');
const ODATA = join(FIX, '84322NED-odata');
const part = (name: string) => JSON.parse(readFileSync(join(ODATA, `${name}.json`), 'utf8')) as unknown;
const odataParts = () => ({
  TableInfos: part('TableInfos'),
  DataProperties: part('DataProperties'),
  ProvincialeTaakvelden: part('ProvincialeTaakvelden'),
  RegioS: part('RegioS'),
  Perioden: part('Perioden'),
  TypedDataSet: [part('TypedDataSet'), part('TypedDataSet-2')],
});
const M = (x: string) => dec(x).times(1_000_000);
const tmp = () => mkdtempSync(join(tmpdir(), 'natuurpact-cbs-'));

describe('reading StatLine tables', () => {
  const csv = parseStatlineCsv(readFileSync(join(FIX, '84322NED-statline.csv'), 'utf8'), '84322NED-statline.csv');
  const od = parseODataParts(odataParts(), '84322NED-odata');

  test('the CSV export: table, provinces and NL, provisional periods, mln euro to euros', () => {
    expect(csv.tabel).toBe('84322NED');
    expect(csv.soort).toBe('realisatie');
    const gr = csv.rijen.find((r) => r.regio === 'PV20' && r.jaar === 2022 && r.taakveld === 'Beheer flora en fauna')!;
    // StatLine view q=flora: 'Beheer flora en fauna | Groningen (PV) | 2022*': baten 0,6, lasten 4,1 (mln euro).
    expect(gr.lasten!.equals(M('4.1'))).toBe(true);
    expect(gr.baten!.equals(M('0.6'))).toBe(true);
    expect(gr.voorlopig).toBe(true);
    expect(csv.rijen.find((r) => r.regio === 'PV20' && r.jaar === 2021)!.voorlopig).toBe(false);
    expect(csv.rijen.find((r) => r.regio === 'PV21' && r.jaar === 2022 && r.taakveld === 'Beheer flora en fauna')!.lasten!.equals(M('19.9'))).toBe(true);
    // Noord-Nederland (LD) is an aggregate of provinces: 2 years of Beheer flora en fauna + 1 of Natuurontwikkeling.
    expect(csv.overgeslagen).toBe(3);
    expect(csv.rijen.some((r) => (r.regio as string).startsWith('LD'))).toBe(false);
  });

  test('the OData responses give the same figures as the CSV export where both have them', () => {
    expect(od.tabel).toBe('84322NED');
    expect(od.gewijzigd).toBe('2023-12-15');
    for (const r of csv.rijen) {
      const o = od.rijen.find((x) => x.regio === r.regio && x.jaar === r.jaar && x.taakveld === r.taakveld);
      expect(o, `${r.regio} ${r.jaar} ${r.taakveld}`).toBeDefined();
      expect(o!.lasten!.equals(r.lasten!), `${r.regio} ${r.jaar} ${r.taakveld}`).toBe(true);
      expect(o!.voorlopig).toBe(r.voorlopig);
    }
    // The per-inhabitant topics (unit 'euro') are not read: every value is a mln-euro figure.
    expect(od.rijen.every((r) => r.eenheid === 'EUR mln')).toBe(true);
    // Period status 'Voorlopig' in Perioden.json marks 2022.
    expect(od.rijen.filter((r) => r.jaar === 2022).every((r) => r.voorlopig)).toBe(true);
  });

  const bad: [string, RegExp][] = [
    ['verkeerde-tabel.csv', /verkeerde-tabel\.csv:1: verkeerde tabel: verwacht .*gevonden 'Gemeenterekeningen/],
    ['kolommen-ontbreken.csv', /kolommen-ontbreken\.csv:2: kolommen ontbreken: verwacht een kolom 'Lasten'/],
    ['markering.csv', /markering\.csv:5:3: onbekende periode of markering '2022\*\*'/],
    ['onbekende-provincie.csv', /onbekende-provincie\.csv:5:2: onbekende regio 'Gooiland \(PV\)'/],
    ['waarde.csv', /waarde\.csv:5:4: verwacht een getal, gevonden '1,4 mln'/],
  ];
  test.each(bad)('%s: a located Dutch error', (name, message) => {
    const path = join(FIX, 'fout', name);
    expect(() => parseStatlineCsv(readFileSync(path, 'utf8'), path)).toThrow(message);
  });
  test('an OData region code that does not exist', () => {
    const path = join(FIX, 'fout', 'onbekende-provinciecode.json');
    expect(() => parseODataParts(JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>, path)).toThrow(/provinciecode 'PV32' bestaat niet/);
  });
  test('OData responses without a part they need', () => {
    const { DataProperties: _d, ...rest } = odataParts();
    expect(() => parseODataParts(rest, 'x.json')).toThrow(UserError);
    expect(() => parseODataParts(rest, 'x.json')).toThrow(/onderdeel 'DataProperties' ontbreekt/);
  });
});

describe('natuurpact data cbs --bestand', () => {
  test('writes an overlay that changes the look-back for the provinces and years it covers', async () => {
    const out = tmp();
    try {
      const r = await run('data', 'cbs', '--bestand', join(FIX, '84322NED-statline.csv'), '--uit', out, '--geraadpleegd', '2026-12-01');
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/bron cbs-84322ned-2026-12-01/);
      expect(r.out).toMatch(/PV20 Groningen\s+1\s+2/);
      const rows = readFileSync(join(out, 'lasten-baten.csv'), 'utf8');
      expect(rows).toContain("PV20,2021,iv3_taakveld,,Beheer flora en fauna,realisatie,lasten,3.5,EUR mln,realisatie,cbs-84322ned-2026-12-01");
      expect(readFileSync(join(out, 'bronnen.csv'), 'utf8')).toMatch(/cbs-84322ned-2026-12-01,CBS StatLine 84322NED/);

      // The shipped data has no 2021 species figure for Groningen; with the overlay, the cell is the
      // fixture's 3,5 mln (taken whole: 'Beheer flora en fauna' maps to soorten in iv3-taakvelden.csv).
      const shipped = runScenario({ naam: 'a' }, loadDataset());
      const withCbs = runScenario({ naam: 'b' }, loadDataset(out));
      expect(withCbs.cell('PV20', 2021, 'kosten.soorten').bedrag_eur.equals(M('3.5'))).toBe(true);
      expect(withCbs.cell('PV20', 2021, 'kosten.soorten').status).toBe('realisatie');
      expect(shipped.cell('PV20', 2021, 'kosten.soorten').bedrag_eur.equals(M('3.5'))).toBe(false);
      // A second import of the same table replaces the first one's rows instead of adding to them.
      const again = await run('data', 'cbs', '--bestand', join(FIX, '84322NED-statline.csv'), '--uit', out, '--geraadpleegd', '2026-12-01');
      expect(again.out).toMatch(/78 regels geschreven, 78 regels van een eerdere import van deze tabel vervangen/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('a bad file: exit 1, a located message, nothing written', async () => {
    const out = join(tmp(), 'nieuw');
    const r = await run('data', 'cbs', '--bestand', join(FIX, 'fout', 'onbekend-taakveld.csv'), '--uit', out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/onbekend-taakveld\.csv:5: onbekend taakveld 'Sportbeleid en activering'/);
    expect(existsSync(out)).toBe(false);
    const skipped = await run('data', 'cbs', '--bestand', join(FIX, 'fout', 'onbekend-taakveld.csv'), '--uit', out, '--overslaan', '--geraadpleegd', '2026-12-01');
    expect(skipped.code).toBe(0);
    expect(skipped.out).toMatch(/Overgeslagen want niet ingedeeld \(--overslaan\): Sportbeleid en activering/);
    rmSync(out, { recursive: true, force: true });
  });

  test('usage: exactly one of --bestand and --download, and --uit', async () => {
    expect((await run('data', 'cbs', '--uit', tmp())).code).toBe(2);
    expect((await run('data', 'cbs', '--bestand', join(FIX, '84322NED-statline.csv'))).code).toBe(2);
  });
});

describe('natuurpact data cbs --download', () => {
  let server: Server;
  let base = '';
  const served: Record<string, string> = {};
  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const m = /^\/ODataApi\/odata\/84322NED\/(\w+)$/.exec(url.pathname);
      const skip = url.searchParams.get('$skip');
      const name = m ? (m[1] === 'TypedDataSet' && skip ? 'TypedDataSet-2' : m[1]) : undefined;
      const file = name ? join(ODATA, `${name}.json`) : '';
      if (!name || !existsSync(file) || url.searchParams.get('$format') !== 'json') {
        res.writeHead(404).end();
        return;
      }
      // The next link points at this server, as CBS's points at its own.
      const body = readFileSync(file, 'utf8').replace('https://opendata.cbs.nl/ODataApi/odata', `${base}/ODataApi/odata`);
      served[name] = createHash('sha256').update(body).digest('hex');
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  test('fetches every part, follows the next link, records the addresses and sha256 of what it fetched', async () => {
    const out = tmp();
    const before = process.env.NATUURPACT_CBS_URL;
    process.env.NATUURPACT_CBS_URL = `${base}/ODataApi/odata`;
    try {
      const r = await run('data', 'cbs', '--download', '84322NED', '--uit', out, '--geraadpleegd', '2026-12-02');
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const log = JSON.parse(readFileSync(join(out, 'cbs-84322NED-download.json'), 'utf8')) as { delen: { naam: string; url: string; sha256: string }[] };
      expect(log.delen.map((d) => d.naam)).toEqual(['TableInfos', 'DataProperties', 'ProvincialeTaakvelden', 'RegioS', 'Perioden', 'TypedDataSet (pagina 1)', 'TypedDataSet (pagina 2)']);
      expect(log.delen.find((d) => d.naam === 'TypedDataSet (pagina 2)')!.sha256).toBe(served['TypedDataSet-2']);
      expect(log.delen[0]!.url).toBe(`${base}/ODataApi/odata/84322NED/TableInfos`);
      const rows = readFileSync(join(out, 'lasten-baten.csv'), 'utf8');
      // Groningen 2022* from page 2: lasten 4,1 mln (the real StatLine figure).
      expect(rows).toMatch(/PV20,2022,iv3_taakveld,,Beheer flora en fauna,realisatie,lasten,4.1,EUR mln,realisatie,cbs-84322ned-2026-12-02,.*voorlopig cijfer \(2022\*\)/);
      // The saved responses read back offline to the same rows.
      const offline = tmp();
      const again = await run('data', 'cbs', '--bestand', join(out, 'cbs-84322NED.json'), '--uit', offline, '--geraadpleegd', '2026-12-02');
      expect(again.code).toBe(0);
      const strip = (s: string) => s.split('\n').map((l) => l.replace(/,"CBS 84322NED.*$/, '')).join('\n');
      expect(strip(readFileSync(join(offline, 'lasten-baten.csv'), 'utf8'))).toBe(strip(rows));
      rmSync(offline, { recursive: true, force: true });
    } finally {
      if (before === undefined) delete process.env.NATUURPACT_CBS_URL;
      else process.env.NATUURPACT_CBS_URL = before;
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('without a connection: exit 1, a Dutch message, nothing written', async () => {
    const closed = createServer();
    await new Promise<void>((ok) => closed.listen(0, '127.0.0.1', ok));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((ok) => closed.close(() => ok()));
    const out = join(tmp(), 'nieuw');
    const before = process.env.NATUURPACT_CBS_URL;
    process.env.NATUURPACT_CBS_URL = `http://127.0.0.1:${port}/ODataApi/odata`;
    try {
      const r = await run('data', 'cbs', '--download', '84322NED', '--uit', out);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/kan TableInfos niet ophalen bij CBS .*de verbinding werd geweigerd\. Zonder netwerk: download de tabel in StatLine en gebruik --bestand/);
      expect(r.err).not.toMatch(/at .*\.js/);
      expect(existsSync(out)).toBe(false);
    } finally {
      if (before === undefined) delete process.env.NATUURPACT_CBS_URL;
      else process.env.NATUURPACT_CBS_URL = before;
    }
  });

  test('a table number that is not one, and a table CBS does not have', async () => {
    expect((await run('data', 'cbs', '--download', 'flora', '--uit', tmp())).err).toMatch(/'flora' is geen CBS-tabelnummer/);
    const before = process.env.NATUURPACT_CBS_URL;
    process.env.NATUURPACT_CBS_URL = `${base}/ODataApi/odata`;
    try {
      const r = await run('data', 'cbs', '--download', '99999NED', '--uit', tmp());
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/HTTP 404/);
    } finally {
      if (before === undefined) delete process.env.NATUURPACT_CBS_URL;
      else process.env.NATUURPACT_CBS_URL = before;
    }
  });
});
