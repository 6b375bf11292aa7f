import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  protectMonthlyCounts,
  SHOW_ALL,
} from "../../disclosure/table-protection/monthly-counts-protection.ts";
import type { ProtectedCounts } from "../../disclosure/table-protection/protect-counts.ts";
import { InputError } from "../../domain/errors.ts";
import { inpNode } from "../../domain/inp-tree.ts";
import { lensById, loadLensConfig } from "../parts/lenzen.ts";
import { type Cell, isWithheld, type ProductDocument, WITHHELD } from "../product-document.ts";
import {
  allTexts,
  bhRejects,
  exactPoissonP,
  generateRows,
  monthsBetween,
  recordingShown,
  referenceMannKendall,
  rowWhere,
  sumRows,
  TEST_AREA,
  tableOf,
  testContext,
} from "./definition-test-data.ts";
import {
  MIN_TREND_MONTHS,
  situatierapportage,
  situatierapportageAlleLenzen,
  situatierapportageVoor,
} from "./situatierapportage.ts";

const MEANS: Record<string, { mean: number; growth?: number }> = {
  "1.1.1": { mean: 18, growth: 1.35 },
  "1.1.2": { mean: 4 },
  "1.4.2": { mean: 0.05 },
  "1.4.3": { mean: 0.5 },
  "1.4.4": { mean: 10 },
  "1.4.5": { mean: 25, growth: 0.8 },
  "1.4.6": { mean: 1.5 },
  "1.4.7": { mean: 0.2 },
  "2.7.1": { mean: 40, growth: 1.1 },
  "2.2.1": { mean: 15 },
  "2.6.9": { mean: 3 },
  "2.1.1": { mean: 10, growth: 1.3 },
  "3.1.1": { mean: 2 },
  "1.6.1": { mean: 3 },
  "4.5.1": { mean: 30 },
};
const ROWS = generateRows(20250607, MEANS, 202301, 202606);
const UNTIL = 202606;
const ctx = testContext("2025");
const input = (shown = SHOW_ALL, rows = ROWS): ProtectedCounts => ({ rows, shown, roundTo: 1 });
const TREND = monthsBetween(202301, 202512);
const lensSum = (codes: readonly string[], from: number, to: number) =>
  codes.reduce((a, c) => a + sumRows(ROWS, c, from, to), 0);

/** The text of a document's trend section. */
const trendTexts = (doc: ProductDocument) =>
  doc.sections
    .find((s) => s.id === "trend")
    ?.blocks.flatMap((b) => (b.kind === "text" ? b.paragraphs : [])) ?? [];

describe("situatierapportage: definitions", () => {
  it("one definition per lens, and one over all lenses", () => {
    const lenses = loadLensConfig().lenses;
    for (const id of ["jeugdoverlast", "drugs", "explosies", "woninginbraak", "geweld"])
      assert.ok(
        lenses.some((l) => l.id === id),
        id,
      );
    const def = situatierapportage("woninginbraak");
    assert.equal(def.id, "situatierapportage-woninginbraak");
    assert.equal(def.sensitivity, "aggregated");
    assert.deepEqual(def.periodKinds, ["jaar"]);
    assert.deepEqual(def.levels, ["gemeente", "wijk", "buurt"]);
    assert.equal(situatierapportageAlleLenzen.id, "situatierapportage");
    assert.deepEqual(
      situatierapportageAlleLenzen.sections.map((s) => s.id),
      ["lenzen", ...lenses.map((l) => `lens-${l.id}`), "uitleg"],
    );
    assert.throws(() => situatierapportage("bestaat-niet"), InputError);
    for (const l of lenses) for (const c of l.inpCodes) assert.ok(inpNode(c, 3), `${l.id} ${c}`);
  });

  it("a lens with a type left out below the gemeente is offered for the gemeente only", () => {
    const def = situatierapportageVoor({
      id: "zeden",
      title: "Zeden",
      description: "Zeden.",
      inpCodes: ["1.4.1"],
    });
    assert.deepEqual(def.levels, ["gemeente"]);
  });

  it("every document section is declared", () => {
    for (const def of [situatierapportage("geweld"), situatierapportageAlleLenzen]) {
      const doc = def.build(input(), ctx);
      assert.equal(doc.product, def.id);
      assert.deepEqual(
        doc.sections.map((s) => s.id),
        def.sections.map((s) => s.id),
      );
    }
  });
});

describe("situatierapportage of one lens, without table protection", () => {
  const lens = lensById("geweld");
  const codes = lens.inpCodes;
  const doc = situatierapportage("geweld").build(input(), ctx);

  it("per month: every type and the lens total, this year and last", () => {
    const t = tableOf(doc, "per-maand");
    assert.equal(t.rows.length, 12);
    t.rows.forEach((r, i) => {
      const m = 202501 + i;
      for (const [j, c] of codes.entries())
        assert.equal(r.cells[`soort${j + 1}`], sumRows(ROWS, c, m, m), `${c} ${m}`);
      assert.equal(r.cells.ditJaar, lensSum(codes, m, m));
      assert.equal(r.cells.vorigJaar, lensSum(codes, m - 100, m - 100));
    });
  });

  it("per type: the year against last year with the exact test, corrected over the types", () => {
    const t = tableOf(doc, "per-soort");
    const ref = codes.map((c) => ({
      c,
      cur: sumRows(ROWS, c, 202501, 202512),
      prev: sumRows(ROWS, c, 202401, 202412),
    }));
    const tested = ref.filter((r) => r.cur + r.prev > 0);
    const clear = bhRejects(tested.map((r) => exactPoissonP(r.cur, r.prev)));
    for (const r of ref) {
      const cells = rowWhere(t, "code", r.c).cells;
      assert.equal(cells.jaar, r.cur, r.c);
      assert.equal(cells.vorigJaar, r.prev, r.c);
      assert.equal(cells.verschil, r.cur - r.prev);
      const k = tested.indexOf(r);
      if (k < 0) {
        assert.equal(cells.p, null);
        assert.equal(cells.verandering, null);
        continue;
      }
      assert.ok(Math.abs((cells.p as number) - exactPoissonP(r.cur, r.prev)) < 1e-9, r.c);
      const verdict =
        clear[k] && r.cur !== r.prev
          ? r.cur > r.prev
            ? "duidelijk meer"
            : "duidelijk minder"
          : "geen duidelijke verandering";
      assert.equal(cells.verandering, verdict, r.c);
      assert.ok(
        Math.abs((cells.per1000 as number) - (r.cur * 1000) / (TEST_AREA.population as number)) < 1e-9,
      );
    }
    const total = t.rows.find((r) => r.total)?.cells as Record<string, Cell>;
    const cur = lensSum(codes, 202501, 202512);
    const prev = lensSum(codes, 202401, 202412);
    assert.equal(total.jaar, cur);
    assert.equal(total.vorigJaar, prev);
    assert.ok(Math.abs((total.p as number) - exactPoissonP(cur, prev)) < 1e-9);
    // The summary's first sentence is about the total, with its own test.
    const first = doc.summary[0] as string;
    assert.match(first, /^Het aantal registraties voor geweld (steeg|daalde)/);
    if (exactPoissonP(cur, prev) < 0.05)
      assert.match(first, /Die (stijging|daling) is statistisch significant\./);
    else assert.doesNotMatch(first, /significant/);
  });

  it("trend: Mann-Kendall over the last 36 months per type and for the total", () => {
    const t = tableOf(doc, "trend");
    assert.match(t.caption, /januari 2023 t\/m december 2025/);
    const refs = codes.map((c) => referenceMannKendall(TREND.map((m) => sumRows(ROWS, c, m, m))));
    const clear = bhRejects(refs.map((r) => r.p));
    codes.forEach((c, i) => {
      const label = inpNode(c, 3)?.label as string;
      const cells = rowWhere(t, "soort", label).cells;
      const ref = refs[i] as (typeof refs)[number];
      assert.ok(Math.abs((cells.p as number) - ref.p) < 1e-6, `${c}: ${cells.p} vs ${ref.p}`);
      assert.ok(Math.abs((cells.perJaar as number) - ref.slope * 12) < 1e-9, c);
      const verdict =
        clear[i] && ref.s !== 0
          ? ref.s > 0
            ? "duidelijk stijgend"
            : "duidelijk dalend"
          : "geen duidelijke trend";
      assert.equal(cells.trend, verdict, c);
    });
    const total = referenceMannKendall(TREND.map((m) => lensSum(codes, m, m)));
    const row = t.rows.find((r) => r.total)?.cells as Record<string, Cell>;
    assert.ok(Math.abs((row.p as number) - total.p) < 1e-6);
    const sentence = trendTexts(doc)[0] as string;
    assert.match(sentence, /^We bekeken de maanden januari 2023 tot en met december 2025\./);
    if (total.p < 0.05) {
      assert.match(sentence, new RegExp(`${total.s > 0 ? "stijgende" : "dalende"} trend`));
      assert.match(sentence, /statistisch significant/);
    } else {
      assert.match(sentence, /geen duidelijke trend/);
      assert.doesNotMatch(sentence, /significant/);
    }
    assert.ok(
      refs.some((r, i) => r.p < 0.05 && clear[i]),
      "the data has a clear trend",
    );
  });

  it("no other text claims significance", () => {
    const allowed = new Set([doc.summary[0], doc.summary.at(-1), trendTexts(doc)[0]]);
    for (const text of allTexts(doc)) if (!allowed.has(text)) assert.doesNotMatch(text, /significant/i, text);
  });
});

describe("situatierapportage of one lens, with table protection (minimum 5)", () => {
  const lens = lensById("geweld");
  const codes = lens.inpCodes;
  const base = protectMonthlyCounts(ROWS, { minimum: 5, until: UNTIL });
  const rec = recordingShown(base);
  const doc = situatierapportage("geweld").build(input(rec.shown), ctx);

  it("months and years per type as the protection says; totals only when every part is shown", () => {
    const perMonth = tableOf(doc, "per-maand");
    let withheld = 0;
    perMonth.rows.forEach((r, i) => {
      const m = 202501 + i;
      codes.forEach((c, j) => {
        const cell = r.cells[`soort${j + 1}`];
        if (base(c, m, m)) assert.equal(cell, sumRows(ROWS, c, m, m));
        else {
          assert.deepEqual(cell, WITHHELD, `${c} ${m}`);
          withheld++;
        }
      });
      for (const [key, month] of [
        ["ditJaar", m],
        ["vorigJaar", m - 100],
      ] as const) {
        if (codes.every((c) => base(c, month, month))) {
          assert.equal(r.cells[key], lensSum(codes, month, month));
        } else assert.deepEqual(r.cells[key], WITHHELD, `${key} ${month}`);
      }
    });
    assert.ok(withheld > 0, "the test data has withheld months");
    const perType = tableOf(doc, "per-soort");
    for (const c of codes) {
      const cells = rowWhere(perType, "code", c).cells;
      if (base(c, 202501, 202512)) assert.equal(cells.jaar, sumRows(ROWS, c, 202501, 202512));
      else assert.deepEqual(cells.jaar, WITHHELD);
    }
    const total = perType.rows.find((r) => r.total)?.cells as Record<string, Cell>;
    if (codes.every((c) => base(c, 202501, 202512))) assert.equal(total.jaar, lensSum(codes, 202501, 202512));
    else assert.deepEqual(total.jaar, WITHHELD);
  });

  it("a trend only from months that are all shown", () => {
    const t = tableOf(doc, "trend");
    for (const c of codes) {
      const cells = rowWhere(t, "soort", inpNode(c, 3)?.label as string).cells;
      if (TREND.every((m) => base(c, m, m))) assert.equal(typeof cells.p, "number", c);
      else {
        assert.equal(cells.trend, "niet te bepalen (afgeschermd)", c);
        assert.equal(cells.p, null);
        assert.equal(cells.perJaar, null);
      }
    }
  });

  it("asks only for single months and whole years", () => {
    for (const [key] of rec.asked) {
      const [, from, to] = key.split("|").map(Number) as [number, number, number];
      assert.ok(from === to || (from % 100 === 1 && to === from + 11), key);
    }
  });
});

describe("situatierapportage: one withheld month", () => {
  // Everything shown except one month of garage burglaries.
  const shown = (code: string, from: number, to: number) =>
    !(code === "1.1.2" && from === 202503 && to === 202503);
  const doc = situatierapportage("woninginbraak").build(input(shown), ctx);

  it("withholds that month's total and both trends that need it, nothing else", () => {
    const perMonth = tableOf(doc, "per-maand");
    perMonth.rows.forEach((r, i) => {
      if (i === 2) {
        assert.deepEqual(r.cells.soort2, WITHHELD);
        assert.deepEqual(r.cells.ditJaar, WITHHELD);
      } else assert.equal(typeof r.cells.ditJaar, "number");
      assert.equal(typeof r.cells.vorigJaar, "number");
    });
    const perType = tableOf(doc, "per-soort");
    assert.equal(perType.rows.find((r) => r.total)?.cells.jaar, lensSum(["1.1.1", "1.1.2"], 202501, 202512));
    const trend = tableOf(doc, "trend");
    assert.equal(trend.rows[1]?.cells.trend, "niet te bepalen (afgeschermd)");
    assert.equal(trend.rows[2]?.cells.trend, "niet te bepalen (afgeschermd)");
    assert.equal(typeof trend.rows[0]?.cells.p, "number");
    assert.match(trendTexts(doc)[0] as string, /afgeschermd/);
    assert.doesNotMatch(trendTexts(doc).join(" "), /significant/);
  });
});

describe("situatierapportage: short history", () => {
  it("24 months are enough for a trend; 12 are not", () => {
    const from2024 = ROWS.filter((r) => r.month >= 202401);
    const doc = situatierapportage("woninginbraak").build(input(SHOW_ALL, from2024), ctx);
    assert.match(tableOf(doc, "trend").caption, /januari 2024 t\/m december 2025/);
    assert.equal(MIN_TREND_MONTHS, 24);

    const only2025 = ROWS.filter((r) => r.month >= 202501);
    const short = situatierapportage("woninginbraak").build(input(SHOW_ALL, only2025), ctx);
    assert.match(trendTexts(short)[0] as string, /minstens 24 maanden/);
    for (const r of tableOf(short, "per-soort").rows) {
      assert.equal(r.cells.vorigJaar, null);
      assert.equal(r.cells.verandering, null);
    }
    assert.match(short.summary[0] as string, /Over 2024 zijn er geen cijfers/);
    assert.doesNotMatch(allTexts(short).join(" "), /significant/);
  });
});

describe("situatierapportage over all lenses", () => {
  const lenses = loadLensConfig().lenses;
  const doc = situatierapportageAlleLenzen.build(input(), ctx);

  it("one row per lens: total, change corrected over the lenses", () => {
    const t = tableOf(doc, "lenzen");
    const ref = lenses.map((l) => ({
      cur: lensSum(l.inpCodes, 202501, 202512),
      prev: lensSum(l.inpCodes, 202401, 202412),
    }));
    const tested = ref.filter((r) => r.cur + r.prev > 0);
    const clear = bhRejects(tested.map((r) => exactPoissonP(r.cur, r.prev)));
    lenses.forEach((l, i) => {
      const r = ref[i] as (typeof ref)[number];
      const cells = rowWhere(t, "onderwerp", l.title).cells;
      assert.equal(cells.jaar, r.cur, l.id);
      assert.equal(cells.vorigJaar, r.prev, l.id);
      const k = tested.indexOf(r);
      const verdict =
        k < 0
          ? null
          : clear[k] && r.cur !== r.prev
            ? r.cur > r.prev
              ? "duidelijk meer"
              : "duidelijk minder"
            : "geen duidelijke verandering";
      assert.equal(cells.verandering, verdict, l.id);
    });
    assert.equal(doc.summary.length, lenses.length);
    for (const [i, l] of lenses.entries()) assert.ok(doc.summary[i]?.startsWith(`${l.title}: `));
    // Each lens section has its own table.
    for (const l of lenses)
      assert.equal(
        tableOf(doc, `per-soort-${l.id}`).rows.length,
        l.inpCodes.length + (l.inpCodes.length > 1 ? 1 : 0),
      );
  });

  it("claims no significance: its verdicts are corrected over the lenses and said in words", () => {
    assert.doesNotMatch(allTexts(doc).join("\n"), /significant/i);
  });

  it("with protection: a lens total only when all its types are shown", () => {
    const base = protectMonthlyCounts(ROWS, { minimum: 5, until: UNTIL });
    const protectedDoc = situatierapportageAlleLenzen.build(input(base), ctx);
    const t = tableOf(protectedDoc, "lenzen");
    let withheld = 0;
    let shown = 0;
    for (const l of lenses) {
      const cells = rowWhere(t, "onderwerp", l.title).cells;
      if (l.inpCodes.every((c) => base(c, 202501, 202512))) {
        assert.equal(cells.jaar, lensSum(l.inpCodes, 202501, 202512));
        shown++;
      } else {
        assert.ok(isWithheld(cells.jaar), l.id);
        assert.equal(cells.verandering, null, l.id);
        withheld++;
      }
    }
    assert.ok(withheld > 0 && shown > 0, `withheld ${withheld}, shown ${shown}`);
  });
});
