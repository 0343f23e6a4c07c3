// Checks that LibreOffice recalculates a workbook's formulas to the values the workbook caches:
// every cached formula result is set to 0 in a copy, LibreOffice opens the copy with "recalculate on
// load" and exports every sheet as CSV, and each formula cell is compared with its cached value.
// Needs LibreOffice (`apt-get install libreoffice-calc-nogui`); not part of `npm test`.
//   node scripts/herberekening.mjs uit/natuurpact-2-0/resultaten.xlsx
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';

const source = process.argv[2];
if (!source) {
  console.error('gebruik: node scripts/herberekening.mjs WERKMAP.xlsx');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'natuurpact-herberekening-'));
// A LibreOffice profile of its own that recalculates OOXML files on load.
const profile = join(dir, 'profiel');
mkdirSync(join(profile, 'user'), { recursive: true });
writeFileSync(
  join(profile, 'user', 'registrymodifications.xcu'),
  '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>\n',
);

const zip = await JSZip.loadAsync(readFileSync(source));
const workbook = await zip.file('xl/workbook.xml').async('string');
const sheetNames = [...workbook.matchAll(/<sheet sheetId="(\d+)" name="([^"]+)"/g)].map((m) => m[2]);
const cached = new Map();
for (const [i, name] of sheetNames.entries()) {
  const part = `xl/worksheets/sheet${i + 1}.xml`;
  const cells = [];
  const zeroed = (await zip.file(part).async('string')).replace(/<c r="([A-Z]+)(\d+)"([^>]*)><f>([^<]*)<\/f><v>([^<]*)<\/v><\/c>/g, (_m, col, row, attrs, f, v) => {
    cells.push({ col, row: Number(row), value: Number(v) });
    return `<c r="${col}${row}"${attrs}><f>${f}</f><v>0</v></c>`;
  });
  zip.file(part, zeroed);
  cached.set(name, cells);
}
const copy = join(dir, 'nul.xlsx');
writeFileSync(copy, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
// Comma-separated, UTF-8, full precision (not "as shown"), every sheet (-1).
execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile)}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1', '--outdir', dir, copy], { stdio: 'pipe' });

const columnIndex = (col) => [...col].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
const csvFiles = readdirSync(dir).filter((f) => f.endsWith('.csv'));
let checked = 0;
let worst = 0;
let wrong = 0;
for (const [name, cells] of cached) {
  if (cells.length === 0) continue;
  const rows = readFileSync(join(dir, csvFiles.find((f) => f === `nul-${name}.csv`)), 'utf8').split('\n').map((l) => l.split(','));
  for (const { col, row, value } of cells) {
    const text = rows[row - 1][columnIndex(col)];
    const got = text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
    const difference = Math.abs(got - value) / Math.max(1, Math.abs(value));
    worst = Math.max(worst, difference);
    checked++;
    if (!(difference < 1e-9)) {
      wrong++;
      console.error(`${name}!${col}${row}: LibreOffice ${text}, werkmap ${value}`);
    }
  }
}
console.log(`${checked} formules door LibreOffice herberekend; grootste relatieve verschil ${worst.toExponential(1)}; ${wrong} afwijkend`);
process.exitCode = wrong > 0 || checked === 0 ? 1 : 0;
