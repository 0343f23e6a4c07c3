/**
 * One page per province: its own figures (costs, income, gap and coverage in the base year, the
 * first projection year and the last year of the window, and the gap summed over the window), how
 * much of its look-back rests on its own published figures, its place among the twelve provinces
 * (gap, gap per inhabitant, coverage), why its gap changes (the decomposition), and what each
 * construction means for it (its cumulative net gap and the difference with the status quo).
 *
 * Ranks: 1 is the largest gap (or gap per inhabitant) and the lowest coverage, i.e. the province
 * that is worst off; ties share the better rank.
 */
import { Decimal, sum } from '../core/decimal.js';
import { indicatorsOf } from '../core/allocation/keys.js';
import type { GapDecomposition } from '../core/model/decompose.js';
import type { ProvinceCode } from '../core/provinces.js';
import type { ScenarioRun } from '../io/run-scenario.js';
import type { ObservedShare, YearFigures } from './report-model.js';

export interface Factsheet {
  readonly provincie: ProvinceCode;
  readonly naam: string;
  readonly jaren: readonly YearFigures[];
  readonly cumulatief: Decimal;
  readonly venster: { readonly van: number; readonly tot: number };
  readonly positie: {
    readonly tekort: number;
    readonly tekortPerInwoner?: { readonly euro: Decimal; readonly plaats: number; readonly jaar: number };
    readonly dekking: number;
  };
  readonly waarneming: ObservedShare;
  readonly ontleding: GapDecomposition;
  readonly constructies?: readonly { readonly constructie: string; readonly naam: string; readonly netto: Decimal; readonly verschil: Decimal }[];
  /** Notes of the report that name this province (estimates it shares with others). */
  readonly toelichting: readonly string[];
}

/** 1-based rank of each value when the largest is first (`desc`) or the smallest; ties share a rank. */
function ranks(values: readonly Decimal[], desc: boolean): number[] {
  return values.map((v) => 1 + values.filter((w) => (desc ? w.greaterThan(v) : w.lessThan(v))).length);
}

export function factsheets(
  run: ScenarioRun,
  perProvincie: readonly { readonly provincie: ProvinceCode; readonly naam: string; readonly jaren: readonly YearFigures[] }[],
  waarneming: readonly ObservedShare[],
  notes: readonly string[],
): Factsheet[] {
  const { van, tot } = run.window;
  const base = run.result.basisjaar;
  const shownYears = [...new Set([base, base + 1, tot])];
  const at = (p: (typeof perProvincie)[number], y: number) => p.jaren.find((f) => f.jaar === y)!;
  const gaps = perProvincie.map((p) => at(p, tot).tekort);
  const coverage = perProvincie.map((p) => at(p, tot).dekking);
  const inhabitants = indicatorsOf(run.data).get('inwoners');
  const perHead = inhabitants ? perProvincie.map((p) => at(p, tot).tekort.dividedBy(inhabitants.values.get(p.provincie)!)) : undefined;
  const gapRank = ranks(gaps, true);
  const coverageRank = ranks(coverage, false);
  const headRank = perHead ? ranks(perHead, true) : undefined;
  return perProvincie.map((p, i) => ({
    provincie: p.provincie,
    naam: p.naam,
    jaren: shownYears.map((y) => at(p, y)),
    cumulatief: sum(p.jaren.filter((f) => f.jaar >= van && f.jaar <= tot).map((f) => f.tekort)),
    venster: { van, tot },
    positie: {
      tekort: gapRank[i]!,
      ...(perHead && inhabitants ? { tekortPerInwoner: { euro: perHead[i]!, plaats: headRank![i]!, jaar: inhabitants.year } } : {}),
      dekking: coverageRank[i]!,
    },
    waarneming: waarneming.find((w) => w.provincie === p.provincie)!,
    ontleding: run.decomposition.find((d) => d.provincie === p.provincie)!,
    ...(run.comparison
      ? {
          constructies: run.comparison.samenvatting
            .filter((s) => s.provincie === p.provincie)
            .map((s) => ({ constructie: s.constructie, naam: run.comparison!.constructies.find((c) => c.id === s.constructie)!.naam, netto: s.cumulatiefTekortNetto, verschil: s.verschilMetC0 })),
        }
      : {}),
    toelichting: notes.filter((n) => n.includes(p.naam)),
  }));
}
