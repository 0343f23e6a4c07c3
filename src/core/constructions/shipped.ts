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
import { indicatorsOf, type KeySpec } from '../allocation/keys.js';
import { PROVINCE_CODES } from '../provinces.js';
import type { Construction } from './construction.js';

export const CONSTRUCTION_START = 2026;
const BASE_YEAR = CONSTRUCTION_START - 1;

/** The key in `sleutels.csv` that holds the published distribution of the algemene uitkering per province. */
export const AU_KEY_NAME = 'algemene_uitkering';

/**
 * Stand-in for the key of the algemene uitkering when its published distribution (circulaire) is not
 * in the data: half inhabitants, half land area. Always reported as an assumption.
 */
export const AU_KEY_PROXY: KeySpec = {
  soort: 'mix',
  delen: [
    { sleutel: { soort: 'indicator', kenmerk: 'inwoners' }, gewicht: dec('0.5') },
    { sleutel: { soort: 'indicator', kenmerk: 'oppervlakte_land' }, gewicht: dec('0.5') },
  ],
};

/** The AU key: the published one from `sleutels.csv` when it covers all twelve provinces, else the labelled stand-in. */
export function auKey(data: Dataset): { sleutel: KeySpec; aanname?: { naam: string; toelichting: string } } {
  const rows = data.sleutels.filter((k) => k.sleutel === AU_KEY_NAME);
  if (PROVINCE_CODES.every((p) => rows.some((r) => r.provincie === p))) return { sleutel: { soort: 'gepubliceerd', sleutel: AU_KEY_NAME } };
  return {
    sleutel: AU_KEY_PROXY,
    aanname: {
      naam: 'AU-sleutel',
      toelichting:
        `de verdeling van de algemene uitkering per provincie (circulaire Provinciefonds) is niet gevonden in de openbare bronnen die wij doorzochten en staat niet in de gegevens; ` +
        `benaderd als half inwoners, half landoppervlakte. Een eigen sleutel '${AU_KEY_NAME}' in sleutels.csv (alle twaalf provincies) vervangt deze benadering`,
    },
  };
}

/** Hectare indicators for task-related funding, best first: user-supplied managed hectares, else the published EHS areas. */
export const HECTARE_INDICATORS = ['natuurbeheer_ha', 'nnn_ha', 'ehs_ha_2006'] as const;

function hectareKey(data: Dataset): { kenmerk: string; jaar: number } {
  const inds = indicatorsOf(data);
  for (const k of HECTARE_INDICATORS) {
    const ind = inds.get(k);
    if (ind) return { kenmerk: k, jaar: ind.year };
  }
  throw new UserError({ message: `provincies.csv: geen hectare-indicator (${HECTARE_INDICATORS.join(', ')}) voor alle twaalf provincies; nodig voor C6` });
}

export function shippedConstructions(data: Dataset): Construction[] {
  const ask = data.natuurpact.find((r) => r.onderdeel === 'bouwsteen_beheer.vraag' && r.provincie === 'NL');
  if (!ask) throw new UserError({ message: "natuurpact.csv: onderdeel 'bouwsteen_beheer.vraag' ontbreekt (nodig voor C5)" });
  const statusQuoBase = { statusQuoJaar: BASE_YEAR } as const;
  const au = auKey(data);
  const hectares = hectareKey(data);
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
        sleutel: { soort: 'overgang', van: { soort: 'historisch' }, naar: au.sleutel, jaren: 4, start: CONSTRUCTION_START },
      },
      aannames: au.aanname ? [au.aanname] : [],
    },
    {
      id: 'C3',
      naam: 'Specifieke uitkering (SPUK) naar het model Programma Natuur',
      omschrijving:
        'Het natuurgeld wordt een specifieke uitkering met oormerk en verantwoording via SiSa, verdeeld naar goedgekeurde programma\'s. Niet bestede middelen vloeien terug (apart getoond als onbesteed; het werk schuift op, dus geen tekort); de verantwoording kost uitvoeringslasten, die in het netto tekort tellen. Het plafond wordt niet automatisch geïndexeerd.',
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
        'Rijk en provincies brengen het natuurgeld onder in een fonds met een vaste enveloppe, verdeeld naar plannen voor de ontwikkelopgave (verwerving, inrichting, herstel) over de looptijd van het fonds. De enveloppe wordt niet geïndexeerd; geld is geoormerkt. Fondsbeheer en plantoetsing kosten minder uitvoeringslasten dan een SPUK.',
      start: CONSTRUCTION_START,
      regel: {
        soort: 'regel',
        basis: statusQuoBase,
        indexatie: { regel: 'nominaal' },
        sleutel: { soort: 'taak', taken: ['verwerving', 'inrichting', 'herstel'], vanaf: CONSTRUCTION_START },
        oormerk: { onderbesteding: dec('0.05') },
        uitvoeringslasten: dec('0.01'),
      },
      aannames: [
        { naam: 'planverdeling', toelichting: `plannen per provincie zijn niet bekend; benaderd met het aandeel in de geraamde kosten van verwerving, inrichting en herstel van ${CONSTRUCTION_START} tot en met het jaar zelf` },
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
      naam: 'Taakgerelateerde bekostiging (standaardkosten × hectares)',
      omschrijving:
        `Het Rijk betaalt naar de taak: het bedrag volgt de jaarlijkse actualisatie van de SNL-standaardkostprijzen (lonen volgens de CAO Bos en Natuur, prijzen) en wordt verdeeld naar de hectares natuur per provincie (${hectares.kenmerk}, ${hectares.jaar}), niet naar de geraamde kosten van het model.`,
      start: CONSTRUCTION_START,
      regel: { soort: 'regel', basis: statusQuoBase, indexatie: { regel: 'skp' }, sleutel: { soort: 'indicator', kenmerk: hectares.kenmerk } },
      aannames: [
        {
          naam: 'standaardkosten',
          toelichting:
            'de standaardkostprijzen per beheertype en de beheerde hectares per beheertype per provincie zijn niet gevonden in de openbare bronnen die wij doorzochten; het bedrag begint op het status-quobedrag en volgt de SKP-actualisatie (een gepubliceerde actualisatie skp_actualisatie in kostendrivers.csv gaat voor; anders loon CAO Bos en Natuur en cpi met de gewichten lpo.gewicht_*)',
        },
        ...(hectares.kenmerk === 'ehs_ha_2006'
          ? [{ naam: 'hectares', toelichting: 'verdeeld naar het EHS-areaal per provincie in 2006 (WLO), het recentste hectarecijfer dat voor alle twaalf provincies gevonden is; een eigen indicator natuurbeheer_ha in provincies.csv gaat voor' }]
          : []),
      ],
    },
    {
      id: 'C7',
      naam: 'Eigen-inkomstenhefboom (ruimte onder het opcentenmaximum)',
      omschrijving:
        'Provincies houden het status-quo-natuurgeld van het Rijk en zetten daarnaast een deel van hun ruimte onder het wettelijk maximum van de opcenten motorrijtuigenbelasting in voor natuur. Dat is eigen geld van de provincie, geen rijksfinanciering: het staat apart (eigen inkomsten) en verandert het tekort niet; het laat zien welk deel ervan de provincie zelf zou kunnen opbrengen. Ruimte = opbrengst × (maximum / eigen tarief − 1); het maximum stijgt met de inflatie.',
      start: CONSTRUCTION_START,
      regel: { soort: 'eigen_inkomsten', benutting: dec('0.1') },
      aannames: [
        { naam: 'benutting', toelichting: 'een tiende van de ruimte wordt voor natuur ingezet, ter illustratie' },
        { naam: 'grondslag', toelichting: 'opbrengst per opcent = begrote opbrengst 2023 / tarief 2024 (het tarief 2023 staat niet in de gegevens)' },
      ],
    },
  ];
}
