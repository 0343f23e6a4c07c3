/**
 * The Provinciefonds ledger: the path of the algemene uitkering (AU) and of the nature money folded
 * into it.
 *
 *   bbp years (t >= start):      AU_t = AU_{t-1} × f_t + M_t         f_t from the bbp rule
 *   normering years (t < start): AU_t = AU_{t-1} + (A_t − A_{t-1}) + M_t
 *   nature part:                 N_t  = N_{t-1} × g_t,   g_t = (AU_t − M_t) / AU_{t-1}
 *
 * - A_t is the published cumulative accres of year t in one publication's accres table (the
 *   reserved accres relative to the year before its first year, so A of that year is 0); default
 *   the Miljoenennota 2024 stand (`mn2024`), the last stand made under normering.
 * - M_t are the published mutations chosen for the run: by default, with the bbp-systematiek from
 *   2024, the compensation in the grondslag and the cancelled opschalingskorting oploop (Voorjaarsnota
 *   2024); with a later start, only the opschalingskorting. The mutation "vervroeging
 *   bbp-systematiek" is not added: it is the difference between the two rules, which the ledger
 *   computes itself.
 * - The nature part grows with the accres only (not with mutations); its starting level and year are
 *   the assumptions `natuurdeel_au.startbedrag` and `natuurdeel_au.startjaar`.
 *
 * Units: euros. Rounding: none (exact decimals).
 */
import type { Dataset, Fact, FundFact } from './dataset.js';
import { Decimal, ONE, ZERO, sum } from './decimal.js';
import { UserError } from './errors.js';
import { bbpFactor } from './indexation/bbp.js';
import type { IndexOptions } from './indexation/types.js';
import { formatMlnText, formatSignificantNl } from './format.js';

export const DEFAULT_BBP_START = 2024;
export const DEFAULT_NORMERING_PUBLICATION = 'mn2024';
export const AU_BASE = { post: 'algemene_uitkering', publicatie: 'psupp2023' } as const;

/** Published mutations added to the AU, by the start year of the bbp-systematiek. */
export function defaultMutations(startBbp: number): readonly { post: string; publicatie: string }[] {
  const opschaling = { post: 'mutatie.opschalingskorting', publicatie: 'vjn2024' };
  return startBbp <= 2024 ? [{ post: 'mutatie.compensatie_grondslag', publicatie: 'vjn2024' }, opschaling] : [opschaling];
}

export interface LedgerOptions extends IndexOptions {
  readonly tot: number;
  /** First year of the bbp-systematiek (default 2024; 2027 as first decided). */
  readonly startBbp?: number;
  readonly normeringPublicatie?: string;
  readonly mutaties?: readonly { post: string; publicatie: string }[];
}

export interface LedgerYear {
  readonly jaar: number;
  readonly regel: 'bbp' | 'normering';
  /** Growth factor of the AU from the accres alone. */
  readonly groeifactor: Decimal;
  readonly accres: Decimal;
  readonly mutaties: readonly FundFact[];
  readonly algemeneUitkering: Decimal;
  readonly natuurdeel: Decimal;
  readonly explanation: string;
}

export interface Ledger {
  readonly basisjaar: number;
  readonly basis: { readonly algemeneUitkering: Fact; readonly natuurdeel: Fact };
  readonly jaren: readonly LedgerYear[];
}

function fundRow(data: Pick<Dataset, 'provinciefonds'>, post: string, publicatie: string, jaar: number): FundFact | undefined {
  return data.provinciefonds.find((r) => r.post === post && r.publicatie === publicatie && r.jaar === jaar && r.provincie === 'NL');
}

function assumptionValue(data: Pick<Dataset, 'aannames'>, naam: string): Fact {
  const row = data.aannames.find((a) => a.naam === naam);
  if (!row) throw new UserError({ message: `aanname '${naam}' ontbreekt in aannames.csv` });
  return row;
}

/** The cumulative accres A_t of a publication; 0 for the year before its first year. */
function cumulativeAccres(data: Pick<Dataset, 'provinciefonds'>, publicatie: string, jaar: number): Decimal {
  const rows = data.provinciefonds.filter((r) => r.post === 'accres' && r.publicatie === publicatie && r.provincie === 'NL');
  if (rows.length === 0) throw new UserError({ message: `geen accresreeks van publicatie '${publicatie}' in provinciefonds.csv` });
  const first = Math.min(...rows.map((r) => r.jaar));
  if (jaar === first - 1) return ZERO;
  const row = rows.find((r) => r.jaar === jaar);
  if (!row) {
    throw new UserError({ message: `accres ${jaar} ontbreekt in publicatie '${publicatie}' (die heeft ${first}-${Math.max(...rows.map((r) => r.jaar))})` });
  }
  return row.waarde;
}

const mln = (d: Decimal) => formatMlnText(d);
const nlNumber = formatSignificantNl;

/**
 * Runs the ledger from the base year (the nature part's start year, where the AU stand is
 * published) to `options.tot`.
 *
 * @example
 *   provinciefondsLedger(data, { tot: 2030 }).jaren.at(-1)?.natuurdeel
 */
export function provinciefondsLedger(data: Dataset, options: LedgerOptions): Ledger {
  const startBbp = options.startBbp ?? DEFAULT_BBP_START;
  const startYearFact = assumptionValue(data, 'natuurdeel_au.startjaar');
  const basisjaar = startYearFact.waarde.toNumber();
  const auBase = fundRow(data, AU_BASE.post, AU_BASE.publicatie, basisjaar);
  if (!auBase) {
    throw new UserError({ message: `algemene uitkering ${basisjaar} (${AU_BASE.publicatie}) ontbreekt in provinciefonds.csv: nodig als beginstand` });
  }
  const natureBase = assumptionValue(data, 'natuurdeel_au.startbedrag');
  if (options.tot <= basisjaar) throw new UserError({ message: `het eindjaar ${options.tot} ligt niet na het beginjaar ${basisjaar}` });
  const mutationSpec = options.mutaties ?? defaultMutations(startBbp);
  const normeringPub = options.normeringPublicatie ?? DEFAULT_NORMERING_PUBLICATION;

  let au = auBase.waarde;
  let nature = natureBase.waarde;
  const years: LedgerYear[] = [];
  for (let t = basisjaar + 1; t <= options.tot; t++) {
    const mutaties = mutationSpec.map((m) => fundRow(data, m.post, m.publicatie, t)).filter((m): m is FundFact => m !== undefined);
    const mutationSum = sum(mutaties.map((m) => m.waarde));
    let groeifactor: Decimal;
    let accres: Decimal;
    let explanation: string;
    if (t >= startBbp) {
      const f = bbpFactor(t, data, options);
      groeifactor = f.factor;
      accres = au.times(f.factor.minus(ONE));
      explanation = `bbp-systematiek: accres = AU ${t - 1} ${mln(au)} × (factor ${nlNumber(f.factor, 10)} − 1); ${f.explanation}`;
    } else {
      const delta = cumulativeAccres(data, normeringPub, t).minus(cumulativeAccres(data, normeringPub, t - 1));
      accres = delta;
      groeifactor = au.plus(delta).dividedBy(au);
      explanation = `normering: accres = A ${t} − A ${t - 1} uit ${normeringPub} = ${mln(delta)}`;
    }
    au = au.plus(accres).plus(mutationSum);
    nature = nature.times(groeifactor);
    years.push({
      jaar: t,
      regel: t >= startBbp ? 'bbp' : 'normering',
      groeifactor,
      accres,
      mutaties,
      algemeneUitkering: au,
      natuurdeel: nature,
      explanation:
        explanation +
        (mutaties.length > 0 ? `; mutaties: ${mutaties.map((m) => `${m.post} ${mln(m.waarde)} (${m.publicatie})`).join(', ')}` : ''),
    });
  }
  return { basisjaar, basis: { algemeneUitkering: auBase, natuurdeel: natureBase }, jaren: years };
}
