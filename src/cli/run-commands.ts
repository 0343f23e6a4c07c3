/**
 * `natuurpact run`, `valideer`, `vergelijk` and `uitleg`: scenario files in, reports out.
 */
import type { Command } from 'commander';
import { formatIssue, MAX_SHOWN_ISSUES, UserError, type Issue } from '../core/errors.js';
import { FUND_LINES, LINES, RESULT_LINES, type ResultLine } from '../core/model/lines.js';
import { explain, STATUS_QUO, type Explanation } from '../core/model/run.js';
import { COMPARISON_LINES, CONSTRUCTION_LINES, type ComparisonLine } from '../core/constructions/compare.js';
import { explainConstructionCell } from '../core/constructions/explain.js';
import { isRegionCode } from '../core/provinces.js';
import { loadDatasetWithInputs } from '../io/read-dir.js';
import { collectScenarioFiles, loadScenarioFiles, prepareScenario, runLoadedScenario, type ScenarioRun } from '../io/run-scenario.js';
import { FORMATS, type ScenarioOptions } from '../io/scenario.js';
import { OutputFolder } from '../io/write-outputs.js';
import { checkScenarioUncertainty } from '../io/uncertainty-scenario.js';
import { toolVersion } from '../io/manifest.js';
import { csvStyle } from '../report/csv.js';
import { formatMillions } from '../report/format.js';
import { compareScenarioRuns, comparisonCsv, comparisonHtml, comparisonText, postsOf } from '../report/scenario-comparison.js';
import { constructionOption, NL_CSV_OPTION, yearOption } from './options.js';
import { Progress } from './progress.js';
import { runScenarioFiles, runWithConstructions } from './run-scenarios.js';
import { UsageError, type Io } from './program.js';

const DATA_OPTION = ['--data <map>', 'eigen gegevensmap die over de meegeleverde gegevens wordt gelegd'] as const;
const BASIS_OPTION = ['--basismap <map>', 'map waarbinnen basisscenario’s (basis:) mogen staan (standaard: de map van het scenario)'] as const;
const scenarioOptions = (opts: { basismap?: string }): ScenarioOptions => (opts.basismap !== undefined ? { basisMap: opts.basismap } : {});

/** A `--post` value: a line of the result table, or (with a construction) of the construction's table. */
function postOption(value: string, withConstruction: boolean): ComparisonLine | ResultLine {
  const allowed: readonly string[] = withConstruction ? COMPARISON_LINES : RESULT_LINES;
  if (allowed.includes(value)) return value as ComparisonLine | ResultLine;
  if ((COMPARISON_LINES as readonly string[]).includes(value)) throw new UsageError(`post '${value}' bestaat alleen bij een constructie; geef --constructie`);
  throw new UsageError(`onbekende post '${value}'; kies uit ${allowed.join(', ')}`);
}

/** Values outside their plausible range, on stderr: the run goes on, the report lists them too. */
function printWarnings(io: Io, warnings: readonly Issue[]): void {
  const unique = [...new Set(warnings.map(formatIssue))];
  for (const w of unique.slice(0, MAX_SHOWN_ISSUES)) io.err(`waarschuwing: ${w}\n`);
  if (unique.length > MAX_SHOWN_ISSUES) io.err(`... en nog ${unique.length - MAX_SHOWN_ISSUES} waarschuwingen\n`);
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
    .option('--constructie <lijst>', 'vergelijk deze constructies (gescheiden door komma\'s) in plaats van die uit het scenario; C0 komt er altijd bij')
    .option('--werkers <aantal>', 'aantal threads dat scenario’s doorrekent (1: een voor een); standaard de processorkernen die niet met ander werk bezig zijn')
    .option(...BASIS_OPTION)
    .action(async (files: string[], opts: { data?: string; uit: string; formaat?: string; nlCsv?: boolean; werkers?: string; constructie?: string; basismap?: string }) => {
      if (opts.werkers !== undefined && !/^[1-9]\d*$/.test(opts.werkers)) throw new UsageError(`--werkers verwacht een positief geheel getal, gevonden '${opts.werkers}'`);
      if (opts.constructie !== undefined) constructionOption(opts.constructie);
      // Every file is read and checked (names included: two scenarios may not share an output folder) before anything is written.
      loadScenarioFiles(files, scenarioOptions(opts));
      const { folder, warnings } = OutputFolder.open(opts.uit);
      for (const w of warnings) io.err(`waarschuwing: ${w}\n`);
      try {
        const { werkers, ...rest } = opts;
        await runScenarioFiles(files, { ...rest, ...(werkers !== undefined ? { werkers: Number(werkers) } : {}) }, io, ({ naam, outputs, waarschuwingen }) => {
          printWarnings(io, waarschuwingen);
          const written = folder.replace(naam, outputs);
          io.out(`${naam}: ${outputs.map((o) => o.name).join(', ')} in ${written.target}\n`);
          for (const w of written.warnings) io.err(`waarschuwing: ${w}\n`);
        });
      } finally {
        folder.close();
      }
    });

  program
    .command('valideer')
    .description('scenariobestanden alleen controleren; alle fouten tegelijk')
    .argument('<scenario...>', 'scenariobestanden (YAML)')
    .option(...DATA_OPTION)
    .option(...BASIS_OPTION)
    .action(async (files: string[], opts: { data?: string; basismap?: string }) => {
      const { data } = loadDatasetWithInputs(opts.data);
      const { loaded: scenarios, issues } = collectScenarioFiles(files, scenarioOptions(opts));
      const warnings: Issue[] = [];
      for (const loaded of scenarios) {
        try {
          await prepareScenario(loaded);
          const run = runLoadedScenario(loaded, data);
          warnings.push(...run.waarschuwingen);
          checkScenarioUncertainty(run);
        } catch (e) {
          if (e instanceof UserError) issues.push(...e.issues);
          else throw e;
        }
      }
      printWarnings(io, warnings);
      if (issues.length > 0) throw new UserError(issues);
      io.out(`${files.length} scenario${files.length === 1 ? '' : "'s"} geldig.\n`);
    });

  program
    .command('vergelijk')
    .description('scenario’s vergelijken: een post per provincie en jaar, elk scenario tegenover het eerste')
    .argument('<scenario...>', 'twee of meer scenariobestanden; het eerste is de referentie')
    .option(...DATA_OPTION)
    .option('--post <post>', `welke post (${LINES.join(', ')}, ${FUND_LINES.join(', ')}, ontleding.*; met --constructie ook ${CONSTRUCTION_LINES.join(', ')})`, 'tekort')
    .option('--constructie <id>', 'alle scenario\'s onder deze constructie (standaard de status quo, C0)')
    .option('--csv', 'CSV op standaarduitvoer')
    .option(...NL_CSV_OPTION)
    .option('--html', 'een HTML-pagina op standaarduitvoer (grafiek en tabellen), bijvoorbeeld: > vergelijking.html')
    .option(...BASIS_OPTION)
    .action(async (files: string[], opts: { data?: string; post: string; csv?: boolean; nlCsv?: boolean; html?: boolean; constructie?: string; basismap?: string }) => {
      if (files.length < 2) throw new UsageError('vergelijk vraagt ten minste twee scenariobestanden');
      if ((opts.csv || opts.nlCsv) && opts.html) throw new UsageError('kies --csv (of --nl-csv) of --html, niet beide');
      const post = opts.post.startsWith('ontleding.') ? opts.post : postOption(opts.post, opts.constructie !== undefined);
      const { data } = loadDatasetWithInputs(opts.data);
      const progress = new Progress(io, 'natuurpact vergelijk', files.length);
      const runs: ScenarioRun[] = [];
      try {
        for (const [i, file] of files.entries()) {
          progress.update(i, file);
          runs.push(await runWithConstructions(file, data, opts.constructie, true, scenarioOptions(opts)));
        }
      } finally {
        progress.finish();
      }
      if (opts.constructie !== undefined && !runs.every((r) => postsOf(r, opts.constructie!).has(post))) {
        const missing = runs.find((r) => !postsOf(r, opts.constructie!).has(post))!;
        throw new UsageError(`post '${post}' bestaat niet onder ${opts.constructie} in scenario ${missing.loaded.content.naam}`);
      }
      if (post.startsWith('ontleding.')) {
        const missing = runs.find((r) => !postsOf(r, opts.constructie ?? STATUS_QUO).has(post));
        if (missing) {
          const known = [...postsOf(missing, opts.constructie ?? STATUS_QUO)].filter((x) => x.startsWith('ontleding.'));
          throw new UsageError(`post '${post}' staat niet in de ontleding van scenario ${missing.loaded.content.naam}; bekend: ${known.join(', ')}`);
        }
      }
      const comparison = compareScenarioRuns(runs, post, toolVersion(), opts.constructie);
      if (opts.csv || opts.nlCsv) io.out(comparisonCsv(comparison, csvStyle(opts.nlCsv)));
      else if (opts.html) io.out(await comparisonHtml(comparison));
      else io.out(comparisonText(comparison));
    });

  program
    .command('uitleg')
    .description('één cel uitleggen: regel, invoer, bronnen en status')
    .argument('<scenario>')
    .requiredOption('--provincie <code>', 'PV20..PV31 of NL')
    .requiredOption('--jaar <jaar>', 'jaar')
    .option('--post <post>', 'post', 'tekort')
    .option('--constructie <id>', 'de cel onder deze constructie (standaard de status quo, C0)')
    .option(...DATA_OPTION)
    .option(...BASIS_OPTION)
    .action(async (file: string, opts: { provincie: string; jaar: string; post: string; data?: string; constructie?: string; basismap?: string }) => {
      if (!isRegionCode(opts.provincie)) throw new UsageError(`--provincie verwacht PV20..PV31 of NL, gevonden '${opts.provincie}'`);
      const post = postOption(opts.post, opts.constructie !== undefined);
      const jaar = yearOption(opts.jaar, '--jaar');
      const { data } = loadDatasetWithInputs(opts.data);
      const run = await runWithConstructions(file, data, opts.constructie, true, scenarioOptions(opts));
      const e: Omit<Explanation, 'post'> & { post: string } = opts.constructie
        ? explainConstructionCell(run.comparison!, run.result, { constructie: opts.constructie, provincie: opts.provincie, jaar, post: post as ComparisonLine })
        : explain(run.result, { provincie: opts.provincie, jaar, post: post as ResultLine });
      const value = e.post === 'dekkingsgraad' ? e.waarde.toSignificantDigits(6).toString().replace('.', ',') : `${formatMillions(e.waarde)} mln euro`;
      const lines = [`${e.provincie} ${e.jaar} ${e.post}${opts.constructie ? ` onder ${opts.constructie}` : ''} = ${value} (status: ${e.status})`, `regel: ${e.regel}`];
      const others = (run.comparison?.constructies ?? []).map((c) => c.id).filter((id) => id !== 'C0');
      if (!opts.constructie && others.length > 0) lines.push(`(status quo, C0; dit scenario vergelijkt ook ${others.join(', ')}: kies er een met --constructie)`);
      if (e.invoer.length > 0) lines.push('invoer:');
      for (const i of e.invoer) lines.push(`- ${i.omschrijving}${i.status ? ` [${i.status}]` : ''}${i.bron && i.bron.length > 0 ? ` (bron: ${[...new Set(i.bron)].join(', ')})` : ''}`);
      io.out(lines.join('\n') + '\n');
    });
}
