/**
 * Allocation keys written as formulas over named indicators, e.g. `0.5 * nnn_ha + 0.5 * inwoners`.
 *
 * The text is parsed with mathjs (an instance that can only parse; it has no evaluate, import or
 * other functions), and the syntax tree is checked against a whitelist: numbers, the named
 * indicators, + − × ÷ ^ (and unary minus), parentheses, and the functions min and max with at least
 * one argument. Anything else (function calls such as import, createUnit, evaluate, parse, simplify,
 * derivative; assignments, property access, matrices, `null`, `true`, strings, ...) is refused before
 * anything runs. The tree is then evaluated by our own code in exact decimals.
 *
 * Bounded work: a formula has at most {@link MAX_FORMULA_LENGTH} characters, {@link MAX_FORMULA_NODES}
 * parts and {@link MAX_FORMULA_DEPTH} nested brackets, and an exponent at most
 * {@link MAX_EXPONENT} in size; a result that is not a finite number is an error, never a cell.
 *
 * mathjs is large (it takes longer to load than the rest of the program), so it is loaded only when
 * formulas are used: `await loadFormulaParser()` once, then check and compile formulas as usual. The
 * package entry (`src/index.ts`) does this on import; the command line does it for a scenario that
 * has formula keys.
 */
import type { MathNode } from 'mathjs';
import { Decimal } from '../decimal.js';
import { UserError } from '../errors.js';
import { suggest } from '../suggest.js';

let parse: ((text: string) => MathNode) | undefined;

/** Loads the formula parser (once per process); formulas can be checked and compiled after it resolves. */
export async function loadFormulaParser(): Promise<void> {
  if (parse) return;
  const { create, parseDependencies } = await import('mathjs');
  const math = create({ parseDependencies: parseDependencies! }, { number: 'BigNumber', precision: 64 });
  parse = (text) => math.parse(text);
}

function parser(): (text: string) => MathNode {
  if (!parse) throw new Error('formula parser not loaded: await loadFormulaParser() before checking or compiling a formula');
  return parse;
}

const OPERATORS = new Set(['add', 'subtract', 'multiply', 'divide', 'pow', 'unaryMinus', 'unaryPlus']);
const FUNCTIONS = new Set(['min', 'max']);

/** A key formula is a line of arithmetic; these limits are far above any such line. */
export const MAX_FORMULA_LENGTH = 1000;
export const MAX_FORMULA_NODES = 300;
export const MAX_FORMULA_DEPTH = 20;
/** `a ^ b` with |b| above this is no allocation key (and `10 ^ (10 ^ 20)` would overflow). */
export const MAX_EXPONENT = 100;

/** The deepest nesting of brackets in a text, counted before parsing (the parser recurses on them). */
function bracketDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (const ch of text) {
    if (ch === '(' || ch === '[' || ch === '{') max = Math.max(max, ++depth);
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
  }
  return max;
}

/** A mathjs constant that is a number (a BigNumber here), not `null`, `true` or a string. */
const isNumberConstant = (v: unknown) => v !== null && typeof v === 'object' && typeof (v as { isFinite?: unknown }).isFinite === 'function';

export interface FormulaProblem {
  readonly message: string;
  /** 1-based character position in the formula, when known. */
  readonly position?: number;
}

export interface CompiledFormula {
  readonly text: string;
  readonly names: readonly string[];
  evaluate(values: Readonly<Record<string, Decimal>>): Decimal;
}

function positionOf(text: string, name: string): number | undefined {
  const m = new RegExp(`(^|[^A-Za-z0-9_])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_])`).exec(text);
  return m ? m.index + m[1]!.length + 1 : undefined;
}

/** Checks a formula against the allowed names; returns its problems (empty when it is fine). */
export function checkFormula(text: string, allowed: readonly string[]): { problems: FormulaProblem[]; node?: MathNode } {
  if (typeof text !== 'string') return { problems: [{ message: 'verwacht een formule (tekst)' }] };
  if (!Array.isArray(allowed)) return { problems: [{ message: 'verwacht een lijst van toegestane namen' }] };
  if (text.length > MAX_FORMULA_LENGTH) return { problems: [{ message: `formule is te lang (${text.length} tekens, ten hoogste ${MAX_FORMULA_LENGTH})` }] };
  if (bracketDepth(text) > MAX_FORMULA_DEPTH) return { problems: [{ message: `haakjes zijn te diep genest (ten hoogste ${MAX_FORMULA_DEPTH} niveaus)` }] };
  const parseText = parser();
  let node: MathNode;
  try {
    node = parseText(text);
  } catch (e) {
    const err = e as { message: string; char?: number };
    return { problems: [{ message: `formule kan niet gelezen worden: ${err.message.replace(/\(char \d+\)/, '').trim()}`, ...(err.char ? { position: err.char } : {}) }] };
  }
  const problems: FormulaProblem[] = [];
  let nodes = 0;
  // Walk the tree ourselves, so that nothing below a refused node is looked at (or reported twice).
  const visit = (n: MathNode): void => {
    if (++nodes > MAX_FORMULA_NODES) {
      if (nodes === MAX_FORMULA_NODES + 1) problems.push({ message: `formule heeft te veel onderdelen (ten hoogste ${MAX_FORMULA_NODES})` });
      return;
    }
    const any = n as unknown as { type: string; value?: unknown; fn?: string | MathNode; op?: string; name?: string; args?: MathNode[]; content?: MathNode };
    switch (any.type) {
      case 'ConstantNode':
        if (!isNumberConstant(any.value)) problems.push({ message: `alleen getallen zijn toegestaan als constante, gevonden '${String(any.value)}'` });
        return;
      case 'ParenthesisNode':
        visit(any.content!);
        return;
      case 'OperatorNode':
        if (!OPERATORS.has(any.fn as string)) {
          problems.push({ message: `bewerking '${any.op}' is niet toegestaan; alleen + - * / ^` });
          return;
        }
        any.args!.forEach(visit);
        return;
      case 'SymbolNode': {
        const name = any.name!;
        if (!allowed.includes(name)) {
          const hint = suggest(name, allowed);
          const position = positionOf(text, name);
          problems.push({
            message: `onbekende naam '${name}'` + (hint ? `; bedoelt u '${hint}'?` : `; bekende indicatoren: ${allowed.join(', ')}`),
            ...(position ? { position } : {}),
          });
        }
        return;
      }
      case 'FunctionNode': {
        const fnNode = any.fn as MathNode;
        const name = fnNode.type === 'SymbolNode' ? (fnNode as unknown as { name: string }).name : '';
        if (!FUNCTIONS.has(name)) {
          const position = name ? positionOf(text, name) : undefined;
          problems.push({ message: `functie '${name || fnNode.type}' is niet toegestaan; alleen min en max`, ...(position ? { position } : {}) });
          return;
        }
        if (any.args!.length === 0) {
          const position = positionOf(text, name);
          problems.push({ message: `${name}() vraagt ten minste één getal`, ...(position ? { position } : {}) });
          return;
        }
        any.args!.forEach(visit);
        return;
      }
      default:
        problems.push({ message: `'${any.type.replace('Node', '')}' is niet toegestaan in een sleutelformule; alleen rekenkunde met indicatoren` });
    }
  };
  visit(node);
  return { problems, node };
}

/** A result that overflowed the decimals is an error, never a share. */
function finite(v: Decimal, what: string): Decimal {
  if (!v.isFinite()) throw new UserError({ message: `de ${what} in een sleutelformule geeft geen eindig getal (${v.toString()})` });
  return v;
}

function evaluateNode(n: MathNode, values: Readonly<Record<string, Decimal>>): Decimal {
  const node = n as unknown as { type: string; value?: { toString(): string }; name?: string; fn?: string | MathNode; args?: MathNode[]; content?: MathNode };
  switch (node.type) {
    case 'ConstantNode':
      return finite(new Decimal(node.value!.toString()), 'constante');
    case 'ParenthesisNode':
      return evaluateNode(node.content!, values);
    case 'SymbolNode': {
      const v = values[node.name!];
      if (v === undefined) throw new UserError({ message: `indicator '${node.name}' heeft geen waarde` });
      return v;
    }
    case 'OperatorNode': {
      const [a, b] = node.args!.map((x) => evaluateNode(x, values));
      switch (node.fn) {
        case 'add':
          return a!.plus(b!);
        case 'subtract':
          return a!.minus(b!);
        case 'multiply':
          return finite(a!.times(b!), 'vermenigvuldiging');
        case 'divide':
          if (b!.isZero()) throw new UserError({ message: 'deling door nul in een sleutelformule' });
          return finite(a!.dividedBy(b!), 'deling');
        case 'pow':
          if (b!.abs().greaterThan(MAX_EXPONENT)) throw new UserError({ message: `exponent ${b!.toString()} in een sleutelformule is te groot (ten hoogste ${MAX_EXPONENT})` });
          return finite(a!.pow(b!), 'machtsverheffing');
        case 'unaryMinus':
          return a!.negated();
        case 'unaryPlus':
          return a!;
      }
      break;
    }
    case 'FunctionNode': {
      const args = node.args!.map((x) => evaluateNode(x, values));
      const name = (node.fn as unknown as { name: string }).name;
      return name === 'min' ? Decimal.min(...args) : Decimal.max(...args);
    }
  }
  throw new UserError({ message: `'${node.type}' kan niet berekend worden` });
}

/** Parses, checks and compiles a formula; throws a UserError listing its problems. */
export function compileFormula(text: string, allowed: readonly string[], where = 'sleutelformule'): CompiledFormula {
  const { problems, node } = checkFormula(text, allowed);
  if (problems.length > 0 || !node) {
    throw new UserError(problems.map((p) => ({ message: `${where} '${text}'${p.position ? `, teken ${p.position}` : ''}: ${p.message}` })));
  }
  const names: string[] = [];
  node.traverse((n) => {
    if (n.type === 'SymbolNode') {
      const name = (n as unknown as { name: string }).name;
      if (!FUNCTIONS.has(name) && !names.includes(name)) names.push(name);
    }
  });
  return { text, names, evaluate: (values) => evaluateNode(node, values) };
}
