/**
 * Charts as SVG, made without a browser: vega-lite specifications compiled to vega and rendered
 * headless (`renderer: 'none'`, `toSVG`). Dutch number formatting (decimal comma, thousands dot),
 * axis titles with units, and the boundary between history and projection marked with a dashed rule.
 * The same data gives the same SVG bytes.
 *
 * Accessibility in Dutch: vega labels its marks, axes and legends for screen readers in English
 * ("line mark container", "X-axis titled ..."). Those labels are removed and the chart as a whole is
 * one image with a Dutch label and title given by the caller; the figures themselves are in the
 * report's tables. The SVG keeps its viewBox, so a page can scale it to its width (`max-width:100%`).
 *
 * vega and vega-lite are loaded on the first chart, not before (a CSV run never loads them). Each
 * chart shape (its specification without its data) is compiled and parsed once per process and
 * given each chart's data, so a chart costs its dataflow, layout and SVG only; a chart drawn before
 * in the process (the same specification and data) is not drawn again.
 */
import type * as Vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';

const NL_LOCALE = { decimal: ',', thousands: '.', grouping: [3], currency: ['€ ', ''] } as const;
const FONT = 'Helvetica, Arial, sans-serif';
const CONFIG = {
  font: FONT,
  axis: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal' as const, grid: true, gridColor: '#e5e5e5' },
  legend: { labelFontSize: 11, titleFontSize: 11, orient: 'bottom' as const, labelLimit: 320 },
  view: { stroke: null },
};
/** The name under which a chart's own rows reach its view. */
const TABLE = 'tabel';

interface Renderer {
  readonly vega: typeof Vega;
  readonly vl: typeof import('vega-lite');
}

let renderer: Promise<Renderer> | undefined;

/** vega and vega-lite, loaded and set to Dutch number formats once per process. */
function loadRenderer(): Promise<Renderer> {
  renderer ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vl]) => {
    vega.formatLocale(NL_LOCALE as unknown as Parameters<typeof vega.formatLocale>[0]);
    return { vega, vl };
  });
  return renderer;
}

/** Parsed chart shapes (vega runtime specifications), by their specification without data. */
const shapes = new Map<string, Vega.Runtime>();

/**
 * Charts already drawn in this process, by their whole specification: scenarios that share a figure
 * (the index of two scenarios with the same macro settings, a scenario and its base when only the
 * constructions differ) draw it once. The same specification always gives the same SVG.
 */
const drawn = new Map<string, Promise<string>>();
/** How many drawn charts are kept (the oldest go first), so a run of many scenarios stays small. */
const DRAWN_KEPT = 64;

/**
 * A chart as SVG, labelled for screen readers with `beschrijving` (Dutch: what the chart shows).
 *
 * @example
 *   await renderSvg(lineChart(points, 2023, 'mln euro'), 'Kosten en inkomsten per jaar')
 */
export async function renderSvg(spec: TopLevelSpec, beschrijving: string): Promise<string> {
  const key = JSON.stringify(spec);
  let svg = drawn.get(key);
  if (!svg) {
    svg = draw(spec);
    drawn.set(key, svg);
    svg.catch(() => drawn.delete(key));
    if (drawn.size > DRAWN_KEPT) drawn.delete(drawn.keys().next().value!);
  }
  return labelled(await svg, beschrijving);
}

const escapeXml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** vega's English ARIA attributes out; one Dutch label and title for the whole chart in. */
export function labelled(svg: string, beschrijving: string): string {
  const text = escapeXml(beschrijving);
  return svg
    .replace(/ (aria-roledescription|aria-label)="[^"]*"/g, '')
    .replace(/ role="graphics-[a-z]+"/g, '')
    .replace(/^<svg([^>]*)>/, `<svg$1 role="img" aria-label="${text}"><title>${text}</title>`);
}

async function draw(spec: TopLevelSpec): Promise<string> {
  const { vega, vl } = await loadRenderer();
  const data = (spec as { data?: { values?: unknown } }).data;
  const values = Array.isArray(data?.values) ? (data.values as object[]) : undefined;
  const shape = (values ? { ...spec, data: { name: TABLE } } : spec) as TopLevelSpec;
  const key = JSON.stringify(shape);
  let runtime = shapes.get(key);
  if (!runtime) {
    runtime = vega.parse(vl.compile({ ...shape, config: { ...CONFIG, ...(shape.config ?? {}) } } as TopLevelSpec).spec);
    shapes.set(key, runtime);
  }
  // A new view per chart: a view that rendered before keeps layout state that moves marks by a pixel.
  const view = new vega.View(runtime, { renderer: 'none' });
  if (values) view.data(TABLE, values);
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

export interface SeriesPoint {
  readonly jaar: number;
  readonly reeks: string;
  /** In millions of euros (or an index level). */
  readonly waarde: number;
}

/** Lines over years with the history/projection boundary after `boundary`. */
export function lineChart(points: readonly SeriesPoint[], boundary: number, yTitle: string, width = 560, height = 260): TopLevelSpec {
  return {
    width,
    height,
    data: { values: points as unknown as Record<string, unknown>[] },
    layer: [
      {
        mark: { type: 'line', point: { size: 18 } },
        encoding: {
          x: { field: 'jaar', type: 'quantitative', title: 'jaar', axis: { format: 'd', tickMinStep: 1 }, scale: { zero: false } },
          y: { field: 'waarde', type: 'quantitative', title: yTitle, axis: { format: ',.0f' } },
          color: { field: 'reeks', type: 'nominal', title: null, scale: { range: ['#1b6e3a', '#2f6fb0', '#b03a2e', '#8c6d1f'] } },
        },
      },
      {
        data: { values: [{ grens: boundary + 0.5 }] },
        mark: { type: 'rule', strokeDash: [4, 3], color: '#666' },
        encoding: { x: { field: 'grens', type: 'quantitative' } },
      },
      {
        data: { values: [{ grens: boundary + 0.5, tekst: 'terugblik | projectie' }] },
        mark: { type: 'text', align: 'center', dy: -8, fontSize: 10, color: '#444' },
        encoding: { x: { field: 'grens', type: 'quantitative' }, y: { value: 0 }, text: { field: 'tekst' } },
      },
    ],
  } as TopLevelSpec;
}

/** A waterfall: start, the parts, and the end, in millions of euros. */
export function waterfallChart(start: { label: string; value: number }, parts: readonly { label: string; value: number }[], end: { label: string; value: number }): TopLevelSpec {
  const rows: { stap: string; van: number; tot: number; soort: string; volgorde: number }[] = [];
  rows.push({ stap: start.label, van: 0, tot: start.value, soort: 'stand', volgorde: 0 });
  let level = start.value;
  parts.forEach((p, i) => {
    rows.push({ stap: p.label, van: level, tot: level + p.value, soort: p.value >= 0 ? 'hoger tekort' : 'lager tekort', volgorde: i + 1 });
    level += p.value;
  });
  rows.push({ stap: end.label, van: 0, tot: end.value, soort: 'stand', volgorde: parts.length + 1 });
  return {
    width: 520,
    height: 240,
    data: { values: rows },
    mark: { type: 'bar', size: 40 },
    encoding: {
      x: { field: 'stap', type: 'nominal', sort: { field: 'volgorde' }, title: null, axis: { labelAngle: 0 } },
      y: { field: 'van', type: 'quantitative', title: 'tekort (mln euro)', axis: { format: ',.0f' } },
      y2: { field: 'tot' },
      color: { field: 'soort', type: 'nominal', title: null, scale: { domain: ['stand', 'hoger tekort', 'lager tekort'], range: ['#7a7a7a', '#b03a2e', '#1b6e3a'] } },
    },
  } as TopLevelSpec;
}

/** Bars per province and construction: the difference with C0 (millions of euros). */
export function constructionChart(rows: readonly { provincie: string; constructie: string; waarde: number }[]): TopLevelSpec {
  return {
    data: { values: rows as unknown as Record<string, unknown>[] },
    facet: { column: { field: 'constructie', type: 'nominal', title: 'verschil in cumulatief tekort met C0 (mln euro; negatief = provincie gaat vooruit)' } },
    spec: {
      width: 90,
      height: 220,
      mark: 'bar',
      encoding: {
        y: { field: 'provincie', type: 'nominal', title: null, sort: null },
        x: { field: 'waarde', type: 'quantitative', title: 'mln euro', axis: { format: ',.0f', tickCount: 3 } },
        color: { condition: { test: 'datum.waarde < 0', value: '#1b6e3a' }, value: '#b03a2e' },
      },
    },
  } as TopLevelSpec;
}

/** Small multiples: the gap per province over the years (millions of euros). */
export function smallMultiples(points: readonly { provincie: string; jaar: number; waarde: number }[], boundary: number): TopLevelSpec {
  const order = [...new Set(points.map((p) => p.provincie))];
  return {
    data: { values: points as unknown as Record<string, unknown>[] },
    facet: { field: 'provincie', type: 'nominal', title: null, sort: order },
    columns: 4,
    spec: {
      width: 150,
      height: 90,
      layer: [
        {
          mark: { type: 'area', color: '#f2d6d3', line: { color: '#b03a2e' } },
          encoding: {
            x: { field: 'jaar', type: 'quantitative', title: null, axis: { format: 'd', tickCount: 4 }, scale: { zero: false } },
            y: { field: 'waarde', type: 'quantitative', title: 'tekort (mln euro)', axis: { format: ',.0f', tickCount: 3 } },
          },
        },
        { mark: { type: 'rule', strokeDash: [3, 3], color: '#666' }, encoding: { x: { datum: boundary + 0.5 } } },
      ],
    },
    resolve: { scale: { y: 'independent' } },
  } as TopLevelSpec;
}
