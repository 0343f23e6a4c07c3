/**
 * Hand-made facts for engine tests. Values are written in percent (as in the data files) and
 * converted to fractions here, exactly.
 */
import type { Assumption, Dataset, DriverFact, FundFact, MacroFact } from '../../src/core/dataset.js';
import { dec, type Decimal } from '../../src/core/decimal.js';
import type { Status } from '../../src/core/status.js';

const origin = { file: 'test', line: 0, laag: 'meegeleverd' as const };
const base = { vindplaats: 'test', methode: 'test', bron: ['t'], herkomst: origin };

export function macro(reeks: string, jaar: number, percent: string | Decimal, publicatie = 'p', publicatiedatum = '2020-01', status: Status = 'realisatie'): MacroFact {
  return { ...base, reeks, jaar, publicatie, publicatiedatum, status, waarde: dec(percent).dividedBy(100), eenheid: '%', basiseenheid: 'fractie' };
}

export function assumption(naam: string, waarde: string, eenheid = 'fractie'): Assumption {
  const v = eenheid === '%' ? dec(waarde).dividedBy(100) : eenheid === 'EUR mln' ? dec(waarde).times(1e6) : dec(waarde);
  return { ...base, naam, waarde: v, eenheid, basiseenheid: eenheid === 'EUR mln' ? 'EUR' : 'fractie', status: 'aanname' };
}

export function driver(name: string, jaar: number, waarde: string, eenheid: '%' | 'EUR/ha' = '%'): DriverFact {
  const v = eenheid === '%' ? dec(waarde).dividedBy(100) : dec(waarde);
  return { ...base, driver: name, provincie: 'NL', jaar, waarde: v, eenheid, basiseenheid: eenheid === '%' ? 'fractie' : 'EUR/ha', status: 'realisatie' };
}

export function fund(post: string, jaar: number, mln: string, publicatie: string): FundFact {
  return { ...base, post, provincie: 'NL', jaar, publicatie, waarde: dec(mln).times(1e6), eenheid: 'EUR mln', basiseenheid: 'EUR', status: 'begroting' };
}

/** A dataset with only the given parts; the rest empty. */
export function dataset(parts: Partial<Dataset>): Dataset {
  return {
    bronnen: new Map(),
    provincies: [],
    macro: [],
    provinciefonds: [],
    natuurpact: [],
    uitgaven: [],
    inkomsten: [],
    kostendrivers: [],
    sleutels: [],
    aannames: [],
    lastenBaten: [],
    indeling: [],
    aansluiting: [],
    ...parts,
  };
}
