/**
 * The sources as a report shows them: grouped by the kind of body that published them, each with
 * its grade (primary publication, secondary copy, news report; see `SOURCE_GRADES`), and the date of
 * the data (the last date any source was consulted).
 */
import { SOURCE_KINDS, type Dataset, type Source, type SourceGrade, type SourceKind } from '../core/dataset.js';
import { byText } from '../core/order.js';

export const KIND_TITLES: Readonly<Record<SourceKind, string>> = {
  rijk: 'Rijk en Staten-Generaal: begrotingen, Kamerstukken, regelingen',
  statistiek: 'Statistiek, ramingen en onderzoek: CBS, CPB, PBL, Kadaster, WUR',
  provincie: 'Provincies, IPO en BIJ12',
  gemeente: 'Gemeenten (die cijfers van het Rijk overnemen)',
  organisatie: 'Sector- en belangenorganisaties, cao-partijen',
  nieuws: 'Nieuws en vakpers',
  overig: 'Overig',
};

export const GRADE_LABELS: Readonly<Record<SourceGrade | 'onbekend', string>> = {
  primair: 'primaire publicatie',
  secundair: 'secundaire kopie',
  nieuws: 'nieuwsbericht',
  onbekend: 'niet beoordeeld',
};

export interface SourceGroup {
  readonly soort: SourceKind | 'onbekend';
  readonly titel: string;
  readonly bronnen: readonly Source[];
  /** How many of the group's sources have each grade. */
  readonly aantallen: Readonly<Record<SourceGrade | 'onbekend', number>>;
}

/** Sources by kind (in the order of {@link SOURCE_KINDS}; ungraded ones last), each group by id. */
export function sourceGroups(bronnen: Iterable<Source>): SourceGroup[] {
  const all = [...bronnen].sort((a, b) => byText(a.id, b.id));
  const kinds: (SourceKind | 'onbekend')[] = [...SOURCE_KINDS, 'onbekend'];
  return kinds.flatMap((soort) => {
    const mine = all.filter((s) => (s.soort ?? 'onbekend') === soort);
    if (mine.length === 0) return [];
    const count = (g: SourceGrade | 'onbekend') => mine.filter((s) => (s.kwaliteit ?? 'onbekend') === g).length;
    return [
      {
        soort,
        titel: soort === 'onbekend' ? 'Bronnen zonder soort (eigen gegevens)' : KIND_TITLES[soort],
        bronnen: mine,
        aantallen: { primair: count('primair'), secundair: count('secundair'), nieuws: count('nieuws'), onbekend: count('onbekend') },
      },
    ];
  });
}

export const gradeLabel = (s: Source) => GRADE_LABELS[s.kwaliteit ?? 'onbekend'];

/** The date of the data: the latest date a source was consulted, as dd-mm-jjjj (empty without sources). */
export function dataDate(data: Pick<Dataset, 'bronnen'>): string {
  let last = '';
  for (const s of data.bronnen.values()) if (s.geraadpleegd > last) last = s.geraadpleegd;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(last);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : last;
}
