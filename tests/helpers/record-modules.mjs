// Preloaded with `node --import` by tests/module-loading.test.ts: records every module the process
// loads into the file named by NATUURPACT_MODULE_LOG, one URL or path a line. ES modules through a
// resolve hook (it runs on the loader thread and appends as it resolves, so nothing is lost at
// exit); CommonJS modules (also those required by other CommonJS modules) from require.cache at exit.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const log = process.env.NATUURPACT_MODULE_LOG;
if (log) {
  register('./record-modules-hooks.mjs', { parentURL: import.meta.url, data: { log } });
  const cache = createRequire(import.meta.url).cache;
  process.on('exit', () => appendFileSync(log, Object.keys(cache).map((p) => `${p}\n`).join('')));
}
