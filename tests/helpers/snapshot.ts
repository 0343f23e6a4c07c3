/** Chart snapshots in tests/output: a missing snapshot is written locally and fails when CI=true. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

const dir = join(import.meta.dirname, '..', 'output');

/** vega's own screen-reader texts are English ("line mark container", "X-axis titled ..."): none may be left. */
export function dutchOnly(svg: string): void {
  expect(svg).not.toMatch(/aria-roledescription|mark container|axis titled|legend for|graphics-/i);
  expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"[^>]* role="img" aria-label="[^"]+"><title>/);
}

export async function snapshot(name: string, svg: string): Promise<void> {
  dutchOnly(svg);
  const path = join(dir, `${name}.svg`);
  if (!existsSync(path)) {
    if (process.env.CI === 'true') throw new Error(`snapshot ontbreekt: ${path}`);
    writeFileSync(path, svg);
  }
  expect(svg === readFileSync(path, 'utf8'), `${name}.svg wijkt af van de snapshot`).toBe(true);
}
