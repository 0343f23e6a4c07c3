/**
 * Charts of the uncertainty report, as vega-lite specifications rendered by `renderSvg` (same
 * fonts, Dutch numbers and fixed bytes as the other charts):
 *
 * - a fan chart: the look-back as a solid line, the projection as bands (P5-P95 light, P25-P75
 *   darker), the median of the draws as a line and the deterministic projection dashed;
 * - the same per province (small multiples, each its own scale);
 * - a tornado: per input the outcome with the input at its P10 and at its P90 (others central), as
 *   bars from the central outcome, largest swing on top.
 */
import type { TopLevelSpec } from 'vega-lite';

const BOUNDARY = { mark: { type: 'rule', strokeDash: [4, 3], color: '#666' } } as const;

export interface FanPoint {
  readonly provincie: string;
  readonly jaar: number;
  /** Millions of euros. */
  readonly p5?: number;
  readonly p25?: number;
  readonly p50?: number;
  readonly p75?: number;
  readonly p95?: number;
  /** The deterministic value (history and projection). */
  readonly centraal: number;
  readonly deel: 'terugblik' | 'projectie';
}

function fanLayers(boundary: number, yTitle: string, axis: Record<string, unknown>) {
  const x = { field: 'jaar', type: 'quantitative', title: null, axis: { format: 'd', tickMinStep: 1, ...axis }, scale: { zero: false } };
  return [
    { transform: [{ filter: "datum.deel === 'projectie'" }], mark: { type: 'area', color: '#f2d6d3' }, encoding: { x, y: { field: 'p5', type: 'quantitative', title: yTitle, axis: { format: ',.0f' } }, y2: { field: 'p95' } } },
    { transform: [{ filter: "datum.deel === 'projectie'" }], mark: { type: 'area', color: '#e3a39b' }, encoding: { x, y: { field: 'p25', type: 'quantitative' }, y2: { field: 'p75' } } },
    { transform: [{ filter: "datum.deel === 'projectie'" }], mark: { type: 'line', color: '#b03a2e' }, encoding: { x, y: { field: 'p50', type: 'quantitative' } } },
    { mark: { type: 'line', color: '#222', strokeDash: [5, 3] }, transform: [{ filter: "datum.deel === 'projectie' || datum.jaar === " + boundary }], encoding: { x, y: { field: 'centraal', type: 'quantitative' } } },
    { transform: [{ filter: "datum.deel === 'terugblik'" }], mark: { type: 'line', color: '#222', point: { size: 14, color: '#222' } }, encoding: { x, y: { field: 'centraal', type: 'quantitative' } } },
    { ...BOUNDARY, encoding: { x: { datum: boundary + 0.5 } } },
  ];
}

/** One fan chart (NL) with a legend in the caption. */
export function fanChart(points: readonly FanPoint[], boundary: number, yTitle: string): TopLevelSpec {
  // One boundary rule, from its own data (inside a facet it repeats per row, harmlessly).
  const layers = [...fanLayers(boundary, yTitle, {}).slice(0, -1), { data: { values: [{ grens: boundary + 0.5 }] }, ...BOUNDARY, encoding: { x: { field: 'grens', type: 'quantitative' } } }];
  return { width: 560, height: 280, data: { values: points as unknown as Record<string, unknown>[] }, layer: layers } as unknown as TopLevelSpec;
}

/** Fan charts per province, each with its own scale. */
export function fanMultiples(points: readonly FanPoint[], boundary: number, yTitle: string): TopLevelSpec {
  const order = [...new Set(points.map((p) => p.provincie))];
  return {
    data: { values: points as unknown as Record<string, unknown>[] },
    facet: { field: 'provincie', type: 'nominal', title: null, sort: order },
    columns: 4,
    spec: { width: 150, height: 90, layer: fanLayers(boundary, yTitle, { tickCount: 4 }) },
    resolve: { scale: { y: 'independent' } },
  } as unknown as TopLevelSpec;
}

export interface TornadoBar {
  readonly provincie: string;
  readonly invoer: string;
  /** Difference from the central outcome, millions of euros. */
  readonly verschil: number;
  readonly kant: 'invoer op P10' | 'invoer op P90';
  /** Sort order (0 = largest swing). */
  readonly volgorde: number;
}

function tornadoSpec(xTitle: string, width: number, height: number) {
  return {
    width,
    height,
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'invoer', type: 'nominal', title: null, sort: { field: 'volgorde' }, axis: { labelLimit: 260 } },
      x: { field: 'verschil', type: 'quantitative', title: xTitle, axis: { format: ',.0f' } },
      color: { field: 'kant', type: 'nominal', title: null, scale: { domain: ['invoer op P10', 'invoer op P90'], range: ['#2f6fb0', '#b03a2e'] } },
    },
  };
}

/** The national tornado. */
export function tornadoChart(bars: readonly TornadoBar[], xTitle: string): TopLevelSpec {
  const inputs = new Set(bars.map((b) => b.invoer)).size;
  return { data: { values: bars as unknown as Record<string, unknown>[] }, ...tornadoSpec(xTitle, 420, Math.max(80, 18 * inputs)) } as unknown as TopLevelSpec;
}

/** A tornado per province (its largest inputs), each with its own axes. */
export function tornadoMultiples(bars: readonly TornadoBar[], xTitle: string): TopLevelSpec {
  const order = [...new Set(bars.map((b) => b.provincie))];
  return {
    data: { values: bars as unknown as Record<string, unknown>[] },
    facet: { field: 'provincie', type: 'nominal', title: null, sort: order },
    columns: 2,
    spec: tornadoSpec(xTitle, 160, 90),
    resolve: { scale: { y: 'independent', x: 'independent' } },
  } as unknown as TopLevelSpec;
}
