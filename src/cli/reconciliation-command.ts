/**
 * `natuurpact data aansluiting`: the published totals next to the model's figures, the difference,
 * what published components explain of it, what stays unexplained, and whether the difference is
 * the one recorded in `aansluiting.csv` (see `src/core/reconciliation.ts`).
 */
import type { Command } from 'commander';
import { Decimal } from '../core/decimal.js';
import { reconcile, type ReconciliationRow } from '../core/reconciliation.js';
import { reconciliationSources } from '../core/reconciliation-sources.js';
import { loadDataset } from '../io/read-dir.js';
import { csvStyle, toCsv, type CsvStyle } from '../report/csv.js';
import { NL_CSV_OPTION } from './options.js';
import { formatMillions, formatNumberNl } from '../report/format.js';
import { textTable } from '../report/table.js';
import type { Io } from './program.js';

const money = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).toFixed(2);
const pct = (d: Decimal) => `${formatNumberNl(d.times(100), 1)}%`;

function csv(rows: readonly ReconciliationRow[], style: CsvStyle): string {
  return toCsv(
    ['id', 'groep', 'omschrijving', 'jaar', 'gepubliceerd_eur', 'model_eur', 'verschil_eur', 'verklaard_eur', 'onverklaard_eur', 'onverklaard_aandeel', 'verwacht_verschil_eur', 'marge_eur', 'oordeel', 'status_gepubliceerd', 'bron'],
    rows.map((r) => [
      r.id,
      r.groep,
      r.omschrijving,
      { number: String(r.jaar) },
      { number: money(r.gepubliceerd.waarde) },
      { number: money(r.model.waarde) },
      { number: money(r.verschil) },
      { number: money(r.verklaard) },
      { number: money(r.onverklaard) },
      { number: r.onverklaardAandeel.toSignificantDigits(6).toFixed() },
      { number: r.verwacht ? money(r.verwacht.verwacht) : '' },
      { number: r.verwacht ? money(r.verwacht.marge) : '' },
      r.oordeel,
      r.gepubliceerd.status,
      [...new Set(r.gepubliceerd.bron)].join('|'),
    ]),
    style,
  );
}

function details(r: ReconciliationRow): string {
  const lines = [`${r.id}: ${r.omschrijving}`, `  gepubliceerd: ${r.gepubliceerd.uitleg}`, `  model: ${r.model.uitleg}`];
  for (const v of r.verklaringen) lines.push(`  verklaard: ${v.omschrijving}: ${formatMillions(v.waarde)} mln (${v.status})`);
  if (r.verwacht) lines.push(`  verwacht verschil ${formatMillions(r.verwacht.verwacht)} mln ± ${formatMillions(r.verwacht.marge)}: ${r.verwacht.reden}`);
  return lines.join('\n');
}

export function registerReconciliationCommand(data: Command, io: Io): void {
  data
    .command('aansluiting')
    .description('sluit het model aan op gepubliceerde totalen en toon de verschillen met hun verklaring')
    .option('--data <map>', 'eigen gegevensmap die over de meegeleverde gegevens wordt gelegd')
    .option('--csv', 'CSV op standaarduitvoer in plaats van een tabel')
    .option(...NL_CSV_OPTION)
    .option('--uitleg', 'toon per regel de verklarende posten en de vastgelegde reden')
    .action((opts: { data?: string; csv?: boolean; nlCsv?: boolean; uitleg?: boolean }) => {
      const loaded = loadDataset(opts.data);
      const { rijen, vervallen } = reconcile(reconciliationSources(loaded), loaded);
      if (opts.csv || opts.nlCsv) {
        io.out(csv(rijen, csvStyle(opts.nlCsv)));
        return;
      }
      const count = (o: ReconciliationRow['oordeel']) => rijen.filter((r) => r.oordeel === o).length;
      const out: string[] = [
        'Aansluiting met gepubliceerde totalen (bedragen in mln euro). verschil = gepubliceerd − model; ' +
          'verklaard = gepubliceerde posten die het model niet bevat; oordeel: het verschil tegenover aansluiting.csv.',
        '',
        textTable(
          [
            { titel: 'id' },
            { titel: 'gepubliceerd', rechts: true },
            { titel: 'model', rechts: true },
            { titel: 'verschil', rechts: true },
            { titel: 'verklaard', rechts: true },
            { titel: 'onverklaard', rechts: true },
            { titel: '%', rechts: true },
            { titel: 'verwacht', rechts: true },
            { titel: 'oordeel' },
          ],
          rijen.map((r) => [
            r.id,
            formatMillions(r.gepubliceerd.waarde),
            formatMillions(r.model.waarde),
            formatMillions(r.verschil),
            formatMillions(r.verklaard),
            formatMillions(r.onverklaard),
            pct(r.onverklaardAandeel),
            r.verwacht ? formatMillions(r.verwacht.verwacht) : '',
            r.oordeel,
          ]),
        ),
        '',
        `${rijen.length} totalen: ${count('binnen marge')} binnen de marge, ${count('afwijking')} met een afwijking, ${count('niet vastgelegd')} niet vastgelegd in aansluiting.csv.`,
      ];
      if (vervallen.length > 0) {
        out.push(`aansluiting.csv noemt totalen die niet (meer) bestaan: ${vervallen.map((v) => `${v.id} (${v.herkomst.file}:${v.herkomst.line})`).join(', ')}.`);
      }
      if (opts.uitleg) out.push('', ...rijen.map(details));
      io.out(out.join('\n') + '\n');
    });
}
