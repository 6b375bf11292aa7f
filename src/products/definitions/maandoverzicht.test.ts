import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SHOW_ALL } from "../../disclosure/table-protection/monthly-counts-protection.ts";
import type { MonthlyCount } from "../../store/store.ts";
import { documentTables, isWithheld } from "../product-document.ts";
import { parsePeriod } from "../product-period.ts";
import { maandoverzicht } from "./maandoverzicht.ts";

const ctx = (month: string) => ({
  area: {
    code: "GM9001",
    level: "gemeente" as const,
    year: 2026,
    name: "Voorbeeldstad",
    parent: null,
    population: 50_000,
    populationYear: 2026,
  },
  period: parsePeriod(month),
  lastCompleteMonth: 202610,
  now: new Date("2026-11-03T08:00:00Z"),
});

/** Burglaries 40 a month from January 2025, assaults 10 a month. */
function rows(): MonthlyCount[] {
  const out: MonthlyCount[] = [];
  for (let m = 202501; m <= 202610; m = m % 100 === 12 ? m + 89 : m + 1) {
    out.push({ month: m, inpCode: "1.1.1", count: 40 + (m % 7), attempts: 0 });
    out.push({ month: m, inpCode: "1.4.5", count: 10, attempts: 0 });
  }
  return out;
}

describe("maandoverzicht", () => {
  it("counts every column from the rows (an independent sum)", () => {
    const doc = maandoverzicht.build({ rows: rows(), shown: SHOW_ALL }, ctx("2026-09"));
    const table = documentTables(doc).find((t) => t.id === "per-soort");
    const burglary = table?.rows.find((r) => r.cells.code === "1.1.1")?.cells;
    const sum = (from: number, to: number) =>
      rows()
        .filter((r) => r.inpCode === "1.1.1" && r.month >= from && r.month <= to)
        .reduce((s, r) => s + r.count, 0);
    assert.equal(burglary?.maand, sum(202609, 202609));
    assert.equal(burglary?.maandVorigJaar, sum(202509, 202509));
    assert.equal(burglary?.jaar, sum(202601, 202609));
    assert.equal(burglary?.jaarVorigJaar, sum(202501, 202509));
    assert.equal(burglary?.twaalfMaanden, sum(202510, 202609));
    assert.ok(Math.abs((burglary?.per1000 as number) - (sum(202510, 202609) / 50_000) * 1000) < 1e-12);
    const total = table?.rows.at(-1)?.cells;
    assert.equal(
      total?.jaar,
      rows()
        .filter((r) => r.month >= 202601 && r.month <= 202609)
        .reduce((s, r) => s + r.count, 0),
    );
  });

  it("in the first year of data compares with nothing: no figures, no verdict, not a rise from 0", () => {
    const doc = maandoverzicht.build({ rows: rows(), shown: SHOW_ALL }, ctx("2025-06"));
    const table = documentTables(doc).find((t) => t.id === "per-soort");
    for (const r of table?.rows ?? []) {
      if (!r.cells.code && !r.total) continue;
      assert.equal(r.cells.maandVorigJaar, null);
      assert.equal(r.cells.jaarVorigJaar, null);
      assert.equal(r.cells.maandVerandering, null);
      assert.equal(r.cells.jaarVerandering, null);
      assert.equal(isWithheld(r.cells.maandVorigJaar), false);
    }
    assert.match(doc.summary.join(" "), /geen cijfers/);
    assert.doesNotMatch(doc.summary.join(" "), /steeg|significant|duidelijk/);
  });
});
