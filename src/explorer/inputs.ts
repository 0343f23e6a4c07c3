/**
 * The explorer's inputs: which settings of a scenario the page offers, with their unit, their
 * default, the scenario's own value and their bounds; and how the page's choices become the keys of
 * a scenario file that extends the scenario (`basis:`).
 *
 * Offered: the macro choices (start of the bbp-systematiek, mean, combination, vintage), the NNN
 * path, every projection assumption in `aannames.csv` (not those of the estimated history, which a
 * scenario may not change), every shipped development with its start year and parameters, and the
 * construction. Units are those the parameters declare (`fractie`, `EUR`, `jaar`), shown as %,
 * mln euro and years.
 *
 * A value the page shows for a parameter that may vary per year is one value for all years, or a
 * value per projection year. It becomes, in the scenario file:
 *   one value              `3%`
 *   a value per year       dated values from the first year that differs from the default, with a
 *                          new entry at every change: 2024-2025 at the default and 2026-2030 at 3%
 *                          is `{2026: 3%}` (before its first year a dated value leaves the default)
 * and only when it differs from what the scenario already has. Values the scenario gives per
 * province are kept as they are unless the page replaces them with a national value.
 */
import { shippedConstructions } from '../core/constructions/shipped.js';
import type { Dataset } from '../core/dataset.js';
import { Decimal } from '../core/decimal.js';
import { HISTORY_ASSUMPTIONS, HISTORY_LAST_YEAR } from '../core/estimate.js';
import { assumptionDimensions } from '../core/assumption-dimensions.js';
import { DEVELOPMENTS } from '../core/model/developments.js';
import { DEFAULT_LAST_YEAR } from '../core/model/plan.js';
import { isDated, isPerProvince, valueAt, type DatedValues, type ParameterInput } from '../core/parameter.js';
import { DEFAULT_BBP_START } from '../core/provinciefonds.js';
import type { Status } from '../core/status.js';
import type { ScenarioFile } from '../io/scenario.js';
import { inputLimits, type Limits } from './limits.js';

export type Unit = 'fractie' | 'EUR' | 'jaar';

/** A number: an assumption, a development parameter, a start year. */
export interface NumberInput {
  readonly soort: 'getal';
  /** Unique, and the key of the input's state. */
  readonly id: string;
  /** Where the value goes in a scenario file. */
  readonly pad: readonly string[];
  readonly label: string;
  /** Dutch: what the default is and where it comes from. */
  readonly toelichting: string;
  readonly status: Status;
  readonly bron: readonly string[];
  readonly eenheid: Unit;
  /** Whether a scenario may give it dated values. */
  readonly perJaar: boolean;
  /** The model's value without the scenario (dated where the data make it so). */
  readonly standaard: { readonly waarde: Decimal; readonly verloop?: DatedValues };
  /** The scenario's own value, if it sets one. */
  readonly scenario?: ParameterInput;
  readonly grenzen: Limits;
}

export interface ChoiceInput {
  readonly soort: 'keuze';
  readonly id: string;
  readonly pad: readonly string[];
  readonly label: string;
  readonly toelichting: string;
  readonly opties: readonly { readonly waarde: string; readonly label: string }[];
  /** The scenario's choice ('' for none: the model's default applies). */
  readonly scenario: string;
}

export type Input = NumberInput | ChoiceInput;

export interface InputGroup {
  readonly id: string;
  readonly titel: string;
  readonly toelichting?: string;
  /** A development: whether it is on in the scenario (its inputs matter only when it is on). */
  readonly ontwikkeling?: { readonly naam: string; readonly scenarioAan: boolean };
  readonly invoer: readonly Input[];
}

export interface ConstructionChoice {
  readonly id: string;
  readonly naam: string;
  /** A construction the scenario defines itself: its entry as the file has it (source text). */
  readonly eigen?: Record<string, unknown>;
}

export interface Catalogue {
  /** Projection years: the years a per-year value is shown for. */
  readonly jaren: readonly number[];
  readonly groepen: readonly InputGroup[];
  readonly constructies: readonly ConstructionChoice[];
  /** The construction the page starts with: the scenario's first one, else C0. */
  readonly constructie: string;
  /** The scenario's `constructies` as its file has it (source text), if it has them. */
  readonly scenarioConstructies?: unknown;
}

const unitOf = (basiseenheid: string): Unit | undefined => (basiseenheid === 'fractie' ? 'fractie' : basiseenheid === 'EUR' ? 'EUR' : basiseenheid === 'jaar' ? 'jaar' : undefined);

/** A decimal or number from the scenario content as a decimal. */
const asInput = (v: unknown): ParameterInput | undefined => (v === undefined ? undefined : typeof v === 'number' ? new Decimal(v) : (v as ParameterInput));

/**
 * Everything the page offers for a scenario, from the data and the scenario's validated content.
 *
 * @example
 *   const c = catalogue(loadDataset(), loadScenarioFile('scenarios/basis.yaml').content, toPlain);
 */
export function catalogue(data: Dataset, scenario: ScenarioFile, plain: (content: Record<string, unknown>) => Record<string, unknown>, constructiesBron?: unknown): Catalogue {
  const tot = scenario.periode?.tot ?? DEFAULT_LAST_YEAR;
  const jaren = Array.from({ length: tot - HISTORY_LAST_YEAR }, (_, i) => HISTORY_LAST_YEAR + 1 + i);
  const macro = scenario.macro ?? {};
  const publications = [...new Map(data.macro.map((m) => [m.publicatie, m.publicatiedatum] as const))].sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0]));
  const general: InputGroup = {
    id: 'macro',
    titel: 'Systematiek en macro',
    invoer: [
      {
        soort: 'getal',
        id: 'macro.startjaar_bbp',
        pad: ['macro', 'startjaar_bbp'],
        label: 'startjaar bbp-systematiek',
        toelichting: `eerste jaar waarin het Provinciefonds met de bbp-systematiek groeit (standaard ${DEFAULT_BBP_START}, Voorjaarsnota 2024; eerder besloten: 2027)`,
        status: 'aanname',
        bron: [],
        eenheid: 'jaar',
        perJaar: false,
        standaard: { waarde: new Decimal(DEFAULT_BBP_START) },
        ...(macro.startjaar_bbp !== undefined ? { scenario: new Decimal(macro.startjaar_bbp) } : {}),
        grenzen: inputLimits({ soort: 'instelling', naam: 'macro.startjaar_bbp', eenheid: 'jaar' }, data),
      },
      choice('macro.gemiddelde', ['macro', 'gemiddelde'], 'gemiddelde bbp-volume', 'gemiddelde van de reële bbp-groei over t-9 .. t-2 in de bbp-systematiek', ['rekenkundig', 'meetkundig'], macro.gemiddelde),
      choice('macro.combinatie', ['macro', 'combinatie'], 'combinatie volume en prijs', '(1 + v)(1 + p) of 1 + v + p', ['vermenigvuldigen', 'optellen'], macro.combinatie),
      {
        soort: 'keuze',
        id: 'macro.vintage',
        pad: ['macro', 'vintage'],
        label: 'publicatie (vintage)',
        toelichting: 'de macrocijfers zoals bekend bij een publicatie; standaard de nieuwste publicatie die een jaar heeft',
        // A scenario that names a vintage cannot go back to "none" by extending it.
        opties: [...(macro.vintage ? [] : [{ waarde: '', label: 'nieuwste (standaard)' }]), ...publications.map(([p, d]) => ({ waarde: p, label: `${p} (${d})` }))],
        scenario: macro.vintage ?? '',
      },
      choice('nnn_pad', ['nnn_pad'], 'NNN-pad', 'waargenomen tempo (gemiddelde van de laatste vijf jaar, tot en met 2027) of het doel (80.000 ha in 2027)', ['tempo', 'doel'], scenario.nnn_pad),
    ],
  };

  // Projection assumptions; a series the scenario projects under `macro.projectie` stays there.
  const assumptions: NumberInput[] = [];
  for (const a of data.aannames) {
    if (HISTORY_ASSUMPTIONS.includes(a.naam)) continue;
    const eenheid = unitOf(a.basiseenheid);
    if (!eenheid) continue;
    const reeks = a.naam.startsWith('projectie.') ? a.naam.slice('projectie.'.length) : undefined;
    const underMacro = reeks !== undefined && macro.projectie?.[reeks] !== undefined;
    const own = underMacro ? macro.projectie![reeks!] : scenario.parameters?.[a.naam];
    assumptions.push({
      soort: 'getal',
      id: `parameters.${a.naam}`,
      pad: underMacro ? ['macro', 'projectie', reeks!] : ['parameters', a.naam],
      label: a.naam,
      toelichting: a.methode,
      status: a.status,
      bron: a.bron,
      eenheid,
      perJaar: assumptionDimensions(a.naam).includes('jaar'),
      standaard: { waarde: a.waarde, ...(a.verloop ? { verloop: a.verloop } : {}) },
      ...(own !== undefined ? { scenario: own } : {}),
      grenzen: inputLimits({ soort: 'aanname', naam: a.naam, eenheid }, data),
    });
  }

  const developments: InputGroup[] = DEVELOPMENTS.map((def) => {
    const setting = scenario.ontwikkelingen?.[def.naam];
    const params = def.parameters(data);
    const own = setting && 'parameters' in setting ? (setting.parameters ?? {}) : {};
    const start = setting && 'startjaar' in setting ? setting.startjaar : undefined;
    return {
      id: `ontwikkelingen.${def.naam}`,
      titel: def.naam,
      toelichting: def.omschrijving,
      ontwikkeling: { naam: def.naam, scenarioAan: setting !== undefined && setting.aan !== false },
      invoer: [
        {
          soort: 'getal',
          id: `ontwikkelingen.${def.naam}.startjaar`,
          pad: ['ontwikkelingen', def.naam, 'startjaar'],
          label: 'startjaar',
          toelichting: `standaard ${def.standaardStartjaar}`,
          status: 'aanname',
          bron: [],
          eenheid: 'jaar',
          perJaar: false,
          standaard: { waarde: new Decimal(def.standaardStartjaar) },
          ...(start !== undefined ? { scenario: new Decimal(start) } : {}),
          grenzen: inputLimits({ soort: 'instelling', naam: `ontwikkelingen.${def.naam}.startjaar`, eenheid: 'jaar' }, data),
        } satisfies NumberInput,
        ...Object.entries(params).map(
          ([name, p]): NumberInput => ({
            soort: 'getal',
            id: `ontwikkelingen.${def.naam}.parameters.${name}`,
            pad: ['ontwikkelingen', def.naam, 'parameters', name],
            label: name,
            toelichting: p.toelichting,
            status: p.status,
            bron: p.bron,
            eenheid: p.eenheid,
            perJaar: p.varieert.includes('jaar'),
            standaard: { waarde: p.waarde, ...(p.verloop ? { verloop: p.verloop } : {}) },
            ...(asInput(own[name]) !== undefined ? { scenario: asInput(own[name])! } : {}),
            grenzen: inputLimits({ soort: 'ontwikkeling', naam: `${def.naam}.${name}`, eenheid: p.eenheid }, data),
          }),
        ),
      ],
    };
  });

  const shipped = shippedConstructions(data);
  const listed = scenario.constructies;
  // As the file writes them (amounts with their unit) where known, so that an export reads back the same.
  const plainList = listed !== undefined && listed !== 'alle' ? (Array.isArray(constructiesBron) ? constructiesBron : (plain({ constructies: listed }).constructies as unknown[])) : undefined;
  const custom: ConstructionChoice[] = (plainList ?? []).flatMap((item) =>
    item && typeof item === 'object' ? [{ id: String((item as { id: unknown }).id), naam: String((item as { naam: unknown }).naam), eigen: item as Record<string, unknown> }] : [],
  );
  const constructies: ConstructionChoice[] = [...shipped.map((c) => ({ id: c.id, naam: c.naam })), ...custom];
  const firstListed = listed === 'alle' ? shipped.find((c) => c.id !== 'C0')?.id : listed?.map((x) => (typeof x === 'string' ? x : x.id)).find((id) => id !== 'C0');
  return {
    jaren,
    groepen: [general, { id: 'aannames', titel: 'Aannames (aannames.csv)', toelichting: 'de aannames van de projectie; die van de geschatte terugblik verandert een scenario niet', invoer: assumptions }, ...developments],
    constructies,
    constructie: firstListed ?? 'C0',
    ...(listed !== undefined ? { scenarioConstructies: listed === 'alle' ? 'alle' : plainList } : {}),
  };
}

function choice(id: string, pad: readonly string[], label: string, toelichting: string, values: readonly string[], own: string | undefined): ChoiceInput {
  return { soort: 'keuze', id, pad, label, toelichting, opties: values.map((v) => ({ waarde: v, label: v })), scenario: own ?? values[0]! };
}

/** The value of a number input as the page holds it: one value, a value per projection year, or the scenario's per-province values untouched. */
export type NumberValue =
  | { readonly vorm: 'enkel'; readonly waarde: Decimal }
  | { readonly vorm: 'per_jaar'; readonly waarden: readonly Decimal[] }
  | { readonly vorm: 'provincie' };

export interface ExplorerState {
  readonly naam: string;
  readonly beschrijving: string;
  readonly getallen: Readonly<Record<string, NumberValue>>;
  readonly keuzes: Readonly<Record<string, string>>;
  /** Per development: on or off. */
  readonly aan: Readonly<Record<string, boolean>>;
  readonly constructie: string;
}

/** The default of an input in a year (its dated default where it has one). */
export const defaultAt = (input: NumberInput, year: number): Decimal => valueAt(input.standaard.verloop, input.standaard.waarde, year).waarde;

/** What the scenario gives an input, as the page holds it. */
export function scenarioValue(input: NumberInput, jaren: readonly number[]): NumberValue {
  const own = input.scenario;
  if (own === undefined) {
    return input.perJaar && input.standaard.verloop ? { vorm: 'per_jaar', waarden: jaren.map((y) => defaultAt(input, y)) } : { vorm: 'enkel', waarde: input.standaard.waarde };
  }
  if (isPerProvince(own)) return { vorm: 'provincie' };
  if (!isDated(own)) return { vorm: 'enkel', waarde: own };
  return { vorm: 'per_jaar', waarden: jaren.map((y) => valueAt(own, defaultAt(input, y), y).waarde) };
}

/** The page's state before any change: the scenario as it is. */
export function initialState(c: Catalogue, naam: string, beschrijving: string): ExplorerState {
  const getallen: Record<string, NumberValue> = {};
  const keuzes: Record<string, string> = {};
  const aan: Record<string, boolean> = {};
  for (const g of c.groepen) {
    if (g.ontwikkeling) aan[g.ontwikkeling.naam] = g.ontwikkeling.scenarioAan;
    for (const i of g.invoer) {
      if (i.soort === 'getal') getallen[i.id] = scenarioValue(i, c.jaren);
      else keuzes[i.id] = i.scenario;
    }
  }
  return { naam, beschrijving, getallen, keuzes, aan, constructie: c.constructie };
}

export function sameValue(a: NumberValue, b: NumberValue): boolean {
  if (a.vorm === 'enkel' && b.vorm === 'enkel') return a.waarde.equals(b.waarde);
  if (a.vorm === 'per_jaar' && b.vorm === 'per_jaar') return a.waarden.length === b.waarden.length && a.waarden.every((v, i) => v.equals(b.waarden[i]!));
  return a.vorm === 'provincie' && b.vorm === 'provincie';
}

/** A value in its base unit as the source text of a scenario file: `3%`, `200 mln`, `2026`. */
export function sourceText(value: Decimal, eenheid: Unit): string {
  if (eenheid === 'fractie') return `${value.times(100).toFixed()}%`;
  if (eenheid === 'EUR') return `${value.dividedBy(1_000_000).toFixed()} mln`;
  return value.toFixed();
}

/**
 * Dated values for a value per year: an entry at the first year that differs from the default and
 * at every change after it; all years at the default give one entry at the first year.
 */
export function datedEntries(input: NumberInput, jaren: readonly number[], waarden: readonly Decimal[]): { vanaf: number; waarde: Decimal }[] {
  const out: { vanaf: number; waarde: Decimal }[] = [];
  jaren.forEach((y, i) => {
    const inForce = out.length > 0 ? out.at(-1)!.waarde : defaultAt(input, y);
    if (!waarden[i]!.equals(inForce)) out.push({ vanaf: y, waarde: waarden[i]! });
  });
  return out.length > 0 ? out : [{ vanaf: jaren[0]!, waarde: waarden[0]! }];
}

function valueText(input: NumberInput, jaren: readonly number[], v: NumberValue): unknown {
  if (v.vorm === 'enkel') return sourceText(v.waarde, input.eenheid);
  if (v.vorm === 'per_jaar') return Object.fromEntries(datedEntries(input, jaren, v.waarden).map((d) => [String(d.vanaf), sourceText(d.waarde, input.eenheid)]));
  return undefined;
}

function put(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[path.at(-1)!] = value;
}

/**
 * The keys of a scenario file that extends the scenario (`basis`) with the page's changes, as source
 * text in a fixed order: what the page calculates and what it exports.
 *
 * @example
 *   scenarioDelta(c, { ...initialState(c, 'mijn', ''), getallen: { 'parameters.projectie.cpi': { vorm: 'enkel', waarde: dec('0.03') } } }, 'basis.yaml')
 *   // { naam: 'mijn', basis: 'basis.yaml', parameters: { 'projectie.cpi': '3%' } }
 */
export function scenarioDelta(c: Catalogue, state: ExplorerState, basis: string): Record<string, unknown> {
  const start = initialState(c, state.naam, state.beschrijving);
  const out: Record<string, unknown> = { naam: state.naam, basis, ...(state.beschrijving ? { beschrijving: state.beschrijving } : {}) };
  const changed = (i: NumberInput) => !sameValue(state.getallen[i.id]!, start.getallen[i.id]!);
  for (const g of c.groepen) {
    if (g.ontwikkeling) {
      const name = g.ontwikkeling.naam;
      const on = state.aan[name]!;
      const block: Record<string, unknown> = {};
      if (on !== g.ontwikkeling.scenarioAan) block.aan = on ? 'aan' : 'uit';
      if (on) {
        for (const i of g.invoer) {
          if (i.soort === 'getal' && changed(i)) put(block, i.pad.slice(2), valueText(i, c.jaren, state.getallen[i.id]!));
        }
      }
      if (Object.keys(block).length > 0) put(out, ['ontwikkelingen', name], block);
      continue;
    }
    for (const i of g.invoer) {
      if (i.soort === 'keuze') {
        if (state.keuzes[i.id] !== start.keuzes[i.id] && state.keuzes[i.id] !== '') put(out, i.pad, state.keuzes[i.id]);
      } else if (changed(i)) {
        put(out, i.pad, valueText(i, c.jaren, state.getallen[i.id]!));
      }
    }
  }
  const wanted = constructionList(c, state.constructie);
  if (wanted !== undefined) out.constructies = wanted;
  return order(out);
}

/** The `constructies` a file needs to show one construction, or undefined when the scenario already has exactly that. */
function constructionList(c: Catalogue, id: string): unknown[] | undefined {
  const own = c.scenarioConstructies;
  if (id === 'C0') return own === undefined ? undefined : ['C0'];
  const chosen = c.constructies.find((x) => x.id === id);
  const entry = chosen?.eigen ?? id;
  const wanted = [entry];
  return JSON.stringify(own) === JSON.stringify(wanted) ? undefined : wanted;
}

const KEY_ORDER = ['naam', 'basis', 'beschrijving', 'periode', 'macro', 'parameters', 'nnn_pad', 'ontwikkelingen', 'constructies', 'uitvoer'];
const MACRO_ORDER = ['vintage', 'startjaar_bbp', 'gemiddelde', 'combinatie', 'projectie'];

function order(delta: Record<string, unknown>): Record<string, unknown> {
  const sorted: Record<string, unknown> = {};
  for (const k of KEY_ORDER) if (delta[k] !== undefined) sorted[k] = delta[k];
  const macro = sorted.macro as Record<string, unknown> | undefined;
  if (macro) sorted.macro = Object.fromEntries(MACRO_ORDER.filter((k) => macro[k] !== undefined).map((k) => [k, macro[k]]));
  return sorted;
}
