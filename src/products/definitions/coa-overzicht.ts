// Incidentenoverzicht COA-locaties: registrations at or near the reception locations of a
// gemeente (config/coa-locaties.json), per month (or quarter) and over the last 12 months.
//
// What "near" means depends on the recipient, so that no small count can be worked out:
//  - with table protection (the gemeente): the buurt the location lies in, its total and its
//    woninginbraak, exactly the sums the gemeente's family decision lets through (protectFamily,
//    as the woninginbraakmonitor uses it): every month, every year to date, every 12 months. A
//    quarter is no such sum: it is shown only as the difference of two shown year-to-date sums;
//  - without table protection (the police): also the count within a radius around the point,
//    which no decision covers (a circle is no area the protection knows), so it never goes out
//    to anyone with table protection: protect drops it before anything is built.

import type { FamilyDecision } from "../../disclosure/table-protection/area-family-protection.ts";
import { SHOW_ALL, type Shown, TOTAL } from "../../disclosure/table-protection/monthly-counts-protection.ts";
import { familyOptions, protectFamily } from "../../disclosure/table-protection/protect-family.ts";
import { type TableProtection, withheldBelow } from "../../disclosure/table-protection/protection-rules.ts";
import { InputError } from "../../domain/errors.ts";
import { rdToWgs84 } from "../../domain/geo/rd.ts";
import { addMonths, monthLabelNl } from "../../domain/time.ts";
import { formatCount, monthRangeNl } from "../../render/format-nl.ts";
import type { AreaMonthlyCount, MonthlyCount } from "../../store/store.ts";
import { countCell } from "../parts/area-counts.ts";
import { type CoaLocation, loadCoaConfig } from "../parts/coa-locaties.ts";
import { documentHead } from "../parts/document-head.ts";
import type { ProductContext, ProductDefinition, ProductStore } from "../product-definition.ts";
import type { Cell, MapFeature, ProductDocument, Row, Section, TableBlock } from "../product-document.ts";

const ID = "coa-overzicht";
/** Woninginbraak: a detail type the family shows per buurt. */
export const BURGLARY = "1.1.1";

const SECTIONS = [
  { id: "overzicht", title: "Overzicht van de locaties" },
  { id: "per-locatie", title: "De buurt van elke locatie" },
  { id: "straal", title: "Rond elke locatie (alleen politie)" },
  { id: "uitleg", title: "Hoe lees je dit overzicht?" },
] as const;

export interface CoaLocationInput extends CoaLocation {
  buurtName: string;
}

/** Registrations within the radius of a location, per month: [all types, woninginbraak]. */
export type RadiusCounts = Record<string, Record<number, [number, number]>>;

export interface CoaInput {
  locations: CoaLocationInput[];
  radius: number;
  /** The gemeente's monthly counts (for the family decision). */
  rows: readonly MonthlyCount[];
  /** Monthly counts of the locations' buurten, every type. */
  buurtRows: readonly AreaMonthlyCount[];
  /** Counts within the radius; null once table protection applies (never shown then). */
  near: RadiusCounts | null;
  decision: Pick<FamilyDecision, "buurt"> | null;
  /** Types left out of the buurt figures (table protection: never below the gemeente). */
  leftOut: string[];
}

/** The months of the period and the 12 months up to its end. */
function windows(ctx: ProductContext): { months: number[]; last12: { from: number; to: number } } {
  const months: number[] = [];
  for (let m = ctx.period.from; m <= ctx.period.to; m = addMonths(m, 1)) months.push(m);
  return { months, last12: { from: addMonths(ctx.period.to, -11), to: ctx.period.to } };
}

const lastDayOf = (yyyymm: number) =>
  yyyymm * 100 + new Date(Date.UTC(Math.floor(yyyymm / 100), yyyymm % 100, 0)).getUTCDate();

export function makeCoaOverzicht(opts: { configDir?: string } = {}): ProductDefinition<CoaInput> {
  const locationsOf = (ctx: ProductContext): readonly CoaLocation[] => {
    const list = loadCoaConfig(opts.configDir).locations[ctx.area.code];
    if (!list || list.length === 0) {
      throw new InputError(
        `voor ${ctx.area.name} (${ctx.area.code}) staan geen COA-locaties in coa-locaties.json`,
        "--gebied",
      );
    }
    return list;
  };

  async function disclosedAreas(_store: ProductStore, ctx: ProductContext): Promise<string[]> {
    return [ctx.area.code, ...new Set(locationsOf(ctx).map((l) => l.buurt))];
  }

  async function load(store: ProductStore, ctx: ProductContext): Promise<CoaInput> {
    const config = loadCoaConfig(opts.configDir);
    const list = locationsOf(ctx);
    const g = ctx.area.code;
    const { last12 } = windows(ctx);
    const buurten = new Set(list.map((l) => l.buurt));
    const [rows, allBuurtRows, areas, regs] = await Promise.all([
      store.monthlyCounts({ area: g, level: "gemeente", fromMonth: 190001, toMonth: ctx.lastCompleteMonth }),
      store.monthlyCountsWithin({
        gemeente: g,
        level: "buurt",
        fromMonth: 190001,
        toMonth: ctx.lastCompleteMonth,
      }),
      store.areas("buurt"),
      store.registrations({
        area: g,
        level: "gemeente",
        fromDay: last12.from * 100 + 1,
        toDay: lastDayOf(last12.to),
      }),
    ]);
    const names = new Map<string, { year: number; name: string }>();
    for (const a of areas) {
      const known = names.get(a.code);
      if (buurten.has(a.code) && (!known || known.year < a.year)) names.set(a.code, a);
    }
    const locations = list.map((l) => {
      const name = names.get(l.buurt)?.name;
      if (!name) {
        throw new InputError(`buurt ${l.buurt} van locatie ${l.id} is onbekend`, "coa-locaties.json");
      }
      return { ...l, buurtName: name };
    });
    // Counts within the radius, per month (only numbers are kept, no registration).
    const near: RadiusCounts = {};
    const r2 = config.radius * config.radius;
    for (const l of locations) {
      const perMonth: Record<number, [number, number]> = {};
      for (const r of regs) {
        if (r.x === null || r.y === null) continue;
        const dx = r.x - l.x;
        const dy = r.y - l.y;
        if (dx * dx + dy * dy > r2) continue;
        const c = perMonth[r.local.month] ?? [0, 0];
        c[0]++;
        if (r.inpCode?.trim() === BURGLARY) c[1]++;
        perMonth[r.local.month] = c;
      }
      near[l.id] = perMonth;
    }
    return {
      locations,
      radius: config.radius,
      rows,
      buurtRows: allBuurtRows.filter((r) => buurten.has(r.area)),
      near,
      decision: null,
      leftOut: [],
    };
  }

  async function protect(
    store: ProductStore,
    input: CoaInput,
    table: TableProtection,
    ctx: ProductContext,
  ): Promise<CoaInput> {
    if ((table.roundTo ?? 1) > 1) throw new RangeError("het COA-overzicht wordt niet afgerond geleverd");
    // Any table protection at all: the radius counts go (no decision covers them).
    const leftOut = withheldBelow(table).sort();
    const without = { ...input, near: null, leftOut };
    if (table.minimum <= 1) return without;
    const decision = await protectFamily(
      store,
      ctx.area.code,
      input.rows,
      familyOptions(table, ctx.lastCompleteMonth),
    );
    return { ...without, decision };
  }

  function build(input: CoaInput, ctx: ProductContext): ProductDocument {
    const { months, last12 } = windows(ctx);
    const quarter = ctx.period.kind === "kwartaal";
    const year = Math.floor(ctx.period.to / 100);
    const police = input.near !== null && input.decision === null;
    const leftOut = new Set(input.leftOut);
    const firstMonth = input.rows.reduce(
      (m, r) => (r.count > 0 ? Math.min(m, r.month) : m),
      Number.POSITIVE_INFINITY,
    );
    const last12Label = `12 maanden (${monthRangeNl(last12.from, last12.to)})`;

    /** Sum of the buurt's rows over months, for all types (TOTAL) or one type. */
    const buurtSum = (buurt: string, series: string, from: number, to: number) =>
      input.buurtRows.reduce((s, r) => {
        const code = r.inpCode.trim();
        if (r.area !== buurt || r.month < from || r.month > to || leftOut.has(code)) return s;
        return series === TOTAL || code === series ? s + r.count : s;
      }, 0);
    const shownOf = (buurt: string): Shown => (input.decision ? input.decision.buurt(buurt) : SHOW_ALL);
    /** A decided sum of the buurt, or withheld. */
    const decided = (buurt: string, series: string, from: number, to: number): Cell =>
      countCell(shownOf(buurt)(series, from, to) ? buurtSum(buurt, series, from, to) : null);
    /**
     * The quarter, never as a sum of its own: the year to date at its end minus the year to date
     * before it, both shown; otherwise the sum of its three months when each is shown (what a
     * reader adds up from the table anyway); otherwise withheld.
     */
    const quarterCell = (buurt: string, series: string): Cell => {
      const jan = year * 100 + 1;
      const end = decided(buurt, series, jan, ctx.period.to);
      const before =
        ctx.period.from === jan ? 0 : decided(buurt, series, jan, addMonths(ctx.period.from, -1));
      if (typeof end === "number" && typeof before === "number") return end - before;
      const parts = months.map((m) => decided(buurt, series, m, m));
      return parts.every((c): c is number => typeof c === "number")
        ? parts.reduce((a, b) => a + b, 0)
        : countCell(null);
    };
    const noFigures = (m: number) => m < firstMonth;

    const buurtRows = (l: CoaLocationInput): Row[] => {
      const rows: Row[] = months.map((m) => ({
        cells: {
          periode: monthLabelNl(m),
          totaal: noFigures(m) ? null : decided(l.buurt, TOTAL, m, m),
          woninginbraak: noFigures(m) ? null : decided(l.buurt, BURGLARY, m, m),
        },
      }));
      if (quarter) {
        rows.push({
          total: true,
          cells: {
            periode: ctx.period.label,
            totaal: quarterCell(l.buurt, TOTAL),
            woninginbraak: quarterCell(l.buurt, BURGLARY),
          },
        });
      }
      rows.push({
        total: true,
        cells: {
          periode: last12Label,
          totaal: decided(l.buurt, TOTAL, last12.from, last12.to),
          woninginbraak: decided(l.buurt, BURGLARY, last12.from, last12.to),
        },
      });
      return rows;
    };
    const columns = (what: string) => [
      { key: "periode", label: "Periode", type: "text" as const },
      { key: "totaal", label: `Alle registraties ${what}`, type: "count" as const },
      { key: "woninginbraak", label: `Woninginbraak ${what}`, type: "count" as const },
    ];
    const perLocation: TableBlock[] = input.locations.map((l) => ({
      kind: "table",
      id: `buurt-${l.id}`,
      caption: `${l.name}: registraties in buurt ${l.buurtName} (${l.buurt}), ${ctx.period.label} en ${last12Label}`,
      columns: columns("in de buurt"),
      rows: buurtRows(l),
      note: quarter
        ? "Het kwartaal is het jaar tot en met de laatste maand van het kwartaal min het jaar tot en met de maand ervoor (of de som van de drie maanden)."
        : undefined,
    }));

    const overview: TableBlock = {
      kind: "table",
      id: "overzicht",
      caption: `COA-locaties in ${ctx.area.name}: registraties in de buurt, ${last12Label}`,
      columns: [
        { key: "locatie", label: "Locatie", type: "text" },
        { key: "buurt", label: "Buurt", type: "text" },
        { key: "code", label: "Buurtcode", type: "text" },
        { key: "totaal", label: "Alle registraties in de buurt", type: "count" },
        { key: "woninginbraak", label: "Woninginbraak in de buurt", type: "count" },
      ],
      rows: input.locations.map((l) => ({
        cells: {
          locatie: l.name,
          buurt: l.buurtName,
          code: l.buurt,
          totaal: decided(l.buurt, TOTAL, last12.from, last12.to),
          woninginbraak: decided(l.buurt, BURGLARY, last12.from, last12.to),
        },
      })),
    };
    const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
    const features: MapFeature[] = input.locations.map((l, i) => {
      const [lon, lat] = rdToWgs84(l.x, l.y);
      const cell = overview.rows[i]?.cells.totaal ?? null;
      return {
        type: "Feature",
        id: l.id,
        geometry: { type: "Point", coordinates: [round6(lon), round6(lat)] },
        properties: {
          naam: l.name,
          buurt: l.buurtName,
          aantal: typeof cell === "number" ? cell : null,
          ...(typeof cell === "object" && cell !== null ? { afgeschermd: true } : {}),
        },
      };
    });

    const sections: Section[] = [
      {
        id: "overzicht",
        title: SECTIONS[0].title,
        blocks: [
          {
            kind: "map",
            id: "kaart",
            caption: `COA-locaties in ${ctx.area.name} met het aantal registraties in hun buurt, ${last12Label}`,
            features,
            valueKey: "aantal",
            table: overview.id,
          },
          overview,
        ],
      },
      { id: "per-locatie", title: SECTIONS[1].title, blocks: perLocation },
    ];

    if (police && input.near) {
      const near = input.near;
      const nearSum = (id: string, k: 0 | 1, from: number, to: number) =>
        Object.entries(near[id] ?? {}).reduce(
          (s, [m, c]) => (Number(m) >= from && Number(m) <= to ? s + c[k] : s),
          0,
        );
      const radiusTables: TableBlock[] = input.locations.map((l) => {
        const row = (periode: string, from: number, to: number, total = false): Row => ({
          total,
          cells: { periode, totaal: nearSum(l.id, 0, from, to), woninginbraak: nearSum(l.id, 1, from, to) },
        });
        return {
          kind: "table",
          id: `straal-${l.id}`,
          caption: `${l.name}: registraties binnen ${formatCount(input.radius)} meter, ${ctx.period.label} en ${last12Label}`,
          columns: columns(`binnen ${formatCount(input.radius)} m`),
          rows: [
            ...months.map((m) => row(monthLabelNl(m), m, m)),
            ...(quarter ? [row(ctx.period.label, ctx.period.from, ctx.period.to, true)] : []),
            row(last12Label, last12.from, last12.to, true),
          ],
          note: "Alleen voor de politie: een cirkel is geen gebied waarover de tabelbeveiliging beslist. Alleen registraties in deze gemeente, met een bekende plaats.",
        };
      });
      sections.push({ id: "straal", title: SECTIONS[2].title, blocks: radiusTables });
    }

    const explanation = [
      "Dit overzicht laat de politieregistraties zien bij de opvanglocaties van het COA in de gemeente, zoals met de gemeente afgesproken. Een registratie zegt niet dat bewoners van de locatie erbij betrokken waren.",
      "'In de buurt' is de CBS-buurt waarin de locatie ligt. We tellen alle misdrijven en incidenten in die buurt, en apart de woninginbraken (pogingen tellen mee).",
      "Een streepje betekent afgeschermd: het aantal is klein, of zou samen met andere cijfers een klein aantal verraden.",
      police
        ? `In de versie voor de politie staat ook het aantal registraties binnen ${formatCount(input.radius)} meter van de locatie.`
        : "Aantallen rond het punt van de locatie krijgt alleen de politie: daarover beslist de beveiliging niet.",
    ];
    if (quarter) {
      explanation.push(
        "Een kwartaal tonen we alleen als het verschil van twee getoonde sommen van het jaar tot nu, of als de som van drie getoonde maanden: anders kan een afgeschermde maand uit de andere cijfers volgen.",
      );
    }
    if (input.leftOut.length > 0) {
      explanation.push(
        `Zedenmisdrijven en andere soorten die onder de gemeente niet worden gegeven tellen in de buurt niet mee (${input.leftOut.join(", ")}).`,
      );
    }
    sections.push({
      id: "uitleg",
      title: SECTIONS[3].title,
      blocks: [{ kind: "text", paragraphs: explanation }],
    });

    const summary = input.locations.map((l) => {
      const t = quarter ? quarterCell(l.buurt, TOTAL) : decided(l.buurt, TOTAL, ctx.period.to, ctx.period.to);
      const w = quarter
        ? quarterCell(l.buurt, BURGLARY)
        : decided(l.buurt, BURGLARY, ctx.period.to, ctx.period.to);
      const count = (c: Cell, one: string, many: string) =>
        typeof c === "number"
          ? `${formatCount(c)} ${c === 1 ? one : many}`
          : `een afgeschermd aantal ${many}`;
      return `${l.name}: in ${ctx.period.label} ${count(t, "registratie", "registraties")} in buurt ${l.buurtName}, waarvan ${count(w, "woninginbraak", "woninginbraken")}.`;
    });

    return {
      ...documentHead(
        ctx,
        ID,
        `Incidentenoverzicht COA-locaties ${ctx.area.name}, ${ctx.period.label}`,
        "aggregated",
      ),
      summary,
      sections,
    };
  }

  return {
    id: ID,
    title: "Incidentenoverzicht COA-locaties",
    description:
      "Registraties bij en rond de opvanglocaties van het COA, zoals met de gemeente afgesproken: per maand of kwartaal en over 12 maanden, in de buurt van elke locatie (de politie ook binnen een straal rond de locatie).",
    sections: SECTIONS,
    measures: [
      "registraties in de buurt van de locatie (totaal en woninginbraak)",
      "per maand, per kwartaal en over 12 maanden",
      "binnen een straal rond de locatie (alleen politie)",
    ],
    levels: ["gemeente"],
    defaultLevel: "gemeente",
    periodKinds: ["maand", "kwartaal"],
    cadence: "maandelijks",
    audience: ["burgemeester", "oov-adviseur", "teamchef", "politie-analist"],
    sensitivity: "aggregated",
    disclosedAreas,
    load,
    protect,
    build,
  };
}

export const coaOverzicht: ProductDefinition<CoaInput> = makeCoaOverzicht();
