/**
 * `manifest.json`: what a run used and made, so that a result can be traced and reproduced: tool and
 * Node versions, the sha256 of every data file and scenario file (raw bytes, and the scenario also
 * normalised: its validated content), the options, and the sha256 of each output. No timestamps:
 * the same inputs give the same manifest.
 */
import { readFileSync } from 'node:fs';
import { Decimal } from '../core/decimal.js';
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

export function manifest(run: ScenarioRun, inputs: readonly DataFileInput[], options: Record<string, unknown>, outputs: readonly OutputFile[]): string {
  const body = {
    gereedschap: { naam: 'natuurpact', versie: toolVersion(), node: process.version },
    scenario: {
      naam: run.loaded.content.naam,
      bestanden: run.loaded.files.map((f) => ({ pad: f.path, sha256: sha256(f.bytes) })),
      genormaliseerd_sha256: sha256(JSON.stringify(normalised(run.loaded.content))),
    },
    gegevens: inputs.map((i) => ({ pad: i.label, laag: i.laag, sha256: sha256(i.bytes) })).sort((a, b) => a.pad.localeCompare(b.pad)),
    opties: options,
    uitvoer: outputs.map((o) => ({ bestand: o.name, sha256: sha256(o.bytes) })),
  };
  return JSON.stringify(body, null, 2) + '\n';
}
