/**
 * Reading dataset folders from disk: the shipped `data/` folder and, optionally, a user's folder
 * laid over it (`--data DIR`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '../core/dataset.js';
import { UserError, type Issue } from '../core/errors.js';
import { buildDataset, type DataFileInput, type Layer } from './load.js';

/** The `data/` folder shipped with the package (next to `dist/` or `src/`). */
export function shippedDataDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data');
}

const SPREADSHEET = /\.(xlsx|xls|ods)$/i;

/** Every CSV file of a folder as a {@link DataFileInput}; spreadsheets are refused with advice. */
export function readDataDir(dir: string, laag: Layer): DataFileInput[] {
  const shown = relative(process.cwd(), dir) || '.';
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UserError({ file: shown, message: 'gegevensmap bestaat niet of is geen map' });
  }
  const issues: Issue[] = [];
  const inputs: DataFileInput[] = [];
  for (const name of readdirSync(dir).sort()) {
    const label = join(shown, name);
    if (SPREADSHEET.test(name)) {
      issues.push({ file: label, message: 'verwacht CSV, gevonden een spreadsheet: sla het blad op als CSV (UTF-8)' });
    } else if (name.toLowerCase().endsWith('.csv')) {
      inputs.push({ name, label, bytes: readFileSync(join(dir, name)), laag });
    }
  }
  if (issues.length > 0) throw new UserError(issues);
  return inputs;
}

/** Loads the shipped data, with the user's folder laid over it when given. */
export function loadDataset(userDir?: string, dataDir: string = shippedDataDir()): Dataset {
  return loadDatasetWithInputs(userDir, dataDir).data;
}

/** As {@link loadDataset}, also returning the files read (for a run's manifest). */
export function loadDatasetWithInputs(userDir?: string, dataDir: string = shippedDataDir()): { data: Dataset; inputs: DataFileInput[] } {
  const inputs = readDataDir(dataDir, 'meegeleverd');
  if (userDir !== undefined) inputs.push(...readDataDir(resolve(userDir), 'eigen'));
  return { data: buildDataset(inputs), inputs };
}
