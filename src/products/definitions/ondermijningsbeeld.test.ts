import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { PURPOSE } from "../../disclosure/access-spec.ts";
import type { AggregateRow } from "../../domain/registration.ts";
import { loadUndermineConfig } from "../parts/ondermijning-config.ts";
import {
  type Cell,
  documentTables,
  isWithheld,
  type ProductDocument,
  type TableBlock,
} from "../product-document.ts";
import { parsePeriod } from "../product-period.ts";
import { openProductTestStore, type ProductTestStore, runAs } from "../test-products.ts";
import { ondermijningsbeeld, partnerYearValue } from "./ondermijningsbeeld.ts";

const config = loadUndermineConfig();
const cell = (areaCode: string, table: string, measure: string, period: string, value: number | null) =>
  ({
    source: "test-partner",
    table,
    areaCode,
    period,
    category: "0.0.0",
    measure,
    value,
  }) satisfies AggregateRow;

/** Partner tables of the demo: Bibob and hemp (per quarter) and a suppressed tap; no enforcement table. */
const AGGREGATES: AggregateRow[] = [
  cell("GM9001", "gemeente-bibob", "OnderzoekenGestart", "2025", 12),
  cell("GM9001", "gemeente-bibob", "OnderzoekenGestart", "2024", 3),
  cell("GM9001", "gemeente-bibob", "AndereMaat", "2025", 99),
  ...[2, 1, 3, 0].map((v, i) =>
    cell("GM9001", "corporaties-ondermijning", "Hennepkwekerijen", `2025Q${i + 1}`, v),
  ),
  cell("GM9001", "netbeheerder-fraude", "IllegaleAftap", "2025", null),
  cell("GM9005", "gemeente-bibob", "OnderzoekenGestart", "2025", 2),
];

describe("ondermijningsbeeld on the demo", () => {
  let t: ProductTestStore;
  let police: ProductDocument;
  let mayor: ProductDocument;
  let otherMayor: ProductDocument;
  before(async () => {
    t = await openProductTestStore();
    const outcome = await t.store.loadDelivery(
      {
        source: "test-partner",
        fileName: "partners.json",
        sha256: "partners",
        bytes: 100,
        format: "cbs-odata",
        receivedAt: new Date("2026-02-01T00:00:00Z"),
      },
      {
        aggregates: (async function* () {
          yield AGGREGATES;
        })(),
        finish: () => ({ quarantine: [], read: AGGREGATES.length }),
      },
    );
    assert.equal(outcome.kind, "loaded");
    const year = parsePeriod("2025");
    police = await runAs(
      t,
      ondermijningsbeeld,
      t.userFor("teamchef"),
      PURPOSE.teamchef,
      t.gemeenten[0],
      year,
    );
    mayor = await runAs(
      t,
      ondermijningsbeeld,
      t.userFor("burgemeester"),
      PURPOSE.burgemeester,
      t.gemeenten[0],
      year,
    );
    otherMayor = await runAs(
      t,
      ondermijningsbeeld,
      t.userFor("burgemeester", 1),
      PURPOSE.burgemeester,
      t.gemeenten[1],
      year,
    );
  });
  after(() => t?.store.close());

  const table = (doc: ProductDocument, id: string): TableBlock => {
    const found = documentTables(doc).find((x) => x.id === id);
    assert.ok(found, id);
    return found;
  };

  async function registered(gemeente: string): Promise<Map<string, number>> {
    const regs = await t.store.registrations({
      area: gemeente,
      level: "gemeente",
      fromDay: 20250101,
      toDay: 20251231,
    });
    const out = new Map<string, number>();
    for (const r of regs) if (r.inpCode) out.set(r.inpCode, (out.get(r.inpCode) ?? 0) + 1);
    return out;
  }

  it("counts the police types of the year as the registrations say, with their total", async () => {
    const counts = await registered(t.gemeenten[0]);
    const rows = table(police, "politie").rows;
    assert.deepEqual(
      rows.filter((r) => !r.total).map((r) => r.cells.code),
      config.police.map((p) => p.inpCode),
    );
    let total = 0;
    for (const r of rows.filter((x) => !x.total)) {
      const expected = counts.get(r.cells.code as string) ?? 0;
      assert.equal(r.cells.j2025, expected, r.cells.code as string);
      // Before the demo's data there are no figures (not zero).
      assert.equal(r.cells.j2024, null);
      total += expected;
    }
    assert.ok(total > 0);
    assert.equal(rows.at(-1)?.cells.j2025, total);
    assert.ok(police.summary[0]?.includes(String(total).replace(/\B(?=(\d{3})+(?!\d))/g, ".")));
  });

  it("shows the partners' figures as delivered, and names what is missing", () => {
    const rows = table(police, "gemeente-en-partners").rows;
    const byName = (name: string) => rows.find((r) => r.cells.indicator === name)?.cells ?? {};
    assert.equal(byName("Bibob-onderzoeken gestart").j2025, 12);
    assert.equal(byName("Bibob-onderzoeken gestart").j2024, 3);
    assert.equal(byName("Bibob-onderzoeken gestart").j2023, null);
    assert.equal(byName("Hennepkwekerijen in huurwoningen").j2025, 6);
    assert.ok(isWithheld(byName("Illegale aftap van stroom").j2025), "suppressed by the source");
    const json = JSON.stringify(police);
    assert.match(json, /Nog niet geleverd voor Sperwerkerk: [^"]*tabel gemeente-handhaving/);
    assert.doesNotMatch(json, /99/);
    assert.ok(police.summary.some((s) => s.includes("zijn er 3 geleverd")));
  });

  it("shows a mayor no small count, and a total only when every count in it is shown", async () => {
    for (const doc of [mayor, otherMayor]) {
      for (const tb of documentTables(doc))
        for (const r of tb.rows)
          for (const [k, v] of Object.entries(r.cells)) {
            if (tb.columns.find((c) => c.key === k)?.type === "count" && typeof v === "number")
              assert.ok(v === 0 || v >= 5, `${doc.area.code} ${tb.id} ${k} = ${v}`);
          }
      const rows = table(doc, "politie").rows;
      const parts = rows.filter((r) => !r.total).map((r) => r.cells.j2025 as Cell);
      const total = rows.at(-1)?.cells.j2025;
      if (parts.some(isWithheld)) assert.ok(isWithheld(total), `${doc.area.code}: total withheld`);
      else
        assert.equal(
          total,
          parts.reduce((s: number, v) => s + (v as number), 0),
        );
    }
    const bibob = table(mayor, "gemeente-en-partners").rows.find(
      (r) => r.cells.indicator === "Bibob-onderzoeken gestart",
    );
    assert.equal(bibob?.cells.j2025, 12);
    assert.ok(isWithheld(bibob?.cells.j2024), "3 is withheld");
    // The other demo gemeente has 2 registrations of human trafficking (1.6.3) in 2025.
    const counts = await registered(t.gemeenten[1]);
    assert.equal(counts.get("1.6.3"), 2);
    const other = table(otherMayor, "politie").rows;
    assert.ok(isWithheld(other.find((r) => r.cells.code === "1.6.3")?.cells.j2025));
    assert.ok(isWithheld(other.at(-1)?.cells.j2025));
    assert.ok(otherMayor.summary[0]?.includes("afgeschermd"));
    assert.ok(
      isWithheld(
        table(otherMayor, "gemeente-en-partners").rows.find(
          (r) => r.cells.indicator === "Bibob-onderzoeken gestart",
        )?.cells.j2025,
      ),
    );
  });
});

describe("partnerYearValue", () => {
  const row = (period: string, value: number | null) => cell("GM1", "t", "m", period, value);
  it("takes the year, else all quarters or all months added up", () => {
    assert.equal(partnerYearValue([row("2025", 7), row("2025Q1", 1)], 2025), 7);
    assert.equal(
      partnerYearValue(
        [1, 2, 3, 4].map((q) => row(`2025Q${q}`, q)),
        2025,
      ),
      10,
    );
    assert.equal(
      partnerYearValue(
        Array.from({ length: 12 }, (_, i) => row(`2025MM${String(i + 1).padStart(2, "0")}`, 1)),
        2025,
      ),
      12,
    );
  });
  it("gives null for an incomplete year and withholds what the source suppressed", () => {
    assert.equal(
      partnerYearValue(
        [1, 2, 3].map((q) => row(`2025Q${q}`, q)),
        2025,
      ),
      null,
    );
    assert.equal(
      partnerYearValue(
        [1, 2, 3, 4].map((q) => row(`2025Q${q}`, q === 2 ? null : q)),
        2025,
      ),
      "afgeschermd",
    );
    assert.equal(partnerYearValue([row("2024", 5)], 2025), null);
  });
});
