// Integraal ondermijningsbeeld: indicators of undermining (drugs, weapons, human trafficking,
// explosions, fraud and money laundering) from the police and from the gemeente and its partners,
// per year for a gemeente. Which indicators is data: config/ondermijning.json.
//
// Police counts are shown only as sums the table protection decided on: a type's year is its
// year to date in December (protectAreaCountsFor, the same decision as every other product of the
// gemeente). A sum over types is shown only when every type's sum in it is shown, so it reveals
// nothing the reader could not add up. Partner figures come from the tables they deliver
// (store.aggregates); for recipients with table protection small values are withheld as well,
// and no sum over them is made. A table a partner has not delivered is named, not left out.

import type { ProtectedCounts } from "../../disclosure/table-protection/protect-counts.ts";
import type { TableProtection } from "../../disclosure/table-protection/protection-rules.ts";
import { InputError } from "../../domain/errors.ts";
import type { AggregateRow } from "../../domain/registration.ts";
import { formatCount } from "../../render/format-nl.ts";
import type { Store } from "../../store/store.ts";
import { countCell, loadAreaCounts, protectAreaCountsFor } from "../parts/area-counts.ts";
import { documentHead } from "../parts/document-head.ts";
import { typeLabel } from "../parts/incident-records.ts";
import { monthSums, sumOfShown } from "../parts/month-sums.ts";
import {
  loadUndermineConfig,
  type PartnerIndicator,
  type PoliceIndicator,
} from "../parts/ondermijning-config.ts";
import type { ProductContext, ProductDefinition, ProductStore } from "../product-definition.ts";
import type { Cell, Column, ProductDocument, Row, TableBlock } from "../product-document.ts";

const ID = "ondermijningsbeeld";
/** Years shown: the year asked and the two before it. */
const YEARS_SHOWN = 3;

const SECTIONS = [
  { id: "politie", title: "Politie" },
  { id: "gemeente-en-partners", title: "Gemeente en partners" },
  { id: "uitleg", title: "Hoe lees je dit beeld?" },
] as const;

/** A partner's figure for a year: a number, withheld ("afgeschermd"), or null (not delivered). */
export type PartnerValue = number | "afgeschermd" | null;

export interface PartnerFigures {
  indicator: PartnerIndicator;
  /** Whether the table, measure and category were delivered for this gemeente at all. */
  delivered: boolean;
  /** By year. */
  values: Record<number, PartnerValue>;
}

export interface UndermineInput {
  police: readonly PoliceIndicator[];
  counts: ProtectedCounts;
  partners: PartnerFigures[];
  /** Police types left out by table protection. */
  withheldTypes: string[];
}

/** The year of a period of kind "jaar". */
function yearOf(ctx: ProductContext): number {
  if (ctx.period.kind !== "jaar") {
    throw new InputError(
      `het ondermijningsbeeld gaat over een jaar, niet over ${ctx.period.label}`,
      "--periode",
    );
  }
  return Math.floor(ctx.period.from / 100);
}

const yearsOf = (year: number) => Array.from({ length: YEARS_SHOWN }, (_, i) => year - YEARS_SHOWN + 1 + i);

/**
 * A partner's value for a year from the delivered rows: the year itself ("2025"), or else all four
 * quarters ("2025Q1"…) or all twelve months ("2025MM01"…) added up. A value the source suppressed
 * (null) stays withheld, also inside a sum. Null when the year was not delivered.
 */
export function partnerYearValue(rows: readonly AggregateRow[], year: number): PartnerValue {
  const byPeriod = new Map(rows.map((r) => [r.period.trim().toUpperCase(), r.value]));
  const whole = byPeriod.get(String(year));
  if (whole !== undefined) return whole === null ? "afgeschermd" : whole;
  const pad = (n: number) => String(n).padStart(2, "0");
  for (const parts of [
    [1, 2, 3, 4].map((q) => `${year}Q${q}`),
    Array.from({ length: 12 }, (_, i) => `${year}MM${pad(i + 1)}`),
  ]) {
    if (!parts.every((p) => byPeriod.has(p))) continue;
    let sum = 0;
    for (const p of parts) {
      const v = byPeriod.get(p);
      if (v === null || v === undefined) return "afgeschermd";
      sum += v;
    }
    return sum;
  }
  return null;
}

/** The store's delivered aggregate tables (not part of ProductStore's type; the engine's store has them). */
function aggregatesOf(store: ProductStore): Pick<Store, "aggregates"> {
  const s = store as Partial<Pick<Store, "aggregates">>;
  if (typeof s.aggregates !== "function") {
    throw new Error(`${ID}: de opslag geeft geen aangeleverde tabellen (aggregates ontbreekt)`);
  }
  return s as Pick<Store, "aggregates">;
}

export function makeOndermijningsbeeld(opts: { configDir?: string } = {}): ProductDefinition<UndermineInput> {
  async function load(store: ProductStore, ctx: ProductContext): Promise<UndermineInput> {
    const year = yearOf(ctx);
    const config = loadUndermineConfig(opts.configDir);
    const aggregates = aggregatesOf(store);
    const counts = await loadAreaCounts(store, ctx);
    const partners: PartnerFigures[] = [];
    for (const indicator of config.partners) {
      const rows = (await aggregates.aggregates({ areaCode: ctx.area.code, table: indicator.table })).filter(
        (r) => r.measure === indicator.measure && r.category.trim() === indicator.category,
      );
      partners.push({
        indicator,
        delivered: rows.length > 0,
        values: Object.fromEntries(yearsOf(year).map((y) => [y, partnerYearValue(rows, y)])),
      });
    }
    return { police: config.police, counts, partners, withheldTypes: [] };
  }

  const protectCounts = protectAreaCountsFor();
  async function protect(
    store: ProductStore,
    input: UndermineInput,
    table: TableProtection,
    ctx: ProductContext,
  ): Promise<UndermineInput> {
    const counts = await protectCounts(store, input.counts, table, ctx);
    const minimum = table.minimum;
    const partners = input.partners.map((p) => ({
      ...p,
      values: Object.fromEntries(
        Object.entries(p.values).map(([y, v]) => [
          y,
          typeof v === "number" && v > 0 && v < minimum ? ("afgeschermd" as const) : v,
        ]),
      ),
    }));
    const withhold = new Set(table.withholdTypes ?? []);
    const withheldTypes = input.police.map((p) => p.inpCode).filter((c) => withhold.has(c));
    return {
      ...input,
      counts,
      partners,
      withheldTypes: [...new Set([...input.withheldTypes, ...withheldTypes])],
    };
  }

  function build(input: UndermineInput, ctx: ProductContext): ProductDocument {
    const year = yearOf(ctx);
    const years = yearsOf(year);
    const sums = monthSums(input.counts.rows);
    const dataStart = sums.dataStart;
    const hasFigures = (y: number) => dataStart !== null && y >= Math.floor(dataStart / 100);
    const withheld = new Set(input.withheldTypes);
    /** A type's year as the protection lets it be shown; null: withheld. */
    const typeYear = (code: string, y: number): number | null =>
      !withheld.has(code) && input.counts.shown(code, y * 100 + 1, y * 100 + 12)
        ? sums.sum(code, y * 100 + 1, y * 100 + 12)
        : null;
    const cell = (v: number | null, y: number): Cell => (hasFigures(y) ? countCell(v) : null);
    const yearColumns: Column[] = years.map((y) => ({ key: `j${y}`, label: String(y), type: "count" }));

    const policeRows: Row[] = input.police.map((p) => ({
      cells: {
        thema: p.theme,
        soort: typeLabel(p.inpCode),
        code: p.inpCode,
        ...Object.fromEntries(years.map((y) => [`j${y}`, cell(typeYear(p.inpCode, y), y)])),
      },
    }));
    const totals = new Map(
      years.map((y) => [
        y,
        hasFigures(y) ? sumOfShown(input.police.map((p) => typeYear(p.inpCode, y))) : null,
      ]),
    );
    policeRows.push({
      total: true,
      cells: {
        thema: "Totaal",
        soort: "Alle soorten hierboven",
        code: null,
        ...Object.fromEntries(years.map((y) => [`j${y}`, cell(totals.get(y) ?? null, y)])),
      },
    });
    const policeTable: TableBlock = {
      kind: "table",
      id: "politie",
      caption: `Registraties van de politie die op ondermijning kunnen wijzen, ${ctx.area.name}, ${years[0]} tot en met ${year}`,
      columns: [
        { key: "thema", label: "Thema", type: "text" },
        { key: "soort", label: "Soort", type: "text" },
        { key: "code", label: "INP-code", type: "text" },
        ...yearColumns,
      ],
      rows: policeRows,
      note: "Het totaal staat er alleen als elk aantal erin getoond wordt.",
    };

    const partnerCell = (v: PartnerValue): Cell => (v === "afgeschermd" ? countCell(null) : v);
    const partnerTable: TableBlock = {
      kind: "table",
      id: "gemeente-en-partners",
      caption: `Cijfers van de gemeente en partners, ${ctx.area.name}, ${years[0]} tot en met ${year}`,
      columns: [
        { key: "indicator", label: "Wat", type: "text" },
        { key: "leverancier", label: "Van", type: "text" },
        ...yearColumns,
      ],
      rows: input.partners.map((p) => ({
        cells: {
          indicator: p.indicator.name,
          leverancier: p.indicator.supplier,
          ...Object.fromEntries(years.map((y) => [`j${y}`, partnerCell(p.values[y] ?? null)])),
        },
      })),
      note: "Een leeg vak: voor dat jaar niet geleverd. Er is geen totaal: deze cijfers tellen verschillende dingen.",
    };
    const missing = input.partners.filter((p) => !p.delivered);
    const missingYear = input.partners.filter((p) => p.delivered && p.values[year] === null);
    const missingLines: string[] = [];
    if (missing.length > 0) {
      missingLines.push(
        `Nog niet geleverd voor ${ctx.area.name}: ${missing.map((p) => `${p.indicator.name.toLowerCase()} (${p.indicator.supplier}, tabel ${p.indicator.table})`).join("; ")}.`,
      );
    }
    if (missingYear.length > 0) {
      missingLines.push(
        `Wel geleverd, maar niet over ${year}: ${missingYear.map((p) => `${p.indicator.name.toLowerCase()} (${p.indicator.supplier})`).join("; ")}.`,
      );
    }

    const total = totals.get(year) ?? null;
    const summary: string[] = [];
    if (!hasFigures(year)) summary.push(`Over ${year} zijn er nog geen cijfers van de politie.`);
    else if (total === null)
      summary.push(
        `Het totaal van de politie over ${year} is afgeschermd: een of meer aantallen erin zijn te klein om te tonen.`,
      );
    else
      summary.push(
        `In ${year} registreerde de politie in ${ctx.area.name} ${formatCount(total)} feiten die op ondermijning kunnen wijzen.`,
      );
    const delivered = input.partners.length - missing.length;
    summary.push(
      input.partners.length === 0
        ? "Er zijn geen cijfers van de gemeente of partners afgesproken."
        : `Van de ${formatCount(input.partners.length)} afgesproken cijfers van de gemeente en partners ${delivered === 1 ? "is er 1" : `zijn er ${formatCount(delivered)}`} geleverd.`,
    );
    summary.push(...missingLines);

    const explanation = [
      "Ondermijning is criminaliteit die de samenleving van binnenuit aantast, zoals drugshandel, mensenhandel en witwassen. Het meeste ervan ziet niemand: deze cijfers zijn signalen, geen meting van hoeveel ondermijning er is.",
      "Politie: registraties van de soorten hierboven, geteld in het jaar waarin het gebeurde. Witwassen heeft geen eigen soort in de indeling van de politie; het valt onder fraude.",
      "Gemeente en partners: de cijfers zoals zij ze aanleveren. Wat nog niet geleverd is, staat erbij.",
      "Een streepje betekent afgeschermd: het aantal is klein, of zou samen met andere cijfers een klein aantal verraden.",
    ];
    if (input.withheldTypes.length > 0) {
      explanation.push(
        `Deze soorten zijn afgeschermd: ${input.withheldTypes.map((c) => typeLabel(c).toLowerCase()).join("; ")}.`,
      );
    }

    return {
      ...documentHead(ctx, ID, `Integraal ondermijningsbeeld ${ctx.area.name}, ${year}`, "aggregated"),
      summary,
      sections: [
        {
          id: "politie",
          title: SECTIONS[0].title,
          // No chart: it would draw the total row as one more bar.
          blocks: [policeTable],
        },
        {
          id: "gemeente-en-partners",
          title: SECTIONS[1].title,
          blocks: [
            partnerTable,
            ...(missingLines.length > 0 ? [{ kind: "text" as const, paragraphs: missingLines }] : []),
          ],
        },
        { id: "uitleg", title: SECTIONS[2].title, blocks: [{ kind: "text", paragraphs: explanation }] },
      ],
    };
  }

  return {
    id: ID,
    title: "Integraal ondermijningsbeeld",
    description:
      "Signalen van ondermijning per jaar: registraties van de politie (drugs, wapens, mensenhandel, explosies, fraude) en cijfers van de gemeente en partners, met wat nog ontbreekt.",
    sections: SECTIONS,
    measures: [
      "registraties per soort per jaar (politie)",
      "totaal over de soorten",
      "cijfers van gemeente en partners per jaar",
      "welke cijfers nog niet geleverd zijn",
    ],
    levels: ["gemeente"],
    defaultLevel: "gemeente",
    periodKinds: ["jaar"],
    cadence: "jaarlijks",
    audience: ["burgemeester", "oov-adviseur", "analist-gemeente", "riec-analist", "politie-analist"],
    sensitivity: "aggregated",
    load,
    protect,
    build,
  };
}

export const ondermijningsbeeld: ProductDefinition<UndermineInput> = makeOndermijningsbeeld();
