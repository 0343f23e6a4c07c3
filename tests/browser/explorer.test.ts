/**
 * The explorer in a real browser: Debian's Chromium driven by playwright-core (never a downloaded
 * browser build; `.ci/run` installs the `chromium` package when /usr/bin/chromium is missing).
 *
 * The page is opened from disk. Every request it makes is recorded (and any to the network would be
 * aborted); its figures are compared with `natuurpact run` on scenario files written by hand, and
 * its exported scenario file is run again. The timings are reported, not asserted.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { run } from '../helpers/cli.js';

const CHROMIUM = process.env.NATUURPACT_CHROMIUM ?? '/usr/bin/chromium';
/** The flags Chromium needs on this machine (no sandbox as root; no background connections). */
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const scenarios = join(import.meta.dirname, '..', '..', 'scenarios');

const dir = mkdtempSync(join(tmpdir(), 'natuurpact-browser-'));
const pageFile = join(dir, 'verkenner.html');
const pageUrl = pathToFileURL(pageFile).href;
let browser: Browser;
let context: BrowserContext;
/** Every URL the pages asked for, and every console error or uncaught exception. */
const requests: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium ontbreekt (${CHROMIUM}): installeer het Debian-pakket (apt-get install chromium; .ci/run doet dat) of wijs een ander aan met NATUURPACT_CHROMIUM`);
  }
  // The page exactly as the command writes it.
  const r = await run('verken', join(scenarios, 'basis.yaml'), '--uit', dir);
  if (r.code !== 0) throw new Error(`natuurpact verken: ${r.err}`);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  context = await browser.newContext({ acceptDownloads: true });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    return url === pageUrl ? route.continue() : route.abort();
  });
  context.on('request', (r) => requests.push(r.url()));
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

async function open(width = 1280): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pageUrl);
  await page.waitForFunction(() => document.body.dataset.berekend === '1', null, { timeout: 20_000 });
  return page;
}

const calculations = (page: Page) => page.evaluate(() => Number(document.body.dataset.berekend));

/** Fills a field and waits until the page has calculated again. */
async function fill(page: Page, selector: string, value: string): Promise<void> {
  const before = await calculations(page);
  const field = page.locator(selector);
  await field.fill(value);
  await field.dispatchEvent('change');
  await page.waitForFunction((n) => Number(document.body.dataset.berekend) > n, before);
}

async function choose(page: Page, selector: string, value: string): Promise<void> {
  const before = await calculations(page);
  await page.locator(selector).selectOption(value);
  await page.waitForFunction((n) => Number(document.body.dataset.berekend) > n, before);
}

async function check(page: Page, selector: string): Promise<void> {
  const before = await calculations(page);
  await page.locator(selector).check();
  await page.waitForFunction((n) => Number(document.body.dataset.berekend) > n, before);
}

/** What a download button gives, as text. */
async function downloaded(page: Page, action: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-actie="${action}"]`)]);
  return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
}

/** Runs scenario text (placed beside a copy of basis.yaml) with `natuurpact run`; its resultaten.csv. */
async function cli(name: string, yaml: string): Promise<string> {
  const work = mkdtempSync(join(dir, 'run-'));
  copyFileSync(join(scenarios, 'basis.yaml'), join(work, 'basis.yaml'));
  writeFileSync(join(work, `${name}.yaml`), yaml);
  const r = await run('run', join(work, `${name}.yaml`), '--uit', join(work, 'uit'), '--formaat', 'csv');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  const naam = /^naam: (.+)$/m.exec(yaml)![1]!;
  return readFileSync(join(work, 'uit', naam, 'resultaten.csv'), 'utf8');
}

const csvCell = (csv: string, constructie: string, provincie: string, jaar: number, post: string) =>
  csv.split('\n').find((l) => l.split(',').slice(1, 5).join(',') === `${constructie},${provincie},${jaar},${post}`)?.split(',')[5];
const withoutComments = (yaml: string) => yaml.split('\n').filter((l) => !l.startsWith('#')).join('\n');

// A page load, a few recalculations and a command-line run each: more than the default 30 s on a busy machine.
describe('verkenner.html in Chromium', { timeout: 120_000 }, () => {
  test('opens from disk and asks for nothing but itself', async () => {
    // First, that the recorder sees a request when a page makes one (and that it is aborted).
    const control = await context.newPage();
    await control.setContent('<img src="http://127.0.0.1:9/proef.png">');
    await expect.poll(() => requests).toContain('http://127.0.0.1:9/proef.png');
    await control.close();
    requests.length = 0;
    const page = await open();
    // The page's policy refuses a request even when a script asks for one.
    expect(await page.evaluate(() => fetch('http://127.0.0.1:9/').then(() => 'geladen', () => 'geweigerd'))).toBe('geweigerd');
    const tijden = await page.evaluate(() => window.verkenner!.tijden);
    expect(await page.locator('#kerncijfers').textContent()).toContain('tekort 2030');
    expect(requests.filter((u) => u !== pageUrl)).toEqual([]);
    // The refused fetch is the only console error (Chromium reports the policy violation).
    expect(errors.filter((e) => !e.includes('Content Security Policy'))).toEqual([]);
    errors.length = 0;
    console.log(
      `verkenner (basis): script loopt na ${Math.round(tijden.script!)} ms, gegevens gebouwd na ${Math.round(tijden.gegevens!)} ms, ` +
        `eerste weergave na ${Math.round(tijden.eersteWeergave!)} ms (waarvan eerste berekening ${Math.round(tijden.eersteBerekening!)} ms)`,
    );
    await page.close();
  });

  test('projectie.cpi at 3% for 2026-2030 gives, to the cent, the figures of that scenario file, and exports that file', async () => {
    const page = await open();
    const before = await page.locator('.kerncijfer[data-post="tekort"]').getAttribute('data-waarde');
    await page.locator('details[data-groep="aannames"] > summary').click();
    const box = '.veld[data-id="parameters.projectie.cpi"]';
    await page.locator(`${box} details.perjaar > summary`).click();
    for (const year of [2026, 2027, 2028, 2029, 2030]) await fill(page, `${box} input[data-rol="jaar"][data-index="${year - 2024}"]`, '3');
    const handWritten = 'naam: basis-verkend\nbasis: basis.yaml\nbeschrijving: Verkend vanuit basis.yaml.\nparameters:\n  projectie.cpi:\n    2026: 3%\n';
    const expected = await cli('basis-verkend', handWritten);
    const gap = await page.locator('.kerncijfer[data-post="tekort"]').getAttribute('data-waarde');
    expect(gap).not.toBe(before);
    // The page's NL gap in 2030 is the CLI's, to the cent; and so is every cell of the table.
    expect(Number(gap).toFixed(2)).toBe(csvCell(expected, 'C0', 'NL', 2030, 'tekort'));
    const csv = await downloaded(page, 'csv');
    expect(csv.name).toBe('basis-verkend-resultaten.csv');
    expect(csv.text).toBe(expected);
    const yaml = await downloaded(page, 'yaml');
    expect(yaml.name).toBe('basis-verkend.yaml');
    expect(withoutComments(yaml.text)).toBe(handWritten);
    // Round trip: the exported file itself, run by the command line.
    expect(await cli('export', yaml.text)).toBe(expected);
    await page.close();
  });

  test('a development, a construction and a province: the gap is the one natuurpact run gives for the same change', async () => {
    const page = await open();
    // The province changes what is shown, not what is calculated.
    await page.locator('#provincie').selectOption('PV26');
    await expect.poll(() => page.locator('#kerncijfers h2').textContent()).toContain('Utrecht');
    const before = await page.locator('.kerncijfer[data-post="tekort"]').getAttribute('data-waarde');
    const group = 'details[data-groep="ontwikkelingen.bouwsteen_beheer"]';
    await check(page, `${group} input[data-rol="aan"]`);
    await page.locator(group).evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await fill(page, `${group} input[data-rol="enkel"][data-id="ontwikkelingen.bouwsteen_beheer.parameters.bedrag"]`, '250');
    await choose(page, '#constructie', 'C3');
    const gap = await page.locator('.kerncijfer[data-post="tekort"]').getAttribute('data-waarde');
    expect(gap).not.toBe(before);
    const yaml = await downloaded(page, 'yaml');
    expect(withoutComments(yaml.text)).toContain('ontwikkelingen:\n  bouwsteen_beheer:\n    aan: aan\n    parameters:\n      bedrag: 250 mln\nconstructies:\n  - C3\n');
    const expected = await cli('export', yaml.text);
    expect(Number(gap).toFixed(2)).toBe(csvCell(expected, 'C3', 'PV26', 2030, 'tekort'));
    expect((await downloaded(page, 'csv')).text).toBe(expected);
    await page.close();
  });

  test('every figure opens its explanation', async () => {
    const page = await open();
    const cell = page.locator('td.cel[data-provincie="NL"][data-jaar="2028"][data-post="kosten.natuurbeheer"]');
    const value = await cell.getAttribute('data-waarde');
    await cell.click();
    const dialog = page.locator('dialog#uitleg[open]');
    await expect.poll(() => dialog.count()).toBe(1);
    const text = (await dialog.textContent())!;
    expect(text).toContain('NL 2028 kosten.natuurbeheer');
    expect(text).toContain('regel: som van de twaalf provincies');
    // The exact value, to the cent, in Dutch notation.
    expect(text.replaceAll('.', '').replace(',', '.')).toContain(Number(value).toFixed(2));
    await page.click('dialog#uitleg button');
    await page.locator('svg circle.cel[data-jaar="2030"][data-post="tekort"]').click();
    expect(await page.locator('dialog#uitleg[open]').textContent()).toContain('regel: kosten.totaal − inkomsten.totaal');
    await page.close();
  });

  test('bad input is refused beside its field; an unusual value is calculated with a warning', async () => {
    const page = await open();
    await page.locator('details[data-groep="aannames"] > summary').click();
    const cpi = 'input[data-rol="enkel"][data-id="parameters.projectie.cpi"]';
    await fill(page, cpi, 'abc');
    expect(await page.locator('[data-melding="parameters.projectie.cpi"]').textContent()).toContain('verwacht een getal');
    expect(await page.locator('#problemen').textContent()).toContain('Deze invoer kan niet worden doorgerekend');
    await fill(page, cpi, '25');
    expect(await page.locator('[data-melding="parameters.projectie.cpi"]').textContent()).toContain('is ongebruikelijk: plausibel 0,3 tot 10 %');
    expect(await page.locator('#problemen').textContent()).toBe('');
    // Weights that do not add up to 1: the engine's own message.
    await fill(page, 'input[data-rol="enkel"][data-id="parameters.lpo.gewicht_loon"]', '70');
    expect(await page.locator('#problemen').textContent()).toContain('de gewichten van lpo tellen in 2024 op tot 1.2, verwacht 1');
    await page.close();
  });

  test('works at 390 px and at 1280 px: nothing wider than the window', async () => {
    for (const width of [390, 1280]) {
      const page = await open(width);
      await page.click('td.cel[data-jaar="2030"][data-post="tekort"]');
      const sizes = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth, body: document.body.scrollWidth }));
      expect(sizes.page, `${width} px`).toBeLessThanOrEqual(sizes.window);
      expect(sizes.body, `${width} px`).toBeLessThanOrEqual(sizes.window);
      await page.screenshot({ path: join(dir, `verkenner-${width}.png`), fullPage: true });
      await page.close();
    }
  });

  test('recalculation times (reported, not asserted)', async () => {
    const page = await open();
    await page.locator('details[data-groep="aannames"] > summary').click();
    const cpi = 'input[data-rol="enkel"][data-id="parameters.projectie.cpi"]';
    for (const v of ['2,5', '3', '3,5', '4', '2,2']) await fill(page, cpi, v);
    for (const c of ['C3', 'C1']) await choose(page, '#constructie', c);
    const t = await page.evaluate(() => window.verkenner!.tijden.herberekeningen);
    expect(t).toHaveLength(7);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(
      `verkenner (basis): herberekening na een aanname ${t.slice(0, 5).map(Math.round).join(', ')} ms (mediaan ${Math.round(median(t.slice(0, 5)))} ms); ` +
        `na een andere constructie ${t.slice(5).map(Math.round).join(', ')} ms`,
    );
    expect(requests.filter((u) => u !== pageUrl)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
