import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { PURPOSE } from "../../disclosure/access-spec.ts";
import { InputError } from "../../domain/errors.ts";
import { pointInMultiPolygon } from "../../domain/geo/point-in-polygon.ts";
import type { Registration } from "../../domain/registration.ts";
import { loadCoaConfig } from "../parts/coa-locaties.ts";
import { documentTables, isWithheld, type ProductDocument, type TableBlock } from "../product-document.ts";
import { parsePeriod } from "../product-period.ts";
import { openProductTestStore, type ProductTestStore, runAs } from "../test-products.ts";
import { coaOverzicht } from "./coa-overzicht.ts";

const ZEDEN = "1.4.1";
const config = loadCoaConfig();

describe("coa-overzicht on the demo", () => {
  let t: ProductTestStore;
  let police: ProductDocument;
  let mayor: ProductDocument;
  let mayorQuarter: ProductDocument;
  let policeQuarter: ProductDocument;
  before(async () => {
    t = await openProductTestStore();
    const run = (role: "teamchef" | "burgemeester", period: string) =>
      runAs(t, coaOverzicht, t.userFor(role), PURPOSE[role], t.gemeenten[0], parsePeriod(period));
    police = await run("teamchef", "2026-09");
    mayor = await run("burgemeester", "2026-09");
    policeQuarter = await run("teamchef", "2026-Q3");
    mayorQuarter = await run("burgemeester", "2026-Q3");
  });
  after(() => t?.store.close());

  const table = (doc: ProductDocument, id: string): TableBlock => {
    const found = documentTables(doc).find((x) => x.id === id);
    assert.ok(found, id);
    return found;
  };
  const locations = () => config.locations[t.gemeenten[0]] ?? [];

  /** Registrations of a buurt with a local day in range, by the store's registrations (not its counts). */
  async function inBuurt(buurt: string, fromDay: number, toDay: number): Promise<Registration[]> {
    const regs = await t.store.registrations({ area: buurt, level: "buurt", fromDay, toDay });
    return regs.filter((r) => r.inpCode !== null);
  }
  const counts = (regs: Registration[], withoutZeden: boolean) => {
    const kept = withoutZeden ? regs.filter((r) => r.inpCode !== ZEDEN) : regs;
    return { totaal: kept.length, woninginbraak: kept.filter((r) => r.inpCode === "1.1.1").length };
  };

  it("has demo locations that lie in the buurt the configuration names", async () => {
    assert.equal(t.gemeenten[0], "GM9001");
    assert.ok(locations().length >= 1);
    const buurten = await t.store.areas("buurt");
    for (const l of locations()) {
      const b = buurten.find((a) => a.code === l.buurt);
      assert.ok(b?.rd, l.buurt);
      assert.ok(pointInMultiPolygon(b.rd, l.x, l.y), `${l.id} lies in ${l.buurt}`);
    }
  });

  it("shows the police the buurt and the radius, counted independently", async () => {
    const gemeenteRegs = await t.store.registrations({
      area: t.gemeenten[0],
      level: "gemeente",
      fromDay: 20251001,
      toDay: 20260930,
    });
    for (const l of locations()) {
      const buurt = table(police, `buurt-${l.id}`);
      const month = counts(await inBuurt(l.buurt, 20260901, 20260930), false);
      const year = counts(await inBuurt(l.buurt, 20251001, 20260930), false);
      assert.deepEqual(buurt.rows[0]?.cells, { periode: "september 2026", ...month });
      assert.deepEqual(buurt.rows[1]?.cells, {
        periode: "12 maanden (oktober 2025 t/m september 2026)",
        ...year,
      });
      assert.ok(year.totaal > 0, "the demo buurt has registrations");

      const near = gemeenteRegs.filter(
        (r) => r.x !== null && r.y !== null && Math.hypot(r.x - l.x, r.y - l.y) <= config.radius,
      );
      const radius = table(police, `straal-${l.id}`);
      const nearMonth = near.filter((r) => r.local.day >= 20260901);
      assert.equal(radius.rows[0]?.cells.totaal, nearMonth.length);
      assert.equal(radius.rows[1]?.cells.totaal, near.length);
      assert.equal(radius.rows[1]?.cells.woninginbraak, near.filter((r) => r.inpCode === "1.1.1").length);
    }
  });

  it("shows the mayor only decided buurt sums, no radius and no small count", async () => {
    assert.equal(
      mayor.sections.some((s) => s.id === "straal"),
      false,
    );
    assert.equal(
      documentTables(mayor).some((x) => x.id.startsWith("straal-")),
      false,
    );
    assert.doesNotMatch(JSON.stringify(mayor), /binnen \d+ m/);
    let shown = 0;
    for (const tb of documentTables(mayor))
      for (const r of tb.rows)
        for (const [k, v] of Object.entries(r.cells)) {
          if (tb.columns.find((c) => c.key === k)?.type !== "count" || typeof v !== "number") continue;
          assert.ok(v === 0 || v >= 5, `${tb.id} ${k} = ${v}`);
          shown++;
        }
    assert.ok(shown > 0, "the mayor sees some figures");
    // What is shown is the buurt's count without sexual offences (never given below the gemeente).
    for (const l of locations()) {
      const year = counts(await inBuurt(l.buurt, 20251001, 20260930), true);
      const row = table(mayor, `buurt-${l.id}`).rows[1]?.cells;
      for (const k of ["totaal", "woninginbraak"] as const) {
        const v = row?.[k];
        if (!isWithheld(v)) assert.equal(v, year[k], `${l.id} ${k}`);
      }
    }
  });

  it("gives a quarter as the difference of two year-to-date sums, never more than the months", async () => {
    for (const l of locations()) {
      const q = counts(await inBuurt(l.buurt, 20260701, 20260930), false);
      const policeRows = table(policeQuarter, `buurt-${l.id}`).rows;
      assert.deepEqual(
        policeRows.map((r) => r.cells.periode),
        [
          "juli 2026",
          "augustus 2026",
          "september 2026",
          "3e kwartaal 2026",
          "12 maanden (oktober 2025 t/m september 2026)",
        ],
      );
      assert.deepEqual(policeRows[3]?.cells, { periode: "3e kwartaal 2026", ...q });
      assert.ok(table(policeQuarter, `straal-${l.id}`).rows.length === 5);

      const mayorRows = table(mayorQuarter, `buurt-${l.id}`).rows;
      const qz = counts(await inBuurt(l.buurt, 20260701, 20260930), true);
      for (const k of ["totaal", "woninginbraak"] as const) {
        const quarter = mayorRows[3]?.cells[k];
        if (!isWithheld(quarter)) assert.equal(quarter, qz[k], `${l.id} ${k} quarter`);
        const months = mayorRows.slice(0, 3).map((r) => r.cells[k]);
        if (months.every((m) => typeof m === "number") && typeof quarter === "number") {
          assert.equal(
            quarter,
            months.reduce((a: number, b) => a + (b as number), 0),
          );
        }
      }
    }
    assert.equal(
      mayorQuarter.sections.some((s) => s.id === "straal"),
      false,
    );
  });

  it("refuses a gemeente without locations, before any data is read", async () => {
    await assert.rejects(
      runAs(
        t,
        coaOverzicht,
        t.userFor("teamchef", 1),
        PURPOSE.teamchef,
        t.gemeenten[1],
        parsePeriod("2026-09"),
      ),
      InputError,
    );
  });

  it("checks the configuration: a buurt outside its gemeente is refused", () => {
    const dir = mkdtempSync(join(tmpdir(), "coa-"));
    writeFileSync(
      join(dir, "coa-locaties.json"),
      JSON.stringify({
        versie: "x",
        straalMeter: 250,
        gemeenten: { GM9001: [{ id: "a", naam: "A", x: 140000, y: 447000, buurt: "BU90050101" }] },
      }),
    );
    assert.throws(() => loadCoaConfig(dir), /ligt niet in gemeente GM9001/);
  });
});
