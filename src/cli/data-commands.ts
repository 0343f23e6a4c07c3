/**
 * `natuurpact data check` and `natuurpact data bronnen`.
 */
import type { Command } from 'commander';
import { coverage, type GridCell } from '../io/coverage.js';
import { completeHistory, HISTORY_YEARS } from '../core/estimate.js';
import { loadDataset } from '../io/read-dir.js';
import { assumptionWarnings } from '../io/load.js';
import { formatIssue } from '../core/errors.js';
import { provinceName, PROVINCE_CODES } from '../core/provinces.js';
import { textTable } from '../report/table.js';
import type { Io } from './program.js';
import { byText } from '../core/order.js';

const DATA_OPTION = ['--data <map>', 'eigen gegevensmap die over de meegeleverde gegevens wordt gelegd'] as const;

function gridSymbol(cell: GridCell, expected: number): string {
  if (cell.gepubliceerd === 0 && cell.geschat === 0) return '.';
  if (cell.geschat === 0 && cell.gepubliceerd >= expected) return 'G';
  if (cell.gepubliceerd === 0) return 'S';
  return 'g';
}

export function registerDataCommands(program: Command, io: Io): void {
  const data = program.command('data').description('gegevens controleren en bekijken');

  data
    .command('check')
    .description('controleer alle gegevensbestanden en toon wat gepubliceerd en wat geschat is')
    .option(...DATA_OPTION)
    .action((opts: { data?: string }) => {
      const loaded = loadDataset(opts.data);
      const { dataset, estimates } = completeHistory(loaded);
      const cov = coverage(dataset, HISTORY_YEARS);
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
      for (const [title, gridMap, expected] of [
        ['Uitgaven per provincie en jaar (7 taken)', cov.uitgaven, 7],
        ['Inkomsten per provincie en jaar', cov.inkomsten, 1],
      ] as const) {
        lines.push('');
        lines.push(`${title}: G = gepubliceerd, S = geschat, g = deels gepubliceerd, . = geen gegevens`);
        lines.push(
          textTable(
            [{ titel: 'provincie' }, ...cov.jaren.map((y) => ({ titel: String(y) }))],
            PROVINCE_CODES.map((p) => [
              `${p} ${provinceName(p)}`,
              ...(gridMap.get(p) ?? []).map((c) => gridSymbol(c, expected).padStart(4)),
            ]),
          ),
        );
      }
      io.out(lines.join('\n') + '\n');
      for (const w of assumptionWarnings(loaded)) io.err(`waarschuwing: ${formatIssue(w)}\n`);
    });

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
