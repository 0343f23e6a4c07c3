/**
 * `natuurpact onzekerheid <scenario>`: Monte Carlo on the fast path, tornado, variance shares and the
 * assumption register of one scenario (optionally under one construction), written into
 * `<uit>/<scenario>-onzekerheid[-<constructie>]/`: kwantielen.csv, gevoeligheid.csv, waaier.svg,
 * waaier-provincies.svg, tornado.svg, tornado-provincies.svg, rapport.md, rapport.html,
 * onzekerheid.xlsx and manifest.json. Same inputs and seed, same bytes.
 */
import type { Command } from 'commander';
import { join } from 'node:path';
import { compareConstructions } from '../core/constructions/compare.js';
import type { Construction } from '../core/constructions/construction.js';
import { shippedConstructions } from '../core/constructions/shipped.js';
import type { RegionCode } from '../core/provinces.js';
import { suggest } from '../core/suggest.js';
import { uncertainInputs } from '../core/uncertainty/inputs.js';
import { compileUncertainty } from '../core/uncertainty/model.js';
import { runMonteCarlo, summarise, type McLine } from '../core/uncertainty/montecarlo.js';
import { assumptionRegister } from '../core/uncertainty/register.js';
import { tornado, varianceShares } from '../core/uncertainty/sensitivity.js';
import { manifest, toolVersion } from '../io/manifest.js';
import { loadDatasetWithInputs } from '../io/read-dir.js';
import { runScenarioFile } from '../io/run-scenario.js';
import { parseAmount } from '../io/scenario.js';
import { scenarioUncertainty } from '../io/uncertainty-scenario.js';
import { writeOutputsAtomically, type OutputFile } from '../io/write-outputs.js';
import { uncertaintyCharts, uncertaintyHtml } from '../report/uncertainty-html.js';
import { quantilesCsv, sensitivityCsv, summaryLines, uncertaintyMarkdown, type UncertaintyRun } from '../report/uncertainty-report.js';
import { uncertaintyWorkbook } from '../report/uncertainty-xlsx.js';
import { UsageError, type Io } from './program.js';

export const MIN_DRAWS = 100;
export const MAX_DRAWS = 200_000;
/** Base rows of the variance shares per draw of the Monte Carlo (N(2 + d + c) fast evaluations). */
export const SENSITIVITY_ROWS_PER_DRAW = 1 / 4;

const enc = new TextEncoder();

function integerOption(value: string, option: string, min: number, max: number): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`${option} verwacht een geheel getal van ${min} tot en met ${max}, gevonden '${value}'`);
  }
  return Number(value);
}

function constructionFor(id: string, shipped: readonly Construction[], own: readonly Construction[]): Construction {
  const all = [...shipped, ...own.filter((c) => !shipped.some((s) => s.id === c.id))];
  const found = all.find((c) => c.id === id);
  if (!found) {
    const hint = suggest(id, all.map((c) => c.id));
    throw new UsageError(`onbekende constructie '${id}'` + (hint ? `; bedoelt u '${hint}'?` : `; kies uit ${all.map((c) => c.id).join(', ')}`));
  }
  return found;
}

export function registerUncertaintyCommand(program: Command, io: Io): void {
  program
    .command('onzekerheid')
    .description('onzekerheid en gevoeligheid: waaier, tornado en register van aannames (Monte Carlo, met zaad)')
    .argument('<scenario>', 'scenariobestand (YAML)')
    .option('--trekkingen <n>', 'aantal trekkingen', '10000')
    .option('--zaad <n>', 'zaad van de toevalsgenerator (hetzelfde zaad geeft dezelfde uitvoer)', '1')
    .option('--constructie <id>', 'rekenen onder een financieringsconstructie (C0-C7 of een eigen constructie uit het scenario)')
    .option('--drempel <bedrag>', 'kans dat het tekort boven dit bedrag ligt (bijvoorbeeld 300mln)', '0')
    .option('--data <map>', 'eigen gegevensmap die over de meegeleverde gegevens wordt gelegd')
    .option('--uit <map>', 'map voor de uitvoer; een submap <scenario>-onzekerheid', 'uit')
    .action(async (file: string, opts: { trekkingen: string; zaad: string; constructie?: string; drempel: string; data?: string; uit: string }) => {
      const n = integerOption(opts.trekkingen, '--trekkingen', MIN_DRAWS, MAX_DRAWS);
      const seed = integerOption(opts.zaad, '--zaad', 0, 2 ** 32 - 1);
      const threshold = parseAmount(opts.drempel);
      if (!threshold.ok) throw new UsageError(`--drempel: ${threshold.message}`);
      const { data, inputs } = loadDatasetWithInputs(opts.data);
      const run = runScenarioFile(file, data);
      const own = scenarioUncertainty(run.loaded);
      const construction = opts.constructie ? constructionFor(opts.constructie, shippedConstructions(run.data), run.comparison?.constructies ?? []) : undefined;
      const catalogue = uncertainInputs({
        scenario: run.scenario,
        data: run.data,
        ...(construction ? { construction } : {}),
        setByScenario: own.setByScenario,
        declarations: own.declarations,
        correlations: own.correlations,
      });
      const model = compileUncertainty({ scenario: run.scenario, data: run.data, ...(construction ? { construction } : {}) }, run.result, catalogue);
      const window = run.window;
      const draws = runMonteCarlo(model, catalogue, n, seed, window);
      const summary = summarise(model, draws, threshold.value.toNumber());
      const swing = tornado(model, catalogue, window);
      const sensitivityRows = Math.max(MIN_DRAWS, Math.ceil(n * SENSITIVITY_ROWS_PER_DRAW));
      const sobol = varianceShares(model, catalogue, window, sensitivityRows, seed);
      const register = assumptionRegister(catalogue, sobol, swing);

      const c0 = shippedConstructions(run.data)[0]!;
      const comparison = construction ? compareConstructions(run.result, construction.id === c0.id ? [c0] : [c0, construction], window) : undefined;
      const cell = (p: RegionCode, y: number, post: 'kosten.totaal' | 'inkomsten.totaal' | 'tekort' | 'dekkingsgraad') =>
        (comparison ? comparison.row(construction!.id, p, y, post) : run.result.cell(p, y, post)).bedrag_eur.toNumber();
      const centraal = (p: RegionCode, y: number, post: McLine) => {
        if (post !== 'tekort.cumulatief_venster') return cell(p, y, post);
        let total = 0;
        for (let t = window.van; t <= y; t++) total += cell(p, t, 'tekort');
        return total;
      };
      const report: UncertaintyRun = {
        scenario: run.loaded.content.naam,
        beschrijving: run.loaded.content.beschrijving ?? '',
        ...(construction ? { constructie: { id: construction.id, naam: construction.naam } } : {}),
        trekkingen: n,
        zaad: seed,
        drempel: threshold.value.toNumber(),
        gevoeligheidN: sensitivityRows,
        basisjaar: run.result.basisjaar,
        venster: window,
        catalogue,
        model,
        summary,
        centraal,
        terugblik: (p, y) => run.result.cell(p, y, 'tekort').bedrag_eur.toNumber(),
        tornado: swing,
        sobol,
        register,
        manifestSamenvatting: `natuurpact ${toolVersion()}; scenario ${run.loaded.files.map((f) => f.path).join(' → ')}; ${n} trekkingen, zaad ${seed}; zie manifest.json voor de sha256 van alle invoer en uitvoer.`,
      };
      const history = run.result.jaren.filter((y) => y <= run.result.basisjaar);
      const charts = await uncertaintyCharts(report, history);
      const files: OutputFile[] = [
        { name: 'kwantielen.csv', bytes: enc.encode(quantilesCsv(report)) },
        { name: 'gevoeligheid.csv', bytes: enc.encode(sensitivityCsv(report)) },
        { name: 'waaier.svg', bytes: enc.encode(charts.waaier) },
        { name: 'waaier-provincies.svg', bytes: enc.encode(charts.waaierProvincies) },
        { name: 'tornado.svg', bytes: enc.encode(charts.tornado) },
        { name: 'tornado-provincies.svg', bytes: enc.encode(charts.tornadoProvincies) },
        { name: 'rapport.md', bytes: enc.encode(uncertaintyMarkdown(report)) },
        { name: 'rapport.html', bytes: enc.encode(uncertaintyHtml(report, charts)) },
        { name: 'onzekerheid.xlsx', bytes: await uncertaintyWorkbook(report) },
      ];
      const options = { trekkingen: n, zaad: seed, constructie: construction?.id ?? null, drempel_eur: threshold.value.toString(), eigen_gegevens: opts.data !== undefined };
      files.push({ name: 'manifest.json', bytes: enc.encode(manifest(run, inputs, options, files)) });
      // Beside the run's own folder (which `run` replaces whole), under the same lock.
      const written = writeOutputsAtomically(opts.uit, `${report.scenario}-onzekerheid${construction ? `-${construction.id}` : ''}`, files);
      for (const w of written.warnings) io.err(`waarschuwing: ${w}\n`);
      io.out(`${summaryLines(report).join('\n')}\n${files.map((f) => f.name).join(', ')} in ${written.target}\n`);
    });
}
