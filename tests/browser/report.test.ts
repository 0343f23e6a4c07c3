/**
 * The HTML report in a real browser (issue 16, item 4): Debian's Chromium through playwright-core,
 * the page opened from disk with every other request refused. At 390 px (a phone) and 1280 px: no
 * horizontal scrolling of the page, charts within the page, no word broken inside; as a PDF: A4, on
 * every page the footer (tool version, scenario, date of the data) and "pagina n van m", nothing
 * wider than the printed page, and the body (without the appendices) at most a third of the pages.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { toolVersion } from '../../src/io/manifest.js';
import { run } from '../helpers/cli.js';
import { pdfPageTexts } from '../helpers/pdf-text.js';

const CHROMIUM = process.env.NATUURPACT_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const scenarios = join(import.meta.dirname, '..', '..', 'scenarios');
const dir = mkdtempSync(join(tmpdir(), 'natuurpact-rapport-'));
const NAMES = ['basis', 'natuurpact-2-0'] as const;
const url = (name: string) => pathToFileURL(join(dir, name, 'rapport.html')).href;
let browser: Browser;
const requests: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium ontbreekt (${CHROMIUM}): installeer het Debian-pakket (apt-get install chromium; .ci/run doet dat) of wijs een ander aan met NATUURPACT_CHROMIUM`);
  const r = await run('run', ...NAMES.map((n) => join(scenarios, `${n}.yaml`)), '--uit', dir, '--formaat', 'html');
  if (r.code !== 0) throw new Error(`natuurpact run: ${r.err}`);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

async function open(name: string, width: number, media: 'screen' | 'print' = 'screen'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.route('**/*', (route) => (route.request().url() === url(name) ? route.continue() : route.abort()));
  page.on('request', (r) => requests.push(r.url()));
  await page.emulateMedia({ media });
  await page.goto(url(name));
  return page;
}

/** Words whose letters lie on more than one line (a break inside a word); spaces, hyphens and slashes may break. */
const brokenWords = (page: Page) =>
  page.evaluate(() => {
    const bad: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const el = n.parentElement;
      // Addresses may break anywhere (they are not words); charts are drawn, not wrapped.
      if (!el || el.closest('svg, td.url, code, style, title')) continue;
      for (const m of n.data.matchAll(/[^\s\-–/]+/g)) {
        range.setStart(n, m.index!);
        range.setEnd(n, m.index! + m[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) bad.push(m[0]);
      }
    }
    return bad;
  });

/** How far the page, and any chart, reaches beyond the viewport (0 when everything fits). */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const charts = [...document.querySelectorAll('figure svg')].map((s) => s.getBoundingClientRect().right - width);
    const tables = [...document.querySelectorAll('.tabel')].map((t) => t.getBoundingClientRect().right - width);
    return { page: document.documentElement.scrollWidth - width, charts: Math.max(0, ...charts), tables: Math.max(0, ...tables), svgs: charts.length };
  });

describe.each(NAMES)('rapport.html of %s', (name) => {
  test.each([390, 1280])('at %i px: no horizontal overflow, charts fit, no word broken inside', async (width) => {
    const page = await open(name, width);
    const o = await overflow(page);
    expect(o.page).toBeLessThanOrEqual(0);
    expect(o.charts).toBeLessThanOrEqual(0.5);
    expect(o.tables).toBeLessThanOrEqual(0.5);
    expect(o.svgs).toBeGreaterThanOrEqual(name === 'basis' ? 4 : 5);
    expect(await brokenWords(page)).toEqual([]);
    // A phone reads the text at its own size: the page declares its viewport, and the text is not scaled down.
    const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('#samenvatting p')!).fontSize));
    expect(size).toBeGreaterThanOrEqual(16);
    await page.close();
  }, 60_000);

  test('as a PDF: A4, footer and page numbers on every page, nothing wider than the page, body at most a third', async () => {
    // A4 less the page margins of html-parts.ts (13 mm left and right): 184 mm at 96 px per inch.
    const printed = Math.floor((184 / 25.4) * 96);
    const layout = await open(name, printed, 'print');
    const o = await overflow(layout);
    expect(o.page).toBeLessThanOrEqual(0);
    expect(o.tables).toBeLessThanOrEqual(0.5);
    expect(await brokenWords(layout)).toEqual([]);
    await layout.close();

    const page = await open(name, 1280);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    // A4 is 595.28 × 841.89 points; Chromium writes 594.96 × 841.92.
    for (const [w, h] of boxes) {
      expect(Math.abs(w! - 595.28)).toBeLessThan(1);
      expect(Math.abs(h! - 841.89)).toBeLessThan(1);
    }
    const pages = pdfPageTexts(pdf);
    expect(pages.length).toBe(boxes.length);
    const footer = `natuurpact ${toolVersion()} · scenario ${name} · gegevens geraadpleegd tot en met `;
    pages.forEach((text, i) => {
      expect(text, `pagina ${i + 1}`).toContain(`pagina ${i + 1} van ${pages.length}`);
      expect(text, `pagina ${i + 1}`).toContain(footer);
    });
    // The director's page is the first page; the body without the appendices at most a third of the report.
    expect(pages[0]).toContain('Samenvatting');
    await page.addStyleTag({ content: '.bijlage { display: none !important }' });
    const body = pdfPageTexts(await page.pdf({ preferCSSPageSize: true })).length;
    expect(body).toBeLessThanOrEqual(pages.length / 3);
    await page.close();
  }, 90_000);
});

test('the report asks for nothing but itself', () => {
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.every((r) => r.startsWith('file://') && r.endsWith('/rapport.html'))).toBe(true);
});
