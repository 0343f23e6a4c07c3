/**
 * A worker thread of `natuurpact run` (see `run-scenarios.ts`): builds the dataset once from the
 * files the main thread read, then renders the scenarios it is sent, one at a time, and sends back
 * their outputs (or the error, with its kind and location).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Dataset } from '../core/dataset.js';
import { buildDataset, type DataFileInput } from '../io/load.js';
import { renderScenarioFile, toThreadError, type Rendered, type RunOptions, type WorkerReply, type WorkerRequest } from './run-scenarios.js';

const { opts } = workerData as { opts: RunOptions };
const port = parentPort!;
let inputs: readonly DataFileInput[] = [];
let data: Dataset | undefined;

/** The outputs' buffers move to the main thread instead of being copied (each when it is its own). */
function transferable(rendered: Rendered): ArrayBuffer[] {
  const whole = rendered.outputs.map((o) => o.bytes).filter((b) => b.byteOffset === 0 && b.byteLength === b.buffer.byteLength);
  return [...new Set(whole.map((b) => b.buffer as ArrayBuffer))];
}

port.on('message', (request: WorkerRequest) => {
  if (request.kind === 'gegevens') {
    inputs = request.inputs;
    data = buildDataset(inputs);
    port.postMessage({ kind: 'klaar' } satisfies WorkerReply);
    return;
  }
  const { index, file } = request;
  renderScenarioFile(file, data!, inputs, opts).then(
    (rendered) => port.postMessage({ kind: 'scenario', index, ok: true, rendered } satisfies WorkerReply, transferable(rendered)),
    (e: unknown) => port.postMessage({ kind: 'scenario', index, ok: false, error: toThreadError(e) } satisfies WorkerReply),
  );
});
