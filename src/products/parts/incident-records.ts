// Shared steps of the record-level products (sensitivity "incident", DESIGN.md §4): single
// registrations without persons, free text or modus operandi; the place coarsened to the buurt
// centre; the time to the hour; the registration number replaced by a keyed pseudonym.
//
// The data path, and why it is safe whatever the gate does:
//  - load reads the registrations of the agreed selection (raw, as stored) plus counts of the
//    comparison periods, the names of the areas and the buurt centres (public reference data);
//  - protect (run by the gate only when table protection is asked) leaves out withheld types and
//    refuses a minimum or rounding, which single records cannot honour;
//  - build ALWAYS starts with `protectIncidents`, which turns every registration into a
//    `ProtectedRecord` (protectRecord, "incident") and drops the raw ones; everything after it
//    works on `ProtectedIncidents`, a type without any raw registration, so the document cannot
//    pick up a description, person, modus operandi, postcode, house number or exact point.

import { describeChange } from "../../analysis/duiding/index.ts";
import { poissonRateTest } from "../../analysis/poisson-rate/poisson-rate-test.ts";
import { type ProtectedRecord, protectRecord } from "../../disclosure/record-protection/protect-record.ts";
import type { TableProtection } from "../../disclosure/table-protection/protection-rules.ts";
import type { AreaLevel, AreaSummary } from "../../domain/area.ts";
import { AccessDenied, InputError } from "../../domain/errors.ts";
import { rdToWgs84 } from "../../domain/geo/rd.ts";
import { inpNode } from "../../domain/inp-tree.ts";
import type { Registration } from "../../domain/registration.ts";
import { addMonths, civilFromDays, isoWeek, localBuckets, MONTHS_NL } from "../../domain/time.ts";
import { formatCount, listNl } from "../../render/format-nl.ts";
import type { Store } from "../../store/store.ts";
import type { ProductContext, ProductStore } from "../product-definition.ts";
import type { Cell, Column, MapBlock, MapFeature, Row, TableBlock, TextBlock } from "../product-document.ts";
import { type ProductPeriod, parsePeriod, previousYearPeriod } from "../product-period.ts";
import { buurtCentre } from "./buurt-centre.ts";
import type { IncidentSelection } from "./incident-selection.ts";
import { recordKeyOf } from "./record-key.ts";

// ---------------------------------------------------------------------------------------------
// Store access

/** The store reads record-level products make on top of `ProductStore`. */
export type RecordStore = ProductStore & Pick<Store, "registrations" | "areas">;

/**
 * The store as a record store.
 * @throws Error when the engine's store does not offer `registrations` and `areas`.
 */
export function recordStoreOf(store: ProductStore, product: string): RecordStore {
  const s = store as Partial<RecordStore>;
  if (typeof s.registrations !== "function" || typeof s.areas !== "function") {
    throw new Error(`${product}: de opslag geeft geen losse registraties (registrations en areas ontbreken)`);
  }
  return store as RecordStore;
}

// ---------------------------------------------------------------------------------------------
// Periods

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, "0");

/** yyyymmdd -> days since 1970-01-01. */
export function dayNumber(yyyymmdd: number): number {
  return Math.floor(
    Date.UTC(Math.floor(yyyymmdd / 10000), (Math.floor(yyyymmdd / 100) % 100) - 1, yyyymmdd % 100) / DAY_MS,
  );
}

/** Days since 1970-01-01 -> yyyymmdd. */
export function fromDayNumber(days: number): number {
  const [y, m, d] = civilFromDays(days);
  return y * 10000 + m * 100 + d;
}

const dayId = (yyyymmdd: number) =>
  `${Math.floor(yyyymmdd / 10000)}-${pad(Math.floor(yyyymmdd / 100) % 100)}-${pad(yyyymmdd % 100)}`;

/** The period of the same kind just before `p` (day, ISO week or month). */
export function previousPeriod(p: ProductPeriod): ProductPeriod {
  switch (p.kind) {
    case "dag":
      return parsePeriod(dayId(fromDayNumber(dayNumber(p.days.from) - 1)));
    case "week": {
      const d = fromDayNumber(dayNumber(p.days.from) - 7);
      const w = isoWeek(Math.floor(d / 10000), Math.floor(d / 100) % 100, d % 100);
      return parsePeriod(`${Math.floor(w / 100)}-W${pad(w % 100)}`);
    }
    case "maand": {
      const m = addMonths(p.from, -1);
      return parsePeriod(`${Math.floor(m / 100)}-${pad(m % 100)}`);
    }
    default:
      throw new RangeError(`no previous period for kind ${p.kind}`);
  }
}

/** The `n` days just before the period (inclusive yyyymmdd range). */
export function daysBefore(p: ProductPeriod, n: number): { from: number; to: number } {
  const first = dayNumber(p.days.from);
  return { from: fromDayNumber(first - n), to: fromDayNumber(first - 1) };
}

/** Number of days in the period. */
export function periodDays(p: ProductPeriod): number {
  return dayNumber(p.days.to) - dayNumber(p.days.from) + 1;
}

// ---------------------------------------------------------------------------------------------
// The input (raw) and its loading

/**
 * What the product compares with: "vorige" (the period before), "vorig-jaar" (the same period
 * a year earlier), "vier-weken" (the average over the 28 days before, per period length).
 */
export type ComparisonKind = "vorige" | "vorig-jaar" | "vier-weken";

export interface Comparison {
  kind: ComparisonKind;
  /** Column label, in Dutch. */
  label: string;
  /** Period label for the duiding ("week 35 van 2026"); null for an average (no sentence, no test). */
  periodLabel: string | null;
  /** Counts per INP code over the whole comparison range. */
  counts: Record<string, number>;
  /** The shown value is count / divisor (1 for a like period; 4 for four weeks per week). */
  divisor: number;
}

export interface IncidentGemeente {
  code: string;
  name: string;
  /** In the newest boundary year of the unit's gemeenten (older ones are listed only with records). */
  current: boolean;
}

export interface IncidentInput {
  product: string;
  selection: IncidentSelection;
  /**
   * The registrations of the period in the selection, as stored (raw: persons, free text, exact
   * place). Only `protectIncidents` reads them.
   */
  registrations: Registration[];
  comparisons: Comparison[];
  /** Names of the buurten, wijken and gemeenten involved, by code (newest boundary year). */
  names: Record<string, string>;
  /** RD centre of each buurt involved, by "year|code" (its placement year) and "*|code" (newest). */
  centres: Record<string, [number, number] | null>;
  /** The gemeenten covered: the gemeente asked, or the police unit's gemeenten. */
  gemeenten: IncidentGemeente[];
  /** INP codes of the selection left out by table protection. */
  withheldTypes: string[];
}

/** The gemeenten whose police area chain (basisteam → district → eenheid) reaches `unit`. */
export async function unitGemeenten(store: ProductStore, unit: AreaSummary): Promise<IncidentGemeente[]> {
  const all: AreaSummary[] = [];
  for (const level of ["eenheid", "district", "basisteam", "gemeente"] as const) {
    all.push(...(await store.listAreas({ level })));
  }
  const police = new Map<string, AreaSummary>();
  for (const a of all) {
    if (a.level !== "eenheid" && a.level !== "district" && a.level !== "basisteam") continue;
    const known = police.get(a.code);
    if (!known || known.year < a.year) police.set(a.code, a);
  }
  const reaches = (parent: string | null): boolean => {
    const seen = new Set<string>();
    let code = parent;
    while (code !== null && !seen.has(code)) {
      if (code === unit.code) return true;
      seen.add(code);
      code = police.get(code)?.parent ?? null;
    }
    return false;
  };
  const newest = new Map<string, AreaSummary>();
  for (const a of all) {
    if (a.level !== "gemeente" || !reaches(a.parent)) continue;
    const known = newest.get(a.code);
    if (!known || known.year < a.year) newest.set(a.code, a);
  }
  const maxYear = Math.max(...[...newest.values()].map((a) => a.year));
  return [...newest.values()]
    .map((a) => ({ code: a.code, name: a.name, current: a.year === maxYear }))
    .sort((a, b) => a.name.localeCompare(b.name, "nl") || a.code.localeCompare(b.code));
}

function countByType(regs: readonly Registration[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of regs) if (r.inpCode) out[r.inpCode] = (out[r.inpCode] ?? 0) + 1;
  return out;
}

async function newestNames(store: ProductStore, levels: AreaLevel[]): Promise<Map<string, AreaSummary>> {
  const out = new Map<string, AreaSummary>();
  for (const level of levels) {
    for (const a of await store.listAreas({ level })) {
      const known = out.get(a.code);
      if (!known || known.year < a.year) out.set(a.code, a);
    }
  }
  return out;
}

/** Centres of the buurten the registrations lie in, for their placement year and the newest. */
async function loadCentres(
  store: RecordStore,
  regs: readonly Registration[],
): Promise<Record<string, [number, number] | null>> {
  const needed = new Map<number | null, Set<string>>();
  for (const r of regs) {
    const b = r.placement.buurt;
    if (!b) continue;
    const set = needed.get(r.placement.year) ?? new Set<string>();
    set.add(b);
    needed.set(r.placement.year, set);
  }
  const out: Record<string, [number, number] | null> = {};
  const missing = new Set<string>();
  for (const [year, codes] of needed) {
    if (year === null) {
      for (const c of codes) missing.add(c);
      continue;
    }
    const geometry = new Map((await store.areas("buurt", year)).map((a) => [a.code, a.rd]));
    for (const code of codes) {
      const centre = buurtCentre(geometry.get(code) ?? null);
      out[`${year}|${code}`] = centre;
      if (!centre) missing.add(code);
    }
  }
  if (missing.size > 0) {
    // Not in the placement year (or none given): the newest boundary year that has the buurt.
    const newest = new Map<string, { year: number; centre: [number, number] | null }>();
    for (const a of await store.areas("buurt")) {
      if (!missing.has(a.code)) continue;
      const known = newest.get(a.code);
      if (known && known.year >= a.year) continue;
      const centre = buurtCentre(a.rd);
      if (centre) newest.set(a.code, { year: a.year, centre });
    }
    for (const code of missing) out[`*|${code}`] = newest.get(code)?.centre ?? null;
  }
  return out;
}

/**
 * Reads what a record-level product needs: the registrations of the period in the selection, in
 * the gemeente asked or in every gemeente of the police unit asked; counts of the comparisons;
 * names and buurt centres.
 */
export async function loadIncidents(
  productStore: ProductStore,
  ctx: ProductContext,
  opts: { product: string; selection: IncidentSelection; comparisons: readonly ComparisonKind[] },
): Promise<IncidentInput> {
  const store = recordStoreOf(productStore, opts.product);
  let gemeenten: IncidentGemeente[];
  if (ctx.area.level === "gemeente") {
    gemeenten = [{ code: ctx.area.code, name: ctx.area.name, current: true }];
  } else if (
    ctx.area.level === "eenheid" ||
    ctx.area.level === "district" ||
    ctx.area.level === "basisteam"
  ) {
    gemeenten = await unitGemeenten(store, ctx.area);
  } else {
    throw new InputError("losse registraties worden per gemeente of per politiegebied gegeven", "--gebied");
  }
  const inpCodes = opts.selection.inpCodes;
  const read = async (days: { from: number; to: number }) => {
    const out: Registration[] = [];
    for (const g of gemeenten) {
      out.push(
        ...(await store.registrations({
          area: g.code,
          level: "gemeente",
          fromDay: days.from,
          toDay: days.to,
          inpCodes,
        })),
      );
    }
    return out;
  };
  const registrations = await read(ctx.period.days);
  const comparisons: Comparison[] = [];
  for (const kind of opts.comparisons) {
    if (kind === "vier-weken") {
      const per = ctx.period.kind === "dag" ? "dag" : "week";
      comparisons.push({
        kind,
        label: `Gemiddeld per ${per}, 4 weken ervoor`,
        periodLabel: null,
        counts: countByType(await read(daysBefore(ctx.period, 28))),
        divisor: 28 / periodDays(ctx.period),
      });
      continue;
    }
    const p = kind === "vorige" ? previousPeriod(ctx.period) : previousYearPeriod(ctx.period);
    comparisons.push({
      kind,
      label: p.label.charAt(0).toUpperCase() + p.label.slice(1),
      periodLabel: p.label,
      counts: countByType(await read(p.days)),
      divisor: 1,
    });
  }
  const areas = await newestNames(store, ["buurt", "wijk"]);
  const names: Record<string, string> = {};
  for (const r of registrations) {
    for (const code of [r.placement.buurt, r.placement.wijk]) {
      const a = code ? areas.get(code) : undefined;
      if (a) names[a.code] = a.name;
    }
  }
  for (const g of gemeenten) names[g.code] = g.name;
  return {
    product: opts.product,
    selection: opts.selection,
    registrations,
    comparisons,
    names,
    centres: await loadCentres(store, registrations),
    gemeenten,
    withheldTypes: [],
  };
}

// ---------------------------------------------------------------------------------------------
// Protection

/**
 * The table protection the gate asks for, applied to record-level input: types to withhold are
 * left out altogether (records and counts). A minimum or rounding cannot be honoured next to the
 * single records it would have to hide, so the product refuses.
 * @throws AccessDenied when a minimum above 1 or rounding is asked.
 */
export function protectIncidentTable(input: IncidentInput, table: TableProtection): IncidentInput {
  if (table.minimum > 1 || (table.roundTo ?? 1) > 1) {
    throw new AccessDenied(
      `losse registraties kunnen niet worden afgeschermd of afgerond zoals de tabelbeveiliging vraagt (minimum ${table.minimum}${(table.roundTo ?? 1) > 1 ? `, afronden op ${table.roundTo}` : ""}); dit product is er niet voor deze ontvanger`,
      input.product,
    );
  }
  const withhold = new Set(table.withholdTypes ?? []);
  const withheld = input.selection.inpCodes.filter((c) => withhold.has(c));
  if (withheld.length === 0) return input;
  const keep = (c: string | null) => c !== null && !withhold.has(c);
  const without = (counts: Record<string, number>) =>
    Object.fromEntries(Object.entries(counts).filter(([c]) => keep(c)));
  return {
    ...input,
    selection: { ...input.selection, inpCodes: input.selection.inpCodes.filter(keep) },
    registrations: input.registrations.filter((r) => keep(r.inpCode)),
    comparisons: input.comparisons.map((c) => ({ ...c, counts: without(c.counts) })),
    withheldTypes: [...input.withheldTypes, ...withheld],
  };
}

/** The input after record protection: no raw registration left. */
export interface ProtectedIncidents {
  product: string;
  selection: IncidentSelection;
  /** In order of the hour, gemeente, type and pseudonym (never the exact time). */
  records: ProtectedRecord[];
  comparisons: Comparison[];
  names: Record<string, string>;
  gemeenten: IncidentGemeente[];
  withheldTypes: string[];
}

/**
 * Every registration as it may be shown at sensitivity "incident" (protectRecord), with the key
 * from the context; with `place: "gemeente"` also without buurt, wijk and point.
 * @throws Error when the context has no pseudonym key.
 */
export function protectIncidents(
  input: IncidentInput,
  ctx: ProductContext,
  place: "buurt" | "gemeente",
): ProtectedIncidents {
  const key = recordKeyOf(ctx, input.product);
  const selected = new Set(input.selection.inpCodes);
  const records: ProtectedRecord[] = [];
  for (const r of input.registrations) {
    if (r.inpCode === null || !selected.has(r.inpCode)) continue;
    const year = r.placement.year;
    const p = protectRecord(r, "incident", {
      key,
      buurtCentre: (code) => input.centres[`${year}|${code}`] ?? input.centres[`*|${code}`] ?? null,
    });
    records.push(
      place === "buurt" ? p : { ...p, buurt: null, wijk: null, x: null, y: null, place: "onbekend" },
    );
  }
  records.sort(
    (a, b) =>
      a.startsAtHour.localeCompare(b.startsAtHour) ||
      (a.gemeente ?? "").localeCompare(b.gemeente ?? "") ||
      (a.inpCode ?? "").localeCompare(b.inpCode ?? "", "en", { numeric: true }) ||
      a.id.localeCompare(b.id),
  );
  const gemeenteCodes = new Set(input.gemeenten.map((g) => g.code));
  const names =
    place === "buurt"
      ? { ...input.names }
      : Object.fromEntries(Object.entries(input.names).filter(([c]) => gemeenteCodes.has(c)));
  return {
    product: input.product,
    selection: input.selection,
    records,
    comparisons: input.comparisons,
    names,
    gemeenten: input.gemeenten,
    withheldTypes: input.withheldTypes,
  };
}

// ---------------------------------------------------------------------------------------------
// Blocks of the document

/** The Dutch label of an INP level-3 code. */
export function typeLabel(code: string | null): string {
  return code === null ? "onbekende soort" : (inpNode(code, 3)?.label ?? code);
}

/** Counts per INP code of the records. */
export function recordCounts(records: readonly ProtectedRecord[]): {
  counts: Record<string, number>;
  attempts: Record<string, number>;
} {
  const counts: Record<string, number> = {};
  const attempts: Record<string, number> = {};
  for (const r of records) {
    if (r.inpCode === null) continue;
    counts[r.inpCode] = (counts[r.inpCode] ?? 0) + 1;
    if (r.attempt) attempts[r.inpCode] = (attempts[r.inpCode] ?? 0) + 1;
  }
  return { counts, attempts };
}

const sum = (counts: Record<string, number>, codes: readonly string[]) =>
  codes.reduce((s, c) => s + (counts[c] ?? 0), 0);
const shown = (c: Comparison, n: number): number =>
  c.divisor === 1 ? n : Math.round((n / c.divisor) * 10) / 10;
const oneDecimal = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 1 });
const formatNumber = (n: number) => oneDecimal.format(n);

/** Per type of the selection: count, attempts, the comparisons (and the powers it touches); totals in the note. */
export function perTypeTable(
  p: ProtectedIncidents,
  opts: { id: string; caption: string; periodLabel: string; powers?: boolean; note?: string },
): TableBlock {
  const { counts, attempts } = recordCounts(p.records);
  const codes = p.selection.inpCodes;
  const columns: Column[] = [
    { key: "soort", label: "Soort", type: "text" },
    { key: "code", label: "Code", type: "text" },
    {
      key: "aantal",
      label: opts.periodLabel.charAt(0).toUpperCase() + opts.periodLabel.slice(1),
      type: "count",
    },
    { key: "pogingen", label: "Waarvan poging", type: "count" },
    ...p.comparisons.map(
      (c): Column =>
        c.divisor === 1
          ? { key: c.kind, label: c.label, type: "count" }
          : { key: c.kind, label: c.label, type: "number", decimals: 1 },
    ),
  ];
  if (opts.powers) columns.push({ key: "bevoegdheid", label: "Raakt aan", type: "text" });
  const rows: Row[] = codes.map((code) => {
    const cells: Record<string, Cell> = {
      soort: typeLabel(code),
      code,
      aantal: counts[code] ?? 0,
      pogingen: attempts[code] ?? 0,
    };
    for (const c of p.comparisons) cells[c.kind] = shown(c, c.counts[code] ?? 0);
    if (opts.powers) cells.bevoegdheid = p.selection.powers[code] ?? null;
    return { cells };
  });
  // No total row: the chart draws every row. The totals go in the note.
  const totals = [
    `${formatNumber(sum(counts, codes))} (${opts.periodLabel})`,
    ...p.comparisons.map(
      (c) =>
        `${formatNumber(shown(c, sum(c.counts, codes)))} (${c.label.charAt(0).toLowerCase()}${c.label.slice(1)})`,
    ),
  ];
  const note = [`Totaal: ${totals.join(", ")}.`, opts.note].filter(Boolean).join(" ");
  return { kind: "table", id: opts.id, caption: opts.caption, columns, rows, note };
}

/** "2026-04-01 00:00" -> { date: "1-4-2026", hour: "00:00-01:00" }. */
export function hourParts(startsAtHour: string): { date: string; hour: string } {
  const m = startsAtHour.match(/^(\d{4})-(\d{2})-(\d{2}) (\d{2}):00$/);
  if (!m) throw new RangeError(`unexpected startsAtHour ${startsAtHour}`);
  const h = Number(m[4]);
  return {
    date: `${Number(m[3])}-${Number(m[2])}-${m[1]}`,
    hour: `${m[4]}:00-${pad((h + 1) % 24)}:00`,
  };
}

export type RecordColumn = "id" | "datum" | "uur" | "soort" | "poging" | "wijk" | "buurt" | "gemeente";

const RECORD_COLUMNS: Record<RecordColumn, Column> = {
  id: { key: "id", label: "Kenmerk", type: "text" },
  datum: { key: "datum", label: "Datum", type: "text" },
  uur: { key: "uur", label: "Tijd (hele uur)", type: "text" },
  soort: { key: "soort", label: "Soort", type: "text" },
  poging: { key: "poging", label: "Poging", type: "text" },
  wijk: { key: "wijk", label: "Wijk", type: "text" },
  buurt: { key: "buurt", label: "Buurt", type: "text" },
  gemeente: { key: "gemeente", label: "Gemeente", type: "text" },
};

/** One row per record with the chosen columns (nothing else of a record can reach the table). */
export function recordsTable(
  p: ProtectedIncidents,
  opts: { id: string; caption: string; columns: readonly RecordColumn[]; note?: string },
): TableBlock {
  const name = (code: string | null) => (code ? (p.names[code] ?? code) : "onbekend");
  const rows: Row[] = p.records.map((r) => {
    const { date, hour } = hourParts(r.startsAtHour);
    const all: Record<RecordColumn, Cell> = {
      id: r.id,
      datum: date,
      uur: hour,
      soort: typeLabel(r.inpCode),
      poging: r.attempt ? "ja" : "nee",
      wijk: name(r.wijk),
      buurt: name(r.buurt),
      gemeente: name(r.gemeente),
    };
    return { cells: Object.fromEntries(opts.columns.map((c) => [c, all[c]])) };
  });
  return {
    kind: "table",
    id: opts.id,
    caption: opts.caption,
    columns: opts.columns.map((c) => RECORD_COLUMNS[c]),
    rows,
    note: opts.note,
  };
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * The records per buurt as points at the buurt centres (WGS84), with the table of the same counts
 * (the map's text alternative), and how many records have no buurt centre.
 */
export function buurtMap(
  p: ProtectedIncidents,
  opts: { mapId: string; tableId: string; caption: string; tableCaption: string },
): { map: MapBlock; table: TableBlock; unplaced: number } {
  const per = new Map<string, { code: string; x: number; y: number; count: number }>();
  let unplaced = 0;
  for (const r of p.records) {
    if (r.place !== "buurtmidden" || r.buurt === null || r.x === null || r.y === null) {
      unplaced++;
      continue;
    }
    const k = `${r.buurt}|${r.x}|${r.y}`;
    const known = per.get(k);
    if (known) known.count++;
    else per.set(k, { code: r.buurt, x: r.x, y: r.y, count: 1 });
  }
  const name = (code: string) => p.names[code] ?? code;
  const buurten = [...per.values()].sort(
    (a, b) =>
      b.count - a.count || name(a.code).localeCompare(name(b.code), "nl") || a.code.localeCompare(b.code),
  );
  const features: MapFeature[] = buurten.map((b) => {
    const [lon, lat] = rdToWgs84(b.x, b.y);
    return {
      type: "Feature",
      id: b.code,
      geometry: { type: "Point", coordinates: [round6(lon), round6(lat)] },
      properties: { code: b.code, naam: name(b.code), aantal: b.count },
    };
  });
  const table: TableBlock = {
    kind: "table",
    id: opts.tableId,
    caption: opts.tableCaption,
    columns: [
      { key: "buurt", label: "Buurt", type: "text" },
      { key: "code", label: "Code", type: "text" },
      { key: "aantal", label: "Aantal", type: "count" },
    ],
    rows: buurten.map((b) => ({ cells: { buurt: name(b.code), code: b.code, aantal: b.count } })),
    note:
      unplaced > 0
        ? `${unplaced === 1 ? "Eén registratie staat" : `${formatCount(unplaced)} registraties staan`} niet op de kaart: de buurt is niet bekend.`
        : undefined,
  };
  return {
    map: {
      kind: "map",
      id: opts.mapId,
      caption: opts.caption,
      features,
      valueKey: "aantal",
      table: table.id,
    },
    table,
    unplaced,
  };
}

/**
 * Plain-language lines comparing the total with each like comparison period, with an exact test
 * on the two counts (equal length, so equal exposure): a change is called statistically
 * significant only when the test says so.
 */
export function comparisonLines(p: ProtectedIncidents, subject: string): string[] {
  const codes = p.selection.inpCodes;
  const after = p.records.length;
  const out: string[] = [];
  for (const c of p.comparisons) {
    if (c.periodLabel === null) continue;
    const before = sum(c.counts, codes);
    const test =
      before + after === 0
        ? null
        : poissonRateTest({ count1: after, exposure1: 1, count2: before, exposure2: 1, method: "exact" });
    // "Vergeleken met week 13 van 2026: het aantal … steeg van 4 naar 9." reads right for a day,
    // a week and a month alike (describeChange's "in <period>" does not fit a day).
    const change = describeChange({ subject, before, after, test });
    out.push(`Vergeleken met ${c.periodLabel}: ${change.charAt(0).toLowerCase()}${change.slice(1)}`);
  }
  return out;
}

/** "straatroof 5 keer, vernieling 3 keer en overval 1 keer": the most frequent types, or null. */
export function topTypesText(p: ProtectedIncidents, n = 3): string | null {
  const { counts } = recordCounts(p.records);
  const top = Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "en", { numeric: true }))
    .slice(0, n)
    .map(([code, count]) => `${typeLabel(code).toLowerCase()} ${formatCount(count)} keer`);
  if (top.length === 0) return null;
  return listNl(top);
}

/** A warning when the period is not over yet (local Dutch day of `now`), else null. */
export function unfinishedLine(ctx: ProductContext): string | null {
  const today = localBuckets(ctx.now.getTime()).day;
  if (ctx.period.days.to < today) return null;
  return `Let op: ${ctx.period.label} is nog niet voorbij. Er komen waarschijnlijk nog registraties bij.`;
}

/** "1 april 2026" for a yyyymmdd. */
export function dayLabelNl(yyyymmdd: number): string {
  return `${yyyymmdd % 100} ${MONTHS_NL[(Math.floor(yyyymmdd / 100) % 100) - 1]} ${Math.floor(yyyymmdd / 10000)}`;
}

/** The explanation every record-level product ends with (plain Dutch). */
export function explanationBlock(
  p: ProtectedIncidents,
  opts: { place: "buurt" | "gemeente"; extra?: string[] },
): TextBlock {
  const labels = p.selection.inpCodes.map((c) => typeLabel(c).toLowerCase());
  const paragraphs = [
    `Hierin staan losse registraties van de politie, alleen van deze soorten: ${labels.join("; ")}. De keuze komt uit ${p.selection.source}.`,
    opts.place === "buurt"
      ? "Om de mensen achter een registratie te beschermen staan er geen namen, geen beschrijving en geen werkwijze in. De plaats is het midden van de buurt, niet het adres. De tijd is afgerond op het hele uur."
      : "Om de mensen achter een registratie te beschermen staan er geen namen, geen beschrijving, geen werkwijze en geen adres of buurt in: alleen de gemeente. De tijd is afgerond op het hele uur.",
    "Het kenmerk is een code in plaats van het registratienummer. Zo herken je dezelfde registratie in een volgend overzicht, maar je kunt er het nummer van de politie niet mee vinden.",
    "We tellen een registratie op de dag en het uur waarop het gebeurde (Nederlandse tijd). Pogingen tellen mee. Niet alles wordt bij de politie gemeld, dus de cijfers laten niet alles zien.",
    "Een verschil met een eerdere periode heet statistisch significant als toeval het niet verklaart (exacte toets op de twee aantallen). Bij kleine aantallen is een verschil meestal toeval.",
    ...(opts.extra ?? []),
  ];
  if (p.withheldTypes.length > 0) {
    paragraphs.push(
      `Deze soorten zijn afgeschermd en staan er niet in: ${p.withheldTypes.map((c) => typeLabel(c).toLowerCase()).join("; ")}.`,
    );
  }
  return { kind: "text", paragraphs };
}
