/**
 * The Nature Restoration Regulation (development `nhv`): the phasing by the regulation's milestones
 * (restoration measures on 30% of the area not in good condition by 2030, 60% by 2040, 90% by 2050:
 * natuurpact.csv `nhv.hersteldoel`, Pont/Van Doorne and Groen Pact) and the public cost with its
 * provincial share, as the model books them and the report states them.
 */
import { describe, expect, test } from 'vitest';
import { dec, sum, type Decimal } from '../src/core/decimal.js';
import { restorationWeights } from '../src/core/model/nhv-phasing.js';
import { DEVELOPMENTS } from '../src/core/model/developments.js';
import { explain, runScenario } from '../src/core/model/run.js';
import { PROVINCE_CODES } from '../src/core/provinces.js';
import { loadDataset } from '../src/io/read-dir.js';

/** Equal to 40 significant digits, up to the last digit (0,3 / 0,9 is not exactly 1/3 in decimals). */
const close = (a: Decimal, b: Decimal) => a.minus(b).abs().lessThan(dec('1e-35'));

const goals = [
  { jaar: 2030, aandeel: dec('0.3') },
  { jaar: 2040, aandeel: dec('0.6') },
  { jaar: 2050, aandeel: dec('0.9') },
];

describe('restoration phasing', () => {
  test('from 2026: a third of the cost in 2026-2030 (1/15 a year), a third in each later decade (1/30 a year)', () => {
    const w = restorationWeights(2026, goals);
    expect([...w.keys()]).toEqual(Array.from({ length: 25 }, (_, i) => 2026 + i));
    expect(close(w.get(2026)!, dec(1).dividedBy(15))).toBe(true);
    expect(close(w.get(2030)!, dec(1).dividedBy(15))).toBe(true);
    expect(close(w.get(2031)!, dec(1).dividedBy(30))).toBe(true);
    expect(close(w.get(2050)!, dec(1).dividedBy(30))).toBe(true);
    expect(sum([...w.values()]).minus(1).abs().lessThan(dec('1e-30'))).toBe(true);
  });
  test('a start after 2030 carries the first third into 2032-2040: 2/3 over 9 years', () => {
    const w = restorationWeights(2032, goals);
    expect(w.has(2031)).toBe(false);
    expect(close(w.get(2032)!, dec(2).dividedBy(3).dividedBy(9))).toBe(true);
    expect(close(w.get(2041)!, dec(1).dividedBy(30))).toBe(true);
    expect(sum([...w.values()]).minus(1).abs().lessThan(dec('1e-30'))).toBe(true);
  });
  test('a start after the last milestone is refused', () => {
    expect(() => restorationWeights(2051, goals)).toThrow(/after the last milestone/);
    expect(() => runScenario({ naam: 'x', tot: 2050, ontwikkelingen: { nhv: { startjaar: 2051 } } }, loadDataset())).toThrow();
  });
});

describe('nhv on the shipped data', () => {
  const data = loadDataset();
  const defaults = DEVELOPMENTS.find((d) => d.naam === 'nhv')!.parameters(data);
  const off = runScenario({ naam: 'uit', tot: 2035 }, data);
  const on = runScenario({ naam: 'aan', tot: 2035, ontwikkelingen: { nhv: {} } }, data);
  const extra = (y: number) => on.cell('NL', y, 'kosten.herstel').bedrag_eur.minus(off.cell('NL', y, 'kosten.herstel').bedrag_eur);

  test('the public cost is an assumption derived from the societal 76 mld, not the 76 mld itself', () => {
    // 76 mld (ANP on the impact assessment, natuurpact.csv nhv.kosten) × the assumed public share 50% = 38 mld.
    expect(defaults.publieke_kosten!.waarde.equals(dec(76e9).times('0.5'))).toBe(true);
    expect(defaults.publieke_kosten!.status).toBe('aanname');
    expect(defaults.publieke_kosten!.bron).toContain('ng-nrg-nhv-2024');
    expect(defaults.aandeel_provincies!.waarde.equals(dec('0.5'))).toBe(true);
  });
  test('provinces book their share of the public cost by the milestones: 38 mld × 50% / 15 a year to 2030, / 30 after', () => {
    const cents12 = dec('0.06'); // 12 provinces, each rounded to cents
    expect(extra(2026).minus(dec(38e9).times('0.5').dividedBy(15)).abs().lessThanOrEqualTo(cents12)).toBe(true);
    expect(extra(2030).minus(dec(38e9).times('0.5').dividedBy(15)).abs().lessThanOrEqualTo(cents12)).toBe(true);
    expect(extra(2031).minus(dec(38e9).times('0.5').dividedBy(30)).abs().lessThanOrEqualTo(cents12)).toBe(true);
    expect(extra(2025).isZero()).toBe(true);
    // Only herstel moves, and no income pays for it.
    for (const p of PROVINCE_CODES) expect(on.cell(p, 2030, 'inkomsten.totaal').bedrag_eur.equals(off.cell(p, 2030, 'inkomsten.totaal').bedrag_eur)).toBe(true);
  });
  test('the summary states the societal cost as context, the public total, the provincial share and the phasing', () => {
    const text = on.plan.developments.find((d) => d.definitie.naam === 'nhv')!.samenvatting!;
    expect(text).toContain('maatschappelijke kosten tot 2050 76,0 mld');
    expect(text).toContain('alleen als context');
    expect(text).toContain('Publieke kosten (Rijk en provincies) 38,0 mld; provinciaal deel 19,0 mld (50%)');
    expect(text).toContain('2026-2030: 1.266,7 mln per jaar; 2031-2050: 633,3 mln per jaar');
  });
  test('uitleg names the defaults with their status and the sources of the phasing', () => {
    const note = explain(on, { provincie: 'PV22', jaar: 2028, post: 'kosten.herstel' }).invoer.find((i) => i.omschrijving.startsWith('ontwikkeling nhv'))!;
    expect(note.omschrijving).toContain('publieke_kosten 38.000,000 mln (standaard, aanname)');
    expect(note.omschrijving).toContain('aandeel_provincies 0,5 (standaard, aanname)');
    expect(note.bron).toEqual(expect.arrayContaining(['ng-nrg-nhv-2024', 'ng-pont-nhv', 'ng-groenpact-nhv']));
  });
  test('a scenario sets the public cost and the provincial share; the summary follows', () => {
    const r = runScenario({ naam: 'eigen', ontwikkelingen: { nhv: { parameters: { publieke_kosten: dec(20e9), aandeel_provincies: dec('0.4') } } } }, data);
    expect(r.plan.developments.find((d) => d.definitie.naam === 'nhv')!.samenvatting).toContain('Publieke kosten (Rijk en provincies) 20,0 mld; provinciaal deel 8,0 mld (40%)');
  });
});
