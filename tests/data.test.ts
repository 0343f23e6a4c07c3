/**
 * The shipped dataset: it loads, every figure is traceable, and published tables add up as the
 * documents print them (each check names the document).
 */
import { describe, expect, test } from 'vitest';
import { dec, sum } from '../src/core/decimal.js';
import { PROVINCE_CODES } from '../src/core/provinces.js';
import { METHOD_STATUSES, PUBLISHED_STATUSES } from '../src/core/status.js';
import { completeHistory, COST_TASKS, HISTORY_YEARS, observations } from '../src/core/estimate.js';
import { TASK_GROUPS } from '../src/core/dataset.js';
import { loadDataset } from '../src/io/read-dir.js';

const data = loadDataset();
const { dataset } = completeHistory(data);
const M = (x: string | number) => dec(x).times(1_000_000);
const allFacts = () => [
  ...data.provincies,
  ...data.macro,
  ...data.provinciefonds,
  ...data.natuurpact,
  ...data.uitgaven,
  ...data.inkomsten,
  ...data.kostendrivers,
  ...data.sleutels,
  ...data.aannames,
  ...data.lastenBaten,
  ...data.indeling,
];

describe('shipped data', () => {
  test('every shipped source has a kind and a grade; copies and news are not graded primary', () => {
    const sources = [...data.bronnen.values()];
    for (const s of sources) {
      expect(s.soort, s.id).toBeDefined();
      expect(s.kwaliteit, s.id).toBeDefined();
      // A publisher that says it is a copy or a take-over is never the primary publication.
      if (/kopie|overname|\bvia\b/i.test(s.uitgever)) expect(s.kwaliteit, s.id).toBe('secundair');
      if (s.soort === 'nieuws') expect(s.kwaliteit, s.id).toBe('nieuws');
    }
    // The land areas per province come from a Wikipedia copy (README, "Wat is gepubliceerd"): secondary.
    expect(data.bronnen.get('dr-czechwiki-provincies')!.kwaliteit).toBe('secundair');
    expect(data.bronnen.get('pf-vjn2024-pf')!.kwaliteit).toBe('primair');
  });
  test('every row has a source that resolves, or is an assumption or estimate with a method', () => {
    for (const f of allFacts()) {
      const where = `${f.herkomst.file}:${f.herkomst.line}`;
      for (const id of f.bron) expect(data.bronnen.has(id), where).toBe(true);
      if (f.bron.length === 0) expect(['aanname', 'schatting'], where).toContain(f.status);
      if (METHOD_STATUSES.includes(f.status)) expect(f.methode.length, where).toBeGreaterThan(0);
      if (PUBLISHED_STATUSES.includes(f.status)) expect(f.vindplaats.length, where).toBeGreaterThan(0);
    }
  });

  test('every source has a web address and a check date', () => {
    for (const s of data.bronnen.values()) {
      expect(s.url, s.id).toMatch(/^https?:\/\//);
      expect(s.geraadpleegd, s.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // A source cannot have been consulted after the day the test runs (a 2026-12-03 slipped in once).
      expect(s.geraadpleegd <= new Date().toISOString().slice(0, 10), `${s.id}: geraadpleegd ${s.geraadpleegd} ligt in de toekomst`).toBe(true);
    }
  });

  test('Natuurpact table (Kamerstuk 33576 nr. 160): beheer 105+65+100+40+5 = 315; 315 + ontwikkeling 100 = 415', () => {
    const part = (o: string) => data.natuurpact.find((r) => r.onderdeel === o && r.provincie === 'NL')!.waarde;
    const beheerParts = ['rijk', 'provincies', 'intensivering', 'eu_pop3', 'hydrologie_ienw'].map((p) => part(`natuurpact.beheer.${p}`));
    expect(sum(beheerParts).equals(part('natuurpact.beheer'))).toBe(true);
    expect(part('natuurpact.beheer').equals(M(315))).toBe(true);
    expect(part('natuurpact.beheer').plus(part('natuurpact.ontwikkeling')).equals(part('natuurpact.totaal'))).toBe(true);
  });

  test('derived key shares equal the DU Natuur ratios they state, to their 10 decimals', () => {
    const du = (p: string, y: number) =>
      data.provinciefonds.filter((r) => r.post === 'du_natuur' && r.provincie === p && r.jaar === y);
    const fr = data.sleutels.find((k) => k.sleutel === 'natuurpact' && k.provincie === 'PV21')!;
    // 33.800 / 346.000 (x EUR 1.000), Fryslân and national DU Natuur 2018.
    const frRatio = du('PV21', 2018)[0]!.waarde.dividedBy(M(346));
    expect(fr.waarde.minus(frRatio).abs().lessThan(dec('0.5e-10'))).toBe(true);
    const ut = data.sleutels.find((k) => k.sleutel === 'natuurpact' && k.provincie === 'PV26')!;
    const utRatio = du('PV26', 2017)[0]!.waarde.dividedBy(M(446));
    expect(ut.waarde.minus(utRatio).abs().lessThan(dec('0.5e-10'))).toBe(true);
  });

  test('province populations (CBS, 1 January 2024) add up to the national figure', () => {
    const pop = data.provincies.filter((r) => r.kenmerk === 'inwoners' && r.jaar === 2024);
    const nl = pop.find((r) => r.provincie === 'NL')!;
    expect(sum(pop.filter((r) => r.provincie !== 'NL').map((r) => r.waarde)).equals(nl.waarde)).toBe(true);
  });
});

describe('estimation on the shipped data', () => {
  const completed = completeHistory(data);
  test('every province with a realised figure of its own has observed cells in those years', () => {
    const observed = observations(data).filter((o) => o.soort === 'realisatie');
    expect(observed.length).toBeGreaterThan(0);
    for (const o of observed) {
      const cells = completed.uitgaven.filter((u) => u.provincie === o.provincie && u.jaar === o.jaar);
      expect(cells.some((u) => u.grondslag === 'waargenomen' || u.grondslag === 'totaal_waargenomen'), `${o.provincie} ${o.jaar} ${o.taak}`).toBe(true);
    }
  });

  test('each estimated cell says what it rests on: the national figure, the key share and the level', () => {
    for (const u of completed.uitgaven.filter((x) => x.status === 'schatting' && x.grondslag !== 'waargenomen')) {
      expect(u.methode, `${u.provincie} ${u.jaar} ${u.taak}`).toMatch(/^landelijk: .*; × aandeel PV\d\d [\d,]+ \(/);
      expect(u.methode).toMatch(/niveau|geen eigen cijfers|gepubliceerde bedrag/);
      if (u.uitAfspraken) expect(u.methode).toMatch(/uit afspraken afgeleid/);
    }
  });

  test('no published line is mapped twice in one year (a programme and its own sub-lines)', () => {
    for (const o of observations(data)) {
      const same = observations(data).filter((x) => x.provincie === o.provincie && x.jaar === o.jaar && x.soort === o.soort);
      const tasks = same.flatMap((x) => (x.taak === 'totaal' ? [] : TASK_GROUPS[x.taak]!));
      expect(new Set(tasks).size, `${o.provincie} ${o.jaar}`).toBe(tasks.length);
    }
  });

  test('history is complete: one realisatie value per province × year × task', () => {
    for (const p of PROVINCE_CODES)
      for (const y of HISTORY_YEARS)
        for (const t of COST_TASKS)
          expect(
            dataset.uitgaven.filter((u) => u.provincie === p && u.jaar === y && u.taak === t && u.soort === 'realisatie').length,
            `${p} ${y} ${t}`,
          ).toBe(1);
  });

  test('published values stay as published', () => {
    for (const original of data.uitgaven) expect(dataset.uitgaven).toContain(original);
    for (const original of data.inkomsten) expect(dataset.inkomsten).toContain(original);
    const zh = dataset.uitgaven.filter((u) => u.provincie === 'PV28' && u.jaar === 2019 && u.taak === 'natuurbeheer' && u.soort === 'realisatie');
    expect(zh.map((u) => u.status)).toEqual(['realisatie']);
  });
});
