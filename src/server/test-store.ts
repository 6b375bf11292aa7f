// Test data for the web pages: a real DuckDB store in memory, filled through the store's own import
// and load methods with generated registrations for fictional gemeenten (fictional names, so nobody
// takes the numbers for facts about a real place). Used by the route and browser tests.

import { seededUniform } from "../demo/prng.ts";
import type { Area } from "../domain/area.ts";
import type { Registration } from "../domain/registration.ts";
import { localBuckets } from "../domain/time.ts";
import { openDuckDbStore } from "../store/duckdb/duckdb-store.ts";
import type { DeliveryContent, LineRegistration, Store } from "../store/store.ts";

export const TEST_GEMEENTE = {
  code: "GM9001",
  name: "Voorbeeldstad",
  population: 52_340,
  populationYear: 2024,
};
/** A gemeente without population figures. */
export const TEST_GEMEENTE_NO_POPULATION = { code: "GM9002", name: "Dorpshaven" };
/** A gemeente that only exists in an older boundary year (merged away). */
export const TEST_GEMEENTE_OLD = { code: "GM9003", name: "Oudkerk" };

/** Months with generated registrations: January 2023 up to and including December 2024. */
export const TEST_FIRST_MONTH = 202301;
export const TEST_LAST_MONTH = 202412;

/** Average registrations per month per INP type in Voorbeeldstad. */
const BASE: [string, number][] = [
  ["1.1.1", 28],
  ["1.1.2", 9],
  ["1.2.1", 24],
  ["1.2.3", 45],
  ["1.3.1", 12],
  ["1.4.4", 15],
  ["1.4.5", 26],
  ["1.4.6", 3],
  ["1.4.7", 1],
  ["2.2.1", 40],
  ["2.4.1", 18],
  ["2.5.2", 14],
  ["2.7.1", 55],
  ["3.7.4", 8],
  ["3.9.3", 6],
];

function monthsBetween(from: number, to: number): number[] {
  const out: number[] = [];
  for (let m = from; m <= to; m = m % 100 === 12 ? m + 89 : m + 1) out.push(m);
  return out;
}

function registration(
  i: number,
  gemeente: string,
  inpCode: string,
  startsAt: Date,
  attempt: boolean,
): Registration {
  return {
    source: "test-politie",
    sourceId: `${gemeente}-${i}`,
    version: null,
    kind: inpCode.startsWith("2.7") ? "incident" : "misdrijf",
    bvhCode: null,
    inpCode,
    attempt,
    startsAt,
    endsAt: null,
    registeredAt: null,
    local: localBuckets(startsAt.getTime()),
    x: null,
    y: null,
    postcode: null,
    houseNumber: null,
    placement: { year: 2024, buurt: null, wijk: null, gemeente, pc4: null, method: "gebiedscode" },
    modusOperandi: null,
    persons: [],
    description: null,
  };
}

/** The generated registrations: seasonal counts per type and month for Voorbeeldstad and Dorpshaven. */
export function testRegistrations(): Registration[] {
  const random = seededUniform(20240401);
  const out: Registration[] = [];
  for (const [gemeente, scale] of [
    [TEST_GEMEENTE.code, 1],
    [TEST_GEMEENTE_NO_POPULATION.code, 0.2],
  ] as const) {
    for (const month of monthsBetween(TEST_FIRST_MONTH, TEST_LAST_MONTH)) {
      const year = Math.floor(month / 100);
      const m = month % 100;
      const season = 1 + 0.2 * Math.cos(((m - 1) / 12) * 2 * Math.PI); // more in winter
      const trend = year === 2024 ? 0.92 : 1;
      for (const [inpCode, base] of BASE) {
        const n = Math.round(base * scale * season * trend * (0.75 + 0.5 * random()));
        for (let k = 0; k < n; k++) {
          // Noon UTC on days 1-28: always inside the same Dutch local month.
          const startsAt = new Date(Date.UTC(year, m - 1, 1 + Math.floor(random() * 28), 12));
          out.push(registration(out.length, gemeente, inpCode, startsAt, inpCode === "1.1.1" && k % 4 === 0));
        }
      }
    }
  }
  return out;
}

function gemeente(code: string, name: string, year: number): Area {
  return { code, level: "gemeente", year, name, parent: null, wgs84: null, rd: null };
}

function deliveryContent(regs: Registration[]): DeliveryContent {
  const lines: LineRegistration[] = regs.map((registration, i) => ({ line: i + 2, registration }));
  return {
    registrations: (async function* () {
      for (let i = 0; i < lines.length; i += 5000) yield lines.slice(i, i + 5000);
    })(),
    finish: () => ({ quarantine: [], read: regs.length }),
  };
}

/** A DuckDB store in memory with the test gemeenten, population and registrations loaded. */
export async function openTestStore(registrations: Registration[] = testRegistrations()): Promise<Store> {
  const store = await openDuckDbStore(":memory:");
  await store.importAreas([
    gemeente(TEST_GEMEENTE.code, TEST_GEMEENTE.name, 2023),
    gemeente(TEST_GEMEENTE_OLD.code, TEST_GEMEENTE_OLD.name, 2023),
    gemeente(TEST_GEMEENTE.code, TEST_GEMEENTE.name, 2024),
    gemeente(TEST_GEMEENTE_NO_POPULATION.code, TEST_GEMEENTE_NO_POPULATION.name, 2024),
  ]);
  await store.importPopulation([
    { code: TEST_GEMEENTE.code, year: 2023, population: 51_900 },
    { code: TEST_GEMEENTE.code, year: TEST_GEMEENTE.populationYear, population: TEST_GEMEENTE.population },
  ]);
  const outcome = await store.loadDelivery(
    {
      source: "test-politie",
      fileName: "test-registraties.csv",
      sha256: "test-registraties",
      bytes: registrations.length * 100,
      format: "canoniek",
      receivedAt: new Date("2025-01-05T08:00:00Z"),
    },
    deliveryContent(registrations),
  );
  if (outcome.kind !== "loaded") {
    await store.close();
    throw new Error(`openTestStore: levering niet geladen (${outcome.kind})`);
  }
  return store;
}
