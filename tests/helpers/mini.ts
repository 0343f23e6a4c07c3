/**
 * A small, complete, hand-written dataset for tests that must not depend on the shipped figures.
 * Numbers here are made up for arithmetic checks and are labelled `aanname` where they stand.
 */
import type { DataFileInput, Layer } from '../../src/io/load.js';

const enc = new TextEncoder();

export function file(name: string, text: string, laag: Layer = 'meegeleverd'): DataFileInput {
  return { name, label: `${laag === 'eigen' ? 'eigen' : 'data'}/${name}`, bytes: enc.encode(text), laag };
}

const PROVS = ['PV20', 'PV21', 'PV22', 'PV23', 'PV24', 'PV25', 'PV26', 'PV27', 'PV28', 'PV29', 'PV30', 'PV31'];
const NAMES = ['Groningen', 'Fryslân', 'Drenthe', 'Overijssel', 'Flevoland', 'Gelderland', 'Utrecht', 'Noord-Holland', 'Zuid-Holland', 'Zeeland', 'Noord-Brabant', 'Limburg'];
/** Land areas 1..12 × 100 km2, so shares are easy to check by hand (sum 7800). */
export const MINI_AREA = PROVS.map((_, i) => (i + 1) * 100);
/** EHS areas 12..1 × 1000 ha, in the other order, so a key by EHS differs from one by land area (sum 78000). */
export const MINI_EHS = PROVS.map((_, i) => (12 - i) * 1000);

export function miniFiles(overrides: Record<string, string> = {}): DataFileInput[] {
  const files: Record<string, string> = {
    'bronnen.csv':
      'id,titel,uitgever,datum,url,vindplaats,geraadpleegd\n' +
      't-np,Testbron Natuurpact,Testuitgever,2019-04-03,https://example.org/np,,2026-11-28\n' +
      't-pf,Testbron Provinciefonds,Testuitgever,2018-09-18,https://example.org/pf,,2026-11-28\n' +
      't-cbs,Testbron CBS,Testuitgever,2016,https://example.org/cbs,,2026-11-28\n',
    'provincies.csv':
      'provincie,naam,kenmerk,jaar,waarde,eenheid,status,bron,vindplaats,methode\n' +
      PROVS.map((p, i) => `${p},${NAMES[i]},oppervlakte_land,2020,${MINI_AREA[i]},km2,realisatie,t-cbs,Tabel 1,`).join('\n') +
      '\n' +
      PROVS.map((p, i) => `${p},${NAMES[i]},ehs_ha_2006,2006,${MINI_EHS[i]},ha,realisatie,t-cbs,Tabel 3,`).join('\n') +
      '\n',
    'macro.csv':
      'reeks,publicatie,publicatiedatum,jaar,waarde,eenheid,status,bron,vindplaats,methode\n' +
      'bbp_volume,test-2020,2020-03,2019,1.7,%,realisatie,t-cbs,Tabel 1,\n',
    'provinciefonds.csv':
      'post,provincie,jaar,publicatie,waarde,eenheid,status,bron,vindplaats,methode\n' +
      'du_natuur,NL,2016,owb2017,446,EUR mln,begroting,t-pf,Tabel 3,\n' +
      'du_natuur,NL,2018,owb2018,346,EUR mln,begroting,t-pf,Tabel 4,\n',
    'natuurpact.csv':
      'onderdeel,provincie,van,tot,grondslag,waarde,eenheid,status,bron,vindplaats,methode\n' +
      'natuurpact.beheer,NL,2014,2027,per_jaar,315,EUR mln,begroting,t-np,Tabel,\n' +
      'natuurpact.ontwikkeling,NL,2014,2027,per_jaar,100,EUR mln,begroting,t-np,Tabel,\n' +
      'natuurpact.beheer.eu_pop3,NL,2014,2027,per_jaar,40,EUR mln,begroting,t-np,Tabel,\n' +
      'natuurpact.beheer.provincies,NL,2014,2027,per_jaar,65,EUR mln,begroting,t-np,Tabel,\n' +
      'programma_natuur.fase1,NL,2021,2023,totaal,600,EUR mln,begroting,t-np,Tekst,\n',
    'uitgaven.csv':
      'provincie,jaar,taak,soort,waarde,eenheid,status,bron,vindplaats,methode\n' +
      'NL,2015,totaal,begroting,500,EUR mln,begroting,t-cbs,Tabel 2,\n' +
      'PV23,2015,totaal,begroting,100,EUR mln,begroting,t-cbs,Tabel 2,\n' +
      'PV28,2019,natuurbeheer,realisatie,11.5,EUR mln,realisatie,t-cbs,Tabel 5,\n',
    'inkomsten.csv':
      'provincie,jaar,stroom,waarde,eenheid,status,bron,vindplaats,methode\n' +
      'PV22,2022,programma_natuur,20,EUR mln,realisatie,t-np,Tekst,\n',
    'kostendrivers.csv':
      'driver,provincie,jaar,waarde,eenheid,status,bron,vindplaats,methode\n' +
      'anlb_uitbetaald,NL,2016,40,EUR mln,realisatie,t-np,Tabel,\n' +
      'anlb_uitbetaald,NL,2020,80,EUR mln,realisatie,t-np,Tabel,\n' +
      'faunaschade,NL,2018,20,EUR mln,realisatie,t-np,Tabel,\n' +
      'faunaschade,NL,2022,40,EUR mln,realisatie,t-np,Tabel,\n' +
      'nnn_gerealiseerd_ha,NL,2023,48511,ha,realisatie,t-np,Tabel,\n',
    'sleutels.csv':
      'sleutel,provincie,waarde,eenheid,status,bron,vindplaats,methode\n' +
      'natuurpact,PV21,9.6,%,aanname,,,testaanname\n',
    'aannames.csv':
      'naam,waarde,eenheid,status,bron,methode\n' +
      'aandeel_verwerving_in_ontwikkeling,0.5,fractie,aanname,,test\n' +
      'aandeel_uitvoering,10,%,aanname,,test\n' +
      'herstel_voor_programma_natuur,0,EUR mln,aanname,,test\n' +
      'niveau.dekking_voor_gemiddelde,50,%,aanname,,test\n',
    ...overrides,
  };
  return Object.entries(files).map(([name, text]) => file(name, text));
}
