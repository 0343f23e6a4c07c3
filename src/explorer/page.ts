/// <reference lib="dom" />
/**
 * The explorer page (browser entry, bundled into `verkenner.html` by `scripts/build-explorer.mjs`).
 *
 * It reads the embedded data files and scenario, builds the dataset with the command line's reader,
 * and on every change extends the scenario with the page's choices (`inputs.ts`), runs it on the
 * exact path (`extend.ts`, decimal.js) and redraws the figures, the charts and the table. Every
 * figure opens its explanation (`explain` in the core); the changes export as a scenario file that
 * `natuurpact run` accepts, the table as `resultaten.csv`. No request leaves the page.
 *
 * Timings (ms, from `performance.now()`) are kept in `window.verkenner.tijden` for the browser test,
 * which reports them.
 */
import { z } from 'zod';
import { explainConstructionCell } from '../core/constructions/explain.js';
import { COMPARISON_LINES, type ComparisonLine } from '../core/constructions/compare.js';
import { CONSTRUCTION_START } from '../core/constructions/shipped.js';
import type { Dataset } from '../core/dataset.js';
import { Decimal, sum } from '../core/decimal.js';
import { formatNumberNl } from '../core/format.js';
import { LINES, type Line } from '../core/model/lines.js';
import { explain } from '../core/model/run.js';
import { loadFormulaParser } from '../core/allocation/formula.js';
import { needsFormulaParser } from '../io/run-scenario.js';
import { describeInput } from '../core/parameter.js';
import { PROVINCE_CODES, provinceName, type RegionCode } from '../core/provinces.js';
import type { Issue } from '../core/errors.js';
import { buildDataset } from '../io/load.js';
import type { ScenarioRun, TidyRow } from '../io/run-scenario.js';
import { parseAmount, toPlain, type ScenarioFile } from '../io/scenario.js';
import { resultsCsv } from '../report/results-csv.js';
import { runExtended } from './extend.js';
import { catalogue, initialState, scenarioDelta, type Catalogue, type ExplorerState, type Input, type NumberInput, type NumberValue } from './inputs.js';
import { within } from './limits.js';
import { dataFileInput, decodeTagged, type ExplorerPayload } from './payload.js';
import { barChart, esc, lineChart } from './svg.js';
import { scenarioYaml } from './yaml-text.js';

// The page forbids eval (Content-Security-Policy); zod must not probe for it.
z.config({ jitless: true });

/** Moments since the page started loading (ms), and the duration of every recalculation. */
interface Timings {
  /** The script starts running (the page and its script parsed). */
  script?: number;
  /** The embedded data read (JSON). */
  gelezen?: number;
  /** The dataset built from the data files. */
  gegevens?: number;
  /** The first calculation done and drawn. */
  eersteWeergave?: number;
  /** The first calculation alone (ms). */
  eersteBerekening?: number;
  /** Each later recalculation with its redraw (ms). */
  herberekeningen: number[];
}
declare global {
  interface Window {
    verkenner?: { tijden: Timings; yaml: () => string; csv: () => string };
  }
}

const timings: Timings = { herberekeningen: [] };
const mln = (d: Decimal, decimals = 1) => formatNumberNl(d.dividedBy(1_000_000), decimals);
const pct = (d: Decimal, decimals = 1) => `${formatNumberNl(d.times(100), decimals)}%`;
const euro = (d: Decimal) => `${formatNumberNl(d, 2)} euro`;
const show = (post: string, d: Decimal) => (post === 'dekkingsgraad' ? pct(d) : mln(d));
const showExact = (post: string, d: Decimal) => (post === 'dekkingsgraad' ? d.toSignificantDigits(15).toString().replace('.', ',') : euro(d));

/** A value in its base unit as the page shows it in an input: `2,5` (%), `200` (mln euro), `2026`. */
function displayValue(v: Decimal, eenheid: NumberInput['eenheid']): string {
  const d = eenheid === 'fractie' ? v.times(100) : eenheid === 'EUR' ? v.dividedBy(1_000_000) : v;
  return d.toFixed().replace('.', ',');
}
const UNIT_LABEL: Record<NumberInput['eenheid'], string> = { fractie: '%', EUR: 'mln euro', jaar: 'jaar' };
/** A value with its unit in text: `2,5 %`, `200 mln euro`, `2026` (a year needs no unit). */
const withUnit = (v: Decimal, eenheid: NumberInput['eenheid']) => (eenheid === 'jaar' ? displayValue(v, eenheid) : `${displayValue(v, eenheid)} ${UNIT_LABEL[eenheid]}`);

/** The text of an input read in its unit, or a Dutch problem. */
function readValue(text: string, input: NumberInput): { ok: true; value: Decimal } | { ok: false; message: string } {
  const t = text.trim();
  if (t === '') return { ok: false, message: 'verwacht een getal' };
  if (input.eenheid === 'jaar') {
    if (!/^\d{4}$/.test(t)) return { ok: false, message: `verwacht een jaartal, gevonden '${t}'` };
    return { ok: true, value: new Decimal(t) };
  }
  const suffix = /(%|mln|mld)\s*$/.exec(t)?.[1];
  if (input.eenheid === 'fractie' && suffix && suffix !== '%') return { ok: false, message: 'verwacht een percentage' };
  if (input.eenheid === 'EUR' && suffix === '%') return { ok: false, message: 'verwacht een bedrag in mln euro' };
  const r = parseAmount(suffix ? t : `${t} ${input.eenheid === 'fractie' ? '%' : 'mln'}`);
  return r.ok ? { ok: true, value: r.value } : { ok: false, message: r.message };
}

function boundsText(input: NumberInput): string {
  const g = input.grenzen;
  const range = (r: { min?: Decimal; max?: Decimal } | undefined) =>
    r ? `${r.min !== undefined ? displayValue(r.min, input.eenheid) : '…'} tot ${r.max !== undefined ? withUnit(r.max, input.eenheid) : `… ${UNIT_LABEL[input.eenheid]}`}` : '';
  const parts = [g.hard ? `grenzen ${range(g.hard)}` : '', g.plausibel ? `plausibel ${range(g.plausibel)}` : ''].filter(Boolean);
  return parts.length > 0 ? `${parts.join('; ')} (${g.bron})` : g.bron;
}

/** Checks a value against the input's bounds: an error outside the hard bounds, a warning outside the plausible range. */
function checkBounds(input: NumberInput, value: Decimal): { fout?: string; waarschuwing?: string } {
  const text = withUnit(value, input.eenheid);
  if (!within(input.grenzen.hard, value)) return { fout: `${text} valt buiten de grenzen: ${boundsText(input)}` };
  if (!within(input.grenzen.plausibel, value)) return { waarschuwing: `${text} is ongebruikelijk: ${boundsText(input)}` };
  return {};
}

/**
 * HOOK (uncertainty): the band to draw around a line, in mln euro per projection year, or nothing.
 * When the uncertainty engine lands (Monte Carlo on the fast path, `compileFast`/`evaluateFast`,
 * seeded), return its P5 and P95 of `post` for the province here, computed on request (a checkbox
 * beside the chart) and cached per scenario state; `lineChart` already draws a band. The figures in
 * text stay on the exact path.
 */
function uncertaintyBand(_run: ScenarioRun, _provincie: RegionCode, _post: string): { jaar: number; laag: number; hoog: number }[] | undefined {
  return undefined;
}

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

class Explorer {
  private state: ExplorerState;
  private provincie: RegionCode = 'NL';
  private run?: ScenarioRun;
  private rows = new Map<string, TidyRow>();
  private problems: Issue[] = [];
  /** Inputs whose text cannot be used (id → message). */
  private invalid = new Map<string, string>();
  private pending?: ReturnType<typeof setTimeout>;
  private calculations = 0;
  private readonly cat: Catalogue;

  constructor(
    private readonly payload: ExplorerPayload,
    private readonly data: Dataset,
    private readonly base: ScenarioFile,
    private readonly root: HTMLElement,
  ) {
    this.cat = catalogue(data, base, toPlain, payload.scenario.constructiesBron);
    this.state = initialState(this.cat, `${base.naam}-verkend`, `Verkend vanuit ${payload.scenario.basis}.`);
  }

  private keys(): Record<string, unknown> {
    return scenarioDelta(this.cat, this.state, this.payload.scenario.basis);
  }

  yaml(): string {
    const chain = this.payload.scenario.bestanden.map((f) => `${f.pad} (sha256 ${f.sha256.slice(0, 12)})`).join(' → ');
    return scenarioYaml(this.keys(), [
      `Gemaakt in de verkenner van natuurpact ${this.payload.versie}, vanuit ${chain}.`,
      `Leg dit bestand naast ${this.payload.scenario.basis} en reken het door met: natuurpact run ${this.state.naam}.yaml`,
    ]);
  }

  csv(dutch = false): string {
    return this.run ? resultsCsv(this.run.rows, dutch) : '';
  }

  mount(): void {
    this.root.innerHTML = this.skeleton();
    this.root.addEventListener('input', (e) => this.onInput(e, false));
    this.root.addEventListener('change', (e) => this.onInput(e, true));
    this.root.addEventListener('click', (e) => this.onClick(e));
    this.root.addEventListener('keydown', (e) => {
      const cell = (e.target as Element).closest<HTMLElement>('.cel');
      if (cell && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault();
        this.explainCell(cell.dataset);
      }
    });
    // Charts are drawn at their container's width: again when the window changes.
    let resized: ReturnType<typeof setTimeout> | undefined;
    window.addEventListener('resize', () => {
      clearTimeout(resized);
      resized = setTimeout(() => this.renderResults(), 100);
    });
    // Enter in a field would submit the form (a reload); the dialog's own form closes it.
    this.root.addEventListener('submit', (e) => {
      if ((e.target as HTMLFormElement).method !== 'dialog') e.preventDefault();
    });
    this.calculate();
  }

  // ---- controls -------------------------------------------------------------------------------

  private skeleton(): string {
    const s = this.payload.scenario;
    const provinces = [['NL', 'Nederland'], ...PROVINCE_CODES.map((p) => [p, `${provinceName(p)} (${p})`])]
      .map(([v, l]) => `<option value="${v}">${esc(l!)}</option>`)
      .join('');
    const constructions = this.cat.constructies.map((c) => `<option value="${esc(c.id)}"${c.id === this.state.constructie ? ' selected' : ''}>${esc(`${c.id} ${c.naam}`)}</option>`).join('');
    const groups = this.cat.groepen.map((g) => this.groupHtml(g)).join('');
    return `
<header><h1>Verkenner: ${esc(this.base.naam)}</h1>
<p class="lead">${esc(this.base.beschrijving ?? '')}</p>
<p class="note">Scenario ${esc(s.bestand)}; natuurpact ${esc(this.payload.versie)}. Deze pagina rekent zelf, exact (in decimalen, zoals <code>natuurpact run</code>), met de meegeleverde gegevens; ze gebruikt geen netwerk.</p></header>
<div class="layout">
<form class="invoer" id="invoer" autocomplete="off" novalidate>
<fieldset><legend>Weergave</legend>
<label class="rij">provincie <select id="provincie" data-rol="provincie">${provinces}</select></label>
<label class="rij">constructie <select id="constructie" data-rol="constructie">${constructions}</select></label>
<p class="uitleg">De verkenner toont één constructie tegelijk (vanaf ${CONSTRUCTION_START}); C0 is de status quo.</p>
</fieldset>
${groups}
<fieldset><legend>Scenariobestand</legend>
<label class="rij">naam <input type="text" id="naam" data-rol="naam" value="${esc(this.state.naam)}"></label>
<label class="rij">beschrijving <input type="text" id="beschrijving" data-rol="beschrijving" value="${esc(this.state.beschrijving)}"></label>
<p class="melding" id="naam-melding"></p>
<div class="knoppen"><button type="button" data-actie="yaml">Scenario (YAML)</button><button type="button" data-actie="csv">Tabel (CSV)</button>
<label class="klein"><input type="checkbox" id="nl-csv"> CSV met ; en decimale komma</label>
<button type="button" data-actie="herstel">Terug naar het scenario</button></div>
<details><summary>Het scenariobestand</summary><pre id="yaml"></pre></details>
</fieldset>
</form>
<main class="uitvoer" id="uitvoer">
<div id="problemen" role="alert"></div>
<div id="wijzigingen"></div>
<section id="kerncijfers" class="kerncijfers"></section>
<p class="note" id="tijd"></p>
<figure id="lijn"></figure>
<figure id="balken"></figure>
<h2>Tabel <span class="klein">(mln euro, dekkingsgraad in %; klik op een getal voor de uitleg; grijs: schatting of aanname)</span></h2>
<div class="tabel" id="tabel"></div>
<section class="herkomst"><h2>Herkomst</h2>${this.provenanceHtml()}</section>
</main>
</div>
<dialog id="uitleg"><div id="uitleg-tekst"></div><form method="dialog"><button>Sluiten</button></form></dialog>`;
  }

  private provenanceHtml(): string {
    const s = this.payload.scenario;
    const files = s.bestanden.map((f) => `<li><code>${esc(f.pad)}</code> sha256 <code>${f.sha256}</code></li>`).join('');
    const data = this.payload.gegevens.map((f) => `<li><code>${esc(f.label)}</code> (${f.laag}) sha256 <code>${f.sha256}</code></li>`).join('');
    return `<p class="note">Scenario:</p><ul class="klein">${files}</ul><p class="note">Gegevens (in deze pagina ingebed):</p><ul class="klein">${data}</ul>`;
  }

  private groupHtml(g: Catalogue['groepen'][number]): string {
    const inputs = g.invoer.map((i) => this.inputHtml(i)).join('');
    if (g.ontwikkeling) {
      const on = this.state.aan[g.ontwikkeling.naam];
      return `<details class="groep ontwikkeling" data-groep="${esc(g.id)}"><summary><label><input type="checkbox" data-rol="aan" data-ontwikkeling="${esc(g.ontwikkeling.naam)}"${on ? ' checked' : ''}> ${esc(g.titel)}</label></summary>
<p class="uitleg">${esc(g.toelichting ?? '')}</p>${inputs}</details>`;
    }
    // The first group is open where there is room beside the results.
    const open = g.id === 'macro' && window.matchMedia('(min-width: 900px)').matches;
    return `<details class="groep" data-groep="${esc(g.id)}"${open ? ' open' : ''}><summary>${esc(g.titel)}</summary>${g.toelichting ? `<p class="uitleg">${esc(g.toelichting)}</p>` : ''}${inputs}</details>`;
  }

  private inputHtml(i: Input): string {
    const domId = `i-${i.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    if (i.soort === 'keuze') {
      const opts = i.opties.map((o) => `<option value="${esc(o.waarde)}"${o.waarde === this.state.keuzes[i.id] ? ' selected' : ''}>${esc(o.label)}</option>`).join('');
      return `<div class="veld" data-id="${esc(i.id)}"><label class="rij" for="${domId}">${esc(i.label)}</label><select id="${domId}" data-rol="keuze" data-id="${esc(i.id)}">${opts}</select><p class="uitleg">${esc(i.toelichting)}</p></div>`;
    }
    const v = this.state.getallen[i.id]!;
    const main = v.vorm === 'enkel' ? displayValue(v.waarde, i.eenheid) : '';
    const placeholder = v.vorm === 'provincie' ? 'per provincie (zie hieronder)' : v.vorm === 'per_jaar' ? 'per jaar' : '';
    const years = i.perJaar
      ? `<details class="perjaar"><summary>per jaar</summary><div class="jaren">${this.cat.jaren
          .map((y, k) => `<label>${y} <input type="text" inputmode="decimal" data-rol="jaar" data-id="${esc(i.id)}" data-index="${k}" value="${esc(this.yearText(i, v, k))}"></label>`)
          .join('')}</div></details>`
      : '';
    const perProvince = v.vorm === 'provincie' && i.scenario ? `<p class="uitleg">Scenario: ${esc(describeInput(i.scenario, i.standaard.waarde, (d) => `${displayValue(d, i.eenheid)}`))} ${UNIT_LABEL[i.eenheid]}; een waarde hier vervangt dit.</p>` : '';
    const status = `${i.status}${i.bron.length > 0 ? `; bron: ${i.bron.join(', ')}` : ''}`;
    return `<div class="veld" data-id="${esc(i.id)}"><label class="rij" for="${domId}"><span>${esc(i.label)} <span class="eenheid">${UNIT_LABEL[i.eenheid]}</span></span>
<input type="text" inputmode="decimal" id="${domId}" data-rol="enkel" data-id="${esc(i.id)}" value="${esc(main)}" placeholder="${esc(placeholder)}"></label>${years}${perProvince}
<p class="melding" data-melding="${esc(i.id)}"></p>
<p class="uitleg">standaard ${esc(withUnit(i.standaard.waarde, i.eenheid))} (${esc(status)}): ${esc(i.toelichting.replace(/\.\s*$/, ''))}. ${esc(boundsText(i))}.</p></div>`;
  }

  private yearText(i: NumberInput, v: NumberValue, k: number): string {
    if (v.vorm === 'enkel') return displayValue(v.waarde, i.eenheid);
    if (v.vorm === 'per_jaar') return displayValue(v.waarden[k]!, i.eenheid);
    return '';
  }

  private numberInput(id: string): NumberInput {
    for (const g of this.cat.groepen) for (const i of g.invoer) if (i.id === id && i.soort === 'getal') return i;
    throw new RangeError(`unknown input ${id}`);
  }

  private onInput(e: Event, committed: boolean): void {
    const el = e.target as HTMLInputElement | HTMLSelectElement;
    const rol = el.dataset.rol;
    if (!rol) return;
    if (rol === 'provincie') {
      this.provincie = el.value as RegionCode;
      this.renderResults();
      return;
    }
    if (rol === 'constructie') this.state = { ...this.state, constructie: el.value };
    else if (rol === 'keuze') this.state = { ...this.state, keuzes: { ...this.state.keuzes, [el.dataset.id!]: el.value } };
    else if (rol === 'aan') this.state = { ...this.state, aan: { ...this.state.aan, [el.dataset.ontwikkeling!]: (el as HTMLInputElement).checked } };
    else if (rol === 'naam' || rol === 'beschrijving') {
      this.state = { ...this.state, [rol]: el.value };
      const bad = rol === 'naam' && !/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/.test(el.value);
      this.setInvalid('naam', bad ? 'een naam van letters, cijfers, punt, _ of - (hij wordt ook de naam van de uitvoermap)' : undefined);
      this.root.querySelector('#naam-melding')!.textContent = bad ? 'Ongeldige naam: letters, cijfers, punt, _ of -; hij wordt ook de naam van de uitvoermap.' : '';
    } else if (rol === 'enkel' || rol === 'jaar') {
      this.numberChanged(el as HTMLInputElement, rol);
    } else return;
    this.schedule(committed);
  }

  private numberChanged(el: HTMLInputElement, rol: 'enkel' | 'jaar'): void {
    const input = this.numberInput(el.dataset.id!);
    const box = this.root.querySelector(`.veld[data-id="${CSS.escape(input.id)}"]`)!;
    const message = box.querySelector('.melding')!;
    const current = this.state.getallen[input.id]!;
    if (rol === 'enkel' && el.value.trim() === '' && current.vorm !== 'enkel') {
      // The main field is empty while the value is per year or per province: nothing changed.
      message.textContent = '';
      this.setInvalid(input.id, undefined);
      return;
    }
    const r = readValue(el.value, input);
    const bounds = r.ok ? checkBounds(input, r.value) : {};
    const error = r.ok ? bounds.fout : r.message;
    message.textContent = error ?? bounds.waarschuwing ?? '';
    message.className = `melding${error ? ' fout' : bounds.waarschuwing ? ' waarschuwing' : ''}`;
    el.setAttribute('aria-invalid', error ? 'true' : 'false');
    this.setInvalid(input.id, error);
    if (!r.ok || error) return;
    let next: NumberValue;
    if (rol === 'enkel') {
      next = { vorm: 'enkel', waarde: r.value };
      box.querySelectorAll<HTMLInputElement>('input[data-rol="jaar"]').forEach((y) => (y.value = displayValue(r.value, input.eenheid)));
    } else {
      const k = Number(el.dataset.index);
      const base = current.vorm === 'per_jaar' ? current.waarden : this.cat.jaren.map((y) => (current.vorm === 'enkel' ? current.waarde : input.standaard.waarde));
      next = { vorm: 'per_jaar', waarden: base.map((v, i) => (i === k ? r.value : v)) };
      (box.querySelector('input[data-rol="enkel"]') as HTMLInputElement).value = '';
      (box.querySelector('input[data-rol="enkel"]') as HTMLInputElement).placeholder = 'per jaar';
    }
    this.state = { ...this.state, getallen: { ...this.state.getallen, [input.id]: next } };
  }

  private setInvalid(id: string, message: string | undefined): void {
    if (message) this.invalid.set(id, message);
    else this.invalid.delete(id);
  }

  private schedule(now: boolean): void {
    if (this.pending !== undefined) clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.calculate();
    }, now ? 0 : 150);
  }

  private reset(): void {
    this.state = initialState(this.cat, this.state.naam, this.state.beschrijving);
    this.invalid.clear();
    const naam = this.state.naam;
    this.root.innerHTML = this.skeleton();
    (this.root.querySelector('#naam') as HTMLInputElement).value = naam;
    (this.root.querySelector('#provincie') as HTMLSelectElement).value = this.provincie;
    this.calculate();
  }

  // ---- calculation ----------------------------------------------------------------------------

  private calculate(): void {
    const started = performance.now();
    const yamlBox = this.root.querySelector('#yaml');
    if (yamlBox) yamlBox.textContent = this.yaml();
    if (this.invalid.size > 0) {
      this.problems = [...this.invalid.values()].map((message) => ({ message }));
      this.renderProblems(true);
      this.finish(started);
      return;
    }
    const result = runExtended(this.base, this.keys(), `${this.state.naam}.yaml`, this.data);
    if (!result.ok) {
      this.problems = [...result.problemen];
      this.renderProblems(true);
    } else {
      this.problems = [];
      this.run = result.run;
      const wanted = result.run.comparison ? this.state.constructie : result.run.result.rows[0]!.constructie;
      this.rows = new Map(result.run.rows.filter((r) => r.constructie === wanted).map((r) => [`${r.provincie}|${r.jaar}|${r.post}`, r] as const));
      this.renderProblems(false);
      this.renderResults();
    }
    this.finish(started);
  }

  private finish(started: number): void {
    const ms = performance.now() - started;
    this.calculations++;
    if (this.calculations === 1) {
      timings.eersteWeergave = performance.now();
      timings.eersteBerekening = ms;
    } else timings.herberekeningen.push(ms);
    this.root.querySelector('#tijd')!.textContent = `Doorgerekend in ${Math.round(ms)} ms.`;
    document.body.dataset.berekend = String(this.calculations);
  }

  private renderProblems(stale: boolean): void {
    const box = this.root.querySelector('#problemen')!;
    box.innerHTML = this.problems.length
      ? `<div class="fout"><p><strong>Deze invoer kan niet worden doorgerekend${this.run ? '; de figuren horen bij de laatste geldige invoer' : ''}:</strong></p><ul>${this.problems.map((p) => `<li>${esc(p.message)}</li>`).join('')}</ul></div>`
      : '';
    this.root.querySelector('#uitvoer')!.classList.toggle('verouderd', stale);
  }

  // ---- results --------------------------------------------------------------------------------

  private row(p: RegionCode, y: number, post: string): TidyRow | undefined {
    return this.rows.get(`${p}|${y}|${post}`);
  }

  private cellHtml(p: RegionCode, y: number, post: string): string {
    const r = this.row(p, y, post);
    if (!r) return '<td></td>';
    return `<td class="r cel ${r.status}" data-provincie="${p}" data-jaar="${y}" data-post="${esc(post)}" data-waarde="${r.bedrag_eur.toFixed()}" tabindex="0">${show(post, r.bedrag_eur)}</td>`;
  }

  private renderResults(): void {
    const run = this.run;
    if (!run) return;
    const p = this.provincie;
    const { van, tot } = run.window;
    const lines: readonly string[] = run.comparison ? COMPARISON_LINES : LINES;
    const c = run.comparison ? this.state.constructie : 'C0';
    const cName = this.cat.constructies.find((x) => x.id === c)?.naam ?? c;
    const changes = run.loaded.wijzigingen;
    this.root.querySelector('#wijzigingen')!.innerHTML = changes.length
      ? `<p class="note">Gewijzigd ten opzichte van ${esc(this.base.naam)}: ${changes.map((w) => `<code>${esc(w.pad)}: ${esc(w.waarde)}</code>`).join(', ')}.</p>`
      : `<p class="note">Geen wijzigingen ten opzichte van ${esc(this.base.naam)}.</p>`;

    const gap = this.row(p, tot, 'tekort');
    const windowGap = sum(run.result.jaren.filter((y) => y >= van && y <= tot).map((y) => this.row(p, y, 'tekort')!.bedrag_eur));
    const coverage = this.row(p, tot, 'dekkingsgraad');
    const summary = run.comparison?.samenvatting.find((s) => s.constructie === c && s.provincie === p);
    const figure = (label: string, value: string, attrs: string) => `<div class="kerncijfer cel" ${attrs} tabindex="0"><span class="label">${esc(label)}</span><span class="waarde">${value}</span></div>`;
    const attrs = (post: string, jaar: number) => `data-provincie="${p}" data-jaar="${jaar}" data-post="${esc(post)}" data-waarde="${this.row(p, jaar, post)?.bedrag_eur.toFixed() ?? ''}"`;
    this.root.querySelector('#kerncijfers')!.innerHTML =
      `<h2>${esc(provinceName(p))}, ${esc(`${c} ${cName}`)}</h2><div class="cijfers">` +
      figure(`tekort ${tot}`, `${show('tekort', gap!.bedrag_eur)} mln`, attrs('tekort', tot)) +
      figure(`tekort ${van}-${tot}`, `${mln(windowGap)} mln`, `data-provincie="${p}" data-post="venster" data-waarde="${windowGap.toFixed()}"`) +
      figure(`dekkingsgraad ${tot}`, show('dekkingsgraad', coverage!.bedrag_eur), attrs('dekkingsgraad', tot)) +
      (run.comparison ? figure(`tekort.netto ${tot}`, `${mln(this.row(p, tot, 'tekort.netto')!.bedrag_eur)} mln`, attrs('tekort.netto', tot)) : '') +
      (summary && c !== 'C0' ? figure(`verschil met C0 ${van}-${tot} (netto)`, `${mln(summary.verschilMetC0)} mln`, `data-provincie="${p}" data-post="verschil" data-waarde="${summary.verschilMetC0.toFixed()}"`) : '') +
      '</div>';

    const years = run.result.jaren;
    // Drawn at the container's width (within reason), so text keeps its size on a phone.
    const chartWidth = Math.max(320, Math.min(900, Math.round(this.root.querySelector('#lijn')!.clientWidth || 640)));
    const serie = (naam: string, kleur: string, post: string) => {
      const band = uncertaintyBand(run, p, post);
      return {
        naam,
        kleur,
        punten: years.map((y) => {
          const r = this.row(p, y, post)!;
          return { provincie: p, jaar: y, post, waarde: r.bedrag_eur.dividedBy(1e6).toNumber(), tekst: `${mln(r.bedrag_eur)} mln` };
        }),
        ...(band ? { band } : {}),
      };
    };
    this.root.querySelector('#lijn')!.innerHTML =
      lineChart([serie('kosten', '#d95f02', 'kosten.totaal'), serie('inkomsten Rijk en EU', '#1b9e77', 'inkomsten.totaal'), serie('tekort', '#7570b3', 'tekort')], run.result.basisjaar, 'mln euro', `Kosten, inkomsten en tekort, ${provinceName(p)}`, chartWidth) +
      `<figcaption>Kosten, inkomsten en tekort per jaar, ${esc(provinceName(p))} (mln euro). Klik op een punt voor de uitleg.</figcaption>`;
    this.root.querySelector('#balken')!.innerHTML =
      barChart(
        PROVINCE_CODES.map((q) => {
          const r = this.row(q, tot, 'tekort')!;
          return { label: provinceName(q), provincie: q, jaar: tot, post: 'tekort', waarde: r.bedrag_eur.dividedBy(1e6).toNumber(), tekst: mln(r.bedrag_eur), gekozen: q === p };
        }),
        'mln euro',
        `Tekort per provincie in ${tot}`,
        chartWidth,
      ) + `<figcaption>Tekort per provincie in ${tot} (mln euro).</figcaption>`;

    const head = `<tr><th>post</th>${years.map((y) => `<th class="r${y === run.result.basisjaar + 1 ? ' start' : ''}">${y}</th>`).join('')}</tr>`;
    const body = lines.map((post) => `<tr><th>${esc(post)}</th>${years.map((y) => this.cellHtml(p, y, post)).join('')}</tr>`).join('');
    this.root.querySelector('#tabel')!.innerHTML = `<table><thead>${head}</thead><tbody>${body}</tbody></table>`;
  }

  // ---- explanation and export -----------------------------------------------------------------

  private onClick(e: Event): void {
    const target = e.target as Element;
    const action = target.closest<HTMLElement>('[data-actie]')?.dataset.actie;
    if (action === 'yaml') return download(`${this.state.naam}.yaml`, this.yaml(), 'application/yaml');
    if (action === 'csv') return download(`${this.state.naam}-resultaten.csv`, this.csv((this.root.querySelector('#nl-csv') as HTMLInputElement).checked), 'text/csv');
    if (action === 'herstel') return this.reset();
    const cell = target.closest<HTMLElement | SVGElement>('.cel');
    if (cell) this.explainCell(cell.dataset as DOMStringMap);
  }

  private explainCell(d: DOMStringMap): void {
    const run = this.run;
    if (!run || !d.post) return;
    const p = d.provincie as RegionCode;
    const dialog = this.root.querySelector<HTMLDialogElement>('#uitleg')!;
    const box = this.root.querySelector('#uitleg-tekst')!;
    const { van, tot } = run.window;
    const c = run.comparison ? this.state.constructie : undefined;
    if (d.post === 'venster' || d.post === 'verschil') {
      const which = d.post === 'venster' ? 'tekort' : 'tekort.netto';
      const years = run.result.jaren.filter((y) => y >= van && y <= tot);
      const items = years.map((y) => `<li>${y}: ${mln(this.row(p, y, which)!.bedrag_eur, 3)} mln${d.post === 'verschil' ? ` (C0: ${mln(run.comparison!.row('C0', p, y, 'tekort.netto').bedrag_eur, 3)} mln)` : ''}</li>`).join('');
      box.innerHTML =
        `<h2>${esc(provinceName(p))}: ${d.post === 'venster' ? `tekort ${van}-${tot}` : `verschil met C0 ${van}-${tot}`}</h2><p class="exact">${euro(new Decimal(d.waarde!))}</p>` +
        `<p>regel: ${d.post === 'venster' ? `som van tekort over ${van}-${tot}` : `som van tekort.netto onder ${esc(c!)} min die onder C0, ${van}-${tot}`}</p><ul>${items}</ul>`;
    } else {
      const jaar = Number(d.jaar);
      const e = c
        ? explainConstructionCell(run.comparison!, run.result, { constructie: c, provincie: p, jaar, post: d.post as ComparisonLine })
        : explain(run.result, { provincie: p, jaar, post: d.post as Line });
      const sources = (ids: readonly string[]) =>
        [...new Set(ids)]
          .map((id) => {
            const s = this.data.bronnen.get(id);
            return s ? `<a href="${esc(s.url)}" rel="noreferrer noopener" target="_blank">${esc(s.titel)}</a> (${esc(s.uitgever)}, ${esc(s.datum)})` : esc(id);
          })
          .join('; ');
      box.innerHTML =
        `<h2>${esc(`${e.provincie} ${e.jaar} ${e.post}`)}${c ? ` <span class="klein">(${esc(c)})</span>` : ''}</h2>` +
        `<p class="exact">${showExact(e.post, e.waarde)} <span class="status ${e.status}">${e.status}</span></p>` +
        `<p>regel: ${esc(e.regel)}</p>` +
        (e.invoer.length ? `<ul>${e.invoer.map((i) => `<li>${esc(i.omschrijving)}${i.status ? ` <span class="status ${i.status}">${i.status}</span>` : ''}${i.bron && i.bron.length ? `<br><span class="klein">bron: ${sources(i.bron)}</span>` : ''}</li>`).join('')}</ul>` : '');
    }
    if (!dialog.open) dialog.showModal();
  }
}

async function start(): Promise<void> {
  timings.script = performance.now();
  const root = document.getElementById('verkenner')!;
  try {
    const payload = decodeTagged(document.getElementById('verkenner-gegevens')!.textContent ?? '') as ExplorerPayload;
    timings.gelezen = performance.now();
    const data = buildDataset(payload.gegevens.map(dataFileInput));
    timings.gegevens = performance.now();
    const base = payload.scenario.inhoud as ScenarioFile;
    // A scenario's own construction may have a formula key: the parser is loaded only then.
    if (needsFormulaParser(base)) await loadFormulaParser();
    const explorer = new Explorer(payload, data, base, root);
    window.verkenner = { tijden: timings, yaml: () => explorer.yaml(), csv: () => explorer.csv() };
    explorer.mount();
  } catch (e) {
    root.innerHTML = `<p class="fout">De verkenner kan niet starten: ${esc(e instanceof Error ? e.message : String(e))}</p>`;
    document.body.dataset.berekend = 'fout';
    throw e;
  }
}

void start();
