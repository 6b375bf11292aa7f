import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { PURPOSE } from "../../disclosure/access-spec.ts";
import { documentTables, isWithheld, type ProductDocument } from "../product-document.ts";
import { parsePeriod } from "../product-period.ts";
import { openProductTestStore, type ProductTestStore, runAs } from "../test-products.ts";
import { woninginbraakmonitor } from "./woninginbraakmonitor.ts";

describe("woninginbraakmonitor on the demo", () => {
  let t: ProductTestStore;
  let police: ProductDocument;
  let mayor: ProductDocument;
  before(async () => {
    t = await openProductTestStore();
    const period = parsePeriod("2026-09");
    police = await runAs(
      t,
      woninginbraakmonitor,
      t.userFor("teamchef"),
      PURPOSE.teamchef,
      t.gemeenten[0],
      period,
    );
    mayor = await runAs(
      t,
      woninginbraakmonitor,
      t.userFor("burgemeester"),
      PURPOSE.burgemeester,
      t.gemeenten[0],
      period,
    );
  });
  after(() => t?.store.close());

  const table = (doc: ProductDocument, id: string) => {
    const found = documentTables(doc).find((x) => x.id === id);
    assert.ok(found, id);
    return found;
  };

  it("counts the last 12 months as the registrations themselves say (an independent count)", async () => {
    const regs = await t.store.registrations({
      area: t.gemeenten[0],
      level: "gemeente",
      fromDay: 20251001,
      toDay: 20260930,
      inpCodes: ["1.1.1"],
    });
    const sum = (id: string) => table(police, id).rows.reduce((s, r) => s + (r.cells.aantal as number), 0);
    assert.equal(sum("dagdeel"), regs.length);
    assert.equal(sum("weekdag"), regs.length);
    assert.equal(sum("poging"), regs.length);
    assert.equal(
      table(police, "poging").rows.find((r) => r.cells.deel === "poging")?.cells.aantal,
      regs.filter((r) => r.attempt).length,
    );
    const night = regs.filter((r) => r.local.hour < 6).length;
    assert.equal(table(police, "dagdeel").rows.find((r) => r.cells.deel === "nacht")?.cells.aantal, night);
    // Per buurt: each buurt's count is its own registrations; together at most all of them.
    const perBuurt = new Map<string, number>();
    for (const r of regs)
      if (r.placement.buurt) perBuurt.set(r.placement.buurt, (perBuurt.get(r.placement.buurt) ?? 0) + 1);
    for (const row of table(police, "per-buurt").rows)
      assert.equal(row.cells.aantal, perBuurt.get(row.cells.code as string) ?? 0, row.cells.code as string);
  });

  it("shows a mayor no small count and no weeks; the police get the weeks", () => {
    for (const tb of documentTables(mayor)) {
      if (tb.id === "near-repeat") continue;
      for (const r of tb.rows)
        for (const [k, v] of Object.entries(r.cells)) {
          const column = tb.columns.find((c) => c.key === k);
          if (column?.type === "count" && typeof v === "number")
            assert.ok(v === 0 || v >= 5, `${tb.id} ${k} = ${v}`);
        }
    }
    const withheld = documentTables(mayor)
      .flatMap((tb) => tb.rows.flatMap((r) => Object.values(r.cells)))
      .filter(isWithheld).length;
    assert.ok(withheld > 0, "small buurt counts are withheld for the mayor");
    assert.equal(
      documentTables(mayor).some((x) => x.id === "per-week"),
      false,
    );
    assert.ok(table(police, "per-week").rows.length > 0);
  });

  it("never shows a place or a single registration", async () => {
    const json = JSON.stringify(police);
    assert.doesNotMatch(json, /"modusOperandi"|"sourceId"|"description"|"persons"/);
    const regs = await t.store.registrations({
      area: t.gemeenten[0],
      level: "gemeente",
      fromDay: 20260101,
      toDay: 20260930,
      inpCodes: ["1.1.1"],
    });
    for (const r of regs.slice(0, 200)) {
      // As a whole number in the JSON (not a run of digits inside a longitude).
      if (r.x === null) continue;
      assert.doesNotMatch(
        json,
        new RegExp(`[^0-9.]${String(r.x).replace(".", "\\.")}[^0-9]`),
        `x of ${r.sourceId}`,
      );
      assert.equal(json.includes(r.sourceId), false, r.sourceId);
    }
  });
});
