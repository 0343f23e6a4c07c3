import { describe, expect, test } from 'vitest';
import { decodeText, parseCsv } from '../src/io/csv.js';
import { DUTCH_CSV, neutraliseText, toCsv } from '../src/report/csv.js';

describe('parseCsv', () => {
  test('comma file: header, rows and their line numbers; blank lines skipped', () => {
    const r = parseCsv('a,b\n1,2\n\n3,4\n', 'x.csv');
    expect(r.table?.delimiter).toBe(',');
    expect(r.table?.header).toEqual(['a', 'b']);
    expect(r.table?.rows.map((row) => [row.line, ...row.cells])).toEqual([
      [2, '1', '2'],
      [4, '3', '4'],
    ]);
    expect(r.issues).toEqual([]);
  });
  test('semicolon file with BOM and CRLF, a quoted cell spanning two lines', () => {
    const r = parseCsv('\ufeffa;b\r\n1;"x\r\ny"\r\n3;4\r\n', 'x.csv');
    expect(r.table?.delimiter).toBe(';');
    expect(r.table?.header).toEqual(['a', 'b']);
    expect(r.table?.rows.map((row) => row.line)).toEqual([2, 4]);
    expect(r.table?.rows[0]?.cells[1]).toBe('x\r\ny');
  });
  test('every cell stays a string', () => {
    const r = parseCsv('a,b\n007,1.50\n', 'x.csv');
    expect(r.table?.rows[0]?.cells).toEqual(['007', '1.50']);
  });
  test('a ragged row is reported with its line', () => {
    const r = parseCsv('a,b\n1,2\n3\n', 'x.csv');
    expect(r.issues).toEqual([{ file: 'x.csv', line: 3, message: 'verwacht 2 velden (zoals de kopregel), gevonden 1' }]);
  });
  test('an unclosed quote is reported', () => {
    const r = parseCsv('a,b\n1,"2\n', 'x.csv');
    expect(r.issues[0]?.message).toContain('aanhalingsteken');
  });
  test('binary bytes are not text', () => {
    const r = decodeText(new Uint8Array([0x50, 0x4b, 0, 1]), 'x.csv');
    expect('issue' in r && r.issue.message).toContain('binaire inhoud');
    const bad = decodeText(new Uint8Array([0x61, 0xff, 0x62]), 'x.csv');
    expect('issue' in bad && bad.issue.message).toContain('geen geldige UTF-8');
  });
});

describe('CSV writing', () => {
  test('formula-like text is neutralised, numbers are not', () => {
    expect(neutraliseText('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(neutraliseText('@cmd')).toBe("'@cmd");
    expect(neutraliseText('Groningen')).toBe('Groningen');
    expect(toCsv(['t', 'n'], [['-x', { number: '-194' }]])).toBe("t,n\n'-x,-194\n");
  });
  test('quotes fields with delimiters, quotes and line breaks', () => {
    expect(toCsv(['a'], [['x,y'], ['say "hi"'], ['a\nb']])).toBe('a\n"x,y"\n"say ""hi"""\n"a\nb"\n');
    expect(toCsv(['a', 'b'], [['x,y', '1;2']], { delimiter: ';', decimalComma: false, bom: false })).toBe('a;b\nx,y;"1;2"\n');
  });
  test('the Dutch style (--nl-csv): BOM, ; between fields, decimal commas in numbers only', () => {
    const text = toCsv(['provincie', 'bedrag'], [['1.5 is tekst', { number: '-1234.56' }], ['x;y', { number: '2024' }]], DUTCH_CSV);
    expect(text).toBe('\uFEFFprovincie;bedrag\n1.5 is tekst;-1234,56\n"x;y";2024\n');
    // The BOM is one code point, the three bytes EF BB BF in UTF-8.
    expect([...new TextEncoder().encode(text).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
