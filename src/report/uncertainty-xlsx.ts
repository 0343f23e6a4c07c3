/**
 * `onzekerheid.xlsx`: the bands per province and year (Kwantielen, and Kwantielen dekkingsgraad for the ratio), the tornado and variance
 * shares (Gevoeligheid), the register (Aannames, with its rating), the inputs and their
 * distributions (Invoer) and a sheet that explains the columns (Uitleg). Same fixed dates as
 * `resultaten.xlsx`, so the same run gives the same bytes.
 */
import type { SheetSpec } from './spreadsheet-xml.js';
import { provinceName } from '../core/provinces.js';
import { MC_LINES, REGIONS } from '../core/uncertainty/montecarlo.js';
import { OUTPUTS, outcomeIndex } from '../core/uncertainty/sensitivity.js';
import { EUR, RATIO, sheet, writeSheets, type Cell } from './xlsx.js';
import { inputRows, methodLines, ratingText, registerHeader, registerRows, type UncertaintyRun } from './uncertainty-report.js';

export async function uncertaintyWorkbook(run: UncertaintyRun): Promise<Uint8Array> {
  const wb: SheetSpec[] = [];
  const region = (p: (typeof REGIONS)[number]) => (p === 'NL' ? 'NL Nederland' : `${p} ${provinceName(p)}`);
  const row = (s: (typeof run.summary)[number]): Cell[] => [
    region(s.provincie),
    s.jaar,
    s.post,
    run.centraal(s.provincie, s.jaar, s.post),
    s.gemiddelde,
    s.sd,
    ...s.kwantielen,
    s.foutP50,
    s.kansBovenDrempel ?? '',
  ];
  // Euros and ratios in separate sheets, each column with one format.
  const header = ['provincie', 'jaar', 'post', 'centraal', 'gemiddelde', 'sd', 'P5', 'P25', 'P50', 'P75', 'P95', 'MC-fout P50', 'kans tekort > drempel'];
  const formats = (f: string) => ({ ...Object.fromEntries([3, 4, 5, 6, 7, 8, 9, 10, 11].map((i) => [i, f])), 12: RATIO });
  sheet(wb, 'Kwantielen', header, run.summary.filter((s) => s.post !== 'dekkingsgraad').map(row), formats(EUR));
  sheet(wb, 'Kwantielen dekkingsgraad', header, run.summary.filter((s) => s.post === 'dekkingsgraad').map(row), formats(RATIO));

  const d = run.catalogue.gevarieerd.length;
  const sens: Cell[][] = [];
  REGIONS.forEach((p, r) => {
    for (const outcome of ['eindjaar', 'cumulatief'] as const) {
      const k = outcomeIndex(r, outcome);
      run.catalogue.gevarieerd.forEach((input, j) => {
        const low = run.tornado.laag[j * OUTPUTS + k]!;
        const high = run.tornado.hoog[j * OUTPUTS + k]!;
        sens.push([region(p), outcome === 'eindjaar' ? `tekort ${run.venster.tot}` : `tekort ${run.venster.van}-${run.venster.tot}`, input.naam, low, high, Math.abs(high - low), run.sobol.first[k * d + j]!, run.sobol.firstSe[k * d + j]!, run.sobol.total[k * d + j]!]);
      });
    }
  });
  sheet(wb, 'Gevoeligheid', ['provincie', 'uitkomst', 'invoer', 'tekort bij P10', 'tekort bij P90', 'zwaai', 'S1 (aandeel variantie)', 'S1 fout', 'ST (totaal)'], sens, { 3: EUR, 4: EUR, 5: EUR, 6: '0.0%', 7: '0.0%', 8: '0.0%' });
  sheet(wb, 'Aannames', registerHeader(run.venster), registerRows(run).map((r) => r.cells));
  sheet(wb, 'Invoer', ['invoer', 'verdeling', 'redenering', 'waar'], inputRows(run.catalogue));
  sheet(wb, 'Uitleg', ['onderwerp', 'uitleg'], [
    ['bedragen', 'Euro, nominaal. Kwantielen, gemiddelde en sd komen uit de trekkingen (snel pad, floats); centraal is de exacte doorrekening.'],
    ['posten', `${MC_LINES.join(', ')}; tekort.cumulatief_venster telt het tekort op vanaf ${run.venster.van}.`],
    ['trekkingen', `${run.trekkingen} trekkingen, zaad ${run.zaad}; dezelfde invoer en hetzelfde zaad geven dezelfde getallen.`],
    ...ratingText().map((t, i) => [i === 0 ? 'aandeel variantie' : i === 1 ? 'impact' : i === 2 ? 'kwaliteit' : 'oordeel', t]),
    ...methodLines(run).map((t) => ['methode', t]),
  ]);
  return writeSheets(wb);
}
