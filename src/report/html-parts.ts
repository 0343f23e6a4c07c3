/**
 * What every HTML page of natuurpact shares (the report, the scenario comparison): escaping, tables,
 * and one style sheet for screen, phone and print.
 *
 * - Phone and narrow windows: a viewport tag; charts scale to the width of the page (their SVG has a
 *   viewBox); a wide table scrolls inside its own box, the page does not. Words never break inside
 *   (no `overflow-wrap: anywhere`): a table column is at least as wide as its longest word, and only
 * an address (class `url`) may break: preferably after a slash or a dot, anywhere if it must (an address is not a word).
 * - Print: A4 with margins, a footer on every page with what the page is of (scenario, date of the
 *   data, tool version) and "pagina n van m" (CSS page-margin boxes), tables that fit the page width,
 *   each appendix and each factsheet on a page of its own.
 */

export const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** A cell: text, or text with a class (`url` for an address) or a link to an anchor in the page. */
export type HtmlCell = string | { readonly tekst: string; readonly href?: string; readonly klasse?: string };

function cellHtml(c: HtmlCell): string {
  if (typeof c === 'string') return esc(c);
  const text = c.klasse === 'url' ? urlHtml(c.tekst) : esc(c.tekst);
  return c.href ? `<a href="${esc(c.href)}">${text}</a>` : text;
}

/** An address with break opportunities after its slashes and dots, so that it wraps without splitting a word. */
export function urlHtml(url: string): string {
  return esc(url).replace(/([/.?&=_-])(?=[^/.?&=_-])/g, '$1<wbr>');
}

/** A table in a box that scrolls sideways on a narrow screen; columns from `rightFrom` on are numbers. */
export function htmlTable(header: readonly string[], rows: readonly (readonly HtmlCell[])[], rightFrom = 1, klasse?: string): string {
  const th = header.map((h, i) => `<th${i >= rightFrom ? ' class="r"' : ''}>${esc(h)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((c, i) => `<td${i >= rightFrom ? ' class="r"' : typeof c !== 'string' && c.klasse ? ` class="${c.klasse}"` : ''}>${cellHtml(c)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<div class="tabel"><table${klasse ? ` class="${klasse}"` : ''}><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

/** A string as a CSS string literal (for the page-margin boxes). */
const cssString = (s: string) => `"${s.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, ' ')}"`;

const BASE_STYLE = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{font-family:Helvetica,Arial,sans-serif;color:#222;max-width:62rem;margin:0 auto;padding:1rem;line-height:1.45}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0}
h2{font-size:1.2rem;border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1.05rem;margin:1.4rem 0 .4rem}
p,li,dd,dt,figcaption,td,th{overflow-wrap:break-word}
a{color:#1b4f8a}
.meta{color:#555;font-size:.85rem;margin:0 0 1rem}
.tabel{overflow-x:auto;margin:.6rem 0;max-width:100%}
table{border-collapse:collapse;font-size:.85rem}
th,td{padding:.2rem .5rem;border-bottom:1px solid #e3e3e3;vertical-align:top;text-align:left}
th{background:#f4f4f4;font-weight:bold}
th.r,td.r{text-align:right;font-variant-numeric:tabular-nums}
td.r{white-space:nowrap}
td.url{overflow-wrap:anywhere;min-width:12rem}
figure{margin:1rem 0;max-width:100%}
figure svg{display:block;max-width:100%;height:auto}
figcaption{font-size:.8rem;color:#555}
.note{font-size:.85rem;color:#444}
.samenvatting p{font-size:1.05rem;margin:.5rem 0}
.samenvatting a{font-weight:bold}
nav.inhoud ol{padding-left:1.4rem}
ul.wijzigingen code{background:#f4f4f4;padding:0 .2rem;overflow-wrap:anywhere}
dl dt{margin-top:.5rem}dl dd{margin-left:1rem}
.kaart{border:1px solid #ddd;border-radius:4px;padding:.2rem .8rem;margin:1rem 0}
`;

const printStyle = (footer: string) => `
@page{size:A4;margin:14mm 13mm 17mm 13mm;
@bottom-left{content:${cssString(footer)};font-family:Helvetica,Arial,sans-serif;font-size:7.5pt;color:#555}
@bottom-right{content:"pagina " counter(page) " van " counter(pages);font-family:Helvetica,Arial,sans-serif;font-size:7.5pt;color:#555}}
@media print{
body{max-width:none;padding:0;font-size:9.5pt;line-height:1.35}
h1{font-size:15pt}h2{font-size:12pt;margin-top:1.2rem;break-after:avoid}h3{font-size:10.5pt;break-after:avoid}
.tabel{overflow:visible}
table{font-size:7.5pt;width:100%}
th,td{padding:1px 3px}
thead{display:table-header-group}
td.url{min-width:0}
tr,figure,.kaart{break-inside:avoid}
figure svg{max-height:88mm;width:auto;max-width:100%}
a{color:inherit;text-decoration:none}
.samenvatting p{font-size:10.5pt}
.samenvatting a{font-weight:bold}
.bijlage,.factsheet{break-before:page}
nav.inhoud{break-before:page}
}
`;

/** The head of a page: language, viewport, title and the style sheet with its print footer. */
export function pageHead(title: string, footer: string, extraStyle = ''): string {
  return `<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${esc(title)}</title>\n<style>${BASE_STYLE}${extraStyle}${printStyle(footer)}</style>\n</head>\n<body>`;
}

export const PAGE_END = '</body>\n</html>\n';
