/**
 * The data files of a dataset folder, their columns and their keys. The README's table of files
 * and keys is written from this list; keep the two in step.
 */
import { assumptionBounds } from '../core/assumption-dimensions.js';
import { amount, share } from '../core/bounds.js';
import { LINE_LEVELS, MAPPING_TARGETS, MUTATION_KINDS, SOURCE_GRADES, SOURCE_KINDS, STREAMS, TASKS } from '../core/dataset.js';
import { FACT_COLUMNS, type FileSpec, type UnitRule } from './schema.js';

/** The first rule whose pattern matches a code. */
const byPattern =
  (rules: readonly UnitRule[]) =>
  (code: string): UnitRule | undefined =>
    rules.find((r) => (typeof r.match === 'string' ? r.match === code : r.match.test(code)));

/** A code that counts hectares: `nnn_doel_ha`, `anlb_ha_beheerd`, `ehs_ha_2006`. */
const HECTARES = /(^|_)ha(_|$)/;
import { CORRELATION_RULES, DECLARED_KINDS, UNCERTAINTY_RULES } from '../core/uncertainty/declaration.js';

export const BRONNEN: FileSpec = {
  name: 'bronnen.csv',
  key: ['id'],
  columns: [
    { name: 'id', type: 'code' },
    { name: 'titel', type: 'text' },
    { name: 'uitgever', type: 'text' },
    { name: 'datum', type: 'date' },
    { name: 'url', type: 'url' },
    { name: 'vindplaats', type: 'text', optional: true },
    { name: 'geraadpleegd', type: 'date' },
    // Kind and grade of the source (issue 16): optional, so that a user's own bronnen.csv needs neither.
    { name: 'soort', type: { oneOf: SOURCE_KINDS }, optional: true, optionalColumn: true },
    { name: 'kwaliteit', type: { oneOf: SOURCE_GRADES }, optional: true, optionalColumn: true },
  ],
};

export const PROVINCIES: FileSpec = {
  name: 'provincies.csv',
  key: ['provincie', 'kenmerk', 'jaar'],
  dimensions: ['aantal', 'oppervlakte', 'fractie', 'geld'],
  // Land and water areas are kept in km2 as CBS publishes them (a value in ha is converted); hectare counts in ha.
  units: {
    column: 'kenmerk',
    rules: byPattern([
      { match: /^oppervlakte_/, unit: 'km2' },
      { match: HECTARES, unit: 'ha' },
      { match: 'inwoners', unit: 'aantal' },
    ]),
  },
  columns: [
    { name: 'provincie', type: 'region' },
    { name: 'naam', type: 'text' },
    { name: 'kenmerk', type: 'code' },
    { name: 'jaar', type: 'year' },
    ...FACT_COLUMNS,
  ],
};

export const MACRO: FileSpec = {
  name: 'macro.csv',
  key: ['reeks', 'publicatie', 'jaar'],
  dimensions: ['fractie', 'geld', 'index'],
  // The series the indexation rules read are yearly rates; nominal GDP is an amount.
  units: {
    column: 'reeks',
    rules: byPattern([
      { match: 'bbp_nominaal', unit: 'EUR' },
      { match: /^(bbp_volume|bbp_volume_middellang|bbp_prijs|cpi|hicp|inflatie|contractloon|cao_loon|imoc)$/, unit: 'fractie' },
    ]),
  },
  columns: [
    { name: 'reeks', type: 'code' },
    { name: 'publicatie', type: 'code' },
    { name: 'publicatiedatum', type: 'date' },
    { name: 'jaar', type: 'year' },
    ...FACT_COLUMNS,
  ],
};

export const PROVINCIEFONDS: FileSpec = {
  name: 'provinciefonds.csv',
  key: ['post', 'provincie', 'jaar', 'publicatie'],
  dimensions: ['geld', 'fractie', 'aantal'],
  // The ledger grows the algemene uitkering by a factor of itself: a stand of 0 or less means nothing.
  units: {
    column: 'post',
    rules: byPattern([{ match: 'algemene_uitkering', unit: 'EUR', bounds: amount({ min: '0', minOpen: true }, {}, { hard: 'een stand van de algemene uitkering is meer dan 0 (het grootboek deelt erdoor)', plausibel: '' }) }]),
  },
  columns: [
    { name: 'post', type: 'code' },
    { name: 'provincie', type: 'region' },
    { name: 'jaar', type: 'year' },
    { name: 'publicatie', type: 'code' },
    ...FACT_COLUMNS,
    { name: 'aard', type: { oneOf: MUTATION_KINDS }, optional: true, optionalColumn: true },
  ],
};

export const NATUURPACT: FileSpec = {
  name: 'natuurpact.csv',
  key: ['onderdeel', 'provincie', 'van', 'tot'],
  dimensions: ['geld', 'oppervlakte', 'fractie'],
  columns: [
    { name: 'onderdeel', type: 'code' },
    { name: 'provincie', type: 'region' },
    { name: 'van', type: 'year' },
    { name: 'tot', type: 'year' },
    { name: 'grondslag', type: { oneOf: ['per_jaar', 'totaal'] } },
    ...FACT_COLUMNS,
  ],
};

export const UITGAVEN: FileSpec = {
  name: 'uitgaven.csv',
  key: ['provincie', 'jaar', 'taak', 'soort'],
  dimensions: ['geld'],
  columns: [
    { name: 'provincie', type: 'region' },
    { name: 'jaar', type: 'year' },
    { name: 'taak', type: { oneOf: TASKS } },
    { name: 'soort', type: { oneOf: ['realisatie', 'begroting'] } },
    ...FACT_COLUMNS,
  ],
};

export const INKOMSTEN: FileSpec = {
  name: 'inkomsten.csv',
  key: ['provincie', 'jaar', 'stroom'],
  dimensions: ['geld'],
  columns: [
    { name: 'provincie', type: 'region' },
    { name: 'jaar', type: 'year' },
    { name: 'stroom', type: { oneOf: STREAMS } },
    ...FACT_COLUMNS,
  ],
};

export const KOSTENDRIVERS: FileSpec = {
  name: 'kostendrivers.csv',
  key: ['driver', 'provincie', 'jaar'],
  dimensions: ['geld', 'fractie', 'oppervlakte', 'prijs_per_ha', 'aantal', 'index'],
  // Hectares in ha (530 km2 of NNN is 53.000 ha), prices per hectare, the rates and amounts the model reads.
  units: {
    column: 'driver',
    rules: byPattern([
      { match: HECTARES, unit: 'ha' },
      { match: /^(grondprijs|inrichtingskosten)_/, unit: 'EUR/ha' },
      { match: /^cao_bos_natuur/, unit: 'fractie' },
      { match: /percentage$/, unit: 'fractie' },
      { match: /^(faunaschade|anlb_uitbetaald)$/, unit: 'EUR' },
    ]),
  },
  columns: [
    { name: 'driver', type: 'code' },
    { name: 'provincie', type: 'region' },
    { name: 'jaar', type: 'year' },
    ...FACT_COLUMNS,
  ],
};

export const SLEUTELS: FileSpec = {
  name: 'sleutels.csv',
  key: ['sleutel', 'provincie'],
  dimensions: ['fractie'],
  // A key share lies between 0% and 100%.
  units: { column: 'sleutel', rules: () => ({ match: /./, unit: 'fractie', bounds: share({}, 'elk aandeel') }) },
  columns: [{ name: 'sleutel', type: 'code' }, { name: 'provincie', type: 'province' }, ...FACT_COLUMNS],
};

export const AANNAMES: FileSpec = {
  name: 'aannames.csv',
  key: ['naam'],
  dimensions: ['geld', 'fractie', 'oppervlakte', 'prijs_per_ha', 'aantal', 'index', 'jaar'],
  // Every assumption the model reads declares its unit and hard bounds (assumption-dimensions.ts).
  units: {
    column: 'naam',
    rules: (naam) => {
      const b = assumptionBounds(naam);
      return b ? { match: naam, unit: b.eenheid, bounds: b } : undefined;
    },
  },
  statuses: ['aanname'],
  columns: [{ name: 'naam', type: 'code' }, ...FACT_COLUMNS],
};

export const LASTEN_BATEN: FileSpec = {
  name: 'lasten-baten.csv',
  key: ['provincie', 'jaar', 'niveau', 'code', 'naam', 'soort', 'kant'],
  dimensions: ['geld'],
  optional: true,
  columns: [
    { name: 'provincie', type: 'region' },
    { name: 'jaar', type: 'year' },
    { name: 'niveau', type: { oneOf: LINE_LEVELS } },
    { name: 'code', type: 'code', optional: true },
    { name: 'naam', type: 'text' },
    { name: 'soort', type: { oneOf: ['realisatie', 'begroting'] } },
    { name: 'kant', type: { oneOf: ['lasten', 'baten'] } },
    ...FACT_COLUMNS,
  ],
};

/** The national mapping of Iv3 taakvelden to the model's tasks. */
export const IV3_TAAKVELDEN: FileSpec = {
  name: 'iv3-taakvelden.csv',
  key: ['naam', 'taak'],
  dimensions: ['fractie'],
  statuses: ['afgeleid', 'schatting', 'aanname'],
  optional: true,
  columns: [
    { name: 'code', type: 'code', optional: true },
    { name: 'naam', type: 'text' },
    { name: 'taak', type: { oneOf: MAPPING_TARGETS } },
    ...FACT_COLUMNS,
  ],
};

/** A province's own mapping of its programmes, goals or products (or an exception to the Iv3 mapping). */
export const PROGRAMMA_INDELING: FileSpec = {
  name: 'programma-indeling.csv',
  key: ['provincie', 'niveau', 'code', 'naam', 'van', 'taak'],
  dimensions: ['fractie'],
  statuses: ['afgeleid', 'schatting', 'aanname'],
  optional: true,
  columns: [
    { name: 'provincie', type: 'province' },
    { name: 'niveau', type: { oneOf: LINE_LEVELS } },
    { name: 'code', type: 'code', optional: true },
    { name: 'naam', type: 'text' },
    { name: 'van', type: 'year' },
    { name: 'tot', type: 'year' },
    { name: 'taak', type: { oneOf: MAPPING_TARGETS } },
    ...FACT_COLUMNS,
  ],
};

/**
 * Known differences between published totals and the model (`natuurpact data aansluiting`). The file
 * may be absent from a dataset folder: then no difference is recorded.
 */
export const AANSLUITING: FileSpec = {
  name: 'aansluiting.csv',
  optional: true,
  key: ['id'],
  columns: [
    { name: 'id', type: 'code' },
    { name: 'verwacht_verschil', type: 'number' },
    { name: 'marge', type: 'number' },
    { name: 'eenheid', type: 'unit' },
    { name: 'reden', type: 'text' },
  ],
};

/** Declared uncertainty per input (`natuurpact onzekerheid`; see `src/core/uncertainty/declaration.ts`). */
export const ONZEKERHEID: FileSpec = {
  name: 'onzekerheid.csv',
  key: ['invoer'],
  optional: true,
  columns: [
    { name: 'invoer', type: 'code' },
    { name: 'verdeling', type: { oneOf: DECLARED_KINDS } },
    { name: 'regel', type: { oneOf: UNCERTAINTY_RULES }, optional: true },
    { name: 'spreiding', type: 'number', optional: true },
    { name: 'laag', type: 'number', optional: true },
    { name: 'hoog', type: 'number', optional: true },
    { name: 'eenheid', type: 'unit', optional: true },
    { name: 'tegenpost', type: 'code', optional: true, optionalColumn: true },
    { name: 'status', type: { oneOf: ['afgeleid', 'aanname'] } },
    { name: 'bron', type: 'sources', optional: true },
    { name: 'vindplaats', type: 'text', optional: true, optionalColumn: true },
    { name: 'methode', type: 'text' },
    { name: 'ontbrekend', type: 'text', optional: true, optionalColumn: true },
  ],
};

/** Correlations between uncertain inputs (in the Gaussian copula). */
export const ONZEKERHEID_CORRELATIES: FileSpec = {
  name: 'onzekerheid-correlaties.csv',
  key: ['invoer_a', 'invoer_b'],
  optional: true,
  columns: [
    { name: 'invoer_a', type: 'code' },
    { name: 'invoer_b', type: 'code' },
    { name: 'regel', type: { oneOf: CORRELATION_RULES } },
    { name: 'waarde', type: 'number', optional: true },
    { name: 'status', type: { oneOf: ['afgeleid', 'aanname'] } },
    { name: 'bron', type: 'sources', optional: true },
    { name: 'methode', type: 'text' },
  ],
};

/** Every file a dataset folder can hold, in load order (sources first). */
export const FILE_SPECS: readonly FileSpec[] = [
  BRONNEN,
  PROVINCIES,
  MACRO,
  PROVINCIEFONDS,
  NATUURPACT,
  UITGAVEN,
  INKOMSTEN,
  KOSTENDRIVERS,
  SLEUTELS,
  AANNAMES,
  LASTEN_BATEN,
  IV3_TAAKVELDEN,
  PROGRAMMA_INDELING,
  AANSLUITING,
  ONZEKERHEID,
  ONZEKERHEID_CORRELATIES,
];
