// Checks that LibreOffice recalculates a workbook's formulas to the values the workbook caches:
// every cached formula result is set to 0 in a copy, LibreOffice recalculates everything and exports
// every sheet as CSV (scripts/libreoffice.mjs), and each formula cell is compared with its cached
// value. Needs LibreOffice (`apt-get install libreoffice-calc-nogui`); not part of `npm test`
// (tests/workbook-model.test.ts does the same for one workbook, and changes an input).
//   node scripts/herberekening.mjs uit/natuurpact-2-0/resultaten.xlsx
import { columnIndex, numberOf, recalculate } from './libreoffice.mjs';

const source = process.argv[2];
if (!source) {
  console.error('gebruik: node scripts/herberekening.mjs WERKMAP.xlsx');
  process.exit(2);
}
const { sheets, formulas } = await recalculate(source);
let checked = 0;
let worst = 0;
let wrong = 0;
for (const [name, cells] of formulas) {
  const rows = sheets.get(name);
  for (const { col, row, value } of cells) {
    const text = rows[row - 1][columnIndex(col)];
    const got = numberOf(text);
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
