/**
 * `natuurpact constructies`: all shipped constructions compared on the status quo scenario: the
 * national summary, each province's gain or loss against C0, and "what would it take".
 */
import type { Command } from 'commander';
import { compareConstructions, whatWouldItTake } from '../core/constructions/compare.js';
import { shippedConstructions } from '../core/constructions/shipped.js';
import type { Decimal } from '../core/decimal.js';
import { MAX_LAST_YEAR } from '../core/model/plan.js';
import { runScenario } from '../core/model/run.js';
import { HISTORY_LAST_YEAR } from '../core/estimate.js';
import { PROVINCE_CODES, provinceName } from '../core/provinces.js';
import { loadDataset } from '../io/read-dir.js';
import { csvStyle, toCsv } from '../report/csv.js';
import { formatMillions, formatNumberNl } from '../report/format.js';
import { textTable } from '../report/table.js';
import { csvNumber } from './index-command.js';
import { constructionOption, NL_CSV_OPTION, yearOption } from './options.js';
import { UsageError, type Io } from './program.js';

export function registerConstructionsCommand(program: Command, io: Io): void {
  program
    .command('constructies')
    .description('financieringsconstructies vergelijken: tekort per constructie en provincie, en wat nodig is om het te dichten')
    .option('--van <jaar>', 'eerste jaar van het vergelijkingsvenster', '2024')
    .option('--tot <jaar>', 'laatste jaar (ook van de doorrekening)', '2030')
    .option('--doeljaar <jaar>', 'jaar waarin het tekort nul moet zijn (wat is ervoor nodig)')
    .option('--constructie <lijst>', 'alleen deze constructies, gescheiden door komma\'s (C0 komt er altijd bij als basis)')
    .option('--data <map>', 'eigen gegevensmap die over de meegeleverde gegevens wordt gelegd')
    .option('--csv', 'de samenvatting per constructie en provincie als CSV op standaarduitvoer')
    .option(...NL_CSV_OPTION)
    .action((opts: { van: string; tot: string; doeljaar?: string; constructie?: string; data?: string; csv?: boolean; nlCsv?: boolean }) => {
      const van = yearOption(opts.van, '--van');
      const tot = yearOption(opts.tot, '--tot');
      const target = opts.doeljaar ? yearOption(opts.doeljaar, '--doeljaar') : tot;
      const data = loadDataset(opts.data);
      const all = shippedConstructions(data);
      const wanted = opts.constructie === undefined ? undefined : constructionOption(opts.constructie, all.map((c) => c.id));
      const constructions = wanted ? all.filter((c) => c.id === 'C0' || wanted.includes(c.id)) : all;
      const names = constructions.map((c) => c.id).join(', ');
      if (tot <= HISTORY_LAST_YEAR || tot > MAX_LAST_YEAR) {
        throw new UsageError(`--tot ${tot}: de constructies (${names}) worden doorgerekend van ${HISTORY_LAST_YEAR + 1} tot en met ${MAX_LAST_YEAR}; ${tot} valt daarbuiten`);
      }
      if (van <= HISTORY_LAST_YEAR || van > tot) throw new UsageError(`--van ${van}: het vergelijkingsvenster van de constructies (${names}) loopt van ${HISTORY_LAST_YEAR + 1} tot en met --tot ${tot}`);
      const start = Math.min(...constructions.filter((c) => c.id !== 'C0').map((c) => c.start), tot);
      if (target < start || target > tot) throw new UsageError(`--doeljaar ${target}: de constructies (${names}) lopen van ${start} tot en met --tot ${tot}; ${target} valt daarbuiten`);
      const result = runScenario({ naam: 'basis', tot }, data);
      const cmp = compareConstructions(result, constructions, { van, tot });
      if (opts.csv || opts.nlCsv) {
        io.out(
          toCsv(
            ['constructie', 'provincie', 'tekort_cumulatief_eur', 'tekort_netto_cumulatief_eur', 'gemiddelde_dekkingsgraad', 'verschil_met_c0_eur', 'volatiliteit', 'aandeel_geoormerkt', 'onbesteed_eur', 'uitvoeringslasten_eur', 'eigen_inkomsten_eur'],
            cmp.samenvatting.map((s) => [
              s.constructie,
              s.provincie,
              { number: s.cumulatiefTekort.toFixed(2) },
              { number: s.cumulatiefTekortNetto.toFixed(2) },
              { number: csvNumber(s.gemiddeldeDekking) },
              { number: s.verschilMetC0.toFixed(2) },
              { number: csvNumber(s.volatiliteit) },
              { number: csvNumber(s.aandeelGeoormerkt) },
              { number: s.onbesteed.toFixed(2) },
              { number: s.uitvoeringslasten.toFixed(2) },
              { number: s.eigenInkomsten.toFixed(2) },
            ]),
            csvStyle(opts.nlCsv),
          ),
        );
        return;
      }
      const pct = (d: Decimal) => `${formatNumberNl(d.times(100), 1)}%`;
      const nl = cmp.samenvatting.filter((s) => s.provincie === 'NL');
      const lines: string[] = [];
      lines.push(`Financieringsconstructies vergeleken, ${van}-${tot} (bedragen in mln euro; constructies vanaf ${constructions[1]?.start ?? ''}).`, '');
      lines.push(
        textTable(
          [
            { titel: 'constructie' },
            { titel: 'cum. tekort', rechts: true },
            { titel: 'uitv.lasten', rechts: true },
            { titel: 'netto', rechts: true },
            { titel: 'verschil C0', rechts: true },
            { titel: 'dekking', rechts: true },
            { titel: 'volatiliteit', rechts: true },
            { titel: 'geoormerkt', rechts: true },
            { titel: 'onbesteed', rechts: true },
            { titel: 'eigen ink.', rechts: true },
          ],
          nl.map((s) => [
            `${s.constructie} ${constructions.find((c) => c.id === s.constructie)!.naam}`,
            formatMillions(s.cumulatiefTekort),
            formatMillions(s.uitvoeringslasten),
            formatMillions(s.cumulatiefTekortNetto),
            formatMillions(s.verschilMetC0),
            pct(s.gemiddeldeDekking),
            pct(s.volatiliteit),
            pct(s.aandeelGeoormerkt),
            formatMillions(s.onbesteed),
            formatMillions(s.eigenInkomsten),
          ]),
        ),
      );
      lines.push(
        '',
        'netto = cumulatief tekort + uitvoeringslasten (wat de provincies zelf betalen, inclusief de kosten van de constructie); verschil C0 is op het netto tekort.',
        'onbesteed: geoormerkt geld dat niet besteed wordt en terugvloeit; het werk schuift op, dus het telt niet als tekort.',
        'eigen ink.: eigen inkomsten van de provincies naast het rijksgeld (C7); geen rijksfinanciering, dus niet in het tekort: zo veel ervan zouden zij zelf kunnen opbrengen.',
      );
      lines.push('', `Verschil in cumulatief netto tekort met C0 per provincie (negatief: de provincie gaat erop vooruit):`);
      lines.push(
        textTable(
          [{ titel: 'provincie' }, ...constructions.filter((c) => c.id !== 'C0').map((c) => ({ titel: c.id, rechts: true }))],
          PROVINCE_CODES.map((p) => [
            `${p} ${provinceName(p)}`,
            ...constructions
              .filter((c) => c.id !== 'C0')
              .map((c) => formatMillions(cmp.samenvatting.find((s) => s.constructie === c.id && s.provincie === p)!.verschilMetC0)),
          ]),
        ),
      );
      lines.push('', `Wat is nodig om het landelijke netto tekort in ${target} op nul te brengen:`);
      lines.push(
        textTable(
          [{ titel: 'constructie' }, { titel: 'basisbedrag (mln/jaar, op 0,1 mln)', rechts: true }, { titel: 'iteraties', rechts: true }, { titel: 'extra indexpunten/jaar', rechts: true }, { titel: 'iteraties', rechts: true }],
          constructions
            .filter((c) => c.regel.soort === 'regel')
            .map((c) => {
              const a = whatWouldItTake(result, c, { doeljaar: target, wijze: 'basis' });
              const b = target > c.start ? whatWouldItTake(result, c, { doeljaar: target, wijze: 'indexpunten' }) : undefined;
              return [c.id, formatMillions(a.waarde), String(a.iteraties), b ? formatNumberNl(b.waarde.times(100), 3) : 'n.v.t.', b ? String(b.iteraties) : ''];
            }),
        ),
      );
      lines.push('', 'Tolerantie: 1 euro voor het basisbedrag, 0,00001 indexpunt voor de indexatie. C0 en C7 hebben geen basisbedrag om op te lossen.');
      lines.push('', 'Aannames per constructie:');
      for (const c of constructions) for (const a of c.aannames) lines.push(`- ${c.id} ${a.naam}: ${a.toelichting}`);
      io.out(lines.join('\n') + '\n');
    });
}
