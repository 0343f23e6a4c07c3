/**
 * The estimation step: turning what is published into a complete province × year × task history
 * of nature spending (2014-2023), and province × year income for the Natuurpact streams, each
 * estimated value with status `schatting`, its method in words and the source ids it used.
 *
 * Public data gives neither realised nature spending per province per year per task, nor the
 * Natuurpact key per province. The method, one paragraph per estimate (the README repeats it):
 *
 * 1. **Estimation key** `schattingssleutel`: a province's share is its share in the published
 *    provincial nature spending of the anchor year (the year with a published national total and
 *    the most published province totals: CBS, 2015) where it published one; the provinces without
 *    one share the rest in proportion to their land area (`provincies.csv`, kenmerk
 *    `oppervlakte_land`, latest year with all twelve). A complete key named `natuurpact` in
 *    `sleutels.csv` (the real key, when a user has it) replaces this estimate.
 * 2. **National spending per task and year** from the agreements and the cost drivers:
 *    natuurbeheer = Natuurpact beheer − ANLb; anlb = ANLb paid to collectives; verwerving and
 *    inrichting = Natuurpact ontwikkeling split by the assumption `aandeel_verwerving_in_ontwikkeling`;
 *    herstel = Programma Natuur fase 1 spread evenly over its years (before it: the assumption
 *    `herstel_voor_programma_natuur`); soorten = faunaschade paid; uitvoering = the assumption
 *    `aandeel_uitvoering` × the other tasks. A driver missing for a year is interpolated linearly
 *    between the nearest published years, or held at the nearest published year outside them.
 * 3. **Province spending** = national × the province's key share. Where the province publishes a
 *    figure for a task and year, that figure is used and no estimate is made; where it publishes only
 *    a total for a year, its estimated tasks are scaled to sum to that total.
 * 4. **Province income** per stream and year (`natuurpact` = DU Natuur, `eu` = POP3 co-financing,
 *    `programma_natuur` = fase 1, `eigen_middelen` = the agreed provincial contribution): the
 *    national amount minus what provinces publish themselves, shared over the other provinces by
 *    key. DU Natuur for a year without a published stand takes the nearest year's stand.
 *
 * Estimated amounts are rounded to whole cents (ROUND_HALF_EVEN, see `cents`), the declared rounding
 * point; key shares are not rounded.
 */
import { COST_TASKS } from './dataset.js';
import type {
  AgreementFact,
  Dataset,
  Fact,
  FundFact,
  IncomeFact,
  KeyShare,
  Origin,
  SpendingFact,
  Stream,
  Task,
} from './dataset.js';
import { Decimal, ONE, ZERO, cents, sum } from './decimal.js';
import { UserError } from './errors.js';
import { PROVINCE_CODES, type ProvinceCode } from './provinces.js';
import { PUBLISHED_STATUSES } from './status.js';
import { formatMlnText, formatNumberNl } from './format.js';

export const HISTORY_FIRST_YEAR = 2014;
export const HISTORY_LAST_YEAR = 2023;
export const HISTORY_YEARS: readonly number[] = Array.from(
  { length: HISTORY_LAST_YEAR - HISTORY_FIRST_YEAR + 1 },
  (_, i) => HISTORY_FIRST_YEAR + i,
);

/** The seven tasks with their own cost line (not `totaal`). */
export { COST_TASKS };

/** Names of the data this step reads; a user's data can replace any of them. */
export const ESTIMATION_INPUTS = {
  beheer: 'natuurpact.beheer',
  ontwikkeling: 'natuurpact.ontwikkeling',
  euCofinanciering: 'natuurpact.beheer.eu_pop3',
  provincialeBijdrage: 'natuurpact.beheer.provincies',
  programmaNatuurFase1: 'programma_natuur.fase1',
  anlb: 'anlb_uitbetaald',
  faunaschade: 'faunaschade',
  duNatuur: 'du_natuur',
  keyIndicator: 'oppervlakte_land',
  realKey: 'natuurpact',
  estimatedKey: 'schattingssleutel',
  shareAcquisition: 'aandeel_verwerving_in_ontwikkeling',
  shareExecution: 'aandeel_uitvoering',
  restorationBefore: 'herstel_voor_programma_natuur',
} as const;

/** Assumptions the estimation step uses: changing them changes the history. */
export const HISTORY_ASSUMPTIONS: readonly string[] = [
  ESTIMATION_INPUTS.shareAcquisition,
  ESTIMATION_INPUTS.shareExecution,
  ESTIMATION_INPUTS.restorationBefore,
];

const ESTIMATE_ORIGIN: Origin = { file: 'schattingsstap', line: 0, laag: 'schatting' };

/** A national amount for one year with how it was found. */
interface Derived {
  readonly value: Decimal;
  readonly method: string;
  readonly bron: readonly string[];
}

const mln = (euros: Decimal) => formatMlnText(euros);
const share = (s: Decimal) => formatNumberNl(s, 6);

function missing(what: string): UserError {
  return new UserError({
    message: `schattingsstap: ${what} ontbreekt in de gegevens; vul het aan of lever eigen cijfers met --data`,
  });
}

function agreementFor(data: Dataset, onderdeel: string, year: number): AgreementFact {
  const row = data.natuurpact.find(
    (r) => r.onderdeel === onderdeel && r.provincie === 'NL' && r.grondslag === 'per_jaar' && r.van <= year && year <= r.tot,
  );
  if (!row) throw missing(`natuurpact.csv: onderdeel '${onderdeel}' (NL, per_jaar) voor ${year}`);
  return row;
}

function assumption(data: Dataset, naam: string): Fact {
  const row = data.aannames.find((a) => a.naam === naam);
  if (!row) throw missing(`aannames.csv: aanname '${naam}'`);
  return row;
}

/**
 * A yearly NL series from published rows: the year's own value, else linear interpolation between
 * the nearest published years, else the nearest published year's value.
 */
export function seriesValue(
  rows: readonly (Fact & { jaar: number })[],
  year: number,
  label: string,
): Derived {
  const sorted = [...rows].sort((a, b) => a.jaar - b.jaar);
  if (sorted.length === 0) throw missing(`reeks '${label}' (NL)`);
  const exact = sorted.find((r) => r.jaar === year);
  if (exact) return { value: exact.waarde, method: `${label} ${year} ${mln(exact.waarde)}`, bron: exact.bron };
  const before = sorted.filter((r) => r.jaar < year).at(-1);
  const after = sorted.find((r) => r.jaar > year);
  if (before && after) {
    const t = new Decimal(year - before.jaar).dividedBy(after.jaar - before.jaar);
    const value = before.waarde.plus(after.waarde.minus(before.waarde).times(t));
    return {
      value,
      method: `${label} ${year} lineair tussen ${before.jaar} (${mln(before.waarde)}) en ${after.jaar} (${mln(after.waarde)}) = ${mln(value)}`,
      bron: [...before.bron, ...after.bron],
    };
  }
  const nearest = (before ?? after)!;
  return {
    value: nearest.waarde,
    method: `${label} ${year} niet gepubliceerd; gelijk aan ${nearest.jaar} (${mln(nearest.waarde)})`,
    bron: nearest.bron,
  };
}

function nlDriver(data: Dataset, driver: string) {
  return data.kostendrivers.filter((d) => d.driver === driver && d.provincie === 'NL');
}

/** National spending on a task in a year (step 2 of the method). */
export function nationalSpending(data: Dataset, task: Exclude<Task, 'totaal'>, year: number): Derived {
  const n = ESTIMATION_INPUTS;
  switch (task) {
    case 'natuurbeheer': {
      const beheer = agreementFor(data, n.beheer, year);
      const anlb = seriesValue(nlDriver(data, n.anlb), year, 'ANLb');
      const value = beheer.waarde.minus(anlb.value);
      return {
        value,
        method: `Natuurpact beheer ${mln(beheer.waarde)} min ${anlb.method} = ${mln(value)}`,
        bron: [...beheer.bron, ...anlb.bron],
      };
    }
    case 'anlb':
      return seriesValue(nlDriver(data, n.anlb), year, 'ANLb');
    case 'verwerving':
    case 'inrichting': {
      const ontwikkeling = agreementFor(data, n.ontwikkeling, year);
      const a = assumption(data, n.shareAcquisition);
      const part = task === 'verwerving' ? a.waarde : ONE.minus(a.waarde);
      const value = ontwikkeling.waarde.times(part);
      return {
        value,
        method: `Natuurpact ontwikkeling ${mln(ontwikkeling.waarde)} × ${share(part)} (aanname ${n.shareAcquisition}) = ${mln(value)}`,
        bron: [...ontwikkeling.bron, ...a.bron],
      };
    }
    case 'herstel': {
      const fase1 = data.natuurpact.find((r) => r.onderdeel === n.programmaNatuurFase1 && r.provincie === 'NL');
      if (!fase1) throw missing(`natuurpact.csv: onderdeel '${n.programmaNatuurFase1}' (NL)`);
      if (year >= fase1.van && year <= fase1.tot) {
        const years = fase1.tot - fase1.van + 1;
        const value = fase1.grondslag === 'totaal' ? fase1.waarde.dividedBy(years) : fase1.waarde;
        return {
          value,
          method:
            fase1.grondslag === 'totaal'
              ? `Programma Natuur fase 1 ${mln(fase1.waarde)} over ${fase1.van}-${fase1.tot} gelijk verdeeld: ${mln(value)} per jaar`
              : `Programma Natuur fase 1 ${mln(value)} per jaar`,
          bron: fase1.bron,
        };
      }
      if (year < fase1.van) {
        const a = assumption(data, n.restorationBefore);
        return { value: a.waarde, method: `vóór Programma Natuur: aanname ${n.restorationBefore} ${mln(a.waarde)}`, bron: a.bron };
      }
      throw missing(`Programma Natuur na ${fase1.tot} in de terugblik`);
    }
    case 'soorten':
      return seriesValue(nlDriver(data, n.faunaschade), year, 'faunaschade');
    case 'uitvoering': {
      const others = COST_TASKS.filter((t) => t !== 'uitvoering').map((t) => nationalSpending(data, t, year));
      const base = sum(others.map((o) => o.value));
      const a = assumption(data, n.shareExecution);
      const value = base.times(a.waarde);
      return {
        value,
        method: `aanname ${n.shareExecution} ${share(a.waarde)} × overige taken ${mln(base)} = ${mln(value)}`,
        bron: [...new Set(others.flatMap((o) => o.bron)), ...a.bron],
      };
    }
  }
}

/** A province share taken from a published pair (province amount / national amount). */
interface AnchoredShare {
  readonly share: Decimal;
  readonly method: string;
  readonly bron: readonly string[];
}

/**
 * Published shares, strongest first: a province's DU Natuur as a share of the national DU Natuur
 * (that is the Natuurpact key itself), then its share of the published provincial nature spending
 * in the anchor year.
 */
function anchoredShares(data: Dataset): Map<ProvinceCode, AnchoredShare> {
  const out = new Map<ProvinceCode, AnchoredShare>();
  const du = data.provinciefonds.filter((r) => r.post === ESTIMATION_INPUTS.duNatuur && r.provincie !== 'NL');
  for (const p of PROVINCE_CODES) {
    const own = du.filter((r) => r.provincie === p).sort((a, b) => b.jaar - a.jaar);
    for (const row of own) {
      const national = nationalDuNatuur(data).get(row.jaar);
      if (!national) continue;
      out.set(p, {
        share: row.waarde.dividedBy(national.waarde),
        method: `aandeel in de DU Natuur ${row.jaar}: ${mln(row.waarde)} / ${mln(national.waarde)}`,
        bron: [...new Set([...row.bron, ...national.bron])],
      });
      break;
    }
  }
  // Anchor year: a published national total and the most published province totals.
  const totals = data.uitgaven.filter((u) => u.taak === 'totaal' && PUBLISHED_STATUSES.includes(u.status));
  let anchor: { nl: SpendingFact; provinces: SpendingFact[] } | undefined;
  for (const nl of totals.filter((u) => u.provincie === 'NL')) {
    const provinces = totals.filter((u) => u.jaar === nl.jaar && u.soort === nl.soort && u.provincie !== 'NL');
    if (
      !anchor ||
      provinces.length > anchor.provinces.length ||
      (provinces.length === anchor.provinces.length && nl.jaar > anchor.nl.jaar)
    ) {
      anchor = { nl, provinces };
    }
  }
  for (const row of anchor?.provinces ?? []) {
    const p = row.provincie as ProvinceCode;
    if (out.has(p)) continue;
    out.set(p, {
      share: row.waarde.dividedBy(anchor!.nl.waarde),
      method: `aandeel in de gepubliceerde provinciale natuuruitgaven ${row.jaar} (${row.soort}): ${mln(row.waarde)} / ${mln(anchor!.nl.waarde)}`,
      bron: [...new Set([...row.bron, ...anchor!.nl.bron])],
    });
  }
  return out;
}

/** The estimation key (step 1), or the user's real `natuurpact` key when it is complete. */
export function estimationKey(data: Dataset): KeyShare[] {
  const n = ESTIMATION_INPUTS;
  const real = data.sleutels.filter((k) => k.sleutel === n.realKey);
  if (PROVINCE_CODES.every((p) => real.some((k) => k.provincie === p))) {
    return PROVINCE_CODES.map((p) => real.find((k) => k.provincie === p)!);
  }

  const indicatorRows = data.provincies.filter((r) => r.kenmerk === n.keyIndicator);
  const years = [...new Set(indicatorRows.map((r) => r.jaar))]
    .filter((y) => PROVINCE_CODES.every((p) => indicatorRows.some((r) => r.jaar === y && r.provincie === p)))
    .sort((a, b) => b - a);
  const indicatorYear = years[0];
  if (indicatorYear === undefined) {
    throw missing(`provincies.csv: kenmerk '${n.keyIndicator}' voor alle twaalf provincies in één jaar`);
  }
  const area = new Map(
    indicatorRows.filter((r) => r.jaar === indicatorYear).map((r) => [r.provincie as ProvinceCode, r] as const),
  );
  const anchored = anchoredShares(data);
  const anchoredTotal = sum([...anchored.values()].map((a) => a.share));
  if (anchoredTotal.greaterThan(ONE)) {
    throw new UserError({
      message: `schattingsstap: gepubliceerde aandelen tellen op tot ${anchoredTotal.toString()}, meer dan 1; controleer DU Natuur en uitgaven per provincie`,
    });
  }
  const others = PROVINCE_CODES.filter((p) => !anchored.has(p));
  const otherArea = sum(others.map((p) => area.get(p)!.waarde));
  const anchorSources = [...new Set([...anchored.values()].flatMap((a) => a.bron))];

  return PROVINCE_CODES.map((p): KeyShare => {
    const base = { sleutel: n.estimatedKey, provincie: p, eenheid: 'fractie', basiseenheid: 'fractie', vindplaats: '' };
    const own = anchored.get(p);
    if (own) {
      return { ...base, waarde: own.share, status: 'schatting', bron: own.bron, methode: own.method, herkomst: ESTIMATE_ORIGIN };
    }
    const a = area.get(p)!;
    return {
      ...base,
      waarde: ONE.minus(anchoredTotal).times(a.waarde).dividedBy(otherArea),
      status: 'schatting',
      bron: [...new Set([...a.bron, ...anchorSources])],
      methode:
        (anchored.size > 0 ? `rest na de gepubliceerde aandelen (1 − ${share(anchoredTotal)}) × ` : '') +
        `aandeel in de landoppervlakte ${indicatorYear} van de overige provincies: ` +
        `${formatNumberNl(a.waarde, 2)} / ${formatNumberNl(otherArea, 2)} km2`,
      herkomst: ESTIMATE_ORIGIN,
    };
  });
}

function published<T extends Fact>(rows: readonly T[]): T[] {
  return rows.filter((r) => PUBLISHED_STATUSES.includes(r.status) || r.herkomst.laag === 'eigen');
}

/** Province spending per task and year (step 3). */
function estimateSpending(data: Dataset, key: readonly KeyShare[]): SpendingFact[] {
  const out: SpendingFact[] = [];
  const own = published(data.uitgaven);
  for (const year of HISTORY_YEARS) {
    const national = new Map(COST_TASKS.map((t) => [t, nationalSpending(data, t, year)] as const));
    for (const p of PROVINCE_CODES) {
      const s = key.find((k) => k.provincie === p)!;
      const byTask = (t: Task, soort: SpendingFact['soort']) =>
        own.find((u) => u.provincie === p && u.jaar === year && u.taak === t && u.soort === soort);
      const total = byTask('totaal', 'realisatie') ?? byTask('totaal', 'begroting');
      const open = COST_TASKS.filter((t) => !byTask(t, 'realisatie'));
      const raw = new Map(open.map((t) => [t, national.get(t)!.value.times(s.waarde)] as const));
      let scale = ONE;
      let scaleNote = '';
      if (total) {
        const fixed = sum(COST_TASKS.filter((t) => !open.includes(t)).map((t) => byTask(t, 'realisatie')!.waarde));
        const estimated = sum(raw.values());
        if (estimated.greaterThan(ZERO)) {
          scale = total.waarde.minus(fixed).dividedBy(estimated);
          scaleNote = `; geschaald met ${share(scale)} zodat de taken optellen tot het gepubliceerde totaal ${mln(total.waarde)} (${total.soort})`;
        }
      }
      for (const t of open) {
        const nat = national.get(t)!;
        const value = cents(raw.get(t)!.times(scale));
        out.push({
          provincie: p,
          jaar: year,
          taak: t,
          soort: 'realisatie',
          waarde: value,
          eenheid: 'EUR',
          basiseenheid: 'EUR',
          status: 'schatting',
          bron: [...new Set([...nat.bron, ...s.bron, ...(total && scaleNote ? total.bron : [])])],
          vindplaats: '',
          methode: `landelijk: ${nat.method}; × aandeel ${p} ${share(s.waarde)} (${s.sleutel})${scaleNote}`,
          herkomst: ESTIMATE_ORIGIN,
        });
      }
    }
  }
  return out;
}

/**
 * The national DU Natuur per year: of several stands for one year, the one from the latest
 * publication (by the date of its first source).
 */
export function nationalDuNatuur(data: Dataset): Map<number, FundFact> {
  const latest = new Map<number, FundFact>();
  const dateOf = (r: FundFact) => data.bronnen.get(r.bron[0] ?? '')?.datum ?? '';
  for (const r of data.provinciefonds) {
    if (r.post !== ESTIMATION_INPUTS.duNatuur || r.provincie !== 'NL') continue;
    const cur = latest.get(r.jaar);
    if (!cur || dateOf(r) > dateOf(cur)) latest.set(r.jaar, r);
  }
  return latest;
}

/** National income per stream and year (step 4). */
export function nationalIncome(data: Dataset, stream: Stream, year: number): Derived | undefined {
  const n = ESTIMATION_INPUTS;
  switch (stream) {
    case 'natuurpact': {
      const stands = nationalDuNatuur(data);
      const exact = stands.get(year);
      if (exact) return { value: exact.waarde, method: `DU Natuur ${year} ${mln(exact.waarde)} (${exact.publicatie})`, bron: exact.bron };
      const nearest = [...stands.values()].sort(
        (a, b) => Math.abs(a.jaar - year) - Math.abs(b.jaar - year) || b.jaar - a.jaar,
      )[0];
      if (!nearest) throw missing(`provinciefonds.csv: post '${n.duNatuur}' (NL)`);
      return {
        value: nearest.waarde,
        method: `DU Natuur ${year} niet gepubliceerd; gelijk aan ${nearest.jaar} (${mln(nearest.waarde)}, ${nearest.publicatie})`,
        bron: nearest.bron,
      };
    }
    case 'eu': {
      const r = agreementFor(data, n.euCofinanciering, year);
      return { value: r.waarde, method: `EU-cofinanciering POP3 in het Natuurpact ${mln(r.waarde)}`, bron: r.bron };
    }
    case 'eigen_middelen': {
      const r = agreementFor(data, n.provincialeBijdrage, year);
      return { value: r.waarde, method: `afgesproken provinciale bijdrage in het Natuurpact ${mln(r.waarde)}`, bron: r.bron };
    }
    case 'programma_natuur': {
      const fase1 = data.natuurpact.find((r) => r.onderdeel === n.programmaNatuurFase1 && r.provincie === 'NL');
      if (!fase1 || year < fase1.van || year > fase1.tot) return undefined;
      const value = fase1.grondslag === 'totaal' ? fase1.waarde.dividedBy(fase1.tot - fase1.van + 1) : fase1.waarde;
      return { value, method: `Programma Natuur fase 1 ${mln(fase1.waarde)} over ${fase1.van}-${fase1.tot}: ${mln(value)} per jaar`, bron: fase1.bron };
    }
    default:
      return undefined;
  }
}

const ESTIMATED_STREAMS: readonly Stream[] = ['natuurpact', 'eu', 'programma_natuur', 'eigen_middelen'];

function estimateIncome(data: Dataset, key: readonly KeyShare[]): IncomeFact[] {
  const out: IncomeFact[] = [];
  const own = published(data.inkomsten);
  for (const year of HISTORY_YEARS) {
    for (const stream of ESTIMATED_STREAMS) {
      const national = nationalIncome(data, stream, year);
      if (!national) continue;
      const known = own.filter((r) => r.jaar === year && r.stroom === stream && r.provincie !== 'NL');
      const knownSum = sum(known.map((r) => r.waarde));
      const open = PROVINCE_CODES.filter((p) => !known.some((r) => r.provincie === p));
      const openShare = sum(open.map((p) => key.find((k) => k.provincie === p)!.waarde));
      const rest = national.value.minus(knownSum);
      for (const p of open) {
        const s = key.find((k) => k.provincie === p)!;
        const part = s.waarde.dividedBy(openShare);
        out.push({
          provincie: p,
          jaar: year,
          stroom: stream,
          waarde: cents(rest.times(part)),
          eenheid: 'EUR',
          basiseenheid: 'EUR',
          status: 'schatting',
          bron: [...new Set([...national.bron, ...s.bron, ...known.flatMap((k) => k.bron)])],
          vindplaats: '',
          methode:
            `landelijk: ${national.method}` +
            (known.length > 0 ? `; min door provincies gepubliceerd ${mln(knownSum)}` : '') +
            `; × aandeel ${p} ${share(part)} (${s.sleutel}${known.length > 0 ? ', herschaald over de overige provincies' : ''})`,
          herkomst: ESTIMATE_ORIGIN,
        });
      }
    }
  }
  return out;
}

/**
 * A province's own DU Natuur (in `provinciefonds.csv`) is published income on the `natuurpact`
 * stream: it is added to the income rows, with its own status and origin, unless the income file
 * already has that province and year.
 */
function withProvincialDuNatuur(data: Dataset): Dataset {
  const extra: IncomeFact[] = [];
  for (const r of data.provinciefonds) {
    if (r.post !== ESTIMATION_INPUTS.duNatuur || r.provincie === 'NL' || r.jaar < HISTORY_FIRST_YEAR || r.jaar > HISTORY_LAST_YEAR) continue;
    const taken = [...data.inkomsten, ...extra].some((i) => i.provincie === r.provincie && i.jaar === r.jaar && i.stroom === 'natuurpact');
    if (taken) continue;
    const { post: _post, publicatie, ...fact } = r;
    extra.push({ ...fact, stroom: 'natuurpact', methode: fact.methode || `DU Natuur van de provincie (${publicatie})` });
  }
  return extra.length > 0 ? { ...data, inkomsten: [...data.inkomsten, ...extra] } : data;
}

/**
 * The dataset with the history completed by estimates (spending, income and the estimation key
 * added with status `schatting`), and how many values were added.
 */
const completed = new WeakMap<Dataset, { dataset: Dataset; estimates: number }>();

export function completeHistory(input: Dataset): { dataset: Dataset; estimates: number } {
  // A dataset is immutable once loaded, so its completion is computed once.
  const cached = completed.get(input);
  if (cached) return cached;
  const result = completeHistoryUncached(input);
  completed.set(input, result);
  return result;
}

/**
 * Lets `derived` (a copy of `base` with other assumptions, as a scenario's parameters make it) share
 * the completed history of `base`, so the estimation step runs once per dataset rather than once
 * per scenario. Only when nothing the estimation step reads differs: every other field is the same
 * and so are the assumptions in {@link HISTORY_ASSUMPTIONS}; otherwise `derived` is completed on its
 * own when it is run. Returns `derived`.
 */
export function shareHistory(base: Dataset, derived: Dataset): Dataset {
  if (derived === base || completed.has(derived)) return derived;
  const keys = new Set([...Object.keys(base), ...Object.keys(derived)] as (keyof Dataset)[]);
  const same = [...keys].every((k) => k === 'aannames' || base[k] === derived[k]);
  const history = (d: Dataset) => HISTORY_ASSUMPTIONS.map((naam) => d.aannames.find((a) => a.naam === naam));
  const baseHistory = history(base);
  if (!same || history(derived).some((a, i) => a !== baseHistory[i])) return derived;
  const done = completeHistory(base);
  completed.set(derived, { dataset: { ...done.dataset, aannames: derived.aannames }, estimates: done.estimates });
  return derived;
}

function completeHistoryUncached(input: Dataset): { dataset: Dataset; estimates: number } {
  const data = withProvincialDuNatuur(input);
  const key = estimationKey(data);
  const keyIsEstimated = key.some((k) => k.sleutel === ESTIMATION_INPUTS.estimatedKey);
  const spending = estimateSpending(data, key);
  const income = estimateIncome(data, key);
  return {
    dataset: {
      ...data,
      uitgaven: [...data.uitgaven, ...spending],
      inkomsten: [...data.inkomsten, ...income],
      sleutels: keyIsEstimated ? [...data.sleutels, ...key] : data.sleutels,
    },
    estimates: spending.length + income.length + (keyIsEstimated ? key.length : 0),
  };
}
