/**
 * Chart snapshots: charts rendered without a browser from fixed data, compared with the committed
 * SVG files in tests/output. A missing snapshot is written locally and fails when CI=true.
 */
import { expect, test } from 'vitest';
import { snapshot } from './helpers/snapshot.js';
import { constructionChart, lineChart, renderSvg, smallMultiples, waterfallChart } from '../src/report/charts.js';

const years = [2021, 2022, 2023, 2024, 2025];

test('line chart with the history/projection boundary and Dutch numbers', async () => {
  const svg = await renderSvg(lineChart(years.flatMap((y, i) => [{ jaar: y, reeks: 'kosten', waarde: 1000 + 250 * i }, { jaar: y, reeks: 'inkomsten', waarde: 900 + 200 * i }]), 2023, 'mln euro'), 'Kosten en inkomsten per jaar');
  expect(svg).toContain('>1.000<'); // thousands dot in a tick label
  expect(svg).toContain('terugblik | projectie');
  expect(svg).toContain('mln euro');
  await snapshot('lijn', svg);
});

test('waterfall', async () => {
  await snapshot('waterval', await renderSvg(waterfallChart({ label: 'tekort 2023', value: 150 }, [{ label: 'prijs', value: 120 }, { label: 'volume', value: -140 }, { label: 'nieuwe taken', value: 0 }, { label: 'financiering', value: -70 }], { label: 'tekort 2030', value: 60 }), 'Waterval'));
});

test('constructions and small multiples', async () => {
  await snapshot('constructies', await renderSvg(constructionChart([{ provincie: 'Groningen', constructie: 'C1', waarde: 16.7 }, { provincie: 'Drenthe', constructie: 'C1', waarde: -19 }, { provincie: 'Groningen', constructie: 'C2', waarde: 12.8 }, { provincie: 'Drenthe', constructie: 'C2', waarde: 20.1 }]), 'Constructies'));
  await snapshot('kleine-veelvouden', await renderSvg(smallMultiples(years.flatMap((y, i) => [{ provincie: 'Groningen', jaar: y, waarde: 10 + i }, { provincie: 'Drenthe', jaar: y, waarde: 20 - i }]), 2023), 'Kleine veelvouden'));
});
