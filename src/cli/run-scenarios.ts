/**
 * `natuurpact run` for many scenario files: the data is read and checked once, each scenario is
 * rendered to its outputs in the main thread or in a worker thread (by default one thread per free
 * core, each building the dataset once), and the outputs are written in the order the files were
 * given; the bytes do not depend on the thread. A scenario
 * that fails stops the run there, as it did when scenarios ran one after another: the scenarios
 * before it are written, it and the ones after it are not (whatever a thread already computed for
 * them is dropped), and its located message is the error of the run.
 *
 * The writers and the report model are imported when a scenario asks for their format, so a CSV
 * run loads neither the chart nor the workbook code.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Dataset } from '../core/dataset.js';
import { UserError, type Issue } from '../core/errors.js';
import type { DataFileInput } from '../io/load.js';
import { manifest, toolVersion } from '../io/manifest.js';
import { loadDatasetWithInputs } from '../io/read-dir.js';
import { prepareScenario, runLoadedScenario, runScenarioFileAsync, type ScenarioRun } from '../io/run-scenario.js';
import { FORMATS, type OutputFormat, type ScenarioOptions } from '../io/scenario.js';
import type { OutputFile } from '../io/write-outputs.js';
import { resultsCsv } from '../report/results-csv.js';
import { constructionOption } from './options.js';
import { Progress } from './progress.js';
import { UsageError, type Io } from './program.js';

const enc = new TextEncoder();

export interface RunOptions {
  readonly data?: string;
  readonly uit: string;
  readonly formaat?: string;
  readonly nlCsv?: boolean;
  /** Threads to render with, the main thread included (1: everything in the main thread); by default the free cores. */
  readonly werkers?: number;
  /** `--constructie`: construction ids (comma-separated) that replace the scenario's own. */
  readonly constructie?: string;
  /** `--basismap`: the folder base scenarios (`basis:`) must lie in; by default the scenario's own. */
  readonly basismap?: string;
}

/** Runs a scenario file with the `--constructie` choice; an unknown construction is a usage error. */
export async function runWithConstructions(file: string, data: Dataset, constructie: string | undefined, single = false, scenarioOptions: ScenarioOptions = {}): Promise<ScenarioRun> {
  const ids = constructie === undefined ? undefined : constructionOption(constructie);
  if (single && ids && ids.length !== 1) throw new UsageError(`--constructie verwacht hier één constructie, gevonden '${constructie}'`);
  try {
    return await runScenarioFileAsync(file, data, { ...scenarioOptions, ...(ids ? { constructies: ids } : {}) });
  } catch (e) {
    if (e instanceof UserError && e.issues[0]?.field === '--constructie') throw new UsageError(`--constructie: ${e.issues[0].message}`);
    throw e;
  }
}

export function formats(value: string | undefined, fallback: readonly OutputFormat[] | undefined): OutputFormat[] {
  if (value === undefined) return [...(fallback ?? FORMATS)];
  const list = value.split(',').map((s) => s.trim());
  const bad = list.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (bad.length > 0) throw new UsageError(`onbekend formaat '${bad.join(', ')}'; kies uit ${FORMATS.join(', ')}`);
  return list as OutputFormat[];
}

/** Reports the stage of one scenario's work: a Dutch label and the share of the scenario done (0-1). */
export type StageReporter = (label: string, share: number) => void;

/** Every output of one run, in a fixed order (manifest last, with the hashes of the others). */
export async function renderOutputs(run: ScenarioRun, chosen: readonly OutputFormat[], dutchCsv: boolean, inputs: Parameters<typeof manifest>[1], options: Record<string, unknown>, stage: StageReporter = () => {}, data?: Dataset): Promise<OutputFile[]> {
  const reports = chosen.some((f) => f !== 'csv');
  // A variant's report opens with its difference from its base: the base is run too (same data).
  let base: ScenarioRun | undefined;
  if (reports && run.loaded.basisScenario && data) {
    stage(`basis ${run.loaded.basisScenario.content.naam} doorrekenen`, 0.3);
    await prepareScenario(run.loaded.basisScenario);
    base = runLoadedScenario(run.loaded.basisScenario, data);
  }
  stage('rapport opbouwen', 0.4);
  const model = reports ? (await import('../report/report-model.js')).reportModel(run, base) : undefined;
  const files: OutputFile[] = [];
  const summary = `natuurpact ${toolVersion()}; scenario ${run.loaded.files.map((f) => f.path).join(' → ')}; zie manifest.json voor de sha256 van alle invoer en uitvoer.`;
  if (chosen.includes('csv')) files.push({ name: 'resultaten.csv', bytes: enc.encode(resultsCsv(run.rows, dutchCsv)) });
  if (model && chosen.includes('md')) files.push({ name: 'rapport.md', bytes: enc.encode((await import('../report/markdown.js')).markdownReport(model, run, summary)) });
  if (model && chosen.includes('html')) {
    stage('rapport.html met grafieken', 0.5);
    files.push({ name: 'rapport.html', bytes: enc.encode(await (await import('../report/html.js')).htmlReport(model, run, summary)) });
  }
  if (model && chosen.includes('xlsx')) {
    stage('werkmap', 0.75);
    files.push({ name: 'resultaten.xlsx', bytes: await (await import('../report/xlsx.js')).workbook(run, model) });
  }
  files.push({ name: 'manifest.json', bytes: enc.encode(manifest(run, inputs, options, files)) });
  return files;
}

/** A scenario rendered: its name (its output folder), its outputs and its warnings (values outside their plausible range). */
export interface Rendered {
  readonly naam: string;
  readonly outputs: OutputFile[];
  readonly waarschuwingen: readonly Issue[];
}

/** One scenario file run and rendered to its outputs: the work of a thread. */
export async function renderScenarioFile(file: string, data: Dataset, inputs: readonly DataFileInput[], opts: Omit<RunOptions, 'werkers'>, stage: StageReporter = () => {}): Promise<Rendered> {
  stage('doorrekenen', 0);
  const run = await runWithConstructions(file, data, opts.constructie, false, opts.basismap !== undefined ? { basisMap: opts.basismap } : {});
  const chosen = formats(opts.formaat, run.loaded.content.uitvoer?.formaten);
  const options = { formaten: chosen, nl_csv: opts.nlCsv === true, eigen_gegevens: opts.data !== undefined, ...(opts.constructie ? { constructie: opts.constructie } : {}) };
  return { naam: run.loaded.content.naam, outputs: await renderOutputs(run, chosen, opts.nlCsv === true, inputs, options, stage, data), waarschuwingen: run.waarschuwingen };
}

/** An error as it crosses from a worker thread: user and usage errors keep their kind. */
export type ThreadError = { kind: 'user'; issues: readonly Issue[] } | { kind: 'usage'; message: string } | { kind: 'internal'; message: string; stack?: string };

export function toThreadError(e: unknown): ThreadError {
  if (e instanceof UserError) return { kind: 'user', issues: e.issues };
  if (e instanceof UsageError) return { kind: 'usage', message: e.message };
  if (e instanceof Error) return { kind: 'internal', message: e.message, ...(e.stack ? { stack: e.stack } : {}) };
  return { kind: 'internal', message: String(e) };
}

function fromThreadError(e: ThreadError): Error {
  if (e.kind === 'user') return new UserError(e.issues);
  if (e.kind === 'usage') return new UsageError(e.message);
  const error = new Error(e.message);
  if (e.stack) error.stack = e.stack;
  return error;
}

/**
 * What the main thread sends a worker (the data files it read, then one scenario at a time) and what
 * comes back (ready, once the dataset is built; then each scenario's outputs or error).
 */
export type WorkerRequest = { readonly kind: 'gegevens'; readonly inputs: readonly DataFileInput[] } | { readonly kind: 'scenario'; readonly index: number; readonly file: string };
export type WorkerReply =
  | { readonly kind: 'klaar' }
  | ({ readonly kind: 'scenario'; readonly index: number } & ({ readonly ok: true; readonly rendered: Rendered } | { readonly ok: false; readonly error: ThreadError }));

const WORKER_SCRIPT = join(fileURLToPath(new URL('.', import.meta.url)), 'run-worker.js');

/**
 * Threads beside the main one: as many as asked for, or by default one per free core where it
 * pays, up to one per scenario. A worker loads the program and the data again (about a second of
 * processor time), which a few CSV runs do not win back, and which only slows a run down on a
 * machine whose cores are already busy. None when the worker script is not built (tests that run
 * the sources).
 */
function extraThreads(files: readonly string[], opts: RunOptions): number {
  if (!existsSync(WORKER_SCRIPT) || files.length < 2) return 0;
  if (opts.werkers !== undefined) return Math.min(opts.werkers, files.length) - 1;
  const heavy = opts.formaat === undefined || /html|xlsx/.test(opts.formaat);
  if (files.length < (heavy ? 2 : 8)) return 0;
  return Math.min(freeCores(), files.length) - 1;
}

/** The cores not busy with other work (load average of the last minute), at least one. */
export function freeCores(): number {
  return Math.max(1, availableParallelism() - Math.round(loadavg()[0] ?? 0));
}

interface Slot {
  readonly promise: Promise<Rendered>;
  resolve(r: Rendered): void;
  reject(e: Error): void;
}

function slot(): Slot {
  let resolve!: (r: Rendered) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<Rendered>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Rejections are read in order by the writer; one after a failed scenario is never read.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/**
 * Renders the scenarios (in parallel where it pays) and hands each to `write`, in the order given,
 * with a progress bar on a terminal (see `progress.ts`): scenarios done, and the stage of the one
 * the main thread renders.
 */
export async function runScenarioFiles(files: readonly string[], opts: RunOptions, io: Io, write: (rendered: Rendered) => void): Promise<void> {
  const slots = files.map(slot);
  const progress = new Progress(io, 'natuurpact run', files.length);
  let completed = 0;
  const done = (p: Promise<Rendered>) => p.then(() => (completed++, progress.update(completed, 'klaar')), () => undefined);
  slots.forEach((s) => void done(s.promise));
  let next = 0;
  let stopped = false;
  const take = () => (stopped || next >= files.length ? undefined : next++);

  // Workers start first, so that loading the program overlaps with reading the data here; each asks
  // for a scenario when it has built its dataset and after each one it sends back.
  const workers: Worker[] = [];
  for (let w = 0; w < extraThreads(files, opts); w++) {
    const worker = new Worker(WORKER_SCRIPT, { workerData: { opts } });
    let current: number | undefined;
    const give = () => {
      current = take();
      if (current === undefined) void worker.terminate();
      else worker.postMessage({ kind: 'scenario', index: current, file: files[current]! } satisfies WorkerRequest);
    };
    worker.on('message', (reply: WorkerReply) => {
      if (reply.kind === 'scenario') {
        const s = slots[reply.index]!;
        if (reply.ok) s.resolve(reply.rendered);
        else s.reject(fromThreadError(reply.error));
      }
      give();
    });
    worker.on('error', (e) => {
      if (current !== undefined) slots[current]!.reject(e);
      current = undefined;
    });
    worker.on('exit', (code) => {
      if (current !== undefined) slots[current]!.reject(new Error(`werkthread gestopt met code ${code}`));
    });
    workers.push(worker);
  }

  let mainThread: Promise<void> = Promise.resolve();
  try {
    const { data, inputs } = loadDatasetWithInputs(opts.data);
    for (const worker of workers) worker.postMessage({ kind: 'gegevens', inputs } satisfies WorkerRequest);
    // The main thread renders too, taking the next scenario whenever it is free.
    mainThread = (async () => {
      for (let i = take(); i !== undefined; i = take()) {
        try {
          const name = files[i]!;
          slots[i]!.resolve(await renderScenarioFile(name, data, inputs, opts, (label, share) => progress.update(completed + share, `${basename(name)}: ${label}`)));
        } catch (e) {
          slots[i]!.reject(e instanceof Error ? e : new Error(String(e)));
        }
      }
    })();
    for (const slotOf of slots) {
      const rendered = await slotOf.promise;
      // Output lines start on a clean line; the bar comes back at the next step.
      progress.finish();
      write(rendered);
    }
  } finally {
    progress.finish();
    stopped = true;
    await Promise.all(workers.map((w) => w.terminate()));
    await mainThread;
  }
}
