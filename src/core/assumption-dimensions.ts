/**
 * What each assumption in `aannames.csv` allows.
 *
 * Dimensions: which assumptions a scenario may give dated values: those the model reads per year.
 * The projection of a macro series (`projectie.<reeks>`) is read for every year after the data; the
 * component weights of lpo and kostenindex for every year they index. Every other assumption is read
 * once (a start amount, a start year) and takes one value. No assumption is read per province: they
 * are national.
 *
 * Bounds ({@link ASSUMPTION_BOUNDS}): the unit, hard bounds and plausible range of every assumption
 * the model reads (see `bounds.ts`), checked in `aannames.csv` (including a user's `--data` file)
 * and wherever a scenario overrides one. Ranges quoted from the data cite the rows they come from.
 */
import { amount, fraction, growthRate, share, year, type Bounds } from './bounds.js';
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

/** A component weight of an index: a share of the cost, written as a fraction by convention (`0.5`). */
const weight = (plausibel: { min: string; max: string }, bron: string): Bounds => share(plausibel, bron, { kaal: true });

const ASSUMPTIONS: Readonly<Record<string, Bounds>> = {
  aandeel_verwerving_in_ontwikkeling: weight(
    { min: '0.2', max: '0.8' },
    'verwerving en inrichting zijn allebei een wezenlijk deel van het ontwikkelbudget (redenering: geen van beide minder dan een vijfde)',
  ),
  aandeel_uitvoering: fraction(
    { min: '0', max: '1' },
    { min: '0.1', max: '0.4' },
    {
      hard: 'uitvoering als opslag op de taken die provincies zelf uitvoeren, tussen 0% en 100%',
      plausibel: 'Utrecht: personeelskosten 24,38% van de materiële lasten van het programma Landelijk gebied (begroting 2017; 26,8% in de rekening 2015, met overhead; aannames.csv); de helft tot anderhalf keer dat',
    },
  ),
  herstel_voor_programma_natuur: amount(
    { min: '0', max: '10000' },
    { min: '0', max: '300' },
    { hard: 'niet negatief', plausibel: 'ten hoogste het maximum van Programma Natuur, 300 mln per jaar (natuurpact.csv, programma_natuur.max_per_jaar)' },
  ),
  'projectie.bbp_volume': growthRate({ min: '-0.04', max: '0.065' }, 'macro.csv, reële bbp-groei: laagste -3,9% (2009), hoogste 6,3% (2021)'),
  'projectie.bbp_prijs': growthRate(
    { min: '-0.01', max: '0.06' },
    'macro.csv, bbp-prijs: -0,2% (2009) tot 2,7% (raming 2026); de deflator van 2022 was ongeveer 5-6% (onderzoeksnotities)',
  ),
  'projectie.cpi': growthRate({ min: '-0.01', max: '0.1' }, 'macro.csv, CPI (CBS): laagste 0,3% (2016), hoogste 10,0% (2022)'),
  'projectie.contractloon': growthRate(
    { min: '0', max: '0.07' },
    'macro.csv, contractloon 1,0% tot 3,75% en cao-lonen tot 6,6% (2024); CAO Bos en Natuur tot 7% (2023, kostendrivers.csv)',
  ),
  'projectie.grondprijs': growthRate(
    { min: '-0.05', max: '0.1' },
    'kostendrivers.csv, landbouwgrondprijs 2014-2023: jaarlijks +1,6% (2019) tot +9,1% (2021); een daling van enkele procenten is denkbaar',
  ),
  'lpo.gewicht_loon': weight({ min: '0.2', max: '0.8' }, 'loon en prijs zijn allebei een wezenlijk deel van een natuurbudget (redenering; standaard de helft)'),
  'lpo.gewicht_prijs': weight({ min: '0.2', max: '0.8' }, 'zie lpo.gewicht_loon'),
  'kostenindex.gewicht_loon': weight({ min: '0.3', max: '0.8' }, 'beheer (SNL, ANLb) is ongeveer twee derde van de uitgaven en vooral arbeid (aannames.csv)'),
  'kostenindex.gewicht_prijs': weight({ min: '0.1', max: '0.6' }, 'machines, materialen en diensten in beheer en inrichting (aannames.csv)'),
  'kostenindex.gewicht_grond': weight({ min: '0', max: '0.3' }, 'grondverwerving is ongeveer een tiende van de uitgaven (aannames.csv)'),
  'natuurdeel_au.startjaar': year(
    { min: 2014, max: 2023 },
    { min: 2018, max: 2023 },
    { hard: 'een jaar van de terugblik, met een gepubliceerde stand', plausibel: 'na 2017/2018, toen de DU Natuur in de algemene uitkering opging' },
  ),
  'natuurdeel_au.startbedrag': amount(
    { min: '0', max: '3611' },
    { min: '200', max: '600' },
    { hard: 'niet meer dan het hele Provinciefonds (3.611 mln in 2024)', plausibel: 'de DU Natuur stond op 230 (2015), 446 (2016-2017) en 346 mln (2018-2022)' },
  ),
  'niveau.dekking_voor_gemiddelde': share(
    { min: '0.25', max: '0.75' },
    'een gemiddelde van provincies die samen minder dan een kwart van een taak dragen zegt weinig over de rest; boven driekwart krijgen bijna geen provincies zonder eigen cijfers nog een gemiddelde (redenering; standaard de helft)',
  ),
  'eu_cofinanciering.laatste_jaar': year(
    { min: 2014, max: 2050 },
    { min: 2027, max: 2034 },
    { hard: 'een jaar van het model', plausibel: 'het GLB-NSP loopt tot en met 2027 (aannames.csv); een volgend GLB (2028-2034) kan de cofinanciering voortzetten' },
  ),
};

/** Projection series without a range of their own (hicp, inflatie, cao_loon, ...): a growth rate. */
const OTHER_PROJECTION = growthRate({ min: '-0.05', max: '0.1' }, 'een jaarlijkse prijs-, loon- of volumemutatie tussen -5% en +10% (redenering)');

/** What an assumption allows, or `undefined` for one the model does not read (a user's own name). */
export function assumptionBounds(naam: string): Bounds | undefined {
  if (Object.hasOwn(ASSUMPTIONS, naam)) return ASSUMPTIONS[naam];
  return naam.startsWith('projectie.') ? OTHER_PROJECTION : undefined;
}

/** Every assumption with declared bounds (for tests and an explorer). */
export const ASSUMPTION_BOUNDS: Readonly<Record<string, Bounds>> = ASSUMPTIONS;
