/**
 * The parts of an `.xlsx` file (SpreadsheetML) for tidy sheets: a header row in bold, frozen, then
 * rows of numbers, text and formulas with their cached results; a number format and a width per
 * column. Written as strings in one pass, because a general workbook library spends seconds on a
 * sheet of 30,000 rows (an object per cell and per style); the parts are the ones exceljs 4.4 writes
 * for the same workbook, byte for byte, which `tests/spreadsheet-xml.test.ts` checks against exceljs.
 *
 * Conventions kept from that writer (so the files do not change): text cells in the body are shared
 * rich-text strings (`<si><r><t>`), header cells plain shared strings (`<si><t>`); styles are
 * numbered in the order first seen (columns of a sheet, then its header, then its cells); adjacent
 * columns with the same width and format share one `<col>`. A table (`<tableParts>`) is a part of its
 * own (`xl/tables/tableN.xml`, numbered over the workbook in sheet order) with the sheet's
 * relationship to it, as exceljs's `addTable` writes it (style TableStyleLight9 with banded rows;
 * the label of the totals row, which is not shown, is Dutch).
 */

/** A body cell: text, a number, a formula with its cached result, or nothing (`null`: no cell is written). */
export type SheetCell = string | number | null | { readonly formula: string; readonly result: number };

export interface SheetSpec {
  readonly name: string;
  /**
   * The name of an Excel table over the whole sheet (header and rows: filter buttons, banded rows,
   * ready for a pivot), when given; a table needs unique, non-empty header texts and at least one row.
   */
  readonly table?: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly SheetCell[])[];
  /** Column widths in characters, by column index (0-based). */
  readonly widths: readonly number[];
  /** Number formats (Excel format codes) by column index (0-based). */
  readonly formats: Readonly<Record<number, string>>;
}

export interface WorkbookSpec {
  readonly creator: string;
  /** Creation and modification date written into the document properties. */
  readonly date: Date;
  readonly sheets: readonly SheetSpec[];
  /** The Office theme part (`xl/theme/theme1.xml`), as the caller ships it. */
  readonly theme: string;
}

export interface Part {
  readonly name: string;
  readonly bytes: Uint8Array;
}

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SHEET_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const TABLE_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';
/** The style of every table, and the label its (hidden) totals row would show. */
export const TABLE_STYLE = 'TableStyleLight9';
export const TOTALS_LABEL = 'totaal';

/** Format codes Excel knows by number (ECMA-376 part 1, 18.8.30); others get ids from 164 on. */
const BUILTIN_FORMATS: Readonly<Record<string, number>> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
};

// Characters XML 1.0 does not allow are dropped; markup characters escaped.
const NEEDS_ESCAPE = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/;
const ESCAPES: Readonly<Record<string, string>> = { '"': '&quot;', '&': '&amp;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

export function xmlEscape(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/g, (c) => ESCAPES[c] ?? '');
}

/** `<t>` with `xml:space="preserve"` where spaces at the ends or line breaks must survive. */
const textElement = (text: string) => (/^\s|\n|\s$/.test(text) ? `<t xml:space="preserve">${xmlEscape(text)}</t>` : `<t>${xmlEscape(text)}</t>`);

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** The shared string table: plain and rich strings are separate entries, each counted per use. */
class SharedStrings {
  private readonly plain = new Map<string, number>();
  private readonly rich = new Map<string, number>();
  private readonly richByText = new Map<string, number>();
  private readonly items: string[] = [];
  count = 0;

  private add(map: Map<string, number>, key: string, xml: string): number {
    this.count++;
    let index = map.get(key);
    if (index === undefined) {
      index = this.items.length;
      map.set(key, index);
      this.items.push(xml);
    }
    return index;
  }

  addPlain(text: string): number {
    return this.add(this.plain, text, `<si>${textElement(text)}</si>`);
  }

  /** Rich strings are told apart by their XML (texts that differ only in dropped characters are one). */
  addRich(text: string): number {
    const known = this.richByText.get(text);
    if (known !== undefined) {
      this.count++;
      return known;
    }
    const xml = `<si><r>${textElement(text)}</r></si>`;
    const index = this.add(this.rich, xml, xml);
    this.richByText.set(text, index);
    return index;
  }

  xml(): string {
    return `${XML_DECL}<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.items.length}">${this.items.join('')}</sst>`;
  }
}

/** Cell formats (`cellXfs`): a number format and whether the font is bold; index 0 is the default. */
class Styles {
  private readonly customFormats: string[] = [];
  private readonly formatIds = new Map<string, number>();
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly xfIds = new Map<string, number>([[this.xfs[0]!, 0]]);

  private formatId(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let id = this.formatIds.get(code);
    if (id === undefined) {
      id = 164 + this.customFormats.length;
      this.formatIds.set(code, id);
      this.customFormats.push(`<numFmt numFmtId="${id}" formatCode="${xmlEscape(code)}"/>`);
    }
    return id;
  }

  /** The index of a style, added when first seen. */
  id(format: string | undefined, bold: boolean): number {
    const numFmtId = format === undefined ? 0 : this.formatId(format);
    const fontId = bold ? 1 : 0;
    const xml = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}/>`;
    let index = this.xfIds.get(xml);
    if (index === undefined) {
      index = this.xfs.length;
      this.xfIds.set(xml, index);
      this.xfs.push(xml);
    }
    return index;
  }

  xml(): string {
    const numFmts = this.customFormats.length > 0 ? `<numFmts count="${this.customFormats.length}">${this.customFormats.join('')}</numFmts>` : '';
    return (
      `${XML_DECL}<styleSheet xmlns="${MAIN_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main">` +
      numFmts +
      '<fonts count="2" x14ac:knownFonts="1"><font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font><font><b/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext><ext uri="{9260A510-F301-46a8-8635-F512D64BE5F5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:timelineStyles defaultTimelineStyle="TimeSlicerStyleLight1"/></ext></extLst></styleSheet>'
    );
  }
}

/**
 * A growing byte buffer. Sheets are written straight to UTF-8 bytes: building them as strings keeps
 * hundreds of thousands of small strings alive until the end, and collecting those costs more than
 * writing the sheet.
 */
class ByteWriter {
  private buf = new Uint8Array(1 << 16);
  private len = 0;
  private static readonly encoder = new TextEncoder();

  private ensure(extra: number): void {
    if (this.len + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  /** Text as UTF-8 (ASCII byte by byte, anything else through the encoder). */
  text(s: string): void {
    this.ensure(s.length * 3);
    const buf = this.buf;
    let len = this.len;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.len = len + ByteWriter.encoder.encodeInto(s.slice(i), buf.subarray(len)).written;
        return;
      }
      buf[len++] = c;
    }
    this.len = len;
  }

  /** A non-negative integer in decimal, without making a string. */
  int(n: number): void {
    if (n < 10) {
      this.ensure(1);
      this.buf[this.len++] = 48 + n;
      return;
    }
    this.ensure(16);
    let digits = 0;
    for (let m = n; m > 0; m = Math.floor(m / 10)) digits++;
    let at = this.len + digits;
    this.len = at;
    for (let m = n; m > 0; m = Math.floor(m / 10)) this.buf[--at] = 48 + (m % 10);
  }

  bytes(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

function worksheetXml(sheet: SheetSpec, strings: SharedStrings, styles: Styles, withTable: boolean): Uint8Array {
  const width = Math.max(sheet.header.length, ...sheet.rows.map((r) => r.length));
  const letters = Array.from({ length: width }, (_, i) => columnName(i));
  // Columns first (their formats are the first styles of the sheet), merged when equal neighbours.
  const cols: string[] = [];
  const columnStyle: number[] = [];
  for (let i = 0; i < width; i++) {
    const w = sheet.widths[i];
    const style = styles.id(sheet.formats[i], false);
    columnStyle.push(style);
    if (w === undefined) continue;
    const previous = i > 0 && sheet.widths[i - 1] === w && sheet.formats[i - 1] === sheet.formats[i];
    const tag = `width="${w}"${style ? ` style="${style}"` : ''} customWidth="1"/>`;
    if (previous && cols.length > 0) cols[cols.length - 1] = cols.at(-1)!.replace(/max="\d+"/, `max="${i + 1}"`);
    else cols.push(`<col min="${i + 1}" max="${i + 1}" ${tag}`);
  }
  // Per column the start of a body cell up to its row number, and what follows the number.
  const cellOpen = letters.map((l) => `<c r="${l}`);
  const cellStyle = columnStyle.map((s) => (s ? `" s="${s}"` : '"'));
  const out = new ByteWriter();
  out.text(
    `${XML_DECL}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
      `<dimension ref="A1:${letters[width - 1]}${sheet.rows.length + 1}"/>` +
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>' +
      '<sheetFormatPr defaultRowHeight="15" outlineLevelRow="0" outlineLevelCol="0" x14ac:dyDescent="55"/>' +
      (cols.length > 0 ? `<cols>${cols.join('')}</cols>` : '') +
      '<sheetData>',
  );
  out.text(`<row r="1" spans="1:${sheet.header.length}" s="${styles.id(undefined, true)}" customFormat="1" x14ac:dyDescent="0.25">`);
  sheet.header.forEach((h, i) => out.text(`<c r="${letters[i]}1" s="${styles.id(sheet.formats[i], true)}" t="s"><v>${strings.addPlain(h)}</v></c>`));
  out.text('</row>');
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r]!;
    const n = r + 2;
    out.text('<row r="');
    out.int(n);
    out.text('" spans="1:');
    out.int(row.length);
    // A row of empty cells has no cells; otherwise an empty cell is written where its column has a
    // format (empty, with that style), as exceljs does.
    if (row.every((c) => c === null)) {
      out.text('" x14ac:dyDescent="0.25"/>');
      continue;
    }
    out.text('" x14ac:dyDescent="0.25">');
    for (let i = 0; i < row.length; i++) {
      const c = row[i]!;
      if (c === null) {
        if (columnStyle[i]) {
          out.text(cellOpen[i]!);
          out.int(n);
          out.text(`" s="${columnStyle[i]}"/>`);
        }
        continue;
      }
      out.text(cellOpen[i]!);
      out.int(n);
      out.text(cellStyle[i]!);
      if (typeof c === 'string') {
        out.text(' t="s"><v>');
        out.int(strings.addRich(c));
      } else if (typeof c === 'number') {
        out.text('><v>');
        out.text(String(c));
      } else {
        out.text('><f>');
        out.text(xmlEscape(c.formula));
        out.text('</f><v>');
        out.text(String(c.result));
      }
      out.text('</v></c>');
    }
    out.text('</row>');
  }
  out.text(
    '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup orientation="portrait" horizontalDpi="4294967295" verticalDpi="4294967295" scale="100" fitToWidth="1" fitToHeight="1"/>' +
      (withTable ? `<tableParts count="1"><tablePart r:id="rId1"/></tableParts>` : '') +
      '</worksheet>',
  );
  return out.bytes();
}

/** The table part of a sheet (see the module comment). */
function tableXml(sheet: SheetSpec, id: number): string {
  const ref = `A1:${columnName(sheet.header.length - 1)}${sheet.rows.length + 1}`;
  const name = xmlEscape(sheet.table!);
  return (
    `${XML_DECL}<table xmlns="${MAIN_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="xr xr3" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" id="${id}" name="${name}" displayName="${name}" ref="${ref}" totalsRowShown="1" headerRowCount="1">` +
    `<autoFilter ref="${ref}">${sheet.header.map((_, i) => `<filterColumn colId="${i}" hiddenButton="0"/>`).join('')}</autoFilter>` +
    `<tableColumns count="${sheet.header.length}">${sheet.header.map((h, i) => `<tableColumn id="${i + 1}" name="${xmlEscape(h)}" ${i === 0 ? `totalsRowLabel="${TOTALS_LABEL}"` : 'totalsRowFunction="none"'}/>`).join('')}</tableColumns>` +
    `<tableStyleInfo name="${TABLE_STYLE}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/** W3C date-time without milliseconds, as the core properties carry it. */
const w3cDate = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Every part of the workbook, in no particular order (the zip writer orders them). */
export function workbookParts(spec: WorkbookSpec): Part[] {
  const strings = new SharedStrings();
  const styles = new Styles();
  const hasTable = (s: SheetSpec) => s.table !== undefined && s.rows.length > 0;
  const sheets = spec.sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, bytes: worksheetXml(s, strings, styles, hasTable(s)) }));
  // Tables are numbered over the workbook, in sheet order; each sheet with one has a relationship to it.
  const tables: Part[] = [];
  const tableRels: Part[] = [];
  const encoderForTables = new TextEncoder();
  spec.sheets.forEach((s, i) => {
    if (!hasTable(s)) return;
    const n = tables.length + 1;
    tables.push({ name: `xl/tables/table${n}.xml`, bytes: encoderForTables.encode(tableXml(s, n)) });
    tableRels.push({
      name: `xl/worksheets/_rels/sheet${i + 1}.xml.rels`,
      bytes: encoderForTables.encode(`${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/table" Target="../tables/table${n}.xml"/></Relationships>`),
    });
  });
  const names = spec.sheets.map((s) => xmlEscape(s.name));
  const contentTypes =
    `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    sheets.map((s) => `<Override PartName="/${s.name}" ContentType="${SHEET_CONTENT_TYPE}"/>`).join('') +
    '<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    tables.map((t) => `<Override PartName="/${t.name}" ContentType="${TABLE_CONTENT_TYPE}"/>`).join('') +
    '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>';
  const rootRels = `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/></Relationships>`;
  const workbookRels =
    `${XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${REL_NS}/theme" Target="theme/theme1.xml"/><Relationship Id="rId3" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
    sheets.map((_, i) => `<Relationship Id="rId${i + 4}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
    '</Relationships>';
  const workbook =
    `${XML_DECL}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><fileVersion appName="xl" lastEdited="5" lowestEdited="5" rupBuild="9303"/><workbookPr defaultThemeVersion="164011" filterPrivacy="1"/><sheets>` +
    names.map((n, i) => `<sheet sheetId="${i + 1}" name="${n}" state="visible" r:id="rId${i + 4}"/>`).join('') +
    '</sheets><calcPr calcId="171027"/></workbook>';
  const app =
    `${XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${names.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${names.length}" baseType="lpstr">${names.map((n) => `<vt:lpstr>${n}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts>` +
    '<Company></Company><Manager></Manager><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>';
  const who = xmlEscape(spec.creator);
  const core =
    `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>${who}</dc:creator><dc:title></dc:title><dc:subject></dc:subject><dc:description></dc:description><cp:keywords></cp:keywords><cp:category></cp:category><cp:lastModifiedBy>${who}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${w3cDate(spec.date)}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${w3cDate(spec.date)}</dcterms:modified></cp:coreProperties>`;
  // The shared strings and styles are complete only after every sheet is written.
  const encoder = new TextEncoder();
  const text = (name: string, xml: string): Part => ({ name, bytes: encoder.encode(xml) });
  return [
    text('[Content_Types].xml', contentTypes),
    text('_rels/.rels', rootRels),
    text('xl/_rels/workbook.xml.rels', workbookRels),
    ...sheets,
    ...tables,
    ...tableRels,
    text('xl/sharedStrings.xml', strings.xml()),
    text('xl/theme/theme1.xml', spec.theme),
    text('xl/styles.xml', styles.xml()),
    text('docProps/app.xml', app),
    text('docProps/core.xml', core),
    text('xl/workbook.xml', workbook),
  ];
}
