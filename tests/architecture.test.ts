/** The layering: src/core imports nothing from node: and nothing from io, report or cli. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test('src/core is pure: no node: imports, no imports from io, report or cli', () => {
  const core = join(import.meta.dirname, '..', 'src', 'core');
  const offenders = files(core).filter((f) => /from '(node:|[./]+\/(io|report|cli)\/)/.test(readFileSync(f, 'utf8')));
  expect(offenders).toEqual([]);
});
