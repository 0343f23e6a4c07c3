// Builds the explorer's browser bundle (dist/explorer/verkenner.js) from src/explorer/page.ts with
// esbuild: one IIFE, minified, for current browsers. Part of `npm run build`, so the command
// `natuurpact verken` only inlines a file that ships in dist/ (no bundler at run time).
//
// The page uses the pure parts of src/io/scenario.ts (schema, checks, merge); that module also reads
// files with node:fs and node:path, which the page never calls. Those two imports, from that module
// only, resolve to a stub that throws; any other node: import fails the build.
import { build } from 'esbuild';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'explorer', 'verkenner.js');
const STUBBED = { 'src/io/scenario.ts': ['node:fs', 'node:path'], 'src/io/paths.ts': ['node:fs', 'node:path'] };

const nodeStub = {
  name: 'node-stub',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) => {
      const from = relative(root, args.importer).split('\\').join('/');
      if (STUBBED[from]?.includes(args.path)) return { path: join(root, 'scripts', 'explorer-node-stub.cjs') };
      return { errors: [{ text: `${args.path} imported by ${from}: not available in the browser build of the explorer` }] };
    });
  },
};

mkdirSync(dirname(outfile), { recursive: true });
const result = await build({
  entryPoints: [join(root, 'src', 'explorer', 'page.ts')],
  outfile,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2022'],
  minify: true,
  // Licence comments of the bundled libraries stay, at the end of the file.
  legalComments: 'eof',
  charset: 'utf8',
  logLevel: 'warning',
  metafile: true,
  plugins: [nodeStub],
});
const text = readFileSync(outfile, 'utf8');
if (/<\/script/i.test(text)) {
  console.error('build-explorer: the bundle contains "</script" and cannot be inlined in a page');
  process.exit(1);
}
const bytes = Object.values(result.metafile.outputs)[0].bytes;
console.log(`verkenner: ${relative(root, outfile)} (${Math.round(bytes / 1024)} kB)`);
