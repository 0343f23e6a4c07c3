/** Chart snapshots in tests/output: a missing snapshot is written locally and fails when CI=true. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

const dir = join(import.meta.dirname, '..', 'output');

export async function snapshot(name: string, svg: string): Promise<void> {
  const path = join(dir, `${name}.svg`);
  if (!existsSync(path)) {
    if (process.env.CI === 'true') throw new Error(`snapshot ontbreekt: ${path}`);
    writeFileSync(path, svg);
  }
  expect(svg === readFileSync(path, 'utf8'), `${name}.svg wijkt af van de snapshot`).toBe(true);
}
