/**
 * The summary a director reads first: at most five short sentences in plain Dutch (B1) with the
 * headline gap, its direction and biggest step, its main cause, how much of it rests on published
 * figures, and (where the run has them) what the constructions or the variant change. Every figure
 * in a sentence links to the explanation of its cell in the report's appendix.
 *
 * The main cause comes from the gap decomposition (`ontleding.*`, base year to the last year of the
 * window), with what is paid for netted against the money that pays it: each development against
 * the income it brings (the ANLb expansion the Rijk pays adds costs and income alike and does not
 * change the gap, so it is said to be gap-neutral, not named as a cause), and restoration (herstel)
 * against Programma Natuur, which it follows (its volume is the programme's amount). With H the
 * change of the restoration cost without developments and PN that of the Programma Natuur income
 * without developments, the parts are
 *
 *   prijs + (volume − H) + (H − PN) + Σ_d (kosten_d − inkomsten_d) + (financiering + PN + Σ_d inkomsten_d) = Δtekort
 *
 * exactly (the decomposition's identity, regrouped). A sensitivity analysis, where a run has one,
 * is not yet part of this page.
 */
import { Decimal, sum, ZERO } from '../core/decimal.js';
import { explain } from '../core/model/run.js';
import { COST_TASKS, INCOME_STREAMS } from '../core/model/lines.js';
import { PROVINCE_CODES, type RegionCode } from '../core/provinces.js';
import { developmentCostParts } from '../core/model/plan.js';
import type { Status } from '../core/status.js';
import type { ScenarioRun } from '../io/run-scenario.js';
import { formatMillions, formatNumberNl } from './format.js';

/** A piece of a sentence: text, or a figure that links to the explanation with id `uitleg`. */
export type Segment = string | { readonly tekst: string; readonly uitleg: string };
export type Sentence = readonly Segment[];

/** The explanation of one figure, shown in the appendix under a heading whose slug is `id`. */
export interface CellExplanation {
  readonly id: string;
  readonly titel: string;
  readonly waarde: string;
  readonly status?: Status;
  readonly regel: string;
  readonly invoer: readonly string[];
  readonly tabel?: { readonly header: readonly string[]; readonly rows: readonly (readonly string[])[] };
}

/** A heading's anchor as GitHub makes it (lower case, letters, digits, spaces to hyphens), so Markdown links work too. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

const mln = (d: Decimal) => `${formatMillions(d)} mln euro`;
const signed = (d: Decimal) => `${d.isNegative() ? '−' : '+'}${formatMillions(d.abs())} mln`;
const pct = (d: Decimal) => `${formatNumberNl(d.times(100), 1)}%`;

/** One cause of the change of the gap, with its share of the change (euros). */
export interface Cause {
  readonly soort: 'prijs' | 'volume' | 'herstel' | 'ontwikkeling' | 'financiering';
  readonly naam: string;
  readonly bedrag: Decimal;
  /** For a development: its plain name, its cost and the income it brings. */
  readonly kort?: string;
  readonly kosten?: Decimal;
  readonly inkomsten?: Decimal;
}

/** B1 names of the tasks, for the sentences. */
const TASK_NAMES: Readonly<Record<(typeof COST_TASKS)[number], string>> = {
  natuurbeheer: 'natuurbeheer',
  anlb: 'agrarisch natuurbeheer',
  verwerving: 'grond kopen voor het NNN',
  inrichting: 'nieuwe natuur inrichten',
  herstel: 'natuurherstel',
  soorten: 'soortenbeleid en faunaschade',
  uitvoering: 'uitvoering',
};

/** The two tasks whose cost (without developments, restoration apart) changed most from `a` to `b` in the direction of `sign`. */
function mainTasks(run: ScenarioRun, p: RegionCode, a: number, b: number, up: boolean): string[] {
  const r = run.result;
  const provinces = p === 'NL' ? PROVINCE_CODES : [p];
  const withoutDev = (k: (typeof COST_TASKS)[number], y: number) =>
    r.cell(p, y, `kosten.${k}`).bedrag_eur.minus(y === r.basisjaar ? ZERO : sum(provinces.flatMap((q) => developmentCostParts(r.plan, q, k, y).map((x) => x.bedrag))));
  return COST_TASKS.filter((k) => k !== 'herstel')
    .map((k) => ({ k, d: withoutDev(k, b).minus(withoutDev(k, a)) }))
    .filter((x) => (up ? x.d.greaterThan(0) : x.d.lessThan(0)))
    .sort((x, y) => (up ? y.d.comparedTo(x.d) : x.d.comparedTo(y.d)))
    .slice(0, 2)
    .map((x) => TASK_NAMES[x.k]);
}

/** The decomposition row of the status quo (C0) for a region and year, from the tidy table. */
function decomposition(run: ScenarioRun, p: RegionCode, y: number): (post: string) => Decimal {
  const rows = new Map<string, Decimal>(run.rows.filter((r) => r.constructie === 'C0' && r.provincie === p && r.jaar === y && r.post.startsWith('ontleding.')).map((r) => [r.post, r.bedrag_eur] as const));
  return (post) => rows.get(post) ?? ZERO;
}

/** The causes of the change of the gap from the base year to `y` (see the module comment), for a region. */
export function causes(run: ScenarioRun, p: RegionCode, y: number): Cause[] {
  const r = run.result;
  const at = decomposition(run, p, y);
  const income = r.developmentIncome(p, y);
  const devs = r.plan.developments.map((d, i) => {
    const kosten = at(`ontleding.nieuwe_taken.${d.definitie.naam}`);
    const inkomsten = income[i]!.bedrag;
    return { soort: 'ontwikkeling' as const, naam: d.definitie.naam, kort: d.definitie.kort, bedrag: kosten.minus(inkomsten), kosten, inkomsten };
  });
  // Restoration and its programme, without developments (which are counted with the developments).
  const base = r.basisjaar;
  const herstelCost = (x: number) => r.cell(p, x, 'kosten.herstel').bedrag_eur.minus(x === base ? ZERO : sum(decompositionParts(run, p, x)));
  const programme = (x: number) => r.cell(p, x, 'inkomsten.programma_natuur').bedrag_eur.minus(x === base ? ZERO : sum(r.developmentIncome(p, x, 'programma_natuur').map((d) => d.bedrag)));
  // Only where restoration has no price of its own (its driver: P = 1), so that its whole change is volume.
  const paired = r.plan.drivers.herstel.price(y).equals(1);
  const h = paired ? herstelCost(y).minus(herstelCost(base)) : ZERO;
  const pn = paired ? programme(y).minus(programme(base)) : ZERO;
  return [
    { soort: 'prijs', naam: 'prijs', bedrag: at('ontleding.prijs') },
    { soort: 'volume', naam: 'volume', bedrag: at('ontleding.volume').minus(h) },
    ...(paired ? [{ soort: 'herstel' as const, naam: 'herstel', bedrag: h.minus(pn), kosten: h, inkomsten: pn }] : []),
    ...devs,
    { soort: 'financiering', naam: 'financiering', bedrag: at('ontleding.financiering').plus(pn).plus(sum(devs.map((d) => d.inkomsten))) },
  ];
}

/** The developments' parts of the restoration cost of a region in a year (cents, as in the cells). */
function decompositionParts(run: ScenarioRun, p: RegionCode, y: number): Decimal[] {
  const provinces = p === 'NL' ? PROVINCE_CODES : [p];
  return provinces.flatMap((q) => developmentCostParts(run.result.plan, q, 'herstel', y).map((x) => x.bedrag));
}

/** B1 wording of a cause that raises or lowers the gap; for volume, the tasks that changed most. */
function causeText(c: Cause, tasks: readonly string[] = []): string {
  const up = !c.bedrag.isNegative();
  const which = tasks.length > 0 ? ` (het meest bij ${tasks.join(' en bij ')})` : '';
  switch (c.soort) {
    case 'prijs':
      return up ? 'hogere prijzen en lonen' : 'lagere prijzen en lonen';
    case 'volume':
      return up ? `meer werk${which}` : `minder werk${which}`;
    case 'financiering':
      return up ? 'minder geld van Rijk en EU' : 'meer geld van Rijk en EU';
    case 'herstel':
      return up ? 'meer natuurherstel dan Programma Natuur betaalt' : 'minder natuurherstel zonder geld van Programma Natuur';
    case 'ontwikkeling':
      return `${c.kort ?? c.naam} (${c.naam})`;
  }
}

export interface DirectorPage {
  readonly zinnen: readonly Sentence[];
  readonly uitleg: readonly CellExplanation[];
  /** Developments whose cost the income they bring pays for (gap-neutral), for the chart's caption. */
  readonly neutraal: readonly { readonly naam: string; readonly kort: string; readonly kosten: Decimal; readonly start: number }[];
}

export interface DirectorInputs {
  /** Shares of the look-back's spending on published figures (NL), plain and with an assumed nature share. */
  readonly waargenomen: Decimal;
  readonly metAfbakening: Decimal;
  /** A variant's difference from its base in the gap of the last year (C0), when the run is a variant. */
  readonly variant?: { readonly basis: string; readonly verschil: Decimal; readonly cumulatief: Decimal };
}

/** The explanation of NL's gap in a year: the rule, the totals, and the lines that make them. */
function gapExplanation(run: ScenarioRun, y: number): CellExplanation {
  const r = run.result;
  const e = explain(r, { provincie: 'NL', jaar: y, post: 'tekort' });
  const line = (post: Parameters<typeof r.cell>[2]) => r.cell('NL', y, post);
  const titel = `Uitleg NL ${y} tekort`;
  return {
    id: slug(titel),
    titel,
    waarde: mln(e.waarde),
    status: e.status,
    regel: `${e.regel}: wat de provincies zelf betalen of laten liggen. Landelijk de som van de twaalf provincies; elke cel is herleidbaar met natuurpact uitleg <scenario> --provincie NL --jaar ${y} --post <post>.`,
    // Its inputs are the two totals, in the table below with the lines that make them.
    invoer: [],
    tabel: {
      header: ['post', `${y} (mln euro)`, 'status'],
      rows: [
        ...COST_TASKS.map((k) => [`kosten.${k}`, formatMillions(line(`kosten.${k}`).bedrag_eur), line(`kosten.${k}`).status]),
        ['kosten.totaal', formatMillions(line('kosten.totaal').bedrag_eur), line('kosten.totaal').status],
        ...INCOME_STREAMS.map((s) => [`inkomsten.${s}`, formatMillions(line(`inkomsten.${s}`).bedrag_eur), line(`inkomsten.${s}`).status]),
        ['inkomsten.totaal', formatMillions(line('inkomsten.totaal').bedrag_eur), line('inkomsten.totaal').status],
        ['tekort', formatMillions(line('tekort').bedrag_eur), line('tekort').status],
      ],
    },
  };
}

export function directorPage(run: ScenarioRun, inputs: DirectorInputs): DirectorPage {
  const r = run.result;
  const base = r.basisjaar;
  const { van, tot } = run.window;
  const gap = (y: number) => r.cell('NL', y, 'tekort').bedrag_eur;
  const uitleg: CellExplanation[] = [];
  const link = (e: CellExplanation, tekst = e.waarde): Segment => {
    if (!uitleg.some((x) => x.id === e.id)) uitleg.push(e);
    return { tekst, uitleg: e.id };
  };
  const zinnen: Sentence[] = [];

  // 1. The headline gap in the last year.
  const last = gapExplanation(run, tot);
  const kosten = r.cell('NL', tot, 'kosten.totaal').bedrag_eur;
  const inkomsten = r.cell('NL', tot, 'inkomsten.totaal').bedrag_eur;
  zinnen.push(
    gap(tot).isNegative()
      ? [`In ${tot} houden de provincies volgens deze berekening samen `, link(last, mln(gap(tot).negated())), ` over op hun natuurtaken: Rijk en EU betalen ${mln(inkomsten)}, de taken kosten ${mln(kosten)}.`]
      : [`In ${tot} komen de provincies volgens deze berekening samen `, link(last), ` tekort voor hun natuurtaken: de taken kosten ${mln(kosten)}, Rijk en EU betalen ${mln(inkomsten)}.`],
  );

  // 2. Direction, and the biggest step from one year to the next.
  const first = gapExplanation(run, base);
  const change = gap(tot).minus(gap(base));
  const flat = change.abs().lessThan(gap(base).abs().times('0.02'));
  const years = r.jaren.filter((y) => y > base && y <= tot);
  let step = years[0]!;
  for (const y of years) if (gap(y).minus(gap(y - 1)).abs().greaterThan(gap(step).minus(gap(step - 1)).abs())) step = y;
  const stepChange = gap(step).minus(gap(step - 1));
  const stepCauses = causes(run, 'NL', step).map((c, i) => ({ ...c, bedrag: step - 1 > base ? c.bedrag.minus(causes(run, 'NL', step - 1)[i]!.bedrag) : c.bedrag }));
  const stepCause = [...stepCauses].sort((a, b) => (stepChange.isNegative() ? a.bedrag.comparedTo(b.bedrag) : b.bedrag.comparedTo(a.bedrag)))[0]!;
  zinnen.push([
    flat ? 'Het tekort blijft ongeveer gelijk: ' : change.isNegative() ? 'Het tekort daalt: ' : 'Het tekort groeit: ',
    `in ${base}, het laatste jaar met gegevens, was het `,
    link(first),
    `. De grootste stap is in ${step} (`,
    link(gapExplanation(run, step), signed(stepChange)),
    `), vooral door ${causeText(stepCause, stepCause.soort === 'volume' ? mainTasks(run, 'NL', step - 1, step, !stepCause.bedrag.isNegative()) : [])}.`,
  ]);

  // 3. The main cause over base..tot, and what works against it.
  const all = causes(run, 'NL', tot);
  const neutral = all.filter((c) => c.soort === 'ontwikkeling' && c.kosten!.abs().greaterThan(c.bedrag.abs().times(20)) && !c.kosten!.isZero());
  const pairedOff = all.filter((c) => c.soort === 'herstel' && c.kosten!.abs().greaterThan(c.bedrag.abs().times(20)));
  const ranked = all.filter((c) => !neutral.includes(c) && !pairedOff.includes(c) && !c.bedrag.isZero());
  const up = ranked.filter((c) => !c.bedrag.isNegative()).sort((a, b) => b.bedrag.comparedTo(a.bedrag));
  const down = ranked.filter((c) => c.bedrag.isNegative()).sort((a, b) => a.bedrag.comparedTo(b.bedrag));
  const [main, counter] = change.isNegative() ? [down[0], up[0]] : [up[0], down[0]];
  const decompositionId = `Uitleg ontleding ${base}-${tot}`;
  const parts: CellExplanation = {
    id: slug(decompositionId),
    titel: decompositionId,
    waarde: signed(change),
    regel:
      `De verandering van het landelijke tekort van ${base} tot ${tot}, gesplitst in prijs (eenheidskosten: natuurkosten-, loon- en grondprijsindex), volume (hectares en taken), ` +
      'herstel tegenover Programma Natuur (herstel volgt het programma), ontwikkelingen (hun kosten min het geld dat zij meebrengen) en de overige financiering (verandering van de inkomsten van Rijk en EU, met minteken). ' +
      'Dit is de ontleding van het hoofdstuk Ontleding, anders gegroepeerd; de delen tellen exact op tot de verandering.',
    invoer: [],
    tabel: {
      header: ['oorzaak', 'kosten (mln euro)', 'inkomsten (mln euro)', 'effect op het tekort (mln euro)'],
      rows: [
        ...all.map((c) => [c.soort === 'ontwikkeling' ? `ontwikkeling ${c.naam}` : c.soort === 'financiering' ? 'financiering (zonder Programma Natuur en ontwikkelingen)' : c.soort === 'herstel' ? 'herstel tegenover Programma Natuur' : c.soort === 'volume' ? 'volume (zonder herstel)' : c.naam, c.kosten ? formatMillions(c.kosten) : '', c.inkomsten ? formatMillions(c.inkomsten) : '', formatMillions(c.bedrag)]),
        ['verandering van het tekort', '', '', formatMillions(change)],
      ],
    },
  };
  if (main) {
    zinnen.push([
      `Over ${base}-${tot} komt de verandering vooral door ${causeText(main, main.soort === 'volume' ? mainTasks(run, 'NL', base, tot, !main.bedrag.isNegative()) : [])} (`,
      link(parts, signed(main.bedrag)),
      counter ? `); in de andere richting werkt: ${causeText(counter)} (${signed(counter.bedrag)}).` : ').',
    ]);
  }

  // 4. How much rests on published figures.
  const observed = {
    id: slug('Uitleg waarneming'),
    titel: 'Uitleg waarneming',
    waarde: pct(inputs.waargenomen),
    regel:
      `Het deel van de uitgaven ${r.jaren[0]}-${base} (alle provincies, gewogen naar hun uitgaven) dat rust op cijfers die de provincie zelf publiceerde: een gepubliceerd taakcijfer, of een jaar waarvan het natuurtotaal gepubliceerd is. ` +
      'Met aangenomen natuurdeel: cijfers van een breder programma waarvan het natuurdeel een aanname is. De rest is geschat: landelijke bedragen verdeeld met verdeelsleutels, of het eigen niveau van de provincie uit andere jaren. De projectie is altijd een berekening met aannames (status schatting).',
    invoer: [],
  } satisfies CellExplanation;
  zinnen.push([
    inputs.metAfbakening.lessThan('0.5') ? 'Deze cijfers zijn grotendeels schattingen: van de uitgaven tot en met ' : 'Deze cijfers zijn voor een deel schattingen: van de uitgaven tot en met ',
    `${base} komt `,
    link(observed),
    ` uit cijfers die de provincies zelf publiceerden (`,
    link(observed, pct(inputs.metAfbakening)),
    ' met programma’s waarvan het natuurdeel is aangenomen); de rest en de hele projectie zijn berekend met aannames.',
  ]);

  // 5. What the constructions or the variant change, else which development is gap-neutral.
  if (run.comparison) {
    const nl = run.comparison.samenvatting.filter((s) => s.provincie === 'NL');
    const best = [...nl].sort((a, b) => a.cumulatiefTekortNetto.comparedTo(b.cumulatiefTekortNetto))[0]!;
    const c0 = nl.find((x) => x.constructie === 'C0')!;
    const name = run.comparison.constructies.find((c) => c.id === best.constructie)!.naam;
    const id = 'Uitleg constructies';
    const constructions: CellExplanation = {
      id: slug(id),
      titel: id,
      waarde: mln(best.cumulatiefTekortNetto),
      regel: `Per constructie het landelijke netto tekort (tekort plus uitvoeringslasten), opgeteld over ${van}-${tot}; de status quo is C0.`,
      invoer: [],
      tabel: { header: ['constructie', 'netto tekort (mln euro)', 'verschil met C0 (mln euro)'], rows: nl.map((s) => [s.constructie, formatMillions(s.cumulatiefTekortNetto), formatMillions(s.verschilMetC0)]) },
    };
    zinnen.push([`Van de ${nl.length} financieringsconstructies geeft ${best.constructie} (${name}) het kleinste tekort over ${van}-${tot}: `, link(constructions), ` samen, tegen ${mln(c0.cumulatiefTekortNetto)} in de status quo (C0).`]);
  } else if (inputs.variant) {
    const v = inputs.variant;
    const id = `Uitleg verschil met ${v.basis}`;
    const variant: CellExplanation = { id: slug(id), titel: id, waarde: signed(v.verschil), regel: `Het tekort van dit scenario min dat van ${v.basis} (status quo, landelijk); zie het hoofdstuk Wat deze variant verandert.`, invoer: [`over ${van}-${tot} samen: ${signed(v.cumulatief)}`] };
    zinnen.push(
      v.verschil.isZero() && v.cumulatief.isZero()
        ? [`Ten opzichte van ${v.basis} verandert het tekort in de status quo niet (`, link(variant, '0,0 mln'), ').']
        : [`Ten opzichte van ${v.basis} is het tekort in ${tot} `, link(variant, `${formatMillions(v.verschil.abs())} mln euro ${v.verschil.isNegative() ? 'lager' : 'hoger'}`), ` (over ${van}-${tot} samen ${formatMillions(v.cumulatief.abs())} mln ${v.cumulatief.isNegative() ? 'lager' : 'hoger'}).`],
    );
  } else if (neutral.length > 0) {
    const n = neutral[0]!;
    const start = r.plan.developments.find((d) => d.definitie.naam === n.naam)!.startjaar;
    zinnen.push([`De extra kosten van ${n.kort ?? n.naam} vanaf ${start} (`, link(parts, `${formatMillions(n.kosten!)} mln euro in ${tot}`), ') worden volledig betaald met het geld dat erbij komt: ze veranderen het tekort niet.']);
  }

  return {
    zinnen,
    uitleg,
    neutraal: neutral.map((c) => ({ naam: c.naam, kort: c.kort ?? c.naam, kosten: c.kosten!, start: r.plan.developments.find((d) => d.definitie.naam === c.naam)!.startjaar })),
  };
}

/** The plain text of a sentence (for tests and the Markdown writer). */
export const sentenceText = (s: Sentence) => s.map((x) => (typeof x === 'string' ? x : x.tekst)).join('');
