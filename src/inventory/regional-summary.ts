// The regional summary of the inventories, per police unit, as the regional mayors made it in 2016
// ("Hoofdpunten inventarisatie per regio": per unit, what mayors receive and what they still
// need): how many gemeenten answered, per product how many receive it, partly or not while they
// want it ("ontbreekt"), how satisfied they are, and the gaps in plain Dutch. Pure: the numbers
// (`summarize`) and the document (`summaryDocument`) depend only on their input.
//
// What the summary leaves out: the notes (toelichting) and who filled an inventory in. Notes are
// free text and may name people or cases; the names of officials are personal data. So the
// summary holds only counts of gemeenten, averages of their scores, and the gemeenten's names,
// which is why it can be open (see inventory-access.ts).

import type { ProductDocument, Row, TableBlock } from "../products/product-document.ts";
import { listNl } from "../render/format-nl.ts";
import { CATALOG_ENTRIES, type CatalogEntry } from "./catalog-entries.ts";
import type { StoredInventory } from "./inventory-store.ts";
import type { UnitGemeente } from "./police-units.ts";

/** Product id of the summary (in the register and file names). */
export const SUMMARY_PRODUCT = "informatiepositie";

/** The answers about one product in one unit. */
export interface ProductTally {
  id: string;
  title: string;
  /** Gemeenten that receive it ("ontvangt": "ja"). */
  receives: number;
  /** Gemeenten that receive part of it ("deels"). */
  partly: number;
  /** Gemeenten that want it but do not receive it ("gewenst": "ja", "ontvangt": "nee"). */
  missing: number;
  /** Gemeenten that want it. */
  wanted: number;
  /** Gemeenten that receive it (fully or partly) but do not want it (anymore). */
  unwanted: number;
  /** Gemeenten that receive and want it, at another frequency than it comes now. */
  otherFrequency: number;
  /** Mean satisfaction (1–5) of the gemeenten that gave a score; null when none did. */
  satisfaction: number | null;
  /** Number of scores. */
  ratings: number;
}

/** Whether a gemeente of the unit answered, and its newest version. */
export interface GemeenteAnswer {
  code: string;
  name: string;
  answered: boolean;
  version: number | null;
  /** When the newest version was saved (ISO 8601); null without an answer. */
  savedAt: string | null;
}

export interface RegionalSummary {
  eenheid: { code: string; name: string };
  gemeenten: GemeenteAnswer[];
  /** Number of gemeenten that answered. */
  answered: number;
  /** Every catalog entry, in catalog order. */
  products: ProductTally[];
  /** Products some gemeente wants but does not get, the most missed first. */
  gaps: ProductTally[];
  /** Mean of all scores, over all products and gemeenten; null when there are none. */
  satisfaction: number | null;
  ratings: number;
}

export interface SummaryInput {
  eenheid: { code: string; name: string };
  /** All gemeenten of the unit (those without an answer count too). */
  gemeenten: readonly UnitGemeente[];
  /** The newest inventory of any gemeente; those of gemeenten outside the unit are left out. */
  inventories: readonly StoredInventory[];
  entries?: readonly CatalogEntry[];
}

export function summarize(input: SummaryInput): RegionalSummary {
  const entries = input.entries ?? CATALOG_ENTRIES;
  const byCode = new Map(input.inventories.map((i) => [i.gemeente, i]));
  const gemeenten: GemeenteAnswer[] = input.gemeenten.map((g) => {
    const inv = byCode.get(g.code);
    return {
      code: g.code,
      name: g.name,
      answered: inv !== undefined,
      version: inv?.versie ?? null,
      savedAt: inv?.ingevuldOp ?? null,
    };
  });
  const answers = input.gemeenten.flatMap((g) => {
    const inv = byCode.get(g.code);
    return inv ? [inv.inventaris] : [];
  });
  const allScores: number[] = [];
  const products = entries.map((entry): ProductTally => {
    const t: ProductTally = {
      id: entry.id,
      title: entry.title,
      receives: 0,
      partly: 0,
      missing: 0,
      wanted: 0,
      unwanted: 0,
      otherFrequency: 0,
      satisfaction: null,
      ratings: 0,
    };
    const scores: number[] = [];
    for (const inv of answers) {
      const a = inv.producten[entry.id];
      if (!a) continue;
      const gets = a.ontvangt !== "nee";
      if (a.ontvangt === "ja") t.receives++;
      if (a.ontvangt === "deels") t.partly++;
      if (a.gewenst === "ja") t.wanted++;
      if (a.gewenst === "ja" && !gets) t.missing++;
      if (a.gewenst === "nee" && gets) t.unwanted++;
      if (
        a.gewenst === "ja" &&
        gets &&
        a.frequentie !== null &&
        a.gewensteFrequentie !== null &&
        a.frequentie !== a.gewensteFrequentie
      )
        t.otherFrequency++;
      if (a.tevredenheid !== null) scores.push(a.tevredenheid);
    }
    t.ratings = scores.length;
    t.satisfaction = mean(scores);
    allScores.push(...scores);
    return t;
  });
  const gaps = products
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => p.missing > 0)
    .sort((a, b) => b.p.missing - a.p.missing || b.p.partly - a.p.partly || a.i - b.i)
    .map(({ p }) => p);
  return {
    eenheid: input.eenheid,
    gemeenten,
    answered: answers.length,
    products,
    gaps,
    satisfaction: mean(allScores),
    ratings: allScores.length,
  };
}

function mean(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length;
}

// --- The document -------------------------------------------------------------------------------

const dateNl = new Intl.DateTimeFormat("nl-NL", { timeZone: "Europe/Amsterdam", dateStyle: "long" });
/** yyyy-mm-dd in Amsterdam. */
const dateIso = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Amsterdam",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
const oneDecimal = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

const gemeenten = (n: number) => `${n} ${n === 1 ? "gemeente" : "gemeenten"}`;
const listWithCounts = (tallies: ProductTally[], count: (t: ProductTally) => number) =>
  listNl(tallies.map((t) => `${t.title} (${gemeenten(count(t))})`));

/** The summary as a product document: every format (HTML, PDF, XLSX, CSV, JSON) renders it. */
export function summaryDocument(s: RegionalSummary, now: Date): ProductDocument {
  const day = dateIso.format(now);
  const month = Number(day.slice(0, 4)) * 100 + Number(day.slice(5, 7));
  const total = s.gemeenten.length;
  return {
    product: SUMMARY_PRODUCT,
    title: `Informatiepositie burgemeesters, eenheid ${s.eenheid.name}`,
    area: { code: s.eenheid.code, name: s.eenheid.name, level: "eenheid" },
    period: { id: day, label: `stand op ${dateNl.format(now)}`, from: month, to: month },
    sensitivity: "open",
    madeAt: now.toISOString(),
    summary: summaryLines(s, total),
    sections: [
      { id: "wat-ontbreekt", title: "Wat ontbreekt", blocks: gapBlocks(s) },
      {
        id: "per-product",
        title: "Wat gemeenten krijgen, per product",
        blocks: [productTable(s)],
      },
      {
        id: "per-gemeente",
        title: "Antwoorden per gemeente",
        blocks: [gemeenteTable(s)],
      },
      {
        id: "uitleg",
        title: "Hoe lees je dit overzicht?",
        blocks: [
          {
            kind: "text",
            paragraphs: [
              "Elke gemeente vult per product in of zij het krijgt (ja, deels of nee), hoe vaak, of zij het wil hebben en hoe tevreden zij erover is, op een schaal van 1 (zeer ontevreden) tot 5 (zeer tevreden).",
              "‘Ontbreekt’ betekent: de gemeente wil het product wel, maar krijgt het niet. Een product dat een gemeente deels krijgt, telt niet als ontbrekend; het staat apart.",
              "De tevredenheid is het gemiddelde van de gemeenten die een oordeel gaven. Bij weinig oordelen zegt het gemiddelde weinig; daarom staat het aantal oordelen erbij.",
              "Per gemeente telt de nieuwste versie van de inventaris. Toelichtingen en namen van wie de inventaris invulde staan niet in dit overzicht.",
            ],
          },
        ],
      },
    ],
  };
}

function summaryLines(s: RegionalSummary, total: number): string[] {
  if (total === 0) return [`Er liggen geen gemeenten in eenheid ${s.eenheid.name}.`];
  if (s.answered === 0)
    return [`Nog geen enkele gemeente heeft de inventaris ingevuld (${gemeenten(total)} in deze eenheid).`];
  const lines = [
    `${s.answered} van de ${gemeenten(total)} ${s.answered === 1 ? "heeft" : "hebben"} de inventaris ingevuld.`,
  ];
  lines.push(
    s.gaps.length === 0
      ? "Geen gemeente mist een product dat zij wil hebben."
      : `Het meest gemist: ${listWithCounts(s.gaps.slice(0, 3), (t) => t.missing)}.`,
  );
  if (s.satisfaction !== null) {
    lines.push(
      `Gemiddelde tevredenheid over wat gemeenten krijgen: ${oneDecimal.format(s.satisfaction)} op een schaal van 1 tot 5 (${s.ratings} ${s.ratings === 1 ? "oordeel" : "oordelen"}).`,
    );
  }
  return lines;
}

function gapBlocks(s: RegionalSummary): ProductDocument["sections"][number]["blocks"] {
  const paragraphs: string[] = [];
  if (s.answered === 0)
    paragraphs.push("Er zijn nog geen antwoorden, dus ook nog geen ontbrekende producten.");
  else if (s.gaps.length === 0) paragraphs.push("Geen gemeente mist een product dat zij wil hebben.");
  for (const t of s.gaps) {
    paragraphs.push(
      `${t.title}: ${t.missing} van de ${gemeenten(s.answered)} ${t.missing === 1 ? "wil" : "willen"} dit wel, maar ${t.missing === 1 ? "krijgt" : "krijgen"} het niet.`,
    );
  }
  const partly = s.products.filter((t) => t.partly > 0);
  if (partly.length > 0) paragraphs.push(`Deels geleverd: ${listWithCounts(partly, (t) => t.partly)}.`);
  const other = s.products.filter((t) => t.otherFrequency > 0);
  if (other.length > 0)
    paragraphs.push(`Liever vaker of minder vaak: ${listWithCounts(other, (t) => t.otherFrequency)}.`);
  const unwanted = s.products.filter((t) => t.unwanted > 0);
  if (unwanted.length > 0)
    paragraphs.push(`Geleverd, maar niet (meer) gewenst: ${listWithCounts(unwanted, (t) => t.unwanted)}.`);
  const silent = s.gemeenten.filter((g) => !g.answered).map((g) => g.name);
  if (silent.length > 0) paragraphs.push(`Nog geen antwoord van: ${listNl(silent)}.`);
  const blocks: ProductDocument["sections"][number]["blocks"] = [{ kind: "text", paragraphs }];
  if (s.gaps.length > 0) {
    blocks.push({
      kind: "table",
      id: "ontbreekt",
      caption: `Producten die gemeenten missen, eenheid ${s.eenheid.name}`,
      columns: [
        { key: "product", label: "Product", type: "text" },
        { key: "ontbreekt", label: "Wil het, krijgt het niet", type: "count" },
        { key: "deels", label: "Krijgt het deels", type: "count" },
        { key: "gewenst", label: "Wil het (alle gemeenten)", type: "count" },
      ],
      rows: s.gaps.map((t) => ({
        cells: { product: t.title, ontbreekt: t.missing, deels: t.partly, gewenst: t.wanted },
      })),
      note: `Aantallen gemeenten, van de ${gemeenten(s.answered)} die de inventaris invulden.`,
    });
  }
  return blocks;
}

function productTable(s: RegionalSummary): TableBlock {
  return {
    kind: "table",
    id: "per-product",
    caption: `Wat gemeenten krijgen en willen, per product, eenheid ${s.eenheid.name}`,
    columns: [
      { key: "product", label: "Product", type: "text" },
      { key: "ontvangt", label: "Krijgt het", type: "count" },
      { key: "deels", label: "Krijgt het deels", type: "count" },
      { key: "ontbreekt", label: "Wil het, krijgt het niet", type: "count" },
      { key: "nietGewenst", label: "Krijgt het, wil het niet (meer)", type: "count" },
      { key: "andereFrequentie", label: "Wil een andere frequentie", type: "count" },
      { key: "tevredenheid", label: "Gemiddelde tevredenheid (1–5)", type: "number", decimals: 1 },
      { key: "oordelen", label: "Aantal oordelen", type: "count" },
    ],
    rows: s.products.map(
      (t): Row => ({
        cells: {
          product: t.title,
          ontvangt: t.receives,
          deels: t.partly,
          ontbreekt: t.missing,
          nietGewenst: t.unwanted,
          andereFrequentie: t.otherFrequency,
          tevredenheid: t.satisfaction,
          oordelen: t.ratings,
        },
      }),
    ),
    note: `Aantallen gemeenten, van de ${gemeenten(s.answered)} die de inventaris invulden. Een lege tevredenheid: geen oordelen.`,
  };
}

function gemeenteTable(s: RegionalSummary): TableBlock {
  return {
    kind: "table",
    id: "per-gemeente",
    caption: `Welke gemeenten de inventaris invulden, eenheid ${s.eenheid.name}`,
    columns: [
      { key: "gemeente", label: "Gemeente", type: "text" },
      { key: "code", label: "Code", type: "text" },
      { key: "ingevuld", label: "Ingevuld", type: "text" },
      { key: "versie", label: "Versie", type: "count" },
      { key: "datum", label: "Laatst bijgewerkt", type: "text" },
    ],
    rows: s.gemeenten.map((g) => ({
      cells: {
        gemeente: g.name,
        code: g.code,
        ingevuld: g.answered ? "ja" : "nee",
        versie: g.version,
        datum: g.savedAt ? dateNl.format(new Date(g.savedAt)) : null,
      },
    })),
  };
}
