/**
 * Fetching a CBS table from its open-data OData (v3) service: the only network access of the tool,
 * and only when the user asks for it (`natuurpact data cbs --download TABEL`).
 *
 * For table T it fetches `<basis>/<T>/TableInfos`, `/DataProperties`, every dimension list named
 * there, and `/TypedDataSet` (following `odata.nextLink` page by page), each with `$format=json`.
 * Every response is kept as CBS sent it, with its address and sha256, so the overlay can say exactly
 * what was read. A failed connection, a timeout or an HTTP error is a {@link UserError} in Dutch;
 * nothing is written then.
 */
import { UserError } from '../core/errors.js';
import { sha256 } from './write-outputs.js';

/** CBS's open-data OData v3 service (`ODataApi`, for selections of a table; see the README). */
export const CBS_ODATA_URL = 'https://opendata.cbs.nl/ODataApi/odata';

/** At most this many pages of `TypedDataSet` (CBS serves 10,000 records a page). */
const MAX_PAGES = 100;

export interface FetchedPart {
  readonly naam: string;
  readonly url: string;
  readonly sha256: string;
  readonly json: unknown;
}

export interface Download {
  readonly tabel: string;
  readonly basis: string;
  readonly delen: readonly FetchedPart[];
  /** The parts as {@link parseODataParts} reads them (TypedDataSet as a list of pages). */
  readonly parts: Readonly<Record<string, unknown>>;
}

function withFormat(url: string): string {
  return url.includes('$format=') ? url : `${url}${url.includes('?') ? '&' : '?'}$format=json`;
}

async function getJson(url: string, naam: string, timeoutMs: number): Promise<FetchedPart> {
  let response: Response;
  try {
    response = await fetch(withFormat(url), { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
  } catch (e) {
    const cause = e instanceof Error ? ((e.cause as { code?: string } | undefined)?.code ?? e.name) : String(e);
    const why =
      cause === 'TimeoutError'
        ? `geen antwoord binnen ${Math.round(timeoutMs / 1000)} seconden`
        : cause === 'ENOTFOUND' || cause === 'EAI_AGAIN'
          ? 'de naam van de server is niet te vinden (geen netwerk?)'
          : cause === 'ECONNREFUSED'
            ? 'de verbinding werd geweigerd'
            : `verbinding mislukt (${cause})`;
    throw new UserError({ message: `kan ${naam} niet ophalen bij CBS (${url}): ${why}. Zonder netwerk: download de tabel in StatLine en gebruik --bestand` });
  }
  const text = await response.text();
  if (!response.ok) {
    throw new UserError({
      message:
        response.status === 404
          ? `CBS kent ${url} niet (HTTP 404): bestaat tabel of onderdeel ${naam}?`
          : `CBS antwoordde met HTTP ${response.status} op ${url}; probeer het later opnieuw`,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UserError({ message: `het antwoord van CBS op ${url} is geen JSON; verwacht een OData-antwoord` });
  }
  return { naam, url, sha256: sha256(text), json };
}

/**
 * Downloads a table's parts.
 *
 * @example
 *   const d = await downloadCbsTable('84322NED');
 *   parseODataParts(d.parts, 'CBS 84322NED')
 */
export async function downloadCbsTable(tabel: string, basis: string = CBS_ODATA_URL, timeoutMs = 60_000): Promise<Download> {
  if (!/^[0-9]{5}[A-Z]{3}$/i.test(tabel)) throw new UserError({ message: `'${tabel}' is geen CBS-tabelnummer; verwacht vijf cijfers en drie letters, bijvoorbeeld 84322NED` });
  const root = `${basis.replace(/\/+$/, '')}/${tabel}`;
  const delen: FetchedPart[] = [];
  const info = await getJson(`${root}/TableInfos`, 'TableInfos', timeoutMs);
  const props = await getJson(`${root}/DataProperties`, 'DataProperties', timeoutMs);
  delen.push(info, props);
  const list = (props.json as { value?: { Key?: string; Type?: string }[] }).value;
  if (!Array.isArray(list)) throw new UserError({ message: `DataProperties van ${tabel} heeft geen lijst 'value'; is dit een OData-tabel van CBS?` });
  const dims = list.filter((p) => /Dimension$/.test(String(p.Type)) && p.Key).map((p) => String(p.Key));
  const parts: Record<string, unknown> = { TableInfos: info.json, DataProperties: props.json };
  for (const d of dims) {
    const part = await getJson(`${root}/${d}`, d, timeoutMs);
    delen.push(part);
    parts[d] = part.json;
  }
  const pages: unknown[] = [];
  let next: string | undefined = `${root}/TypedDataSet`;
  for (let i = 0; next !== undefined; i++) {
    if (i >= MAX_PAGES) throw new UserError({ message: `TypedDataSet van ${tabel} heeft meer dan ${MAX_PAGES} pagina's; kies een kleinere selectie` });
    const page: FetchedPart = await getJson(next, `TypedDataSet (pagina ${i + 1})`, timeoutMs);
    delen.push(page);
    pages.push(page.json);
    const link = (page.json as Record<string, unknown>)['odata.nextLink'];
    next = typeof link === 'string' && link !== '' ? link : undefined;
  }
  parts.TypedDataSet = pages;
  return { tabel: tabel.toUpperCase(), basis, delen, parts };
}
