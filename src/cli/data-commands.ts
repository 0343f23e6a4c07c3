/**
 * `natuurpact data check` and `natuurpact data bronnen`.
 */
import type { Command } from 'commander';
import { coverage, type GridCell, type SpendingCell } from '../io/coverage.js';
import { formatNumberNl } from '../core/format.js';
import { completeHistory, HISTORY_YEARS } from '../core/estimate.js';
import { loadDataset } from '../io/read-dir.js';
import { assumptionWarnings } from '../io/load.js';
import { formatIssue } from '../core/errors.js';
import { provinceName, PROVINCE_CODES } from '../core/provinces.js';
import { textTable } from '../report/table.js';
import type { Io } from './program.js';
import { registerCbsCommand } from './cbs-command.js';
import { registerReconciliationCommand } from './reconciliation-command.js';
import { byText } from '../core/order.js';

const DATA_OPTION = ['--data <map>', 'eigen gegevensmap die over de meegeleverde gegevens wordt gelegd'] as const;

function gridSymbol(cell: GridCell): string {
  if (cell.gepubliceerd === 0 && cell.geschat === 0) return '.';
  if (cell.geschat === 0) return 'G';
  if (cell.gepubliceerd === 0) return 'S';
  return 'g';
}

/** G: all seven tasks published; g: some tasks or the year's total published; n: own level from other years; S: national estimate only. */
function spendingSymbol(cell: SpendingCell): string {
  if (cell.waargenomen === 7) return 'G';
  if (cell.waargenomen > 0 || cell.totaal_waargenomen > 0) return 'g';
  if (cell.eigen_niveau > 0) return 'n';
  return 'S';
}

export function registerDataCommands(program: Command, io: Io): void {
  const data = program.command('data').description('gegevens controleren en bekijken');
  registerReconciliationCommand(data, io);

  data
    .command('check')
    .description('controleer alle gegevensbestanden en toon wat gepubliceerd en wat geschat is')
    .option(...DATA_OPTION)
    .action((opts: { data?: string }) => {
      const loaded = loadDataset(opts.data);
      const completed = completeHistory(loaded);
      const { estimates } = completed;
      const cov = coverage(completed, HISTORY_YEARS);
      const lines: string[] = [];
      const totalRows = cov.bestanden.reduce((n, f) => n + f.regels, 0);
      lines.push(
        `Gegevens geldig: ${cov.bestanden.length} bestanden, ${totalRows} regels, ${cov.bronnen} bronnen` +
          (opts.data ? `, met eigen gegevens uit ${opts.data}` : '') +
          '.',
      );
      lines.push(`De schattingsstap vulde ${estimates} waarden aan (status 'schatting'; methode per regel, zie README).`);
      lines.push('');
      lines.push('Per bestand (aantal regels naar status)');
      lines.push(
        textTable(
          [
            { titel: 'bestand' },
            { titel: 'regels', rechts: true },
            { titel: 'gepubliceerd', rechts: true },
            { titel: 'afgeleid', rechts: true },
            { titel: 'schatting', rechts: true },
            { titel: 'aanname', rechts: true },
            { titel: 'eigen', rechts: true },
          ],
          cov.bestanden.map((f) => [
            f.bestand,
            String(f.regels),
            String(f.gepubliceerd),
            String(f.afgeleid),
            String(f.schatting),
            String(f.aanname),
            String(f.eigen),
          ]),
        ),
      );
      const header = [{ titel: 'provincie' }, ...cov.jaren.map((y) => ({ titel: String(y) }))];
      lines.push('');
      lines.push(
        'Uitgaven per provincie en jaar (7 taken): G = alle taken gepubliceerd, g = deels gepubliceerd (taken of het natuurtotaal van het jaar), ' +
          'n = geen cijfer dit jaar, niveau uit eigen cijfers van andere jaren, S = landelijk bedrag verdeeld met een sleutel',
      );
      lines.push(
        textTable(
          [...header, { titel: 'waargenomen', rechts: true }, { titel: 'natuurdeel aangenomen', rechts: true }, { titel: 'uit afspraken', rechts: true }],
          PROVINCE_CODES.map((p) => {
            const ev = cov.waarneming.find((w) => w.provincie === p)!;
            return [
              `${p} ${provinceName(p)}`,
              ...(cov.uitgaven.get(p) ?? []).map((c) => spendingSymbol(c).padStart(4)),
              `${formatNumberNl(ev.waargenomenAandeel.times(100), 0)}%`,
              `${formatNumberNl(ev.afbakeningAangenomenAandeel.times(100), 0)}%`,
              `${formatNumberNl(ev.afsprakenAandeel.times(100), 0)}%`,
            ];
          }),
        ),
      );
      lines.push(
        'waargenomen: deel van de uitgaven 2014-2023 dat op gepubliceerde cijfers van de provincie rust; natuurdeel aangenomen: deel dat rust op een gepubliceerd programma waarvan het natuurdeel is aangenomen; ' +
          'uit afspraken: deel dat uit de afspraken over het geld is afgeleid (daar zijn uitgaven en inkomsten niet onafhankelijk).',
      );
      lines.push('');
      lines.push('Inkomsten per provincie en jaar: G = gepubliceerd, S = geschat, g = deels gepubliceerd, . = geen gegevens');
      lines.push(
        textTable(
          header,
          PROVINCE_CODES.map((p) => [`${p} ${provinceName(p)}`, ...(cov.inkomsten.get(p) ?? []).map((c) => gridSymbol(c).padStart(4))]),
        ),
      );
      io.out(lines.join('\n') + '\n');
      for (const w of assumptionWarnings(loaded)) io.err(`waarschuwing: ${formatIssue(w)}\n`);
    });

  registerCbsCommand(data, io);

  data
    .command('bronnen')
    .description('toon het bronnenregister')
    .option(...DATA_OPTION)
    .action((opts: { data?: string }) => {
      const loaded = loadDataset(opts.data);
      const rows = [...loaded.bronnen.values()]
        .sort((a, b) => byText(a.id, b.id))
        .map((s) => [s.id, s.titel, s.uitgever, s.datum, s.url, s.herkomst.laag === 'eigen' ? 'eigen' : '']);
      io.out(
        textTable(
          [{ titel: 'id' }, { titel: 'titel' }, { titel: 'uitgever' }, { titel: 'datum' }, { titel: 'url' }, { titel: 'laag' }],
          rows,
        ) + '\n',
      );
    });
}
