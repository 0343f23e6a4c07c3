/**
 * Scenario files (YAML): reading, validating with zod against the real names, and turning them into
 * a model scenario. Every problem names `file:line:column`, in Dutch; all problems of a file are
 * reported together.
 *
 * Numbers are read from the YAML source text (never through a float), quoted or not, in English or
 * Dutch notation, with an optional unit: `500 mln`, `1,3 mld`, `2,5%`, `0.84`. A scenario may extend
 * another (`basis: andere.yaml`): the base is read first and the scenario's keys replace its keys
 * (objects are merged key by key; lists and values are replaced).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import type { Dataset } from '../core/dataset.js';
import { Decimal } from '../core/decimal.js';
import { UserError, type Issue } from '../core/errors.js';
import { DEVELOPMENTS, DEVELOPMENT_NAMES } from '../core/model/developments.js';
import { DEFAULT_LAST_YEAR, MAX_LAST_YEAR, type ModelScenario } from '../core/model/plan.js';
import { HISTORY_ASSUMPTIONS, HISTORY_FIRST_YEAR, HISTORY_LAST_YEAR } from '../core/estimate.js';
import { suggest } from '../core/suggest.js';
import { REGION_CODES } from '../core/provinces.js';
import { parseNumber } from './number.js';

/** A number as written in the file: its source text, parsed exactly. */
const UNIT_FACTORS: Record<string, Decimal> = { '': new Decimal(1), mln: new Decimal(1e6), mld: new Decimal(1e9), '%': new Decimal('0.01') };

export function parseAmount(text: string): { ok: true; value: Decimal } | { ok: false; message: string } {
  const m = /^\s*(.*?)\s*(mln|mld|%)?\s*$/.exec(text);
  const digits = m?.[1] ?? '';
  const unit = m?.[2] ?? '';
  // Notation from the text itself: a comma without a dot is Dutch, else English.
  const locale = digits.includes(',') && !digits.includes('.') ? 'nl' : digits.includes('.') && !digits.includes(',') ? 'en' : undefined;
  const n = parseNumber(digits, locale);
  if (!n.ok) return { ok: false, message: n.message.replace('verwacht een getal', 'verwacht een getal (eventueel met mln, mld of %)') };
  return { ok: true, value: n.value.times(UNIT_FACTORS[unit]!) };
}

const amount = z.string().transform((s, ctx) => {
  const r = parseAmount(s);
  if (!r.ok) {
    ctx.issues.push({ code: 'custom', message: r.message, input: s });
    return z.NEVER;
  }
  return r.value;
});
const year = (min: number, max: number) =>
  z.string().transform((s, ctx) => {
    if (!/^\d{4}$/.test(s.trim()) || Number(s) < min || Number(s) > max) {
      ctx.issues.push({ code: 'custom', message: `verwacht een jaar van ${min} tot en met ${max}, gevonden '${s}'`, input: s });
      return z.NEVER;
    }
    return Number(s);
  });
const text = z.string({ error: 'verwacht tekst' });
const oneOf = <T extends string>(values: readonly T[], what: string) =>
  z.string().transform((s, ctx) => {
    if ((values as readonly string[]).includes(s)) return s as T;
    const hint = suggest(s, values);
    ctx.issues.push({ code: 'custom', message: `onbekende ${what} '${s}'` + (hint ? `; bedoelt u '${hint}'?` : `; kies uit ${values.join(', ')}`), input: s });
    return z.NEVER;
  });
const flag = z.string().transform((s, ctx) => {
  if (['aan', 'ja', 'true'].includes(s)) return true;
  if (['uit', 'nee', 'false'].includes(s)) return false;
  ctx.issues.push({ code: 'custom', message: `verwacht aan of uit, gevonden '${s}'`, input: s });
  return z.NEVER;
});

const developmentBlock = z.strictObject({
  aan: flag.optional(),
  startjaar: year(HISTORY_LAST_YEAR + 1, MAX_LAST_YEAR).optional(),
  parameters: z.record(z.string(), amount).optional(),
});
/** `naam: aan` or a block; the block's own errors are reported (not a vague union error). */
const development = z.unknown().transform((value, ctx): { aan?: boolean; startjaar?: number; parameters?: Record<string, Decimal> } => {
  const schema = typeof value === 'string' ? flag.transform((aan) => ({ aan })) : developmentBlock;
  const r = schema.safeParse(value, { reportInput: true });
  if (r.success) return r.data;
  for (const issue of r.error.issues) ctx.issues.push({ ...issue, path: issue.path } as never);
  return z.NEVER;
});

/** Allocation keys in a scenario file (see core/allocation/keys.ts). */
const TASK_NAMES = ['natuurbeheer', 'anlb', 'verwerving', 'inrichting', 'herstel', 'soorten', 'uitvoering'] as const;
export type KeyInput =
  | 'historisch'
  | 'plan'
  | { indicator: string }
  | { taak: (typeof TASK_NAMES)[number][] }
  | { formule: string }
  | { mix: { sleutel: KeyInput; gewicht: Decimal }[] }
  | { overgang: { van: KeyInput; naar: KeyInput; jaren: number; start: number } };
const keySchema: z.ZodType<KeyInput, unknown> = z.lazy(() =>
  z.union([
    z.literal('historisch'),
    z.literal('plan'),
    z.strictObject({ indicator: text }),
    z.strictObject({ taak: z.array(oneOf(TASK_NAMES, 'taak')) }),
    z.strictObject({ formule: text }),
    z.strictObject({ mix: z.array(z.strictObject({ sleutel: keySchema, gewicht: amount })) }),
    z.strictObject({
      overgang: z.strictObject({
        van: keySchema,
        naar: keySchema,
        jaren: z.string().transform((v, ctx) => {
          if (!/^\d+$/.test(v) || Number(v) < 1) {
            ctx.issues.push({ code: 'custom', message: `verwacht een geheel aantal jaren (1 of meer), gevonden '${v}'`, input: v });
            return z.NEVER;
          }
          return Number(v);
        }),
        start: year(HISTORY_LAST_YEAR + 1, MAX_LAST_YEAR),
      }),
    }),
  ]),
) as z.ZodType<KeyInput, unknown>;

const INDEXATIONS = ['bbp', 'lpo', 'kostenindex', 'cpi', 'nominaal', 'au'] as const;
export const customConstructionSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, { error: 'verwacht een korte id (letters, cijfers, _ of -), bijvoorbeeld C8' }),
  naam: text,
  omschrijving: text.optional(),
  start: year(HISTORY_LAST_YEAR + 1, MAX_LAST_YEAR),
  eind: year(HISTORY_LAST_YEAR + 1, MAX_LAST_YEAR).optional(),
  basis: z.union([z.strictObject({ bedrag: amount }), z.strictObject({ status_quo_jaar: year(HISTORY_LAST_YEAR, MAX_LAST_YEAR) })]),
  toevoegingen: z.array(z.strictObject({ bedrag: amount, vanaf: year(HISTORY_LAST_YEAR + 1, MAX_LAST_YEAR), omschrijving: text.optional() })).optional(),
  indexatie: oneOf(INDEXATIONS, 'indexatie'),
  sleutel: keySchema,
  cofinanciering: amount.optional(),
  oormerk: z.strictObject({ onderbesteding: amount }).optional(),
  uitvoeringslasten: amount.optional(),
  omzettingskorting: amount.optional(),
});
export type CustomConstructionInput = z.output<typeof customConstructionSchema>;

/** Dated values `{2026: 2,5%, 2028: 2%}`: each applies from its year until the next. */
const datedAmounts = z.record(z.string(), amount).transform((record, ctx) => {
  const out: { vanaf: number; waarde: Decimal }[] = [];
  for (const [key, waarde] of Object.entries(record)) {
    if (!/^\d{4}$/.test(key) || Number(key) < HISTORY_FIRST_YEAR || Number(key) > MAX_LAST_YEAR) {
      ctx.issues.push({ code: 'custom', message: `verwacht jaartallen als sleutel (${HISTORY_FIRST_YEAR}-${MAX_LAST_YEAR}), gevonden '${key}'`, input: key, path: [key] });
      return z.NEVER;
    }
    out.push({ vanaf: Number(key), waarde });
  }
  return out.sort((a, b) => a.vanaf - b.vanaf);
});

export const FORMATS = ['csv', 'md', 'html', 'xlsx'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export const scenarioSchema = z.strictObject({
  naam: text,
  beschrijving: text.optional(),
  basis: text.optional(),
  periode: z.strictObject({ van: year(HISTORY_FIRST_YEAR, MAX_LAST_YEAR).optional(), tot: year(HISTORY_LAST_YEAR + 1, MAX_LAST_YEAR).optional() }).optional(),
  macro: z
    .strictObject({
      vintage: text.optional(),
      startjaar_bbp: year(2024, MAX_LAST_YEAR).optional(),
      gemiddelde: oneOf(['rekenkundig', 'meetkundig'] as const, 'gemiddelde').optional(),
      combinatie: oneOf(['vermenigvuldigen', 'optellen'] as const, 'combinatie').optional(),
      projectie: z.record(z.string(), z.union([amount, datedAmounts])).optional(),
    })
    .optional(),
  parameters: z.record(z.string(), amount).optional(),
  nnn_pad: oneOf(['tempo', 'doel'] as const, 'NNN-pad').optional(),
  ontwikkelingen: z.record(z.string(), development).optional(),
  constructies: z.union([z.literal('alle'), z.array(z.union([text, customConstructionSchema]))]).optional(),
  uitvoer: z
    .strictObject({
      formaten: z.array(oneOf(FORMATS, 'uitvoerformaat')).optional(),
      provincies: z.array(oneOf(REGION_CODES, 'provincie')).optional(),
      venster: z.strictObject({ van: year(HISTORY_LAST_YEAR + 1, MAX_LAST_YEAR), tot: year(HISTORY_LAST_YEAR + 1, MAX_LAST_YEAR) }).optional(),
    })
    .optional(),
});
export type ScenarioFile = z.output<typeof scenarioSchema>;

/** Every key name the schema knows at a path (for suggestions). */
function knownKeys(path: readonly PropertyKey[]): string[] {
  type Def = { type: string; innerType?: z.ZodType; shape?: Record<string, z.ZodType>; options?: z.ZodType[]; valueType?: z.ZodType };
  const unwrap = (t: z.ZodType): Def => {
    let def = (t as unknown as { def: Def }).def;
    while (def.type === 'optional' && def.innerType) def = (def.innerType as unknown as { def: Def }).def;
    if (def.type === 'union' && def.options) {
      const obj = def.options.map((o) => (o as unknown as { def: Def }).def).find((d) => d.type === 'object');
      if (obj) def = obj;
    }
    return def;
  };
  let def = unwrap(scenarioSchema);
  for (const key of path) {
    if (def.type === 'object' && def.shape && typeof key === 'string' && def.shape[key]) def = unwrap(def.shape[key]);
    else if (def.type === 'record' && def.valueType) def = unwrap(def.valueType);
    else return [];
  }
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/** The YAML document as plain data, every scalar as its source text (so numbers stay exact). */
function toData(node: YamlNode | null | undefined): unknown {
  if (!node) return undefined;
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      const k = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      out[k] = toData(pair.value as YamlNode);
    }
    return out;
  }
  if (isSeq(node)) return node.items.map((i) => toData(i as YamlNode));
  if (isScalar(node)) {
    if (node.value === null) return undefined;
    const source = (node as unknown as { source?: string }).source;
    return typeof node.value === 'string' ? node.value : (source ?? String(node.value));
  }
  return undefined;
}

interface Located {
  readonly doc: Document;
  readonly lines: LineCounter;
  readonly file: string;
}

function where(loc: Located, path: readonly PropertyKey[], onKey = false): { line?: number; column?: number } {
  let node: unknown = loc.doc.contents;
  let keyNode: unknown;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(key));
      if (!pair) break;
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      keyNode = undefined;
      node = node.items[key];
    } else break;
  }
  const target = (onKey ? keyNode : node) ?? keyNode ?? node;
  const range = (target as { range?: [number, number, number] } | undefined)?.range;
  if (!range) return {};
  // A quoted value: point at its first character, not at the quote.
  const quoted = isScalar(target) && (target.type === 'QUOTE_DOUBLE' || target.type === 'QUOTE_SINGLE');
  const pos = loc.lines.linePos(range[0] + (quoted ? 1 : 0));
  return { line: pos.line, column: pos.col };
}

function zodIssues(loc: Located, error: z.ZodError): Issue[] {
  const out: Issue[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const known = knownKeys(issue.path);
        const hint = suggest(key, known);
        out.push({
          file: loc.file,
          ...where(loc, [...issue.path, key], true),
          message: `onbekende sleutel '${[...issue.path, key].join('.')}'` + (hint ? `; bedoelt u '${hint}'?` : `; toegestaan: ${known.join(', ')}`),
        });
      }
      continue;
    }
    let message = issue.message;
    if (issue.code === 'invalid_type') {
      const found = issue.input === undefined ? 'niets' : Array.isArray(issue.input) ? 'een lijst' : typeof issue.input === 'object' ? 'een blok' : `'${String(issue.input)}'`;
      const expected = issue.expected === 'object' ? 'een blok met sleutels' : issue.expected === 'array' ? 'een lijst' : issue.expected === 'string' ? 'een waarde' : issue.expected;
      message = `verwacht ${expected}, gevonden ${found}`;
    } else if (issue.code === 'invalid_union') {
      // Report the branch that came closest: the one that failed deepest in the value, not on its type.
      const branches = ((issue as unknown as { errors?: z.core.$ZodIssue[][] }).errors ?? []).filter((b) => b.length > 0);
      const score = (b: z.core.$ZodIssue[]) => (b.every((i) => i.code === 'invalid_type' && i.path.length === 0) ? 1000 : 0) + b.length - Math.max(...b.map((i) => i.path.length)) * 10;
      const best = [...branches].sort((a, b) => score(a) - score(b))[0];
      if (best && score(best) < 1000) {
        out.push(...zodIssues(loc, { issues: best.map((i) => ({ ...i, path: [...issue.path, ...i.path] })) } as unknown as z.ZodError));
        continue;
      }
      message = 'waarde heeft niet de verwachte vorm (zie de README voor de mogelijke vormen)';
    }
    out.push({ file: loc.file, ...where(loc, issue.path), message: `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${message}` });
  }
  return out;
}

export interface LoadedScenario {
  readonly file: string;
  readonly content: ScenarioFile;
  /** The chain of files read, base first, with their raw bytes (for the manifest). */
  readonly files: readonly { readonly path: string; readonly bytes: Uint8Array }[];
  /** What this scenario changed against its base (dotted paths), empty without a base. */
  readonly wijzigingen: readonly { readonly pad: string; readonly waarde: string }[];
  readonly basisNaam?: string;
  /** Line and column of a key (or its value) in this file, for errors found later. */
  locate(path: readonly PropertyKey[], onKey?: boolean): { line?: number; column?: number };
}

function parseFile(path: string, shown: string): { data: Record<string, unknown>; loc: Located; bytes: Uint8Array } {
  if (!existsSync(path)) throw new UserError({ file: shown, message: 'scenariobestand bestaat niet' });
  if (!statSync(path).isFile()) throw new UserError({ file: shown, message: 'verwacht een scenariobestand (YAML), gevonden een map' });
  const bytes = readFileSync(path);
  const lines = new LineCounter();
  const doc = parseDocument(bytes.toString('utf8'), { lineCounter: lines, keepSourceTokens: true, uniqueKeys: true });
  const loc = { doc, lines, file: shown };
  if (doc.errors.length > 0) {
    throw new UserError(
      doc.errors.map((e) => ({
        file: shown,
        line: e.linePos?.[0].line,
        column: e.linePos?.[0].col,
        message: `YAML kan niet gelezen worden: ${translateYamlError(e.code, e.message)}`,
      })),
    );
  }
  const data = toData(doc.contents as YamlNode);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new UserError({ file: shown, line: 1, column: 1, message: 'verwacht een blok met sleutels (naam, periode, ontwikkelingen, ...)' });
  }
  return { data: data as Record<string, unknown>, loc, bytes };
}

function translateYamlError(code: string, message: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'een sleutel staat twee keer in hetzelfde blok';
    case 'BAD_INDENT':
      return message.includes('end with a ]') ? 'een lijst met [ wordt niet gesloten met ] of springt niet genoeg in' : 'inspringing klopt niet';
    case 'MISSING_CHAR':
      return 'een afsluitend teken ontbreekt (bijvoorbeeld ] of })';
    case 'MULTILINE_IMPLICIT_KEY':
      return 'een sleutel loopt over meer regels; ontbreekt er een dubbele punt of inspringing?';
    case 'TAB_AS_INDENT':
      return 'tabs als inspringing; gebruik spaties';
    default:
      return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  }
}

function merge(base: Record<string, unknown>, own: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(own)) {
    const b = out[k];
    out[k] = v && b && typeof v === 'object' && typeof b === 'object' && !Array.isArray(v) && !Array.isArray(b) ? merge(b as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out;
}

function changes(own: Record<string, unknown>, prefix = ''): { pad: string; waarde: string }[] {
  return Object.entries(own).flatMap(([k, v]) => {
    const pad = prefix ? `${prefix}.${k}` : k;
    if (k === 'basis' || k === 'naam' || k === 'beschrijving') return [];
    return v && typeof v === 'object' && !Array.isArray(v) ? changes(v as Record<string, unknown>, pad) : [{ pad, waarde: Array.isArray(v) ? v.join(', ') : String(v) }];
  });
}

/**
 * Reads and validates a scenario file (and the chain of bases it extends).
 *
 * @example
 *   const s = loadScenarioFile('scenarios/bouwsteen-natuur.yaml');
 */
export function loadScenarioFile(path: string, chain: readonly string[] = []): LoadedScenario {
  const full = resolve(path);
  const shown = relative(process.cwd(), full) || path;
  if (chain.includes(full)) {
    throw new UserError({ file: shown, message: `kringverwijzing via basis: ${[...chain, full].map((p) => relative(process.cwd(), p)).join(' → ')}` });
  }
  const { data, loc, bytes } = parseFile(full, shown);
  let merged = data;
  let files: { path: string; bytes: Uint8Array }[] = [];
  let basisNaam: string | undefined;
  if (typeof data.basis === 'string') {
    const basePath = resolve(dirname(full), data.basis);
    if (!existsSync(basePath)) {
      throw new UserError({ file: shown, ...where(loc, ['basis']), message: `basis '${data.basis}' bestaat niet (gezocht: ${relative(process.cwd(), basePath)})` });
    }
    if (basePath === full || chain.includes(basePath)) {
      throw new UserError({
        file: shown,
        ...where(loc, ['basis']),
        message: `kringverwijzing via basis: ${[...chain, full, basePath].map((p) => relative(process.cwd(), p)).join(' → ')}`,
      });
    }
    const base = loadScenarioFile(basePath, [...chain, full]);
    const { basis: _ignored, ...baseContent } = base.content as Record<string, unknown>;
    merged = merge(toPlain(baseContent), data);
    files = [...base.files];
    basisNaam = base.content.naam;
  }
  files.push({ path: shown, bytes });
  // Validate this file's own keys with positions; the merged result only supplies defaults.
  const own = scenarioSchema.safeParse(data, { reportInput: true });
  if (!own.success) throw new UserError(zodIssues(loc, own.error));
  const result = scenarioSchema.safeParse(merged, { reportInput: true });
  if (!result.success) throw new UserError(zodIssues(loc, result.error));
  const content = result.data;
  const issues = semanticIssues(content, loc);
  if (issues.length > 0) throw new UserError(issues);
  return {
    file: shown,
    content,
    files,
    wijzigingen: basisNaam ? changes(data) : [],
    ...(basisNaam ? { basisNaam } : {}),
    locate: (path, onKey = false) => where(loc, path, onKey),
  };
}

/** Back to source-text form so a merged base validates like a file. */
function toPlain(content: Record<string, unknown>): Record<string, unknown> {
  const isDated = (v: unknown): v is { vanaf: number; waarde: Decimal }[] =>
    Array.isArray(v) && v.length > 0 && v.every((x) => x && typeof x === 'object' && 'vanaf' in x && 'waarde' in x);
  return JSON.parse(
    JSON.stringify(content, (_k, v: unknown) => {
      if (isDated(v)) return Object.fromEntries(v.map((x) => [String(x.vanaf), x.waarde.toString()]));
      if (v instanceof Decimal) return v.toString();
      if (typeof v === 'boolean') return v ? 'aan' : 'uit';
      if (typeof v === 'number') return String(v);
      return v;
    }),
  ) as Record<string, unknown>;
}

function semanticIssues(s: ScenarioFile, loc: Located): Issue[] {
  const issues: Issue[] = [];
  const at = (path: PropertyKey[], message: string, onKey = false) => issues.push({ file: loc.file, ...where(loc, path, onKey), message });
  const van = s.periode?.van ?? HISTORY_FIRST_YEAR;
  const tot = s.periode?.tot ?? DEFAULT_LAST_YEAR;
  if (van > tot) at(['periode', 'van'], `periode.van (${van}) ligt na periode.tot (${tot})`);
  for (const name of Object.keys(s.ontwikkelingen ?? {})) {
    if (!DEVELOPMENT_NAMES.includes(name)) {
      const hint = suggest(name, DEVELOPMENT_NAMES);
      at(['ontwikkelingen', name], `onbekende ontwikkeling '${name}'` + (hint ? `; bedoelt u '${hint}'?` : `; bekend: ${DEVELOPMENT_NAMES.join(', ')}`), true);
      continue;
    }
  }
  const v = s.uitvoer?.venster;
  if (v && v.van > v.tot) at(['uitvoer', 'venster', 'van'], `uitvoer.venster.van (${v.van}) ligt na uitvoer.venster.tot (${v.tot})`);
  return issues;
}

/** Checks the names that only the data knows: assumptions, projection series, vintages, development parameters. */
export function checkAgainstData(loaded: LoadedScenario, data: Dataset): void {
  const issues: Issue[] = [];
  const s = loaded.content;
  const assumptionNames = data.aannames.map((a) => a.naam);
  for (const name of Object.keys(s.parameters ?? {})) {
    if (HISTORY_ASSUMPTIONS.includes(name)) {
      issues.push({
        file: loaded.file,
        ...loaded.locate(['parameters', name], true),
        message: `parameters: '${name}' bepaalt de geschatte terugblik, die een scenario niet verandert; pas de aanname aan in een eigen aannames.csv (--data)`,
      });
      continue;
    }
    if (!assumptionNames.includes(name)) {
      const hint = suggest(name, assumptionNames);
      issues.push({ file: loaded.file, ...loaded.locate(['parameters', name], true), message: `parameters: onbekende aanname '${name}'` + (hint ? `; bedoelt u '${hint}'?` : '; zie aannames.csv') });
    }
  }
  const series = [...new Set(data.macro.map((m) => m.reeks)), 'grondprijs'];
  for (const name of Object.keys(s.macro?.projectie ?? {})) {
    if (!series.includes(name)) {
      const hint = suggest(name, series);
      issues.push({ file: loaded.file, ...loaded.locate(['macro', 'projectie', name], true), message: `macro.projectie: onbekende reeks '${name}'` + (hint ? `; bedoelt u '${hint}'?` : '') });
    }
  }
  for (const [name, setting] of Object.entries(s.ontwikkelingen ?? {})) {
    const def = DEVELOPMENTS.find((d) => d.naam === name);
    if (!def || !('parameters' in setting)) continue;
    const known = Object.keys(def.parameters(data));
    for (const p of Object.keys(setting.parameters ?? {})) {
      if (!known.includes(p)) {
        const hint = suggest(p, known);
        issues.push({ file: loaded.file, ...loaded.locate(['ontwikkelingen', name, 'parameters', p], true), message: `ontwikkelingen.${name}.parameters: onbekende parameter '${p}'` + (hint ? `; bedoelt u '${hint}'?` : `; bekend: ${known.join(', ') || 'geen'}`) });
      }
    }
  }
  if (issues.length > 0) throw new UserError(issues);
}

/** The dataset with the scenario's assumption overrides (each now marked as coming from the scenario). */
export function applyParameters(loaded: LoadedScenario, data: Dataset): Dataset {
  const overrides = loaded.content.parameters ?? {};
  if (Object.keys(overrides).length === 0) return data;
  return {
    ...data,
    aannames: data.aannames.map((a) => {
      const v = overrides[a.naam];
      if (v === undefined) return a;
      // A value in % in the file is a fraction here; amounts in mln are euros: the unit is in the text.
      return { ...a, waarde: v, methode: `opgegeven in scenario ${loaded.file}`, herkomst: { file: loaded.file, line: 0, laag: 'eigen' as const } };
    }),
  };
}

/** The model scenario a validated file describes. */
export function toModelScenario(loaded: LoadedScenario): ModelScenario {
  const s = loaded.content;
  return {
    naam: s.naam,
    tot: s.periode?.tot ?? DEFAULT_LAST_YEAR,
    ...(s.nnn_pad ? { nnnPad: s.nnn_pad } : {}),
    ...(s.macro?.startjaar_bbp ? { startBbp: s.macro.startjaar_bbp } : {}),
    macro: {
      ...(s.macro?.vintage ? { vintage: s.macro.vintage } : {}),
      ...(s.macro?.gemiddelde ? { gemiddelde: s.macro.gemiddelde } : {}),
      ...(s.macro?.combinatie ? { combinatie: s.macro.combinatie } : {}),
      ...(s.macro?.projectie ? { projectie: s.macro.projectie } : {}),
    },
    ontwikkelingen: Object.fromEntries(
      Object.entries(s.ontwikkelingen ?? {}).map(([k, v]) => [k, { aan: v.aan ?? true, ...('startjaar' in v && v.startjaar ? { startjaar: v.startjaar } : {}), ...('parameters' in v && v.parameters ? { parameters: v.parameters } : {}) }]),
    ),
  };
}
