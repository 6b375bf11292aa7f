import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
  protectMonthlyCounts,
  SHOW_ALL,
  type Shown,
} from "../../disclosure/table-protection/monthly-counts-protection.ts";
import { InputError } from "../../domain/errors.ts";
import { isWithheld } from "../product-document.ts";
import { parsePeriod } from "../product-period.ts";
import { openProductTestStore, type ProductTestStore, runAs } from "../test-products.ts";
import {
  allTexts,
  bhRejects,
  generateRows,
  monthsBetween,
  referenceMannKendall,
  rowWhere,
  sumRows,
  TEST_AREA,
  tableOf,
  testContext,
} from "./definition-test-data.ts";
import { type PeerFigure, type VeiligheidsanalyseInput, veiligheidsanalyse } from "./veiligheidsanalyse.ts";

const MEANS: Record<string, { mean: number; growth?: number }> = {
  "1.1.1": { mean: 30, growth: 0.88 },
  "1.2.1": { mean: 12 },
  "1.4.5": { mean: 15, growth: 1.08 },
  "1.4.2": { mean: 0.05 },
  "2.2.1": { mean: 25, growth: 1.02 },
  "3.1.1": { mean: 1.5 },
};
const ROWS = generateRows(20251001, MEANS, 201601, 202606);
const CODES = Object.keys(MEANS);
const YEARS = Array.from({ length: 10 }, (_, i) => 2016 + i);
const G1 = ["1.1.1", "1.2.1", "1.4.2", "1.4.5"];

// Other gemeenten: Teststad has 48,000 inhabitants (class 20k–50k), unit RE99.
const PEERS: PeerFigure[] = [
  { code: "GM0001", name: "Aa", population: 30_000, region: "RE99", roundedTotal: 1_500 },
  { code: "GM0002", name: "Bb", population: 45_000, region: "RE99", roundedTotal: 2_250 },
  { code: "GM0003", name: "Cc", population: 120_000, region: "RE99", roundedTotal: 9_000 },
  { code: "GM0004", name: "Dd", population: 22_000, region: "RE01", roundedTotal: 700 },
  { code: "GM0005", name: "Ee", population: 41_000, region: "RE02", roundedTotal: 3_100 },
  { code: "GM0006", name: "Ff", population: 35_000, region: "RE03", roundedTotal: 1_995 },
  { code: "GM0007", name: "Gg", population: 8_000, region: "RE99", roundedTotal: 300 },
];
const input = (shown: Shown = SHOW_ALL, peers = PEERS): VeiligheidsanalyseInput => ({
  rows: ROWS,
  shown,
  roundTo: 1,
  region: "RE99",
  peers,
});
const ctx = testContext("2025");

/** Classical additive decomposition's seasonal figure, written out (2×12 centred moving average). */
function seasonalFigure(xs: number[]): number[] {
  const n = xs.length;
  const trend: (number | null)[] = xs.map((_, i) => {
    if (i < 6 || i + 6 >= n) return null;
    let s = 0.5 * ((xs[i - 6] as number) + (xs[i + 6] as number));
    for (let k = i - 5; k <= i + 5; k++) s += xs[k] as number;
    return s / 12;
  });
  const fig = Array.from({ length: 12 }, (_, j) => {
    const d: number[] = [];
    for (let i = j; i < n; i += 12) if (trend[i] !== null) d.push((xs[i] as number) - (trend[i] as number));
    return d.reduce((a, b) => a + b, 0) / d.length;
  });
  const mean = fig.reduce((a, b) => a + b, 0) / 12;
  return fig.map((v) => v - mean);
}

describe("veiligheidsanalyse", () => {
  it("is an aggregated gemeente product for a year", () => {
    assert.deepEqual([...veiligheidsanalyse.levels], ["gemeente"]);
    assert.deepEqual([...veiligheidsanalyse.periodKinds], ["jaar"]);
    assert.equal(veiligheidsanalyse.sensitivity, "aggregated");
    assert.throws(() => veiligheidsanalyse.build(input(), testContext("2025-06")), InputError);
  });

  describe("ten years, nothing withheld", () => {
    const doc = veiligheidsanalyse.build(input(), ctx);
    const t = tableOf(doc, "trend");

    it("yearly sums per type, main group and total, with Mann-Kendall and Sen's slope", () => {
      const check = (key: string, values: number[]) => {
        const cells = key === "totaal" ? (t.rows.at(-1)?.cells ?? {}) : rowWhere(t, "code", key).cells;
        YEARS.forEach((y, i) => {
          assert.equal(cells[`j${y}`], values[i], `${key} ${y}`);
        });
        const ref = referenceMannKendall(values);
        assert.ok(Math.abs((cells.p as number) - ref.p) < 1e-6, key);
        assert.ok(Math.abs((cells.perJaar as number) - ref.slope) < 1e-9, key);
        return ref;
      };
      const refs = CODES.map((c) =>
        check(
          c,
          YEARS.map((y) => sumRows(ROWS, c, y * 100 + 1, y * 100 + 12)),
        ),
      );
      check(
        "1",
        YEARS.map((y) => G1.reduce((s, c) => s + sumRows(ROWS, c, y * 100 + 1, y * 100 + 12), 0)),
      );
      check(
        "totaal",
        YEARS.map((y) => sumRows(ROWS, "totaal", y * 100 + 1, y * 100 + 12)),
      );
      // Clear after Benjamini–Hochberg over the types.
      const clear = bhRejects(refs.map((r) => r.p));
      CODES.forEach((c, i) => {
        const word = rowWhere(t, "code", c).cells.trend;
        if (clear[i]) assert.match(String(word), /^duidelijk (stijgend|dalend)$/, c);
        else assert.equal(word, "geen duidelijke trend", c);
      });
      assert.equal(rowWhere(t, "code", "1.1.1").cells.trend, "duidelijk dalend");
    });

    it("the pattern through the year is the classical decomposition of the monthly totals", () => {
      const months = monthsBetween(201601, 202512);
      const values = months.map((m) => sumRows(ROWS, "totaal", m, m));
      const expected = seasonalFigure(values);
      const s = tableOf(doc, "seizoen");
      s.rows.forEach((r, i) => {
        assert.ok(Math.abs((r.cells.totaal as number) - (expected[i] as number)) < 1e-9);
      });
    });

    it("compares with gemeenten of the same size class, open data rounded to 5", () => {
      const v = tableOf(doc, "vergelijking");
      const own = Math.round(sumRows(ROWS, "totaal", 202501, 202512) / 5) * 5;
      assert.equal(v.rows[0]?.cells.aantal, own);
      assert.ok(Math.abs((v.rows[0]?.cells.per1000 as number) - (own / 48_000) * 1000) < 1e-9);
      // Same class (20k–50k): Aa, Bb in RE99 — fewer than 5, so the whole country: Aa, Bb, Dd, Ee, Ff.
      assert.deepEqual(
        v.rows.slice(1).map((r) => r.cells.gemeente),
        ["Aa", "Bb", "Dd", "Ee", "Ff"],
      );
      for (const r of v.rows) assert.equal((r.cells.aantal as number) % 5, 0);
      const rates = [1500 / 30, 2250 / 45, 700 / 22, 3100 / 41, 1995 / 35];
      const mean = rates.reduce((a, b) => a + b, 0) / 5;
      const text = allTexts(doc).join("\n");
      assert.match(text, /uit het hele land/);
      assert.match(text, new RegExp(`gemiddeld ${mean.toFixed(1).replace(".", ",")} per 1\\.000`));
      assert.match(text, /afgerond op 5/);
      assert.match(text, /Hoe stedelijk een gemeente is, staat niet in driehoek/);
    });

    it("says 'significant' only where a test is behind it", () => {
      const text = allTexts(doc).join("\n");
      for (const line of text.split("\n"))
        if (/significant/i.test(line)) assert.match(line, /Die trend is statistisch significant/);
    });
  });

  it("with table protection: withheld years are never shown, and no trend is computed over them", () => {
    const shown = protectMonthlyCounts(ROWS, { minimum: 5, until: 202606 });
    const doc = veiligheidsanalyse.build(input(shown), ctx);
    const t = tableOf(doc, "trend");
    let withheld = 0;
    for (const c of CODES) {
      const cells = rowWhere(t, "code", c).cells;
      let all = true;
      for (const y of YEARS) {
        if (shown(c, y * 100 + 1, y * 100 + 12))
          assert.equal(cells[`j${y}`], sumRows(ROWS, c, y * 100 + 1, y * 100 + 12));
        else {
          assert.ok(isWithheld(cells[`j${y}`]), `${c} ${y}`);
          all = false;
          withheld++;
        }
      }
      if (!all) {
        assert.equal(cells.trend, "niet te bepalen (afgeschermd)");
        assert.equal(cells.p, null);
      }
    }
    assert.ok(withheld > 0);
    const g1 = rowWhere(t, "code", "1").cells;
    for (const y of YEARS) {
      if (G1.every((c) => shown(c, y * 100 + 1, y * 100 + 12)))
        assert.equal(
          g1[`j${y}`],
          G1.reduce((s, c) => s + sumRows(ROWS, c, y * 100 + 1, y * 100 + 12), 0),
        );
      else assert.ok(isWithheld(g1[`j${y}`]));
    }
  });

  it("with fewer than 5 years says a trend cannot be given yet", () => {
    const rows = ROWS.filter((r) => r.month >= 202201);
    const doc = veiligheidsanalyse.build({ ...input(), rows }, ctx);
    assert.match(doc.summary.join(" "), /minstens 5 nodig/);
    for (const r of tableOf(doc, "trend").rows)
      if (r.cells.code) assert.equal(r.cells.trend, "niet te bepalen (te weinig jaren)");
  });

  it("without peers of the same size says comparing is not possible", () => {
    const doc = veiligheidsanalyse.build(
      input(
        SHOW_ALL,
        PEERS.filter((p) => p.population > 60_000),
      ),
      ctx,
    );
    assert.match(allTexts(doc).join("\n"), /geen andere gemeenten met 20\.000 tot 50\.000 inwoners gevonden/);
    assert.equal(tableOf(doc, "vergelijking").rows.length, 1);
    assert.equal(TEST_AREA.population, 48_000);
  });

  describe("on the demo", () => {
    let t: ProductTestStore;
    before(async () => {
      t = await openProductTestStore();
    });
    after(async () => {
      await t.store.close();
    });

    it("peers' figures are their 2025 totals rounded to 5 (open data)", async () => {
      const gm = t.gemeenten[1];
      const doc = await runAs(
        t,
        veiligheidsanalyse,
        t.userFor("burgemeester", 1),
        "ivp-monitoring",
        gm,
        parsePeriod("2025"),
      );
      const v = tableOf(doc, "vergelijking");
      assert.ok(v.rows.length >= 2, "a demo gemeente of the same size class");
      const areas = await t.store.listAreas({ level: "gemeente" });
      for (const r of v.rows.slice(1)) {
        const a = areas.find((x) => x.name === r.cells.gemeente);
        assert.ok(a && a.code !== gm);
        const rows = await t.store.monthlyCounts({
          area: a.code,
          level: "gemeente",
          fromMonth: 202501,
          toMonth: 202512,
        });
        assert.equal(r.cells.aantal, Math.round(rows.reduce((s, x) => s + x.count, 0) / 5) * 5);
      }
      const text = allTexts(doc).join("\n");
      assert.match(text, /minstens 5 nodig/);
      assert.match(text, /minstens 2 hele jaren/);
      assert.doesNotMatch(text, /significant/i);
    });
  });
});
