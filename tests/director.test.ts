/**
 * The director's page (issue 16, item 1): at most five sentences, the figures they quote are the
 * model's own cells (computed here from the result, not written down), every figure links to an
 * explanation the report has, and the causes it names add up exactly to the change of the gap.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { sum } from '../src/core/decimal.js';
import { PROVINCE_CODES } from '../src/core/provinces.js';
import { formatMillions } from '../src/core/format.js';
import { loadDataset } from '../src/io/read-dir.js';
import { runLoadedScenario, runScenarioFile } from '../src/io/run-scenario.js';
import { causes, sentenceText, slug } from '../src/report/director.js';
import { reportModel } from '../src/report/report-model.js';

const data = loadDataset();
const file = (n: string) => join(import.meta.dirname, '..', 'scenarios', `${n}.yaml`);
const basis = runScenarioFile(file('basis'), data);
const model = reportModel(basis);
const text = model.samenvatting.map(sentenceText);

describe('the summary of basis', () => {
  test('at most five sentences; the headline and the base year are the cells NL 2030 and 2023 tekort', () => {
    expect(model.samenvatting.length).toBeLessThanOrEqual(5);
    const gap = (y: number) => `${formatMillions(basis.result.cell('NL', y, 'tekort').bedrag_eur)} mln euro`;
    expect(text[0]).toContain(`In 2030 komen de provincies volgens deze berekening samen ${gap(2030)} tekort`);
    expect(text[1]).toContain(`Het tekort groeit: in 2023, het laatste jaar met gegevens, was het ${gap(2023)}`);
    // The biggest step from one year to the next, found here from the cells.
    const years = basis.result.jaren.filter((y) => y > 2023 && y <= 2030);
    const step = (y: number) => basis.result.cell('NL', y, 'tekort').bedrag_eur.minus(basis.result.cell('NL', y - 1, 'tekort').bedrag_eur);
    const biggest = years.reduce((a, b) => (step(b).abs().greaterThan(step(a).abs()) ? b : a));
    expect(text[1]).toContain(`De grootste stap is in ${biggest} (+${formatMillions(step(biggest))} mln)`);
    // The look-back's observed share as the report's per-province table weighs it.
    expect(text[3]).toMatch(/komt \d+,\d% uit cijfers die de provincies zelf publiceerden/);
  });

  test('every linked figure has its explanation, under a heading whose anchor is the link', () => {
    const ids = new Set(model.uitleg.map((e) => e.id));
    for (const e of model.uitleg) expect(slug(e.titel)).toBe(e.id);
    const links = model.samenvatting.flatMap((s) => s.filter((x) => typeof x !== 'string'));
    expect(links.length).toBeGreaterThanOrEqual(5);
    for (const l of links) expect(ids.has((l as { uitleg: string }).uitleg)).toBe(true);
  });

  test('the ANLb expansion the Rijk pays is not a cause: it is called gap-neutral', () => {
    const anlb = causes(basis, 'NL', 2030).find((c) => c.naam === 'anlb_500')!;
    // 500 mln a year from 2026 (natuurpact.csv anlb.uitbreiding), paid fully (aandeel_rijk 1): cost and income equal up to
    // the cents of sharing it over twelve provinces on both sides.
    expect(anlb.kosten!.minus(500_000_000).abs().lessThanOrEqualTo('0.12')).toBe(true);
    expect(anlb.bedrag.abs().lessThanOrEqualTo('0.12')).toBe(true);
    expect(text[2]).not.toContain('agrarisch');
    expect(text[4]).toContain('uitbreiding van het agrarisch natuurbeheer');
    expect(text[4]).toContain('veranderen het tekort niet');
    expect(model.neutraal.map((n) => n.naam)).toEqual(['anlb_500']);
  });

  test('the causes add up exactly to the change of the gap, for every region and year', () => {
    for (const p of [...PROVINCE_CODES, 'NL'] as const) {
      for (const y of basis.result.jaren.filter((x) => x > 2023)) {
        const change = basis.result.cell(p, y, 'tekort').bedrag_eur.minus(basis.result.cell(p, 2023, 'tekort').bedrag_eur);
        expect(sum(causes(basis, p, y).map((c) => c.bedrag)).equals(change), `${p} ${y}`).toBe(true);
      }
    }
  });
});

describe('variants', () => {
  test('a variant without constructions says how much its gap differs from its base', () => {
    const v = runScenarioFile(file('hoge-lonen-en-grondprijzen'), data);
    const base = runLoadedScenario(v.loaded.basisScenario!, data);
    const m = reportModel(v, base);
    const diff = v.result.cell('NL', 2030, 'tekort').bedrag_eur.minus(base.result.cell('NL', 2030, 'tekort').bedrag_eur);
    expect(diff.greaterThan(0)).toBe(true);
    expect(sentenceText(m.samenvatting.at(-1)!)).toContain(`Ten opzichte van basis is het tekort in 2030 ${formatMillions(diff)} mln euro hoger`);
    expect(m.variant!.perJaar.at(-1)!.verschil.equals(diff)).toBe(true);
    expect(m.variant!.statusQuoGelijk).toBe(false);
    expect(m.variant!.wijzigingen.map((w) => w.pad)).toContain('ontwikkelingen.loon_schok.startjaar');
  });

  test('natuurpact-2-0 changes only the constructions: its status quo equals basis, the difference is per construction', () => {
    const v = runScenarioFile(file('natuurpact-2-0'), data);
    const m = reportModel(v, basis);
    expect(m.variant!.statusQuoGelijk).toBe(true);
    const c5 = m.variant!.perConstructie.find((c) => c.constructie === 'C5')!;
    const c0 = v.comparison!.samenvatting.find((s) => s.constructie === 'C0' && s.provincie === 'NL')!;
    expect(c5.basis.equals(c0.cumulatiefTekortNetto)).toBe(true);
    expect(c5.tegenover).toBe('status quo van basis');
    expect(sentenceText(m.samenvatting.at(-1)!)).toMatch(/^Van de 8 financieringsconstructies geeft C\d/);
  });
});

describe('the sources appendix', () => {
  test('every source once, grouped by kind, each with its grade; the body has none of them', async () => {
    const { markdownReport } = await import('../src/report/markdown.js');
    expect(model.bronGroepen.reduce((n, g) => n + g.bronnen.length, 0)).toBe(data.bronnen.size);
    const md = markdownReport(model, basis, '');
    const appendix = md.slice(md.indexOf('## Bijlage D. Bronnen'));
    const body = md.slice(0, md.indexOf('## Bijlage A.'));
    expect(appendix).toContain('### Nieuws en vakpers (');
    expect(appendix).toMatch(/\| dr-czechwiki-provincies \| [^\n]* \| secundaire kopie \| https:\/\/www\.czech\.wiki/);
    expect(appendix).toMatch(/\| pf-vjn2024-pf \| [^\n]* \| primaire publicatie \|/);
    expect(body).not.toContain('dr-czechwiki-provincies');
  });
});
