/**
 * The Provinciefonds ledger: the path of the algemene uitkering (AU, with the accres reserved for it)
 * and of the nature money folded into it.
 *
 * Look-back, years s0 .. b (s0 = `natuurdeel_au.startjaar`, b = 2023, the base stand), rule `stand`:
 *   AU_t  = the published AU stand of year t; between published years geometric interpolation
 *   AU*_t = AU_t − Σ_m L_m(t)   (m: the non-accres mutations known to be in the stands, e.g. the
 *           compensation for lost opcenten; unitemised task mutations stay in, see the methods)
 *   accres_t = AU*_t − AU*_{t−1},   g_t = AU*_t / AU*_{t−1}
 * Projection, years after b:
 *   AU_t = AU_{t−1} + accres_t + Σ_m (L_m(t) − L_m(t−1))        m: non-accres mutations
 *   bbp (t ≥ start):  accres_t = AU_{t−1} × (f_t − 1) + ΔT_t     f_t from the bbp rule (`bbp.ts`)
 *   normering:        accres_t = (A_t − A_{t−1}) + ΔT_t           A_t = Σ published accres parts, A_b = 0
 *   g_t = 1 + accres_t / AU_{t−1}
 * Nature part: N_{s0} = `natuurdeel_au.startbedrag`, N_t = N_{t−1} × g_t: it shares in the accres,
 * not in task mutations.
 *
 * - T are the accres tranches of earlier years already in the fund (tranche 2023 and its
 *   bijstellingen); their published amounts change over the years (the volume part of tranche 2023
 *   ends in 2026) and those changes are accres, so they count in `accres_t` and the nature part.
 * - A_t, the normering accres of year t, is the sum of published parts: the 2024 tranche already
 *   moved into the fund (OWB 2024) plus what the accres chapter still holds (Miljoenennota 2024)
 *   minus the BTW-compensatiefonds reservation that chapter also holds. Counting the tranche from the
 *   fund stand and again from the chapter would count it twice; the fund stand used here excludes it.
 *   The reservation is the Miljoenennota 2024 stand (`afgeleid-mn2024`): in a year whose tranche is
 *   already in the fund the chapter holds nothing else, so its 2024 stand (129 mln) is the
 *   reservation; later years add the yearly rise of the Miljoenennota 2022 stand (an estimate).
 * - Mutation levels L_m(t) follow the row's `aard` (see `MutationKind`): `reeks` the published amount
 *   of year t (the last amount held after the last published year), `structureel` the first amount
 *   from its first year on, `incidenteel` only in its own years. A budget-table mutation is an amount
 *   per year against the previous stand; it is never added to the base again every year.
 * - The default projection mutations: the OWB 2024 stand of the AU without its 2024 tranche, minus
 *   the 2023 stand and the changes of T (one derived series, `mutatie.overig_owb2024`), and the
 *   Voorjaarsnota 2024 decisions: the compensation in the grondslag (with the bbp-systematiek from
 *   2024) and the cancelled opschalingskorting oploop. The mutation "vervroeging bbp-systematiek" is
 *   not added: it is the difference between the two rules, which the ledger computes itself.
 *
 * Units: euros. Rounding: none (exact decimals).
 */
import type { Dataset, Fact, FundFact, MutationKind } from './dataset.js';
import { Decimal, ONE, ZERO, sum } from './decimal.js';
import { UserError } from './errors.js';
import { bbpFactor } from './indexation/bbp.js';
import type { IndexFactor, IndexOptions } from './indexation/types.js';
import { weakestStatus, type Status } from './status.js';
import { formatMlnText, formatSignificantNl } from './format.js';

export const DEFAULT_BBP_START = 2024;
/** The base stand: the AU of 2023 at the suppletoire begroting (Prinsjesdag 2023). */
export const AU_BASE = { post: 'algemene_uitkering', publicatie: 'psupp2023', jaar: 2023 } as const;

export interface FundRef {
  readonly post: string;
  readonly publicatie: string;
}
export interface AccresPart extends FundRef {
  /** -1 for a part that is in the published figure but is not accres (the BCF reservation). */
  readonly teken?: 1 | -1;
}

/** Published AU stands of the look-back years (the latest stand of each year in the data). */
export const DEFAULT_AU_STANDS: readonly { readonly jaar: number; readonly publicatie: string }[] = [
  { jaar: 2018, publicatie: '1supp2018' },
  { jaar: 2021, publicatie: '1supp2021' },
  { jaar: 2023, publicatie: 'psupp2023' },
];

/** Non-accres mutations inside the published look-back stands. */
export const DEFAULT_HISTORY_MUTATIONS: readonly FundRef[] = [
  { post: 'mutatie.compensatie_opcenten', publicatie: 'vjn2022' },
  { post: 'mutatie.bcf_ruimte_plafond', publicatie: 'owb2024' },
  { post: 'mutatie.au_natuur', publicatie: 'owb2023' },
  { post: 'mutatie.incidenteel_2023', publicatie: 'afgeleid-owb2024' },
];

/** Accres tranches of earlier years already in the fund (their yearly amounts, aard reeks). */
export const DEFAULT_EARLIER_TRANCHES: readonly FundRef[] = [
  { post: 'accres_tranche', publicatie: 'owb2023' },
  { post: 'accres_tranche.bijstelling', publicatie: 'owb2023' },
  { post: 'accres_tranche.bijstelling', publicatie: 'owb2024' },
  { post: 'accres_tranche.bijstelling', publicatie: 'vjn2023' },
  { post: 'accres_tranche.bijstelling2022', publicatie: 'vjn2023' },
];

/** The BTW-compensatiefonds reservation in the accres chapter: the Miljoenennota 2024 stand (see the module comment). */
export const BCF_RESERVATION = 'afgeleid-mn2024';

/** The normering accres of a year: tranche 2024 in the fund + accres chapter − BCF reservation. */
export const DEFAULT_NORMERING: readonly AccresPart[] = [
  { post: 'accres_tranche', publicatie: 'owb2024' },
  { post: 'accres', publicatie: 'mn2024' },
  { post: 'accres.reservering_bcf', publicatie: BCF_RESERVATION, teken: -1 },
];

/** Published mutations added to the AU after the base stand, by the start year of the bbp-systematiek. */
export function defaultMutations(startBbp: number): readonly FundRef[] {
  const stand = { post: 'mutatie.overig_owb2024', publicatie: 'afgeleid-owb2024' };
  const opschaling = { post: 'mutatie.opschalingskorting', publicatie: 'vjn2024' };
  return startBbp <= 2024 ? [stand, { post: 'mutatie.compensatie_grondslag', publicatie: 'vjn2024' }, opschaling] : [stand, opschaling];
}

export interface LedgerOptions extends IndexOptions {
  readonly tot: number;
  /** First year of the bbp-systematiek (default 2024; 2027 as first decided). */
  readonly startBbp?: number;
  readonly normering?: readonly AccresPart[];
  readonly vroegereTranches?: readonly FundRef[];
  readonly mutaties?: readonly FundRef[];
  readonly standen?: readonly { readonly jaar: number; readonly publicatie: string }[];
  readonly historieMutaties?: readonly FundRef[];
}

export type LedgerRule = 'stand' | 'normering' | 'bbp';

/** One mutation's contribution to a year: its level and its change against the year before. */
export interface MutationStep {
  readonly post: string;
  readonly publicatie: string;
  readonly aard: MutationKind;
  readonly niveau: Decimal;
  readonly verandering: Decimal;
  readonly status: Status;
  readonly bron: readonly string[];
}

export interface LedgerYear {
  readonly jaar: number;
  readonly regel: LedgerRule;
  /** Growth of the AU from the accres alone: g_t (the nature part's growth). */
  readonly groeifactor: Decimal;
  readonly accres: Decimal;
  /** The part of `accres` from the rule: the bbp growth, the normering difference, or the look-back growth. */
  readonly accresRegel: Decimal;
  /** The part of `accres` from changes of earlier accres tranches already in the fund (ΔT). */
  readonly accresTranches: Decimal;
  /** Σ of the mutation changes in this year (non-accres). */
  readonly mutatie: Decimal;
  readonly mutaties: readonly MutationStep[];
  readonly algemeneUitkering: Decimal;
  readonly natuurdeel: Decimal;
  readonly status: { readonly algemeneUitkering: Status; readonly accres: Status; readonly mutaties: Status; readonly natuurdeel: Status };
  readonly bron: readonly string[];
  /** The bbp factor of the year (rule `bbp`). */
  readonly index?: IndexFactor;
  readonly explanation: string;
}

export interface Ledger {
  /** s0: the first year of the nature part (its starting stand). */
  readonly startjaar: number;
  /** b: the year of the base stand, the last look-back year. */
  readonly basisjaar: number;
  readonly basis: { readonly algemeneUitkering: FundFact; readonly natuurdeel: Fact; readonly startjaar: Fact };
  /** s0 itself and every later year up to `tot`. */
  readonly jaren: readonly LedgerYear[];
}

const mln = (d: Decimal) => formatMlnText(d);
const nlNumber = formatSignificantNl;

function rowsOf(data: Pick<Dataset, 'provinciefonds'>, ref: FundRef): FundFact[] {
  return data.provinciefonds.filter((r) => r.post === ref.post && r.publicatie === ref.publicatie && r.provincie === 'NL');
}

function assumptionValue(data: Pick<Dataset, 'aannames'>, naam: string): Fact {
  const row = data.aannames.find((a) => a.naam === naam);
  if (!row) throw new UserError({ message: `aanname '${naam}' ontbreekt in aannames.csv` });
  return row;
}

const where = (r: FundFact) => `${r.herkomst.file}:${r.herkomst.line}`;

/**
 * A mutation's level per year by its `aard`. Throws a located error for a row set that has no aard,
 * mixes aarden, or is `structureel` with different amounts.
 */
export function mutationLevels(data: Pick<Dataset, 'provinciefonds'>, ref: FundRef): MutationLevels {
  let byRef = levelCache.get(data.provinciefonds);
  if (!byRef) levelCache.set(data.provinciefonds, (byRef = new Map()));
  const key = `${ref.post}\u0000${ref.publicatie}`;
  let levels = byRef.get(key);
  if (!levels) byRef.set(key, (levels = computeLevels(data, ref)));
  return levels;
}

interface MutationLevels {
  readonly aard: MutationKind;
  level(jaar: number): { waarde: Decimal; rij?: FundFact };
}

/** Levels per (fund rows, mutation), computed once: the data is immutable once loaded. */
const levelCache = new WeakMap<readonly FundFact[], Map<string, MutationLevels>>();

function computeLevels(data: Pick<Dataset, 'provinciefonds'>, ref: FundRef): MutationLevels {
  const rows = rowsOf(data, ref).sort((a, b) => a.jaar - b.jaar);
  if (rows.length === 0) throw new UserError({ message: `provinciefonds.csv: mutatie '${ref.post}' (${ref.publicatie}, NL) ontbreekt` });
  const missing = rows.find((r) => r.aard === undefined);
  if (missing) {
    throw new UserError({ file: missing.herkomst.file, line: missing.herkomst.line, field: 'aard', message: `mutatie '${ref.post}' (${ref.publicatie}) heeft geen aard: verwacht structureel, incidenteel of reeks` });
  }
  const aard = rows[0]!.aard!;
  const other = rows.find((r) => r.aard !== aard);
  if (other) {
    throw new UserError({ file: other.herkomst.file, line: other.herkomst.line, field: 'aard', message: `mutatie '${ref.post}' (${ref.publicatie}) is hier '${other.aard}' maar op ${where(rows[0]!)} '${aard}'; één aard per mutatie` });
  }
  if (aard === 'structureel') {
    const differs = rows.find((r) => !r.waarde.equals(rows[0]!.waarde));
    if (differs) {
      throw new UserError({
        file: differs.herkomst.file,
        line: differs.herkomst.line,
        field: 'waarde',
        message: `structurele mutatie '${ref.post}' (${ref.publicatie}) heeft in ${differs.jaar} ${mln(differs.waarde)}, in ${rows[0]!.jaar} ${mln(rows[0]!.waarde)}; een bedrag dat per jaar verschilt is een reeks (aard reeks)`,
      });
    }
  }
  const byYear = new Map(rows.map((r) => [r.jaar, r] as const));
  const first = rows[0]!.jaar;
  return {
    aard,
    level: (jaar) => {
      if (jaar < first) return { waarde: ZERO };
      if (aard === 'structureel') return { waarde: rows[0]!.waarde, rij: rows[0]! };
      const own = byYear.get(jaar);
      if (own) return { waarde: own.waarde, rij: own };
      if (aard === 'incidenteel') return { waarde: ZERO };
      const before = rows.filter((r) => r.jaar < jaar).at(-1)!;
      return { waarde: before.waarde, rij: before };
    },
  };
}

function stepsOf(data: Dataset, refs: readonly FundRef[], jaar: number): MutationStep[] {
  return refs.map((ref) => {
    const m = mutationLevels(data, ref);
    const now = m.level(jaar);
    const before = m.level(jaar - 1);
    const rij = now.rij ?? before.rij;
    return {
      post: ref.post,
      publicatie: ref.publicatie,
      aard: m.aard,
      niveau: now.waarde,
      verandering: now.waarde.minus(before.waarde),
      status: rij?.status ?? 'afgeleid',
      bron: rij?.bron ?? [],
    };
  });
}

/** The normering accres level A_t: the sum of the published parts of year t (A of the base year is 0). */
function normeringLevel(data: Dataset, parts: readonly AccresPart[], jaar: number, basisjaar: number): { waarde: Decimal; rows: FundFact[] } {
  if (jaar <= basisjaar) return { waarde: ZERO, rows: [] };
  const rows: FundFact[] = [];
  let total = ZERO;
  for (const part of parts) {
    const all = rowsOf(data, part);
    if (all.length === 0) throw new UserError({ message: `geen reeks '${part.post}' van publicatie '${part.publicatie}' in provinciefonds.csv (nodig voor het normeringsaccres)` });
    const row = all.find((r) => r.jaar === jaar);
    if (!row) {
      const years = all.map((r) => r.jaar);
      throw new UserError({ message: `${part.post} ${jaar} ontbreekt in publicatie '${part.publicatie}' (die heeft ${Math.min(...years)}-${Math.max(...years)}); kies een eerder startjaar van de bbp-systematiek` });
    }
    rows.push(row);
    total = part.teken === -1 ? total.minus(row.waarde) : total.plus(row.waarde);
  }
  return { waarde: total, rows };
}

function statusOf(steps: readonly MutationStep[]): Status {
  const contributing = steps.filter((s) => !s.verandering.isZero());
  return contributing.length === 0 ? 'afgeleid' : weakestStatus(contributing.map((s) => s.status));
}

function describeSteps(steps: readonly MutationStep[]): string {
  const moving = steps.filter((s) => !s.verandering.isZero());
  return moving.length === 0 ? '' : `; mutaties: ${moving.map((s) => `${s.post} ${mln(s.verandering)} (${s.publicatie}, ${s.aard}; niveau ${mln(s.niveau)})`).join(', ')}`;
}

/** The published AU stand of a year, by the stands list. */
function standRow(data: Dataset, stands: LedgerOptions['standen'] & object, jaar: number): FundFact | undefined {
  const s = stands.find((x) => x.jaar === jaar);
  return s ? rowsOf(data, { post: AU_BASE.post, publicatie: s.publicatie }).find((r) => r.jaar === jaar) : undefined;
}

/** The look-back years s0 .. b: published stands, interpolated between, without the listed mutations. */
function historyYears(data: Dataset, options: LedgerOptions, s0: number, natureBase: Fact): LedgerYear[] {
  const stands = options.standen ?? DEFAULT_AU_STANDS;
  const refs = options.historieMutaties ?? DEFAULT_HISTORY_MUTATIONS;
  const b = AU_BASE.jaar;
  const published = new Map<number, { row: FundFact; net: Decimal; steps: MutationStep[] }>();
  // The stands from the last one in or before s0 up to b; earlier stands are not needed.
  const from = Math.max(...stands.filter((s) => s.jaar <= s0).map((s) => s.jaar));
  if (!Number.isFinite(from)) {
    throw new UserError({ message: `geen gepubliceerde stand van de algemene uitkering in of vóór het startjaar ${s0} van het natuurdeel (standen: ${stands.map((s) => s.jaar).join(', ')})` });
  }
  for (const s of stands) {
    if (s.jaar > b || s.jaar < from) continue;
    const row = standRow(data, stands, s.jaar);
    if (!row) throw new UserError({ message: `algemene uitkering ${s.jaar} (${s.publicatie}) ontbreekt in provinciefonds.csv: nodig als stand van de terugblik` });
    const steps = stepsOf(data, refs, s.jaar);
    published.set(s.jaar, { row, net: row.waarde.minus(sum(steps.map((x) => x.niveau))), steps });
  }
  const years = [...published.keys()].sort((a, c) => a - c);
  if (!published.has(b)) throw new UserError({ message: `algemene uitkering ${b} (${AU_BASE.publicatie}) ontbreekt in provinciefonds.csv: nodig als beginstand` });
  // AU* between published years: geometric interpolation.
  const net = (jaar: number): { waarde: Decimal; gepubliceerd: boolean } => {
    const own = published.get(jaar);
    if (own) return { waarde: own.net, gepubliceerd: true };
    const lo = years.filter((y) => y < jaar).at(-1);
    const hi = years.find((y) => y > jaar);
    if (lo === undefined || hi === undefined) throw new UserError({ message: `geen stand van de algemene uitkering rond ${jaar} om te interpoleren` });
    const a = published.get(lo)!.net;
    const c = published.get(hi)!.net;
    return { waarde: a.times(c.dividedBy(a).pow(new Decimal(jaar - lo).dividedBy(hi - lo))), gepubliceerd: false };
  };
  const out: LedgerYear[] = [];
  let nature = natureBase.waarde;
  let prevNet = net(s0).waarde;
  const startSteps = stepsOf(data, refs, s0);
  out.push({
    jaar: s0,
    regel: 'stand',
    groeifactor: ONE,
    accres: ZERO,
    accresRegel: ZERO,
    accresTranches: ZERO,
    mutatie: ZERO,
    mutaties: [],
    algemeneUitkering: prevNet.plus(sum(startSteps.map((x) => x.niveau))),
    natuurdeel: nature,
    status: { algemeneUitkering: published.has(s0) ? published.get(s0)!.row.status : 'schatting', accres: 'afgeleid', mutaties: 'afgeleid', natuurdeel: natureBase.status },
    bron: [...(published.get(s0)?.row.bron ?? []), ...natureBase.bron],
    explanation: `beginstand: natuurdeel ${mln(nature)} (natuurdeel_au.startbedrag); algemene uitkering ${published.has(s0) ? `${mln(published.get(s0)!.row.waarde)} (${published.get(s0)!.row.publicatie})` : 'geïnterpoleerd'}`,
  });
  for (let t = s0 + 1; t <= b; t++) {
    const cur = net(t);
    const steps = stepsOf(data, refs, t);
    const g = cur.waarde.dividedBy(prevNet);
    nature = nature.times(g);
    const row = published.get(t)?.row;
    const lo = years.filter((y) => y < t).at(-1);
    const hi = years.find((y) => y >= t);
    out.push({
      jaar: t,
      regel: 'stand',
      groeifactor: g,
      accres: cur.waarde.minus(prevNet),
      accresRegel: cur.waarde.minus(prevNet),
      accresTranches: ZERO,
      mutatie: sum(steps.map((x) => x.verandering)),
      mutaties: steps,
      algemeneUitkering: cur.waarde.plus(sum(steps.map((x) => x.niveau))),
      natuurdeel: nature,
      status: { algemeneUitkering: row?.status ?? 'schatting', accres: 'schatting', mutaties: statusOf(steps), natuurdeel: 'schatting' },
      bron: [...new Set([...(row?.bron ?? []), ...steps.flatMap((x) => x.bron), ...natureBase.bron])],
      explanation:
        (row ? `terugblik: algemene uitkering ${t} ${mln(row.waarde)} (${row.publicatie})` : `terugblik: algemene uitkering ${t} geïnterpoleerd tussen de standen ${lo} en ${hi} (meetkundig)`) +
        `; zonder de genoemde mutaties ${mln(cur.waarde)}; groei ${nlNumber(g, 10)} (groei van de stand zonder die mutaties: accres en niet uitgesplitste taakmutaties)` +
        describeSteps(steps),
    });
    prevNet = cur.waarde;
  }
  return out;
}

/**
 * Runs the ledger from the nature part's start year to `options.tot`.
 *
 * @example
 *   provinciefondsLedger(data, { tot: 2030 }).jaren.at(-1)?.natuurdeel
 */
export function provinciefondsLedger(data: Dataset, options: LedgerOptions): Ledger {
  const startBbp = options.startBbp ?? DEFAULT_BBP_START;
  const startYearFact = assumptionValue(data, 'natuurdeel_au.startjaar');
  const s0 = startYearFact.waarde.toNumber();
  const b = AU_BASE.jaar;
  if (!Number.isInteger(s0) || s0 > b) {
    throw new UserError({ message: `natuurdeel_au.startjaar ${startYearFact.waarde.toString()}: verwacht een jaar tot en met ${b}, het jaar van de beginstand van de algemene uitkering` });
  }
  if (startBbp <= b) throw new UserError({ message: `het startjaar van de bbp-systematiek (${startBbp}) moet na ${b} liggen` });
  if (options.tot <= b) throw new UserError({ message: `het eindjaar ${options.tot} ligt niet na het beginjaar ${b}` });
  const natureBase = assumptionValue(data, 'natuurdeel_au.startbedrag');
  const auBase = rowsOf(data, AU_BASE).find((r) => r.jaar === b);
  if (!auBase) throw new UserError({ message: `algemene uitkering ${b} (${AU_BASE.publicatie}) ontbreekt in provinciefonds.csv: nodig als beginstand` });

  const years: LedgerYear[] = historyYears(data, options, s0, natureBase);
  const mutationRefs = options.mutaties ?? defaultMutations(startBbp);
  const trancheRefs = options.vroegereTranches ?? DEFAULT_EARLIER_TRANCHES;
  const parts = options.normering ?? DEFAULT_NORMERING;

  let au = auBase.waarde;
  let nature = years.at(-1)!.natuurdeel;
  for (let t = b + 1; t <= options.tot; t++) {
    const steps = stepsOf(data, mutationRefs, t);
    const tranches = stepsOf(data, trancheRefs, t);
    const mutationSum = sum(steps.map((s) => s.verandering));
    const trancheChange = sum(tranches.map((s) => s.verandering));
    let accres: Decimal;
    let byRule: Decimal;
    let accresStatus: Status;
    let index: IndexFactor | undefined;
    let explanation: string;
    const bron: string[] = [];
    if (t >= startBbp) {
      index = bbpFactor(t, data, options);
      const growth = au.times(index.factor.minus(ONE));
      byRule = growth;
      accres = growth.plus(trancheChange);
      accresStatus = 'schatting';
      bron.push(...index.inputs.flatMap((i) => i.bron));
      explanation = `bbp-systematiek: accres = AU ${t - 1} ${mln(au)} × (factor ${nlNumber(index.factor, 10)} − 1) = ${mln(growth)}`;
    } else {
      const now = normeringLevel(data, parts, t, b);
      const before = normeringLevel(data, parts, t - 1, b);
      const delta = now.waarde.minus(before.waarde);
      byRule = delta;
      accres = delta.plus(trancheChange);
      accresStatus = weakestStatus([...now.rows, ...before.rows].map((r) => r.status));
      bron.push(...now.rows.flatMap((r) => r.bron));
      explanation =
        `normering: accres = A ${t} − A ${t - 1} = ${mln(now.waarde)} − ${mln(before.waarde)} = ${mln(delta)}; A = ` +
        parts.map((p) => `${p.teken === -1 ? '− ' : ''}${p.post} (${p.publicatie})`).join(' + ').replace(/\+ − /g, '− ');
    }
    const movingTranches = tranches.filter((s) => !s.verandering.isZero());
    if (movingTranches.length > 0) {
      explanation += `; wijziging eerdere accrestranches ${mln(trancheChange)}: ${movingTranches.map((s) => `${s.post} (${s.publicatie}) naar ${mln(s.niveau)}`).join(', ')}`;
    }
    const g = ONE.plus(accres.dividedBy(au));
    au = au.plus(accres).plus(mutationSum);
    nature = nature.times(g);
    years.push({
      jaar: t,
      regel: t >= startBbp ? 'bbp' : 'normering',
      groeifactor: g,
      accres,
      accresRegel: byRule,
      accresTranches: trancheChange,
      mutatie: mutationSum,
      mutaties: steps,
      algemeneUitkering: au,
      natuurdeel: nature,
      status: { algemeneUitkering: 'schatting', accres: accresStatus, mutaties: statusOf(steps), natuurdeel: 'schatting' },
      bron: [...new Set([...bron, ...tranches.flatMap((s) => s.bron), ...steps.flatMap((s) => s.bron)])],
      ...(index ? { index } : {}),
      explanation: `${explanation}; groei van het natuurdeel ${nlNumber(g, 10)}${describeSteps(steps)}`,
    });
  }
  return { startjaar: s0, basisjaar: b, basis: { algemeneUitkering: auBase, natuurdeel: natureBase, startjaar: startYearFact }, jaren: years };
}

/** Look-back ledgers per (fund rows, assumptions), computed once: the data is immutable once loaded. */
const historyCache = new WeakMap<readonly FundFact[], WeakMap<readonly Fact[], Map<number, LedgerYear>>>();

/**
 * The nature part of the AU in the look-back years s0 .. b (national), for the estimation step: it
 * needs no macro figures and no scenario.
 *
 * @example
 *   natureShareHistory(data).get(2023)?.natuurdeel
 */
export function natureShareHistory(data: Dataset): Map<number, LedgerYear> {
  let byAssumptions = historyCache.get(data.provinciefonds);
  if (!byAssumptions) historyCache.set(data.provinciefonds, (byAssumptions = new WeakMap()));
  const cached = byAssumptions.get(data.aannames);
  if (cached) return cached;
  const s0 = assumptionValue(data, 'natuurdeel_au.startjaar').waarde.toNumber();
  if (!Number.isInteger(s0) || s0 > AU_BASE.jaar) {
    throw new UserError({ message: `natuurdeel_au.startjaar: verwacht een jaar tot en met ${AU_BASE.jaar}` });
  }
  const out = new Map(historyYears(data, { tot: AU_BASE.jaar }, s0, assumptionValue(data, 'natuurdeel_au.startbedrag')).map((y) => [y.jaar, y] as const));
  byAssumptions.set(data.aannames, out);
  return out;
}
