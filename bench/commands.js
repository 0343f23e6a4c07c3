// Benchmark of the command as a user runs it (issue 14): whole processes, measured in this run and
// reported as ratios (the machine is shared and noisy, so absolute times do not compare between runs).
// - one scenario to CSV, whole process, against `node -e 0`;
// - what `npm start` does (data check, then every shipped scenario with all formats) for the 7
//   shipped scenarios and for 28 (the 7 copied four times under other names into a temporary folder);
// - the writers one by one, in one process, on the largest scenario (natuurpact-2-0), and each kind of chart;
// - the peak memory (resident set) of the 7- and 28-scenario runs.
// Each process figure is the median of a few runs, taken in turns so that noise hits them alike.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'dist', 'cli', 'main.js');
const peak = join(import.meta.dirname, 'peak-memory.mjs');
const work = mkdtempSync(join(tmpdir(), 'natuurpact-bench-'));
const shipped = readdirSync(join(root, 'scenarios')).filter((f) => f.endsWith('.yaml')).sort();

// 28 scenarios: the shipped 7 in four folders, each copy with its own name (and its own base).
const many = [];
for (let k = 1; k <= 4; k++) {
  const dir = join(work, `kopie-${k}`);
  mkdirSync(dir);
  for (const f of shipped) {
    const text = readFileSync(join(root, 'scenarios', f), 'utf8').replace(/^naam: (.+)$/m, `naam: $1-kopie-${k}`);
    writeFileSync(join(dir, f), text);
    many.push(join(dir, f));
  }
}

/**
 * Wall time (ms) of one process, its processor time (ms, all threads: less sensitive to other load
 * on the machine than wall time) and its peak resident memory (KiB).
 */
function timed(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', peak, ...args], { cwd: root, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} faalde (${r.status}): ${r.stderr}`);
  const m = /piekgeheugen_kib=(\d+) cpu_ms=([\d.]+)/.exec(r.stderr);
  return { ms, kb: Number(m[1]), cpu: Number(m[2]) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs each case `rounds` times, in turns; keeps the median wall and processor times and the largest peak memory. */
function measure(cases, rounds) {
  const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  const cpus = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  const memory = {};
  for (let i = 0; i < rounds; i++) {
    for (const [name, run] of Object.entries(cases)) {
      const { ms, kb, cpu } = run();
      times[name].push(ms);
      cpus[name].push(cpu);
      memory[name] = Math.max(memory[name] ?? 0, kb);
    }
  }
  const medians = (m) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, median(v)]));
  return { time: medians(times), cpu: medians(cpus), memory };
}

const out = (name) => join(work, 'uit', name);
const npmStart = (files, name) => () => {
  const check = timed([bin, 'data', 'check']);
  const run = timed([bin, 'run', ...files, '--uit', out(name)]);
  return { ms: check.ms + run.ms, cpu: check.cpu + run.cpu, kb: Math.max(check.kb, run.kb) };
};

const small = measure(
  {
    'node -e 0': () => timed(['-e', '0']),
    'natuurpact --help': () => timed([bin, '--help']),
    'één scenario naar CSV': () => timed([bin, 'run', 'scenarios/basis.yaml', '--formaat', 'csv', '--uit', out('csv')]),
  },
  7,
);
const large = measure(
  {
    'npm start, 7 scenario\u2019s': npmStart(shipped.map((f) => join('scenarios', f)), 'zeven'),
    'npm start, 28 scenario\u2019s': npmStart(many, 'achtentwintig'),
  },
  3,
);

// The writers, in this process, on the largest scenario (after one warm-up round). The HTML report
// is timed the first time (it loads vega) and its charts one by one after that: each with data of
// its own in every round, since a chart drawn before in the process is not drawn again.
const { loadDatasetWithInputs } = await import('../dist/io/read-dir.js');
const { runScenarioFileAsync } = await import('../dist/io/run-scenario.js');
const { reportModel } = await import('../dist/report/report-model.js');
const { resultsCsv } = await import('../dist/report/results-csv.js');
const { markdownReport } = await import('../dist/report/markdown.js');
const { htmlReport } = await import('../dist/report/html.js');
const { workbook } = await import('../dist/report/xlsx.js');
const charts = await import('../dist/report/charts.js');
const { data } = loadDatasetWithInputs();
const run = await runScenarioFileAsync('scenarios/natuurpact-2-0.yaml', data);
const model = reportModel(run);
const writerTimes = {};
let t0 = performance.now();
await htmlReport(model, run, '');
writerTimes['rapport.html, eerste in het proces'] = [performance.now() - t0];
const years = Array.from({ length: 17 }, (_, i) => 2014 + i);
const provinces = ['Groningen', 'Fryslân', 'Drenthe', 'Overijssel', 'Flevoland', 'Gelderland', 'Utrecht', 'Noord-Holland', 'Zuid-Holland', 'Zeeland', 'Noord-Brabant', 'Limburg'];
const chartSpecs = {
  'grafiek: lijnen': (k) => charts.lineChart(years.flatMap((jaar, i) => ['kosten', 'inkomsten', 'tekort'].map((reeks, j) => ({ jaar, reeks, waarde: 400 + 10 * i + 50 * j + k }))), 2023, 'mln euro'),
  'grafiek: waterval': (k) => charts.waterfallChart({ label: 'tekort 2023', value: 150 + k }, [{ label: 'prijs', value: 120 }, { label: 'volume', value: -40 }, { label: 'nieuwe taken', value: 10 }, { label: 'financiering', value: -70 }], { label: 'tekort 2030', value: 170 + k }),
  'grafiek: constructies (7 panelen)': (k) => charts.constructionChart(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7'].flatMap((constructie, c) => provinces.map((provincie, p) => ({ provincie, constructie, waarde: (p - 6) * (c + 1) + k })))),
  'grafiek: 12 kleine veelvouden': (k) => charts.smallMultiples(provinces.flatMap((provincie, p) => years.map((jaar, i) => ({ provincie, jaar, waarde: p + i + k }))), 2023),
};
const writers = {
  'resultaten.csv': () => resultsCsv(run.rows, false),
  'rapport.md': () => markdownReport(model, run, ''),
  'resultaten.xlsx': () => workbook(run, model),
};
for (let i = 0; i < 6; i++) {
  for (const [name, write] of Object.entries(writers)) {
    t0 = performance.now();
    await write();
    if (i > 0) (writerTimes[name] ??= []).push(performance.now() - t0);
  }
  for (const [name, spec] of Object.entries(chartSpecs)) {
    t0 = performance.now();
    await charts.renderSvg(spec(i));
    if (i > 0) (writerTimes[name] ??= []).push(performance.now() - t0);
  }
}
rmSync(work, { recursive: true, force: true });

const node = small.time['node -e 0'];
const nodeCpu = small.cpu['node -e 0'];
const seven = large.time['npm start, 7 scenario\u2019s'];
const ratio = (x, base) => `${(x / base).toFixed(1).padStart(6)} x`;
const ms = (x) => `${x.toFixed(0).padStart(6)} ms`;
console.log('\nHele processen (mediaan, in beurten gemeten); kloktijd en processortijd (alle threads) tegenover node -e 0:');
for (const m of [small, large]) {
  for (const name of Object.keys(m.time)) console.log(`${name.padEnd(36)} klok ${ratio(m.time[name], node)} ${ms(m.time[name])}   processor ${ratio(m.cpu[name], nodeCpu)} ${ms(m.cpu[name])}`);
}
console.log(`${'28 scenario\u2019s tegenover 7'.padEnd(32)} klok ${ratio(large.time['npm start, 28 scenario\u2019s'], seven)}             processor ${ratio(large.cpu['npm start, 28 scenario\u2019s'], large.cpu['npm start, 7 scenario\u2019s'])}`);
console.log('\nSchrijvers op natuurpact-2-0 en de grafieken (mediaan van 5, in één proces), tegenover node -e 0 (klok):');
for (const [name, ts] of Object.entries(writerTimes)) console.log(`${name.padEnd(36)} ${ratio(median(ts), node)} ${ms(median(ts))}`);
console.log('\nPiekgeheugen (resident, alle threads):');
for (const [name, kb] of Object.entries(large.memory)) console.log(`${name.padEnd(36)} ${(kb / 1024).toFixed(0).padStart(6)} MiB`);
const csv = small.time['één scenario naar CSV'];
const r28 = large.time['npm start, 28 scenario\u2019s'] / seven;
console.log('\nDoelen (issue 14), op kloktijd:');
console.log(`- één scenario naar CSV binnen 4x node -e 0: ${(csv / node).toFixed(1)}x, ${csv / node <= 4 ? 'gehaald' : 'niet gehaald'}`);
console.log(`- 7 scenario\u2019s, alle formaten, onder 5 s: ${(seven / 1000).toFixed(1)} s, ${seven < 5000 ? 'gehaald' : 'niet gehaald'}`);
console.log(`- 28 scenario\u2019s onder 3x de tijd van 7: ${r28.toFixed(1)}x, ${r28 < 3 ? 'gehaald' : 'niet gehaald'}`);
console.log(`(belasting van de machine tijdens de meting: ${loadavg().map((x) => x.toFixed(1)).join(' / ')} over 1/5/15 min, ${availableParallelism()} kernen)`);
