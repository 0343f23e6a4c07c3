/**
 * The workbook as a model: the sheets `Invoer`, `Indexen` and `Projectie`, from which `Per
 * provincie`, `Samenvatting` and `Ontleding` compute the projection with live formulas. Changing an
 * input in `Invoer` (the CPI projection, a wage or land price rate, a weight of the nature cost
 * index) and recalculating gives what `natuurpact run` gives with that change, per province and
 * year, to the cent (tested through LibreOffice: tests/workbook-model.test.ts). The cached result
 * of every formula is the tool's exact figure.
 *
 * The formulas are the model's own (see `plan.ts` and `context.ts`):
 *
 *   Indexen:   f_t = 1 + w_loon,t × loon_t + w_prijs,t × cpi_t + w_grond,t × grond_t
 *              KI_t = KI_{t−1} × f_t,  WI_t = WI_{t−1} × (1 + loon_t),  LP_t = LP_{t−1} × (1 + grond_t)
 *   Projectie: per province, year and task
 *              P = I_t / I_r (the driver's declared index, `PriceIndex`), V (a value: hectares,
 *              programme amounts and faunaschade do not depend on the inputs)
 *              zonder ontwikkelingen = ROUND(basis × P × V; 2)
 *              ontwikkeling d = ROUND((a_d + m_d × landelijke basis × P × V) × aandeel; 2), a_d and m_d
 *              the development's effect split by the baseline it scales with (`lineair` in plan.ts);
 *              a value where m_d = 0
 *              kosten = zonder ontwikkelingen + Σ_d ontwikkeling d
 *              prijsdeel (for Ontleding) = ROUND(basis × (P − 1) × (1 + V) / 2; 2)
 *
 * Excel's ROUND rounds halves away from zero, the model to even: they differ only on an exact half
 * cent, which products of these factors do not give (the LibreOffice test would show it).
 * Income, the constructions and the tidy table stay values: they do not depend on these inputs
 * (the constructions' indexations do; the Uitleg sheet says so).
 */
import { Decimal, sum, ZERO } from '../core/decimal.js';
import { landPriceRate, natureWageRate } from '../core/indexation/kostenindex.js';
import { macroValue, type SeriesInput } from '../core/indexation/series.js';
import { weights } from '../core/indexation/weights.js';
import { at as indexAt, type YearlyFactor } from '../core/model/context.js';
import { COST_TASKS, type CostTask } from '../core/model/lines.js';
import { developmentCostParts } from '../core/model/plan.js';
import { PROVINCE_CODES, provinceName, type ProvinceCode } from '../core/provinces.js';
import type { ScenarioRun } from '../io/run-scenario.js';
import { columnName, type SheetCell } from './spreadsheet-xml.js';

const n = (d: Decimal) => d.toNumber();
/** A decimal written into a formula: plain digits (no exponent), as many as a float holds. */
const literal = (d: Decimal) => d.toSignificantDigits(17).toFixed();

export const RATE = '0.00%';
export const SHARE = '0.0%';
export const FACTOR = '0.000000';
export const EUR = '#,##0';

export interface LiveSheet {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly SheetCell[])[];
  readonly formats: Readonly<Record<number, string>>;
}

const label = (p: ProvinceCode) => `${p} ${provinceName(p)}`;

/** Where a source value came from, for the Invoer sheet. */
function origin(i: SeriesInput): string {
  return i.publicatie === 'aanname' ? `aanname projectie.${i.reeks}` : `${i.reeks} ${i.jaar} (${i.publicatie}, ${i.status})`;
}

export interface LiveModel {
  readonly sheets: readonly LiveSheet[];
  /** Row in `Projectie` of the first task of a province and year (the seven tasks follow). */
  projectieRow(p: ProvinceCode, year: number): number;
  readonly projectieRows: number;
  /** Columns of `Projectie`. */
  readonly col: { readonly provincie: string; readonly jaar: string; readonly basis: string; readonly zonder: string; readonly kosten: string; readonly prijsdeel: string; readonly ontwikkeling: ReadonlyMap<string, string> };
  /** Rows of `Invoer` whose CPI is the projection assumption (what `macro.projectie.cpi` replaces). */
  readonly cpiProjectie: readonly number[];
  readonly cpiKolom: string;
}

/** The live sheets for the years after the base year up to `tot`. */
export function liveModel(run: ScenarioRun, tot: number): LiveModel {
  const plan = run.result.plan;
  const data = plan.data;
  const options = plan.context.options;
  const years = plan.years.filter((y) => y <= tot);
  const invoerRow = (y: number) => years.indexOf(y) + 2;

  // Invoer: the rates and weights of each year as typed numbers (percentages), with where they come from.
  const cpiRows: number[] = [];
  const invoer = years.map((y) => {
    const cpi = macroValue(data, 'cpi', y, options);
    const loon = natureWageRate(data, y, options);
    const grond = landPriceRate(data, y, options);
    const w = weights(data, 'kostenindex', ['loon', 'prijs', 'grond'], options.gewichten, y).values;
    const factor = w.loon!.times(loon.rate).plus(w.prijs!.times(cpi.waarde)).plus(w.grond!.times(grond.rate));
    // The workbook's factor must be the model's own; anything else is a bug here.
    if (!factor.equals(plan.context.kostenindex.steps.get(y)!.rate)) throw new Error(`workbook: nature cost index ${y} does not match the model`);
    if (cpi.publicatie === 'aanname') cpiRows.push(invoerRow(y));
    return [
      y,
      n(cpi.waarde),
      n(loon.rate),
      n(grond.rate),
      n(w.loon!),
      n(w.prijs!),
      n(w.grond!),
      origin(cpi),
      loon.inputs.map(origin).join('; '),
      grond.inputs.map(origin).join('; '),
    ] as SheetCell[];
  });

  // Indexen: the factor and the three cumulative indices (base year = 1), from Invoer.
  const idxCol = { kostenindex: 'C', loonindex: 'D', grondprijsindex: 'E' } as const;
  const factors: Record<keyof typeof idxCol, YearlyFactor> = { kostenindex: plan.context.kostenindex, loonindex: plan.context.loonindex, grondprijsindex: plan.context.grondprijsindex };
  const indexen = years.map((y, i) => {
    const r = i + 2;
    const prev = (c: string, step: string) => (i === 0 ? step : `${c}${r - 1}*${step}`);
    return [
      y,
      { formula: `1+Invoer!E${r}*Invoer!C${r}+Invoer!F${r}*Invoer!B${r}+Invoer!G${r}*Invoer!D${r}`, result: n(plan.context.kostenindex.steps.get(y)!.rate.plus(1)) },
      { formula: prev('C', `B${r}`), result: n(indexAt(factors.kostenindex, y)) },
      { formula: prev('D', `(1+Invoer!C${r})`), result: n(indexAt(factors.loonindex, y)) },
      { formula: prev('E', `(1+Invoer!D${r})`), result: n(indexAt(factors.grondprijsindex, y)) },
    ] as SheetCell[];
  });
  const indexRow = (y: number) => years.indexOf(y) + 2;

  // Projectie: province × year × task.
  const devs = plan.developments.filter((d) => PROVINCE_CODES.some((p) => COST_TASKS.some((k) => (d.effectFor(p).kosten[k]?.size ?? 0) > 0)));
  const nationalBase = Object.fromEntries(COST_TASKS.map((k) => [k, sum(PROVINCE_CODES.map((p) => plan.baseCost.get(p)![k]))])) as Record<CostTask, Decimal>;
  // A provincie, B jaar, C taak, D basis, E prijsfactor, F volumefactor, G aandeel, H landelijke basis,
  // I zonder ontwikkelingen, J.. one per development, then kosten and prijsdeel.
  const devCol = new Map(devs.map((d, i) => [d.definitie.naam, columnName(9 + i)] as const));
  const costCol = columnName(9 + devs.length);
  const priceCol = columnName(10 + devs.length);
  const rows: SheetCell[][] = [];
  for (const p of PROVINCE_CODES) {
    for (const y of years) {
      for (const k of COST_TASKS) {
        const r = rows.length + 2;
        const driver = plan.drivers[k];
        const base = plan.baseCost.get(p)![k];
        const price = driver.price(y);
        const volume = driver.volume(y);
        const declared = driver.prijsindex;
        const ref = declared?.tenOpzichteVan !== undefined && declared.tenOpzichteVan > plan.baseYear ? declared.tenOpzichteVan : undefined;
        const priceCell: SheetCell =
          declared && (ref === undefined || y > ref)
            ? { formula: `Indexen!${idxCol[declared.index]}${indexRow(y)}${ref !== undefined ? `/Indexen!${idxCol[declared.index]}${indexRow(ref)}` : ''}`, result: n(price) }
            : n(price);
        const parts = developmentCostParts(plan, p, k, y);
        const devCells = devs.map((d): SheetCell => {
          const part = parts[plan.developments.indexOf(d)]!.bedrag;
          const lin = d.lineair(p);
          const a = lin.vast.kosten[k]?.get(y) ?? ZERO;
          const m = lin.perBasiseuro.kosten[k]?.get(y) ?? ZERO;
          if (m.isZero()) return n(part);
          const share = plan.costShare.get(p)![k];
          const national = nationalBase[k].times(price).times(volume);
          // Only a development that is linear in the baseline is recomputed; it is (model tests), this is the guard.
          if (!a.plus(m.times(national)).times(share).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).equals(part)) throw new Error(`workbook: development ${d.definitie.naam} is not linear in the baseline`);
          return { formula: `ROUND((${literal(a)}+${literal(m)}*H${r}*E${r}*F${r})*G${r},2)`, result: n(part) };
        });
        const cell = run.result.cell(p, y, `kosten.${k}`).bedrag_eur;
        const devTotal = sum(parts.map((x) => x.bedrag));
        rows.push([
          label(p),
          y,
          k,
          n(base),
          priceCell,
          n(volume),
          n(plan.costShare.get(p)![k]),
          n(nationalBase[k]),
          { formula: `ROUND(D${r}*E${r}*F${r},2)`, result: n(cell.minus(devTotal)) },
          ...devCells,
          { formula: devs.length > 0 ? `I${r}+SUM(${columnName(9)}${r}:${columnName(8 + devs.length)}${r})` : `I${r}`, result: n(cell) },
          { formula: `ROUND(D${r}*(E${r}-1)*(1+F${r})/2,2)`, result: n(base.times(price.minus(1)).times(volume.plus(1)).dividedBy(2).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN)) },
        ]);
      }
    }
  }
  const firstRow = (p: ProvinceCode, y: number) => 2 + (PROVINCE_CODES.indexOf(p) * years.length + years.indexOf(y)) * COST_TASKS.length;

  return {
    sheets: [
      {
        name: 'Invoer',
        header: ['jaar', 'cpi', 'loonstijging natuur', 'grondprijsmutatie', 'gewicht loon', 'gewicht prijs', 'gewicht grond', 'herkomst cpi', 'herkomst loonstijging', 'herkomst grondprijs'],
        rows: invoer,
        formats: { 1: RATE, 2: RATE, 3: RATE, 4: SHARE, 5: SHARE, 6: SHARE },
      },
      {
        name: 'Indexen',
        header: ['jaar', 'factor natuurkostenindex', `natuurkostenindex (${plan.baseYear} = 1)`, `loonindex (${plan.baseYear} = 1)`, `grondprijsindex (${plan.baseYear} = 1)`],
        rows: indexen,
        formats: { 1: FACTOR, 2: FACTOR, 3: FACTOR, 4: FACTOR },
      },
      {
        name: 'Projectie',
        header: [
          'provincie',
          'jaar',
          'taak',
          `basis ${plan.baseYear} (euro)`,
          'prijsfactor',
          'volumefactor',
          'aandeel in de taak',
          `landelijke basis ${plan.baseYear} (euro)`,
          'kosten zonder ontwikkelingen (euro)',
          ...devs.map((d) => `ontwikkeling ${d.definitie.naam} (euro)`),
          'kosten (euro)',
          `prijsdeel sinds ${plan.baseYear} (euro)`,
        ],
        rows,
        formats: { 3: EUR, 4: FACTOR, 5: FACTOR, 6: SHARE, 7: EUR, 8: EUR, ...Object.fromEntries(devs.map((_, i) => [9 + i, EUR])), [9 + devs.length]: EUR, [10 + devs.length]: EUR },
      },
    ],
    projectieRow: firstRow,
    projectieRows: rows.length,
    col: { provincie: 'A', jaar: 'B', basis: 'D', zonder: 'I', kosten: costCol, prijsdeel: priceCol, ontwikkeling: devCol },
    cpiProjectie: cpiRows,
    cpiKolom: 'B',
  };
}
