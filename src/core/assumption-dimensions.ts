/**
 * Which assumptions in `aannames.csv` a scenario may give dated values: those the model reads per
 * year. The projection of a macro series (`projectie.<reeks>`) is read for every year after the
 * data; the component weights of lpo and kostenindex for every year they index. Every other
 * assumption is read once (a start amount, a start year) and takes one value. No assumption is read
 * per province: they are national.
 */
import type { Dimension } from './parameter.js';

const PER_YEAR = [/^projectie\./, /^lpo\.gewicht_/, /^kostenindex\.gewicht_/];

export function assumptionDimensions(naam: string): readonly Dimension[] {
  return PER_YEAR.some((r) => r.test(naam)) ? ['jaar'] : [];
}

/** Dutch: why an assumption cannot take values of a kind, and what to do instead. */
export function assumptionCannotVary(naam: string, dimension: Dimension): string {
  if (dimension === 'provincie') {
    const hint = naam === 'projectie.grondprijs' ? '; een andere grondprijs per provincie kan met de ontwikkeling grondprijs_schok, die per provincie mag verschillen' : '';
    return `geldt voor heel Nederland en kan niet per provincie verschillen${hint}`;
  }
  return naam.startsWith('natuurdeel_au.')
    ? 'is het beginpunt van het natuurdeel van de algemene uitkering en neemt één waarde, niet per jaar'
    : 'wordt één keer gelezen en neemt één waarde, niet per jaar';
}
