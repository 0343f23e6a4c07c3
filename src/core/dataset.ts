/**
 * The shipped dataset as the engine sees it: every figure already in its base unit (see
 * `units.ts`), with its status, its sources and where it was read from. Readers in `src/io` fill
 * these types; the engine never reads files.
 */
import type { Decimal } from './decimal.js';
import type { ProvinceCode, RegionCode } from './provinces.js';
import type { Status } from './status.js';
import type { DatedValues } from './parameter.js';
import type { CorrelationDeclaration, UncertaintyDeclaration } from './uncertainty/declaration.js';

/** Where a value came from: the file and line, and whether it is shipped or the user's own. */
export interface Origin {
  readonly file: string;
  readonly line: number;
  /** `meegeleverd`: shipped in `data/`; `eigen`: from the user's `--data` folder; `schatting`: made by the estimation step. */
  readonly laag: 'meegeleverd' | 'eigen' | 'schatting';
}

/**
 * What kind of body published a source (`bronnen.csv`, column `soort`): the report groups its sources
 * by it. A copy counts as the kind of its original (a copy of an IPO report is `provincie`).
 */
export const SOURCE_KINDS = ['rijk', 'statistiek', 'provincie', 'gemeente', 'organisatie', 'nieuws', 'overig'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/**
 * How close a source is to the figure it gives (`bronnen.csv`, column `kwaliteit`): `primair` the
 * publication of the body that made the figure (a budget, a statistic, a province's own accounts, a
 * cao party on its cao); `secundair` a copy or a quotation elsewhere (a document on a copy site, a
 * municipality citing the Rijk's circular, a press release taken over); `nieuws` a news report.
 */
export const SOURCE_GRADES = ['primair', 'secundair', 'nieuws'] as const;
export type SourceGrade = (typeof SOURCE_GRADES)[number];

/** A source document in `bronnen.csv`. */
export interface Source {
  readonly id: string;
  readonly titel: string;
  readonly uitgever: string;
  /** Publication date as written: YYYY, YYYY-MM or YYYY-MM-DD. */
  readonly datum: string;
  readonly url: string;
  readonly vindplaats: string;
  /** Date the figures were last checked against the document. */
  readonly geraadpleegd: string;
  /** Kind and grade (see {@link SOURCE_KINDS}, {@link SOURCE_GRADES}); absent in a file without them (not graded). */
  readonly soort?: SourceKind;
  readonly kwaliteit?: SourceGrade;
  readonly herkomst: Origin;
}

/** What every figure carries. */
export interface Fact {
  /** The value in the base unit of `eenheid` (EUR, fractie, ha, ...). */
  readonly waarde: Decimal;
  /** The unit as written in the file (e.g. `EUR mln`). */
  readonly eenheid: string;
  /** The base unit `waarde` is in. */
  readonly basiseenheid: string;
  readonly status: Status;
  readonly bron: readonly string[];
  /** Table, page or section in the source. */
  readonly vindplaats: string;
  /** How the value was made; required for afgeleid, schatting and aanname. */
  readonly methode: string;
  readonly herkomst: Origin;
}

export interface ProvinceFact extends Fact {
  readonly provincie: RegionCode;
  readonly naam: string;
  readonly kenmerk: string;
  readonly jaar: number;
}

export interface MacroFact extends Fact {
  readonly reeks: string;
  /** The publication (vintage) the value is from, e.g. `cpb-cep2025`. */
  readonly publicatie: string;
  /** When that publication appeared (YYYY-MM or YYYY-MM-DD): orders vintages. */
  readonly publicatiedatum: string;
  readonly jaar: number;
}

/**
 * The nature of a budget mutation (see `provinciefonds.ts`): `structureel` changes the base from its
 * first year on; `incidenteel` counts in its own years only; `reeks` is the published amount per year,
 * replacing the previous year's (after its last published year the last amount continues, as the
 * budget's extrapolation does).
 */
export const MUTATION_KINDS = ['structureel', 'incidenteel', 'reeks'] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];

export interface FundFact extends Fact {
  readonly post: string;
  readonly provincie: RegionCode;
  readonly jaar: number;
  readonly publicatie: string;
  /** For mutation rows: how the amount counts over the years. */
  readonly aard?: MutationKind;
}

export interface AgreementFact extends Fact {
  readonly onderdeel: string;
  readonly provincie: RegionCode;
  readonly van: number;
  readonly tot: number;
  /** `per_jaar`: the value applies to each year of van..tot; `totaal`: the value is for the whole period. */
  readonly grondslag: 'per_jaar' | 'totaal';
}

export const TASKS = [
  'natuurbeheer',
  'anlb',
  'verwerving',
  'inrichting',
  'herstel',
  'soorten',
  'uitvoering',
  'totaal',
] as const;
export type Task = (typeof TASKS)[number];
/** A task with its own cost line (all but `totaal`). */
export type CostTask = Exclude<Task, 'totaal'>;
export const COST_TASKS: readonly CostTask[] = TASKS.filter((t): t is CostTask => t !== 'totaal');

export interface SpendingFact extends Fact {
  readonly provincie: RegionCode;
  readonly jaar: number;
  readonly taak: Task;
  /** Whether the figure is what was spent (`realisatie`) or what was budgeted (`begroting`). */
  readonly soort: 'realisatie' | 'begroting';
}

export const STREAMS = [
  'natuurpact',
  'du_natuur',
  'programma_natuur',
  'nplg',
  'eu',
  'overig_rijk',
  'eigen_middelen',
] as const;
export type Stream = (typeof STREAMS)[number];

export interface IncomeFact extends Fact {
  readonly provincie: RegionCode;
  readonly jaar: number;
  readonly stroom: Stream;
}

export interface DriverFact extends Fact {
  readonly driver: string;
  readonly provincie: RegionCode;
  readonly jaar: number;
}

export interface KeyShare extends Fact {
  readonly sleutel: string;
  readonly provincie: ProvinceCode;
}

/** Levels at which provinces publish lasten and baten (see `lasten-baten.csv`). */
export const LINE_LEVELS = ['iv3_taakveld', 'programma', 'doel', 'product'] as const;
export type LineLevel = (typeof LINE_LEVELS)[number];

/**
 * A figure as a province (or CBS) published it, at its own level: an Iv3 taakveld, a programme, a
 * policy goal or a product of a provincial budget or account. `kant` says whether it is lasten or
 * baten. The mappings in `iv3-taakvelden.csv` and `programma-indeling.csv` turn lasten into
 * spending on the model's tasks.
 */
export interface PublishedLineFact extends Fact {
  readonly provincie: RegionCode;
  readonly jaar: number;
  readonly niveau: LineLevel;
  /** The taakveld, programme or product code as published (e.g. `5.1`, `03`, `030102`); empty when none is printed. */
  readonly code: string;
  /** The name as published. */
  readonly naam: string;
  readonly soort: 'realisatie' | 'begroting';
  readonly kant: 'lasten' | 'baten';
}

/**
 * Groups of tasks a published figure can cover: one task, `ontwikkeling` (buying and laying out
 * the NNN, which budgets often show as one line) or `totaal` (all nature tasks).
 */
export const TASK_GROUPS: Readonly<Record<string, readonly CostTask[]>> = {
  ...Object.fromEntries(COST_TASKS.map((t) => [t, [t]])),
  ontwikkeling: ['verwerving', 'inrichting'],
  totaal: COST_TASKS,
};
export type TaskGroup = Task | 'ontwikkeling';
export const TASK_GROUP_NAMES: readonly TaskGroup[] = [...TASKS, 'ontwikkeling'];

/** What a published line can be mapped to: a task or group of tasks, or nothing. */
export const MAPPING_TARGETS = [...TASK_GROUP_NAMES, 'buiten_scope'] as const;
export type MappingTarget = (typeof MAPPING_TARGETS)[number];

/**
 * A declared mapping of a published line to a model task: `waarde` is the share (a fraction) of the
 * line that belongs to `taak`. `provincie` NL applies to every province (the national Iv3 mapping);
 * a province's own row replaces the national rows for that line. `van`/`tot` bound the years (a
 * programme can change its contents).
 */
export interface LineMapping extends Fact {
  readonly provincie: RegionCode;
  readonly niveau: LineLevel;
  readonly code: string;
  readonly naam: string;
  readonly van: number;
  readonly tot: number;
  readonly taak: MappingTarget;
}

export interface Assumption extends Fact {
  readonly naam: string;
  /**
   * Dated values a scenario gave (see `parameter.ts`): each applies from its year until the next;
   * before the first, `waarde`. Only for assumptions the model reads per year (`assumptions.ts`).
   */
  readonly verloop?: DatedValues;
}

/**
 * A known difference between a published total and the model's figure (`aansluiting.csv`), in the
 * style of Tax-Calculator's expected-differences files: a new or moved difference fails a test.
 */
export interface ExpectedDifference {
  /** The id of a reconciliation source (see `reconciliation-sources.ts`). */
  readonly id: string;
  /** Published minus model, in the base unit (EUR). */
  readonly verwacht: Decimal;
  /** How far the actual difference may lie from `verwacht` (EUR, not negative). */
  readonly marge: Decimal;
  readonly eenheid: string;
  /** Dutch: why the difference exists, naming its parts. */
  readonly reden: string;
  readonly herkomst: Origin;
}

export interface Dataset {
  readonly bronnen: ReadonlyMap<string, Source>;
  readonly provincies: readonly ProvinceFact[];
  readonly macro: readonly MacroFact[];
  readonly provinciefonds: readonly FundFact[];
  readonly natuurpact: readonly AgreementFact[];
  readonly uitgaven: readonly SpendingFact[];
  readonly inkomsten: readonly IncomeFact[];
  readonly kostendrivers: readonly DriverFact[];
  readonly sleutels: readonly KeyShare[];
  readonly aannames: readonly Assumption[];
  /** Lasten and baten as published, at their own level. */
  readonly lastenBaten: readonly PublishedLineFact[];
  /** How published lines map to the model's tasks (`iv3-taakvelden.csv` and `programma-indeling.csv`). */
  readonly indeling: readonly LineMapping[];
  readonly aansluiting: readonly ExpectedDifference[];
  /** Declared uncertainty per input and the correlations between inputs (`onzekerheid*.csv`); none when absent. */
  readonly onzekerheid?: readonly UncertaintyDeclaration[];
  readonly correlaties?: readonly CorrelationDeclaration[];
}
