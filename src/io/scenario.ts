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
import { Decimal, ONE, sum } from '../core/decimal.js';
import { UserError, type Issue } from '../core/errors.js';
import { cannotVary, DEVELOPMENTS, DEVELOPMENT_NAMES } from '../core/model/developments.js';
import { DEFAULT_LAST_YEAR, MAX_LAST_YEAR, type ModelScenario } from '../core/model/plan.js';
import { HISTORY_ASSUMPTIONS, HISTORY_FIRST_YEAR, HISTORY_LAST_YEAR } from '../core/estimate.js';
import { suggest } from '../core/suggest.js';
import { PROVINCE_CODES, PROVINCES, REGION_CODES, type ProvinceCode } from '../core/provinces.js';
import { assumptionAt, dimensionsOf, isDated, isPerProvince, type ParameterInput, type PerProvince, type TimedValue } from '../core/parameter.js';
import { assumptionCannotVary, assumptionDimensions } from '../core/assumption-dimensions.js';
import { parseNumber } from './number.js';
import { DECLARED_KINDS, UNCERTAINTY_RULES } from '../core/uncertainty/declaration.js';

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

/**
 * A parameter value: one amount; dated amounts `{2026: 200 mln, 2028: 300 mln}` (years after the
 * look back); or per province `{PV26: 30%, PV27: {2026: 10%}, overig: 20%}`. Which of these a
 * parameter allows is checked against the model later (`checkAgainstData`).
 */
const OTHER_PROVINCES = 'overig';
const PROVINCE_KEYS: readonly string[] = [...PROVINCE_CODES, OTHER_PROVINCES];
const isYearKey = (k: string) => /^\d{4}$/.test(k);
type Ctx = z.core.$RefinementCtx<unknown>;

/**
 * A key that reads as an amount and has no value: in a `{...}` block a comma separates entries, so
 * `{2026: 2,5%}` is read as `2026: 2` and a key `5%`.
 */
function strayKey(key: string, value: unknown): string | undefined {
  if (value !== undefined || !parseAmount(key).ok) return undefined;
  return `'${key}' lijkt een los stuk van een bedrag: tussen { } scheidt een komma de waarden; schrijf een decimale komma tussen aanhalingstekens ('2,5%') of gebruik een punt (2.5%)`;
}

/** One amount, or dated amounts `{2026: 2.5%, 2028: 2%}` from `firstYear` on (each applies until the next). */
function timedValue(value: unknown, path: PropertyKey[], ctx: Ctx, firstYear = HISTORY_LAST_YEAR + 1, provincesAllowed = false): TimedValue | undefined {
  let ok = true;
  const fail = (message: string, at: PropertyKey[] = path) => {
    ctx.issues.push({ code: 'custom', message, input: value, path: at, ...(at.length > path.length ? { params: { sleutel: true } } : {}) });
    ok = false;
    return undefined;
  };
  if (typeof value === 'string') {
    const r = parseAmount(value);
    return r.ok ? r.value : fail(r.message);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(`verwacht een waarde of jaartallen met waarden ({2026: ..., 2028: ...}), gevonden ${Array.isArray(value) ? 'een lijst' : 'niets'}`);
  }
  const out: { vanaf: number; waarde: Decimal }[] = [];
  for (const [key, v] of Object.entries(value)) {
    const at = [...path, key];
    const y = Number(key);
    if (!isYearKey(key)) fail(strayKey(key, v) ?? (provincesAllowed ? unknownProvinceKey(key) : `verwacht een jaartal als sleutel, gevonden '${key}'`), at);
    else if (y < firstYear || y > MAX_LAST_YEAR) {
      const why = firstYear > HISTORY_LAST_YEAR ? `valt buiten de vooruitblik (${firstYear}-${MAX_LAST_YEAR}); een scenario verandert de terugblik niet` : `valt buiten ${firstYear}-${MAX_LAST_YEAR}`;
      fail(`jaartal ${key} ${why}`, at);
    } else if (typeof v !== 'string') fail(`verwacht een waarde voor ${key}, gevonden ${v === undefined ? 'niets' : 'een blok'}`, at);
    else {
      const r = parseAmount(v);
      if (r.ok) out.push({ vanaf: y, waarde: r.value });
      else fail(r.message, at);
    }
  }
  if (!ok) return undefined;
  if (out.length === 0) return fail('verwacht ten minste één jaartal met een waarde');
  return out.sort((a, b) => a.vanaf - b.vanaf);
}

/** A key that is neither a year nor a province code; a province's name suggests its code. */
function unknownProvinceKey(key: string): string {
  const byName = PROVINCES.find((p) => p.naam.toLowerCase() === key.toLowerCase());
  const hint = byName ? byName.code : suggest(key, PROVINCE_KEYS);
  return `verwacht een jaartal, een provinciecode (PV20-PV31) of ${OTHER_PROVINCES} als sleutel, gevonden '${key}'` + (hint ? `; bedoelt u '${hint}'?` : '');
}

const parameterValue = z.unknown().transform((value, ctx): ParameterInput => {
  const isBlock = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isBlock) return timedValue(value, [], ctx, HISTORY_LAST_YEAR + 1, true) ?? z.NEVER;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const years = keys.filter(isYearKey);
  const provinces = keys.filter((k) => PROVINCE_KEYS.includes(k));
  if (provinces.length === 0) return timedValue(value, [], ctx, HISTORY_LAST_YEAR + 1, true) ?? z.NEVER;
  // Per province: every key a province code (or `overig`), none a year.
  const perProvincie: Partial<Record<ProvinceCode, TimedValue>> = {};
  let overig: TimedValue | undefined;
  let ok = true;
  for (const key of keys) {
    if (!PROVINCE_KEYS.includes(key)) {
      const message = isYearKey(key)
        ? `jaartallen en provincies staan door elkaar; zet de jaartallen onder een provincie (of onder ${OTHER_PROVINCES})`
        : (strayKey(key, record[key]) ?? unknownProvinceKey(key));
      // One message for mixed years and provinces, at the first year.
      if (!isYearKey(key) || key === years[0]) ctx.issues.push({ code: 'custom', message, input: key, path: [key], params: { sleutel: true } });
      ok = false;
      continue;
    }
    const v = timedValue(record[key], [key], ctx);
    if (v === undefined) ok = false;
    else if (key === OTHER_PROVINCES) overig = v;
    else perProvincie[key as ProvinceCode] = v;
  }
  return ok ? { perProvincie, ...(overig !== undefined ? { overig } : {}) } : z.NEVER;
});

const developmentBlock = z.strictObject({
  aan: flag.optional(),
  startjaar: year(HISTORY_LAST_YEAR + 1, MAX_LAST_YEAR).optional(),
  parameters: z.record(z.string(), parameterValue).optional(),
});
/** `naam: aan` or a block; the block's own errors are reported (not a vague union error). */
const development = z.unknown().transform((value, ctx): { aan?: boolean; startjaar?: number; parameters?: Record<string, ParameterInput> } => {
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

// --- onzekerheid (issue 15): distributions a scenario gives its own inputs; read by src/io/uncertainty-scenario.ts ---
const uncertaintyEntry = z.union([
  z.literal('vast'),
  z.strictObject({
    verdeling: oneOf(DECLARED_KINDS, 'verdeling'),
    regel: oneOf(UNCERTAINTY_RULES, 'regel').optional(),
    spreiding: amount.optional(),
    laag: amount.optional(),
    hoog: amount.optional(),
    tegenpost: text.optional(),
    toelichting: text.optional(),
  }),
]);
export const uncertaintyBlockSchema = z
  .object({ correlaties: z.array(z.strictObject({ tussen: z.tuple([text, text]), waarde: amount })).optional() })
  .catchall(uncertaintyEntry);
export type UncertaintyBlock = z.output<typeof uncertaintyBlockSchema>;
// --- end onzekerheid ---

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
      projectie: z.record(z.string(), z.unknown().transform((v, ctx) => timedValue(v, [], ctx, HISTORY_FIRST_YEAR) ?? z.NEVER)).optional(),
    })
    .optional(),
  parameters: z.record(z.string(), parameterValue).optional(),
  nnn_pad: oneOf(['tempo', 'doel'] as const, 'NNN-pad').optional(),
  ontwikkelingen: z.record(z.string(), development).optional(),
  constructies: z.union([z.literal('alle'), z.array(z.union([text, customConstructionSchema]))]).optional(),
  onzekerheid: uncertaintyBlockSchema.optional(),
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

/** A custom issue about a key (not its value) points at the key. */
const onKey = (issue: z.core.$ZodIssue) => issue.code === 'custom' && (issue as { params?: { sleutel?: boolean } }).params?.sleutel === true;

/** Issues in the order of the file. */
const byPosition = (issues: Issue[]) => [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));

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
    out.push({ file: loc.file, ...where(loc, issue.path, onKey(issue)), message: `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${message}` });
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

/** A parameter's value (and an uncertainty entry) is replaced whole, never merged with the base's. */
const isParameterValue = (path: readonly string[]) =>
  (path.length === 2 && (path[0] === 'parameters' || path[0] === 'onzekerheid')) || (path.length === 4 && path[0] === 'ontwikkelingen' && path[2] === 'parameters');

function merge(base: Record<string, unknown>, own: Record<string, unknown>, path: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(own)) {
    const b = out[k];
    const at = [...path, k];
    const both = v && b && typeof v === 'object' && typeof b === 'object' && !Array.isArray(v) && !Array.isArray(b);
    out[k] = both && !isParameterValue(at) ? merge(b as Record<string, unknown>, v as Record<string, unknown>, at) : v;
  }
  return out;
}

function changes(own: Record<string, unknown>, path: readonly string[] = []): { pad: string; waarde: string }[] {
  return Object.entries(own).flatMap(([k, v]) => {
    const at = [...path, k];
    if (k === 'basis' || k === 'naam' || k === 'beschrijving') return [];
    if (v && typeof v === 'object' && !Array.isArray(v) && !isParameterValue(at)) return changes(v as Record<string, unknown>, at);
    return [{ pad: at.join('.'), waarde: sourceText(v) }];
  });
}

/** A value as the file wrote it, on one line: `2026: 3%; 2028: 2%`, `PV26: 30%; overig: 20%`. */
function sourceText(v: unknown): string {
  if (Array.isArray(v)) return v.map(sourceText).join(', ');
  if (v && typeof v === 'object') return Object.entries(v).map(([k, x]) => `${k}: ${x && typeof x === 'object' && !Array.isArray(x) ? `{${sourceText(x)}}` : sourceText(x)}`).join('; ');
  return String(v);
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
  if (!own.success) throw new UserError(byPosition(zodIssues(loc, own.error)));
  const result = scenarioSchema.safeParse(merged, { reportInput: true });
  if (!result.success) throw new UserError(byPosition(zodIssues(loc, result.error)));
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
  const isDatedList = (v: unknown): v is { vanaf: number; waarde: Decimal }[] =>
    Array.isArray(v) && v.length > 0 && v.every((x) => x && typeof x === 'object' && 'vanaf' in x && 'waarde' in x);
  const isProvinceBlock = (v: unknown): v is PerProvince => typeof v === 'object' && v !== null && !Array.isArray(v) && 'perProvincie' in v;
  return JSON.parse(
    JSON.stringify(content, (_k, v: unknown) => {
      if (isDatedList(v)) return Object.fromEntries(v.map((x) => [String(x.vanaf), x.waarde.toString()]));
      if (isProvinceBlock(v)) return { ...v.perProvincie, ...(v.overig !== undefined ? { overig: v.overig } : {}) };
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
  const at = (path: PropertyKey[], message: string) => issues.push({ file: loaded.file, ...loaded.locate(path, true), message });
  const assumptionNames = data.aannames.map((a) => a.naam);
  for (const [name, input] of Object.entries(s.parameters ?? {})) {
    if (HISTORY_ASSUMPTIONS.includes(name)) {
      at(['parameters', name], `parameters: '${name}' bepaalt de geschatte terugblik, die een scenario niet verandert; pas de aanname aan in een eigen aannames.csv (--data)`);
      continue;
    }
    if (!assumptionNames.includes(name)) {
      const hint = suggest(name, assumptionNames);
      at(['parameters', name], `parameters: onbekende aanname '${name}'` + (hint ? `; bedoelt u '${hint}'?` : '; zie aannames.csv'));
      continue;
    }
    const refused = dimensionsOf(input).find((d) => !assumptionDimensions(name).includes(d));
    if (refused) at(['parameters', name], `parameters: '${name}' ${assumptionCannotVary(name, refused)}`);
    else if (name.startsWith('projectie.') && s.macro?.projectie?.[name.slice('projectie.'.length)] !== undefined) {
      at(['parameters', name], `parameters: '${name}' staat ook onder macro.projectie; geef de projectie op één plaats op`);
    }
  }
  if (issues.length === 0) issues.push(...weightIssues(loaded, applyParameters(loaded, data)));
  const series = [...new Set(data.macro.map((m) => m.reeks)), 'grondprijs'];
  for (const name of Object.keys(s.macro?.projectie ?? {})) {
    if (!series.includes(name)) {
      const hint = suggest(name, series);
      at(['macro', 'projectie', name], `macro.projectie: onbekende reeks '${name}'` + (hint ? `; bedoelt u '${hint}'?` : ''));
    }
  }
  for (const [name, setting] of Object.entries(s.ontwikkelingen ?? {})) {
    const def = DEVELOPMENTS.find((d) => d.naam === name);
    if (!def || !('parameters' in setting)) continue;
    const defaults = def.parameters(data);
    const known = Object.keys(defaults);
    for (const [p, input] of Object.entries(setting.parameters ?? {})) {
      const path = ['ontwikkelingen', name, 'parameters', p];
      const param = defaults[p];
      if (!param) {
        const hint = suggest(p, known);
        at(path, `ontwikkelingen.${name}.parameters: onbekende parameter '${p}'` + (hint ? `; bedoelt u '${hint}'?` : `; bekend: ${known.join(', ') || 'geen'}`));
        continue;
      }
      const refused = dimensionsOf(input).find((d) => !param.varieert.includes(d));
      if (refused) at(path, `ontwikkelingen.${name}.parameters: '${p}' ${cannotVary(param, refused)}`);
    }
  }
  if (issues.length > 0) throw new UserError(issues);
}

/**
 * The component weights of lpo and kostenindex must sum to 1 in every year a scenario changes one
 * of them; the error points at the first weight of the rule the scenario gave.
 */
function weightIssues(loaded: LoadedScenario, data: Dataset): Issue[] {
  const issues: Issue[] = [];
  const given = Object.keys(loaded.content.parameters ?? {});
  for (const rule of ['lpo', 'kostenindex']) {
    const rows = data.aannames.filter((a) => a.naam.startsWith(`${rule}.gewicht_`));
    const own = given.filter((n) => n.startsWith(`${rule}.gewicht_`));
    if (own.length === 0) continue;
    const years = [...new Set([HISTORY_LAST_YEAR + 1, ...rows.flatMap((r) => (r.verloop ?? []).map((v) => v.vanaf))])].sort((a, b) => a - b);
    for (const y of years) {
      const parts = rows.map((r) => ({ naam: r.naam, waarde: assumptionAt(r, y).waarde }));
      const total = sum(parts.map((x) => x.waarde));
      if (!total.equals(ONE)) {
        issues.push({
          file: loaded.file,
          ...loaded.locate(['parameters', own[0]!], true),
          message: `parameters: de gewichten van ${rule} tellen in ${y} op tot ${total.toString()}, verwacht 1 (${parts.map((x) => `${x.naam} ${x.waarde.toString()}`).join(', ')}); geef de gewichten samen op`,
        });
        break;
      }
    }
  }
  return issues;
}

/**
 * The dataset with the scenario's assumption overrides, each now marked as coming from the scenario.
 * One value replaces the assumption; dated values are kept beside it (`verloop`), the assumption's
 * own value still applying before the first of them.
 */
export function applyParameters(loaded: LoadedScenario, data: Dataset): Dataset {
  const overrides = loaded.content.parameters ?? {};
  if (Object.keys(overrides).length === 0) return data;
  return {
    ...data,
    aannames: data.aannames.map((a) => {
      const v = overrides[a.naam];
      if (v === undefined) return a;
      const herkomst = { file: loaded.file, line: loaded.locate(['parameters', a.naam], true).line ?? 0, laag: 'eigen' as const };
      if (isPerProvince(v)) throw new UserError({ file: loaded.file, ...loaded.locate(['parameters', a.naam], true), message: `parameters: '${a.naam}' ${assumptionCannotVary(a.naam, 'provincie')}` });
      if (isDated(v)) {
        const list = v.map((d) => `${d.vanaf}: ${d.waarde.toString()}`).join('; ');
        return { ...a, verloop: v, methode: `${a.methode} Scenario ${loaded.file} geeft waarden per jaar (${list}); daarvoor geldt ${a.waarde.toString()}.`, herkomst };
      }
      // A value in % in the file is a fraction here; amounts in mln are euros: the unit is in the text.
      return { ...a, waarde: v, methode: `opgegeven in scenario ${loaded.file}`, herkomst };
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
