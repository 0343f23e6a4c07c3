/**
 * `natuurpact run`, `valideer`, `vergelijk` and `uitleg`: scenario files in, reports out.
 */
import type { Command } from 'commander';
import { join } from 'node:path';
import { UserError, type Issue } from '../core/errors.js';
import { LINES, type Line } from '../core/model/lines.js';
import { explain } from '../core/model/run.js';
import { PROVINCE_CODES, isRegionCode, provinceName, type RegionCode } from '../core/provinces.js';
import { manifest, toolVersion } from '../io/manifest.js';
import { loadDatasetWithInputs } from '../io/read-dir.js';
import { runScenarioFile, type ScenarioRun } from '../io/run-scenario.js';
import { FORMATS, type OutputFormat } from '../io/scenario.js';
import { checkScenarioUncertainty } from '../io/uncertainty-scenario.js';
import { writeOutputFolder, type OutputFile } from '../io/write-outputs.js';
import { toCsv } from '../report/csv.js';
import { formatMillions } from '../report/format.js';
import { htmlReport } from '../report/html.js';
import { markdownReport } from '../report/markdown.js';
import { reportModel } from '../report/report-model.js';
import { resultsCsv } from '../report/results-csv.js';
import { textTable } from '../report/table.js';
import { workbook } from '../report/xlsx.js';
import { yearOption } from './options.js';
import { UsageError, type Io } from './program.js';

const enc = new TextEncoder();
const DATA_OPTION = ['--data <map>', 'eigen gegevensmap die over de meegeleverde gegevens wordt gelegd'] as const;

function formats(value: string | undefined, fallback: readonly OutputFormat[] | undefined): OutputFormat[] {
  if (value === undefined) return [...(fallback ?? FORMATS)];
  const list = value.split(',').map((s) => s.trim());
  const bad = list.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (bad.length > 0) throw new UsageError(`onbekend formaat '${bad.join(', ')}'; kies uit ${FORMATS.join(', ')}`);
  return list as OutputFormat[];
}

/** Every output of one run, in a fixed order (manifest last, with the hashes of the others). */
export async function renderOutputs(run: ScenarioRun, chosen: readonly OutputFormat[], dutchCsv: boolean, inputs: Parameters<typeof manifest>[1], options: Record<string, unknown>): Promise<OutputFile[]> {
  const model = reportModel(run);
  const files: OutputFile[] = [];
  const summary = `natuurpact ${toolVersion()}; scenario ${run.loaded.files.map((f) => f.path).join(' → ')}; zie manifest.json voor de sha256 van alle invoer en uitvoer.`;
  if (chosen.includes('csv')) files.push({ name: 'resultaten.csv', bytes: enc.encode(resultsCsv(run.rows, dutchCsv)) });
  if (chosen.includes('md')) files.push({ name: 'rapport.md', bytes: enc.encode(markdownReport(model, run, summary)) });
  if (chosen.includes('html')) files.push({ name: 'rapport.html', bytes: enc.encode(await htmlReport(model, run, summary)) });
  if (chosen.includes('xlsx')) files.push({ name: 'resultaten.xlsx', bytes: await workbook(run, model) });
  files.push({ name: 'manifest.json', bytes: enc.encode(manifest(run, inputs, options, files)) });
  return files;
}

export function registerRunCommands(program: Command, io: Io): void {
  program
    .command('run')
    .description('scenario’s doorrekenen en rapporten schrijven (resultaten.csv, rapport.md, rapport.html, resultaten.xlsx, manifest.json)')
    .argument('<scenario...>', 'scenariobestanden (YAML)')
    .option(...DATA_OPTION)
    .option('--uit <map>', 'map voor de uitvoer; per scenario een submap', 'uit')
    .option('--formaat <lijst>', `uitvoerformaten, gescheiden door komma's (${FORMATS.join(', ')}); standaard uit het scenario, anders alle`)
    .option('--nl-csv', 'CSV met ; en decimale komma (Nederlandse Excel-instellingen)')
    .action(async (files: string[], opts: { data?: string; uit: string; formaat?: string; nlCsv?: boolean }) => {
      const { data, inputs } = loadDatasetWithInputs(opts.data);
      const started = Date.now();
      for (const [i, file] of files.entries()) {
        if (io.isTTY && Date.now() - started > 1000) io.err(`[${i + 1}/${files.length}] ${file}\n`);
        const run = runScenarioFile(file, data);
        const chosen = formats(opts.formaat, run.loaded.content.uitvoer?.formaten);
        const options = { formaten: chosen, nl_csv: opts.nlCsv === true, eigen_gegevens: opts.data !== undefined };
        const outputs = await renderOutputs(run, chosen, opts.nlCsv === true, inputs, options);
        const target = join(opts.uit, run.loaded.content.naam);
        writeOutputFolder(target, outputs);
        io.out(`${run.loaded.content.naam}: ${outputs.map((o) => o.name).join(', ')} in ${target}\n`);
      }
    });

  program
    .command('valideer')
    .description('scenariobestanden alleen controleren; alle fouten tegelijk')
    .argument('<scenario...>', 'scenariobestanden (YAML)')
    .option(...DATA_OPTION)
    .action((files: string[], opts: { data?: string }) => {
      const { data } = loadDatasetWithInputs(opts.data);
      const issues: Issue[] = [];
      for (const file of files) {
        try {
          checkScenarioUncertainty(runScenarioFile(file, data));
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
    .action((a: string, b: string, opts: { data?: string; post: string; csv?: boolean }) => {
      if (!(LINES as readonly string[]).includes(opts.post)) throw new UsageError(`onbekende post '${opts.post}'; kies uit ${LINES.join(', ')}`);
      const post = opts.post as Line;
      const { data } = loadDatasetWithInputs(opts.data);
      const ra = runScenarioFile(a, data);
      const rb = runScenarioFile(b, data);
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
    .action((file: string, opts: { provincie: string; jaar: string; post: string; data?: string }) => {
      if (!isRegionCode(opts.provincie)) throw new UsageError(`--provincie verwacht PV20..PV31 of NL, gevonden '${opts.provincie}'`);
      if (!(LINES as readonly string[]).includes(opts.post)) throw new UsageError(`onbekende post '${opts.post}'; kies uit ${LINES.join(', ')}`);
      const jaar = yearOption(opts.jaar, '--jaar');
      const { data } = loadDatasetWithInputs(opts.data);
      const run = runScenarioFile(file, data);
      const e = explain(run.result, { provincie: opts.provincie, jaar, post: opts.post as Line });
      const value = e.post === 'dekkingsgraad' ? e.waarde.toSignificantDigits(6).toString().replace('.', ',') : `${formatMillions(e.waarde, 3)} mln euro`;
      const lines = [`${e.provincie} ${e.jaar} ${e.post} = ${value} (status: ${e.status})`, `regel: ${e.regel}`];
      if (e.invoer.length > 0) lines.push('invoer:');
      for (const i of e.invoer) lines.push(`- ${i.omschrijving}${i.status ? ` [${i.status}]` : ''}${i.bron && i.bron.length > 0 ? ` (bron: ${[...new Set(i.bron)].join(', ')})` : ''}`);
      io.out(lines.join('\n') + '\n');
    });
}
