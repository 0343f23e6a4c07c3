/**
 * Building a {@link Dataset} from the bytes of its CSV files: the shipped layer, optionally with a
 * user's layer on top. No file access here (see `read-dir.ts`), so this also runs in a browser.
 *
 * Overlay rule: a user's row with the same key as a shipped row replaces it; other user rows and
 * sources are added. Every value remembers its file, line and layer.
 *
 * A load succeeds completely or not at all: all problems of all files are collected and thrown
 * together as one {@link UserError}.
 */
import type {
  AgreementFact,
  Assumption,
  Dataset,
  DriverFact,
  ExpectedDifference,
  Fact,
  FundFact,
  IncomeFact,
  KeyShare,
  LineMapping,
  MacroFact,
  PublishedLineFact,
  Origin,
  ProvinceFact,
  Source,
  SourceGrade,
  SourceKind,
  SpendingFact,
} from '../core/dataset.js';
import { Decimal, ONE, sum } from '../core/decimal.js';
import { assumptionBounds } from '../core/assumption-dimensions.js';
import { checkBounds } from '../core/bounds.js';
import { UserError, type Issue } from '../core/errors.js';
import { PROVINCE_CODES, provinceName, type RegionCode } from '../core/provinces.js';
import { convertUnit, toBaseUnit, unitInfo } from '../core/units.js';
import { decodeText, parseCsv, type CsvTable } from './csv.js';
import {
  AANNAMES,
  AANSLUITING,
  BRONNEN,
  FILE_SPECS,
  INKOMSTEN,
  IV3_TAAKVELDEN,
  KOSTENDRIVERS,
  LASTEN_BATEN,
  MACRO,
  NATUURPACT,
  ONZEKERHEID,
  ONZEKERHEID_CORRELATIES,
  PROVINCIEFONDS,
  PROGRAMMA_INDELING,
  PROVINCIES,
  SLEUTELS,
  UITGAVEN,
} from './files.js';
import { BASE_UNIT, checkHeader, fileLocale, MAX_YEAR, MIN_YEAR, parseRows, type FileSpec, type ParsedRow } from './schema.js';
import { correlationDeclarations, uncertaintyDeclarations } from './uncertainty-rows.js';

export type Layer = 'meegeleverd' | 'eigen';

export interface DataFileInput {
  /** File name within the folder, e.g. `uitgaven.csv`. */
  readonly name: string;
  /** How to name the file in messages, e.g. `data/uitgaven.csv`. */
  readonly label: string;
  readonly bytes: Uint8Array;
  readonly laag: Layer;
}

/** Key shares must sum to 1 within this tolerance (they are often published rounded). */
export const KEY_SUM_TOLERANCE = new Decimal('1e-9');

interface LoadedRow {
  readonly row: ParsedRow;
  readonly table: CsvTable;
  readonly laag: Layer;
}

/** Reads every file and returns its rows, with all problems found. */
function readLayer(inputs: readonly DataFileInput[], issues: Issue[]): Map<string, LoadedRow[]> {
  const byFile = new Map<string, LoadedRow[]>();
  for (const input of inputs) {
    const spec = FILE_SPECS.find((s) => s.name === input.name);
    if (!spec) {
      issues.push({
        file: input.label,
        message: `onbekend gegevensbestand; verwacht een van ${FILE_SPECS.map((s) => s.name).join(', ')}`,
      });
      continue;
    }
    const decoded = decodeText(input.bytes, input.label);
    if ('issue' in decoded) {
      issues.push(decoded.issue);
      continue;
    }
    const csv = parseCsv(decoded.text, input.label);
    issues.push(...csv.issues);
    if (!csv.table) continue;
    const headerIssues = checkHeader(csv.table, spec);
    issues.push(...headerIssues);
    if (headerIssues.length > 0) continue;
    if (csv.table.rows.length === 0 && csv.issues.length === 0) {
      issues.push({ file: input.label, line: 1, message: 'bestand heeft alleen een kopregel: verwacht ten minste één gegevensregel' });
      continue;
    }
    const locale = fileLocale(csv.table, spec, input.laag === 'meegeleverd');
    issues.push(...locale.issues);
    if (locale.issues.length > 0) continue;
    const parsed = parseRows(csv.table, spec, locale.locale);
    issues.push(...parsed.issues);
    const list = byFile.get(spec.name) ?? [];
    for (const row of parsed.rows) list.push({ row, table: csv.table, laag: input.laag });
    byFile.set(spec.name, list);
  }
  return byFile;
}

function keyOf(row: ParsedRow, spec: FileSpec): string {
  return spec.key.map((k) => String(row[k])).join('\u0000');
}

function columnOf(loaded: LoadedRow, name: string): number | undefined {
  const idx = loaded.table.header.indexOf(name);
  return idx >= 0 ? idx + 1 : undefined;
}

/** Duplicate keys within one layer, then the overlay of the user's layer on the shipped one. */
function mergeLayers(spec: FileSpec, shipped: LoadedRow[], own: LoadedRow[], issues: Issue[]): LoadedRow[] {
  const merged = new Map<string, LoadedRow>();
  for (const layer of [shipped, own]) {
    const seen = new Map<string, LoadedRow>();
    for (const loaded of layer) {
      const key = keyOf(loaded.row, spec);
      const earlier = seen.get(key);
      if (earlier) {
        issues.push({
          file: loaded.table.file,
          line: loaded.row.line,
          message:
            `dubbele sleutel (${spec.key.map((k) => `${k}=${String(loaded.row[k])}`).join(', ')}): ` +
            `staat ook op regel ${earlier.row.line}; elke combinatie mag maar één keer voorkomen`,
        });
        continue;
      }
      seen.set(key, loaded);
      merged.set(key, loaded);
    }
  }
  return [...merged.values()];
}

function origin(loaded: LoadedRow): Origin {
  return { file: loaded.table.file, line: loaded.row.line, laag: loaded.laag };
}

function fact(loaded: LoadedRow): Fact {
  const r = loaded.row;
  const eenheid = r.eenheid as string;
  // The code's declared base unit where its file declares one (land area in km2), else the unit's own.
  const basiseenheid = (r[BASE_UNIT] as string | undefined) ?? unitInfo(eenheid)!.base;
  return {
    waarde: convertUnit(r.waarde as Decimal, eenheid, basiseenheid)!,
    eenheid,
    basiseenheid,
    status: r.status as Fact['status'],
    bron: (r.bron as string[] | undefined) ?? [],
    vindplaats: (r.vindplaats as string | undefined) ?? '',
    methode: (r.methode as string | undefined) ?? '',
    herkomst: origin(loaded),
  };
}

/**
 * Builds the dataset from file contents. Throws a {@link UserError} listing every problem.
 *
 * @example
 *   const data = buildDataset([{ name: 'bronnen.csv', label: 'data/bronnen.csv', bytes, laag: 'meegeleverd' }, ...]);
 */
export function buildDataset(inputs: readonly DataFileInput[]): Dataset {
  const shape = "buildDataset: verwacht een lijst van { name, label, bytes (Uint8Array), laag ('meegeleverd' of 'eigen') }";
  if (!Array.isArray(inputs)) throw new UserError({ message: shape });
  const bad = inputs.findIndex((i) => typeof i?.name !== 'string' || typeof i.label !== 'string' || !(i.bytes instanceof Uint8Array) || (i.laag !== 'meegeleverd' && i.laag !== 'eigen'));
  if (bad >= 0) throw new UserError({ message: `${shape}; element ${bad} is dat niet` });
  const issues: Issue[] = [];
  const shipped = readLayer(
    inputs.filter((i) => i.laag === 'meegeleverd'),
    issues,
  );
  const own = readLayer(
    inputs.filter((i) => i.laag === 'eigen'),
    issues,
  );
  for (const spec of FILE_SPECS) {
    if (!spec.optional && !shipped.has(spec.name) && !own.has(spec.name) && !inputs.some((i) => i.name === spec.name)) {
      issues.push({ file: spec.name, message: `gegevensbestand ontbreekt: verwacht ${spec.name} in de gegevensmap` });
    }
  }
  const rows = new Map<string, LoadedRow[]>();
  for (const spec of FILE_SPECS) {
    rows.set(spec.name, mergeLayers(spec, shipped.get(spec.name) ?? [], own.get(spec.name) ?? [], issues));
  }
  const get = (spec: FileSpec) => rows.get(spec.name) ?? [];

  const bronnen = new Map<string, Source>();
  for (const loaded of get(BRONNEN)) {
    const r = loaded.row;
    bronnen.set(r.id as string, {
      id: r.id as string,
      titel: r.titel as string,
      uitgever: r.uitgever as string,
      datum: r.datum as string,
      url: r.url as string,
      vindplaats: (r.vindplaats as string | undefined) ?? '',
      geraadpleegd: r.geraadpleegd as string,
      ...(r.soort !== undefined ? { soort: r.soort as SourceKind } : {}),
      ...(r.kwaliteit !== undefined ? { kwaliteit: r.kwaliteit as SourceGrade } : {}),
      herkomst: origin(loaded),
    });
  }

  // Every source id must resolve.
  for (const spec of FILE_SPECS) {
    if (spec === BRONNEN) continue;
    for (const loaded of get(spec)) {
      for (const id of (loaded.row.bron as string[] | undefined) ?? []) {
        if (!bronnen.has(id)) {
          issues.push({
            file: loaded.table.file,
            line: loaded.row.line,
            column: columnOf(loaded, 'bron'),
            field: 'bron',
            message: `bron-id '${id}' staat niet in bronnen.csv`,
          });
        }
      }
    }
  }

  // Province names must match their code.
  for (const loaded of get(PROVINCIES)) {
    const code = loaded.row.provincie as RegionCode;
    const expected = provinceName(code);
    if (loaded.row.naam !== expected) {
      issues.push({
        file: loaded.table.file,
        line: loaded.row.line,
        column: columnOf(loaded, 'naam'),
        field: 'naam',
        message: `verwacht naam '${expected}' bij ${code}, gevonden '${String(loaded.row.naam)}'`,
      });
    }
  }

  // One publication (vintage) has one date: the date orders vintages.
  const publicationDates = new Map<string, LoadedRow>();
  for (const loaded of get(MACRO)) {
    const pub = loaded.row.publicatie as string;
    const first = publicationDates.get(pub);
    if (!first) publicationDates.set(pub, loaded);
    else if (first.row.publicatiedatum !== loaded.row.publicatiedatum) {
      issues.push({
        file: loaded.table.file,
        line: loaded.row.line,
        column: columnOf(loaded, 'publicatiedatum'),
        field: 'publicatiedatum',
        message:
          `publicatie '${pub}' heeft hier datum ${String(loaded.row.publicatiedatum)}, ` +
          `maar ${String(first.row.publicatiedatum)} op ${first.table.file}:${first.row.line}; één datum per publicatie`,
      });
    }
  }

  checkKeyShares(get(SLEUTELS), issues);
  checkMappingShares([...get(IV3_TAAKVELDEN), ...get(PROGRAMMA_INDELING)], issues);
  checkExpectedDifferences(get(AANSLUITING), issues);
  const uncertainty = (list: readonly LoadedRow[]) => list.map((l) => ({ row: l.row, herkomst: origin(l), column: (name: string) => columnOf(l, name) }));
  const onzekerheid = uncertaintyDeclarations(uncertainty(get(ONZEKERHEID)), issues);
  const correlaties = correlationDeclarations(uncertainty(get(ONZEKERHEID_CORRELATIES)), issues);

  if (issues.length > 0) throw new UserError(issues);

  return {
    bronnen,
    provincies: get(PROVINCIES).map((l): ProvinceFact => ({
      ...fact(l),
      provincie: l.row.provincie as RegionCode,
      naam: l.row.naam as string,
      kenmerk: l.row.kenmerk as string,
      jaar: l.row.jaar as number,
    })),
    macro: get(MACRO).map((l): MacroFact => ({
      ...fact(l),
      reeks: l.row.reeks as string,
      publicatie: l.row.publicatie as string,
      publicatiedatum: l.row.publicatiedatum as string,
      jaar: l.row.jaar as number,
    })),
    provinciefonds: get(PROVINCIEFONDS).map((l): FundFact => ({
      ...fact(l),
      post: l.row.post as string,
      provincie: l.row.provincie as RegionCode,
      jaar: l.row.jaar as number,
      publicatie: l.row.publicatie as string,
      ...(l.row.aard !== undefined ? { aard: l.row.aard as FundFact['aard'] } : {}),
    })),
    natuurpact: get(NATUURPACT).map((l): AgreementFact => ({
      ...fact(l),
      onderdeel: l.row.onderdeel as string,
      provincie: l.row.provincie as RegionCode,
      van: l.row.van as number,
      tot: l.row.tot as number,
      grondslag: l.row.grondslag as AgreementFact['grondslag'],
    })),
    uitgaven: get(UITGAVEN).map((l): SpendingFact => ({
      ...fact(l),
      provincie: l.row.provincie as RegionCode,
      jaar: l.row.jaar as number,
      taak: l.row.taak as SpendingFact['taak'],
      soort: l.row.soort as SpendingFact['soort'],
    })),
    inkomsten: get(INKOMSTEN).map((l): IncomeFact => ({
      ...fact(l),
      provincie: l.row.provincie as RegionCode,
      jaar: l.row.jaar as number,
      stroom: l.row.stroom as IncomeFact['stroom'],
    })),
    kostendrivers: get(KOSTENDRIVERS).map((l): DriverFact => ({
      ...fact(l),
      driver: l.row.driver as string,
      provincie: l.row.provincie as RegionCode,
      jaar: l.row.jaar as number,
    })),
    sleutels: get(SLEUTELS).map((l): KeyShare => ({
      ...fact(l),
      sleutel: l.row.sleutel as string,
      provincie: l.row.provincie as KeyShare['provincie'],
    })),
    aannames: get(AANNAMES).map((l): Assumption => ({ ...fact(l), naam: l.row.naam as string })),
    lastenBaten: get(LASTEN_BATEN).map((l): PublishedLineFact => ({
      ...fact(l),
      provincie: l.row.provincie as RegionCode,
      jaar: l.row.jaar as number,
      niveau: l.row.niveau as PublishedLineFact['niveau'],
      code: (l.row.code as string | undefined) ?? '',
      naam: l.row.naam as string,
      soort: l.row.soort as PublishedLineFact['soort'],
      kant: l.row.kant as PublishedLineFact['kant'],
    })),
    indeling: [
      ...get(IV3_TAAKVELDEN).map((l): LineMapping => ({
        ...fact(l),
        provincie: 'NL',
        niveau: 'iv3_taakveld',
        code: (l.row.code as string | undefined) ?? '',
        naam: l.row.naam as string,
        van: MIN_YEAR,
        tot: MAX_YEAR,
        taak: l.row.taak as LineMapping['taak'],
      })),
      ...get(PROGRAMMA_INDELING).map((l): LineMapping => ({
        ...fact(l),
        provincie: l.row.provincie as RegionCode,
        niveau: l.row.niveau as LineMapping['niveau'],
        code: (l.row.code as string | undefined) ?? '',
        naam: l.row.naam as string,
        van: l.row.van as number,
        tot: l.row.tot as number,
        taak: l.row.taak as LineMapping['taak'],
      })),
    ],
    aansluiting: get(AANSLUITING).map((l): ExpectedDifference => {
      const eenheid = l.row.eenheid as string;
      return {
        id: l.row.id as string,
        verwacht: toBaseUnit(l.row.verwacht_verschil as Decimal, eenheid),
        marge: toBaseUnit(l.row.marge as Decimal, eenheid),
        eenheid,
        reden: l.row.reden as string,
        herkomst: origin(l),
      };
    }),
    onzekerheid,
    correlaties,
  };
}

/** An expected difference is an amount of money with a margin that is not negative. */
function checkExpectedDifferences(loadedRows: readonly LoadedRow[], issues: Issue[]): void {
  for (const l of loadedRows) {
    const eenheid = l.row.eenheid as string;
    if (unitInfo(eenheid)?.dimension !== 'geld') {
      issues.push({
        file: l.table.file,
        line: l.row.line,
        column: columnOf(l, 'eenheid'),
        field: 'eenheid',
        message: `verwacht een geldeenheid (EUR, EUR 1.000, EUR mln of EUR mld), gevonden '${eenheid}'`,
      });
    }
    if ((l.row.marge as Decimal).isNegative()) {
      issues.push({
        file: l.table.file,
        line: l.row.line,
        column: columnOf(l, 'marge'),
        field: 'marge',
        message: `verwacht een marge van 0 of meer, gevonden ${(l.row.marge as Decimal).toString()}`,
      });
    }
  }
}

/**
 * The shares of one published line (same province, level, code and first year) may not add up to
 * more than 1, and `van` may not lie after `tot`: what is not mapped is out of scope.
 */
function checkMappingShares(loadedRows: readonly LoadedRow[], issues: Issue[]): void {
  const byLine = new Map<string, LoadedRow[]>();
  for (const l of loadedRows) {
    const r = l.row;
    if (r.van !== undefined && r.tot !== undefined && (r.van as number) > (r.tot as number)) {
      issues.push({ file: l.table.file, line: r.line, column: columnOf(l, 'tot'), field: 'tot', message: `verwacht een eindjaar vanaf ${String(r.van)}, gevonden ${String(r.tot)}` });
    }
    const k = [r.provincie ?? 'NL', r.niveau ?? 'iv3_taakveld', r.code ?? '', r.naam, r.van ?? ''].join('\u0000');
    byLine.set(k, [...(byLine.get(k) ?? []), l]);
  }
  for (const list of byLine.values()) {
    const total = sum(list.map((l) => toBaseUnit(l.row.waarde as Decimal, l.row.eenheid as string)));
    const first = list[0]!;
    if (total.minus(ONE).greaterThan(KEY_SUM_TOLERANCE)) {
      issues.push({
        file: first.table.file,
        line: first.row.line,
        column: columnOf(first, 'waarde'),
        field: 'waarde',
        message: `de aandelen van '${String(first.row.code ?? first.row.naam)}' tellen op tot ${total.toString()}, meer dan 1: een post kan niet voor meer dan zijn geheel aan taken worden toegerekend`,
      });
    }
    for (const l of list) {
      const v = toBaseUnit(l.row.waarde as Decimal, l.row.eenheid as string);
      if (v.isNegative() || v.greaterThan(ONE)) {
        issues.push({ file: l.table.file, line: l.row.line, column: columnOf(l, 'waarde'), field: 'waarde', message: `verwacht een aandeel van 0 tot en met 1 (0% tot 100%), gevonden ${v.toString()}` });
      }
    }
  }
}

/**
 * Assumptions whose value lies outside the plausible range of their declaration (hard bounds are
 * errors at load): warnings with the file and line of the row. `except` names assumptions a scenario
 * replaces (its own values are checked where it writes them).
 */
export function assumptionWarnings(data: Pick<Dataset, 'aannames'>, except: readonly string[] = []): Issue[] {
  const out: Issue[] = [];
  for (const a of data.aannames) {
    const b = assumptionBounds(a.naam);
    if (!b || except.includes(a.naam)) continue;
    const finding = checkBounds(b, a.waarde);
    if (finding?.niveau === 'waarschuwing') out.push({ file: a.herkomst.file, ...(a.herkomst.line ? { line: a.herkomst.line } : {}), message: `${a.naam}: ${finding.melding}` });
  }
  return out;
}

/**
 * A key that names all twelve provinces must sum to 1; a partial key (only some shares published)
 * must not exceed 1.
 */
function checkKeyShares(loadedRows: readonly LoadedRow[], issues: Issue[]): void {
  const byKey = new Map<string, LoadedRow[]>();
  for (const l of loadedRows) {
    const k = l.row.sleutel as string;
    byKey.set(k, [...(byKey.get(k) ?? []), l]);
  }
  for (const [key, list] of byKey) {
    const total = sum(list.map((l) => toBaseUnit(l.row.waarde as Decimal, l.row.eenheid as string)));
    const complete = PROVINCE_CODES.every((p) => list.some((l) => l.row.provincie === p));
    const first = list[0]!;
    const off = total.minus(ONE);
    if (complete ? off.abs().greaterThan(KEY_SUM_TOLERANCE) : off.greaterThan(KEY_SUM_TOLERANCE)) {
      issues.push({
        file: first.table.file,
        line: first.row.line,
        column: columnOf(first, 'waarde'),
        field: 'waarde',
        message: complete
          ? `aandelen van sleutel '${key}' tellen op tot ${total.toString()}, verwacht 1 (marge ${KEY_SUM_TOLERANCE.toString()})`
          : `aandelen van sleutel '${key}' (${list.length} van 12 provincies) tellen op tot ${total.toString()}, meer dan 1`,
      });
    }
  }
}
