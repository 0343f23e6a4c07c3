/**
 * The catalog of malformed input files in tests/fixtures/fout/: each folder is a user's --data
 * folder with one broken file, and `verwacht.txt` holds the message (with file, line and column)
 * that loading it must give. The expected texts were written by hand from the broken file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { UserError } from '../src/core/errors.js';
import { loadDataset } from '../src/io/read-dir.js';

const root = join(import.meta.dirname, 'fixtures', 'fout');
const cases = readdirSync(root).sort();

describe('malformed input files', () => {
  test('the catalog has at least 15 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });
  test.each(cases)('%s', (name) => {
    const expected = readFileSync(join(root, name, 'verwacht.txt'), 'utf8').trim();
    let error: unknown;
    try {
      loadDataset(join(root, name));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toContain(expected);
  });
});
