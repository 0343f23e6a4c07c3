// LibreOffice headless as a second spreadsheet program for the workbook: open a copy of a workbook,
// optionally zero every cached formula result and set input cells, let LibreOffice recalculate
// everything (calculateAll) and export every sheet as CSV at full precision. Runs a Basic macro
// from a LibreOffice profile of its own (nothing of the user's profile is touched); needs
// LibreOffice (`apt-get install libreoffice-calc-nogui`, or NATUURPACT_SOFFICE).
// Used by scripts/herberekening.mjs and tests/workbook-model.test.ts.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';

export const SOFFICE = process.env.NATUURPACT_SOFFICE ?? '/usr/bin/soffice';

const xml = (s) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const basicString = (s) => `"${s.replaceAll('"', '""')}"`;

/**
 * A profile whose Standard library holds one macro, `Natuurpact.Main`, with the given Basic code.
 * LibreOffice fills a new profile (its Basic libraries included) on its first start, so it is started
 * once to do that before the macro goes in.
 */
function profileWithMacro(dir, code) {
  const profile = join(dir, 'profiel');
  execFileSync(SOFFICE, [`-env:UserInstallation=${pathToFileURL(profile)}`, '--headless', '--invisible', '--norestore', '--terminate_after_init'], { stdio: 'pipe', timeout: 120_000 });
  const basic = join(profile, 'user', 'basic');
  mkdirSync(join(basic, 'Standard'), { recursive: true });
  const dtd = (root, file) => `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE ${root} PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "${file}">\n`;
  writeFileSync(join(basic, 'script.xlc'), `${dtd('library:libraries', 'libraries.dtd')}<library:libraries xmlns:library="http://openoffice.org/2000/library" xmlns:xlink="http://www.w3.org/1999/xlink"><library:library library:name="Standard" xlink:href="$(USER)/basic/Standard/script.xlb/" xlink:type="simple" library:link="false"/></library:libraries>\n`);
  writeFileSync(join(basic, 'dialog.xlc'), `${dtd('library:libraries', 'libraries.dtd')}<library:libraries xmlns:library="http://openoffice.org/2000/library" xmlns:xlink="http://www.w3.org/1999/xlink"><library:library library:name="Standard" xlink:href="$(USER)/basic/Standard/dialog.xlb/" xlink:type="simple" library:link="false"/></library:libraries>\n`);
  writeFileSync(join(basic, 'Standard', 'script.xlb'), `${dtd('library:library', 'library.dtd')}<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" library:readonly="false" library:passwordprotected="false"><library:element library:name="Natuurpact"/></library:library>\n`);
  writeFileSync(join(basic, 'Standard', 'dialog.xlb'), `${dtd('library:library', 'library.dtd')}<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" library:readonly="false" library:passwordprotected="false"/>\n`);
  writeFileSync(join(basic, 'Standard', 'Natuurpact.xba'), `${dtd('script:module', 'module.dtd')}<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Natuurpact" script:language="StarBasic">${xml(code)}</script:module>\n`);
  return profile;
}

/**
 * Recalculates a copy of `source` in LibreOffice and returns every sheet as rows of CSV fields
 * (`Map<sheet name, string[][]>`), with the formula cells the copy had (`formulas`: per sheet the
 * cells and the value the workbook cached). `changes`: `[{ sheet, cell, value }]` numbers set before
 * recalculating; `zeroCached`: every cached formula result set to 0 first, so that only a
 * recalculation can give the values back.
 */
export async function recalculate(source, { changes = [], zeroCached = true } = {}) {
  if (!existsSync(SOFFICE)) throw new Error(`LibreOffice ontbreekt (${SOFFICE}): installeer libreoffice-calc-nogui of wijs het aan met NATUURPACT_SOFFICE`);
  const dir = mkdtempSync(join(tmpdir(), 'natuurpact-libreoffice-'));
  const zip = await JSZip.loadAsync(readFileSync(source));
  const workbook = await zip.file('xl/workbook.xml').async('string');
  const sheetNames = [...workbook.matchAll(/<sheet sheetId="(\d+)" name="([^"]+)"/g)].map((m) => m[2].replaceAll('&amp;', '&'));
  const formulas = new Map();
  for (const [i, name] of sheetNames.entries()) {
    const part = `xl/worksheets/sheet${i + 1}.xml`;
    const cells = [];
    const text = (await zip.file(part).async('string')).replace(/<c r="([A-Z]+)(\d+)"([^>]*)><f>([^<]*)<\/f><v>([^<]*)<\/v><\/c>/g, (m, col, row, attrs, f, v) => {
      cells.push({ col, row: Number(row), value: Number(v) });
      return zeroCached ? `<c r="${col}${row}"${attrs}><f>${f}</f><v>0</v></c>` : m;
    });
    zip.file(part, text);
    formulas.set(name, cells);
  }
  const copy = join(dir, 'werkmap.xlsx');
  writeFileSync(copy, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
  const out = join(dir, 'bladen.csv');
  // Comma-separated, UTF-8, full precision (not "as shown"), every sheet (-1): bladen-<sheet>.csv.
  const code = [
    'Sub Main',
    '  Dim load(0) As New com.sun.star.beans.PropertyValue',
    '  load(0).Name = "Hidden" : load(0).Value = True',
    `  doc = StarDesktop.loadComponentFromURL(${basicString(pathToFileURL(copy).href)}, "_blank", 0, load())`,
    ...changes.map((c) => `  doc.Sheets.getByName(${basicString(c.sheet)}).getCellRangeByName(${basicString(c.cell)}).setValue(${Number(c.value).toString()})`),
    '  doc.calculateAll()',
    '  Dim store(1) As New com.sun.star.beans.PropertyValue',
    '  store(0).Name = "FilterName" : store(0).Value = "Text - txt - csv (StarCalc)"',
    '  store(1).Name = "FilterOptions" : store(1).Value = "44,34,76,1,,1033,false,true,false,false,false,-1"',
    `  doc.storeToURL(${basicString(pathToFileURL(out).href)}, store())`,
    '  doc.close(True)',
    '  StarDesktop.terminate()',
    'End Sub',
  ].join('\n');
  const profile = profileWithMacro(dir, code);
  execFileSync(SOFFICE, [`-env:UserInstallation=${pathToFileURL(profile)}`, '--headless', '--invisible', '--norestore', 'macro:///Standard.Natuurpact.Main'], { stdio: 'pipe', timeout: 180_000 });
  const sheets = new Map();
  for (const name of sheetNames) {
    const file = readdirSync(dir).find((f) => f === `bladen-${name}.csv`);
    if (!file) throw new Error(`LibreOffice schreef geen CSV voor blad ${name} (in ${dir})`);
    sheets.set(name, parseCsv(readFileSync(join(dir, file), 'utf8')));
  }
  return { sheets, formulas, dir };
}

/** RFC 4180 fields (LibreOffice quotes text with commas and quotes). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows;
}

/** A CSV field as a number: plain, or a percentage. */
export const numberOf = (text) => (text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text));

/** The 0-based index of a column name: A → 0, AA → 26. */
export const columnIndex = (col) => [...col].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
