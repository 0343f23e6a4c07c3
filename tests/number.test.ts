import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Decimal } from '../src/core/decimal.js';
import { notationEvidence, parseNumber } from '../src/io/number.js';

function ok(raw: string, locale: 'en' | 'nl' | undefined): string {
  const r = parseNumber(raw, locale);
  if (!r.ok) throw new Error(r.message);
  return r.value.toString();
}

describe('parseNumber', () => {
  test('English notation, with and without grouping', () => {
    expect(ok('1234.5', 'en')).toBe('1234.5');
    expect(ok('1,234,567.89', 'en')).toBe('1234567.89');
    expect(ok('-0.25', 'en')).toBe('-0.25');
  });
  test('Dutch notation, with and without grouping', () => {
    expect(ok('1234,5', 'nl')).toBe('1234.5');
    expect(ok('1.234.567,89', 'nl')).toBe('1234567.89');
    expect(ok('-0,25', 'nl')).toBe('-0.25');
  });
  test('integers read the same in both notations and in an undecided file', () => {
    expect(ok('346', undefined)).toBe('346');
    expect(ok('  42 ', 'nl')).toBe('42');
  });
  test('a single group of three digits is ambiguous until the file decides', () => {
    const r = parseNumber('1,234', undefined);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain("dubbelzinnig getal '1,234'");
    expect(ok('1,234', 'en')).toBe('1234');
    expect(ok('1,234', 'nl')).toBe('1.234');
    expect(ok('1.234', 'nl')).toBe('1234');
    expect(ok('1.234', 'en')).toBe('1.234');
  });
  test('a value in the other notation than the file is refused', () => {
    const r = parseNumber('12,5', 'en');
    expect(!r.ok && r.message).toContain('Nederlandse notatie');
  });
  test('exact: digits go into the decimal without float rounding', () => {
    expect(ok('0.1', 'en')).toBe('0.1');
    expect(ok('55.170586', 'en')).toBe('55.170586');
    expect(ok('123456789012345.123456789', 'en')).toBe('123456789012345.123456789');
  });
  test('refuses text, scientific notation and empty cells', () => {
    for (const bad of ['twaalf', '1e6', '', '12 mln', '1..2', '+5']) {
      expect(parseNumber(bad, 'en').ok, bad).toBe(false);
    }
  });
  test('refuses more than 15 integer digits', () => {
    expect(parseNumber('1234567890123456', 'en').ok).toBe(false);
    expect(ok('123456789012345', 'en')).toBe('123456789012345');
  });
  test('evidence: only cells that read one way decide the notation', () => {
    expect(notationEvidence('1.5')).toBe('en');
    expect(notationEvidence('1,5')).toBe('nl');
    expect(notationEvidence('1.234.567')).toBe('nl');
    expect(notationEvidence('1,234')).toBeUndefined();
    expect(notationEvidence('77')).toBeUndefined();
  });
});

describe('parseNumber properties', () => {
  // A decimal with up to 12 integer digits and up to 6 decimals, written in both notations.
  const decimalParts = fc.record({
    negative: fc.boolean(),
    int: fc.bigInt({ min: 0n, max: 999_999_999_999n }),
    frac: fc.option(fc.integer({ min: 0, max: 999_999 }).map((n) => String(n).padStart(6, '0'))),
  });
  const group = (digits: string, sep: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);

  test('English and Dutch spellings of one number read to the same exact decimal', () => {
    fc.assert(
      fc.property(decimalParts, ({ negative, int, frac }) => {
        const sign = negative ? '-' : '';
        const expected = new Decimal(`${sign}${int}${frac ? `.${frac}` : ''}`);
        const en = `${sign}${group(String(int), ',')}${frac ? `.${frac}` : ''}`;
        const nl = `${sign}${group(String(int), '.')}${frac ? `,${frac}` : ''}`;
        const a = parseNumber(en, 'en');
        const b = parseNumber(nl, 'nl');
        expect(a.ok && a.value.equals(expected)).toBe(true);
        expect(b.ok && b.value.equals(expected)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
