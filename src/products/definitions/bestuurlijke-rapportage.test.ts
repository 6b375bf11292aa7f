import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { requesterFor } from "../../disclosure/store-gate.ts";
import type { Area } from "../../domain/area.ts";
import { AccessDenied, InputError } from "../../domain/errors.ts";
import type { Registration } from "../../domain/registration.ts";
import { addWebTestAccounts, openTestGate } from "../../server/test-access.ts";
import { openDuckDbStore } from "../../store/duckdb/duckdb-store.ts";
import type { Store } from "../../store/store.ts";
import { makeRegistration } from "../../store/store-suite.ts";
import type { ProductContext } from "../product-definition.ts";
import { documentTables, type ProductDocument } from "../product-document.ts";
import { parsePeriod } from "../product-period.ts";
import { runProduct } from "../run-product.ts";
import {
  bestuurlijkeRapportage,
  bestuurlijkeRapportageCatalogEntry,
  NEEDS_ADDRESS,
  yearsBefore,
} from "./bestuurlijke-rapportage.ts";

const KEY = new Uint8Array(32).map((_, i) => 200 - i);
const NOW = new Date("2026-11-03T08:00:00Z");
const BESLUIT = "VB-2026-017";

const area = (code: string, level: Area["level"], name: string, parent: string | null): Area => ({
  code,
  level,
  year: 2026,
  name,
  parent,
  wgs84: null,
  rd: null,
});

const placement = (gemeente: string) => ({
  year: 2026,
  buurt: `BU${gemeente.slice(2)}0101`,
  wijk: `WK${gemeente.slice(2)}01`,
  gemeente,
  pc4: "9001",
  method: "adres" as const,
});

/** A registration with markers in every field that must not be shown. */
function reg(
  i: number,
  at: string,
  postcode: string,
  houseNumber: string,
  over: Partial<Registration> = {},
): Registration {
  return makeRegistration({
    source: "test-politie",
    sourceId: `BRONID-${i}`,
    startsAt: new Date(at),
    postcode,
    houseNumber,
    x: 150000 + i + 0.25,
    y: 460000 + i + 0.75,
    description: `OMSCHRIJVING-${i}`,
    modusOperandi: `WERKWIJZE-${i}`,
    persons: [
      { role: "verdachte", pseudonym: `PERSOON-${i}` },
      { role: "melder", pseudonym: `MELDER-${i}` },
    ],
    placement: placement("GM9001"),
    ...over,
  });
}

/** At 9001AA 12 in GM9001: ids 1–6 (one outside the 5 years, one after the period). Others elsewhere. */
const REGS: Registration[] = [
  reg(1, "2026-10-20T21:10:00Z", "9001AA", "12", { inpCode: "2.1.1", kind: "incident" }),
  reg(2, "2025-03-05T12:00:00Z", "9001AA", "12", { inpCode: "3.1.1" }),
  reg(3, "2023-07-01T03:30:00Z", "9001AA", "12", { inpCode: "3.1.1", attempt: true }),
  reg(4, "2021-11-05T10:00:00Z", "9001AA", "12", { inpCode: "2.2.1" }), // just within the 5 years
  reg(5, "2020-06-01T10:00:00Z", "9001AA", "12", { inpCode: "2.2.1" }), // older than 5 years
  reg(6, "2026-11-02T23:30:00Z", "9001AA", "12", { inpCode: "2.2.1" }), // 3 November local: after the day asked
  reg(7, "2026-01-10T10:00:00Z", "9001 aa", "12", { inpCode: "1.1.1", postcode: "9001AA" }),
  reg(8, "2026-02-10T10:00:00Z", "9001AA", "12 a"), // another address: 12A
  reg(9, "2026-02-11T10:00:00Z", "9001AA", "14"),
  reg(10, "2026-02-12T10:00:00Z", "9001AB", "12"),
  reg(11, "2026-02-13T10:00:00Z", "9001AA", "12", { placement: placement("GM9002") }), // other gemeente
  reg(12, "2026-02-14T10:00:00Z", "9001AA", "112"),
];
const AT_ADDRESS_IN_WINDOW = ["BRONID-1", "BRONID-2", "BRONID-3", "BRONID-4", "BRONID-7"];

const pseudonymOf = (r: Registration) =>
  `R-${createHmac("sha256", KEY).update(`registratie|${r.source}|${r.sourceId}`).digest("hex").slice(0, 16)}`;

async function openStore(): Promise<Store> {
  const store = await openDuckDbStore(":memory:");
  await store.importAreas([
    area("RE90", "eenheid", "Testeenheid", null),
    area("GM9001", "gemeente", "Voorbeeldstad", "RE90"),
    area("GM9002", "gemeente", "Dorpshaven", "RE90"),
  ]);
  const outcome = await store.loadDelivery(
    {
      source: "test-politie",
      fileName: "adres.csv",
      sha256: "adres",
      bytes: 1000,
      format: "canoniek",
      receivedAt: NOW,
    },
    {
      registrations: (async function* () {
        yield REGS.map((registration, i) => ({ line: i + 2, registration }));
      })(),
      finish: () => ({ quarantine: [], read: REGS.length }),
    },
  );
  assert.equal(outcome.kind, "loaded");
  await addWebTestAccounts(store);
  return store;
}

describe("bestuurlijke rapportage", () => {
  let store: Store;
  before(async () => {
    store = await openStore();
  });
  after(() => store?.close());

  const def = bestuurlijkeRapportage({
    postcode: "9001 aa",
    huisnummer: "12",
    maatregel: "sluiting",
    besluit: BESLUIT,
  });

  async function context(): Promise<ProductContext> {
    const found = (await store.listAreas()).find((a) => a.code === "GM9001");
    assert.ok(found);
    return {
      area: found,
      period: parsePeriod("2026-11-02"),
      lastCompleteMonth: 202610,
      now: NOW,
      recordKey: KEY,
    };
  }

  it("states the decision and that it touches public order and is not criminal enforcement", () => {
    assert.deepEqual(def.facts, { decision: BESLUIT, touchesPublicOrder: true, criminalEnforcement: false });
    assert.equal(def.sensitivity, "address");
    assert.equal(def.id, "bestuurlijke-rapportage");
  });

  it("looks back five years up to the day asked", () => {
    assert.deepEqual(yearsBefore(20261102, 5), { from: 20211103, to: 20261102 });
    assert.deepEqual(yearsBefore(20240229, 1), { from: 20230302, to: 20240229 });
  });

  it("shows only the registrations at that address in the gemeente, without persons or free text", async () => {
    const ctx = await context();
    const input = await def.load(store, ctx);
    assert.deepEqual(input.registrations.map((r) => r.sourceId).sort(), [...AT_ADDRESS_IN_WINDOW].sort());
    const doc = def.build(input, ctx);
    const records = documentTables(doc).find((t) => t.id === "registraties");
    assert.ok(records);
    const expected = REGS.filter((r) => AT_ADDRESS_IN_WINDOW.includes(r.sourceId));
    assert.deepEqual(records.rows.map((r) => r.cells.id).sort(), expected.map(pseudonymOf).sort());
    // Oldest first, with the local date and hour (22:10 UTC in October is 23:10 in Amsterdam).
    const last = records.rows.at(-1)?.cells;
    assert.deepEqual(last, {
      id: pseudonymOf(REGS[0] as Registration),
      datum: "20-10-2026",
      uur: "23:00-00:00",
      soort: "Drugs/drankoverlast",
      poging: "nee",
      rol: "plaats van het incident",
    });
    assert.equal(records.rows[0]?.cells.rol, "plaats van het misdrijf");

    const perType = documentTables(doc).find((t) => t.id === "per-soort");
    assert.equal(perType?.rows.find((r) => r.cells.code === "3.1.1")?.cells.aantal, 2);
    assert.equal(perType?.rows.find((r) => r.cells.code === "3.1.1")?.cells.pogingen, 1);
    const perYear = documentTables(doc).find((t) => t.id === "per-jaar");
    assert.deepEqual(
      perYear?.rows.map((r) => [r.cells.jaar, r.cells.aantal]),
      [
        ["2021", 1],
        ["2022", 0],
        ["2023", 1],
        ["2024", 0],
        ["2025", 1],
        ["2026", 2],
      ],
    );

    const json = JSON.stringify(doc);
    for (const marker of [
      "OMSCHRIJVING",
      "WERKWIJZE",
      "PERSOON",
      "MELDER",
      "BRONID",
      "persons",
      "verdachte",
    ]) {
      assert.ok(!json.includes(marker), `${marker} appears in the document`);
    }
    for (const r of REGS) {
      assert.ok(!json.includes(String(r.x)), `x of ${r.sourceId}`);
      assert.ok(!json.includes(String(r.y)), `y of ${r.sourceId}`);
    }
    assert.ok(doc.summary[0]?.includes("5 registraties"));
    assert.ok(doc.summary[1]?.includes(BESLUIT));
  });

  it("goes through the gate with the decision in the register; the mayor needs a local agreement", async () => {
    const now = () => NOW;
    const access = await openTestGate(store, now);
    try {
      const deps = { store, gate: access.gate, registry: access.registry, now, recordKey: KEY };
      const mayor = { ...(await requesterFor(store, "bm.voorbeeldstad")), strongAuth: true };
      const request = {
        requester: mayor,
        purpose: "bestuurlijke-maatregel",
        area: "GM9001",
        period: parsePeriod("2026-11-02"),
      };
      await assert.rejects(runProduct(deps, def, request), AccessDenied);
      const doc: ProductDocument = await runProduct(deps, def, {
        ...request,
        facts: { localAgreement: true },
      });
      assert.equal(doc.disclosure?.legalBasis, "wpg-16-1-c");
      assert.equal(documentTables(doc).find((t) => t.id === "registraties")?.rows.length, 5);
      // Another gemeente's mayor gets nothing about this address.
      const other = { ...(await requesterFor(store, "bm.dorpshaven")), strongAuth: true };
      await assert.rejects(
        runProduct(deps, def, { ...request, requester: other, facts: { localAgreement: true } }),
        AccessDenied,
      );
      const lines = readFileSync(access.registerFile, "utf8").trim().split("\n");
      const entries = lines.map((l) => JSON.parse(l) as { what?: string; reference?: string | null });
      const entry = entries.find((e) => e.what === "bestuurlijke-rapportage");
      assert.equal(entry?.reference, `besluit:${BESLUIT}`);
    } finally {
      await access.close();
    }
  });

  it("refuses without an address: the catalog entry explains what it needs", async () => {
    const ctx = await context();
    await assert.rejects(bestuurlijkeRapportageCatalogEntry.load(store, ctx), (err: unknown) => {
      assert.ok(err instanceof InputError);
      assert.equal(err.message, NEEDS_ADDRESS);
      return true;
    });
    const now = () => NOW;
    const access = await openTestGate(store, now);
    try {
      await assert.rejects(
        runProduct(
          { store, gate: access.gate, registry: access.registry, now, recordKey: KEY },
          bestuurlijkeRapportageCatalogEntry,
          {
            requester: { ...(await requesterFor(store, "tc.voorbeeldstad")), strongAuth: true },
            purpose: "politietaak",
            area: "GM9001",
            period: parsePeriod("2026-11-02"),
          },
        ),
        InputError,
      );
    } finally {
      await access.close();
    }
  });

  it("refuses a wrong postcode, house number, measure or missing decision", () => {
    const ok = { postcode: "9001AA", huisnummer: "12", maatregel: "bibob" as const, besluit: "X" };
    assert.throws(() => bestuurlijkeRapportage({ ...ok, postcode: "900AA" }), InputError);
    assert.throws(() => bestuurlijkeRapportage({ ...ok, huisnummer: "A" }), InputError);
    assert.throws(
      () => bestuurlijkeRapportage({ ...ok, maatregel: "huisuitzetting" as unknown as "bibob" }),
      InputError,
    );
    assert.throws(() => bestuurlijkeRapportage({ ...ok, besluit: " " }), InputError);
    assert.doesNotThrow(() => bestuurlijkeRapportage({ ...ok, huisnummer: "12-bis" }));
  });
});
