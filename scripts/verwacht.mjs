// Deliberately regenerates the expected outputs of the shipped scenarios (scenarios/*.verwacht.csv).
// Run locally after a change that is meant to change results, then review the diff; never in CI.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

if (process.env.CI === 'true') {
  console.error('verwacht: niet in CI; verwachte uitvoer wordt alleen bewust lokaal vernieuwd');
  process.exit(2);
}
const out = mkdtempSync(join(tmpdir(), 'natuurpact-verwacht-'));
const scenarios = readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).map((f) => join('scenarios', f));
const r = spawnSync(process.execPath, ['dist/cli/main.js', 'run', ...scenarios, '--uit', out, '--formaat', 'csv'], { stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
for (const name of readdirSync(out)) copyFileSync(join(out, name, 'resultaten.csv'), join('scenarios', `${name}.verwacht.csv`));
rmSync(out, { recursive: true, force: true });
console.log(`vernieuwd: ${scenarios.length} verwachte uitvoerbestanden in scenarios/`);
