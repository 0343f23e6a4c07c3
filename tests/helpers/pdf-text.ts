/**
 * The text of each page of a PDF as Chromium (Skia) writes it: pages in order (through the page
 * tree), content streams inflated, fonts Type0/Identity-H with a ToUnicode CMap, text in `Tj` and
 * `TJ` operators with two-byte hexadecimal codes. Enough to find a footer or a page number on a
 * page; not a general PDF reader. Separate text runs are joined without spaces.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  readonly dict: string;
  readonly stream?: Buffer;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\s*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const s = body.indexOf('stream');
    if (s >= 0 && /\/Filter\s*\/FlateDecode/.test(body.slice(0, s))) {
      const dataStart = start + s + 'stream'.length + (text[start + s + 6] === '\r' ? 2 : 1);
      const len = Number(/\/Length (\d+)/.exec(body)![1]);
      out.set(Number(m[1]), { dict: body.slice(0, s), stream: inflateSync(pdf.subarray(dataStart, dataStart + len)) });
    } else out.set(Number(m[1]), { dict: body });
  }
  return out;
}

/** A ToUnicode CMap: code (hex) to text. */
function cmap(source: string): Map<string, string> {
  const map = new Map<string, string>();
  const hexText = (h: string) => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((x) => parseInt(x, 16)));
  for (const block of source.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, uni] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(code!.toUpperCase(), hexText(uni!));
  }
  for (const block of source.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, uni] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const a = parseInt(lo!, 16);
      const b = parseInt(hi!, 16);
      const u = parseInt(uni!, 16);
      for (let c = a; c <= b; c++) map.set(c.toString(16).toUpperCase().padStart(lo!.length, '0'), String.fromCodePoint(u + c - a));
    }
  }
  return map;
}

export function pdfPageTexts(pdf: Buffer): string[] {
  const objs = objects(pdf);
  const ref = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1]);
  const root = objs.get(ref(pdf.toString('latin1').slice(pdf.lastIndexOf('trailer')), 'Root'))!;
  const pages: number[] = [];
  const walk = (n: number) => {
    const o = objs.get(n)!;
    const kids = /\/Kids \[([^\]]*)\]/.exec(o.dict);
    if (kids) for (const [, k] of kids[1]!.matchAll(/(\d+) 0 R/g)) walk(Number(k));
    else pages.push(n);
  };
  walk(ref(root.dict, 'Pages'));
  const cmaps = new Map<number, Map<string, string>>();
  const fontMap = (n: number) => {
    let m = cmaps.get(n);
    if (!m) cmaps.set(n, (m = cmap(objs.get(ref(objs.get(n)!.dict, 'ToUnicode'))!.stream!.toString('latin1'))));
    return m;
  };
  return pages.map((n) => {
    const page = objs.get(n)!.dict;
    const fonts = new Map([...(/\/Font <<([^>]*)>>/.exec(page)?.[1] ?? '').matchAll(/\/(\w+) (\d+) 0 R/g)].map(([, name, obj]) => [name!, Number(obj)]));
    const contents = [...(/\/Contents (?:\[([^\]]*)\]|(\d+) 0 R)/.exec(page) ?? [])].slice(1).filter(Boolean).join(' ');
    let text = '';
    for (const [, c] of contents.matchAll(/(\d+)(?: 0 R)?/g)) {
      const stream = objs.get(Number(c))?.stream?.toString('latin1') ?? '';
      let map: Map<string, string> | undefined;
      for (const t of stream.matchAll(/\/(\w+) [\d.]+ Tf|<([0-9A-Fa-f]*)>\s*Tj|\[((?:<[0-9A-Fa-f]*>|[-\d.\s])*)\]\s*TJ/g)) {
        if (t[1]) {
          const f = fonts.get(t[1]);
          map = f !== undefined ? fontMap(f) : undefined;
          continue;
        }
        const hex = t[2] ?? [...(t[3] ?? '').matchAll(/<([0-9A-Fa-f]*)>/g)].map((x) => x[1]).join('');
        if (map) for (const code of hex.match(/.{4}/g) ?? []) text += map.get(code.toUpperCase()) ?? '';
      }
    }
    return text;
  });
}
