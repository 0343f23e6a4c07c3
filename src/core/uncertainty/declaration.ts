/**
 * Declared uncertainty, as the data files give it (`onzekerheid.csv`, `onzekerheid-correlaties.csv`)
 * and as a scenario's `onzekerheid:` block overrides it. Plain data with provenance; turning it
 * into distributions is `inputs.ts`.
 *
 * An input is named by what it varies:
 * - an assumption in `aannames.csv` by its name (`natuurdeel_au.startbedrag`); a `projectie.<reeks>`
 *   assumption varies the whole path of the series after its realisations: the projection value and,
 *   by the same shift, the forecasts (status `raming`) of the series after the base year;
 * - `ontwikkeling.<naam>.<parameter>`: a parameter of a development, when the scenario has it on;
 * - `constructie.onderbesteding`: the underspend of the construction chosen with `--constructie`;
 * - `terugblik.landelijk` and `terugblik.<PV>`: the level of the estimated look-back spending in the
 *   base year (common to the provinces without figures of their own, and per province).
 *
 * `regel` says where the spread comes from: `opgegeven` (the numbers in the row), `voorspelfouten`
 * (the forecast errors of the series in `macro.csv`), `terugblik` (how far published figures were from
 * the estimate, see `lookback.ts`). `verdeling: vast` keeps an input at its value, with the reason in
 * `methode`.
 */
import type { Decimal } from '../decimal.js';
import type { Origin } from '../dataset.js';
import type { Status } from '../status.js';

export const DECLARED_KINDS = ['normaal', 'lognormaal', 'driehoek', 'uniform', 'vast'] as const;
export type DeclaredKind = (typeof DECLARED_KINDS)[number];
export const UNCERTAINTY_RULES = ['opgegeven', 'voorspelfouten', 'terugblik'] as const;
export type UncertaintyRule = (typeof UNCERTAINTY_RULES)[number];
export const CORRELATION_RULES = ['opgegeven', 'voorspelfouten'] as const;
export type CorrelationRule = (typeof CORRELATION_RULES)[number];

export interface UncertaintyDeclaration {
  readonly invoer: string;
  readonly verdeling: DeclaredKind;
  readonly regel?: UncertaintyRule;
  /** sd (normaal), sd of ln x (lognormaal), in the base unit. */
  readonly spreiding?: Decimal;
  /** Bounds (driehoek, uniform), in the base unit. */
  readonly laag?: Decimal;
  readonly hoog?: Decimal;
  /** The unit the numbers were written in. */
  readonly eenheid?: string;
  /** The assumption that takes up the change, so that a group (weights) keeps its sum. */
  readonly tegenpost?: string;
  readonly status: Status;
  readonly bron: readonly string[];
  readonly vindplaats: string;
  /** Dutch: the reasoning. */
  readonly methode: string;
  /** Dutch: which missing figure would narrow this input. */
  readonly ontbrekend: string;
  readonly herkomst: Origin;
}

export interface CorrelationDeclaration {
  readonly invoerA: string;
  readonly invoerB: string;
  readonly regel: CorrelationRule;
  readonly waarde?: Decimal;
  readonly status: Status;
  readonly bron: readonly string[];
  readonly methode: string;
  readonly herkomst: Origin;
}
