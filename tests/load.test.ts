import { describe, expect, test } from 'vitest';
import { dec } from '../src/core/decimal.js';
import { UserError } from '../src/core/errors.js';
import { buildDataset } from '../src/io/load.js';
import { file, miniFiles } from './helpers/mini.js';

function loadError(inputs: Parameters<typeof buildDataset>[0]): UserError {
  try {
    buildDataset(inputs);
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a UserError');
}

describe('buildDataset', () => {
  test('converts units once, at load: EUR mln to euros, % to fractions', () => {
    const data = buildDataset(miniFiles());
    const du = data.provinciefonds.find((r) => r.jaar === 2016)!;
    expect(du.waarde.equals(dec('446000000'))).toBe(true);
    expect(du.eenheid).toBe('EUR mln');
    expect(du.basiseenheid).toBe('EUR');
    const share = data.aannames.find((a) => a.naam === 'aandeel_uitvoering')!;
    expect(share.waarde.equals(dec('0.1'))).toBe(true);
  });

  test('records where every value came from', () => {
    const data = buildDataset(miniFiles());
    const row = data.uitgaven.find((u) => u.provincie === 'PV28')!;
    expect(row.herkomst).toEqual({ file: 'data/uitgaven.csv', line: 4, laag: 'meegeleverd' });
  });

  test("a user's row with the same key replaces the shipped one; new rows and sources are added", () => {
    const own = [
      file(
        'uitgaven.csv',
        'provincie;jaar;taak;soort;waarde;eenheid;status;bron;vindplaats;methode\n' +
          'PV28;2019;natuurbeheer;realisatie;12,25;EUR mln;realisatie;eigen-jr;Jaarrekening p. 4;\n' +
          'PV20;2019;natuurbeheer;realisatie;7,5;EUR mln;realisatie;eigen-jr;Jaarrekening p. 9;\n',
        'eigen',
      ),
      file(
        'bronnen.csv',
        'id,titel,uitgever,datum,url,vindplaats,geraadpleegd\neigen-jr,Jaarrekening,Provincie,2020,https://example.org/jr,,2026-11-28\n',
        'eigen',
      ),
    ];
    const data = buildDataset([...miniFiles(), ...own]);
    const zh = data.uitgaven.filter((u) => u.provincie === 'PV28' && u.jaar === 2019);
    expect(zh).toHaveLength(1);
    expect(zh[0]!.waarde.equals(dec('12250000'))).toBe(true);
    expect(zh[0]!.herkomst.laag).toBe('eigen');
    expect(data.uitgaven.some((u) => u.provincie === 'PV20' && u.herkomst.laag === 'eigen')).toBe(true);
    expect(data.bronnen.get('eigen-jr')?.herkomst.laag).toBe('eigen');
    expect(data.bronnen.has('t-np')).toBe(true);
  });

  test('collects every problem of a load, and changes nothing', () => {
    const broken = miniFiles({
      'uitgaven.csv':
        'provincie,jaar,taak,soort,waarde,eenheid,status,bron,vindplaats,methode\n' +
        'PV99,2015,totaal,begroting,500,EUR mln,begroting,t-cbs,Tabel 2,\n' +
        'PV20,2015,totaal,begroting,abc,EUR mln,begroting,t-cbs,Tabel 2,\n',
      'kostendrivers.csv': 'driver,provincie,jaar,waarde,eenheid,status,bron,vindplaats,methode\nx,NL,2016,1,EUR mln,realisatie,nope,Tabel,\n',
    });
    const err = loadError(broken);
    expect(err.issues.map((i) => `${i.file}:${i.line}`)).toEqual([
      'data/uitgaven.csv:2',
      'data/uitgaven.csv:3',
      'data/kostendrivers.csv:2',
    ]);
  });

  test('a missing shipped file is an error naming it', () => {
    const err = loadError(miniFiles().filter((f) => f.name !== 'macro.csv'));
    expect(err.message).toContain('gegevensbestand ontbreekt: verwacht macro.csv');
  });

  test('an unknown file in a data folder is an error', () => {
    const err = loadError([...miniFiles(), file('uitgave.csv', 'a\n1\n', 'eigen')]);
    expect(err.message).toContain('eigen/uitgave.csv: onbekend gegevensbestand');
  });

  test('a complete key must sum to 1; a partial key may not exceed 1', () => {
    const rows = (v: string[]) =>
      'sleutel,provincie,waarde,eenheid,status,bron,vindplaats,methode\n' +
      v.map((x, i) => `k,PV${20 + i},${x},fractie,aanname,,,test`).join('\n') +
      '\n';
    const twelfths = Array.from({ length: 12 }, () => '0.0833333333333');
    // 12 × 0.0833333333333 = 0.9999999999996: within 1e-9 of 1.
    expect(() => buildDataset(miniFiles({ 'sleutels.csv': rows(twelfths) }))).not.toThrow();
    const tooMuch = loadError(miniFiles({ 'sleutels.csv': rows(['0.6', '0.5']) }));
    expect(tooMuch.message).toContain("aandelen van sleutel 'k' (2 van 12 provincies) tellen op tot 1.1, meer dan 1");
  });

  test('one date per macro publication', () => {
    const err = loadError(
      miniFiles({
        'macro.csv':
          'reeks,publicatie,publicatiedatum,jaar,waarde,eenheid,status,bron,vindplaats,methode\n' +
          'bbp_volume,p,2020-03,2019,1.7,%,realisatie,t-cbs,T,\n' +
          'bbp_volume,p,2020-04,2020,1.1,%,raming,t-cbs,T,\n',
      }),
    );
    expect(err.message).toContain("data/macro.csv:3:3: kolom 'publicatiedatum': publicatie 'p' heeft hier datum 2020-04");
  });
});
