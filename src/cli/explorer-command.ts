/**
 * `natuurpact verken <scenario> [--uit MAP] [--data MAP]`: writes `verkenner.html`, one file that
 * recalculates the scenario in the browser (see `src/explorer/`). The scenario is checked and run
 * once here, so a bad scenario is reported like `run` reports it and nothing is written.
 *
 * The browser build ships in `dist/explorer/verkenner.js` (made by `npm run build`); this command
 * only inlines it, with the data files it read and the scenario's validated content.
 */
import type { Command } from 'commander';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { UserError } from '../core/errors.js';
import { toolVersion } from '../io/manifest.js';
import { loadDatasetWithInputs } from '../io/read-dir.js';
import { runScenarioFileAsync } from '../io/run-scenario.js';
import { writtenSource } from '../io/scenario.js';
import { sha256 } from '../io/write-outputs.js';
import { explorerHtml } from '../explorer/html.js';
import { payloadFile, type ExplorerPayload } from '../explorer/payload.js';
import type { Io } from './program.js';

/** The bundle, from `src/cli` or `dist/cli` alike (both two levels below the package root). */
const BUNDLE = new URL('../../dist/explorer/verkenner.js', import.meta.url);
export const EXPLORER_FILE = 'verkenner.html';

function bundle(): string {
  if (!existsSync(BUNDLE)) throw new Error(`de verkenner is niet gebouwd: ${BUNDLE.pathname} ontbreekt; bouw het pakket met 'npm run build'`);
  return readFileSync(BUNDLE, 'utf8');
}

/** A scenario name that can be a folder name as it stands. */
const PLAIN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

/** Writes one file so that a reader sees the old file or the new one, never half of it. */
function writeAtomically(dir: string, name: string, text: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    const temp = join(dir, `.${name}.tmp-${process.pid}`);
    try {
      writeFileSync(temp, text);
      renameSync(temp, join(dir, name));
    } finally {
      rmSync(temp, { force: true });
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code && ['EACCES', 'EPERM', 'ENOTDIR', 'EROFS', 'ENOSPC', 'EEXIST', 'EISDIR'].includes(code)) {
      throw new UserError({ file: dir, message: `kan ${name} niet schrijven (${code}); een eerder bestand is ongewijzigd` });
    }
    throw e;
  }
}

/** The page for a scenario file, as text (the command writes it; tests may call this directly). */
export async function explorerPage(file: string, dataDir?: string, options: { basisMap?: string } = {}): Promise<{ html: string; naam: string }> {
  const { data, inputs } = loadDatasetWithInputs(dataDir);
  const run = await runScenarioFileAsync(file, data, options);
  const constructies = run.loaded.content.constructies;
  const payload: ExplorerPayload = {
    versie: toolVersion(),
    scenario: {
      bestand: run.loaded.file,
      basis: basename(run.loaded.file),
      inhoud: run.loaded.content,
      // The scenario's own constructions as its files write them (amounts with their unit), for the export.
      ...(Array.isArray(constructies) ? { constructiesBron: writtenSource(run.loaded, ['constructies']) } : {}),
      bestanden: run.loaded.files.map((f) => ({ pad: f.path, sha256: sha256(f.bytes) })),
    },
    gegevens: inputs.map((i) => payloadFile(i, sha256(i.bytes))),
  };
  const html = explorerHtml(payload, bundle(), (t) => createHash('sha256').update(t).digest('base64'));
  return { html, naam: run.loaded.content.naam };
}

export function registerExplorerCommand(program: Command, io: Io): void {
  program
    .command('verken')
    .description(`een verkenner schrijven: ${EXPLORER_FILE}, één bestand dat het scenario in de browser doorrekent (zonder netwerk)`)
    .argument('<scenario>', 'scenariobestand (YAML)')
    .option('--uit <map>', `map voor ${EXPLORER_FILE} (standaard uit/<naam>-verkenner)`)
    .option('--data <map>', 'eigen gegevensmap die over de meegeleverde gegevens wordt gelegd')
    .option('--basismap <map>', 'map waarbinnen basisscenario’s (basis:) mogen staan (standaard: de map van het scenario)')
    .action(async (file: string, opts: { uit?: string; data?: string; basismap?: string }) => {
      const { html, naam } = await explorerPage(file, opts.data, opts.basismap !== undefined ? { basisMap: opts.basismap } : {});
      if (opts.uit === undefined && !PLAIN_NAME.test(naam)) {
        throw new UserError({ file, message: `de naam '${naam}' is geen eenvoudige mapnaam; geef met --uit een map op` });
      }
      const dir = opts.uit ?? join('uit', `${naam}-verkenner`);
      writeAtomically(dir, EXPLORER_FILE, html);
      io.out(`${naam}: ${EXPLORER_FILE} in ${dir} (${Math.round(Buffer.byteLength(html) / 1024)} kB); open het bestand in een browser\n`);
    });
}
