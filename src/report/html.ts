/**
 * `rapport.html`: the report's blocks (`document.ts`) as one self-contained page in Dutch: styles and
 * SVG charts inline, no requests to anywhere. Readable on a phone (viewport, charts that scale,
 * tables that scroll in their own box) and printable on A4 (page numbers, and scenario, date of the
 * data and tool version in the footer; each appendix and each factsheet on its own page); see
 * `html-parts.ts`.
 */
import type { ScenarioRun } from '../io/run-scenario.js';
import { renderSvg } from './charts.js';
import { reportDocument, type Block, type Inline } from './document.js';
import { esc, htmlTable, PAGE_END, pageHead } from './html-parts.js';
import type { ReportModel } from './report-model.js';

const inline = (parts: readonly Inline[]) => parts.map((x) => (typeof x === 'string' ? esc(x) : `<a href="${esc(x.href)}">${esc(x.tekst)}</a>`)).join('');

/** The footer of every printed page: what the page is of. */
export const printFooter = (model: ReportModel) => `natuurpact ${model.meta.versie} · scenario ${model.meta.scenario} · gegevens geraadpleegd tot en met ${model.meta.gegevensDatum}`;

export async function renderHtml(blocks: readonly Block[], model: ReportModel): Promise<string> {
  const parts: string[] = [pageHead(model.titel, printFooter(model)), `<h1>${esc(model.titel)}</h1>`];
  let open: 'section' | 'nav' | null = null;
  let factsheet = false;
  const closeFactsheet = () => {
    if (factsheet) parts.push('</div>');
    factsheet = false;
  };
  const closeSection = () => {
    closeFactsheet();
    if (open) parts.push(open === 'section' ? '</section>' : '</nav>');
    open = null;
  };
  for (const b of blocks) {
    if (b.alleen === 'md') continue;
    switch (b.soort) {
      case 'kop':
        if (b.niveau === 2) {
          closeSection();
          const cls = [b.bijlage ? 'bijlage' : '', b.id === 'samenvatting' ? 'samenvatting' : ''].filter(Boolean).join(' ');
          open = b.id === 'inhoud' ? 'nav' : 'section';
          parts.push(open === 'nav' ? '<nav class="inhoud" id="inhoud">' : `<section id="${esc(b.id)}"${cls ? ` class="${cls}"` : ''}>`);
          parts.push(`<h2>${esc(b.tekst)}</h2>`);
        } else {
          closeFactsheet();
          if (b.pagina) {
            parts.push('<div class="factsheet">');
            factsheet = true;
          }
          parts.push(`<h3 id="${esc(b.id)}">${esc(b.tekst)}</h3>`);
        }
        break;
      case 'alinea':
        parts.push(`<p${b.klasse ? ` class="${b.klasse}"` : ''}>${inline(b.delen)}</p>`);
        break;
      case 'lijst': {
        const tag = b.klasse === 'inhoud' ? 'ol' : 'ul';
        const item = (x: readonly Inline[]) => (b.klasse === 'wijzigingen' ? `<code>${esc(String(x[0]))}</code>: ${esc(String(x[1]))}` : inline(x));
        parts.push(`<${tag}${b.klasse ? ` class="${b.klasse}"` : ''}>${b.items.map((x) => `<li>${item(x)}</li>`).join('')}</${tag}>`);
        break;
      }
      case 'tabel':
        parts.push(htmlTable(b.kop, b.rijen, b.rechtsVanaf));
        break;
      case 'definities':
        parts.push(`<dl>${b.items.map((d) => `<dt><strong>${esc(d.term)}</strong></dt><dd>${esc(d.uitleg)}</dd>`).join('')}</dl>`);
        break;
      case 'figuur':
        parts.push(`<figure>${await renderSvg(b.grafiek, b.beschrijving)}<figcaption>${esc(b.onderschrift)}</figcaption></figure>`);
        break;
    }
  }
  closeSection();
  parts.push(PAGE_END);
  return parts.join('\n');
}

export async function htmlReport(model: ReportModel, run: ScenarioRun, manifestSummary: string): Promise<string> {
  return renderHtml(reportDocument(model, run, manifestSummary), model);
}
