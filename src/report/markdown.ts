/**
 * `rapport.md`: the report's blocks (`document.ts`) as Markdown, for pasting into notes. Amounts in
 * millions of euros with one decimal, Dutch notation; rounding only at display. Links point at the
 * headings' anchors as GitHub makes them, so the figures of the summary lead to their explanation.
 */
import type { ScenarioRun } from '../io/run-scenario.js';
import { slug } from './director.js';
import { reportDocument, type Block, type Inline } from './document.js';
import type { HtmlCell } from './html-parts.js';
import type { ReportModel } from './report-model.js';

export { observedText, yearsText } from './document.js';

/**
 * Text from a file (a scenario's description, a method in the data) as Markdown shows it, not as
 * Markdown reads it: no raw HTML, links, code spans or line breaks; pipes escaped for tables.
 */
const escape = (s: string) => s.replace(/\r?\n|\r/g, ' ').replace(/[\\`[\]<>|]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`));
/** A paragraph of such text: also no emphasis and no heading, quote or list marker at its start. */
const paragraph = (s: string) => escape(s).replace(/[*_]/g, '\\$&').replace(/^(\s*)([#>+=-]|\d+\.)/, '$1\\$2');

export function mdTable(header: readonly string[], rows: readonly (readonly string[])[], rightFrom = 1): string {
  const align = header.map((_, i) => (i >= rightFrom ? '---:' : '---'));
  return [`| ${header.map(escape).join(' | ')} |`, `| ${align.join(' | ')} |`, ...rows.map((r) => `| ${r.map(escape).join(' | ')} |`)].join('\n');
}

const cellText = (c: HtmlCell) => (typeof c === 'string' ? c : c.tekst);

export function renderMarkdown(blocks: readonly Block[], title: string): string {
  // Anchors as GitHub makes them from the headings; links name the blocks' ids.
  const anchors = new Map(blocks.flatMap((b) => (b.soort === 'kop' ? [[b.id, slug(b.tekst)] as const] : [])));
  const inline = (parts: readonly Inline[], plain: (s: string) => string) =>
    parts.map((x) => (typeof x === 'string' ? plain(x) : `[${escape(x.tekst)}](#${anchors.get(x.href.slice(1)) ?? x.href.slice(1)})`)).join('');
  const out: string[] = [`# ${escape(title)}`, ''];
  for (const b of blocks) {
    if (b.alleen === 'html') continue;
    switch (b.soort) {
      case 'kop':
        out.push(`${'#'.repeat(b.niveau)} ${escape(b.tekst)}`, '');
        break;
      case 'alinea':
        out.push(inline(b.delen, paragraph), '');
        break;
      case 'lijst':
        // A change is [path, value]: the path as code.
        out.push(...b.items.map((item, i) => `${b.klasse === 'inhoud' ? `${i + 1}.` : '-'} ${b.klasse === 'wijzigingen' ? `\`${String(item[0]).replaceAll('`', "'")}\`: ${escape(String(item[1]))}` : inline(item, paragraph)}`), '');
        break;
      case 'tabel':
        out.push(mdTable(b.kop, b.rijen.map((r) => r.map(cellText)), b.rechtsVanaf), '');
        break;
      case 'definities':
        out.push(...b.items.map((d) => `- **${escape(d.term)}.** ${paragraph(d.uitleg)}`), '');
        break;
      case 'figuur':
        break;
    }
  }
  return out.join('\n');
}

export function markdownReport(model: ReportModel, run: ScenarioRun, manifestSummary: string): string {
  return renderMarkdown(reportDocument(model, run, manifestSummary), model.titel);
}
