/**
 * What `natuurpact verken` puts into `verkenner.html` beside the browser build: the data files the
 * scenario runs on (their bytes, as read), the scenario's validated content and where both came from.
 * The page builds the dataset from these bytes with the same reader as the command line
 * (`buildDataset`), so it never reads a file.
 *
 * The scenario content holds decimals; in JSON they are tagged, `{"$d": "0.03"}`, so that they come
 * back as the same exact decimals (never through a float).
 */
import { Decimal } from '../core/decimal.js';
import type { DataFileInput, Layer } from '../io/load.js';

/** One data file: UTF-8 text where the bytes are exactly that, else base64. */
export interface PayloadFile {
  readonly name: string;
  readonly label: string;
  readonly laag: Layer;
  readonly sha256: string;
  readonly tekst?: string;
  readonly base64?: string;
}

export interface ExplorerPayload {
  /** natuurpact version that wrote the page. */
  readonly versie: string;
  readonly scenario: {
    /** The scenario file as given to `verken` (for the page's text). */
    readonly bestand: string;
    /** What an exported scenario names as its `basis:` (the file name, so the export lies beside it). */
    readonly basis: string;
    /** The validated content of the scenario (its chain of bases merged), tagged JSON. */
    readonly inhoud: unknown;
    /** The scenario's own `constructies` as its files write them (source text), when it lists any. */
    readonly constructiesBron?: unknown;
    /** Every scenario file read (base first), with its sha256. */
    readonly bestanden: readonly { readonly pad: string; readonly sha256: string }[];
  };
  readonly gegevens: readonly PayloadFile[];
}

/** JSON text of a value with its decimals tagged; `<` escaped so the text can sit inside a script element. */
export function encodeTagged(value: unknown): string {
  const text = JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    // JSON.stringify calls Decimal#toJSON before the replacer sees the value: look at the holder.
    const raw = this[key];
    return raw instanceof Decimal ? { $d: raw.toString() } : v;
  });
  return text.replaceAll('<', '\\u003c');
}

/** The value {@link encodeTagged} wrote, with its decimals back. */
export function decodeTagged(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      if (keys.length === 1 && keys[0] === '$d' && typeof (v as { $d: unknown }).$d === 'string') return new Decimal((v as { $d: string }).$d);
    }
    return v;
  });
}

// btoa and atob work on "binary strings" (one character per byte); both exist in browsers and Node.
const toBase64 = (bytes: Uint8Array) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** A data file for the page: as text when its bytes are exactly that UTF-8 text (the shipped files are). */
export function payloadFile(input: DataFileInput, sha256: string): PayloadFile {
  const base = { name: input.name, label: input.label, laag: input.laag, sha256 };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(input.bytes);
    const again = new TextEncoder().encode(text);
    if (again.length === input.bytes.length && again.every((b, i) => b === input.bytes[i])) return { ...base, tekst: text };
  } catch {
    // not UTF-8: kept as base64 below
  }
  return { ...base, base64: toBase64(input.bytes) };
}

/** The data file as the reader takes it, with the bytes `verken` read. */
export function dataFileInput(file: PayloadFile): DataFileInput {
  const bytes = file.tekst !== undefined ? new TextEncoder().encode(file.tekst) : fromBase64(file.base64 ?? '');
  return { name: file.name, label: file.label, laag: file.laag, bytes };
}
