/**
 * Reading CBS StatLine tables of provincial lasten and baten per Iv3 taakveld: the accounts
 * (84322NED "Provincierekeningen; baten en lasten per taakveld") and the budgets (the table
 * "Provinciebegrotingen; ... per taakveld", whose id the file or the user names).
 *
 * Two ways in, one result ({@link CbsTable}):
 * - the StatLine CSV export: `;` or `,` separated, a title line, one or more header lines that name
 *   the dimensions (`Provinciale taakvelden`, `Regio's`, `Perioden`) and the topics (`Baten`,
 *   `Lasten`, in `mln euro`), data lines with titles (`Groningen (PV)`, `2022*`) and Dutch or English
 *   numbers, and footer lines (`Bron: CBS`, `©`);
 * - the open-data OData (v3) responses, as CBS serves them: `TableInfos`, `DataProperties`,
 *   `TypedDataSet` and one list per dimension, each `{"odata.metadata": ..., "value": [...]}`; keys
 *   are codes (`PV20  ` padded with spaces, `2022JJ00`), titles come from the dimension lists, and a
 *   period's `Status` says whether it is provisional.
 *
 * Regions: the twelve provinces and Nederland are kept; landsdelen are aggregates and are left out;
 * anything else is an error. Values in `mln euro` (or `1 000 euro`) become euros; per-inhabitant
 * topics are not read. StatLine's marks: `*` on a period = provisional (kept, and said so); `.` and
 * `x` = not available (left out); `-` = nihil (0).
 */
import Papa from 'papaparse';
import { Decimal } from '../core/decimal.js';
import { UserError, type Issue } from '../core/errors.js';
import { PROVINCES, type RegionCode } from '../core/provinces.js';
import { notationEvidence, parseNumber, type NumberLocale } from './number.js';

/** The kinds of table this reader accepts, recognised by their title. */
export const CBS_TABLES: readonly { readonly titel: RegExp; readonly soort: 'realisatie' | 'begroting'; readonly id?: string; readonly omschrijving: string }[] = [
  { titel: /^provincierekeningen\b.*\btaakveld/i, soort: 'realisatie', id: '84322NED', omschrijving: 'Provincierekeningen; baten en lasten per taakveld (84322NED)' },
  { titel: /^provinciebegrotingen\b.*\btaakveld/i, soort: 'begroting', omschrijving: 'Provinciebegrotingen; baten en lasten per taakveld' },
];

export interface CbsRow {
  /** The taakveld's title as CBS writes it. */
  readonly taakveld: string;
  /** The taakveld's key in the OData service, when read from there. */
  readonly taakveldSleutel?: string;
  readonly regio: RegionCode;
  readonly jaar: number;
  readonly voorlopig: boolean;
  /** Euros; absent when CBS has no figure (`.`, `x`). */
  readonly lasten?: Decimal;
  readonly baten?: Decimal;
  /** As printed (in `eenheid`), for the overlay. */
  readonly lastenGedrukt?: string;
  readonly batenGedrukt?: string;
  readonly eenheid: string;
  /** Where in the file: line number (CSV) or record number (OData), in words. */
  readonly waar: string;
  /** The CSV line, when read from a CSV export. */
  readonly regel?: number;
}

export interface CbsTable {
  readonly tabel: string;
  readonly titel: string;
  readonly soort: 'realisatie' | 'begroting';
  /** `Modified` of the table (OData), if known. */
  readonly gewijzigd?: string;
  readonly rijen: readonly CbsRow[];
  /** Regions left out as aggregates (landsdelen). */
  readonly overgeslagen: number;
}

const UNITS: readonly { readonly match: RegExp; readonly eenheid: string; readonly factor: number }[] = [
  { match: /mln\.?\s*euro|miljoen\s*euro|euro\s*mln/i, eenheid: 'EUR mln', factor: 1_000_000 },
  { match: /(1\s?000|1\.000|x\s*1\s?000)\s*euro/i, eenheid: 'EUR 1.000', factor: 1_000 },
];

const norm = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();

/** A region by its CBS title (`Groningen (PV)`, `Fryslân (PV)`, `Nederland`); `undefined` for a landsdeel; null when unknown. */
function regionByTitle(title: string): RegionCode | undefined | null {
  const t = norm(title);
  if (t === 'nederland') return 'NL';
  if (/\(ld\)$/.test(t)) return undefined;
  const name = t.replace(/\s*\(pv\)$/, '');
  const found = PROVINCES.find((p) => norm(p.naam) === name || (p.code === 'PV21' && (name === 'friesland' || name === 'fryslan')));
  return found ? found.code : null;
}

/** A region by its OData key (`PV20  `, `NL01  `, `LD01  `). */
function regionByKey(key: string): RegionCode | undefined | null {
  const k = key.trim().toUpperCase();
  if (k === 'NL01' || k === 'NL00' || k === 'NL') return 'NL';
  if (/^LD\d\d$/.test(k)) return undefined;
  const found = PROVINCES.find((p) => p.code === k);
  return found ? found.code : null;
}

function tableByTitle(titel: string, gegevenId: string | undefined, where: Omit<Issue, 'message'>): { tabel: string; soort: 'realisatie' | 'begroting' } {
  const kind = CBS_TABLES.find((t) => t.titel.test(titel.trim()));
  if (!kind) {
    throw new UserError({
      ...where,
      message: `verkeerde tabel: verwacht ${CBS_TABLES.map((t) => `'${t.omschrijving}'`).join(' of ')}, gevonden '${titel.trim()}'`,
    });
  }
  const tabel = gegevenId ?? kind.id;
  if (!tabel) {
    throw new UserError({ ...where, message: `de tabelnummer van '${titel.trim()}' staat niet in het bestand; geef het met --tabel (bijvoorbeeld --tabel 84321NED)` });
  }
  if (kind.id && gegevenId && gegevenId.toUpperCase() !== kind.id) {
    throw new UserError({ ...where, message: `'${titel.trim()}' is tabel ${kind.id}, niet ${gegevenId}` });
  }
  return { tabel: tabel.toUpperCase(), soort: kind.soort };
}

/** A StatLine value as printed: a number, or a mark. */
function readValue(raw: string, locale: NumberLocale | undefined, factor: number, issue: (m: string) => Issue): { value?: Decimal; printed?: string } {
  const t = raw.trim();
  if (t === '' || t === '.' || t.toLowerCase() === 'x') return {};
  if (t === '-') return { value: new Decimal(0), printed: '0' };
  const n = parseNumber(t, locale);
  if (!n.ok) throw new UserError(issue(`${n.message} (StatLine gebruikt ook '.' of 'x' voor 'geen cijfer' en '-' voor nihil)`));
  return { value: n.value.times(factor), printed: n.value.toString() };
}

/**
 * Reads a StatLine CSV export.
 *
 * @example
 *   parseStatlineCsv('"Provincierekeningen; baten en lasten per taakveld"\n"Provinciale taakvelden";"Regio\'s";"Perioden";"Baten (mln euro)";"Lasten (mln euro)"\n"Beheer flora en fauna";"Groningen (PV)";"2022*";"0,6";"4,1"\n', 'export.csv')
 */
export function parseStatlineCsv(text: string, file: string, tabelId?: string): CbsTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.split(';').length >= firstLine.split(',').length ? ';' : ',';
  const parsed = Papa.parse<string[]>(body, { delimiter, quoteChar: '"', skipEmptyLines: false });
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0]!;
    throw new UserError({ file, line: (e.row ?? 0) + 1, message: `CSV kan niet gelezen worden (${e.code}): verwacht een StatLine-export (CSV)` });
  }
  const lines = parsed.data.map((cells, i) => ({ line: i + 1, cells: cells.map((c) => c.trim()) }));
  const nonEmpty = lines.filter((l) => l.cells.some((c) => c !== ''));
  if (nonEmpty.length === 0) throw new UserError({ file, line: 1, message: 'bestand is leeg: verwacht een StatLine-export (CSV)' });

  // The dimension header: the line that names the taakveld, region and period columns.
  const isDim = (c: string, re: RegExp) => re.test(norm(c));
  const headerIdx = nonEmpty.findIndex((l) => l.cells.some((c) => isDim(c, /taakveld/)) && l.cells.some((c) => isDim(c, /^regio/)) && l.cells.some((c) => isDim(c, /^perioden/)));
  if (headerIdx < 0) {
    throw new UserError({ file, line: nonEmpty[0]!.line, message: "kolommen ontbreken: verwacht een kopregel met 'Provinciale taakvelden', 'Regio's' en 'Perioden' (de StatLine-export met de taakvelden, regio's en perioden als kolommen)" });
  }
  const header = nonEmpty[headerIdx]!;
  const titleLine = nonEmpty.slice(0, headerIdx).find((l) => l.cells.filter((c) => c !== '').length === 1 && !/^onderwerpen$/i.test(l.cells.find((c) => c !== '')!));
  const titel = titleLine?.cells.find((c) => c !== '') ?? '';
  const table = titel
    ? tableByTitle(titel, tabelId, { file, line: titleLine!.line })
    : tabelId
      ? { tabel: tabelId.toUpperCase(), soort: tabelId.toUpperCase() === '84322NED' ? ('realisatie' as const) : ('begroting' as const) }
      : (() => {
          throw new UserError({ file, line: 1, message: 'verkeerde of onbekende tabel: de titelregel ontbreekt; geef het tabelnummer met --tabel (84322NED voor de provincierekeningen)' });
        })();

  // Column labels: every header-block cell above the data, joined (StatLine spreads topic names over lines).
  const block = nonEmpty.slice(titleLine ? nonEmpty.indexOf(titleLine) + 1 : 0, headerIdx + 1);
  const width = header.cells.length;
  const label = (i: number) => block.map((l) => l.cells[i] ?? '').filter((c) => c !== '' && !/^onderwerpen$/i.test(c)).join(' / ');
  const col = (re: RegExp) => header.cells.findIndex((c) => isDim(c, re));
  const cTaakveld = col(/taakveld/);
  const cRegio = col(/^regio/);
  const cPeriode = col(/^perioden/);
  const measures = (what: RegExp) =>
    Array.from({ length: width }, (_, i) => i).filter((i) => i !== cTaakveld && i !== cRegio && i !== cPeriode && what.test(norm(label(i))) && !/per inwoner/.test(norm(label(i))));
  const unitOf = (i: number) => UNITS.find((u) => u.match.test(label(i)));
  const cLasten = measures(/\blasten\b/).filter((i) => unitOf(i));
  const cBaten = measures(/\bbaten\b/).filter((i) => unitOf(i));
  if (cLasten.length !== 1) {
    throw new UserError({
      file,
      line: header.line,
      message:
        cLasten.length === 0
          ? `kolommen ontbreken: verwacht een kolom 'Lasten' in mln euro, gevonden ${header.cells.filter((c) => c !== '').map((c) => `'${c}'`).join(', ')}`
          : `meer dan één kolom 'Lasten' in mln euro (${cLasten.map((i) => `'${label(i)}'`).join(', ')}); exporteer één onderwerp Lasten`,
    });
  }
  const lastenUnit = unitOf(cLasten[0]!)!;
  const batenCol = cBaten.length === 1 ? cBaten[0] : undefined;
  const batenUnit = batenCol !== undefined ? unitOf(batenCol)! : undefined;

  // Data: until the footer (a one-cell line such as `Bron: CBS` or `©...`).
  const data: typeof nonEmpty = [];
  for (const l of nonEmpty.slice(headerIdx + 1)) {
    const filled = l.cells.filter((c) => c !== '');
    if (filled.length <= 1 || /^(bron|©|\(c\))/i.test(filled[0]!)) break;
    if (l.cells.length !== width) throw new UserError({ file, line: l.line, message: `verwacht ${width} velden (zoals de kopregel), gevonden ${l.cells.length}` });
    data.push(l);
  }
  const valueCells = data.flatMap((l) => [l.cells[cLasten[0]!]!, ...(batenCol !== undefined ? [l.cells[batenCol]!] : [])]);
  const locales = new Set(valueCells.map(notationEvidence).filter((x): x is NumberLocale => x !== undefined));
  if (locales.size > 1) throw new UserError({ file, line: data[0]?.line ?? header.line, message: 'gemengde getalnotatie (Nederlands en Engels) in één export' });
  const locale = [...locales][0] ?? 'nl';

  const rows: CbsRow[] = [];
  let skipped = 0;
  for (const l of data) {
    const at = (column: number, message: string): Issue => ({ file, line: l.line, column: column + 1, message });
    const regio = regionByTitle(l.cells[cRegio]!);
    if (regio === null) throw new UserError(at(cRegio, `onbekende regio '${l.cells[cRegio]}': verwacht een provincie (bijvoorbeeld 'Groningen (PV)'), 'Nederland' of een landsdeel`));
    if (regio === undefined) {
      skipped++;
      continue;
    }
    const p = /^(\d{4})(\*?)$/.exec(l.cells[cPeriode]!);
    if (!p) throw new UserError(at(cPeriode, `onbekende periode of markering '${l.cells[cPeriode]}': verwacht een jaar, voorlopig gemarkeerd met '*' (bijvoorbeeld 2022*)`));
    const lasten = readValue(l.cells[cLasten[0]!]!, locale, lastenUnit.factor, (m) => at(cLasten[0]!, m));
    const baten = batenCol !== undefined ? readValue(l.cells[batenCol]!, locale, batenUnit!.factor, (m) => at(batenCol, m)) : {};
    if (!l.cells[cTaakveld]) throw new UserError(at(cTaakveld, 'taakveld ontbreekt'));
    rows.push({
      taakveld: l.cells[cTaakveld]!,
      regio,
      jaar: Number(p[1]),
      voorlopig: p[2] === '*',
      ...(lasten.value ? { lasten: lasten.value, lastenGedrukt: lasten.printed! } : {}),
      ...(baten.value ? { baten: baten.value, batenGedrukt: baten.printed! } : {}),
      eenheid: lastenUnit.eenheid,
      waar: `regel ${l.line}`,
      regel: l.line,
    });
  }
  if (batenUnit && batenUnit.eenheid !== lastenUnit.eenheid) throw new UserError({ file, line: header.line, message: 'baten en lasten staan in verschillende eenheden; exporteer beide in mln euro' });
  return { ...table, titel: titel || table.tabel, rijen: rows, overgeslagen: skipped };
}

/** The OData entity sets the reader needs, besides one list per dimension. */
export const ODATA_PARTS = ['TableInfos', 'DataProperties', 'TypedDataSet'] as const;

interface ODataItem {
  readonly Key?: string;
  readonly Title?: string;
  readonly Status?: string | null;
  readonly Type?: string;
  readonly Unit?: string | null;
  readonly ParentID?: number | null;
  readonly ID?: number;
  readonly Identifier?: string;
  readonly Modified?: string;
  readonly [k: string]: unknown;
}

function values(parts: Readonly<Record<string, unknown>>, name: string, file: string): ODataItem[] {
  const part = parts[name];
  const list = part && typeof part === 'object' && !Array.isArray(part) ? (part as { value?: unknown }).value : part;
  if (!Array.isArray(list)) {
    throw new UserError({ file, field: name, message: `onderdeel '${name}' ontbreekt of heeft geen lijst 'value' (verwacht de OData-antwoorden van CBS: ${[...ODATA_PARTS, '<dimensies>'].join(', ')})` });
  }
  return list as ODataItem[];
}

/**
 * Reads the OData (v3) responses of a table: an object with one raw response per entity set
 * (`TableInfos`, `DataProperties`, `TypedDataSet` and each dimension named in `DataProperties`).
 * `TypedDataSet` may be a list of pages (the responses followed through `odata.nextLink`).
 */
export function parseODataParts(parts: Readonly<Record<string, unknown>>, file: string, tabelId?: string): CbsTable {
  const info = values(parts, 'TableInfos', file)[0];
  if (!info) throw new UserError({ file, field: 'TableInfos', message: 'TableInfos is leeg: verwacht de tabelgegevens (Identifier, Title)' });
  const id = String(info.Identifier ?? tabelId ?? '');
  const table = tableByTitle(String(info.Title ?? ''), id || undefined, { file, field: 'TableInfos' });
  const props = values(parts, 'DataProperties', file);
  const dims = props.filter((p) => p.Type === 'Dimension' || p.Type === 'GeoDimension' || p.Type === 'TimeDimension');
  const dimKey = (test: (p: ODataItem) => boolean, what: string) => {
    const d = dims.find(test);
    if (!d?.Key) throw new UserError({ file, field: 'DataProperties', message: `kolommen ontbreken: verwacht een dimensie ${what} in DataProperties` });
    return d.Key;
  };
  const kTaakveld = dimKey((d) => /taakveld/i.test(`${d.Key} ${d.Title}`), "'Provinciale taakvelden'");
  const kRegio = dimKey((d) => d.Type === 'GeoDimension' || /^regio/i.test(String(d.Key)), "'Regio's' (GeoDimension)");
  const kPeriode = dimKey((d) => d.Type === 'TimeDimension' || /^perioden/i.test(String(d.Key)), "'Perioden' (TimeDimension)");
  const groups = new Map(props.filter((p) => p.Type === 'TopicGroup').map((p) => [p.ID, p] as const));
  const topicLabel = (p: ODataItem) => `${p.ParentID != null ? `${groups.get(p.ParentID)?.Title ?? ''} / ` : ''}${p.Title ?? ''} ${p.Unit ?? ''}`;
  const topics = props.filter((p) => p.Type === 'Topic' && !/per inwoner/i.test(topicLabel(p)));
  const topic = (re: RegExp) => topics.filter((p) => re.test(norm(String(p.Title ?? ''))) && UNITS.some((u) => u.match.test(topicLabel(p))));
  const lasten = topic(/^lasten\b/);
  const baten = topic(/^baten\b/);
  if (lasten.length !== 1) {
    throw new UserError({ file, field: 'DataProperties', message: lasten.length === 0 ? "kolommen ontbreken: verwacht een onderwerp 'Lasten' in mln euro in DataProperties" : "meer dan één onderwerp 'Lasten' in mln euro in DataProperties" });
  }
  const unitOf = (p: ODataItem) => UNITS.find((u) => u.match.test(topicLabel(p)))!;
  const lastenUnit = unitOf(lasten[0]!);

  const dimension = (key: string) => new Map(values(parts, key, file).map((d) => [String(d.Key), d] as const));
  const taakvelden = dimension(kTaakveld);
  const regios = dimension(kRegio);
  const perioden = dimension(kPeriode);
  const pages = Array.isArray(parts.TypedDataSet) ? (parts.TypedDataSet as unknown[]) : [parts.TypedDataSet];
  const records = pages.flatMap((page, i) => values({ TypedDataSet: page }, 'TypedDataSet', `${file} (pagina ${i + 1} van TypedDataSet)`));

  const rows: CbsRow[] = [];
  let skipped = 0;
  records.forEach((r, i) => {
    const where = `record ${i + 1}`;
    const at = (field: string, message: string): Issue => ({ file, field, message: `TypedDataSet ${where}: ${message}` });
    const tKey = String(r[kTaakveld] ?? '');
    const t = taakvelden.get(tKey);
    if (!t) throw new UserError(at(kTaakveld, `onbekend taakveld '${tKey}': staat niet in de dimensielijst ${kTaakveld}`));
    const rKey = String(r[kRegio] ?? '');
    const regio = regionByKey(rKey);
    if (regio === null || !regios.has(rKey)) throw new UserError(at(kRegio, `provinciecode '${rKey.trim()}' bestaat niet (verwacht PV20..PV31, NL01 of een landsdeel LD01..LD04)`));
    if (regio === undefined) {
      skipped++;
      return;
    }
    const pKey = String(r[kPeriode] ?? '');
    const m = /^(\d{4})JJ00$/.exec(pKey);
    const period = perioden.get(pKey);
    if (!m || !period) throw new UserError(at(kPeriode, `onbekende periode '${pKey}': verwacht een jaar als 2022JJ00 uit de dimensielijst ${kPeriode}`));
    const status = String(period.Status ?? '');
    if (status !== '' && !/^(definitief|voorlopig|nader voorlopig)$/i.test(status)) {
      throw new UserError(at(kPeriode, `onbekende status '${status}' bij periode ${period.Title ?? pKey}: verwacht Definitief of Voorlopig`));
    }
    const num = (key: string, unit: { factor: number }): { value?: Decimal; printed?: string } => {
      const v = r[key];
      if (v === null || v === undefined) return {};
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new UserError(at(key, `verwacht een getal, gevonden ${JSON.stringify(v)}`));
      const d = new Decimal(String(v));
      return { value: d.times(unit.factor), printed: d.toString() };
    };
    const l = num(String(lasten[0]!.Key), lastenUnit);
    const b = baten.length === 1 ? num(String(baten[0]!.Key), unitOf(baten[0]!)) : {};
    rows.push({
      taakveld: String(t.Title ?? tKey).trim(),
      taakveldSleutel: tKey.trim(),
      regio,
      jaar: Number(m[1]),
      voorlopig: /voorlopig/i.test(status) || /\*$/.test(String(period.Title ?? '')),
      ...(l.value ? { lasten: l.value, lastenGedrukt: l.printed! } : {}),
      ...(b.value ? { baten: b.value, batenGedrukt: b.printed! } : {}),
      eenheid: lastenUnit.eenheid,
      waar: where,
    });
  });
  return { ...table, titel: String(info.Title ?? ''), ...(info.Modified ? { gewijzigd: String(info.Modified).slice(0, 10) } : {}), rijen: rows, overgeslagen: skipped };
}
