/**
 * Progress on stderr (issue 16, item 7): a bar redrawn in place on a terminal, only after the first
 * second, cleared at the end; nothing at all where stderr is not a terminal.
 */
import { describe, expect, test } from 'vitest';
import { Progress, PROGRESS_AFTER_MS } from '../src/cli/progress.js';
import { run } from './helpers/cli.js';

function clock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('progress', () => {
  test('on a terminal: nothing in the first second, then a bar redrawn in place, cleared at the end', () => {
    const written: string[] = [];
    const c = clock();
    const p = new Progress({ status: (t) => written.push(t) }, 'natuurpact run', 4, c.now);
    p.update(0, 'basis.yaml: doorrekenen');
    expect(written).toEqual([]);
    c.advance(PROGRESS_AFTER_MS);
    p.update(2.5, 'natuurpact-2-0.yaml: werkmap');
    // 2,5 of 4 is 15 of the 24 marks; the count shows whole scenarios done.
    expect(written).toEqual([`\r\u001b[Knatuurpact run [${'#'.repeat(15)}${'.'.repeat(9)}] 2/4 natuurpact-2-0.yaml: werkmap`]);
    p.finish();
    expect(written.at(-1)).toBe('\r\u001b[K');
    // A label that would not fit an 80-column terminal is cut; control characters in it are removed.
    p.update(3, `\u001b[31m${'x'.repeat(100)}`);
    expect(written.at(-1)!.length).toBeLessThanOrEqual('\r\u001b[K'.length + 79);
    expect(written.at(-1)!.slice(4)).not.toContain('\u001b');
  });

  test('not a terminal: no status channel, nothing written; a run prints no bar', async () => {
    const c = clock();
    const p = new Progress({}, 'natuurpact run', 2, c.now);
    c.advance(5000);
    expect(() => p.update(1, 'x')).not.toThrow();
    const r = await run('vergelijk', 'scenarios/basis.yaml', 'scenarios/bouwsteen-natuur.yaml');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
  });

  test('runCli passes raw status writes through only for a terminal', async () => {
    const { runCli } = await import('../src/cli/program.js');
    const status: string[] = [];
    const io = { out: () => {}, err: () => {}, status: (t: string) => status.push(t) };
    const started = Date.now();
    await runCli(['vergelijk', 'scenarios/basis.yaml', 'scenarios/natuurpact-2-0.yaml', 'scenarios/bouwsteen-natuur.yaml'], { ...io, isTTY: true });
    // The bar appears only after a second (the third scenario starts after more than one when the run takes 1,5 s),
    // and is always cleared before the table is printed.
    if (Date.now() - started > 1500) expect(status.some((t) => t.includes('natuurpact vergelijk ['))).toBe(true);
    if (status.length > 0) expect(status.at(-1)).toBe('\r\u001b[K');
    status.length = 0;
    await runCli(['vergelijk', 'scenarios/basis.yaml', 'scenarios/natuurpact-2-0.yaml'], { ...io, isTTY: false });
    expect(status).toEqual([]);
  });
});
