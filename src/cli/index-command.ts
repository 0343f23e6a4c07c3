/**
 * `natuurpact index`: the factors of an indexation rule per year with the cumulative index, or two
 * rules side by side (`--vergelijk`), as a Dutch table or as CSV.
 *
 * Single rule: factors for van..tot; the index has (van − 1) = 100 and includes the factor of van.
 * Comparison: both indices with van = 100 (factors from van + 1), and their ratio A / B.
 */
import { Command, Option } from 'commander';
import { Decimal } from '../core/decimal.js';
import { cumulativeIndex, indexFactors, isRuleName, RULES, type RuleName } from '../core/indexation/index.js';
import { FIXINGS, type Fixing, type IndexFactor, type IndexOptions } from '../core/indexation/types.js';
import { loadDataset } from '../io/read-dir.js';
import { csvStyle, toCsv } from '../report/csv.js';
import { formatNumberNl } from '../report/format.js';
import { textTable } from '../report/table.js';
import { NL_CSV_OPTION, yearOption } from './options.js';
import { UsageError, type Io } from './program.js';

/** Significant digits of fractions and indices in CSV output (the issue asks for at least 10). */
export const CSV_SIGNIFICANT_DIGITS = 15;

const CLI_RULES = RULES.filter((r) => r !== 'reeks');

interface IndexCliOptions {
  regel: string;
  van: string;
  tot: string;
  vintage?: string;
  gemiddelde: 'rekenkundig' | 'meetkundig';
  combinatie: 'vermenigvuldigen' | 'optellen';
  vaststelling: Fixing;
  data?: string;
  csv?: boolean;
  nlCsv?: boolean;
  uitleg?: boolean;
  vergelijk?: string;
}


function rule(name: string): RuleName {
  const trimmed = name.trim();
  if (!isRuleName(trimmed) || trimmed === 'reeks') {
    throw new UsageError(`onbekende regel '${trimmed}'; kies uit ${CLI_RULES.join(', ')}`);
  }
  return trimmed;
}

/** A fraction or index for CSV: plain digits, no exponent, 15 significant digits. */
export function csvNumber(d: Decimal): string {
  return d.toSignificantDigits(CSV_SIGNIFICANT_DIGITS, Decimal.ROUND_HALF_EVEN).toFixed();
}

const pct = (d: Decimal | undefined) => (d === undefined ? '' : `${formatNumberNl(d.times(100), 2)}%`);

function explanationLines(factors: readonly IndexFactor[]): string {
  return factors.map((f) => `${f.year}: ${f.explanation}`).join('\n');
}

export function registerIndexCommand(program: Command, io: Io): void {
  program
    .command('index')
    .description('indexeringsregels doorrekenen: factor per jaar en cumulatieve index')
    .addOption(new Option('--regel <regel>', `indexeringsregel (${CLI_RULES.join(', ')})`).default('bbp'))
    .option('--van <jaar>', 'eerste jaar', '2024')
    .option('--tot <jaar>', 'laatste jaar', '2030')
    .option('--vintage <publicatie>', 'gebruik de cijfers zoals bekend bij deze publicatie (bv. cpb-cep2025)')
    .addOption(new Option('--gemiddelde <soort>', 'bbp: gemiddelde van de volumegroei').choices(['rekenkundig', 'meetkundig']).default('rekenkundig'))
    .addOption(new Option('--combinatie <soort>', 'bbp: volume en prijs combineren').choices(['vermenigvuldigen', 'optellen']).default('vermenigvuldigen'))
    .addOption(
      new Option('--vaststelling <regel>', 'bbp: welke cijfers een jaar vastleggen: die van het CEP van dat jaar, of de laatste stand (--vintage gaat voor)')
        .choices([...FIXINGS])
        .default('cep-jaar-t'),
    )
    .option('--vergelijk <regels>', 'twee regels naast elkaar, bv. bbp,kostenindex (beginjaar = 100)')
    .option('--data <map>', 'eigen gegevensmap die over de meegeleverde gegevens wordt gelegd')
    .option('--csv', 'CSV op standaarduitvoer in plaats van een tabel')
    .option(...NL_CSV_OPTION)
    .option('--uitleg', 'toon per jaar welke cijfers de factor bepaalden')
    .action((opts: IndexCliOptions) => {
      const van = yearOption(opts.van, '--van');
      const tot = yearOption(opts.tot, '--tot');
      if (tot < van) throw new UsageError(`--tot (${tot}) ligt voor --van (${van})`);
      const options: IndexOptions = {
        gemiddelde: opts.gemiddelde,
        combinatie: opts.combinatie,
        vaststelling: opts.vaststelling,
        ...(opts.vintage !== undefined ? { vintage: opts.vintage } : {}),
      };
      const data = loadDataset(opts.data);
      const asCsv = opts.csv === true || opts.nlCsv === true;
      const style = csvStyle(opts.nlCsv);

      if (opts.vergelijk !== undefined) {
        const names = opts.vergelijk.split(',');
        if (names.length !== 2) throw new UsageError(`--vergelijk verwacht twee regels gescheiden door een komma, gevonden '${opts.vergelijk}'`);
        const [a, b] = names.map(rule) as [RuleName, RuleName];
        if (tot === van) throw new UsageError('--vergelijk vraagt een periode van ten minste twee jaar');
        const fa = indexFactors(a, { ...options, van: van + 1, tot }, data);
        const fb = indexFactors(b, { ...options, van: van + 1, tot }, data);
        const ia = cumulativeIndex(fa, van);
        const ib = cumulativeIndex(fb, van);
        const rows = ia.map((p, i) => ({ year: p.year, a: p.index, b: ib[i]!.index, ratio: p.index.dividedBy(ib[i]!.index) }));
        if (asCsv) {
          io.out(toCsv(['jaar', a, b, 'verhouding'], rows.map((r) => [{ number: String(r.year) }, { number: csvNumber(r.a) }, { number: csvNumber(r.b) }, { number: csvNumber(r.ratio) }]), style));
          return;
        }
        io.out(
          `Indices naast elkaar, ${van} = 100; verhouding = ${a} / ${b} × 100 (onder 100: ${a} blijft achter bij ${b}).\n\n` +
            textTable(
              [{ titel: 'jaar' }, { titel: a, rechts: true }, { titel: b, rechts: true }, { titel: 'verhouding', rechts: true }],
              rows.map((r) => [String(r.year), formatNumberNl(r.a, 2), formatNumberNl(r.b, 2), formatNumberNl(r.ratio.times(100), 2)]),
            ) +
            '\n' +
            (opts.uitleg ? `\nUitleg ${a}:\n${explanationLines(fa)}\n\nUitleg ${b}:\n${explanationLines(fb)}\n` : '') +
            assumptionNote([...fa, ...fb]),
        );
        return;
      }

      const r = rule(opts.regel);
      const factors = indexFactors(r, { ...options, van, tot }, data);
      const index = cumulativeIndex(factors, van - 1).slice(1);
      if (asCsv) {
        io.out(
          toCsv(
            ['jaar', 'volume', 'prijs', 'factor', 'index'],
            factors.map((f, i) => [
              { number: String(f.year) },
              { number: f.parts.volume ? csvNumber(f.parts.volume) : '' },
              { number: f.parts.prijs ? csvNumber(f.parts.prijs) : '' },
              { number: csvNumber(f.factor) },
              { number: csvNumber(index[i]!.index) },
            ]),
            style,
          ),
        );
        return;
      }
      const partNames = [...new Set(factors.flatMap((f) => Object.keys(f.parts)))];
      io.out(
        `Indexeringsregel ${r}, ${van}-${tot}; index ${van - 1} = 100.\n\n` +
          textTable(
            [{ titel: 'jaar' }, ...partNames.map((p) => ({ titel: p, rechts: true })), { titel: 'factor', rechts: true }, { titel: 'index', rechts: true }],
            factors.map((f, i) => [
              String(f.year),
              ...partNames.map((p) => pct(f.parts[p])),
              formatNumberNl(f.factor, 6),
              formatNumberNl(index[i]!.index, 2),
            ]),
          ) +
          '\n' +
          (opts.uitleg ? `\nUitleg:\n${explanationLines(factors)}\n` : '') +
          assumptionNote(factors),
      );
    });
}

/** A closing line naming the assumptions used, so that no table hides them. */
function assumptionNote(factors: readonly IndexFactor[]): string {
  const used = new Map<string, number[]>();
  for (const f of factors) {
    for (const i of f.inputs) {
      if (i.status !== 'aanname') continue;
      const key = i.jaar === 0 ? i.reeks : `${i.reeks} (${i.publicatie})`;
      used.set(key, [...(used.get(key) ?? []), ...(i.jaar === 0 ? [] : [i.jaar])]);
    }
  }
  if (used.size === 0) return '';
  const items = [...used.entries()].map(([k, years]) => {
    const ys = [...new Set(years)].sort((a, b) => a - b);
    return ys.length > 0 ? `${k}: ${ys.join(', ')}` : k;
  });
  return `\nAannames gebruikt (zie aannames.csv en macro.csv, of --uitleg): ${items.join('; ')}.\n`;
}
