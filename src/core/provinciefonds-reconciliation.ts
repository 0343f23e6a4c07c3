/**
 * Reconciliation sources for the Provinciefonds: the published fund stands against the ledger
 * (`provinciefonds.ts`), each difference split into published components the ledger does not carry.
 *
 * - `pf.vjn2024.<jaar>` (2024-2029): Voorjaarsnota 2024, Provinciefonds + Accres Provinciefonds
 *   (stand Voorjaarsnota) against the ledger's AU with the bbp-systematiek from 2024. The ledger is
 *   the algemene uitkering only, so the explained parts are the decentralisatie-uitkeringen (there
 *   are no integratie-uitkeringen since the PF has none), the Voorjaarsnota's overboekingen and
 *   incidental items, and the BCF reservation that the accres chapter holds besides the accres
 *   (stand Miljoenennota 2024: derived for 2024, estimated after; see `BCF_RESERVATION`).
 * - `accres.vjn2024.stijging.<jaar>` (2025-2029): the year-on-year rise of the accres chapter against
 *   the ledger's accres from the rule; explained: the rise of the BCF reservation and the part of the
 *   2024 tranche that moves between the fund and the chapter.
 * - `pf.owb2026.2026`: the Provinciefonds in the begroting 2026 (no accres chapter: the 2026 accres
 *   is in the fund) against the ledger's AU 2026. Explained: the DUs (OWB 2024 stand) and the VJN 2024
 *   overboekingen; the mutations after the VJN 2024 (VJN 2025, MN 2026: new DUs, transfers of specific
 *   grants into the fund, task mutations) are not itemised in the stored sources and stay unexplained.
 * - `pf.mn2024.<jaar>` (2024-2028): the Miljoenennota 2024 stand (normering until 2026, bbp from 2027
 *   on MEV 2024 figures) against the ledger with the bbp-systematiek from 2027; for 2024-2026 this
 *   checks that the normering path counts the 2024 tranche once.
 */
import type { Dataset, FundFact } from './dataset.js';
import type { Decimal } from './decimal.js';
import { UserError } from './errors.js';
import { BCF_RESERVATION, mutationLevels, provinciefondsLedger, type Ledger, type LedgerYear } from './provinciefonds.js';
import type { ExplainedPart, PublishedFigure, ReconciliationContext, ReconciliationSource } from './reconciliation.js';
import { weakestStatus } from './status.js';

const GROUP = 'Provinciefonds';
const LAST_YEAR = 2029;

function row(data: Dataset, post: string, publicatie: string, jaar: number): FundFact {
  const r = data.provinciefonds.find((x) => x.post === post && x.publicatie === publicatie && x.jaar === jaar && x.provincie === 'NL');
  if (!r) throw new UserError({ message: `aansluiting: ${post} ${jaar} (${publicatie}, NL) ontbreekt in provinciefonds.csv` });
  return r;
}

function optionalRow(data: Dataset, post: string, publicatie: string, jaar: number): FundFact | undefined {
  return data.provinciefonds.find((x) => x.post === post && x.publicatie === publicatie && x.jaar === jaar && x.provincie === 'NL');
}

function ledger(ctx: ReconciliationContext, startBbp: number): Ledger {
  return ctx.memo(`provinciefonds:${startBbp}`, () => provinciefondsLedger(ctx.data, { tot: LAST_YEAR, startBbp }));
}

function ledgerYear(ctx: ReconciliationContext, startBbp: number, jaar: number): LedgerYear {
  const y = ledger(ctx, startBbp).jaren.find((x) => x.jaar === jaar);
  if (!y) throw new UserError({ message: `aansluiting: het Provinciefonds-grootboek heeft geen jaar ${jaar}` });
  return y;
}

const part = (omschrijving: string, r: FundFact, sign = 1): ExplainedPart => ({
  omschrijving,
  waarde: sign === 1 ? r.waarde : r.waarde.negated(),
  status: r.status,
  bron: r.bron,
});

/** The DU stand of a year: OWB 2024 tabel 7, and for 2029 the Voorjaarsnota's extrapolation of 2028. */
function duPart(data: Dataset, jaar: number): ExplainedPart {
  const r = optionalRow(data, 'decentralisatie_uitkeringen', 'owb2024', jaar) ?? row(data, 'decentralisatie_uitkeringen', 'vjn2024-extrapolatie', jaar);
  return part(`decentralisatie-uitkeringen ${jaar} (stand OWB 2024; integratie-uitkeringen: geen)`, r);
}

/** The BCF reservation in the accres chapter, stand Miljoenennota 2024 (2024 derived, later years estimated). */
function bcfRow(data: Dataset, jaar: number): FundFact {
  return row(data, 'accres.reservering_bcf', BCF_RESERVATION, jaar);
}

const bcfLabel = (r: FundFact) => (r.status === 'schatting' ? 'schatting: stand 2024 plus de stijging uit MN 2022' : 'stand Miljoenennota 2024, afgeleid');

/** The 2024 tranche in the fund after the Voorjaarsnota 2024 bijstelling (both reeks, the last amount held). */
function fundTranche2024(data: Dataset, jaar: number): { waarde: Decimal; rows: FundFact[] } {
  const a = mutationLevels(data, { post: 'accres_tranche', publicatie: 'owb2024' }).level(jaar);
  const b = mutationLevels(data, { post: 'accres_tranche.bijstelling', publicatie: 'vjn2024' }).level(jaar);
  return { waarde: a.waarde.plus(b.waarde), rows: [a.rij, b.rij].filter((r): r is FundFact => r !== undefined) };
}

/** A fund stand: the Provinciefonds plus the Accres Provinciefonds chapter of one publication. */
function fundAndChapter(data: Dataset, publicatie: string, jaar: number): PublishedFigure {
  const pf = row(data, 'pf_totaal', publicatie, jaar);
  const acc = row(data, 'accres', publicatie, jaar);
  return {
    waarde: pf.waarde.plus(acc.waarde),
    status: weakestStatus([pf.status, acc.status]),
    bron: [...pf.bron, ...acc.bron],
    uitleg: `Provinciefonds ${jaar} (${pf.vindplaats}) + Accres Provinciefonds ${jaar} (${acc.vindplaats})`,
  };
}

function vjn2024Stand(jaar: number): ReconciliationSource {
  return {
    id: `pf.vjn2024.${jaar}`,
    groep: GROUP,
    omschrijving: `Provinciefonds + Accres Provinciefonds ${jaar}, stand Voorjaarsnota 2024`,
    jaar,
    published: ({ data }) => fundAndChapter(data, 'vjn2024', jaar),
    model: (ctx) => ({ waarde: ledgerYear(ctx, 2024, jaar).algemeneUitkering, uitleg: 'algemene uitkering met gereserveerd accres, grootboek met bbp-systematiek vanaf 2024' }),
    verklaard: ({ data }) => {
      const parts: ExplainedPart[] = [duPart(data, jaar)];
      const items: [string, string][] = [
        ['mutatie.regionaal_ov', 'Regionaal OV (overboeking VJN 2024, eenmalig)'],
        ['mutatie.bcf_afrekening_pf', 'afrekening ruimte onder het BCF-plafond 2023 (VJN 2024, eenmalig)'],
        ['mutatie.overige_overboekingen', 'overige overboekingen met andere begrotingen (VJN 2024)'],
        ['mutatie.vergunningverlening', 'versterking vergunningverlening maatwerkaanpak (VJN 2024, eenmalig)'],
        ['mutatie.omgevingswet', 'uitvoeringskosten Omgevingswet (VJN 2024, eenmalig)'],
      ];
      for (const [post, text] of items) {
        const r = optionalRow(data, post, 'vjn2024', jaar);
        if (r) parts.push(part(text, r));
      }
      const bcf = bcfRow(data, jaar);
      parts.push(part(`reservering BTW-compensatiefonds in het accreshoofdstuk ${jaar} (${bcfLabel(bcf)})`, bcf));
      return parts;
    },
  };
}

function vjn2024Rise(jaar: number): ReconciliationSource {
  return {
    id: `accres.vjn2024.stijging.${jaar}`,
    groep: GROUP,
    omschrijving: `stijging van het Accres Provinciefonds ${jaar - 1}-${jaar}, stand Voorjaarsnota 2024`,
    jaar,
    published: ({ data }) => {
      const now = row(data, 'accres', 'vjn2024', jaar);
      const before = row(data, 'accres', 'vjn2024', jaar - 1);
      return {
        waarde: now.waarde.minus(before.waarde),
        status: weakestStatus([now.status, before.status]),
        bron: now.bron,
        uitleg: `Accres Provinciefonds ${jaar} − ${jaar - 1} (${now.vindplaats})`,
      };
    },
    model: (ctx) => ({ waarde: ledgerYear(ctx, 2024, jaar).accresRegel, uitleg: `accres ${jaar} door de bbp-systematiek (AU ${jaar - 1} × (factor − 1)), zonder de wijziging van eerdere tranches` }),
    verklaard: ({ data }) => {
      const now = bcfRow(data, jaar);
      const before = bcfRow(data, jaar - 1);
      const trNow = fundTranche2024(data, jaar);
      const trBefore = fundTranche2024(data, jaar - 1);
      return [
        {
          omschrijving: `stijging van de BCF-reservering in het accreshoofdstuk (${[before, now].map((r) => (r.status === 'schatting' ? 'schatting' : 'MN 2024, afgeleid')).join(' → ')})`,
          waarde: now.waarde.minus(before.waarde),
          status: weakestStatus([now.status, before.status]),
          bron: [...new Set([...now.bron, ...before.bron])],
        },
        {
          omschrijving: 'verschuiving van de tranche 2024 tussen fonds en accreshoofdstuk (tranche OWB 2024 + bijstelling VJN 2024; een daling in het fonds is een stijging in het hoofdstuk)',
          waarde: trBefore.waarde.minus(trNow.waarde),
          status: weakestStatus([...trNow.rows, ...trBefore.rows].map((r) => r.status)),
          bron: [...new Set([...trNow.rows, ...trBefore.rows].flatMap((r) => r.bron))],
        },
      ];
    },
  };
}

const owb2026: ReconciliationSource = {
  id: 'pf.owb2026.2026',
  groep: GROUP,
  omschrijving: 'Provinciefonds 2026, ontwerpbegroting 2026',
  jaar: 2026,
  published: ({ data }) => {
    const r = row(data, 'pf_totaal', 'owb2026', 2026);
    return { waarde: r.waarde, status: r.status, bron: r.bron, uitleg: `Provinciefonds 2026 (${r.vindplaats})` };
  },
  model: (ctx) => ({ waarde: ledgerYear(ctx, 2024, 2026).algemeneUitkering, uitleg: 'algemene uitkering 2026 met accres, grootboek met bbp-systematiek vanaf 2024' }),
  verklaard: ({ data }) => [duPart(data, 2026), part('overige overboekingen met andere begrotingen 2026 (VJN 2024)', row(data, 'mutatie.overige_overboekingen', 'vjn2024', 2026))],
};

function mn2024Stand(jaar: number): ReconciliationSource {
  return {
    id: `pf.mn2024.${jaar}`,
    groep: GROUP,
    omschrijving: `Provinciefonds + Accres Provinciefonds ${jaar}, stand Miljoenennota 2024 (normering tot en met 2026)`,
    jaar,
    published: ({ data }) => fundAndChapter(data, 'mn2024', jaar),
    model: (ctx) => ({ waarde: ledgerYear(ctx, 2027, jaar).algemeneUitkering, uitleg: 'algemene uitkering met gereserveerd accres, grootboek met normering tot en met 2026 en bbp-systematiek vanaf 2027' }),
    verklaard: ({ data }) => {
      const parts: ExplainedPart[] = [duPart(data, jaar)];
      const bcf = bcfRow(data, jaar);
      parts.push(part(`reservering BTW-compensatiefonds in het accreshoofdstuk ${jaar} (${bcfLabel(bcf)})`, bcf));
      const ops = mutationLevels(data, { post: 'mutatie.opschalingskorting', publicatie: 'vjn2024' }).level(jaar);
      if (!ops.waarde.isZero() && ops.rij) {
        parts.push({ omschrijving: 'schrappen oploop opschalingskorting (VJN 2024): in het grootboek, nog niet in de stand van de Miljoenennota 2024', waarde: ops.waarde.negated(), status: ops.rij.status, bron: ops.rij.bron });
      }
      return parts;
    },
  };
}

const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Every Provinciefonds reconciliation source, in display order. */
export const FUND_RECONCILIATION_SOURCES: readonly ReconciliationSource[] = [
  ...years(2024, LAST_YEAR).map(vjn2024Stand),
  ...years(2025, LAST_YEAR).map(vjn2024Rise),
  owb2026,
  ...years(2024, 2028).map(mn2024Stand),
];
