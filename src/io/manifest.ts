/**
 * `manifest.json`: what a run used and made, so that a result can be traced and reproduced: tool and
 * Node versions, the sha256 of every data file and scenario file (raw bytes, and the scenario also
 * normalised: its validated content), the options, and the sha256 of each output. No timestamps, no
 * locale and no working directory in it: the same inputs give the same manifest, from any folder and
 * under any `LANG`.
 *
 * Paths are relative to a declared root (`paden`): scenario files to the folder of the scenario the
 * run was given, data files to their data folder (the shipped `data/`, or the `--data` folder).
 */
import { readFileSync } from 'node:fs';
import { Decimal } from '../core/decimal.js';
import { byText } from '../core/order.js';
import type { DataFileInput } from './load.js';
import { sha256, type OutputFile } from './write-outputs.js';
import type { ScenarioRun } from './run-scenario.js';

export function toolVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** The validated scenario as plain JSON: decimals as their exact digits. */
function normalised(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (v instanceof Decimal ? v.toString() : v)));
}

export const MANIFEST_ROOTS = 'scenariobestanden ten opzichte van de map van het scenario; gegevensbestanden ten opzichte van hun gegevensmap (meegeleverd: de map data van natuurpact; eigen: de map van --data)';

export function manifest(run: ScenarioRun, inputs: readonly DataFileInput[], options: Record<string, unknown>, outputs: readonly OutputFile[]): string {
  const body = {
    gereedschap: { naam: 'natuurpact', versie: toolVersion(), node: process.version },
    paden: MANIFEST_ROOTS,
    scenario: {
      naam: run.loaded.content.naam,
      bestanden: run.loaded.files.map((f) => ({ pad: f.path, sha256: sha256(f.bytes) })),
      genormaliseerd_sha256: sha256(JSON.stringify(normalised(run.loaded.content))),
    },
    gegevens: inputs
      .map((i) => ({ pad: i.name, laag: i.laag, sha256: sha256(i.bytes) }))
      .sort((a, b) => byText(a.laag, b.laag) || byText(a.pad, b.pad)),
    opties: options,
    uitvoer: outputs.map((o) => ({ bestand: o.name, sha256: sha256(o.bytes) })),
  };
  return JSON.stringify(body, null, 2) + '\n';
}
