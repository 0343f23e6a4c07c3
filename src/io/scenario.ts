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
import { existsSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import type { Dataset } from '../core/dataset.js';
import { Decimal, ONE, sum } from '../core/decimal.js';
import { UserError, type Issue } from '../core/errors.js';
import { cannotVary, DEVELOPMENTS, DEVELOPMENT_NAMES, RETIRED_DEVELOPMENTS } from '../core/model/developments.js';
import { DEFAULT_LAST_YEAR, MAX_LAST_YEAR, type ModelScenario } from '../core/model/plan.js';
import { HISTORY_ASSUMPTIONS, HISTORY_FIRST_YEAR, HISTORY_LAST_YEAR } from '../core/estimate.js';
import { suggest } from '../core/suggest.js';
import { PROVINCE_CODES, PROVINCES, REGION_CODES, type ProvinceCode } from '../core/provinces.js';
import { assumptionAt, dimensionsOf, isDated, isPerProvince, type ParameterInput, type PerProvince, type TimedValue } from '../core/parameter.js';
import { assumptionBounds, assumptionCannotVary, assumptionDimensions } from '../core/assumption-dimensions.js';
import { checkBounds, unitBounds, type BoundUnit, type Bounds } from '../core/bounds.js';
import { CONSTRUCTION_BOUNDS } from '../core/constructions/bounds.js';
import { parseNumber } from './number.js';
import { checkPath, folderNameProblem, isInside, pathProblem, printable, readUserFile } from './paths.js';

export { folderNameProblem, MAX_NAME_LENGTH, printable } from './paths.js';

// Messages zod makes itself (for shapes our own transforms do not cover) in Dutch.
z.config(z.locales.nl());

/** A scenario file is a few kilobytes; anything larger is not one. */
export const MAX_SCENARIO_BYTES = 1_000_000;
import { DECLARED_KINDS, UNCERTAINTY_RULES } from '../core/uncertainty/declaration.js';

/** A number as written in the file: its source text, parsed exactly. */
const UNIT_FACTORS: Record<string, Decimal> = { '': new Decimal(1), mln: new Decimal(1e6), mld: new Decimal(1e9), '%': new Decimal('0.01') };

export function parseAmount(text: string): { ok: true; value: Decimal } | { ok: false; message: string } {
  const q = parseQuantity(text);
  return q.ok ? { ok: true, value: q.value } : q;
}

/** The unit a number was written with: none, millions or billions of euros, or percent. */
export type WrittenUnit = '' | 'mln' | 'mld' | '%';

/** As {@link parseAmount}, also returning the unit as written (to check it against the parameter's). */
export function parseQuantity(text: string): { ok: true; value: Decimal; unit: WrittenUnit; digits: string } | { ok: false; message: string } {
  const m = /^\s*(.*?)\s*(mln|mld|%)?\s*$/.exec(text);
  const digits = m?.[1] ?? '';
  const unit = (m?.[2] ?? '') as WrittenUnit;
  // Notation from the text itself: a comma without a dot is Dutch, else English.
  const locale = digits.includes(',') && !digits.includes('.') ? 'nl' : digits.includes('.') && !digits.includes(',') ? 'en' : undefined;
  const n = parseNumber(digits, locale);
  if (!n.ok) return { ok: false, message: n.message.replace('verwacht een getal', 'verwacht een getal (eventueel met mln, mld of %)') };
  return { ok: true, value: n.value.times(UNIT_FACTORS[unit]!), unit, digits };
}

/**
 * Reads one written value for a parameter with the given bounds: the unit it was written in must fit
 * the parameter's (a fraction as a percentage, or as a bare fraction for weights; an amount in mln
 * or mld; a year as a whole number), else an error that suggests the right notation. Zero needs no
 * unit.
 */
export function readParameterValue(b: Bounds, text: string): { ok: true; value: Decimal } | { ok: false; message: string } {
  const q = parseQuantity(text);
  if (!q.ok) return q;
  const shown = printable(text.trim());
  if (q.value.isZero() && q.unit === '') return { ok: true, value: q.value };
  switch (b.eenheid) {
    case 'fractie':
      if (q.unit === '%') return { ok: true, value: q.value };
      if (q.unit !== '') return { ok: false, message: `verwacht een percentage, gevonden een bedrag ('${shown}')` };
      if (!b.kaal) {
        // A bare value below 1 may be a fraction (0,9 for 90%) or a percentage without its sign.
        const asFraction = q.value.abs().lessThan(1) ? `'${q.value.times(100).toString().replace('.', q.digits.includes(',') ? ',' : '.')}%' (als fractie bedoeld) of ` : '';
        return { ok: false, message: `verwacht een percentage, gevonden '${shown}' zonder %; bedoelt u ${asFraction}'${q.digits}%'?` };
      }
      if (q.value.abs().greaterThan(1)) return { ok: false, message: `verwacht een gewicht als fractie (0,6) of als percentage (60%), gevonden '${shown}'; bedoelt u '${q.digits}%'?` };
      return { ok: true, value: q.value };
    case 'EUR':
      if (q.unit === 'mln' || q.unit === 'mld') return { ok: true, value: q.value };
      if (q.unit === '%') return { ok: false, message: `verwacht een bedrag (mln of mld), gevonden een percentage ('${shown}')` };
      return { ok: false, message: `verwacht een bedrag met eenheid (mln of mld), gevonden '${shown}'; bedoelt u '${q.digits} mln'?` };
    case 'jaar':
      if (q.unit === '' && q.value.isInteger()) return { ok: true, value: q.value };
      return { ok: false, message: `verwacht een jaartal, gevonden '${shown}'` };
    default:
      if (q.unit === '') return { ok: true, value: q.value };
      return { ok: false, message: `verwacht een getal in ${b.eenheid}, gevonden '${shown}'` };
  }
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

const folderName = z.string({ error: 'verwacht tekst' }).transform((s, ctx) => {
  const problem = folderNameProblem(s);
  if (!problem) return s;
  ctx.issues.push({ code: 'custom', message: problem, input: s });
  return z.NEVER;
});

export const scenarioSchema = z.strictObject({
  naam: folderName,
  beschrijving: text.optional(),
  basis: text.optional(),
  periode: z.strictObject({ van: year(HISTORY_FIRST_YEAR, MAX_LAST_YEAR).optional(), tot: year(HISTORY_LAST_YEAR + 1, MAX_LAST_YEAR).optional() }).optional(),
  macro: z
    .strictObject({
      vintage: text.optional(),
      startjaar_bbp: year(2024, MAX_LAST_YEAR).optional(),
      gemiddelde: oneOf(['rekenkundig', 'meetkundig'] as const, 'gemiddelde').optional(),
      combinatie: oneOf(['vermenigvuldigen', 'optellen'] as const, 'combinatie').optional(),
      vaststelling: oneOf(['cep-jaar-t', 'laatste'] as const, 'vaststelling').optional(),
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

/**
 * Keys that would reach an object's prototype (`__proto__`) or shadow what every object has
 * (`constructor`, `toString`, ...): refused wherever a scenario names keys, so that no key is
 * silently dropped and no required key is satisfied through the prototype.
 */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'prototype', ...Object.getOwnPropertyNames(Object.prototype)]);

/**
 * The YAML document as plain data, every scalar as its source text (so numbers stay exact). Objects
 * have no prototype. Keys that are not plain names are collected as issues.
 */
function toData(node: YamlNode | null | undefined, loc: Located, issues: Issue[]): unknown {
  if (!node) return undefined;
  if (isMap(node)) {
    const out = Object.create(null) as Record<string, unknown>;
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      const at = keyNode && (keyNode as { range?: [number, number, number] }).range ? loc.lines.linePos((keyNode as { range: [number, number, number] }).range[0]) : undefined;
      const position = at ? { line: at.line, column: at.col } : {};
      if (!isScalar(keyNode) || (keyNode.value !== null && typeof keyNode.value === 'object')) {
        issues.push({ file: loc.file, ...position, message: 'een sleutel moet een naam zijn, geen lijst of blok' });
        continue;
      }
      const k = String(keyNode.value);
      if (FORBIDDEN_KEYS.has(k)) {
        issues.push({ file: loc.file, ...position, message: `sleutel '${printable(k)}' is niet toegestaan` });
        continue;
      }
      if (k in out) {
        issues.push({ file: loc.file, ...position, message: `YAML kan niet gelezen worden: ${translateYamlError('DUPLICATE_KEY', '')} ('${printable(k)}')` });
        continue;
      }
      out[k] = toData(pair.value as YamlNode, loc, issues);
    }
    return out;
  }
  if (isSeq(node)) return node.items.map((i) => toData(i as YamlNode, loc, issues));
  if (isAlias(node)) {
    const at = node.range ? loc.lines.linePos(node.range[0]) : undefined;
    issues.push({ file: loc.file, ...(at ? { line: at.line, column: at.col } : {}), message: `een verwijzing (*${printable(node.source)}) wordt in een scenario niet gebruikt; schrijf de waarde zelf uit` });
    return undefined;
  }
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
  /** Where a key sits in each map, so that finding a path costs one lookup per step. */
  readonly index: WeakMap<object, Map<string, { key: unknown; value: unknown }>>;
}

function pairsOf(loc: Located, map: object): Map<string, { key: unknown; value: unknown }> {
  let pairs = loc.index.get(map);
  if (!pairs) {
    pairs = new Map();
    for (const p of (map as { items: { key: unknown; value: unknown }[] }).items) {
      const k = isScalar(p.key) ? String(p.key.value) : String(p.key);
      if (!pairs.has(k)) pairs.set(k, p);
    }
    loc.index.set(map, pairs);
  }
  return pairs;
}

/** The node at a path and the key node that names it; `found` is false where the path stops early. */
function nodeAt(loc: Located, path: readonly PropertyKey[]): { node: unknown; keyNode: unknown; found: boolean } {
  let node: unknown = loc.doc.contents;
  let keyNode: unknown;
  for (const key of path) {
    if (isMap(node)) {
      const pair = pairsOf(loc, node).get(String(key));
      if (!pair) return { node, keyNode, found: false };
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      keyNode = undefined;
      node = node.items[key];
    } else return { node, keyNode, found: false };
  }
  return { node, keyNode, found: true };
}

function where(loc: Located, path: readonly PropertyKey[], onKey = false): { line?: number; column?: number } {
  const { node, keyNode } = nodeAt(loc, path);
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

/** Issues past this many are counted, not located or spelled out (a file of 20,000 bad keys stays fast). */
const MAX_LOCATED = 200;

function zodIssues(loc: Located, error: z.ZodError, out: Issue[] = []): Issue[] {
  const where_ = (path: readonly PropertyKey[], onKey = false) => (out.length < MAX_LOCATED ? where(loc, path, onKey) : {});
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        if (out.length >= MAX_LOCATED) {
          out.push({ file: loc.file, message: `onbekende sleutel '${printable([...issue.path, key].join('.'))}'` });
          continue;
        }
        const known = knownKeys(issue.path);
        const hint = suggest(key, known);
        out.push({
          file: loc.file,
          ...where_([...issue.path, key], true),
          message: `onbekende sleutel '${printable([...issue.path, key].join('.'))}'` + (hint ? `; bedoelt u '${hint}'?` : `; toegestaan: ${known.join(', ')}`),
        });
      }
      continue;
    }
    let message = issue.message;
    if (issue.code === 'invalid_type') {
      const found = issue.input === undefined ? 'niets' : Array.isArray(issue.input) ? 'een lijst' : typeof issue.input === 'object' ? 'een blok' : `'${printable(String(issue.input))}'`;
      const expected = issue.expected === 'object' ? 'een blok met sleutels' : issue.expected === 'array' ? 'een lijst' : issue.expected === 'string' ? 'een waarde' : issue.expected;
      message = `verwacht ${expected}, gevonden ${found}`;
    } else if (issue.code === 'invalid_union') {
      // Report the branch that came closest: the one that failed deepest in the value, not on its type.
      const branches = ((issue as unknown as { errors?: z.core.$ZodIssue[][] }).errors ?? []).filter((b) => b.length > 0);
      const score = (b: z.core.$ZodIssue[]) => (b.every((i) => i.code === 'invalid_type' && i.path.length === 0) ? 1000 : 0) + b.length - Math.max(...b.map((i) => i.path.length)) * 10;
      const best = [...branches].sort((a, b) => score(a) - score(b))[0];
      if (best && score(best) < 1000) {
        zodIssues(loc, { issues: best.map((i) => ({ ...i, path: [...issue.path, ...i.path] })) } as unknown as z.ZodError, out);
        continue;
      }
      message = 'waarde heeft niet de verwachte vorm (zie de README voor de mogelijke vormen)';
    }
    out.push({ file: loc.file, ...where_(issue.path, onKey(issue)), message: `${issue.path.length > 0 ? `${printable(issue.path.join('.'))}: ` : ''}${message}` });
  }
  return out;
}

export interface LoadedScenario {
  /** The scenario file as the user named it (for messages). */
  readonly file: string;
  /**
   * The scenario file relative to its own folder, the declared root of a run's paths (for outputs
   * and the manifest: the same from any working directory).
   */
  readonly pad: string;
  readonly content: ScenarioFile;
  /**
   * The chain of files read, base first, with their raw bytes (for the manifest): `path` relative to
   * the root (for outputs), `file` as messages name it.
   */
  readonly files: readonly { readonly path: string; readonly file: string; readonly bytes: Uint8Array }[];
  /** What this scenario changed against its base (dotted paths), empty without a base. */
  readonly wijzigingen: readonly { readonly pad: string; readonly waarde: string }[];
  readonly basisNaam?: string;
  /** The base scenario as loaded (`basis:`), so that a report can set the variant beside it. */
  readonly basisScenario?: LoadedScenario;
  /** Line and column of a key (or its value) in this file, for errors found later. */
  locate(path: readonly PropertyKey[], onKey?: boolean): { line?: number; column?: number };
  /**
   * The file of the chain that sets a path (this file, else the base it came from), with the line and
   * column there; `pad` is that file relative to the root, `bron` its source text when it is a value.
   */
  where(path: readonly PropertyKey[], onKey?: boolean): { file: string; pad: string; line?: number; column?: number; bron?: string };
  /** Every value written below a path (in the file of the chain that sets it), with its place. */
  scalars(path: readonly PropertyKey[]): readonly WrittenValue[];
}

/** One value as written in a scenario file. */
export interface WrittenValue {
  /** Keys below the path it was asked for: `[]` for the value itself, `['2026']` for a dated value. */
  readonly sub: readonly (string | number)[];
  readonly text: string;
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

export interface ScenarioOptions {
  /**
   * The folder below which `basis:` files may lie; by default the folder of the scenario file itself.
   * A base outside it is refused, so that a shared scenario cannot make the program read any file.
   */
  readonly basisMap?: string;
}

/** Decodes a scenario file: UTF-8 without NUL bytes, one YAML document, plain keys. */
function parseScenario(bytes: Uint8Array, shown: string): { data: unknown; loc: Located } {
  if (bytes.includes(0)) throw new UserError({ file: shown, line: 1, message: 'verwacht een scenariobestand (YAML-tekst), gevonden binaire inhoud (NUL-bytes)' });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const loose = new TextDecoder('utf-8').decode(bytes);
    const at = loose.indexOf('\ufffd');
    const before = loose.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    throw new UserError({ file: shown, line, column, message: 'verwacht UTF-8-tekst, gevonden bytes in een andere codering (bijvoorbeeld Latin-1 of Windows-1252); sla het bestand op als UTF-8' });
  }
  const lines = new LineCounter();
  // Duplicate keys are found in toData: the YAML library's own check is quadratic in the number of keys.
  const doc = parseDocument(text, { lineCounter: lines, keepSourceTokens: true, uniqueKeys: false });
  const loc: Located = { doc, lines, file: shown, index: new WeakMap() };
  if (doc.errors.length > 0) {
    throw new UserError(
      doc.errors.map((e) => ({
        file: shown,
        ...(e.linePos ? { line: e.linePos[0].line, column: e.linePos[0].col } : {}),
        message: `YAML kan niet gelezen worden: ${translateYamlError(e.code, e.message)}`,
      })),
    );
  }
  const issues: Issue[] = [];
  const data = toData(doc.contents as YamlNode, loc, issues);
  if (issues.length > 0) throw new UserError(issues);
  return { data, loc };
}

/** Dutch for every error the YAML reader can give (its own messages are English and may quote the file). */
function translateYamlError(code: string, message: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'een sleutel staat twee keer in hetzelfde blok';
    case 'BAD_INDENT':
      return message.includes('end with a ]') ? 'een lijst met [ wordt niet gesloten met ] of springt niet genoeg in' : 'inspringing klopt niet';
    case 'MISSING_CHAR':
      return 'een afsluitend teken ontbreekt (bijvoorbeeld ], } of een aanhalingsteken)';
    case 'MULTILINE_IMPLICIT_KEY':
      return 'een sleutel loopt over meer regels; ontbreekt er een dubbele punt of inspringing?';
    case 'TAB_AS_INDENT':
      return 'tabs als inspringing; gebruik spaties';
    case 'MULTIPLE_DOCS':
      return 'meer dan één document (---) in het bestand; een scenario is één document';
    case 'BAD_DQ_ESCAPE':
      return "ongeldige escape (\\) tussen dubbele aanhalingstekens; gebruik enkele aanhalingstekens (')";
    case 'BAD_SCALAR_START':
      return 'een waarde begint met een teken dat in YAML iets anders betekent (zoals @, `, % of |); zet haar tussen aanhalingstekens';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'BLOCK_IN_FLOW':
      return 'een blok of lijst staat op een plaats waar een sleutel of enkele waarde hoort';
    case 'KEY_OVER_1024_CHARS':
      return 'een sleutel is langer dan 1024 tekens';
    case 'NON_STRING_KEY':
      return 'een sleutel moet een naam zijn';
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS':
    case 'MULTIPLE_ANCHORS':
      return 'ongeldig anker of alias (& of *)';
    case 'RESOURCE_EXHAUSTION':
      return 'aliassen (*) leveren te veel waarden op';
    case 'BAD_DIRECTIVE':
      return 'onbekende YAML-richtlijn (een regel die begint met %)';
    case 'MULTIPLE_TAGS':
    case 'TAG_RESOLVE_FAILED':
    case 'BAD_PROP_ORDER':
      return 'ongeldige YAML-tag (!); een scenario gebruikt geen tags';
    case 'BAD_COLLECTION_TYPE':
      return 'een blok of lijst heeft de verkeerde vorm';
    case 'UNEXPECTED_TOKEN':
      return 'onverwacht teken';
    default:
      return `het bestand is geen geldige YAML (${code})`;
  }
}

/**
 * Reads and validates a scenario file (and the chain of bases it extends). A base (`basis:`) is a
 * regular `.yaml` file, named relative to the file that names it, inside the scenario's folder (or
 * the `basisMap` the caller names), and itself a scenario (it has a `naam`); nothing else is read,
 * and the content of a file that is not a scenario is never shown.
 *
 * @example
 *   const s = loadScenarioFile('scenarios/bouwsteen-natuur.yaml');
 */
export function loadScenarioFile(path: string, options: ScenarioOptions = {}): LoadedScenario {
  if (typeof path !== 'string') throw new UserError({ message: 'loadScenarioFile: verwacht het pad van een scenariobestand (tekst)' });
  checkPath(path);
  const full = resolve(path);
  let root = dirname(full);
  if (options.basisMap !== undefined) {
    checkPath(options.basisMap);
    if (!existsSync(options.basisMap) || !statSync(options.basisMap).isDirectory()) {
      throw new UserError({ file: options.basisMap, message: 'basismap bestaat niet of is geen map' });
    }
    root = resolve(options.basisMap);
  }
  return loadChain(full, normalize(path), { root, padRoot: dirname(full), named: options.basisMap !== undefined }, []);
}

interface ChainContext {
  /** Bases must lie below this folder. */
  readonly root: string;
  /** Paths in outputs are relative to this folder (the top scenario's). */
  readonly padRoot: string;
  /** Whether the root is the caller's basisMap (else the scenario's own folder). */
  readonly named: boolean;
}

const SCENARIO_EXTENSION = /\.ya?ml$/i;

function loadChain(full: string, shown: string, ctx: ChainContext, chain: readonly string[], referrer?: Issue): LoadedScenario {
  const bytes = readUserFile(full, shown, { what: 'scenariobestand', maxBytes: MAX_SCENARIO_BYTES });
  const { data: parsed, loc } = parseScenario(bytes, shown);
  if (referrer && (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !('naam' in parsed))) {
    // Whatever this file is, its content is not shown: it is not a scenario.
    throw new UserError({ ...referrer, message: `${referrer.message} is geen scenariobestand (er staat geen naam in); de inhoud wordt niet getoond` });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UserError({ file: shown, line: 1, column: 1, message: 'verwacht een blok met sleutels (naam, periode, ontwikkelingen, ...)' });
  }
  const data = parsed as Record<string, unknown>;
  const pad = relative(ctx.padRoot, full) || full;
  let merged = data;
  let files: { path: string; file: string; bytes: Uint8Array }[] = [];
  let base: LoadedScenario | undefined;
  if (typeof data.basis === 'string') {
    const at: Issue = { file: shown, ...where(loc, ['basis']), message: `basis '${printable(data.basis)}'` };
    const fail = (message: string): never => {
      throw new UserError({ ...at, message: `${at.message} ${message}` });
    };
    const problem = pathProblem(data.basis);
    if (problem) throw new UserError({ ...at, message: `${at.message}: ${problem}` });
    if (!SCENARIO_EXTENSION.test(data.basis)) fail('is geen scenariobestand: verwacht een bestand dat eindigt op .yaml');
    const basePath = resolve(dirname(full), data.basis);
    const baseShown = normalize(join(dirname(shown), data.basis));
    if (!isInside(ctx.root, basePath)) {
      const rootShown = relative(process.cwd(), ctx.root) || '.';
      fail(
        ctx.named
          ? `ligt buiten de basismap (${rootShown}); een basis moet in die map (of een submap) staan`
          : `ligt buiten de map van het scenario (${rootShown}); een basis moet in die map (of een submap) staan, of geef met --basismap de map op waarbinnen basisscenario's staan`,
      );
    }
    if (!existsSync(basePath)) fail(`bestaat niet (gezocht: ${baseShown})`);
    if (!statSync(basePath).isFile()) fail('is geen gewoon bestand');
    if (basePath === full || chain.includes(basePath)) {
      throw new UserError({ ...at, message: `kringverwijzing via basis: ${[...chain, full, basePath].map((p) => relative(ctx.padRoot, p) || p).join(' → ')}` });
    }
    base = loadChain(basePath, baseShown, ctx, [...chain, full], at);
    const { basis: _ignored, ...baseContent } = base.content as Record<string, unknown>;
    merged = merge(toPlain(baseContent), data);
    files = [...base.files];
  }
  files.push({ path: pad, file: shown, bytes });
  // Validate this file's own keys with positions; the merged result only supplies defaults.
  const own = scenarioSchema.safeParse(data, { reportInput: true });
  if (!own.success) throw new UserError(byPosition(zodIssues(loc, own.error)));
  const result = scenarioSchema.safeParse(merged, { reportInput: true });
  if (!result.success) throw new UserError(byPosition(zodIssues(loc, result.error)));
  const content = result.data;
  const issues = semanticIssues(content, loc);
  if (issues.length > 0) throw new UserError(issues);
  const whereInChain = (path: readonly PropertyKey[], onKey = false): ReturnType<LoadedScenario['where']> => {
    const found = nodeAt(loc, path);
    if (!found.found && base) return base.where(path, onKey);
    const bron = found.found && isScalar(found.node) ? String((found.node as unknown as { source?: string }).source ?? found.node.value) : undefined;
    return { file: shown, pad, ...where(loc, path, onKey), ...(bron !== undefined ? { bron } : {}) };
  };
  const scalarsInChain = (path: readonly PropertyKey[]): WrittenValue[] => {
    const found = nodeAt(loc, path);
    if (!found.found) return base ? [...base.scalars(path)] : [];
    const out: WrittenValue[] = [];
    const walk = (node: unknown, sub: (string | number)[]) => {
      if (isScalar(node)) {
        if (node.value === null) return;
        const text = typeof node.value === 'string' ? node.value : String((node as unknown as { source?: string }).source ?? node.value);
        const range = node.range;
        const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
        const pos = range ? loc.lines.linePos(range[0] + (quoted ? 1 : 0)) : undefined;
        out.push({ sub, text, file: shown, ...(pos ? { line: pos.line, column: pos.col } : {}) });
      } else if (isMap(node)) {
        for (const pair of node.items) walk(pair.value, [...sub, isScalar(pair.key) ? String(pair.key.value) : String(pair.key)]);
      } else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...sub, i]));
    };
    walk(found.node, []);
    return out;
  };
  return {
    file: shown,
    pad,
    content,
    files,
    wijzigingen: base ? changes(data) : [],
    ...(base ? { basisNaam: base.content.naam, basisScenario: base } : {}),
    locate: (path, onKey = false) => where(loc, path, onKey),
    where: whereInChain,
    scalars: scalarsInChain,
  };
}

/** A parameter's value (and an uncertainty entry) is replaced whole, never merged with the base's. */
const isParameterValue = (path: readonly string[]) =>
  (path.length === 2 && (path[0] === 'parameters' || path[0] === 'onzekerheid')) || (path.length === 4 && path[0] === 'ontwikkelingen' && path[2] === 'parameters');

/** A file's own keys over its base's content (`basis:`); exported for the explorer, which extends a scenario in the page. */
export function merge(base: Record<string, unknown>, own: Record<string, unknown>, path: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = Object.assign(Object.create(null) as Record<string, unknown>, base);
  for (const [k, v] of Object.entries(own)) {
    const b = out[k];
    const at = [...path, k];
    const both = v && b && typeof v === 'object' && typeof b === 'object' && !Array.isArray(v) && !Array.isArray(b);
    out[k] = both && !isParameterValue(at) ? merge(b as Record<string, unknown>, v as Record<string, unknown>, at) : v;
  }
  return out;
}

export function changes(own: Record<string, unknown>, path: readonly string[] = []): { pad: string; waarde: string }[] {
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
 * The value below a path as the scenario's files write it: {@link toPlain} of the content, with every
 * value a file writes there replaced by its text in that file (`400 mln`, not the euros it means), so
 * that it can be written to a new scenario file and read back to the same content.
 */
export function writtenSource(loaded: LoadedScenario, path: readonly (string | number)[]): unknown {
  let value: unknown = loaded.content;
  for (const k of path) value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[k] : undefined;
  if (value === undefined) return undefined;
  const plain = toPlain({ v: value }).v;
  for (const w of loaded.scalars(path)) {
    if (w.sub.length === 0) return w.text;
    let holder = plain as Record<string | number, unknown> | undefined;
    for (const k of w.sub.slice(0, -1)) holder = holder && typeof holder === 'object' ? (holder[k] as Record<string | number, unknown>) : undefined;
    const last = w.sub.at(-1)!;
    if (holder && typeof holder === 'object' && last in holder) holder[last] = w.text;
  }
  return plain;
}

/** Back to source-text form so a merged base validates like a file. */
export function toPlain(content: Record<string, unknown>): Record<string, unknown> {
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
    if (RETIRED_DEVELOPMENTS[name]) {
      at(['ontwikkelingen', name], `ontwikkeling '${name}' bestaat niet meer: ${RETIRED_DEVELOPMENTS[name]}`, true);
      continue;
    }
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

/**
 * Checks the names that only the data knows (assumptions, projection series, vintages, development
 * parameters) and every value against what its parameter allows: errors are thrown together; the
 * warnings (values outside their plausible range) are returned, each with its place.
 */
export function checkAgainstData(loaded: LoadedScenario, data: Dataset): Issue[] {
  const issues: Issue[] = [];
  const s = loaded.content;
  const at = (path: PropertyKey[], message: string) => issues.push({ ...located(loaded, path, true), message });
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
  const values = valueFindings(loaded, data);
  issues.push(...values.errors);
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
  if (issues.length > 0) throw new UserError(byPosition(issues));
  return values.warnings;
}

/**
 * Every value a scenario writes for a parameter, against the parameter's bounds (see `bounds.ts`):
 * assumptions (`parameters`), projections (`macro.projectie`), development parameters and the parts
 * of custom constructions. Unknown names are left to the name checks.
 */
function valueFindings(loaded: LoadedScenario, data: Dataset): { errors: Issue[]; warnings: Issue[] } {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const check = (path: readonly (string | number)[], b: Bounds) => {
    for (const v of loaded.scalars(path)) {
      const name = [...path, ...v.sub].join('.');
      const place = { file: v.file, ...(v.line !== undefined ? { line: v.line, column: v.column } : {}) };
      const read = readParameterValue(b, v.text);
      if (!read.ok) {
        errors.push({ ...place, message: `${name}: ${read.message}` });
        continue;
      }
      const finding = checkBounds(b, read.value);
      if (finding) (finding.niveau === 'fout' ? errors : warnings).push({ ...place, message: `${name}: ${finding.melding}` });
    }
  };
  const s = loaded.content;
  for (const name of Object.keys(s.parameters ?? {})) {
    const row = data.aannames.find((a) => a.naam === name);
    if (!row || HISTORY_ASSUMPTIONS.includes(name)) continue;
    check(['parameters', name], assumptionBounds(name) ?? unitBounds(row.basiseenheid as BoundUnit));
  }
  for (const reeks of Object.keys(s.macro?.projectie ?? {})) check(['macro', 'projectie', reeks], assumptionBounds(`projectie.${reeks}`)!);
  for (const [name, setting] of Object.entries(s.ontwikkelingen ?? {})) {
    const def = DEVELOPMENTS.find((d) => d.naam === name);
    if (!def) continue;
    const defaults = def.parameters(data);
    for (const p of Object.keys(('parameters' in setting && setting.parameters) || {})) {
      if (defaults[p]) check(['ontwikkelingen', name, 'parameters', p], defaults[p].grenzen);
    }
    // nhv spreads its total over the years from its start to its end year: the end may not come first.
    const end = 'parameters' in setting ? setting.parameters?.eindjaar : undefined;
    if (def.naam === 'nhv' && setting.aan !== false) {
      const start = ('startjaar' in setting && setting.startjaar) || def.standaardStartjaar;
      const last = end instanceof Decimal ? end.toNumber() : defaults.eindjaar?.waarde.toNumber();
      if (last !== undefined && last < start) {
        errors.push({ ...located(loaded, end !== undefined ? ['ontwikkelingen', name, 'parameters', 'eindjaar'] : ['ontwikkelingen', name, 'startjaar']), message: `ontwikkelingen.nhv: het eindjaar (${last}) ligt vóór het startjaar (${start}); de kosten worden over de jaren daartussen verdeeld` });
      }
    }
  }
  (Array.isArray(s.constructies) ? s.constructies : []).forEach((c, i) => {
    if (typeof c === 'string') return;
    const at = ['constructies', i];
    if ('bedrag' in c.basis) check([...at, 'basis', 'bedrag'], CONSTRUCTION_BOUNDS['basis.bedrag']);
    (c.toevoegingen ?? []).forEach((_t, j) => check([...at, 'toevoegingen', j, 'bedrag'], CONSTRUCTION_BOUNDS['toevoegingen.bedrag']));
    if (c.cofinanciering !== undefined) check([...at, 'cofinanciering'], CONSTRUCTION_BOUNDS.cofinanciering);
    if (c.oormerk) check([...at, 'oormerk', 'onderbesteding'], CONSTRUCTION_BOUNDS['oormerk.onderbesteding']);
    if (c.uitvoeringslasten !== undefined) check([...at, 'uitvoeringslasten'], CONSTRUCTION_BOUNDS.uitvoeringslasten);
    if (c.omzettingskorting !== undefined) check([...at, 'omzettingskorting'], CONSTRUCTION_BOUNDS.omzettingskorting);
    const weights = (k: KeyInput, path: (string | number)[]): void => {
      if (typeof k !== 'object') return;
      if ('mix' in k) k.mix.forEach((d, j) => (check([...path, 'mix', j, 'gewicht'], CONSTRUCTION_BOUNDS.gewicht), weights(d.sleutel, [...path, 'mix', j, 'sleutel'])));
      if ('overgang' in k) (weights(k.overgang.van, [...path, 'overgang', 'van']), weights(k.overgang.naar, [...path, 'overgang', 'naar']));
    };
    weights(c.sleutel, [...at, 'sleutel']);
  });
  return { errors, warnings: byPosition(warnings) };
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
          ...located(loaded, ['parameters', own[0]!], true),
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
      // Outputs name the scenario file relative to the run's root, so they do not depend on the working directory.
      const set = loaded.where(['parameters', a.naam], true);
      const herkomst = { file: set.pad, line: set.line ?? 0, laag: 'eigen' as const };
      if (isPerProvince(v)) throw new UserError({ ...located(loaded, ['parameters', a.naam], true), message: `parameters: '${a.naam}' ${assumptionCannotVary(a.naam, 'provincie')}` });
      if (isDated(v)) {
        const list = v.map((d) => `${d.vanaf}: ${d.waarde.toString()}`).join('; ');
        return { ...a, verloop: v, methode: `${a.methode} Scenario ${set.pad} geeft waarden per jaar (${list}); daarvoor geldt ${a.waarde.toString()}.`, herkomst };
      }
      // A value in % in the file is a fraction here; amounts in mln are euros: the unit is in the text.
      return { ...a, waarde: v, methode: `opgegeven in scenario ${set.pad}`, herkomst };
    }),
  };
}

/** File, line and column of a path for a message: in the file of the chain that sets it. */
export function located(loaded: LoadedScenario, path: readonly PropertyKey[], onKey = false): { file: string; line?: number; column?: number } {
  const w = loaded.where(path, onKey);
  return { file: w.file, ...(w.line !== undefined ? { line: w.line } : {}), ...(w.column !== undefined ? { column: w.column } : {}) };
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
      ...(s.macro?.vaststelling ? { vaststelling: s.macro.vaststelling } : {}),
      ...(s.macro?.projectie ? { projectie: s.macro.projectie } : {}),
    },
    ontwikkelingen: Object.fromEntries(
      Object.entries(s.ontwikkelingen ?? {}).map(([k, v]) => [k, { aan: v.aan ?? true, ...('startjaar' in v && v.startjaar ? { startjaar: v.startjaar } : {}), ...('parameters' in v && v.parameters ? { parameters: v.parameters } : {}) }]),
    ),
  };
}
