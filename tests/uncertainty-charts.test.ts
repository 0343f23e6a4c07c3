/**
 * Snapshots of the uncertainty charts (fan chart, tornado) from fixed data, as tests/charts.test.ts
 * does for the other charts: a missing snapshot is written locally and fails when CI=true.
 */
import { expect, test } from 'vitest';
import { snapshot } from './helpers/snapshot.js';
import { renderSvg } from '../src/report/charts.js';
import { fanChart, tornadoChart, type FanPoint } from '../src/report/uncertainty-charts.js';

test('fan chart: the look-back as a line, the projection with bands, Dutch numbers', async () => {
  const points: FanPoint[] = [
    { provincie: 'Nederland', jaar: 2022, centraal: 290, deel: 'terugblik' },
    { provincie: 'Nederland', jaar: 2023, centraal: 320, deel: 'terugblik' },
    { provincie: 'Nederland', jaar: 2023, centraal: 320, p5: 320, p25: 320, p50: 320, p75: 320, p95: 320, deel: 'projectie' },
    ...[2024, 2025, 2026].map((jaar, i): FanPoint => ({ provincie: 'Nederland', jaar, centraal: 400 + 10 * i, p5: 120 + i, p25: 280, p50: 440 + 10 * i, p75: 660, p95: 1130 + 20 * i, deel: 'projectie' })),
  ];
  const svg = await renderSvg(fanChart(points, 2023, 'tekort (mln euro)'), 'Waaier van het tekort');
  expect(svg).toContain('1.000'); // thousands dot on the axis
  expect(svg.match(/stroke-dasharray="4,3"/g)?.length).toBe(1); // one boundary rule
  expect(svg).toContain('tekort (mln euro)');
  await snapshot('waaier', svg);
});

test('tornado: the largest swing on top, P10 and P90 apart', async () => {
  const svg = await renderSvg(
    tornadoChart(
      [
        { provincie: 'Nederland', invoer: 'terugblik.landelijk', verschil: -211, kant: 'invoer op P10', volgorde: 0 },
        { provincie: 'Nederland', invoer: 'terugblik.landelijk', verschil: 398, kant: 'invoer op P90', volgorde: 0 },
        { provincie: 'Nederland', invoer: 'natuurdeel_au.startbedrag', verschil: 76, kant: 'invoer op P10', volgorde: 1 },
        { provincie: 'Nederland', invoer: 'natuurdeel_au.startbedrag', verschil: -76, kant: 'invoer op P90', volgorde: 1 },
      ],
      'verschil met het centrale tekort 2030 (mln euro)',
    ),
    'Tornado van het tekort in 2030',
  );
  expect(svg).toContain('terugblik.landelijk');
  expect(svg).toContain('invoer op P90');
  await snapshot('tornado', svg);
});
