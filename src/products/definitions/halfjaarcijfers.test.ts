import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  protectMonthlyCounts,
  SHOW_ALL,
} from "../../disclosure/table-protection/monthly-counts-protection.ts";
import type { ProtectedCounts } from "../../disclosure/table-protection/protect-counts.ts";
import { loadLensConfig } from "../parts/lenzen.ts";
import { isWithheld, WITHHELD } from "../product-document.ts";
import {
  allTexts,
  generateRows,
  recordingShown,
  rowWhere,
  sumRows,
  TEST_AREA,
  tableOf,
  testContext,
} from "./definition-test-data.ts";
import { halfjaarcijfers } from "./halfjaarcijfers.ts";

const TYPES = loadLensConfig().halfYearTypes;
const CODES = TYPES.map((t) => t.inpCode);

// Large, middling and tiny monthly means, so that some half years are small enough to withhold;
// two types rise and one falls from year to year. 2.7.1 is not in the selection (it adds to the
// area's total only).
const MEANS: Record<string, { mean: number; growth?: number }> = {
  "1.1.1": { mean: 14, growth: 1.4 },
  "1.4.6": { mean: 1.2 },
  "1.4.7": { mean: 0.15 },
  "1.4.5": { mean: 22 },
  "1.4.4": { mean: 9, growth: 0.7 },
  "1.4.3": { mean: 0.6 },
  "1.2.3": { mean: 30, growth: 1.3 },
  "1.2.1": { mean: 12 },
  "1.2.2": { mean: 0.4 },
  "1.2.4": { mean: 0.25 },
  "2.5.2": { mean: 8 },
  "2.2.1": { mean: 18 },
  "2.7.1": { mean: 40 },
};
const ROWS = generateRows(20261201, MEANS, 202301, 202606);
const UNTIL = 202606;
const open = (shown = SHOW_ALL, roundTo = 1): ProtectedCounts => ({ rows: ROWS, shown, roundTo });
const POP = TEST_AREA.population as number;
const roundedTo = (v: number, r: number) => Math.round(v / r) * r;

describe("halfjaarcijfers", () => {
  it("is an open, rounding product for a half year in a gemeente", () => {
    assert.equal(halfjaarcijfers.sensitivity, "open");
    assert.deepEqual(halfjaarcijfers.periodKinds, ["halfjaar"]);
    assert.deepEqual(halfjaarcijfers.levels, ["gemeente"]);
    assert.ok(TYPES.length >= 6);
    for (const c of ["1.1.1", "1.4.6", "1.4.7", "1.4.5", "1.2.3", "1.2.1"]) assert.ok(CODES.includes(c), c);
  });

  it("1st half year without protection: exact counts, differences, percents and rates", () => {
    const doc = halfjaarcijfers.build(open(), testContext("2026-H1"));
    assert.equal(doc.product, "halfjaarcijfers");
    assert.equal(doc.sensitivity, "open");
    const t = tableOf(doc, "per-soort");
    assert.equal(t.rows.length, TYPES.length);
    assert.deepEqual(
      t.rows.map((r) => r.cells.code),
      CODES,
    );
    for (const code of CODES) {
      const cur = sumRows(ROWS, code, 202601, 202606);
      const prev = sumRows(ROWS, code, 202501, 202506);
      const cells = rowWhere(t, "code", code).cells;
      assert.equal(cells.ditHalfjaar, cur, code);
      assert.equal(cells.vorigHalfjaar, prev, code);
      assert.equal(cells.verschil, cur - prev, code);
      assert.equal(cells.verschilProcent, cur >= 20 && prev >= 20 ? ((cur - prev) / prev) * 100 : null, code);
      assert.ok(Math.abs((cells.per1000 as number) - (cur * 1000) / POP) < 1e-9, code);
    }
    // The big risers make the summary.
    assert.match(doc.summary.join(" "), /Meer dan een jaar eerder: .*woninginbraken/);
  });

  it("2nd half year without protection: July to December", () => {
    const doc = halfjaarcijfers.build(open(), testContext("2025-H2"));
    const t = tableOf(doc, "per-soort");
    for (const code of CODES) {
      const cells = rowWhere(t, "code", code).cells;
      assert.equal(cells.ditHalfjaar, sumRows(ROWS, code, 202507, 202512), code);
      assert.equal(cells.vorigHalfjaar, sumRows(ROWS, code, 202407, 202412), code);
    }
  });

  it("rounds every count to 5 and computes the rest from the rounded counts", () => {
    for (const period of ["2026-H1", "2025-H2"] as const) {
      const doc = halfjaarcijfers.build(open(SHOW_ALL, 5), testContext(period));
      const year = Number(period.slice(0, 4));
      const [from, to] = period.endsWith("H1") ? [1, 6] : [7, 12];
      const t = tableOf(doc, "per-soort");
      let unrounded = 0;
      for (const code of CODES) {
        const exactCur = sumRows(ROWS, code, year * 100 + from, year * 100 + to);
        const exactPrev = sumRows(ROWS, code, (year - 1) * 100 + from, (year - 1) * 100 + to);
        const cur = roundedTo(exactCur, 5);
        const prev = roundedTo(exactPrev, 5);
        if (cur !== exactCur) unrounded++;
        const cells = rowWhere(t, "code", code).cells;
        assert.equal(cells.ditHalfjaar, cur, `${period} ${code}`);
        assert.equal(cells.vorigHalfjaar, prev, `${period} ${code}`);
        for (const k of ["ditHalfjaar", "vorigHalfjaar", "verschil"])
          assert.ok(Number.isInteger((cells[k] as number) / 5), k);
        assert.equal(cells.verschil, cur - prev);
        assert.equal(cells.verschilProcent, cur >= 20 && prev >= 20 ? ((cur - prev) / prev) * 100 : null);
        assert.ok(Math.abs((cells.per1000 as number) - (cur * 1000) / POP) < 1e-9);
      }
      assert.ok(unrounded > 0, "the data has counts that are not multiples of 5");
      const texts = allTexts(doc).join("\n");
      assert.match(texts, /afgerond op 5/);
      // No test on rounded counts, so no claim of significance anywhere.
      assert.doesNotMatch(texts, /significant/i);
      assert.doesNotMatch(texts, /statistisch/i);
      // The sentences use the rounded counts only.
      for (const code of CODES) {
        const exactCur = sumRows(ROWS, code, year * 100 + from, year * 100 + to);
        if (exactCur % 5 !== 0 && exactCur >= 20) {
          const name = TYPES.find((x) => x.inpCode === code)?.name as string;
          const sentence = allTexts(doc).find((s) => s.startsWith(`Het aantal ${name} `)) as string;
          assert.ok(sentence, name);
          assert.ok(!new RegExp(`\\b${exactCur}\\b`).test(sentence.replace(/\./g, "")), sentence);
        }
      }
    }
  });

  it("never says significant, rounded or not", () => {
    for (const period of ["2026-H1", "2025-H2", "2025-H1"])
      for (const r of [1, 5])
        assert.doesNotMatch(
          allTexts(halfjaarcijfers.build(open(SHOW_ALL, r), testContext(period))).join("\n"),
          /significant/i,
        );
  });

  describe("with table protection (minimum 5)", () => {
    const base = protectMonthlyCounts(ROWS, { minimum: 5, until: UNTIL });

    it("the 2nd half year is no decided sum", () => {
      for (const code of CODES) assert.equal(base(code, 202507, 202512), false, code);
    });

    it("1st half year: shown exactly where the year to date in June is shown", () => {
      const rec = recordingShown(base);
      const doc = halfjaarcijfers.build(open(rec.shown), testContext("2026-H1"));
      const t = tableOf(doc, "per-soort");
      let withheld = 0;
      for (const code of CODES) {
        const cells = rowWhere(t, "code", code).cells;
        for (const [key, y] of [
          ["ditHalfjaar", 2026],
          ["vorigHalfjaar", 2025],
        ] as const) {
          if (base(code, y * 100 + 1, y * 100 + 6)) {
            assert.equal(cells[key], sumRows(ROWS, code, y * 100 + 1, y * 100 + 6), `${code} ${y}`);
          } else {
            assert.deepEqual(cells[key], WITHHELD, `${code} ${y}`);
            withheld++;
          }
        }
        if (isWithheld(cells.ditHalfjaar) || isWithheld(cells.vorigHalfjaar)) {
          assert.equal(cells.verschil, null);
          assert.equal(cells.verschilProcent, null);
        }
      }
      assert.ok(withheld > 0, "the test data has withheld half years");
      // Only decided sums were asked for, and nothing shown was refused.
      for (const [key] of rec.asked) {
        const [, from, to] = key.split("|").map(Number) as [number, number, number];
        assert.equal(from % 100, 1, key);
        assert.equal(to % 100, 6, key);
      }
    });

    it("2nd half year: only as year to date December minus June, when both are shown", () => {
      const rec = recordingShown(base);
      const doc = halfjaarcijfers.build(open(rec.shown), testContext("2025-H2"));
      const t = tableOf(doc, "per-soort");
      let withheld = 0;
      let composed = 0;
      for (const code of CODES) {
        const cells = rowWhere(t, "code", code).cells;
        for (const [key, y] of [
          ["ditHalfjaar", 2025],
          ["vorigHalfjaar", 2024],
        ] as const) {
          const both = base(code, y * 100 + 1, y * 100 + 12) && base(code, y * 100 + 1, y * 100 + 6);
          if (both) {
            assert.equal(cells[key], sumRows(ROWS, code, y * 100 + 7, y * 100 + 12), `${code} ${y}`);
            composed++;
          } else {
            assert.deepEqual(cells[key], WITHHELD, `${code} ${y}`);
            withheld++;
          }
        }
      }
      assert.ok(withheld > 0 && composed > 0, `withheld ${withheld}, composed ${composed}`);
      // It never asked for July…December itself.
      for (const [key] of rec.asked) assert.notEqual(Number(key.split("|")[1]) % 100, 7, key);
      // Every shown H2 is backed by two sums the protection said yes to.
      for (const code of CODES) {
        const cells = rowWhere(t, "code", code).cells;
        if (typeof cells.ditHalfjaar === "number") {
          assert.equal(rec.asked.get(`${code}|202501|202512`), true);
          assert.equal(rec.asked.get(`${code}|202501|202506`), true);
        }
      }
    });

    it("withholds the 2nd half year when either part is withheld, even if the other is shown", () => {
      const target = "1.1.1";
      for (const refused of [
        [202501, 202506],
        [202501, 202512],
      ] as const) {
        const shown = (code: string, from: number, to: number) =>
          !(code === target && from === refused[0] && to === refused[1]);
        const doc = halfjaarcijfers.build(open(shown), testContext("2025-H2"));
        const cells = rowWhere(tableOf(doc, "per-soort"), "code", target).cells;
        assert.deepEqual(cells.ditHalfjaar, WITHHELD, String(refused));
        assert.equal(cells.vorigHalfjaar, sumRows(ROWS, target, 202407, 202412));
        assert.equal(cells.verschil, null);
        assert.match(allTexts(doc).join("\n"), /Het aantal woninginbraken is afgeschermd/);
      }
    });

    it("rounds what it shows and keeps withheld cells withheld", () => {
      const doc = halfjaarcijfers.build(open(base, 5), testContext("2025-H2"));
      for (const r of tableOf(doc, "per-soort").rows)
        for (const k of ["ditHalfjaar", "vorigHalfjaar"]) {
          const v = r.cells[k];
          assert.ok(isWithheld(v) || (typeof v === "number" && v % 5 === 0), `${r.cells.code} ${k}`);
        }
    });
  });

  it("a year before the first registration has no figures (empty, not 0, not withheld)", () => {
    const rows = ROWS.filter((r) => r.month >= 202601);
    const doc = halfjaarcijfers.build({ rows, shown: SHOW_ALL, roundTo: 5 }, testContext("2026-H1"));
    for (const r of tableOf(doc, "per-soort").rows) {
      assert.equal(r.cells.vorigHalfjaar, null);
      assert.equal(r.cells.verschilProcent, null);
      assert.equal(typeof r.cells.ditHalfjaar, "number");
    }
    assert.match(doc.summary.join(" "), /geen cijfers/);
  });

  it("refuses a period that is not a half year", () => {
    assert.throws(() => halfjaarcijfers.build(open(), testContext("2025")), /halfjaar/);
  });

  it("is the same document for the same input", () => {
    const ctx = testContext("2026-H1");
    assert.deepEqual(halfjaarcijfers.build(open(), ctx), halfjaarcijfers.build(open(), ctx));
  });
});
