/**
 * The uncertain inputs of one run: every declared input (data, then the scenario's own
 * declarations) resolved against the model, with its distribution, its central value (the value
 * the deterministic run uses), its quality and what it rests on; the inputs that stay fixed, with
 * why; and the correlation matrix of the varied inputs in the Gaussian copula.
 *
 * An input of a new assumption or development parameter needs a row in `onzekerheid.csv`, not code:
 * the kinds below are resolved by name (see `declaration.ts`) and applied to the exact model by
 * `apply.ts`.
 *
 * Central values and distributions (x0 = the value in the run):
 *   normaal(x0, sd); lognormaal(median x0, sd of ln); driehoek(laag, x0, hoog); uniform(laag, hoog)
 *   with laag ≤ x0 ≤ hoog. `projectie.<reeks>` with `voorspelfouten`: normaal(x0, RMS forecast error).
 *   `terugblik.*`: z ~ normaal(0, 1), acting through the loadings of `lookback.ts`.
 * What a scenario sets itself (a parameter, a projection, a development parameter) is a question the
 * scenario asks, so it stays fixed unless the scenario's own `onzekerheid:` block gives it a
 * distribution.
 */
import type { Construction } from '../constructions/construction.js';
import type { Dataset } from '../dataset.js';
import { COST_TASKS } from '../dataset.js';
import { UserError, type Issue } from '../errors.js';
import { completeHistory, HISTORY_ASSUMPTIONS, HISTORY_LAST_YEAR } from '../estimate.js';
import { formatNumberNl } from '../format.js';
import { Decimal } from '../decimal.js';
import { DEVELOPMENTS } from '../model/developments.js';
import type { ModelScenario } from '../model/plan.js';
import { PROVINCE_CODES, isProvinceCode, provinceName, type ProvinceCode } from '../provinces.js';
import type { Status } from '../status.js';
import { suggest } from '../suggest.js';
import { NotPositiveDefinite, cholesky } from './correlation.js';
import type { CorrelationDeclaration, UncertaintyDeclaration } from './declaration.js';
import { distributionProblem, type Distribution } from './distribution.js';
import { errorCorrelation, forecastErrors, MIN_FORECAST_ERRORS, rootMeanSquare } from './forecast-errors.js';
import { lookbackSpread, type LookbackSpread } from './lookback.js';

export type InputKind = 'aanname' | 'projectie' | 'ontwikkeling' | 'constructie' | 'terugblik';
export type Quality = 'goed' | 'redelijk' | 'zwak';

/** How the value of an input reaches the model. */
export type InputTarget =
  | { readonly soort: 'aanname'; readonly naam: string; readonly tegenpost?: string; readonly geschiedenis: boolean }
  | { readonly soort: 'projectie'; readonly reeks: string; readonly naam: string }
  | { readonly soort: 'ontwikkeling'; readonly ontwikkeling: string; readonly parameter: string }
  | { readonly soort: 'constructie'; readonly veld: 'onderbesteding' }
  | { readonly soort: 'terugblik'; readonly provincie: ProvinceCode | 'landelijk'; readonly ladingen: Float64Array };

export interface InputBase {
  readonly naam: string;
  readonly soort: InputKind;
  /** Dutch: what the input is. */
  readonly omschrijving: string;
  /** The status of the value the input stands for, and the quality it gives. */
  readonly status: Status;
  readonly kwaliteit: Quality;
  /** Sources of the value the input stands for. */
  readonly bron: readonly string[];
  /** Sources the declared spread rests on (for a computed spread: the data it was computed from). */
  readonly bronVerdeling: readonly string[];
  /** Dutch: the reasoning of the distribution (or why the input stays fixed). */
  readonly methode: string;
  /** Dutch: which missing figure would narrow it. */
  readonly ontbrekend: string;
  /** Where it was declared (file:line), if it was. */
  readonly waar?: string;
}

export interface UncertainInput extends InputBase {
  readonly verdeling: Distribution;
  readonly centraal: number;
  /** Unit of the value: `fractie`, `EUR`, `jaar` or `z` (a standard normal). */
  readonly eenheid: string;
  /** Dutch: the distribution in words, for reports. */
  readonly beschrijving: string;
  readonly doel: InputTarget;
}

export interface FixedInput extends InputBase {
  readonly waarde: string;
}

export interface InputCorrelation {
  readonly a: string;
  readonly b: string;
  readonly waarde: number;
  /** Number of paired forecast errors (voorspelfouten). */
  readonly n?: number;
  readonly methode: string;
}

export interface InputCatalogue {
  readonly gevarieerd: readonly UncertainInput[];
  readonly vast: readonly FixedInput[];
  /** Correlation matrix of the varied inputs (row-major, in the order of `gevarieerd`). */
  readonly correlatie: Float64Array;
  readonly correlaties: readonly InputCorrelation[];
  readonly terugblik: LookbackSpread;
}

export interface UncertaintyContext {
  readonly scenario: ModelScenario;
  /** The dataset the run used (scenario parameters applied), not completed. */
  readonly data: Dataset;
  readonly construction?: Construction;
  /** Names the scenario set itself (`parameters`, `macro.projectie`, development parameters). */
  readonly setByScenario: ReadonlySet<string>;
  /** The scenario's own declarations; they replace the data's for the same input. */
  readonly declarations?: readonly UncertaintyDeclaration[];
  readonly correlations?: readonly CorrelationDeclaration[];
}

const QUALITY_NAMES: Record<Quality, string> = { goed: 'goed', redelijk: 'redelijk', zwak: 'zwak' };

/** Quality from status and source: published figures are good; derived figures and forecasts, or an estimate or assumption that cites a source, fair; the rest weak. */
export function qualityOf(status: Status, hasSource: boolean): Quality {
  if (status === 'realisatie' || status === 'begroting') return 'goed';
  if (status === 'raming' || status === 'afgeleid' || hasSource) return 'redelijk';
  return 'zwak';
}
export { QUALITY_NAMES };

const where = (d: UncertaintyDeclaration) => (d.herkomst.line ? `${d.herkomst.file}:${d.herkomst.line}` : d.herkomst.file);

/** A float for display (the Monte Carlo path is floats; decimals only format it). */
const dec = (x: number) => new Decimal(x);

/** Dutch number of a value in its unit, for descriptions: 2,0%, 346,0 mln, 0,500. */
export function showValue(x: number, eenheid: string): string {
  if (eenheid === 'fractie') return `${formatNumberNl(dec(x * 100), 2)}%`;
  if (eenheid === 'EUR') return `${formatNumberNl(dec(x / 1e6), 1)} mln`;
  if (eenheid === 'jaar') return String(Math.round(x));
  return formatNumberNl(dec(x), 3);
}

function describe(d: Distribution, eenheid: string): string {
  const v = (x: number) => showValue(x, eenheid);
  switch (d.soort) {
    case 'normaal':
      return `normaal, gemiddelde ${v(d.gemiddelde)}, sd ${eenheid === 'fractie' ? `${formatNumberNl(dec(d.sd * 100), 2)} procentpunt` : v(d.sd)}`;
    case 'lognormaal':
      return `lognormaal, mediaan ${v(d.mediaan)}, sd van ln ${formatNumberNl(dec(d.sdLog), 3)}`;
    case 'driehoek':
      return `driehoek ${v(d.laag)} – ${v(d.hoog)}, top ${v(d.modus)}`;
    case 'uniform':
      return `uniform ${v(d.laag)} – ${v(d.hoog)}`;
  }
}

/**
 * @example
 *   const catalogue = uncertainInputs({ scenario, data, setByScenario: new Set() });
 *   catalogue.gevarieerd.map((i) => i.naam) // ['projectie.cpi', ..., 'terugblik.PV31']
 */
export function uncertainInputs(ctx: UncertaintyContext): InputCatalogue {
  const data = ctx.data;
  const issues: Issue[] = [];
  const fail = (d: UncertaintyDeclaration | undefined, message: string) =>
    issues.push({ ...(d ? { file: d.herkomst.file, ...(d.herkomst.line ? { line: d.herkomst.line } : {}) } : {}), message: d ? `${d.invoer}: ${message}` : message });
  const declared = new Map<string, UncertaintyDeclaration>();
  for (const d of data.onzekerheid ?? []) declared.set(d.invoer, d);
  const ownDeclared = new Set<string>();
  for (const d of ctx.declarations ?? []) {
    declared.set(d.invoer, d);
    ownDeclared.add(d.invoer);
  }
  const history = completeHistory(data);
  const spread = lookbackSpread(history, HISTORY_LAST_YEAR);
  const assumption = (naam: string) => data.aannames.find((a) => a.naam === naam);
  const activeDevelopments = Object.entries(ctx.scenario.ontwikkelingen ?? {}).filter(([, s]) => s.aan !== false).map(([n]) => n);

  const varied: UncertainInput[] = [];
  const fixed: FixedInput[] = [];
  const handled = new Set<string>();

  const keepFixed = (base: InputBase, waarde: string) => fixed.push({ ...base, waarde });

  for (const d of declared.values()) {
    handled.add(d.invoer);
    const name = d.invoer;
    const declaredBase = { bronVerdeling: d.bron, methode: d.methode, ontbrekend: d.ontbrekend, waar: where(d) };
    // Resolve what the name points at.
    let target: InputTarget | undefined;
    let x0: number | undefined;
    let eenheid = 'fractie';
    let status: Status = 'aanname';
    let valueSources: readonly string[] = [];
    let omschrijving = name;
    let unsetReason: string | undefined;
    if (name.startsWith('terugblik.')) {
      const who = name.slice('terugblik.'.length);
      if (who !== 'landelijk' && !isProvinceCode(who)) {
        fail(d, `onbekende invoer; verwacht terugblik.landelijk of terugblik.PV20 ... terugblik.PV31`);
        continue;
      }
      const cells = spread.cellen.filter((c) => (who === 'landelijk' ? c.grondslag === 'landelijk' : c.provincie === who && (c.grondslag === 'landelijk' || c.grondslag === 'eigen_niveau')));
      // Mostly resting on the province's own figures of other years (by value), or mostly not.
      const total = cells.reduce((a, c) => a + c.waarde, 0);
      const own = cells.filter((c) => c.grondslag === 'eigen_niveau').reduce((a, c) => a + c.waarde, 0);
      const ownLevel = who !== 'landelijk' && total > 0 && own >= total / 2;
      const share = total > 0 ? Math.round((100 * own) / total) : 0;
      omschrijving =
        who === 'landelijk'
          ? `terugblik: gemeenschappelijk niveau van de geschatte uitgaven ${spread.jaar} van de provincies zonder eigen cijfers`
          : `terugblik ${provinceName(who)}: niveau van de geschatte uitgaven ${spread.jaar} (${share}% rust op een eigen niveau uit andere jaren)`;
      status = 'schatting';
      const sources = [...new Set(history.uitgaven.filter((c) => c.jaar === spread.jaar && cells.some((x) => x.provincie === c.provincie && x.taak === c.taak)).flatMap((c) => c.bron))].sort();
      const base: InputBase = { naam: name, soort: 'terugblik', omschrijving, status, kwaliteit: ownLevel ? 'redelijk' : 'zwak', bron: sources, ...declaredBase };
      if (d.verdeling === 'vast') {
        keepFixed(base, 'de schatting');
        continue;
      }
      if (cells.length === 0) {
        keepFixed({ ...base, methode: `geen geschatte uitgaven in ${spread.jaar}: de cellen zijn gepubliceerd of er is niets te schatten` }, 'gepubliceerd');
        continue;
      }
      const ladingen = new Float64Array(PROVINCE_CODES.length * COST_TASKS.length);
      const computedNote: string[] = [];
      for (const c of cells) {
        const at = PROVINCE_CODES.indexOf(c.provincie) * COST_TASKS.length + COST_TASKS.indexOf(c.taak);
        const computed = who === 'landelijk' ? c.landelijk : c.eigen;
        const value = d.regel === 'opgegeven' ? d.spreiding!.toNumber() : computed;
        if (!Number.isFinite(value)) {
          fail(d, `de spreiding kan niet uit de gegevens worden afgeleid (te weinig provincies of jaren met eigen cijfers); geef een spreiding op met regel 'opgegeven'`);
          break;
        }
        ladingen[at] = value;
      }
      const sigmas = [...new Set(cells.map((c) => (d.regel === 'opgegeven' ? d.spreiding!.toNumber() : who === 'landelijk' ? c.landelijk : c.eigen)))].sort((a, b) => a - b);
      if (d.regel === 'terugblik') computedNote.push(lookbackMethod(spread, who));
      varied.push({
        ...base,
        methode: [d.methode, ...computedNote].filter((x) => x).join(' '),
        verdeling: { soort: 'normaal', gemiddelde: 0, sd: 1 },
        centraal: 0,
        eenheid: 'z',
        beschrijving: `lognormale factor op ${cells.length} geschatte cellen van ${spread.jaar}, sd van ln ${sigmas.map((s) => formatNumberNl(dec(s), 3)).join(' / ')}`,
        doel: { soort: 'terugblik', provincie: who === 'landelijk' ? 'landelijk' : who, ladingen },
      });
      continue;
    }
    if (name.startsWith('ontwikkeling.')) {
      const [, dev, param, ...rest] = name.split('.');
      const def = DEVELOPMENTS.find((x) => x.naam === dev);
      if (!def || !param || rest.length > 0) {
        const hint = suggest(dev ?? '', DEVELOPMENTS.map((x) => x.naam));
        fail(d, `onbekende ontwikkeling '${dev ?? ''}'${hint ? `; bedoelt u '${hint}'?` : ''}; verwacht ontwikkeling.<naam>.<parameter>`);
        continue;
      }
      const params = def.parameters(data);
      const p = params[param];
      if (!p) {
        fail(d, `ontwikkeling '${dev}' heeft geen parameter '${param}'; bekend: ${Object.keys(params).join(', ') || 'geen'}`);
        continue;
      }
      if (!activeDevelopments.includes(dev!)) continue; // not part of this run
      target = { soort: 'ontwikkeling', ontwikkeling: dev!, parameter: param };
      eenheid = p.eenheid;
      status = p.status;
      valueSources = p.bron;
      omschrijving = `${def.omschrijving}: ${p.toelichting}`;
      const own = ctx.scenario.ontwikkelingen?.[dev!]?.parameters?.[param];
      if (own !== undefined) {
        if (own instanceof Decimal) x0 = own.toNumber();
        else unsetReason = 'het scenario geeft waarden per jaar of per provincie';
      } else if (p.verloop) unsetReason = 'de standaardwaarde verschilt per jaar';
      else x0 = p.waarde.toNumber();
    } else if (name === 'constructie.onderbesteding') {
      const rule = ctx.construction?.regel;
      if (!rule || rule.soort !== 'regel' || !rule.oormerk) continue; // no earmarked construction in this run
      target = { soort: 'constructie', veld: 'onderbesteding' };
      x0 = rule.oormerk.onderbesteding.toNumber();
      omschrijving = `onderbesteding van ${ctx.construction!.id} (geoormerkt geld dat terugvloeit)`;
    } else {
      const a = assumption(name);
      if (!a) {
        const hint = suggest(name, data.aannames.map((x) => x.naam));
        fail(d, `onbekende invoer${hint ? `; bedoelt u '${hint}'?` : '; verwacht de naam van een aanname uit aannames.csv, projectie.<reeks>, ontwikkeling.<naam>.<parameter>, constructie.onderbesteding of terugblik.<PV>'}`);
        continue;
      }
      valueSources = a.bron;
      status = a.status;
      eenheid = a.basiseenheid;
      if (a.verloop) unsetReason = 'het scenario geeft waarden per jaar';
      else x0 = a.waarde.toNumber();
      if (name.startsWith('projectie.')) {
        const reeks = name.slice('projectie.'.length);
        target = { soort: 'projectie', reeks, naam: name };
        omschrijving = `${reeks} na de laatste realisatie: ramingen en projectie-aanname (${formatNumberNl(a.waarde.times(100), 2)}% per jaar)`;
      } else {
        if (d.tegenpost && !assumption(d.tegenpost)) {
          fail(d, `tegenpost '${d.tegenpost}' staat niet in aannames.csv`);
          continue;
        }
        target = { soort: 'aanname', naam: name, ...(d.tegenpost ? { tegenpost: d.tegenpost } : {}), geschiedenis: HISTORY_ASSUMPTIONS.includes(name) };
        omschrijving = firstSentence(a.methode);
      }
    }
    const kind = target!.soort as InputKind;
    const base: InputBase = { naam: name, soort: kind, omschrijving, status, kwaliteit: qualityOf(status, valueSources.length > 0), bron: valueSources, ...declaredBase };
    if (ctx.setByScenario.has(name) && !ownDeclared.has(name)) {
      keepFixed({ ...base, methode: `het scenario zet deze waarde zelf (een vraag van het scenario, geen onzekerheid); geef in het scenario een verdeling onder onzekerheid: om haar te variëren` }, x0 !== undefined ? showValue(x0, eenheid) : 'door het scenario gegeven');
      continue;
    }
    if (d.verdeling === 'vast') {
      keepFixed(base, x0 !== undefined ? showValue(x0, eenheid) : '—');
      continue;
    }
    if (unsetReason || x0 === undefined) {
      keepFixed({ ...base, methode: `niet gevarieerd: ${unsetReason ?? 'geen enkelvoudige waarde'}` }, '—');
      continue;
    }
    let dist: Distribution;
    let extra = '';
    if (d.regel === 'voorspelfouten') {
      const reeks = (target as { reeks?: string }).reeks;
      const errors = reeks ? forecastErrors(data, reeks) : [];
      if (errors.length < MIN_FORECAST_ERRORS) {
        fail(d, `regel 'voorspelfouten': ${errors.length} ramingen van ${reeks ?? name} met een latere realisatie in macro.csv, minstens ${MIN_FORECAST_ERRORS} nodig; geef een spreiding op met regel 'opgegeven'`);
        continue;
      }
      const sd = rootMeanSquare(errors);
      dist = { soort: 'normaal', gemiddelde: x0, sd };
      extra = ` Spreiding uit de gegevens: de wortel van de gemiddelde gekwadrateerde fout van ${errors.length} ramingen in macro.csv (${[...new Set(errors.map((e) => e.publicatie))].length} publicaties) = ${formatNumberNl(dec(sd * 100), 2)} procentpunt.`;
    } else if (d.regel === 'terugblik') {
      fail(d, `regel 'terugblik' geldt alleen voor terugblik.*`);
      continue;
    } else {
      const num = (v: { toNumber(): number } | undefined) => v!.toNumber();
      switch (d.verdeling) {
        case 'normaal':
          dist = { soort: 'normaal', gemiddelde: x0, sd: num(d.spreiding) };
          break;
        case 'lognormaal':
          dist = { soort: 'lognormaal', mediaan: x0, sdLog: num(d.spreiding) };
          break;
        case 'driehoek':
          dist = { soort: 'driehoek', laag: num(d.laag), modus: x0, hoog: num(d.hoog) };
          break;
        default:
          dist = { soort: 'uniform', laag: num(d.laag), hoog: num(d.hoog) };
          if (x0 < dist.laag || x0 > dist.hoog) {
            fail(d, `de centrale waarde ${showValue(x0, eenheid)} ligt niet tussen laag ${showValue(dist.laag, eenheid)} en hoog ${showValue(dist.hoog, eenheid)}`);
            continue;
          }
      }
    }
    const problem = distributionProblem(dist);
    if (problem) {
      fail(d, problem);
      continue;
    }
    varied.push({ ...base, methode: d.methode + extra, verdeling: dist, centraal: x0, eenheid, beschrijving: describe(dist, eenheid), doel: target! });
  }

  // What the run has but nobody declared: listed as fixed, so the register shows every assumption.
  for (const a of data.aannames) {
    if (handled.has(a.naam)) continue;
    fixed.push(undeclared(a.naam, firstSentence(a.methode), 'aanname', a.status, a.bron, showValue(a.waarde.toNumber(), a.basiseenheid)));
  }
  for (const dev of activeDevelopments) {
    const def = DEVELOPMENTS.find((x) => x.naam === dev);
    for (const [param, p] of Object.entries(def?.parameters(data) ?? {})) {
      const name = `ontwikkeling.${dev}.${param}`;
      if (!handled.has(name)) fixed.push(undeclared(name, `${def?.omschrijving}: ${p.toelichting}`, 'ontwikkeling', p.status, p.bron, showValue(p.waarde.toNumber(), p.eenheid)));
    }
  }
  for (const p of ['landelijk', ...PROVINCE_CODES]) {
    const name = `terugblik.${p}`;
    if (!handled.has(name)) fixed.push(undeclared(name, `terugblik ${p === 'landelijk' ? 'landelijk' : provinceName(p as ProvinceCode)}`, 'terugblik', 'schatting', [], 'de schatting'));
  }

  const correlaties = correlationsOf(ctx, varied, issues);
  if (issues.length > 0) throw new UserError(issues);
  const k = varied.length;
  const correlatie = new Float64Array(k * k);
  for (let i = 0; i < k; i++) correlatie[i * k + i] = 1;
  for (const c of correlaties) {
    const i = varied.findIndex((v) => v.naam === c.a);
    const j = varied.findIndex((v) => v.naam === c.b);
    correlatie[i * k + j] = c.waarde;
    correlatie[j * k + i] = c.waarde;
  }
  try {
    cholesky(correlatie, k);
  } catch (e) {
    if (!(e instanceof NotPositiveDefinite)) throw e;
    throw new UserError({
      message: `de correlaties tussen ${correlaties.map((c) => `${c.a} en ${c.b} (${formatNumberNl(dec(c.waarde), 2)})`).join(', ')} passen niet samen (de correlatiematrix is niet positief definiet, bij ${varied[e.row]!.naam}); verzwak of verwijder er een`,
    });
  }
  return { gevarieerd: varied, vast: fixed, correlatie, correlaties, terugblik: spread };
}

function undeclared(naam: string, omschrijving: string, soort: InputKind, status: Status, bron: readonly string[], waarde: string): FixedInput {
  return {
    naam,
    soort,
    omschrijving,
    status,
    kwaliteit: qualityOf(status, bron.length > 0),
    bron,
    bronVerdeling: [],
    methode: 'geen verdeling opgegeven in onzekerheid.csv of in het scenario: niet gevarieerd',
    ontbrekend: '',
    waarde,
  };
}

function firstSentence(text: string): string {
  const m = /^(.*?[.;])(\s|$)/.exec(text);
  const s = (m?.[1] ?? text).replace(/[.;]$/, '');
  return s.length > 140 ? `${s.slice(0, 137)}...` : s;
}

function lookbackMethod(s: LookbackSpread, who: string): string {
  const f = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '—' : formatNumberNl(dec(x), 3));
  const t = s.tussen;
  const common = `gemiddelde ln(gepubliceerd / geschat) van ${t?.provincies.length ?? 0} provincies met een niveau voor alle taken (${t?.provincies.join(', ') ?? '—'}) ${f(t?.gemiddelde)}, sd ${f(t?.sd)}`;
  return who === 'landelijk'
    ? `Spreiding uit de gegevens: ${common}; gemeenschappelijk σ = √(gemiddelde² + sd²/n) = ${f(s.gemeenschappelijk)}.`
    : `Spreiding uit de gegevens: afwijking van jaar tot jaar binnen provincies σ = ${f(s.binnen?.sigma)} (${s.binnen?.vrijheidsgraden ?? 0} vrijheidsgraden), × √(1 + 1/n) bij een eigen niveau uit n jaren; zonder eigen cijfers √(sd² + σ²) met ${common}.`;
}

/** The declared correlations between varied inputs, their values (computed where the rule says so). */
function correlationsOf(ctx: UncertaintyContext, varied: readonly UncertainInput[], issues: Issue[]): InputCorrelation[] {
  const byPair = new Map<string, CorrelationDeclaration>();
  const pairKey = (a: string, b: string) => [a, b].sort().join('|');
  for (const c of [...(ctx.data.correlaties ?? []), ...(ctx.correlations ?? [])]) byPair.set(pairKey(c.invoerA, c.invoerB), c);
  const out: InputCorrelation[] = [];
  const names = new Set(varied.map((v) => v.naam));
  for (const c of byPair.values()) {
    if (!names.has(c.invoerA) || !names.has(c.invoerB)) continue; // one of them is fixed or not in this run
    const at = { file: c.herkomst.file, ...(c.herkomst.line ? { line: c.herkomst.line } : {}) };
    if (c.regel === 'opgegeven') {
      out.push({ a: c.invoerA, b: c.invoerB, waarde: c.waarde!.toNumber(), methode: c.methode });
      continue;
    }
    const series = (n: string) => (n.startsWith('projectie.') ? n.slice('projectie.'.length) : undefined);
    const ra = series(c.invoerA);
    const rb = series(c.invoerB);
    if (!ra || !rb) {
      issues.push({ ...at, message: `correlatie ${c.invoerA} en ${c.invoerB}: regel 'voorspelfouten' geldt alleen tussen projectie.<reeks>-invoeren` });
      continue;
    }
    const r = errorCorrelation(forecastErrors(ctx.data, ra), forecastErrors(ctx.data, rb));
    if (r.n < MIN_FORECAST_ERRORS || !Number.isFinite(r.waarde)) {
      issues.push({ ...at, message: `correlatie ${c.invoerA} en ${c.invoerB}: ${r.n} ramingen van beide reeksen in dezelfde publicatie en hetzelfde jaar, minstens ${MIN_FORECAST_ERRORS} nodig; geef een waarde op met regel 'opgegeven'` });
      continue;
    }
    out.push({ a: c.invoerA, b: c.invoerB, waarde: r.waarde, n: r.n, methode: `${c.methode} Berekend: correlatie van de voorspelfouten over ${r.n} ramingen = ${formatNumberNl(dec(r.waarde), 2)}.` });
  }
  return out.sort((x, y) => x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
}

/**
 * The catalogue with only the named inputs varied (the others move to `vast`), keeping their
 * correlations: to ask what a few inputs do, or to compile faster.
 *
 * @example
 *   onlyInputs(catalogue, ['projectie.cpi', 'natuurdeel_au.startbedrag'])
 */
export function onlyInputs(catalogue: InputCatalogue, names: readonly string[]): InputCatalogue {
  const keep = catalogue.gevarieerd.map((v, i) => [v, i] as const).filter(([v]) => names.includes(v.naam));
  const missing = names.filter((n) => !catalogue.gevarieerd.some((v) => v.naam === n));
  if (missing.length > 0) throw new UserError({ message: `onzekerheid: ${missing.join(', ')} ${missing.length === 1 ? 'wordt' : 'worden'} in deze doorrekening niet gevarieerd` });
  const d = catalogue.gevarieerd.length;
  const k = keep.length;
  const correlatie = new Float64Array(k * k);
  keep.forEach(([, i], a) => keep.forEach(([, j], b) => (correlatie[a * k + b] = catalogue.correlatie[i * d + j]!)));
  const dropped = catalogue.gevarieerd.filter((v) => !names.includes(v.naam)).map((v): FixedInput => ({ ...v, methode: 'in deze doorrekening niet gevarieerd', waarde: v.soort === 'terugblik' ? 'de schatting' : showValue(v.centraal, v.eenheid) }));
  return {
    ...catalogue,
    gevarieerd: keep.map(([v]) => v),
    vast: [...catalogue.vast, ...dropped],
    correlatie,
    correlaties: catalogue.correlaties.filter((c) => names.includes(c.a) && names.includes(c.b)),
  };
}
