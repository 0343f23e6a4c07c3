// Benchmark of the uncertainty engine (`natuurpact onzekerheid`), reported as ratios measured in one
// run (the machine is shared and noisy): draws per second of the fast path against exact runs of
// the model, the fast path against a hand-written typed-array loop of the same arithmetic, and the
// time of 10,000 draws for all 12 provinces 2024-2030 (this machine, this run).
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { loadDataset } from '../dist/index.js';
import { runScenario } from '../dist/core/model/run.js';
import { runScenarioFile } from '../dist/io/run-scenario.js';
import { uncertainInputs } from '../dist/core/uncertainty/inputs.js';
import { applyInputs } from '../dist/core/uncertainty/apply.js';
import { compileUncertainty, drawBuffers, evaluateUncertainty, roundCents } from '../dist/core/uncertainty/model.js';
import { InputSampler, runMonteCarlo } from '../dist/core/uncertainty/montecarlo.js';
import { Mt19937 } from '../dist/core/uncertainty/random.js';

const time = (fn, rounds) => {
  fn();
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) fn();
  return (performance.now() - t0) / rounds;
};

const data = loadDataset();
const run = runScenarioFile(join(import.meta.dirname, '..', 'scenarios', 'basis.yaml'), data);
const base = { scenario: run.scenario, data: run.data };
const catalogue = uncertainInputs({ scenario: run.scenario, data: run.data, setByScenario: new Set() });
const t0 = performance.now();
const model = compileUncertainty(base, run.result, catalogue);
const compileMs = performance.now() - t0;
const window = { van: 2024, tot: 2030 };
const d = catalogue.gevarieerd.length;

// Draws of the input values, made once, so that every path evaluates the same draws.
const sampler = new InputSampler(catalogue, Mt19937.fromKey([1, 1]));
const DRAWS = 2000;
const xs = new Float64Array(DRAWS * d);
const x = new Float64Array(d);
for (let i = 0; i < DRAWS; i++) {
  sampler.next(x);
  xs.set(x, i * d);
}

// Exact path: a draw's values put into the model and the model run (the look-back inputs cannot be, so this is a lower bound).
const modelInputs = catalogue.gevarieerd.map((input, j) => ({ input, j })).filter(({ input }) => input.doel.soort !== 'terugblik');
let exactDraw = 0;
const exactMs = time(() => {
  const k = exactDraw++ % DRAWS;
  const i = applyInputs(base, modelInputs.map(({ input, j }) => ({ input, value: xs[k * d + j] })));
  runScenario(i.scenario, i.data);
}, 5);

// Fast path: one draw evaluated.
const buf = drawBuffers(model);
let fastDraw = 0;
const fastMs = time(() => {
  const k = fastDraw++ % DRAWS;
  evaluateUncertainty(model, xs.subarray(k * d, (k + 1) * d), buf);
}, 20000);

// The same arithmetic by hand: every effect flattened into typed arrays, one loop per kind, no objects.
const families = ['base', 'price', 'volume', 'dev', 'income'];
const flat = (list, size) => {
  const n = list.reduce((a, e) => a + e.index.length, 0);
  const out = { family: new Uint8Array(n), element: new Int32Array(n), i: new Int32Array(n), j: new Int32Array(n), a: new Float64Array(n), b: new Float64Array(n), c: new Float64Array(n), mult: new Uint8Array(n) };
  let k = 0;
  for (const e of list) {
    for (let m = 0; m < e.index.length; m++, k++) {
      out.family[k] = families.indexOf(e.family);
      out.element[k] = e.index[m];
      out.i[k] = e.input ?? e.i;
      out.j[k] = e.j ?? -1;
      out.a[k] = size === 2 ? e.g0[m] : e.a[m];
      out.b[k] = size === 2 ? e.g1[m] : e.b[m];
      out.c[k] = size === 2 ? e.g2[m] : e.c[m];
      out.mult[k] = e.mode === 'scale' ? 1 : e.mode === 'log' ? 2 : 0;
    }
  }
  return out;
};
const fx = flat(model.effects, 1);
const px = flat(model.pairs, 2);
const c = model.central;
const arrays = [new Float64Array(c.base.length), new Float64Array(c.price.length), new Float64Array(c.volume.length), new Float64Array(c.dev.length), new Float64Array(c.income.length)];
const centrals = [c.base, c.price, c.volume, c.dev, c.income];
const P = model.provinces;
const K = model.tasks;
const Y = model.years.length;
const S = model.streams.length;
const log = new Float64Array(P * K);
const kosten = new Float64Array(P * Y);
const inkomsten = new Float64Array(P * Y);
const lookback = model.lookback;
const x0 = model.centralValues;
function byHand(v) {
  for (let f = 0; f < 5; f++) arrays[f].set(centrals[f]);
  log.fill(0);
  for (let l = 0; l < lookback.length; l++) {
    const z = v[lookback[l].input];
    const w = lookback[l].loadings;
    for (let e = 0; e < w.length; e++) log[e] += w[e] * z;
  }
  const bs = arrays[0];
  for (let e = 0; e < log.length; e++) if (log[e] !== 0) bs[e] *= Math.exp(log[e]);
  for (let k = 0; k < fx.element.length; k++) {
    const dd = v[fx.i[k]] - x0[fx.i[k]];
    const q = dd * (fx.a[k] + dd * (fx.b[k] + dd * fx.c[k]));
    if (fx.mult[k] === 1) arrays[fx.family[k]][fx.element[k]] *= 1 + q;
    else if (fx.mult[k] === 2) arrays[fx.family[k]][fx.element[k]] *= Math.exp(q);
    else arrays[fx.family[k]][fx.element[k]] += q;
  }
  for (let k = 0; k < px.element.length; k++) {
    const di = v[px.i[k]] - x0[px.i[k]];
    const dj = v[px.j[k]] - x0[px.j[k]];
    const r = di * dj * (px.a[k] + px.b[k] * di + px.c[k] * dj);
    if (px.mult[k]) arrays[px.family[k]][px.element[k]] *= Math.exp(r);
    else arrays[px.family[k]][px.element[k]] += r;
  }
  const [b, pr, vo, dv, inc] = arrays;
  for (let p = 0; p < P; p++) {
    for (let t = 0; t < Y; t++) {
      let cost = dv[p * Y + t];
      for (let k = 0; k < K; k++) {
        const product = b[p * K + k] * pr[k * Y + t] * vo[k * Y + t];
        const at = (p * K + k) * Y + t;
        cost += product === model.centralProducts[at] ? model.centralCells[at] : roundCents(product);
      }
      kosten[p * Y + t] = cost;
      let s = 0;
      for (let m = 0; m < S; m++) s += inc[(p * S + m) * Y + t];
      inkomsten[p * Y + t] = s;
    }
  }
}
// The two must agree before their times mean anything.
byHand(xs.subarray(0, d));
evaluateUncertainty(model, xs.subarray(0, d), buf);
for (let e = 0; e < kosten.length; e++) if (kosten[e] !== buf.kosten[e] || inkomsten[e] !== buf.inkomsten[e]) throw new Error('hand-written loop disagrees with the fast path');
let handDraw = 0;
const handMs = time(() => {
  const k = handDraw++ % DRAWS;
  byHand(xs.subarray(k * d, (k + 1) * d));
}, 20000);

// 10,000 draws for all 12 provinces and NL, 2024-2030: sampling, evaluation and all five lines stored.
const mcStart = performance.now();
runMonteCarlo(model, catalogue, 10000, 1, window);
const mcMs = performance.now() - mcStart;

console.log('');
console.log(`Onzekerheid (scenario basis, ${d} invoeren, ${model.runs} exacte doorrekeningen om te compileren: ${compileMs.toFixed(0)} ms in deze run):`);
console.log(`exacte doorrekening per trekking / snel pad per trekking       ${(exactMs / fastMs).toFixed(0).padStart(8)} x  (${exactMs.toFixed(1)} ms tegen ${(fastMs * 1000).toFixed(1)} µs)`);
console.log(`snel pad / handgeschreven lus met typed arrays (zelfde rekenwerk) ${(fastMs / handMs).toFixed(2).padStart(8)} x  (${(fastMs * 1000).toFixed(1)} µs tegen ${(handMs * 1000).toFixed(1)} µs)`);
console.log(`10.000 trekkingen, 12 provincies + NL, 2024-2030 (trekken, rekenen, opslaan): ${(mcMs / 1000).toFixed(2)} s in deze run (${Math.round(10000 / (mcMs / 1000))} trekkingen per seconde)`);
