/**
 * `natuurpact vergelijk` with N scenarios (issue 16, item 2): every post in its own unit (the
 * coverage ratio as a percentage with differences in procentpunten, never "mln euro"), as a table,
 * as CSV and as an HTML page, and the figures equal to `natuurpact run` of each scenario.
 */
import { JSDOM } from 'jsdom';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadDataset } from '../src/io/read-dir.js';
import { runScenarioFile } from '../src/io/run-scenario.js';
import { run } from './helpers/cli.js';

const s = (name: string) => join('scenarios', `${name}.yaml`);
const three = [s('basis'), s('hoge-lonen-en-grondprijzen'), s('bouwsteen-natuur')];

describe('vergelijk with three scenarios', () => {
  const data = loadDataset();
  const runs = three.map((f) => runScenarioFile(f, data));
  const cov = (i: number, p: 'NL' | 'PV22', y: number) => runs[i]!.result.cell(p, y, 'dekkingsgraad').bedrag_eur;

  test('--post dekkingsgraad: percentages and procentpunten in the table, no mln euro', async () => {
    const r = await run('vergelijk', ...three, '--post', 'dekkingsgraad');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('mln');
    expect(r.out).toMatch(/^dekkingsgraad in de status quo \(C0; kies een constructie met --constructie\), in procenten; verschillen in procentpunten\. Referentie: basis\./);
    // NL 2030 in basis, as a percentage with one decimal (the model's own figure).
    const basis2030 = `${cov(0, 'NL', 2030).times(100).toDecimalPlaces(1).toFixed(1).replace('.', ',')}%`;
    const nlLine = r.out.split('\n').find((l) => l.startsWith('basis '))!;
    expect(nlLine.trim().endsWith(basis2030)).toBe(true);
    // The bouwsteen (200 mln more income a year from 2026) raises coverage: a positive number of procentpunten, not 0,0.
    const diff = cov(2, 'NL', 2030).minus(cov(0, 'NL', 2030)).times(100);
    expect(diff.greaterThan(5)).toBe(true);
    const block = r.out.slice(r.out.indexOf('bouwsteen-natuur min basis'));
    expect(block.split('\n').find((l) => l.startsWith('NL Nederland'))!.trim().endsWith(diff.toDecimalPlaces(1).toFixed(1).replace('.', ','))).toBe(true);
    expect(r.out).toContain('hoge-lonen-en-grondprijzen min basis');
  });

  test('CSV: one value column per scenario, a difference column per other scenario, the unit in its own column', async () => {
    const r = await run('vergelijk', ...three, '--post', 'dekkingsgraad', '--csv');
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe('provincie,jaar,constructie,post,eenheid,waarde_basis,waarde_hoge-lonen-en-grondprijzen,waarde_bouwsteen-natuur,verschil_hoge-lonen-en-grondprijzen,verschil_bouwsteen-natuur');
    const row = lines.find((l) => l.startsWith('PV22,2028,'))!.split(',');
    expect(row.slice(2, 5)).toEqual(['C0', 'dekkingsgraad', 'fractie']);
    expect(row[5]).toBe(cov(0, 'PV22', 2028).toSignificantDigits(15).toFixed());
    expect(Number(row[9])).toBeCloseTo(cov(2, 'PV22', 2028).minus(cov(0, 'PV22', 2028)).toNumber(), 12);
    // 12 provinces and NL × 2024-2030.
    expect(lines.length - 1).toBe(13 * 7);
  });

  test('any post of the tidy table, in euros: a decomposition line and a fund line', async () => {
    const d = await run('vergelijk', ...three, '--post', 'ontleding.prijs', '--csv');
    expect(d.code, d.err).toBe(0);
    const nl = d.out.split('\n').find((l) => l.startsWith('NL,2030,'))!.split(',');
    expect(nl[4]).toBe('euro');
    const price = (i: number) => runs[i]!.rows.find((x) => x.provincie === 'NL' && x.jaar === 2030 && x.post === 'ontleding.prijs')!.bedrag_eur.toFixed(2);
    expect(nl.slice(5, 8)).toEqual([price(0), price(1), price(2)]);
    const f = await run('vergelijk', ...three, '--post', 'fonds.natuurdeel');
    expect(f.code, f.err).toBe(0);
    expect(f.out).toContain('in mln euro');
    const bad = await run('vergelijk', ...three, '--post', 'ontleding.nieuwe_taken.nhv');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("post 'ontleding.nieuwe_taken.nhv' staat niet in de ontleding van scenario basis");
    const one = await run('vergelijk', s('basis'));
    expect(one.code).toBe(2);
    expect(one.err).toBe('fout: vergelijk vraagt ten minste twee scenariobestanden\n');
  });

  test('--html: a self-contained page with the chart and a table per scenario', async () => {
    const r = await run('vergelijk', ...three, '--post', 'dekkingsgraad', '--html');
    expect(r.code, r.err).toBe(0);
    expect(r.out).not.toMatch(/(?:src|href)\s*=\s*["']?https?:|<script/i);
    const doc = new JSDOM(r.out).window.document;
    expect(doc.documentElement.lang).toBe('nl');
    expect(doc.querySelector('meta[name="viewport"]')).not.toBeNull();
    expect(doc.querySelectorAll('svg').length).toBe(1);
    expect([...doc.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['Landelijk', 'hoge-lonen-en-grondprijzen min basis', 'bouwsteen-natuur min basis']);
    expect(doc.querySelector('table')!.textContent).toContain('%');
    expect(r.out).not.toContain('mln euro');
  });
});
