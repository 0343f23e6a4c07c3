/**
 * The shipped constructions for a Natuurpact 2.0 (C0-C7), with their Dutch names and descriptions.
 * Start year 2026 (the year from which IPO and the nature organisations asked for more beheer money);
 * the base amount of C1-C6 is the status quo nature money of the year before, so that every
 * construction starts from the same level. Parameters without a public figure are assumptions and
 * listed with each construction.
 */
import type { Dataset } from '../dataset.js';
import { dec } from '../decimal.js';
import { UserError } from '../errors.js';
import type { KeySpec } from '../allocation/keys.js';
import type { Construction } from './construction.js';

export const CONSTRUCTION_START = 2026;
const BASE_YEAR = CONSTRUCTION_START - 1;

/** Stand-in for the key of the algemene uitkering: its verdeelmodel is not in the data. */
export const AU_KEY_PROXY: KeySpec = {
  soort: 'mix',
  delen: [
    { sleutel: { soort: 'indicator', kenmerk: 'inwoners' }, gewicht: dec('0.5') },
    { sleutel: { soort: 'indicator', kenmerk: 'oppervlakte_land' }, gewicht: dec('0.5') },
  ],
};
const AU_KEY_NOTE = { naam: 'AU-sleutel', toelichting: 'het verdeelmodel van de algemene uitkering staat niet in de gegevens; benaderd als half inwoners, half landoppervlakte' };

export function shippedConstructions(data: Dataset): Construction[] {
  const ask = data.natuurpact.find((r) => r.onderdeel === 'bouwsteen_beheer.vraag' && r.provincie === 'NL');
  if (!ask) throw new UserError({ message: "natuurpact.csv: onderdeel 'bouwsteen_beheer.vraag' ontbreekt (nodig voor C5)" });
  const statusQuoBase = { statusQuoJaar: BASE_YEAR } as const;
  return [
    {
      id: 'C0',
      naam: 'Status quo: natuurgeld in de algemene uitkering',
      omschrijving:
        'Het natuurgeld blijft in de algemene uitkering van het Provinciefonds en groeit mee met het accres (bbp-systematiek). Provincies besteden het vrij; er is geen aparte verantwoording. Dit is de vergelijkingsbasis.',
      start: CONSTRUCTION_START,
      regel: { soort: 'status_quo' },
      aannames: [],
    },
    {
      id: 'C1',
      naam: 'DU Natuur 2.0',
      omschrijving:
        `Het natuurgeld gaat terug naar een decentralisatie-uitkering, verdeeld naar de historische aandelen. Zonder afspraak wordt een DU niet geïndexeerd: het bedrag van ${BASE_YEAR} blijft nominaal gelijk.`,
      start: CONSTRUCTION_START,
      regel: { soort: 'regel', basis: statusQuoBase, indexatie: { regel: 'nominaal' }, sleutel: { soort: 'historisch' } },
      aannames: [],
    },
    {
      id: 'C2',
      naam: 'Integratie-uitkering naar de algemene uitkering',
      omschrijving:
        'Het natuurgeld wordt een integratie-uitkering die in vier jaar overgaat in de algemene uitkering: het bedrag groeit met het accres, de verdeling schuift van de historische aandelen naar de verdeling van de algemene uitkering.',
      start: CONSTRUCTION_START,
      regel: {
        soort: 'regel',
        basis: statusQuoBase,
        indexatie: { regel: 'au' },
        sleutel: { soort: 'overgang', van: { soort: 'historisch' }, naar: AU_KEY_PROXY, jaren: 4, start: CONSTRUCTION_START },
      },
      aannames: [AU_KEY_NOTE],
    },
    {
      id: 'C3',
      naam: 'Specifieke uitkering (SPUK) naar het model Programma Natuur',
      omschrijving:
        'Het natuurgeld wordt een specifieke uitkering met oormerk en verantwoording via SiSa, verdeeld naar goedgekeurde programma\'s. Niet bestede middelen vloeien terug; de verantwoording kost uitvoeringslasten. Het plafond wordt niet automatisch geïndexeerd.',
      start: CONSTRUCTION_START,
      regel: {
        soort: 'regel',
        basis: statusQuoBase,
        indexatie: { regel: 'nominaal' },
        sleutel: { soort: 'plan' },
        oormerk: { onderbesteding: dec('0.05') },
        uitvoeringslasten: dec('0.02'),
      },
      aannames: [
        { naam: 'onderbesteding', toelichting: '5% van een SPUK wordt niet besteed en vloeit terug; geen openbaar cijfer voor Programma Natuur gevonden' },
        { naam: 'uitvoeringslasten', toelichting: '2% van het bedrag voor aanvraag, verantwoording (SiSa) en controle; geen openbaar cijfer gevonden' },
      ],
    },
    {
      id: 'C4',
      naam: 'Gezamenlijk fonds (model Transitiefonds)',
      omschrijving:
        'Rijk en provincies brengen het natuurgeld onder in een fonds met een vaste enveloppe, verdeeld naar plannen voor de ontwikkelopgave (verwerving, inrichting, herstel). De enveloppe wordt niet geïndexeerd; geld is geoormerkt.',
      start: CONSTRUCTION_START,
      regel: {
        soort: 'regel',
        basis: statusQuoBase,
        indexatie: { regel: 'nominaal' },
        sleutel: { soort: 'taak', taken: ['verwerving', 'inrichting', 'herstel'] },
        oormerk: { onderbesteding: dec('0.05') },
        uitvoeringslasten: dec('0.01'),
      },
      aannames: [
        { naam: 'planverdeling', toelichting: 'plannen per provincie zijn niet bekend; benaderd met het aandeel in de geraamde kosten van verwerving, inrichting en herstel' },
        { naam: 'onderbesteding', toelichting: '5% niet besteed; geen openbaar cijfer gevonden' },
        { naam: 'uitvoeringslasten', toelichting: '1% voor fondsbeheer en plantoetsing; geen openbaar cijfer gevonden' },
      ],
    },
    {
      id: 'C5',
      naam: 'Meerjarige resultaatafspraak (basis + bouwsteen beheer)',
      omschrijving:
        'Rijk en provincies spreken resultaten af voor meerdere jaren: het huidige natuurgeld plus jaarlijks extra geld voor beheer, zoals IPO en natuurorganisaties vroegen, geïndexeerd met de loon- en prijsbijstelling.',
      start: CONSTRUCTION_START,
      regel: {
        soort: 'regel',
        basis: statusQuoBase,
        toevoegingen: [{ bedrag: ask.waarde, vanaf: ask.van, omschrijving: 'bouwsteen beheer' }],
        indexatie: { regel: 'lpo' },
        sleutel: { soort: 'historisch' },
      },
      aannames: [{ naam: 'indexatie', toelichting: 'de indexatie is "af te spreken"; loon- en prijsbijstelling aangenomen' }],
    },
    {
      id: 'C6',
      naam: 'Taakgerelateerde bekostiging (normkosten × hectares)',
      omschrijving:
        'Het Rijk betaalt naar de taak: het bedrag volgt de natuurkostenindex en wordt verdeeld naar het aandeel van elke provincie in de kosten van natuurbeheer en agrarisch natuurbeheer (normkosten × hectares).',
      start: CONSTRUCTION_START,
      regel: { soort: 'regel', basis: statusQuoBase, indexatie: { regel: 'kostenindex' }, sleutel: { soort: 'taak', taken: ['natuurbeheer', 'anlb'] } },
      aannames: [{ naam: 'normkosten', toelichting: 'normkosten per hectare zijn niet openbaar; de geraamde beheerkosten per provincie dienen als benadering' }],
    },
    {
      id: 'C7',
      naam: 'Eigen-inkomstenhefboom (ruimte onder het opcentenmaximum)',
      omschrijving:
        'Provincies houden het status-quo-natuurgeld en zetten een deel van hun ruimte onder het wettelijk maximum van de opcenten motorrijtuigenbelasting in voor natuur. Ruimte = opbrengst × (maximum / eigen tarief − 1); het maximum stijgt met de inflatie.',
      start: CONSTRUCTION_START,
      regel: { soort: 'eigen_inkomsten', benutting: dec('0.1') },
      aannames: [
        { naam: 'benutting', toelichting: 'een tiende van de ruimte wordt voor natuur ingezet, ter illustratie' },
        { naam: 'grondslag', toelichting: 'opbrengst per opcent = begrote opbrengst 2023 / tarief 2024 (het tarief 2023 staat niet in de gegevens)' },
      ],
    },
  ];
}
