// Test support for the record-level products: a small police unit with two gemeenten (and one
// gemeente of another unit) in an in-memory DuckDB store, filled through the store's own import and
// load methods with generated registrations. Every registration carries unique marker strings in
// the fields no record-level product may show, so a test can check none reaches a document. The
// expected counts are made here independently of the store and of domain/time.ts (Intl with the
// Europe/Amsterdam time zone).

import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before } from "node:test";
import type { TableProtection } from "../../disclosure/table-protection/protection-rules.ts";
import type { Area, AreaSummary, MultiPolygon } from "../../domain/area.ts";
import type { Registration } from "../../domain/registration.ts";
import { openDuckDbStore } from "../../store/duckdb/duckdb-store.ts";
import type { DeliveryContent, Store } from "../../store/store.ts";
import { makeRegistration } from "../../store/store-suite.ts";
import type { ProductContext, ProductDefinition } from "../product-definition.ts";
import type { ProductDocument } from "../product-document.ts";
import type { ProductPeriod } from "../product-period.ts";

export const YEAR = 2026;
export const TEST_KEY = new Uint8Array(32).map((_, i) => i * 7 + 3);
export const NOW = new Date("2026-04-20T08:00:00Z");

const square = (x: number, y: number, size = 1000): MultiPolygon => [
  [
    [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
      [x, y],
    ],
  ],
];

/** A U shape whose centroid lies in the gap: its centre comes from the widest stretch. */
export const U_SHAPE: MultiPolygon = [
  [
    [
      [102000, 400000],
      [103000, 400000],
      [103000, 401000],
      [102700, 401000],
      [102700, 400300],
      [102300, 400300],
      [102300, 401000],
      [102000, 401000],
      [102000, 400000],
    ],
  ],
];

export const UNIT = "RE99";
export const GEMEENTEN = {
  GM9901: { name: "Aadorp", wijk: "WK990101", buurten: ["BU99010101", "BU99010102"] },
  GM9902: { name: "Beekstad", wijk: "WK990201", buurten: ["BU99020101", "BU99029999"] },
  GM9801: { name: "Elders", wijk: "WK980101", buurten: ["BU98010101"] },
} as const;
export type TestGemeente = keyof typeof GEMEENTEN;

/** Buurten with geometry, their names and their expected centres (RD). BU99029999 has no area. */
export const BUURTEN: Record<string, { name: string; rd: MultiPolygon; centre: [number, number] }> = {
  BU99010101: { name: "Centrum", rd: square(100000, 400000), centre: [100500, 400500] },
  BU99010102: { name: "Hoefijzer", rd: U_SHAPE, centre: [102150, 400442] },
  BU99020101: { name: "Haven", rd: square(110000, 400000), centre: [110500, 400500] },
  BU98010101: { name: "Ergens", rd: square(120000, 400000), centre: [120500, 400500] },
};

function areas(): Area[] {
  const a = (
    code: string,
    level: Area["level"],
    name: string,
    parent: string | null,
    rd: MultiPolygon | null = null,
  ) => ({ code, level, year: YEAR, name, parent, wgs84: null, rd }) satisfies Area;
  const out: Area[] = [
    a(UNIT, "eenheid", "Testeenheid", null),
    a("RE99D1", "district", "District Test", UNIT),
    a("RE99B01", "basisteam", "Basisteam Aadorp", "RE99D1"),
    a("RE99B02", "basisteam", "Basisteam Beekstad", "RE99D1"),
    a("RE98", "eenheid", "Andere eenheid", null),
    a("RE98B01", "basisteam", "Basisteam Elders", "RE98"),
    a("GM9901", "gemeente", "Aadorp", "RE99B01"),
    a("GM9902", "gemeente", "Beekstad", "RE99B02"),
    a("GM9801", "gemeente", "Elders", "RE98B01"),
  ];
  for (const [code, g] of Object.entries(GEMEENTEN)) {
    out.push(a(g.wijk, "wijk", `Wijk ${g.name}`, code));
    for (const b of g.buurten) {
      const known = BUURTEN[b];
      if (known) out.push(a(b, "buurt", known.name, g.wijk, known.rd));
    }
  }
  return out;
}

/** Markers planted in the fields a record-level product must never show. */
export const MARKERS = {
  description: "MARKER-OMSCHRIJVING",
  person: "MARKER-PERSOON",
  modusOperandi: "MARKER-WERKWIJZE",
  postcode: "MARKERPC",
  houseNumber: "MARKER-HUISNUMMER",
  sourceId: "MARKER-BRONID",
} as const;

/** Types used: most in some default selection, 1.2.3 and 2.4.1 in none. */
const TYPES = [
  "1.1.1",
  "1.4.3",
  "1.4.6",
  "1.6.1",
  "2.2.1",
  "2.2.2",
  "3.1.1",
  "3.6.4",
  "1.2.3",
  "2.4.1",
  "1.4.2",
  "3.6.2",
];

/** The registration at 22:30 UTC on 31 March 2026: 00:30 on 1 April in Amsterdam (summer time). */
export const DST_SOURCE_ID = `${MARKERS.sourceId}-DST`;

/** Deterministic pseudo-random numbers in [0, 1). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The generated registrations (exact x/y unique per registration: 1e5 + i + .123 and 4e5 + i + .789). */
export function incidentRegistrations(): Registration[] {
  const random = lcg(20260401);
  const out: Registration[] = [];
  const ranges: [number, number][] = [
    [Date.UTC(2025, 2, 1), Date.UTC(2025, 4, 1)],
    [Date.UTC(2026, 1, 15), Date.UTC(2026, 4, 1)],
  ];
  for (const [from, to] of ranges) {
    for (let day = from; day < to; day += 86_400_000) {
      for (const [code, g] of Object.entries(GEMEENTEN)) {
        const n = Math.floor(random() * 4);
        for (let k = 0; k < n; k++) {
          const i = out.length;
          const startsAt = new Date(day + Math.floor(random() * 86_400_000));
          const r = random();
          const buurt = r < 0.1 ? null : (g.buurten[Math.floor(random() * g.buurten.length)] as string);
          out.push(
            makeRegistration({
              source: "test-politie",
              sourceId: `${MARKERS.sourceId}-${i}`,
              startsAt,
              inpCode: TYPES[Math.floor(random() * TYPES.length)] as string,
              attempt: random() < 0.2,
              x: 100_000 + i + 0.123,
              y: 400_000 + i + 0.789,
              postcode: `${MARKERS.postcode}${i}`,
              houseNumber: `${MARKERS.houseNumber}-${i}`,
              modusOperandi: `${MARKERS.modusOperandi}-${i}`,
              description: `${MARKERS.description}-${i}`,
              persons: [{ role: "verdachte", pseudonym: `${MARKERS.person}-${i}` }],
              placement: { year: YEAR, buurt, wijk: g.wijk, gemeente: code, pc4: null, method: "punt" },
            }),
          );
        }
      }
    }
  }
  out.push(
    makeRegistration({
      source: "test-politie",
      sourceId: DST_SOURCE_ID,
      startsAt: new Date("2026-03-31T22:30:00Z"),
      inpCode: "1.4.3",
      x: 100_777.321,
      y: 400_777.987,
      postcode: `${MARKERS.postcode}DST`,
      houseNumber: `${MARKERS.houseNumber}-DST`,
      modusOperandi: `${MARKERS.modusOperandi}-DST`,
      description: `${MARKERS.description}-DST`,
      persons: [{ role: "slachtoffer", pseudonym: `${MARKERS.person}-DST` }],
      placement: {
        year: YEAR,
        buurt: "BU99010101",
        wijk: "WK990101",
        gemeente: "GM9901",
        pc4: null,
        method: "punt",
      },
    }),
  );
  return out;
}

function content(regs: Registration[]): DeliveryContent {
  return {
    registrations: (async function* () {
      yield regs.map((registration, i) => ({ line: i + 2, registration }));
    })(),
    finish: () => ({ quarantine: [], read: regs.length }),
  };
}

/** The in-memory store with the areas and the registrations loaded. */
export async function openIncidentStore(
  regs: Registration[] = incidentRegistrations(),
): Promise<{ store: Store; registrations: Registration[] }> {
  const store = await openDuckDbStore(":memory:");
  await store.importAreas(areas());
  const outcome = await store.loadDelivery(
    {
      source: "test-politie",
      fileName: "incidenten.csv",
      sha256: "incidenten",
      bytes: regs.length * 100,
      format: "canoniek",
      receivedAt: NOW,
    },
    content(regs),
  );
  if (outcome.kind !== "loaded") throw new Error(`levering niet geladen: ${outcome.kind}`);
  return { store, registrations: regs };
}

/** The product context for an area and period, with the test key (or without, to test that). */
export async function contextFor(
  store: Store,
  area: string,
  period: ProductPeriod,
  withKey = true,
): Promise<ProductContext> {
  const found = (await store.listAreas()).find((a) => a.code === area) as AreaSummary;
  if (!found) throw new Error(`onbekend gebied ${area}`);
  const ctx: ProductContext = { area: found, period, lastCompleteMonth: 202603, now: NOW };
  return withKey ? { ...ctx, recordKey: TEST_KEY } : ctx;
}

/** The store of a suite's tests, with its registrations; filled before the first test. */
export interface IncidentSuite {
  store: Store;
  regs: Registration[];
}

/** Opens the store before the tests of the enclosing suite and closes it after them. */
export function incidentSuite(): IncidentSuite {
  const suite = {} as IncidentSuite;
  before(async () => {
    const opened = await openIncidentStore();
    suite.store = opened.store;
    suite.regs = opened.registrations;
  });
  after(async () => {
    await suite.store?.close();
  });
  return suite;
}

/** `content` written as incidentselectie.json into `dir` (default: a new temporary folder); the folder. */
export function selectionConfigDir(
  content: unknown,
  dir: string = mkdtempSync(join(tmpdir(), "incidentselectie-")),
): string {
  writeFileSync(join(dir, "incidentselectie.json"), JSON.stringify(content));
  return dir;
}

/**
 * A product's document made as the engine makes it: load, protect (no table protection unless
 * asked), build; with `table` null, protect is skipped, as the gate does when it asks for none.
 */
export async function makeDocument<I>(
  def: ProductDefinition<I>,
  store: Store,
  area: string,
  period: ProductPeriod,
  table: TableProtection | null = { minimum: 0 },
): Promise<ProductDocument> {
  const ctx = await contextFor(store, area, period);
  const input = await def.load(store, ctx);
  return def.build(table ? await def.protect(store, input, table, ctx) : input, ctx);
}

// --- Independent expectations ---------------------------------------------------------------

const local = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Amsterdam",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  hourCycle: "h23",
});

/** Local Amsterdam date (yyyymmdd) and hour of an instant, by Intl (not domain/time.ts). */
export function amsterdam(d: Date): { day: number; hour: number } {
  const parts = Object.fromEntries(local.formatToParts(d).map((p) => [p.type, p.value]));
  return { day: Number(`${parts.year}${parts.month}${parts.day}`), hour: Number(parts.hour) };
}

/** The registrations of some gemeenten with a local day in range and a type in the selection. */
export function expectedRegs(
  regs: readonly Registration[],
  gemeenten: readonly string[],
  days: { from: number; to: number },
  codes: readonly string[],
): Registration[] {
  return regs.filter((r) => {
    const d = amsterdam(r.startsAt).day;
    return (
      gemeenten.includes(r.placement.gemeente ?? "") &&
      d >= days.from &&
      d <= days.to &&
      codes.includes(r.inpCode ?? "")
    );
  });
}

/** Counts per INP code. */
export function countsOf(regs: readonly Registration[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of regs) out.set(r.inpCode ?? "", (out.get(r.inpCode ?? "") ?? 0) + 1);
  return out;
}

/** The pseudonym, computed here directly with HMAC-SHA256 (as DESIGN.md §4 describes it). */
export function expectedPseudonym(r: Registration): string {
  const mac = createHmac("sha256", TEST_KEY).update(`registratie|${r.source}|${r.sourceId}`).digest("hex");
  return `R-${mac.slice(0, 16)}`;
}

/** Every marker value of the registrations, and their exact coordinates as written in JSON. */
export function forbiddenStrings(regs: readonly Registration[]): string[] {
  const out = new Set<string>(Object.values(MARKERS));
  for (const r of regs) {
    out.add(r.sourceId);
    if (r.x !== null) out.add(String(r.x));
    if (r.y !== null) out.add(String(r.y));
    out.add(r.startsAt.toISOString());
  }
  return [...out];
}

/** Fails when the document shows any marker, source id, exact coordinate or exact time of `shown`. */
export function assertNothingForbidden(doc: ProductDocument, shown: readonly Registration[]): void {
  assert.ok(shown.length > 0, "the registrations to hide are there");
  const json = JSON.stringify(doc);
  for (const s of forbiddenStrings(shown)) assert.ok(!json.includes(s), `"${s}" appears in the document`);
  assert.ok(!json.includes("MARKER"), "no marker at all");
}
