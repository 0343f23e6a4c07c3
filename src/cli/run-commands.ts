/**
 * `natuurpact run`, `valideer`, `vergelijk` and `uitleg`: scenario files in, reports out.
 */
import type { Command } from 'commander';
import { join } from 'node:path';
import { UserError, type Issue } from '../core/errors.js';
import { LINES, type Line } from '../core/model/lines.js';
import { explain } from '../core/model/run.js';
import { PROVINCE_CODES, isRegionCode, provinceName, type RegionCode } from '../core/provinces.js';
import { loadDatasetWithInputs } from '../io/read-dir.js';
import { runScenarioFileAsync } from '../io/run-scenario.js';
import { FORMATS } from '../io/scenario.js';
import { writeOutputsAtomically } from '../io/write-outputs.js';
import { toCsv } from '../report/csv.js';
import { formatMillions } from '../report/format.js';
import { textTable } from '../report/table.js';
import { yearOption } from './options.js';
import { runScenarioFiles } from './run-scenarios.js';
import { UsageError, type Io } from './program.js';

const DATA_OPTION = ['--data <map>', 'eigen gegevensmap die over de meegeleverde gegevens wordt gelegd'] as const;

export function registerRunCommands(program: Command, io: Io): void {
  program
    .command('run')
    .description('scenario’s doorrekenen en rapporten schrijven (resultaten.csv, rapport.md, rapport.html, resultaten.xlsx, manifest.json)')
    .argument('<scenario...>', 'scenariobestanden (YAML)')
    .option(...DATA_OPTION)
    .option('--uit <map>', 'map voor de uitvoer; per scenario een submap', 'uit')
    .option('--formaat <lijst>', `uitvoerformaten, gescheiden door komma's (${FORMATS.join(', ')}); standaard uit het scenario, anders alle`)
    .option('--nl-csv', 'CSV met ; en decimale komma (Nederlandse Excel-instellingen)')
    .option('--werkers <aantal>', 'aantal threads dat scenario’s doorrekent (1: een voor een); standaard de processorkernen die niet met ander werk bezig zijn')
    .action(async (files: string[], opts: { data?: string; uit: string; formaat?: string; nlCsv?: boolean; werkers?: string }) => {
      if (opts.werkers !== undefined && !/^[1-9]\d*$/.test(opts.werkers)) throw new UsageError(`--werkers verwacht een positief geheel getal, gevonden '${opts.werkers}'`);
      const { werkers, ...rest } = opts;
      await runScenarioFiles(files, { ...rest, ...(werkers !== undefined ? { werkers: Number(werkers) } : {}) }, io, ({ naam, outputs }) => {
        const target = join(opts.uit, naam);
        try {
          writeOutputsAtomically(target, outputs);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code && ['EACCES', 'EPERM', 'ENOTDIR', 'EROFS', 'ENOSPC', 'EEXIST', 'EISDIR'].includes(code)) {
            throw new UserError({ file: target, message: `kan de uitvoer niet schrijven (${code}); de vorige uitvoer is ongewijzigd` });
          }
          throw e;
        }
        io.out(`${naam}: ${outputs.map((o) => o.name).join(', ')} in ${target}\n`);
      });
    });

  program
    .command('valideer')
    .description('scenariobestanden alleen controleren; alle fouten tegelijk')
    .argument('<scenario...>', 'scenariobestanden (YAML)')
    .option(...DATA_OPTION)
    .action(async (files: string[], opts: { data?: string }) => {
      const { data } = loadDatasetWithInputs(opts.data);
      const issues: Issue[] = [];
      for (const file of files) {
        try {
          await runScenarioFileAsync(file, data);
        } catch (e) {
          if (e instanceof UserError) issues.push(...e.issues);
          else throw e;
        }
      }
      if (issues.length > 0) throw new UserError(issues);
      io.out(`${files.length} scenario${files.length === 1 ? '' : "'s"} geldig.\n`);
    });

  program
    .command('vergelijk')
    .description('twee scenario’s vergelijken: verschil per provincie en jaar')
    .argument('<scenario-a>')
    .argument('<scenario-b>')
    .option(...DATA_OPTION)
    .option('--post <post>', `welke post (${LINES.join(', ')})`, 'tekort')
    .option('--csv', 'CSV op standaarduitvoer')
    .action(async (a: string, b: string, opts: { data?: string; post: string; csv?: boolean }) => {
      if (!(LINES as readonly string[]).includes(opts.post)) throw new UsageError(`onbekende post '${opts.post}'; kies uit ${LINES.join(', ')}`);
      const post = opts.post as Line;
      const { data } = loadDatasetWithInputs(opts.data);
      const ra = await runScenarioFileAsync(a, data);
      const rb = await runScenarioFileAsync(b, data);
      const years = ra.result.jaren.filter((y) => rb.result.jaren.includes(y) && y > ra.result.basisjaar);
      const regions: RegionCode[] = [...PROVINCE_CODES, 'NL'];
      const diff = (p: RegionCode, y: number) => rb.result.cell(p, y, post).bedrag_eur.minus(ra.result.cell(p, y, post).bedrag_eur);
      if (opts.csv) {
        io.out(toCsv(['provincie', 'jaar', 'post', `${ra.loaded.content.naam}_eur`, `${rb.loaded.content.naam}_eur`, 'verschil_eur'], regions.flatMap((p) => years.map((y) => [p, { number: String(y) }, post, { number: ra.result.cell(p, y, post).bedrag_eur.toFixed(2) }, { number: rb.result.cell(p, y, post).bedrag_eur.toFixed(2) }, { number: diff(p, y).toFixed(2) }]))));
        return;
      }
      io.out(
        `${post}: ${rb.loaded.content.naam} min ${ra.loaded.content.naam}, in mln euro (positief: hoger in ${rb.loaded.content.naam}).\n\n` +
          textTable(
            [{ titel: 'provincie' }, ...years.map((y) => ({ titel: String(y), rechts: true }))],
            regions.map((p) => [p === 'NL' ? 'NL Nederland' : `${p} ${provinceName(p)}`, ...years.map((y) => formatMillions(diff(p, y)))]),
          ) +
          '\n',
      );
    });

  program
    .command('uitleg')
    .description('één cel uitleggen: regel, invoer, bronnen en status')
    .argument('<scenario>')
    .requiredOption('--provincie <code>', 'PV20..PV31 of NL')
    .requiredOption('--jaar <jaar>', 'jaar')
    .option('--post <post>', 'post', 'tekort')
    .option(...DATA_OPTION)
    .action(async (file: string, opts: { provincie: string; jaar: string; post: string; data?: string }) => {
      if (!isRegionCode(opts.provincie)) throw new UsageError(`--provincie verwacht PV20..PV31 of NL, gevonden '${opts.provincie}'`);
      if (!(LINES as readonly string[]).includes(opts.post)) throw new UsageError(`onbekende post '${opts.post}'; kies uit ${LINES.join(', ')}`);
      const jaar = yearOption(opts.jaar, '--jaar');
      const { data } = loadDatasetWithInputs(opts.data);
      const run = await runScenarioFileAsync(file, data);
      const e = explain(run.result, { provincie: opts.provincie, jaar, post: opts.post as Line });
      const value = e.post === 'dekkingsgraad' ? e.waarde.toSignificantDigits(6).toString().replace('.', ',') : `${formatMillions(e.waarde, 3)} mln euro`;
      const lines = [`${e.provincie} ${e.jaar} ${e.post} = ${value} (status: ${e.status})`, `regel: ${e.regel}`];
      if (e.invoer.length > 0) lines.push('invoer:');
      for (const i of e.invoer) lines.push(`- ${i.omschrijving}${i.status ? ` [${i.status}]` : ''}${i.bron && i.bron.length > 0 ? ` (bron: ${[...new Set(i.bron)].join(', ')})` : ''}`);
      io.out(lines.join('\n') + '\n');
    });
}
