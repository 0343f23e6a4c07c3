/**
 * What a variant (a scenario with `basis:`) changes against its base: the keys it sets, and the
 * difference they make to the gap of the status quo (C0) per year and per province, and per
 * construction (the cumulative net gap over the window: a construction both runs have against the
 * same construction in the base; one only the variant has against the base's status quo).
 */
import type { Decimal } from '../core/decimal.js';
import { sum } from '../core/decimal.js';
import { PROVINCE_CODES, provinceName, type ProvinceCode } from '../core/provinces.js';
import type { ScenarioRun } from '../io/run-scenario.js';

export interface VariantSection {
  readonly basis: { readonly naam: string; readonly bestand: string };
  readonly wijzigingen: readonly { readonly pad: string; readonly waarde: string }[];
  /** The NL gap (C0) per projection year in the window. */
  readonly perJaar: readonly { readonly jaar: number; readonly basis: Decimal; readonly variant: Decimal; readonly verschil: Decimal }[];
  readonly cumulatief: { readonly basis: Decimal; readonly variant: Decimal; readonly verschil: Decimal };
  /** Per province: the gap in the last year and the cumulative difference over the window. */
  readonly perProvincie: readonly { readonly provincie: ProvinceCode; readonly naam: string; readonly basis: Decimal; readonly variant: Decimal; readonly verschil: Decimal; readonly cumulatiefVerschil: Decimal }[];
  readonly perConstructie: readonly { readonly constructie: string; readonly naam: string; readonly basis: Decimal; readonly variant: Decimal; readonly verschil: Decimal; readonly tegenover: string }[];
  /** Whether the status quo is the same in both (the variant only changes constructions or outputs). */
  readonly statusQuoGelijk: boolean;
}

const gapC0 = (run: ScenarioRun, p: ProvinceCode | 'NL', y: number) => (run.comparison ? run.comparison.row('C0', p, y, 'tekort') : run.result.cell(p, y, 'tekort')).bedrag_eur;

export function variantSection(run: ScenarioRun, base: ScenarioRun): VariantSection {
  const { van, tot } = run.window;
  const years = run.result.jaren.filter((y) => y >= van && y <= tot && base.result.jaren.includes(y));
  const perJaar = years.map((jaar) => {
    const b = gapC0(base, 'NL', jaar);
    const v = gapC0(run, 'NL', jaar);
    return { jaar, basis: b, variant: v, verschil: v.minus(b) };
  });
  const cum = (runOf: ScenarioRun, p: ProvinceCode | 'NL') => sum(years.map((y) => gapC0(runOf, p, y)));
  const perProvincie = PROVINCE_CODES.map((p) => ({
    provincie: p,
    naam: provinceName(p),
    basis: gapC0(base, p, tot),
    variant: gapC0(run, p, tot),
    verschil: gapC0(run, p, tot).minus(gapC0(base, p, tot)),
    cumulatiefVerschil: cum(run, p).minus(cum(base, p)),
  }));
  const baseNet = (id: string) => base.comparison?.samenvatting.find((s) => s.constructie === id && s.provincie === 'NL')?.cumulatiefTekortNetto;
  const perConstructie = (run.comparison?.samenvatting ?? [])
    .filter((s) => s.provincie === 'NL')
    .map((s) => {
      const own = baseNet(s.constructie);
      const reference = own ?? cum(base, 'NL');
      return {
        constructie: s.constructie,
        naam: run.comparison!.constructies.find((c) => c.id === s.constructie)!.naam,
        basis: reference,
        variant: s.cumulatiefTekortNetto,
        verschil: s.cumulatiefTekortNetto.minus(reference),
        tegenover: own !== undefined ? `${s.constructie} in ${base.loaded.content.naam}` : `status quo van ${base.loaded.content.naam}`,
      };
    });
  const cumulatief = { basis: cum(base, 'NL'), variant: cum(run, 'NL'), verschil: cum(run, 'NL').minus(cum(base, 'NL')) };
  return {
    basis: { naam: base.loaded.content.naam, bestand: base.loaded.files.at(-1)!.path },
    wijzigingen: run.loaded.wijzigingen,
    perJaar,
    cumulatief,
    perProvincie,
    perConstructie,
    statusQuoGelijk: perJaar.every((x) => x.verschil.isZero()) && perProvincie.every((x) => x.cumulatiefVerschil.isZero()),
  };
}
