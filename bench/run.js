// Benchmark: loading the shipped data, the estimation step, the index rules and the ledger.
// Reports each as a ratio to the cheapest step measured in the same run (the machine is shared and
// noisy, so absolute times are not comparable between runs). Run with `npm run bench`.
import { performance } from 'node:perf_hooks';
import { compileFast, completeHistory, dec, evaluateFast, indexFactors, loadDataset, provinciefondsLedger, runScenario } from '../dist/index.js';

function measure(name, fn, rounds) {
  fn(); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) fn();
  return { name, perCall: (performance.now() - t0) / rounds };
}

const data = loadDataset();
const PROVINCES = ['PV20', 'PV21', 'PV22', 'PV23', 'PV24', 'PV25', 'PV26', 'PV27', 'PV28', 'PV29', 'PV30', 'PV31'];
const own = (base) => ({ perProvincie: Object.fromEntries(PROVINCES.map((p, i) => [p, dec(base).plus(dec(i).dividedBy(100))])) });
const perProvince = {
  naam: 'per-provincie',
  ontwikkelingen: {
    grondprijs_schok: { parameters: { schok: own('0.1') } },
    loon_schok: { parameters: { schok: own('0.02') } },
    nhv: { parameters: { aandeel_provincies: own('0.4') } },
  },
};
const results = [
  measure('gegevens laden (10 CSV-bestanden)', () => loadDataset(), 20),
  measure('schattingsstap (terugblik aanvullen, zonder cache)', () => completeHistory({ ...data }), 20),
  measure('bbp-index 2024-2030', () => indexFactors('bbp', { van: 2024, tot: 2030 }, data), 200),
  measure('kostenindex 2015-2030', () => indexFactors('kostenindex', { van: 2015, tot: 2030 }, data), 200),
  measure('Provinciefonds-grootboek 2024-2030', () => provinciefondsLedger(data, { tot: 2030 }), 200),
  measure('scenario doorrekenen, exact (12 provincies + NL, 2014-2030)', () => runScenario({ naam: 'basis' }, data), 30),
  // Worst case for per-province parameters: every province its own value, so each development is
  // computed twelve times (once per group of provinces with the same values).
  measure('idem, drie ontwikkelingen met per provincie een eigen waarde', () => runScenario(perProvince, data), 30),
];
const fast = compileFast(runScenario({ naam: 'basis' }, data));
const out = new Float64Array(fast.provinces * fast.years.length);
const scale = new Float64Array(fast.tasks * fast.years.length).fill(1.01);
results.push(measure('snelle pad: één trekking (floats)', () => evaluateFast(fast, scale, out), 20000));
const cheapest = Math.min(...results.map((r) => r.perCall));
console.log("Rekenstappen; verhoudingen binnen deze run (goedkoopste stap = 1):");
for (const r of results) {
  console.log(`${r.name.padEnd(62)} ${(r.perCall / cheapest).toFixed(1).padStart(8)} x  (${r.perCall.toFixed(3)} ms per keer in deze run)`);
}

// The command as a user runs it: whole processes, the writers and peak memory.
await import('./commands.js');
await import('./uncertainty.js');
