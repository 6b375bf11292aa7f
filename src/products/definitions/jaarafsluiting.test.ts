import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  protectMonthlyCounts,
  SHOW_ALL,
} from "../../disclosure/table-protection/monthly-counts-protection.ts";
import type { ProtectedCounts } from "../../disclosure/table-protection/protect-counts.ts";
import { type Cell, isWithheld, WITHHELD } from "../product-document.ts";
import {
  allTexts,
  bhRejects,
  exactPoissonP,
  generateRows,
  monthsBetween,
  recordingShown,
  rowWhere,
  sumRows,
  TEST_AREA,
  tableOf,
  testContext,
} from "./definition-test-data.ts";
import { jaarafsluiting, TOP_CHANGES } from "./jaarafsluiting.ts";

// Types with clear rises and falls from 2024 to 2025, steady ones and tiny ones.
const MEANS: Record<string, { mean: number; growth?: number }> = {
  "1.1.1": { mean: 20, growth: 1.5 },
  "1.1.2": { mean: 6 },
  "1.2.1": { mean: 15, growth: 0.6 },
  "1.2.3": { mean: 35, growth: 1.25 },
  "1.2.4": { mean: 0.3 },
  "1.4.2": { mean: 0.05 },
  "1.4.4": { mean: 10 },
  "1.4.5": { mean: 25, growth: 1.1 },
  "1.4.6": { mean: 1.5 },
  "1.4.7": { mean: 0.2 },
  "2.1.1": { mean: 12, growth: 0.7 },
  "2.2.1": { mean: 18 },
  "2.5.2": { mean: 9, growth: 1.6 },
  "2.7.1": { mean: 45, growth: 0.85 },
  "3.1.1": { mean: 2, growth: 2 },
  "3.5.2": { mean: 4 },
  "4.5.1": { mean: 30 },
};
const ROWS = generateRows(20251231, MEANS, 202301, 202606);
const CODES = Object.keys(MEANS);
const UNTIL = 202606;
const input = (shown = SHOW_ALL): ProtectedCounts => ({ rows: ROWS, shown, roundTo: 1 });
const ctx = testContext("2025");

/** The exact numbers for one type, from the rows. */
function reference(code: string) {
  const cur = sumRows(ROWS, code, 202501, 202512);
  const prev = sumRows(ROWS, code, 202401, 202412);
  return { cur, prev, p: cur + prev > 0 ? exactPoissonP(cur, prev) : null };
}

describe("jaarafsluiting", () => {
  it("is an aggregated yearly product for the gemeente", () => {
    assert.equal(jaarafsluiting.sensitivity, "aggregated");
    assert.deepEqual(jaarafsluiting.periodKinds, ["jaar"]);
    assert.deepEqual(jaarafsluiting.levels, ["gemeente"]);
  });

  describe("without table protection", () => {
    const doc = jaarafsluiting.build(input(), ctx);
    const perType = tableOf(doc, "per-soort");
    // Types with registrations in 2024 or 2025, tested together.
    const tested = CODES.filter((c) => reference(c).p !== null);
    const clear = new Map(
      bhRejects(tested.map((c) => reference(c).p as number)).map((r, i) => [tested[i] as string, r]),
    );

    it("every type: year, previous year, difference, percent, test, rate", () => {
      for (const code of CODES) {
        const { cur, prev, p } = reference(code);
        if (cur + prev === 0) {
          assert.ok(!perType.rows.some((r) => r.cells.code === code), code);
          continue;
        }
        const cells = rowWhere(perType, "code", code).cells;
        assert.equal(cells.jaar, cur, code);
        assert.equal(cells.vorigJaar, prev, code);
        assert.equal(cells.verschil, cur - prev, code);
        const percent = cells.verschilProcent as number | null;
        if (cur >= 20 && prev >= 20)
          assert.ok(Math.abs((percent as number) - ((cur - prev) / prev) * 100) < 1e-9);
        else assert.equal(percent, null, code);
        assert.ok(Math.abs((cells.p as number) - (p as number)) < 1e-9, `${code}: ${cells.p} vs ${p}`);
        const expected =
          clear.get(code) && cur !== prev
            ? cur > prev
              ? "duidelijk meer"
              : "duidelijk minder"
            : "geen duidelijke verandering";
        assert.equal(cells.verandering, expected, code);
        assert.ok(
          Math.abs((cells.per1000 as number) - (cur * 1000) / (TEST_AREA.population as number)) < 1e-9,
        );
      }
      assert.ok([...clear.values()].filter(Boolean).length >= 3, "the data has clear changes");
    });

    it("the total row and the months", () => {
      const total = perType.rows.find((r) => r.total) as { cells: Record<string, Cell> };
      assert.equal(total.cells.jaar, sumRows(ROWS, "totaal", 202501, 202512));
      assert.equal(total.cells.vorigJaar, sumRows(ROWS, "totaal", 202401, 202412));
      const perMonth = tableOf(doc, "totaal-per-maand");
      assert.equal(perMonth.rows.length, 12);
      perMonth.rows.forEach((r, i) => {
        assert.equal(r.cells.ditJaar, sumRows(ROWS, "totaal", 202501 + i, 202501 + i));
        assert.equal(r.cells.vorigJaar, sumRows(ROWS, "totaal", 202401 + i, 202401 + i));
      });
      const chart = doc.sections[0]?.blocks[0];
      assert.equal(chart?.kind, "chart");
      assert.ok(chart?.kind === "chart" && chart.type === "line" && chart.y.includes("vorigJaar"));
    });

    it("groups the types under INP levels 1 and 2", () => {
      const headings = perType.rows.filter((r) => r.cells.code === undefined).map((r) => r.cells.soort);
      assert.ok(
        headings.includes("Veiligheid") && headings.includes("Huis") && headings.includes("Leefbaarheid"),
      );
    });

    it("lists only clear risers and fallers, the largest difference first, at most TOP_CHANGES", () => {
      for (const [id, dir] of [
        ["duidelijk-meer", 1],
        ["duidelijk-minder", -1],
      ] as const) {
        const expected = tested
          .filter((c) => clear.get(c) && Math.sign(reference(c).cur - reference(c).prev) === dir)
          .sort(
            (a, b) => dir * (reference(b).cur - reference(b).prev - (reference(a).cur - reference(a).prev)),
          )
          .slice(0, TOP_CHANGES);
        assert.ok(expected.length > 0, id);
        const table = tableOf(doc, id);
        assert.deepEqual(
          table.rows.map((r) => r.cells.jaar),
          expected.map((c) => reference(c).cur),
          id,
        );
        assert.deepEqual(
          table.rows.map((r) => r.cells.verschil),
          expected.map((c) => reference(c).cur - reference(c).prev),
        );
      }
    });

    it("says significant only where the exact test supports it", () => {
      const cur = sumRows(ROWS, "totaal", 202501, 202512);
      const prev = sumRows(ROWS, "totaal", 202401, 202412);
      const first = doc.summary[0] as string;
      assert.match(first, /^Het aantal registraties (steeg|daalde) van /);
      if (exactPoissonP(cur, prev) < 0.05) assert.match(first, /statistisch significant/);
      else assert.doesNotMatch(first, /significant/);
      const others = allTexts(doc).filter((t) => t !== first);
      for (const t of others) assert.doesNotMatch(t, /significant/i, t);
    });
  });

  describe("with table protection (minimum 5)", () => {
    const base = protectMonthlyCounts(ROWS, { minimum: 5, until: UNTIL });
    const rec = recordingShown(base);
    const doc = jaarafsluiting.build(input(rec.shown), ctx);

    it("a year is shown exactly where the protection shows it; every type of the area keeps its row", () => {
      const perType = tableOf(doc, "per-soort");
      let withheld = 0;
      for (const code of CODES) {
        if (!ROWS.some((r) => r.inpCode === code)) continue;
        const cells = rowWhere(perType, "code", code).cells;
        for (const [key, y] of [
          ["jaar", 2025],
          ["vorigJaar", 2024],
        ] as const) {
          if (base(code, y * 100 + 1, y * 100 + 12))
            assert.equal(cells[key], sumRows(ROWS, code, y * 100 + 1, y * 100 + 12), `${code} ${y}`);
          else {
            assert.deepEqual(cells[key], WITHHELD, `${code} ${y}`);
            withheld++;
          }
        }
        if (isWithheld(cells.jaar) || isWithheld(cells.vorigJaar)) {
          assert.equal(cells.verandering, null);
          assert.equal(cells.p, null);
          assert.equal(cells.verschil, null);
        }
      }
      assert.ok(withheld > 0, "the test data has withheld years");
    });

    it("months are shown exactly where the protection shows them", () => {
      const perMonth = tableOf(doc, "totaal-per-maand");
      perMonth.rows.forEach((r, i) => {
        for (const [key, m] of [
          ["ditJaar", 202501 + i],
          ["vorigJaar", 202401 + i],
        ] as const) {
          if (base("totaal", m, m)) assert.equal(r.cells[key], sumRows(ROWS, "totaal", m, m));
          else assert.deepEqual(r.cells[key], WITHHELD);
        }
      });
    });

    it("asks only for single months and whole years", () => {
      for (const [key] of rec.asked) {
        const [, from, to] = key.split("|").map(Number) as [string, number, number];
        assert.ok(from === to || (from % 100 === 1 && to === from + 11), key);
      }
    });

    it("risers and fallers show no withheld count", () => {
      for (const id of ["duidelijk-meer", "duidelijk-minder"]) {
        const t = doc.sections.flatMap((s) => s.blocks).find((b) => b.kind === "table" && b.id === id);
        if (t?.kind === "table") for (const r of t.rows) assert.equal(typeof r.cells.jaar, "number");
      }
    });
  });

  it("a first year of data: no previous figures, no tests, no claims", () => {
    const rows = ROWS.filter((r) => r.month >= 202501);
    const doc = jaarafsluiting.build({ rows, shown: SHOW_ALL }, ctx);
    for (const r of tableOf(doc, "per-soort").rows) {
      assert.equal(r.cells.vorigJaar ?? null, null);
      assert.equal(r.cells.verandering ?? null, null);
    }
    for (const r of tableOf(doc, "totaal-per-maand").rows) assert.equal(r.cells.vorigJaar, null);
    assert.match(doc.summary.join(" "), /Over 2024 zijn er geen cijfers/);
    assert.doesNotMatch(allTexts(doc).join(" "), /significant|duidelijk meer dan/i);
  });

  it("refuses a period that is not a calendar year", () => {
    assert.throws(() => jaarafsluiting.build(input(), testContext("2025-H1")), /heel jaar/);
  });

  it("has all months of the year in the month table", () => {
    const months = monthsBetween(202501, 202512).map((m) => m % 100);
    assert.equal(tableOf(jaarafsluiting.build(input(), ctx), "totaal-per-maand").rows.length, months.length);
  });
});
