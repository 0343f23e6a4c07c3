/**
 * Declared uncertainty as plain declarations: rows of `onzekerheid.csv` and
 * `onzekerheid-correlaties.csv`, and entries of a scenario's `onzekerheid:` block, with numbers in
 * their base unit and the rules a declaration must follow to describe a distribution (which
 * fields a kind needs, which it may not have). Names are checked against the model later, when the
 * inputs of a run are built (`src/core/uncertainty/inputs.ts`): which inputs exist depends on the
 * scenario.
 */
import type { Origin } from '../core/dataset.js';
import type { Decimal } from '../core/decimal.js';
import type { Issue } from '../core/errors.js';
import type { CorrelationDeclaration, CorrelationRule, DeclaredKind, UncertaintyDeclaration, UncertaintyRule } from '../core/uncertainty/declaration.js';
import type { Status } from '../core/status.js';
import { toBaseUnit } from '../core/units.js';
import type { ParsedRow } from './schema.js';

/**
 * A declaration before its rules are checked; numbers already in their base unit. `unitRequired`: a
 * data file must name the unit of its numbers (a scenario writes it with the number).
 */
export type RawDeclaration = Omit<UncertaintyDeclaration, 'herkomst'> & { readonly unitRequired: boolean };

const NUMBERS = ['spreiding', 'laag', 'hoog'] as const;

/** Checks one declaration; reports problems through `at(field, message)` and returns it when it is sound. */
export function checkDeclaration(raw: RawDeclaration, herkomst: Origin, at: (field: string, message: string) => void): UncertaintyDeclaration | undefined {
  let ok = true;
  const fail = (field: string, message: string) => {
    ok = false;
    at(field, message);
  };
  const { verdeling: kind, regel: rule, invoer } = raw;
  const given = NUMBERS.filter((c) => raw[c] !== undefined);
  if (kind === 'vast') {
    if (rule) fail('regel', `een vaste invoer heeft geen regel; laat 'regel' leeg bij verdeling 'vast'`);
    for (const c of given) fail(c, `een vaste invoer heeft geen ${c}; laat het leeg bij verdeling 'vast'`);
  } else if (!rule) {
    fail('regel', `verwacht een regel (opgegeven, voorspelfouten of terugblik) bij verdeling '${kind}'`);
  } else if (rule === 'opgegeven') {
    const needs: readonly (typeof NUMBERS)[number][] = kind === 'normaal' || kind === 'lognormaal' ? ['spreiding'] : ['laag', 'hoog'];
    for (const c of needs) if (raw[c] === undefined) fail(c, `verdeling '${kind}' vraagt ${needs.join(' en ')}`);
    for (const c of given) if (!needs.includes(c)) fail(c, `verdeling '${kind}' gebruikt geen ${c}; laat het leeg`);
    if (raw.unitRequired && given.length > 0 && raw.eenheid === undefined) fail('eenheid', `verwacht de eenheid van ${given.join(', ')} (bijvoorbeeld %, fractie of EUR mln)`);
    if (raw.status === 'afgeleid' && raw.bron.length === 0) fail('bron', `status 'afgeleid' vraagt de bron-id's van de cijfers waaruit de spreiding is afgeleid`);
  } else {
    const expected: Record<Exclude<UncertaintyRule, 'opgegeven'>, { kind: DeclaredKind; prefix: string }> = {
      voorspelfouten: { kind: 'normaal', prefix: 'projectie.' },
      terugblik: { kind: 'lognormaal', prefix: 'terugblik.' },
    };
    const e = expected[rule];
    if (kind !== e.kind) fail('verdeling', `regel '${rule}' geeft een verdeling '${e.kind}'; verwacht verdeling '${e.kind}', gevonden '${kind}'`);
    if (!invoer.startsWith(e.prefix)) fail('invoer', `regel '${rule}' geldt alleen voor invoer die begint met '${e.prefix}', gevonden '${invoer}'`);
    for (const c of given) fail(c, `regel '${rule}' berekent de spreiding zelf; laat ${c} leeg of kies regel 'opgegeven'`);
  }
  if (!ok) return undefined;
  const { unitRequired: _u, ...declaration } = raw;
  return { ...declaration, herkomst };
}

export interface DeclarationRow {
  readonly row: ParsedRow;
  readonly herkomst: Origin;
  column(name: string): number | undefined;
}

const rowIssue = (issues: Issue[], herkomst: Origin, column: (name: string) => number | undefined) => (field: string, message: string) =>
  issues.push({ file: herkomst.file, line: herkomst.line, column: column(field), field, message });

export function uncertaintyDeclarations(rows: readonly DeclarationRow[], issues: Issue[]): UncertaintyDeclaration[] {
  const out: UncertaintyDeclaration[] = [];
  for (const { row, herkomst, column } of rows) {
    const number = (c: (typeof NUMBERS)[number]) => (row[c] === undefined || row.eenheid === undefined ? (row[c] as Decimal | undefined) : toBaseUnit(row[c] as Decimal, row.eenheid as string));
    const d = checkDeclaration(
      {
        invoer: row.invoer as string,
        verdeling: row.verdeling as DeclaredKind,
        ...(row.regel ? { regel: row.regel as UncertaintyRule } : {}),
        ...Object.fromEntries(NUMBERS.filter((c) => row[c] !== undefined).map((c) => [c, number(c)])),
        ...(row.eenheid ? { eenheid: row.eenheid as string } : {}),
        unitRequired: true,
        ...(row.tegenpost ? { tegenpost: row.tegenpost as string } : {}),
        status: row.status as Status,
        bron: (row.bron as string[] | undefined) ?? [],
        vindplaats: (row.vindplaats as string | undefined) ?? '',
        methode: row.methode as string,
        ontbrekend: (row.ontbrekend as string | undefined) ?? '',
      },
      herkomst,
      rowIssue(issues, herkomst, column),
    );
    if (d) out.push(d);
  }
  return out;
}

/** Checks one correlation; a value lies strictly between −1 and 1. */
export function checkCorrelation(raw: Omit<CorrelationDeclaration, 'herkomst'>, herkomst: Origin, at: (field: string, message: string) => void): CorrelationDeclaration | undefined {
  let ok = true;
  const fail = (field: string, message: string) => {
    ok = false;
    at(field, message);
  };
  const value = raw.waarde;
  if (raw.invoerA === raw.invoerB) fail('invoer_b', `een invoer is met zichzelf volledig gecorreleerd; verwacht twee verschillende invoeren`);
  if (raw.regel === 'opgegeven' && value === undefined) fail('waarde', `regel 'opgegeven' vraagt een correlatie (tussen -1 en 1)`);
  if (raw.regel === 'opgegeven' && value !== undefined && !(value.greaterThan(-1) && value.lessThan(1))) fail('waarde', `verwacht een correlatie groter dan -1 en kleiner dan 1, gevonden ${value.toString()}`);
  if (raw.regel === 'voorspelfouten' && value !== undefined) fail('waarde', `regel 'voorspelfouten' berekent de correlatie zelf; laat 'waarde' leeg`);
  if (raw.status === 'afgeleid' && raw.regel === 'opgegeven' && raw.bron.length === 0) fail('bron', `status 'afgeleid' vraagt de bron-id's van de cijfers waaruit de correlatie is afgeleid`);
  return ok ? { ...raw, herkomst } : undefined;
}

export function correlationDeclarations(rows: readonly DeclarationRow[], issues: Issue[]): CorrelationDeclaration[] {
  const out: CorrelationDeclaration[] = [];
  for (const { row, herkomst, column } of rows) {
    const c = checkCorrelation(
      {
        invoerA: row.invoer_a as string,
        invoerB: row.invoer_b as string,
        regel: row.regel as CorrelationRule,
        ...(row.waarde !== undefined ? { waarde: row.waarde as Decimal } : {}),
        status: row.status as Status,
        bron: (row.bron as string[] | undefined) ?? [],
        methode: row.methode as string,
      },
      herkomst,
      rowIssue(issues, herkomst, column),
    );
    if (c) out.push(c);
  }
  return out;
}
