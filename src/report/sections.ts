/**
 * Report content shared by the Markdown and HTML writers: the construction table's columns, the
 * table of new tasks per development, and the notes that explain own money, the decomposition and
 * the solver. One wording, two formats.
 */
import type { Comparison, ConstructionSummary } from '../core/constructions/compare.js';
import type { GapDecomposition } from '../core/model/decompose.js';
import { provinceName } from '../core/provinces.js';
import { formatMln, formatPct } from './report-model.js';

export const OWN_MONEY_NOTE =
  'Het tekort is wat de provincies zelf betalen of laten liggen; de afgesproken eigen bijdrage (Natuurpact 2013: 65 mln per jaar) is daar een deel van, geen tweede bedrag ernaast: per provincie het kleinste van de afspraak en het tekort. Landelijk is het de som van de provincies; het overschot van de ene provincie dekt geen tekort van een andere, dus in een jaar met overschotten kan het landelijke deel groter zijn dan het verrekende landelijke tekort.';

export const DECOMPOSITION_NOTE =
  'Verandering van het tekort, gesplitst in prijs (eenheidskosten), volume (hectares en taken), nieuwe taken (ontwikkelingen, hieronder per ontwikkeling) en financiering (verandering van de inkomsten, met minteken). De delen tellen exact op, tot op de cent.';

export const SOLVER_NOTE = (year: number) =>
  `Het basisbedrag per jaar waarmee het landelijke netto tekort (tekort plus uitvoeringslasten) in ${year} nul wordt (bisectie, tolerantie 1 euro).`;

export const CONSTRUCTION_HEADER = [
  'constructie',
  'cumulatief tekort',
  'uitvoeringslasten',
  'netto tekort',
  'verschil met C0 (netto)',
  'gem. dekking',
  'volatiliteit',
  'geoormerkt',
  'onbesteed',
  'eigen inkomsten (naast rijksgeld)',
];

export function constructionCells(c: Comparison, s: ConstructionSummary): string[] {
  return [
    `${s.constructie} ${c.constructies.find((x) => x.id === s.constructie)!.naam}`,
    formatMln(s.cumulatiefTekort),
    formatMln(s.uitvoeringslasten),
    formatMln(s.cumulatiefTekortNetto),
    formatMln(s.verschilMetC0),
    formatPct(s.gemiddeldeDekking),
    formatPct(s.volatiliteit),
    formatPct(s.aandeelGeoormerkt),
    formatMln(s.onbesteed),
    formatMln(s.eigenInkomsten),
  ];
}

/** Per province (and NL), the new tasks split by development; undefined when the scenario has none. */
export function developmentTable(decomposition: readonly GapDecomposition[]): { header: string[]; rows: string[][] } | undefined {
  const names = decomposition[0]?.perOntwikkeling.map((x) => x.naam) ?? [];
  if (names.length === 0) return undefined;
  return {
    header: ['provincie', ...names, 'nieuwe taken'],
    rows: decomposition.map((d) => [d.provincie === 'NL' ? 'NL Nederland' : `${d.provincie} ${provinceName(d.provincie)}`, ...d.perOntwikkeling.map((x) => formatMln(x.bedrag)), formatMln(d.nieuweTaken)]),
  };
}
