/**
 * `verkenner.html`: one self-contained file, the browser build of the engine (`script`, made by
 * `scripts/build-explorer.mjs`) with the data and scenario it runs on (`payload`) and its styles.
 *
 * A Content-Security-Policy allows only this page's own script and style (by their sha256) and
 * `data:` images: the browser itself refuses any request the page might try. The same inputs give
 * the same bytes (no timestamps).
 */
import { encodeTagged, type ExplorerPayload } from './payload.js';

const STYLE = `
*{box-sizing:border-box}
body{font-family:Helvetica,Arial,sans-serif;color:#222;margin:0;line-height:1.4;font-size:15px}
header{padding:.8rem 1rem;border-bottom:1px solid #ddd}
h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.1rem;margin:1.2rem 0 .4rem}
.lead{margin:.2rem 0}.note{font-size:.85rem;color:#444;margin:.3rem 0}.klein{font-size:.8rem;font-weight:normal}
code{background:#f4f4f4;padding:0 .2rem;overflow-wrap:anywhere}
.layout{display:grid;grid-template-columns:minmax(0,1fr);gap:1rem;padding:0 1rem 2rem}
@media (min-width:900px){.layout{grid-template-columns:minmax(18rem,24rem) minmax(0,1fr)}.invoer{max-height:calc(100vh - 1rem);overflow-y:auto;position:sticky;top:.5rem}}
.invoer{min-width:0}.uitvoer{min-width:0}
fieldset{border:1px solid #ddd;margin:.6rem 0;padding:.4rem .6rem;min-width:0}legend{font-weight:bold}
details.groep{border:1px solid #ddd;margin:.6rem 0;padding:.3rem .6rem}details.groep>summary{font-weight:bold;cursor:pointer}
.veld{margin:.5rem 0;padding-top:.3rem;border-top:1px solid #f0f0f0}
label.rij{display:flex;justify-content:space-between;align-items:center;gap:.5rem;flex-wrap:wrap}
input[type=text]{width:8rem;max-width:100%;padding:.2rem .3rem;font:inherit}select{max-width:100%;font:inherit}
#naam,#beschrijving{width:100%}
.eenheid{color:#666;font-size:.85rem}
.uitleg{font-size:.78rem;color:#555;margin:.2rem 0;overflow-wrap:anywhere}
.melding{font-size:.85rem;margin:.2rem 0}.melding.fout{color:#b00020}.melding.waarschuwing{color:#8a5a00}
input[aria-invalid=true]{border-color:#b00020;background:#fff4f4}
.jaren{display:grid;grid-template-columns:repeat(auto-fill,minmax(6.5rem,1fr));gap:.3rem}.jaren label{font-size:.8rem}.jaren input{width:100%}
.knoppen{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;margin:.4rem 0}button{font:inherit;padding:.3rem .6rem;cursor:pointer}
pre{white-space:pre-wrap;overflow-wrap:anywhere;font-size:.8rem;background:#f8f8f8;padding:.4rem}
.fout{color:#b00020}#problemen .fout{border:1px solid #b00020;background:#fff4f4;padding:.4rem .8rem;margin:.6rem 0}
.verouderd #kerncijfers,.verouderd figure,.verouderd .tabel{opacity:.45}
.cijfers{display:grid;grid-template-columns:repeat(auto-fill,minmax(10rem,1fr));gap:.5rem}
.kerncijfer{border:1px solid #ddd;padding:.4rem .6rem;cursor:pointer;background:#fafafa}.kerncijfer .label{display:block;font-size:.8rem;color:#555}.kerncijfer .waarde{font-size:1.3rem;font-variant-numeric:tabular-nums}
figure{margin:.8rem 0}figcaption{font-size:.8rem;color:#555}svg .cel{cursor:pointer}svg text{fill:#333}
.tabel{overflow-x:auto;max-width:100%;border:1px solid #eee}
table{border-collapse:collapse;font-size:.8rem}th,td{padding:.15rem .4rem;border-bottom:1px solid #eee;white-space:nowrap}
thead th{background:#f4f4f4;position:sticky;top:0}tbody th{text-align:left;position:sticky;left:0;background:#fff;font-weight:normal}
.r{text-align:right;font-variant-numeric:tabular-nums}td.cel{cursor:pointer}td.cel:hover,td.cel:focus{background:#eef}
td.schatting,td.aanname{color:#555}th.start{border-left:2px solid #999}
.status{font-size:.75rem;border:1px solid #ccc;border-radius:3px;padding:0 .25rem;color:#444}
dialog::backdrop{background:rgba(0,0,0,.35)}dialog{max-width:min(44rem,calc(100vw - 2rem));width:100%;border:1px solid #999}dialog ul{padding-left:1.2rem}dialog li{margin:.3rem 0;overflow-wrap:anywhere}
.exact{font-size:1.1rem;font-variant-numeric:tabular-nums}
.herkomst ul{padding-left:1.2rem}
`;

/** `</` inside a script element would end it; JSON and the bundle never need it literally. */
function scriptSafe(text: string): string {
  if (/<\/script/i.test(text)) throw new Error('the explorer bundle contains </script; it cannot be inlined');
  return text;
}

/**
 * The page. `sha256` hashes text to base64 (the CSP form); it is passed in because the writer runs
 * in Node while this module stays free of Node imports.
 *
 * @example
 *   explorerHtml(payload, bundleText, (t) => createHash('sha256').update(t).digest('base64'))
 */
export function explorerHtml(payload: ExplorerPayload, script: string, sha256: (text: string) => string): string {
  const data = encodeTagged(payload);
  const code = scriptSafe(script);
  const csp = [`default-src 'none'`, `script-src 'sha256-${sha256(code)}'`, `style-src 'sha256-${sha256(STYLE)}'`, `img-src data:`, `base-uri 'none'`, `form-action 'none'`].join('; ');
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>Verkenner: ${payload.scenario.bestand.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</title>
<style>${STYLE}</style>
</head>
<body>
<noscript><p>De verkenner rekent met JavaScript in deze pagina; zet JavaScript aan. Er gaat niets over het netwerk.</p></noscript>
<div id="verkenner"><p>De verkenner wordt geladen…</p></div>
<script type="application/json" id="verkenner-gegevens">${data}</script>
<script>${code}</script>
</body>
</html>
`;
}
