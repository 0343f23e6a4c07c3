// Benchmark of the explorer in Debian's Chromium: page loads (until the first figures are drawn)
// and recalculations after a change, for scenarios/basis.yaml. Reports medians in ms; a
// recalculation also as a ratio to Node running the scenario file with the same change, in the same
// run (the machine is shared and noisy: absolute times move with its load, the ratios less).
// Run with `npm run bench:verkenner` (needs /usr/bin/chromium, or NATUURPACT_CHROMIUM).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { explorerPage } from '../dist/cli/explorer-command.js';
import { loadDataset } from '../dist/io/read-dir.js';
import { runScenarioFile } from '../dist/io/run-scenario.js';

const LOADS = 5;
const CHANGES = 8;
const scenario = join(import.meta.dirname, '..', 'scenarios', 'basis.yaml');
const dir = mkdtempSync(join(tmpdir(), 'natuurpact-bench-verkenner-'));
const file = join(dir, 'verkenner.html');
writeFileSync(file, (await explorerPage(scenario)).html);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// The same changes as scenario files, run by the command line's code in Node.
const data = loadDataset();
const nodeRun = (keys) => {
  const f = join(dir, `${keys}.yaml`);
  writeFileSync(f, `naam: ${keys}\nbasis: ${scenario}\n${keys === 'cpi' ? 'parameters:\n  projectie.cpi: 2.5%\n' : 'constructies: [C3]\n'}`);
  runScenarioFile(f, data);
  const times = [];
  for (let i = 0; i < CHANGES; i++) {
    const t = performance.now();
    runScenarioFile(f, data);
    times.push(performance.now() - t);
  }
  return median(times);
};
const node = { cpi: nodeRun('cpi'), constructie: nodeRun('constructie') };

const browser = await chromium.launch({
  executablePath: process.env.NATUURPACT_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const loads = [];
let page;
for (let i = 0; i < LOADS; i++) {
  if (page) await page.close();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(pathToFileURL(file).href);
  await page.waitForFunction(() => document.body.dataset.berekend === '1');
  loads.push(await page.evaluate(() => window.verkenner.tijden));
}
const wait = async (change) => {
  const n = await page.evaluate(() => Number(document.body.dataset.berekend));
  await change();
  await page.waitForFunction((k) => Number(document.body.dataset.berekend) > k, n);
};
await page.locator('details[data-groep="aannames"] > summary').click();
const cpi = page.locator('input[data-rol="enkel"][data-id="parameters.projectie.cpi"]');
for (let i = 0; i < CHANGES; i++) {
  await wait(async () => {
    await cpi.fill(`${2 + (i + 1) / 10}`.replace('.', ','));
    await cpi.dispatchEvent('change');
  });
}
for (let i = 0; i < CHANGES; i++) await wait(() => page.locator('#constructie').selectOption(i % 2 ? 'C1' : 'C3'));
const recalcs = await page.evaluate(() => window.verkenner.tijden.herberekeningen);
await browser.close();

const rows = [
  ['bundel draait (na openen)', median(loads.map((l) => l.script))],
  ['gegevens gebouwd uit de CSV-bestanden (na openen)', median(loads.map((l) => l.gegevens))],
  ['eerste berekening (duur)', median(loads.map((l) => l.eersteBerekening))],
  ['eerste weergave: cijfers getekend (na openen)', median(loads.map((l) => l.eersteWeergave))],
  ['herberekening na een aanname, projectie.cpi (duur)', median(recalcs.slice(0, CHANGES)), node.cpi],
  ['herberekening na een constructie, C3/C1 (duur)', median(recalcs.slice(CHANGES)), node.constructie],
];
console.log(`verkenner, scenarios/basis.yaml: mediaan van ${LOADS} keer openen en ${CHANGES} wijzigingen per soort; belasting ${loadavg()[0].toFixed(1)} (1 min)`);
for (const [name, ms, ref] of rows) {
  console.log(`${name.padEnd(52)} ${ms.toFixed(0).padStart(6)} ms${ref ? `  (Node, zelfde scenario: ${ref.toFixed(0)} ms; ${(ms / ref).toFixed(2)} ×)` : ''}`);
}
