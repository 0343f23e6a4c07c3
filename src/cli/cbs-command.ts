/**
 * `natuurpact data cbs`: a CBS StatLine table of provincial lasten and baten per taakveld, from a
 * downloaded file (`--bestand`) or fetched from CBS's OData service (`--download`, the only command
 * that uses the network), written as a data overlay for `--data MAP`.
 */
import type { Command } from 'commander';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { sum } from '../core/decimal.js';
import { UserError } from '../core/errors.js';
import { formatMillions } from '../core/format.js';
import { provinceName, type RegionCode } from '../core/provinces.js';
import { parseODataParts, parseStatlineCsv, type CbsTable } from '../io/cbs.js';
import { CBS_ODATA_URL, downloadCbsTable } from '../io/cbs-download.js';
import { BRONNEN_HEADER, cbsOverlay, LASTEN_BATEN_HEADER, type CbsSource } from '../io/cbs-overlay.js';
import { mergeIntoOverlay } from '../io/overlay-write.js';
import { loadDataset } from '../io/read-dir.js';
import { sha256 } from '../io/write-outputs.js';
import { csvStyle, toCsv } from '../report/csv.js';
import { textTable } from '../report/table.js';
import { UsageError, type Io } from './program.js';

interface CbsOptions {
  bestand?: string;
  download?: string;
  uit?: string;
  tabel?: string;
  geraadpleegd?: string;
  overslaan?: boolean;
  data?: string;
  nlCsv?: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Text of a StatLine file: UTF-8, or Windows-1252 as older StatLine exports were. */
function readText(path: string): string {
  const bytes = readFileSync(path);
  if (bytes.includes(0)) throw new UserError({ file: path, line: 1, message: 'verwacht een CSV- of JSON-tekstbestand, gevonden binaire inhoud' });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function parseJson(path: string): unknown {
  try {
    return JSON.parse(readText(path));
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError({ file: path, message: `geen geldige JSON (${(e as Error).message}); verwacht de OData-antwoorden van CBS` });
  }
}

/** Reads what the user gave: a StatLine CSV, a JSON bundle of OData responses, or a folder with one JSON file per entity set. */
function readFile(path: string, tabel: string | undefined): { table: CbsTable; hashes: Record<string, string> } {
  if (!existsSync(path)) throw new UserError({ file: path, message: 'bestand of map bestaat niet' });
  if (statSync(path).isDirectory()) {
    const names = readdirSync(path).filter((n) => n.toLowerCase().endsWith('.json')).sort();
    if (names.length === 0) throw new UserError({ file: path, message: 'map zonder JSON-bestanden: verwacht TableInfos.json, DataProperties.json, TypedDataSet.json en de dimensielijsten' });
    const parts: Record<string, unknown> = {};
    const pages: unknown[] = [];
    const hashes: Record<string, string> = {};
    for (const n of names) {
      const p = join(path, n);
      hashes[n] = sha256(readFileSync(p));
      const stem = basename(n, extname(n));
      if (/^TypedDataSet/i.test(stem)) pages.push(parseJson(p));
      else parts[stem] = parseJson(p);
    }
    parts.TypedDataSet = pages;
    return { table: parseODataParts(parts, path, tabel), hashes };
  }
  const hashes = { [basename(path)]: sha256(readFileSync(path)) };
  if (path.toLowerCase().endsWith('.json')) {
    const bundle = parseJson(path);
    if (!bundle || typeof bundle !== 'object' || Array.isArray(bundle)) throw new UserError({ file: path, message: 'verwacht een JSON-object met de OData-onderdelen (TableInfos, DataProperties, TypedDataSet, dimensies)' });
    return { table: parseODataParts(bundle as Record<string, unknown>, path, tabel), hashes };
  }
  return { table: parseStatlineCsv(readText(path), path, tabel), hashes };
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function registerCbsCommand(data: Command, io: Io): void {
  data
    .command('cbs')
    .description('lees een CBS-tabel met provinciale baten en lasten per taakveld (84322NED of de provinciebegrotingen) en schrijf die als eigen gegevens')
    .option('--bestand <pad>', 'een StatLine-export (CSV), een JSON-bestand met de OData-antwoorden, of een map met één JSON-bestand per onderdeel')
    .option('--download <tabel>', 'haal de tabel op bij de open-datadienst van CBS (gebruikt het netwerk), bijvoorbeeld 84322NED')
    .option('--uit <map>', 'de map voor de eigen gegevens (lees die later met --data MAP)')
    .option('--tabel <id>', 'het tabelnummer, als het bestand het niet noemt')
    .option('--geraadpleegd <datum>', 'wanneer de tabel is opgehaald (JJJJ-MM-DD); standaard de wijzigingsdatum van het bestand, of vandaag bij --download')
    .option('--overslaan', 'sla taakvelden over die niet zijn ingedeeld in iv3-taakvelden.csv (ze worden genoemd)')
    .option('--data <map>', 'eigen gegevensmap met de indeling van taakvelden (iv3-taakvelden.csv, programma-indeling.csv)')
    .option('--nl-csv', 'nieuwe bestanden voor Nederlandse Excel: ; tussen de velden, decimale komma en een BOM (een bestaand bestand houdt zijn eigen notatie)')
    .action(async (opts: CbsOptions) => {
      if ((opts.bestand === undefined) === (opts.download === undefined)) throw new UsageError('geef precies één van --bestand of --download');
      if (opts.uit === undefined) throw new UsageError('geef met --uit de map waarin de eigen gegevens komen');
      if (opts.geraadpleegd !== undefined && !DATE.test(opts.geraadpleegd)) throw new UsageError(`--geraadpleegd '${opts.geraadpleegd}': verwacht een datum JJJJ-MM-DD`);
      const mapping = loadDataset(opts.data);
      let table: CbsTable;
      let source: CbsSource;
      let extra: { name: string; bytes: Uint8Array }[] = [];
      if (opts.download !== undefined) {
        const basis = process.env.NATUURPACT_CBS_URL ?? CBS_ODATA_URL;
        const d = await downloadCbsTable(opts.download, basis);
        table = parseODataParts(d.parts, `CBS ${d.tabel}`, d.tabel);
        const geraadpleegd = opts.geraadpleegd ?? today();
        source = { url: `${basis.replace(/\/+$/, '')}/${d.tabel}`, geraadpleegd, sha256: Object.fromEntries(d.delen.map((x) => [x.naam, x.sha256])) };
        const enc = new TextEncoder();
        extra = [
          { name: `cbs-${d.tabel}.json`, bytes: enc.encode(JSON.stringify(d.parts, null, 1) + '\n') },
          {
            name: `cbs-${d.tabel}-download.json`,
            bytes: enc.encode(JSON.stringify({ tabel: d.tabel, geraadpleegd, basis: d.basis, delen: d.delen.map((x) => ({ naam: x.naam, url: x.url, sha256: x.sha256 })) }, null, 2) + '\n'),
          },
        ];
      } else {
        const read = readFile(opts.bestand!, opts.tabel);
        table = read.table;
        const geraadpleegd = opts.geraadpleegd ?? statSync(opts.bestand!).mtime.toISOString().slice(0, 10);
        source = { url: `https://www.cbs.nl/nl-nl/cijfers/detail/${table.tabel}`, geraadpleegd, sha256: read.hashes };
      }
      const overlay = cbsOverlay(table, mapping, source, { file: opts.bestand ?? `CBS ${table.tabel}`, ...(opts.overslaan ? { overslaan: true } : {}) });
      const prefix = `cbs-${table.tabel.toLowerCase()}-`;
      const written = mergeIntoOverlay(
        opts.uit,
        [
          { name: 'bronnen.csv', header: BRONNEN_HEADER, rows: [overlay.bron], bronKolom: 'id', vervangPrefix: prefix, getalKolommen: [] },
          { name: 'lasten-baten.csv', header: LASTEN_BATEN_HEADER, rows: overlay.rijen, bronKolom: 'bron', vervangPrefix: prefix, getalKolommen: ['waarde'] },
        ],
        (header, rows, dutch) => toCsv(header, rows, csvStyle(dutch)),
        extra,
        opts.nlCsv === true,
      );
      io.out(report(table, overlay, written, opts.uit));
    });
}

function report(table: CbsTable, overlay: ReturnType<typeof cbsOverlay>, written: ReturnType<typeof mergeIntoOverlay>, dir: string): string {
  const lines: string[] = [];
  lines.push(`CBS ${table.tabel} (${table.titel}, ${table.soort}): bron ${overlay.bronId}.`);
  for (const w of written) lines.push(`${join(dir, w.name)}: ${w.nieuw} regels geschreven${w.vervangen > 0 ? `, ${w.vervangen} regels van een eerdere import van deze tabel vervangen` : ''}${w.behouden > 0 ? `, ${w.behouden} eigen regels behouden` : ''}.`);
  const years = [...new Set([...overlay.dekking.values()].flatMap((m) => [...m.keys()]))].sort((a, b) => a - b);
  lines.push('');
  lines.push('Meegenomen natuurtaakvelden per provincie en jaar (aantal taakvelden met lasten):');
  lines.push(
    textTable(
      [{ titel: 'regio' }, ...years.map((y) => ({ titel: String(y), rechts: true })), { titel: 'lasten laatste jaar (mln)', rechts: true }],
      [...overlay.dekking.entries()].map(([r, byYear]: [RegionCode, ReadonlyMap<number, readonly string[]>]) => {
        const last = Math.max(...byYear.keys());
        const total = sum(table.rijen.filter((x) => x.regio === r && x.jaar === last && x.lasten && byYear.get(last)!.includes(x.taakveld)).map((x) => x.lasten!));
        return [`${r} ${provinceName(r)}`, ...years.map((y) => String(byYear.get(y)?.length ?? 0)), formatMillions(total)];
      }),
    ),
  );
  const taakvelden = [...new Set([...overlay.dekking.values()].flatMap((m) => [...m.values()].flat()))];
  lines.push(`Taakvelden: ${taakvelden.join(', ')}.`);
  if (table.overgeslagen > 0) lines.push(`Niet meegenomen: ${table.overgeslagen} regels van landsdelen (optellingen van provincies).`);
  if (overlay.buitenScope.length > 0) lines.push(`Buiten de natuurtaken (volgens de indeling): ${overlay.buitenScope.join(', ')}.`);
  if (overlay.onbekend.length > 0) lines.push(`Overgeslagen want niet ingedeeld (--overslaan): ${overlay.onbekend.join(', ')}.`);
  lines.push(`Gebruik deze gegevens met: natuurpact data check --data ${dir}`);
  return lines.join('\n') + '\n';
}
