// Veiligheidsanalyse: input for the integral safety plan (IVP). For a gemeente and a year: the
// trend over the last 5 to 10 years per main group and type (Mann-Kendall with Sen's slope on
// yearly sums), the pattern through the year (classical seasonal decomposition of the monthly
// totals), and a comparison with similar gemeenten (peers: population class and police unit).
//
// Which sums are shown: a whole year is the year to date in December and single months are sums
// the table protection decides on. A main group (a sum over types) is shown only when every type
// in it is shown; then it is their sum. A trend or seasonal pattern is computed only from values
// that are all shown.
//
// Other gemeenten: their figures are other gemeenten's data, so only open data about them is
// used: the yearly total of all registrations, rounded to a multiple of 5 (as CBS publishes police
// counts) before dividing by the population. Rounding happens in `load`, so no exact count of
// another gemeente ever reaches the document (not even when the gate asks no protection). The
// gemeente itself is compared with its own total rounded the same way. The store has no degree
// of urbanisation (stedelijkheid), so peers are chosen by population class and police unit only;
// the product says so.

import { decompose } from "../../analysis/decompose/decompose.ts";
import { describeSeason, describeTrend, MIN_COUNT_FOR_PERCENT } from "../../analysis/duiding/index.ts";
import { PEER_Z_LIMIT } from "../../analysis/duiding/peers-text.ts";
import { formatRateNl } from "../../analysis/duiding/rate-text.ts";
import { benjaminiHochbergCutoff } from "../../analysis/hotspots/fdr.ts";
import { type MannKendallResult, mannKendall } from "../../analysis/mann-kendall/mann-kendall.ts";
import { type PeersResult, peers, populationClass } from "../../analysis/peers/peers.ts";
import { TOTAL } from "../../disclosure/table-protection/monthly-counts-protection.ts";
import { type ProtectedCounts, protectCounts } from "../../disclosure/table-protection/protect-counts.ts";
import type { AreaSummary } from "../../domain/area.ts";
import { InputError } from "../../domain/errors.ts";
import { compareInpCodes, INP_TREE, inpNode, inpPath } from "../../domain/inp-tree.ts";
import { climb, newestByCode } from "../../inventory/police-units.ts";
import { formatCount, monthNameNl } from "../../render/format-nl.ts";
import { countCell, loadAreaCounts } from "../parts/area-counts.ts";
import { CHANGE_FDR } from "../parts/change-tests.ts";
import { documentHead } from "../parts/document-head.ts";
import { monthSums, shownSum, sumOfShown } from "../parts/month-sums.ts";
import { placingAreas } from "../parts/placing-areas.ts";
import { chartOf } from "../parts/table-chart.ts";
import type { ProductContext, ProductDefinition, ProductStore } from "../product-definition.ts";
import type { Block, ProductDocument, Row, TableBlock } from "../product-document.ts";

/** Years the trend looks back over (ending with the year asked), and the fewest it needs. */
export const MAX_TREND_YEARS = 10;
export const MIN_TREND_YEARS = 5;
/** Open data: counts of other gemeenten are rounded to this multiple (as CBS does). */
export const OPEN_DATA_ROUNDING = 5;
/** The comparison widens (to the whole country) while fewer peers than this are found. */
export const MIN_PEERS = 5;

/** A gemeente as the comparison on open data sees it: its rounded count of a year. */
export interface OpenDataFigure {
  code: string;
  population: number;
  /** Police unit (eenheid); null when unknown. */
  region: string | null;
  count: number;
}

/**
 * Similar gemeenten by population class and police unit only: the store has no degree of
 * urbanisation, so every gemeente gets the same. Used here and on the trends page.
 */
export function openDataPeers(own: OpenDataFigure, others: readonly OpenDataFigure[]): PeersResult {
  const entry = (g: OpenDataFigure) => ({ ...g, urbanisation: 3, region: g.region ?? "" });
  return peers(own.code, [entry(own), ...others.map(entry)], { minPeers: MIN_PEERS });
}

/** Another gemeente's yearly total as open data (rounded), with what peers are chosen by. */
export interface PeerFigure {
  code: string;
  name: string;
  population: number;
  /** The police unit (eenheid) it lies in; null when unknown. */
  region: string | null;
  /** Every registration in the year, rounded to OPEN_DATA_ROUNDING. */
  roundedTotal: number;
}

export interface VeiligheidsanalyseInput extends ProtectedCounts {
  /** The police unit of the gemeente itself. */
  region: string | null;
  /** Other gemeenten with figures for the year (open data only). */
  peers: PeerFigure[];
}

const SECTIONS = [
  { id: "trend", title: "Trend over de jaren" },
  { id: "seizoen", title: "Patroon door het jaar" },
  { id: "vergelijking", title: "Vergelijking met andere gemeenten" },
  { id: "uitleg", title: "Hoe lees je deze analyse?" },
] as const;

const roundOpen = (n: number) => Math.round(n / OPEN_DATA_ROUNDING) * OPEN_DATA_ROUNDING;

function yearOf(ctx: ProductContext): number {
  const p = ctx.period;
  if (p.kind !== "jaar" || p.from % 100 !== 1 || p.to % 100 !== 12) {
    throw new InputError(`De Veiligheidsanalyse gaat over een heel jaar, niet over ${p.label}`, "--periode");
  }
  return Math.floor(p.from / 100);
}

/** The police unit of an area (its eenheid's code), or null when unknown. */
const regionOf = (byCode: ReadonlyMap<string, AreaSummary>, code: string) =>
  climb(byCode, code)?.code ?? null;

async function load(store: ProductStore, ctx: ProductContext): Promise<VeiligheidsanalyseInput> {
  const year = yearOf(ctx);
  const counts = await loadAreaCounts(store, ctx);
  const byCode = newestByCode(await placingAreas(store));
  const others: PeerFigure[] = [];
  for (const g of byCode.values()) {
    if (g.level !== "gemeente" || g.code === ctx.area.code || !g.population || g.population <= 0) continue;
    const rows = await store.monthlyCounts({
      area: g.code,
      level: "gemeente",
      fromMonth: year * 100 + 1,
      toMonth: year * 100 + 12,
    });
    if (!rows.some((r) => r.count > 0)) continue; // no figures for that year
    others.push({
      code: g.code,
      name: g.name,
      population: g.population,
      region: regionOf(byCode, g.code),
      // Open data: only the rounded total leaves `load`.
      roundedTotal: roundOpen(rows.reduce((s, r) => s + r.count, 0)),
    });
  }
  others.sort((a, b) => a.code.localeCompare(b.code));
  return { ...counts, region: regionOf(byCode, ctx.area.code), peers: others };
}

interface Series {
  code: string;
  label: string;
  depth: number;
  total?: boolean;
  /** One value per trend year; null: withheld (or, before the data, no figures). */
  values: (number | null)[];
  trend: MannKendallResult | null;
  clear: boolean;
}

export interface TrendFigures {
  years: number[];
  series: Series[];
}

/** The yearly sums per main group and type and their trends (pure). */
export function trendFigures(input: ProtectedCounts, year: number): TrendFigures {
  const sums = monthSums(input.rows);
  if (sums.dataStart === null) return { years: [], series: [] };
  const start = Math.max(Math.floor(sums.dataStart / 100), year - MAX_TREND_YEARS + 1);
  const years: number[] = [];
  for (let y = start; y <= year; y++) years.push(y);
  const typeYear = (code: string, y: number) => shownSum(input, sums, code, y * 100 + 1, y * 100 + 12);
  const codes = [...new Set(input.rows.filter((r) => r.count > 0).map((r) => r.inpCode.trim()))].sort(
    compareInpCodes,
  );
  const make = (
    code: string,
    label: string,
    depth: number,
    values: (number | null)[],
    total = false,
  ): Series => {
    const complete = years.length >= MIN_TREND_YEARS && values.every((v) => v !== null);
    return { code, label, depth, total, values, trend: complete ? mannKendall(values) : null, clear: false };
  };
  const groups: Series[] = [];
  const types: Series[] = [];
  const series: Series[] = [];
  for (const g of INP_TREE.filter((n) => n.level === 1)) {
    const members = codes.filter((c) => inpPath(c)?.l1.code === g.code);
    if (members.length === 0) continue;
    const gs = make(
      g.code,
      g.label,
      0,
      years.map((y) => sumOfShown(members.map((c) => typeYear(c, y)))),
    );
    groups.push(gs);
    series.push(gs);
    for (const c of members) {
      const ts = make(
        c,
        inpNode(c, 3)?.label ?? c,
        1,
        years.map((y) => typeYear(c, y)),
      );
      types.push(ts);
      series.push(ts);
    }
  }
  const total = make(
    TOTAL,
    "Totaal",
    0,
    years.map((y) => typeYear(TOTAL, y)),
    true,
  );
  series.push(total);
  // Clear: Benjamini–Hochberg over the types, and over the main groups; the total on its own.
  for (const list of [types, groups]) {
    const p = list.flatMap((s) => (s.trend ? [s.trend.p] : []));
    const cutoff = p.length > 0 ? benjaminiHochbergCutoff(p, CHANGE_FDR) : Number.NEGATIVE_INFINITY;
    for (const s of list) s.clear = s.trend !== null && s.trend.z !== 0 && s.trend.p <= cutoff;
  }
  total.clear = total.trend !== null && total.trend.z !== 0 && total.trend.p < CHANGE_FDR;
  return { years, series };
}

const verdict = (s: Series, enoughYears: boolean): string => {
  if (!enoughYears) return "niet te bepalen (te weinig jaren)";
  if (!s.trend) return "niet te bepalen (afgeschermd)";
  if (!s.clear) return "geen duidelijke trend";
  return s.trend.z > 0 ? "duidelijk stijgend" : "duidelijk dalend";
};

/** The monthly values of the total and each main group over the trend years, as shown. */
export function seasonSeries(
  input: ProtectedCounts,
  years: readonly number[],
): { code: string; label: string; values: (number | null)[] }[] {
  const sums = monthSums(input.rows);
  const months = years.flatMap((y) => Array.from({ length: 12 }, (_, i) => y * 100 + i + 1));
  const codes = [...new Set(input.rows.filter((r) => r.count > 0).map((r) => r.inpCode.trim()))];
  const out = [
    { code: TOTAL, label: "Totaal", values: months.map((m) => shownSum(input, sums, TOTAL, m, m)) },
  ];
  for (const g of INP_TREE.filter((n) => n.level === 1)) {
    const members = codes.filter((c) => inpPath(c)?.l1.code === g.code);
    if (members.length === 0) continue;
    out.push({
      code: g.code,
      label: g.label,
      values: months.map((m) => sumOfShown(members.map((c) => shownSum(input, sums, c, m, m)))),
    });
  }
  return out;
}

function build(input: VeiligheidsanalyseInput, ctx: ProductContext): ProductDocument {
  const year = yearOf(ctx);
  const name = ctx.area.name;
  const summary: string[] = [];
  const f = trendFigures(input, year);
  const hasYear = f.years.includes(year);
  const enough = f.years.length >= MIN_TREND_YEARS;
  const span = f.years.length > 0 ? `${f.years[0]} tot en met ${year}` : String(year);

  // Trend.
  const trendTable: TableBlock = {
    kind: "table",
    id: "trend",
    caption: `Registraties per jaar in ${name}, ${span}`,
    columns: [
      { key: "soort", label: "Soort", type: "text" },
      { key: "code", label: "Code", type: "text" },
      ...f.years.map((y) => ({ key: `j${y}`, label: String(y), type: "count" as const })),
      { key: "trend", label: "Trend", type: "text" },
      { key: "perJaar", label: "Verandering per jaar (mediaan)", type: "number", decimals: 1 },
      { key: "p", label: "p-waarde", type: "p-value" },
    ],
    rows: f.series.map(
      (s): Row => ({
        depth: s.depth,
        total: s.total,
        cells: {
          soort: s.label,
          code: s.total ? null : s.code,
          ...Object.fromEntries(f.years.map((y, i) => [`j${y}`, countCell(s.values[i] ?? null)])),
          trend: verdict(s, enough),
          perJaar: s.trend && Number.isFinite(s.trend.senSlope) ? s.trend.senSlope : null,
          p: s.trend ? s.trend.p : null,
        },
      }),
    ),
    note: "Trend: Mann-Kendall-toets op de aantallen per jaar; per soort gecorrigeerd voor het aantal soorten, per hoofdgroep voor het aantal hoofdgroepen. Verandering per jaar: de mediaan van de hellingen tussen alle paren jaren (Sen). Een hoofdgroep staat er alleen als het aantal van elke soort erin getoond mag worden.",
  };
  const total = f.series.find((s) => s.total);
  const trendText: string[] = [];
  if (!hasYear) {
    summary.push(`Voor ${name} zijn er geen cijfers over ${year}.`);
  } else if (!enough) {
    const t = `Over een trend is nog niets te zeggen: er zijn cijfers over ${f.years.length === 1 ? "1 jaar" : `${f.years.length} jaren`}, en daarvoor zijn er minstens ${MIN_TREND_YEARS} nodig.`;
    summary.push(t);
    trendText.push(t);
  } else if (total?.trend) {
    const t = `Van ${span}: ${describeTrend({
      subject: "registraties",
      mk: { p: total.trend.p, senSlope: total.trend.senSlope, trend: total.trend.trend, z: total.trend.z },
      unit: "jaar",
    })}`;
    summary.push(t);
    trendText.push(t);
  } else {
    trendText.push("Over een trend van het totaal is niets te zeggen: in sommige jaren is het afgeschermd.");
  }
  const clearTypes = (dir: 1 | -1) =>
    f.series
      .filter((s) => s.depth === 1 && s.clear && s.trend && Math.sign(s.trend.z) === dir)
      .map((s) => s.label.toLowerCase());
  if (enough) {
    const up = clearTypes(1);
    const down = clearTypes(-1);
    if (up.length > 0) trendText.push(`Duidelijk stijgend: ${up.join(", ")}.`);
    if (down.length > 0) trendText.push(`Duidelijk dalend: ${down.join(", ")}.`);
    if (up.length + down.length === 0) trendText.push("Bij geen enkele soort is er een duidelijke trend.");
    summary.push(...trendText.slice(total?.trend ? 1 : 0).filter((t) => t.startsWith("Duidelijk")));
  }

  // Seasonal pattern.
  const seasonBlocks: Block[] = [];
  const season = f.years.length >= 2 ? seasonSeries(input, f.years) : [];
  const done = season.flatMap((s) =>
    s.values.every((v) => v !== null)
      ? [{ ...s, result: decompose(s.values as number[], { period: 12, model: "additive" }) }]
      : [],
  );
  if (f.years.length < 2) {
    seasonBlocks.push({
      kind: "text",
      paragraphs: ["Voor een patroon door het jaar zijn cijfers over minstens 2 hele jaren nodig."],
    });
  } else {
    const paragraphs = season.map((s) => {
      const d = done.find((x) => x.code === s.code);
      if (!d) return `${s.label}: niet te bepalen, want in sommige maanden is het aantal afgeschermd.`;
      return `${s.label}: ${describeSeason({
        subject: s.code === TOTAL ? "registraties" : `registraties (${s.label.toLowerCase()})`,
        result: d.result,
        period: 12,
        model: "additive",
        labels: Array.from({ length: 12 }, (_, i) => monthNameNl(i + 1)),
      })}`;
    });
    seasonBlocks.push({ kind: "text", paragraphs });
    if (done.length > 0) {
      const table: TableBlock = {
        kind: "table",
        id: "seizoen",
        caption: `Hoeveel een maand gewoonlijk boven of onder het gemiddelde ligt, ${name}, ${span}`,
        columns: [
          { key: "maand", label: "Maand", type: "text" },
          ...done.map((d) => ({
            key: d.code === TOTAL ? "totaal" : `g${d.code}`,
            label: d.label,
            type: "number" as const,
            decimals: 0,
          })),
        ],
        rows: Array.from({ length: 12 }, (_, i) => ({
          cells: {
            maand: monthNameNl(i + 1),
            ...Object.fromEntries(
              done.map((d) => [d.code === TOTAL ? "totaal" : `g${d.code}`, d.result.seasonal[i] as number]),
            ),
          },
        })),
        note: "Klassieke ontbinding in trend, seizoen en rest (voortschrijdend gemiddelde over 12 maanden). Alleen reeksen waarvan elke maand getoond mag worden.",
      };
      seasonBlocks.push(chartOf(table, "bar", "maand", [table.columns[1]?.key ?? "totaal"]), table);
    }
  }

  // Comparison with similar gemeenten (open data).
  const compareBlocks: Block[] = [];
  const own = hasYear ? (total?.values.at(-1) ?? null) : null;
  const population = ctx.area.population;
  const openNote = `De cijfers van andere gemeenten zijn openbare cijfers: het aantal registraties in ${year}, afgerond op ${OPEN_DATA_ROUNDING} zoals het CBS dat doet, gedeeld door het aantal inwoners. Voor ${name} gebruiken we hier ook het afgeronde aantal, zodat alles op dezelfde manier is berekend.`;
  const urbanNote =
    "Hoe stedelijk een gemeente is, staat niet in driehoek. Vergelijkbare gemeenten kiezen we daarom alleen op het aantal inwoners (dezelfde inwonersklasse van het CBS), eerst in dezelfde politie-eenheid en anders uit het hele land.";
  let comparison: PeersResult | null = null;
  if (!hasYear || own === null || !population || population <= 0) {
    compareBlocks.push({
      kind: "text",
      paragraphs: [
        !hasYear
          ? `Voor ${name} zijn er geen cijfers over ${year}; vergelijken kan niet.`
          : own === null
            ? `Het totaal van ${name} over ${year} is afgeschermd; vergelijken kan niet.`
            : `Het aantal inwoners van ${name} is niet bekend; vergelijken kan niet.`,
      ],
    });
  } else {
    const ownRounded = roundOpen(own);
    comparison = openDataPeers(
      { code: ctx.area.code, population, region: input.region, count: ownRounded },
      input.peers.map((p) => ({
        code: p.code,
        population: p.population,
        region: p.region,
        count: p.roundedTotal,
      })),
    );
    const chosen = input.peers.filter((p) => comparison?.peers.includes(p.code));
    const cls = populationClass(population);
    const classLabel = CLASS_LABELS[cls] ?? "";
    const paragraphs = [
      `In ${name} waren er in ${year} ${formatRateNl(comparison.rate)} registraties per 1.000 inwoners.`,
    ];
    if (chosen.length === 0) {
      paragraphs.push(
        `Er zijn geen andere gemeenten met ${classLabel} gevonden; vergelijken is daarom niet mogelijk.`,
      );
    } else {
      const where = comparison.step === 3 ? "uit het hele land" : "uit dezelfde politie-eenheid";
      paragraphs.push(
        `${chosen.length === 1 ? "Er is 1 vergelijkbare gemeente" : `Er zijn ${chosen.length} vergelijkbare gemeenten`}: met ${classLabel}, ${where}. Daar waren er gemiddeld ${formatRateNl(comparison.peerMean as number)} per 1.000 inwoners.`,
        `${name} staat op plaats ${comparison.rank} van ${chosen.length + 1} (plaats 1 is het hoogste cijfer).`,
      );
      const z = comparison.z;
      if (z === null) {
        paragraphs.push(
          chosen.length === 1
            ? "Met één gemeente is niet te zeggen of het verschil duidelijk is."
            : "De vergelijkbare gemeenten hebben allemaal hetzelfde cijfer, dus is niet te zeggen of het verschil duidelijk is.",
        );
      } else if (Math.abs(z) >= PEER_Z_LIMIT) {
        paragraphs.push(
          `Het cijfer van ${name} is duidelijk ${z > 0 ? "hoger" : "lager"} dan bij vergelijkbare gemeenten: het ligt meer dan twee keer de gewone spreiding ervan af.`,
        );
      } else
        paragraphs.push(`Het cijfer van ${name} is niet duidelijk anders dan bij vergelijkbare gemeenten.`);
      if (chosen.length < MIN_PEERS)
        paragraphs.push("Er zijn weinig vergelijkbare gemeenten; de vergelijking is daarom onzeker.");
    }
    summary.push(paragraphs.slice(0, chosen.length === 0 ? 2 : 4).join(" "));
    const rateOf = (count: number, pop: number) => (count / pop) * 1000;
    const table: TableBlock = {
      kind: "table",
      id: "vergelijking",
      caption: `${name} en vergelijkbare gemeenten: registraties per 1.000 inwoners in ${year} (openbare cijfers)`,
      columns: [
        { key: "gemeente", label: "Gemeente", type: "text" },
        { key: "inwoners", label: "Inwoners", type: "count" },
        { key: "aantal", label: `Registraties ${year} (afgerond op ${OPEN_DATA_ROUNDING})`, type: "count" },
        { key: "per1000", label: "Per 1.000 inwoners", type: "rate", decimals: 1 },
      ],
      rows: [
        {
          total: true,
          cells: {
            gemeente: name,
            inwoners: population,
            aantal: ownRounded,
            per1000: rateOf(ownRounded, population),
          },
        },
        ...chosen.map((p) => ({
          cells: {
            gemeente: p.name,
            inwoners: p.population,
            aantal: p.roundedTotal,
            per1000: rateOf(p.roundedTotal, p.population),
          },
        })),
      ],
      note: openNote,
    };
    compareBlocks.push({ kind: "text", paragraphs }, table);
    if (chosen.length > 0) compareBlocks.push(chartOf(table, "bar", "gemeente", ["per1000"]));
  }
  compareBlocks.push({ kind: "text", paragraphs: [openNote, urbanNote] });

  return {
    ...documentHead(ctx, "veiligheidsanalyse", `Veiligheidsanalyse ${name}, ${year}`, "aggregated"),
    summary,
    sections: [
      {
        id: SECTIONS[0].id,
        title: SECTIONS[0].title,
        blocks: [
          { kind: "text", paragraphs: trendText.length > 0 ? trendText : [`Geen cijfers over ${year}.`] },
          trendTable,
        ],
      },
      { id: SECTIONS[1].id, title: SECTIONS[1].title, blocks: seasonBlocks },
      { id: SECTIONS[2].id, title: SECTIONS[2].title, blocks: compareBlocks },
      {
        id: SECTIONS[3].id,
        title: SECTIONS[3].title,
        blocks: [
          {
            kind: "text",
            paragraphs: [
              "Deze analyse is bedoeld als onderbouwing voor het integraal veiligheidsplan. Het gaat over misdrijven en incidenten die de politie heeft geregistreerd, geteld in de maand waarin ze gebeurden.",
              `Een trend bekijken we over de laatste ${MAX_TREND_YEARS} jaar (minstens ${MIN_TREND_YEARS} jaar), met het aantal per jaar. Een trend heet duidelijk als die niet door toeval te verklaren is; we houden er rekening mee dat we veel soorten tegelijk bekijken.`,
              "Het patroon door het jaar laat zien welke maanden gewoonlijk hoger of lager liggen dan het gemiddelde, los van een trend. Een patroon heet duidelijk als de verschillen tussen de maanden groter zijn dan de toevallige schommelingen.",
              `Een verschil in procenten geven we alleen bij aantallen van ${MIN_COUNT_FOR_PERCENT} of meer.`,
              "Sommige aantallen zijn afgeschermd: kleine aantallen, en wat je daaruit zou kunnen terugrekenen, worden niet getoond. Een hoofdgroep, trend of patroon staat er alleen als elk aantal erin getoond mag worden.",
              "Niet alles wordt bij de politie gemeld. Een stijging kan ook komen doordat mensen vaker melden.",
              `Bij de vergelijking met andere gemeenten: ${formatCount(OPEN_DATA_ROUNDING)} is het veelvoud waarop de aantallen zijn afgerond.`,
            ],
          },
        ],
      },
    ],
  };
}

/** The CBS population classes, as words. */
const CLASS_LABELS = [
  "minder dan 10.000 inwoners",
  "10.000 tot 20.000 inwoners",
  "20.000 tot 50.000 inwoners",
  "50.000 tot 100.000 inwoners",
  "100.000 tot 150.000 inwoners",
  "150.000 tot 250.000 inwoners",
  "250.000 inwoners of meer",
];

export const veiligheidsanalyse: ProductDefinition<VeiligheidsanalyseInput> = {
  id: "veiligheidsanalyse",
  title: "Veiligheidsanalyse",
  description:
    "Onderbouwing voor het integraal veiligheidsplan: de trend over 5 tot 10 jaar per hoofdgroep en soort, het patroon door het jaar, en een vergelijking met gemeenten van dezelfde grootte (met openbare cijfers).",
  sections: SECTIONS,
  measures: [
    "aantal registraties per jaar",
    "trend over 5 tot 10 jaar (Mann-Kendall, Sen)",
    "patroon door het jaar (seizoen)",
    "per 1.000 inwoners tegen vergelijkbare gemeenten",
  ],
  levels: ["gemeente"],
  defaultLevel: "gemeente",
  periodKinds: ["jaar"],
  cadence: "vierjaarlijks",
  audience: ["burgemeester", "oov-adviseur", "analist-gemeente", "teamchef"],
  sensitivity: "aggregated",
  load,
  // The gemeente's own counts; the other gemeenten's figures are open data already (see load).
  protect: (store, input, table, ctx) =>
    protectCounts(store, ctx.area.code, ctx.lastCompleteMonth)(input, null, table),
  build,
};
