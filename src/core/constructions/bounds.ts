/**
 * What the parts of a construction written in a scenario file allow (see `bounds.ts`): the base
 * amount and additions per year, and the shares that cut, earmark or burden the money. Read by the
 * scenario validation (errors at the value's place, warnings for implausible values) and the report.
 */
import { amount, share, type Bounds } from '../bounds.js';

/** Paths below a custom construction (`constructies[i]`) and what each allows. */
export const CONSTRUCTION_BOUNDS: Readonly<Record<'basis.bedrag' | 'toevoegingen.bedrag' | 'cofinanciering' | 'oormerk.onderbesteding' | 'uitvoeringslasten' | 'omzettingskorting' | 'gewicht', Bounds>> = {
  'basis.bedrag': amount(
    { min: '0', max: '10000' },
    { min: '0', max: '2000' },
    { hard: 'niet negatief en ten hoogste 10 mld per jaar (bijna driemaal het Provinciefonds, 3.611 mln in 2024)', plausibel: 'het Natuurpact 2013 was 415 mln per jaar, Programma Natuur ten hoogste 300 mln per jaar' },
  ),
  'toevoegingen.bedrag': amount(
    { min: '-10000', max: '10000' },
    { min: '-500', max: '1000' },
    { hard: 'ten hoogste 10 mld per jaar erbij of eraf', plausibel: 'de vraag om 200 mln per jaar extra voor beheer (natuurpact.csv, bouwsteen_beheer.vraag)' },
  ),
  cofinanciering: share({ min: '0', max: '0.5' }, 'een eigen bijdrage van meer dan de helft maakt het geen rijksgeld meer (redenering)'),
  'oormerk.onderbesteding': share({ min: '0', max: '0.2' }, 'C3 en C4 nemen 5% aan (geen openbaar cijfer gevonden); een vijfde niet besteed zou een mislukte regeling zijn (redenering)'),
  uitvoeringslasten: share({ min: '0', max: '0.1' }, 'C3 neemt 2% aan voor de verantwoording van een SPUK (SiSa)'),
  omzettingskorting: share({ min: '0', max: '0.2' }, 'bij omzetting van een SPUK in fondsgeld geldt een korting van 10% (domeinnotitie)'),
  // The weights of a mix key (`mix: [{sleutel, gewicht}]`) are written as fractions by convention and sum to 1.
  gewicht: share({ min: '0', max: '1' }, 'elk gewicht is denkbaar; samen 1', { kaal: true }),
};
