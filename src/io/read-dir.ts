/**
 * Reading dataset folders from disk: the shipped `data/` folder and, optionally, a user's folder
 * laid over it (`--data DIR`).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '../core/dataset.js';
import { UserError, type Issue } from '../core/errors.js';
import { buildDataset, type DataFileInput, type Layer } from './load.js';
import { asUserFsError, checkPath, readUserFile } from './paths.js';

/** The `data/` folder shipped with the package (next to `dist/` or `src/`). */
export function shippedDataDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data');
}

const SPREADSHEET = /\.(xlsx|xls|ods)$/i;

/** Larger than any dataset of this kind (the shipped files are a few hundred kilobytes). */
export const MAX_DATA_FILE_BYTES = 256 * 1024 * 1024;

/**
 * Every CSV file of a folder as a {@link DataFileInput}; spreadsheets are refused with advice, and so
 * is a `.csv` that is a folder, a device, a dangling link or unreadable. `shown` is how messages and
 * outputs name the folder (default: as given).
 */
export function readDataDir(dir: string, laag: Layer, shown: string = normalize(dir)): DataFileInput[] {
  checkPath(dir, shown);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UserError({ file: shown, message: 'gegevensmap bestaat niet of is geen map' });
  }
  const issues: Issue[] = [];
  const inputs: DataFileInput[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    throw asUserFsError(e, shown, 'gegevensmap kan niet gelezen worden');
  }
  for (const name of names.sort()) {
    const label = join(shown, name);
    if (SPREADSHEET.test(name)) {
      issues.push({ file: label, message: 'verwacht CSV, gevonden een spreadsheet: sla het blad op als CSV (UTF-8)' });
    } else if (name.toLowerCase().endsWith('.csv')) {
      try {
        inputs.push({ name, label, bytes: readUserFile(join(dir, name), label, { what: 'gegevensbestand', maxBytes: MAX_DATA_FILE_BYTES }), laag });
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        issues.push(...e.issues);
      }
    }
  }
  if (issues.length > 0) throw new UserError(issues);
  return inputs;
}

/** Loads the shipped data, with the user's folder laid over it when given. */
export function loadDataset(userDir?: string, dataDir: string = shippedDataDir()): Dataset {
  return loadDatasetWithInputs(userDir, dataDir).data;
}

/**
 * As {@link loadDataset}, also returning the files read (for a run's manifest). The shipped files
 * are named `data/<file>` wherever the program runs from; the user's as the user named the folder.
 */
export function loadDatasetWithInputs(userDir?: string, dataDir: string = shippedDataDir()): { data: Dataset; inputs: DataFileInput[] } {
  if (userDir !== undefined && typeof userDir !== 'string') throw new UserError({ message: 'loadDataset: verwacht het pad van een gegevensmap (tekst)' });
  const inputs = readDataDir(dataDir, 'meegeleverd', dataDir === shippedDataDir() ? 'data' : normalize(dataDir));
  if (userDir !== undefined) inputs.push(...readDataDir(resolve(userDir), 'eigen', normalize(userDir)));
  return { data: buildDataset(inputs), inputs };
}
