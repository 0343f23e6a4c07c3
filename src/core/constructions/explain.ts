/**
 * Explaining one cell of a construction's result table (`natuurpact uitleg --constructie C3`): the
 * rule that made it and its inputs. Lines a construction does not touch (costs, Programma Natuur,
 * EU, ...) are explained as in the status quo; the construction's own lines by the construction's
 * rule and assumptions; the derived lines by their formula with the values that went in.
 */
import { UserError } from '../errors.js';
import { formatMlnText } from '../format.js';
import { explain, type Explanation, type ModelResult } from '../model/run.js';
import type { Line } from '../model/lines.js';
import { PROVINCE_CODES, type RegionCode } from '../provinces.js';
import { CONSTRUCTION_LINES, type Comparison, type ComparisonLine } from './compare.js';
import { constructionYear } from './construction.js';

export interface ConstructionExplanation extends Omit<Explanation, 'post'> {
  readonly constructie: string;
  readonly post: ComparisonLine;
}

const mln = (d: Parameters<typeof formatMlnText>[0]) => formatMlnText(d);

/**
 * @example
 *   explainConstructionCell(run.comparison, run.result, { constructie: 'C3', provincie: 'PV22', jaar: 2028, post: 'tekort.netto' })
 */
export function explainConstructionCell(
  comparison: Comparison,
  result: ModelResult,
  where: { constructie: string; provincie: RegionCode; jaar: number; post: ComparisonLine },
): ConstructionExplanation {
  const c = comparison.constructies.find((x) => x.id === where.constructie);
  if (!c) throw new UserError({ message: `constructie '${where.constructie}' staat niet in deze vergelijking (${comparison.constructies.map((x) => x.id).join(', ')})` });
  const { provincie: p, jaar: y, post } = where;
  const row = (l: ComparisonLine) => comparison.row(c.id, p, y, l);
  const cell = row(post);
  const base = { constructie: c.id, provincie: p, jaar: y, post, waarde: cell.bedrag_eur, status: cell.status };
  const input = (l: ComparisonLine) => ({ omschrijving: `${l} ${mln(row(l).bedrag_eur)}`, status: row(l).status });
  const active = y >= c.start && y > result.basisjaar;
  const assumptions = c.aannames.map((a) => ({ omschrijving: `aanname ${c.id} ${a.naam}: ${a.toelichting}`, status: 'aanname' as const }));

  if ((CONSTRUCTION_LINES as readonly string[]).includes(post)) {
    if (!active) return { ...base, regel: `${c.id} begint in ${c.start}; in ${y} geldt de status quo: 0`, invoer: [] };
    if (p === 'NL') return { ...base, regel: 'som van de twaalf provincies', invoer: PROVINCE_CODES.map((q) => ({ omschrijving: `${q} ${mln(comparison.row(c.id, q, y, post).bedrag_eur)}` })) };
    if (post === 'tekort.netto') {
      return { ...base, regel: 'tekort + uitvoeringslasten: wat de provincie zelf betaalt, inclusief de kosten van de constructie', invoer: [input('tekort'), input('uitvoeringslasten')] };
    }
    const cy = constructionYear(c, result, y);
    const rule: Record<string, string> = {
      'inkomsten.constructie': `rijksgeld uit ${c.id} ${c.naam}`,
      onbesteed: `geoormerkt geld uit ${c.id} dat niet besteed wordt en terugvloeit naar het Rijk; het werk schuift op, dus kosten en inkomsten dalen samen en het tekort verandert niet`,
      uitvoeringslasten: `kosten van aanvraag, verantwoording en controle van ${c.id}, betaald door de provincie; in tekort.netto`,
      eigen_inkomsten: `eigen inkomsten van de provincie uit ${c.id}, naast het rijksgeld: geen rijksfinanciering, dus niet in inkomsten.totaal en niet in het tekort`,
    };
    return { ...base, regel: rule[post]!, invoer: [{ omschrijving: `${c.id} ${y}: ${cy.uitleg}`, status: cy.status }, { omschrijving: c.omschrijving }, ...assumptions] };
  }
  switch (post) {
    case 'inkomsten.natuurpact':
      if (active) return { ...base, regel: `vanaf ${c.start} vervangen door inkomsten.constructie van ${c.id}: 0`, invoer: [] };
      break;
    case 'inkomsten.totaal':
      return {
        ...base,
        regel: 'som van de stromen van Rijk en EU, met het geld van de constructie (eigen inkomsten niet)',
        invoer: (['inkomsten.natuurpact', 'inkomsten.programma_natuur', 'inkomsten.overig_rijk', 'inkomsten.eu', 'inkomsten.constructie'] as const).map(input),
      };
    case 'tekort':
      return { ...base, regel: 'kosten.totaal − inkomsten.totaal: wat de provincie zelf betaalt of laat liggen', invoer: [input('kosten.totaal'), input('inkomsten.totaal')] };
    case 'tekort.waarvan_eigen_bijdrage': {
      if (p === 'NL') return { ...base, regel: 'som van de twaalf provincies', invoer: PROVINCE_CODES.map((q) => ({ omschrijving: `${q} ${mln(comparison.row(c.id, q, y, post).bedrag_eur)}` })) };
      const agreed = result.agreedContribution(p, y);
      return {
        ...base,
        regel: 'min(afgesproken eigen bijdrage, max(tekort, 0)): het deel van het tekort dat de provincie volgens de afspraak zelf betaalt',
        invoer: [input('tekort'), { omschrijving: `afgesproken eigen bijdrage ${mln(agreed.bedrag_eur)}`, status: agreed.status }],
      };
    }
    case 'tekort.cumulatief':
      return { ...base, regel: `som van tekort ${result.jaren[0]}-${y} onder ${c.id}`, invoer: [] };
    case 'dekkingsgraad':
      return { ...base, regel: 'inkomsten.totaal / kosten.totaal', invoer: [input('inkomsten.totaal'), input('kosten.totaal')] };
    default:
      break;
  }
  // Not touched by the construction: as in the status quo.
  const sq = explain(result, { provincie: p, jaar: y, post: post as Line });
  return { ...base, regel: `${sq.regel} (${c.id} verandert deze post niet)`, invoer: sq.invoer };
}
