// Woninginbrakenmonitor: burglaries of homes (INP 1.1.1) in a gemeente — per month this year and
// last year, per wijk and buurt over the last 12 months (with maps), by part of the day, weekday,
// way of working and attempt, and the near-repeat risk (Knox test). Every count is part of the
// gemeente's family decision (tabelbeveiliging.json: woninginbraak per wijk and buurt, and its
// splits as 12-month sums), so no small count follows from this or any other product. Weekly
// counts go to police recipients only (weeks do not fit the monthly sums the protection decides).

import { describeKnox } from "../../analysis/duiding/index.ts";
import { type KnoxOptions, knoxTest } from "../../analysis/knox/knox.ts";
import { type FamilyDecision, partSeries } from "../../disclosure/table-protection/area-family-protection.ts";
import { DAY_PARTS, partOf, WEEKDAYS } from "../../disclosure/table-protection/breakdown-parts.ts";
import { SHOW_ALL, type Shown } from "../../disclosure/table-protection/monthly-counts-protection.ts";
import { familyOptions, protectFamily } from "../../disclosure/table-protection/protect-family.ts";
import type { TableProtection } from "../../disclosure/table-protection/protection-rules.ts";
import type { Registration } from "../../domain/registration.ts";
import { addMonths, lastDayOf, monthLabelNl } from "../../domain/time.ts";
import { monthNameNl, monthRangeNl } from "../../render/format-nl.ts";
import type { AreaMonthlyCount, MonthlyCount } from "../../store/store.ts";
import { countCell } from "../parts/area-counts.ts";
import { type AreaRef, areasWithin, gemeenteWithWijkenAndBuurten } from "../parts/areas-within.ts";
import { documentHead } from "../parts/document-head.ts";
import { chartOf } from "../parts/table-chart.ts";
import type { ProductContext, ProductDefinition, ProductStore } from "../product-definition.ts";
import type { Cell, MapFeature, ProductDocument, TableBlock } from "../product-document.ts";

const TYPE = "1.1.1";

/** A burglary as the monitor uses it: never shown itself (only counted and tested). */
interface Burglary {
  x: number | null;
  y: number | null;
  /** Days since 1970-01-01 (local date). */
  day: number;
  month: number;
  isoWeek: number;
  registration: Pick<Registration, "attempt" | "local" | "modusOperandi">;
}

export interface WoninginbraakInput {
  rows: readonly MonthlyCount[];
  wijkRows: readonly AreaMonthlyCount[];
  buurtRows: readonly AreaMonthlyCount[];
  wijken: AreaRef[];
  buurten: AreaRef[];
  burglaries: Burglary[];
  decision: Pick<FamilyDecision, "gemeente" | "wijk" | "buurt"> | null;
}

const SECTIONS = [
  { id: "per-maand", title: "Woninginbraken per maand" },
  { id: "gebieden", title: "Waar: wijken en buurten" },
  { id: "wanneer", title: "Wanneer: dagdeel en weekdag" },
  { id: "hoe", title: "Hoe: werkwijze en pogingen" },
  { id: "herhaling", title: "Herhaling in de buurt (near repeat)" },
  { id: "per-week", title: "Per week (alleen politie)" },
  { id: "uitleg", title: "Hoe lees je deze monitor?" },
] as const;

/** Near repeat: 100 m bands up to 400 m, 7-day bands up to 4 weeks, 199 permutations. */
export const KNOX: Omit<KnoxOptions, "seed"> = {
  spaceBand: 100,
  spaceBands: 4,
  timeBand: 7,
  timeBands: 4,
  permutations: 199,
};

const dayNumber = (yyyymmdd: number) =>
  Math.floor(
    Date.UTC(Math.floor(yyyymmdd / 10000), (Math.floor(yyyymmdd / 100) % 100) - 1, yyyymmdd % 100) /
      86_400_000,
  );

async function load(store: ProductStore, ctx: ProductContext): Promise<WoninginbraakInput> {
  const g = ctx.area.code;
  const until = ctx.period.to;
  const range = { gemeente: g, fromMonth: 190001, toMonth: ctx.lastCompleteMonth };
  const from = addMonths(until, -23);
  const lastDay = lastDayOf(until);
  const [rows, wijkRows, buurtRows, wijken, buurten, regs] = await Promise.all([
    store.monthlyCounts({ area: g, level: "gemeente", fromMonth: 190001, toMonth: ctx.lastCompleteMonth }),
    store.monthlyCountsWithin({ ...range, level: "wijk" }),
    store.monthlyCountsWithin({ ...range, level: "buurt" }),
    areasWithin(store, "wijk", ctx),
    areasWithin(store, "buurt", ctx),
    // The same read as the table protection's splits (whole history up to the last complete
    // month), so the store answers the second from its cache; the monitor keeps its 24 months.
    store.registrations({
      area: g,
      level: "gemeente",
      fromDay: 19000101,
      toDay: lastDayOf(ctx.lastCompleteMonth),
      inpCodes: [TYPE],
    }),
  ]);
  const firstDay = from * 100 + 1;
  const burglaries = regs
    .filter((r) => r.local.day >= firstDay && r.local.day <= lastDay)
    .map((r) => ({
      x: r.x,
      y: r.y,
      day: dayNumber(r.local.day),
      month: r.local.month,
      isoWeek: r.local.isoWeek,
      registration: { attempt: r.attempt, local: r.local, modusOperandi: r.modusOperandi },
    }));
  return { rows, wijkRows, buurtRows, wijken, buurten, burglaries, decision: null };
}

async function protect(
  store: ProductStore,
  input: WoninginbraakInput,
  table: TableProtection,
  ctx: ProductContext,
): Promise<WoninginbraakInput> {
  if ((table.roundTo ?? 1) > 1) throw new RangeError("de woninginbraakmonitor wordt niet afgerond geleverd");
  if (table.minimum <= 1) return input;
  const decision = await protectFamily(
    store,
    ctx.area.code,
    input.rows,
    familyOptions(table, ctx.lastCompleteMonth, { wijken: input.wijkRows, buurten: input.buurtRows }),
  );
  return { ...input, decision };
}

function build(input: WoninginbraakInput, ctx: ProductContext): ProductDocument {
  const month = ctx.period.to;
  const year = Math.floor(month / 100);
  const window = { from: addMonths(month, -11), to: month };
  const windowLabel = monthRangeNl(window.from, window.to);
  const d = input.decision;
  const police = d === null;
  const gShown: Shown = d?.gemeente ?? SHOW_ALL;
  const sumRows = (rows: readonly MonthlyCount[], from: number, to: number) =>
    rows.reduce(
      (s, r) => s + (r.inpCode.trim() === TYPE && r.month >= from && r.month <= to ? r.count : 0),
      0,
    );
  const gemeenteCount = (from: number, to: number): Cell =>
    countCell(gShown(TYPE, from, to) ? sumRows(input.rows, from, to) : null);
  const firstMonth = input.rows.reduce(
    (m, r) => (r.count > 0 ? Math.min(m, r.month) : m),
    Number.POSITIVE_INFINITY,
  );

  // Per month, this year and last year.
  const perMonth: TableBlock = {
    kind: "table",
    id: "per-maand",
    caption: `Woninginbraken per maand, ${year} en ${year - 1}`,
    columns: [
      { key: "maand", label: "Maand", type: "text" },
      { key: "ditJaar", label: String(year), type: "count" },
      { key: "vorigJaar", label: String(year - 1), type: "count" },
    ],
    rows: Array.from({ length: 12 }, (_, i) => {
      const m = year * 100 + i + 1;
      const prev = m - 100;
      return {
        cells: {
          maand: monthNameNl(i + 1),
          ditJaar: m <= month ? gemeenteCount(m, m) : null,
          vorigJaar: prev >= firstMonth ? gemeenteCount(prev, prev) : null,
        },
      };
    }),
  };
  const ytd = gemeenteCount(year * 100 + 1, month);
  const last12 = gemeenteCount(window.from, window.to);

  // Per wijk and buurt, the last 12 months.
  const areaCells = (areas: AreaRef[], rows: readonly AreaMonthlyCount[], shown: (code: string) => Shown) => {
    const sums = new Map<string, number>();
    for (const r of rows)
      if (r.month >= window.from && r.month <= window.to && r.inpCode.trim() === TYPE)
        sums.set(r.area, (sums.get(r.area) ?? 0) + r.count);
    return areas.map((a) => ({
      area: a,
      cell: countCell(shown(a.code)(TYPE, window.from, window.to) ? (sums.get(a.code) ?? 0) : null),
    }));
  };
  const wijkCells = areaCells(input.wijken, input.wijkRows, (c) => (d ? d.wijk(c) : SHOW_ALL));
  const buurtCells = areaCells(input.buurten, input.buurtRows, (c) => (d ? d.buurt(c) : SHOW_ALL));
  const areaTable = (id: string, label: string, cells: { area: AreaRef; cell: Cell }[]): TableBlock => ({
    kind: "table",
    id,
    caption: `Woninginbraken per ${label}, ${windowLabel}`,
    columns: [
      { key: "gebied", label: label === "wijk" ? "Wijk" : "Buurt", type: "text" },
      { key: "code", label: "Code", type: "text" },
      { key: "aantal", label: windowLabel, type: "count" },
    ],
    rows: cells.map(({ area, cell }) => ({ cells: { gebied: area.name, code: area.code, aantal: cell } })),
  });
  const features = (cells: { area: AreaRef; cell: Cell }[]): MapFeature[] =>
    cells.flatMap(({ area, cell }) =>
      area.wgs84
        ? [
            {
              type: "Feature" as const,
              id: area.code,
              geometry: { type: "MultiPolygon" as const, coordinates: area.wgs84 },
              properties: {
                code: area.code,
                naam: area.name,
                aantal: typeof cell === "number" ? cell : null,
                ...(typeof cell === "object" && cell !== null ? { afgeschermd: true } : {}),
              },
            },
          ]
        : [],
    );
  const wijkTable = areaTable("per-wijk", "wijk", wijkCells);
  const buurtTable = areaTable("per-buurt", "buurt", buurtCells);

  // Splits over the last 12 months.
  const inWindow = input.burglaries.filter((b) => b.month >= window.from && b.month <= window.to);
  const splitTable = (
    name: "dagdeel" | "weekdag" | "werkwijze" | "poging",
    id: string,
    label: string,
    order?: readonly string[],
  ): TableBlock => {
    const counts = new Map<string, number>();
    for (const b of inWindow) {
      const part = partOf(b.registration, name);
      if (part !== null) counts.set(part, (counts.get(part) ?? 0) + 1);
    }
    const parts = order
      ? [...order]
      : [...counts.keys()].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || a.localeCompare(b));
    return {
      kind: "table",
      id,
      caption: `Woninginbraken naar ${label}, ${windowLabel}`,
      columns: [
        { key: "deel", label: label[0]?.toUpperCase() + label.slice(1), type: "text" },
        { key: "aantal", label: windowLabel, type: "count" },
      ],
      rows: parts.map((part) => ({
        cells: {
          deel: part,
          aantal: countCell(
            gShown(partSeries(TYPE, name, part), window.from, window.to) ? (counts.get(part) ?? 0) : null,
          ),
        },
      })),
    };
  };
  const dayParts = splitTable("dagdeel", "dagdeel", "dagdeel", DAY_PARTS);
  const weekdays = splitTable("weekdag", "weekdag", "weekdag", WEEKDAYS);
  const ways = splitTable("werkwijze", "werkwijze", "werkwijze");
  const attempts = splitTable("poging", "poging", "poging of gelukt", ["gelukt", "poging"]);

  // Near repeat over the last 12 months (pairs of burglaries, not single ones, are counted).
  const points = inWindow
    .filter((b) => b.x !== null && b.y !== null)
    .map((b) => ({ x: b.x as number, y: b.y as number, day: b.day }));
  const knoxOptions = { ...KNOX, seed: month };
  const knox = points.length >= 20 ? knoxTest(points, knoxOptions) : null;
  const bandLabel = (k: number) =>
    k === 0 ? "zelfde plek" : `${(k - 1) * KNOX.spaceBand}–${k * KNOX.spaceBand} m`;
  const knoxTable: TableBlock | null = knox
    ? {
        kind: "table",
        id: "near-repeat",
        caption: `Verhouding tussen gevonden en verwachte paren woninginbraken naar afstand en tijd, ${windowLabel}`,
        columns: [
          { key: "afstand", label: "Afstand", type: "text" },
          ...Array.from({ length: KNOX.timeBands }, (_, j) => ({
            key: `t${j + 1}`,
            label:
              j === 0
                ? `0–${KNOX.timeBand} dagen`
                : `${j * KNOX.timeBand + 1}–${(j + 1) * KNOX.timeBand} dagen`,
            type: "number" as const,
            decimals: 2,
          })),
        ],
        rows: knox.knoxRatio.map((row, k) => ({
          cells: {
            afstand: bandLabel(k),
            ...Object.fromEntries(row.map((v, j) => [`t${j + 1}`, Number.isFinite(v) ? v : null])),
          },
        })),
        note: "Boven 1: vaker dicht bij elkaar in plaats en tijd dan toeval doet verwachten. De toets is niet gecorrigeerd voor het aantal vakjes.",
      }
    : null;

  // Per week: police only.
  const weeks = new Map<number, number>();
  for (const b of input.burglaries) weeks.set(b.isoWeek, (weeks.get(b.isoWeek) ?? 0) + 1);
  const lastWeeks = [...weeks.keys()].sort((a, b) => a - b).slice(-13);
  const weekTable: TableBlock = {
    kind: "table",
    id: "per-week",
    caption: "Woninginbraken per week, de laatste 13 weken met registraties",
    columns: [
      { key: "week", label: "Week", type: "text" },
      { key: "aantal", label: "Aantal", type: "count" },
    ],
    rows: lastWeeks.map((w) => ({
      cells: { week: `week ${w % 100} van ${Math.floor(w / 100)}`, aantal: weeks.get(w) ?? 0 },
    })),
  };

  const summary: string[] = [];
  summary.push(
    typeof last12 === "number"
      ? `In de 12 maanden ${windowLabel} registreerde de politie ${last12.toLocaleString("nl-NL")} woninginbraken en pogingen daartoe in ${ctx.area.name}.`
      : `Het aantal woninginbraken in ${windowLabel} is afgeschermd.`,
  );
  if (typeof ytd === "number")
    summary.push(`Dit jaar tot en met ${monthLabelNl(month)}: ${ytd.toLocaleString("nl-NL")}.`);
  if (knox) summary.push(describeKnox({ subject: "woninginbraken", result: knox, options: knoxOptions }));
  else
    summary.push(
      "Te weinig woninginbraken met een plaats om herhaling in de buurt te toetsen (minder dan 20).",
    );

  return {
    ...documentHead(
      ctx,
      "woninginbraakmonitor",
      `Woninginbrakenmonitor ${ctx.area.name}, ${monthLabelNl(month)}`,
      "aggregated",
    ),
    summary,
    sections: [
      {
        id: "per-maand",
        title: SECTIONS[0].title,
        blocks: [chartOf(perMonth, "line", "maand", ["ditJaar", "vorigJaar"]), perMonth],
      },
      {
        id: "gebieden",
        title: SECTIONS[1].title,
        blocks: [
          {
            kind: "map",
            id: "kaart-wijken",
            caption: wijkTable.caption,
            valueKey: "aantal",
            table: wijkTable.id,
            features: features(wijkCells),
          },
          wijkTable,
          {
            kind: "map",
            id: "kaart-buurten",
            caption: buurtTable.caption,
            valueKey: "aantal",
            table: buurtTable.id,
            features: features(buurtCells),
          },
          buurtTable,
        ],
      },
      {
        id: "wanneer",
        title: SECTIONS[2].title,
        blocks: [
          chartOf(dayParts, "bar", "deel", ["aantal"]),
          dayParts,
          chartOf(weekdays, "bar", "deel", ["aantal"]),
          weekdays,
        ],
      },
      {
        id: "hoe",
        title: SECTIONS[3].title,
        blocks: [chartOf(ways, "bar", "deel", ["aantal"]), ways, attempts],
      },
      {
        id: "herhaling",
        title: SECTIONS[4].title,
        blocks: knoxTable
          ? [{ kind: "text", paragraphs: [summary.at(-1) as string] }, knoxTable]
          : [{ kind: "text", paragraphs: [summary.at(-1) as string] }],
      },
      ...(police ? [{ id: "per-week", title: SECTIONS[5].title, blocks: [weekTable] }] : []),
      {
        id: "uitleg",
        title: SECTIONS[6].title,
        blocks: [
          {
            kind: "text",
            paragraphs: [
              "Woninginbraak is inbraak in een woning (soort 1.1.1); pogingen tellen mee. Een registratie telt in de maand en de buurt waar het gebeurde.",
              "Wijken, buurten, dagdeel, weekdag en werkwijze gaan over de laatste 12 maanden: per maand zijn de aantallen daar vaak te klein om te tonen.",
              "Een streepje betekent afgeschermd: het aantal is klein, of zou samen met andere cijfers een klein aantal verraden.",
              police
                ? "Per week staan de aantallen alleen in de versie voor de politie."
                : "Aantallen per week krijgt alleen de politie: weken passen niet in de maanden waarover de beveiliging beslist.",
            ],
          },
        ],
      },
    ],
  };
}

export const woninginbraakmonitor: ProductDefinition<WoninginbraakInput> = {
  id: "woninginbraakmonitor",
  title: "Woninginbrakenmonitor",
  description:
    "Woninginbraken en pogingen per maand, per wijk en buurt, naar dagdeel, weekdag en werkwijze, en of inbraken vaker dicht bij elkaar volgen dan toeval (near repeat).",
  sections: SECTIONS,
  measures: [
    "woninginbraken per maand",
    "per wijk en buurt (12 maanden)",
    "dagdeel, weekdag, werkwijze, pogingen",
    "near-repeat (Knox-toets)",
  ],
  levels: ["gemeente"],
  defaultLevel: "gemeente",
  periodKinds: ["maand"],
  cadence: "maandelijks",
  audience: ["burgemeester", "oov-adviseur", "analist-gemeente", "teamchef", "politie-analist"],
  sensitivity: "aggregated",
  disclosedAreas: gemeenteWithWijkenAndBuurten,
  load,
  protect,
  build,
};
