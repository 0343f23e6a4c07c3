/**
 * The explorer's charts as SVG text, written by hand: a line chart over the years and a bar chart
 * over the provinces. Small on purpose: the page redraws them on every change, and vega-lite (which
 * the report uses) would add about a megabyte to a file meant to be mailed. Values come in as
 * numbers in millions, only for drawing; the figures shown in text are exact.
 *
 * Every mark that stands for a cell carries `data-provincie`, `data-jaar` and `data-post`, so a click
 * on it opens that cell's explanation. The SVG scales to its container (viewBox, width 100%); the
 * page passes the container's width so that text keeps its size on a phone.
 */
/** Text for HTML and SVG markup. */
export const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** Dutch number for an axis: `1.250`, `2,5`. */
function tickLabel(v: number, step: number): string {
  const decimals = step >= 1 ? 0 : Math.min(3, Math.ceil(-Math.log10(step)));
  const [int, frac] = Math.abs(v).toFixed(decimals).split('.') as [string, string | undefined];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${v < 0 && Number(v.toFixed(decimals)) !== 0 ? '−' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

/** Round tick values covering [min, max] (1, 2 or 5 times a power of ten apart). */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) {
    const v = Number.isFinite(min) ? min : 0;
    return v === 0 ? [0, 1] : [Math.min(0, v), Math.max(0, v)];
  }
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const from = Math.floor(min / step) * step;
  const to = Math.ceil(max / step) * step;
  const out: number[] = [];
  for (let v = from; v <= to + step / 2; v += step) out.push(Math.round(v / step) * step);
  return out;
}

export interface CellRef {
  readonly provincie: string;
  readonly jaar: number;
  readonly post: string;
}

export interface LineSeries {
  readonly naam: string;
  readonly kleur: string;
  readonly punten: readonly (CellRef & { readonly waarde: number; readonly tekst: string })[];
  /** An uncertainty band (e.g. P5-P95 per year), drawn as a light area behind the line. */
  readonly band?: readonly { readonly jaar: number; readonly laag: number; readonly hoog: number }[];
}

const cellAttrs = (c: CellRef) => `data-provincie="${esc(c.provincie)}" data-jaar="${c.jaar}" data-post="${esc(c.post)}"`;

/**
 * Lines over the years, with the history/projection boundary after `grens` dashed.
 *
 * @example
 *   lineChart([{ naam: 'tekort', kleur: '#7570b3', punten: [{ provincie: 'NL', jaar: 2024, post: 'tekort', waarde: 210, tekst: '210,0 mln' }] }], 2023, 'mln euro', 'Tekort')
 */
export function lineChart(series: readonly LineSeries[], grens: number, eenheid: string, titel: string, width = 640): string {
  const height = 280;
  const m = { top: 16, right: 16, bottom: 56, left: 64 };
  const legendStep = Math.min(170, (width - 8) / Math.max(1, series.length));
  const years = [...new Set(series.flatMap((s) => s.punten.map((p) => p.jaar)))].sort((a, b) => a - b);
  const values = series.flatMap((s) => [...s.punten.map((p) => p.waarde), ...(s.band ?? []).flatMap((b) => [b.laag, b.hoog])]);
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values));
  const lo = ticks[0]!;
  const hi = ticks.at(-1)!;
  const x = (y: number) => m.left + ((y - years[0]!) / Math.max(1, years.at(-1)! - years[0]!)) * (width - m.left - m.right);
  const yPos = (v: number) => m.top + (1 - (v - lo) / (hi - lo)) * (height - m.top - m.bottom);
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : 1;
  const grid = ticks
    .map((t) => `<line x1="${m.left}" x2="${width - m.right}" y1="${yPos(t).toFixed(1)}" y2="${yPos(t).toFixed(1)}" stroke="${t === 0 ? '#888' : '#e4e4e4'}"/><text x="${m.left - 6}" y="${(yPos(t) + 4).toFixed(1)}" text-anchor="end">${tickLabel(t, step)}</text>`)
    .join('');
  const labelEvery = Math.max(1, Math.ceil((years.length * 40) / (width - m.left - m.right)));
  const xAxis = years
    .filter((_, i) => i % labelEvery === 0)
    .map((y) => `<text x="${x(y).toFixed(1)}" y="${height - m.bottom + 16}" text-anchor="middle">${y}</text>`)
    .join('');
  const boundary = years.includes(grens) && years.includes(grens + 1) ? (x(grens) + x(grens + 1)) / 2 : undefined;
  const rule =
    boundary === undefined
      ? ''
      : `<line x1="${boundary.toFixed(1)}" x2="${boundary.toFixed(1)}" y1="${m.top}" y2="${height - m.bottom}" stroke="#666" stroke-dasharray="4 3"/><text x="${(boundary + 4).toFixed(1)}" y="${m.top + 10}" fill="#555">projectie</text><text x="${(boundary - 4).toFixed(1)}" y="${m.top + 10}" text-anchor="end" fill="#555">terugblik</text>`;
  const bands = series
    .filter((s) => s.band && s.band.length > 1)
    .map((s) => {
      const b = s.band!;
      const upper = b.map((p) => `${x(p.jaar).toFixed(1)},${yPos(p.hoog).toFixed(1)}`);
      const lower = [...b].reverse().map((p) => `${x(p.jaar).toFixed(1)},${yPos(p.laag).toFixed(1)}`);
      return `<polygon class="band" points="${[...upper, ...lower].join(' ')}" fill="${s.kleur}" fill-opacity="0.18"/>`;
    })
    .join('');
  const paths = series
    .map((s) => {
      const d = s.punten.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.jaar).toFixed(1)},${yPos(p.waarde).toFixed(1)}`).join('');
      const dots = s.punten
        .map((p) => `<circle class="cel" ${cellAttrs(p)} cx="${x(p.jaar).toFixed(1)}" cy="${yPos(p.waarde).toFixed(1)}" r="4" fill="${s.kleur}"><title>${esc(`${s.naam} ${p.jaar}: ${p.tekst}`)}</title></circle>`)
        .join('');
      return `<path d="${d}" fill="none" stroke="${s.kleur}" stroke-width="2"/>${dots}`;
    })
    .join('');
  const legend = series
    .map((s, i) => `<rect x="${(8 + i * legendStep).toFixed(1)}" y="${height - 22}" width="12" height="12" fill="${s.kleur}"/><text x="${(8 + i * legendStep + 16).toFixed(1)}" y="${height - 12}">${esc(s.naam)}</text>`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${esc(titel)}" font-size="11" font-family="Helvetica, Arial, sans-serif">` +
    `<title>${esc(titel)}</title>${grid}${xAxis}${rule}${bands}${paths}${legend}` +
    `<text transform="rotate(-90)" x="${-(m.top + (height - m.top - m.bottom) / 2)}" y="14" text-anchor="middle">${esc(eenheid)}</text></svg>`
  );
}

export interface Bar extends CellRef {
  readonly label: string;
  readonly waarde: number;
  readonly tekst: string;
  /** Drawn highlighted (the selected province). */
  readonly gekozen?: boolean;
}

/**
 * Horizontal bars, one per row, around a zero line.
 *
 * @example
 *   barChart([{ label: 'Groningen', provincie: 'PV20', jaar: 2030, post: 'tekort', waarde: 12.5, tekst: '12,5 mln' }], 'mln euro', 'Tekort 2030')
 */
export function barChart(bars: readonly Bar[], eenheid: string, titel: string, width = 640): string {
  const row = 22;
  const m = { top: 8, right: 64, bottom: 34, left: 100 };
  const height = m.top + m.bottom + bars.length * row;
  const ticks = niceTicks(Math.min(0, ...bars.map((b) => b.waarde)), Math.max(0, ...bars.map((b) => b.waarde)), 4);
  const lo = ticks[0]!;
  const hi = ticks.at(-1)!;
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : 1;
  const x = (v: number) => m.left + ((v - lo) / (hi - lo)) * (width - m.left - m.right);
  const grid = ticks
    .map((t) => `<line x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${m.top}" y2="${height - m.bottom}" stroke="${t === 0 ? '#888' : '#e4e4e4'}"/><text x="${x(t).toFixed(1)}" y="${height - m.bottom + 14}" text-anchor="middle">${tickLabel(t, step)}</text>`)
    .join('');
  const marks = bars
    .map((b, i) => {
      const y = m.top + i * row;
      const x0 = x(Math.min(0, b.waarde));
      const w = Math.max(1, Math.abs(x(b.waarde) - x(0)));
      return (
        `<text x="${m.left - 6}" y="${y + 15}" text-anchor="end"${b.gekozen ? ' font-weight="bold"' : ''}>${esc(b.label)}</text>` +
        `<rect class="cel" ${cellAttrs(b)} x="${x0.toFixed(1)}" y="${y + 4}" width="${w.toFixed(1)}" height="${row - 8}" fill="${b.gekozen ? '#54278f' : '#9e9ac8'}"><title>${esc(`${b.label}: ${b.tekst}`)}</title></rect>` +
        `<text x="${(Math.max(x(b.waarde), x(0)) + 4).toFixed(1)}" y="${y + 15}">${esc(b.tekst)}</text>`
      );
    })
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${esc(titel)}" font-size="11" font-family="Helvetica, Arial, sans-serif">` +
    `<title>${esc(titel)}</title>${grid}${marks}<text x="${(m.left + (width - m.left - m.right) / 2).toFixed(1)}" y="${height - 6}" text-anchor="middle">${esc(eenheid)}</text></svg>`
  );
}
