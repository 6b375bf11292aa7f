import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SHOW_ALL, type Shown } from "../../disclosure/table-protection/monthly-counts-protection.ts";
import { addMonths } from "../../domain/time.ts";
import type { MonthlyCount } from "../../store/store.ts";
import { buildTrendModel, peersYear, type TrendModelInput } from "./trend-model.ts";

/** Monthly rows of one type: `value(month)` registrations in every month from `from` to `to`. */
function rows(code: string, from: number, to: number, value: (m: number) => number): MonthlyCount[] {
  const out: MonthlyCount[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1))
    out.push({ month: m, inpCode: code, count: value(m), attempts: 0 });
  return out;
}

const area = { code: "GM9001", name: "Aadorp", level: "gemeente" as const, population: 30_000 };

function input(over: Partial<TrendModelInput> & { rows?: MonthlyCount[]; shown?: Shown }): TrendModelInput {
  return {
    area,
    type: { code: "1.1.1", label: "Diefstal/inbraak woning" },
    params: { area: "GM9001", type: "1.1.1", from: 202301, to: 202512, comparison: "vorig-jaar" },
    counts: { rows: over.rows ?? [], shown: over.shown ?? SHOW_ALL, withheldTypes: [] },
    peers: null,
    ...over,
  };
}

describe("buildTrendModel", () => {
  it("gives the count per month of the type, and no figures before the first year with data", () => {
    const r = [...rows("1.1.1", 202203, 202512, (m) => m % 100), ...rows("2.5.1", 202201, 202512, () => 7)];
    const m = buildTrendModel(input({ rows: r, params: { ...input({}).params, from: 202101, to: 202512 } }));
    assert.equal(m.months.length, 60);
    assert.deepEqual(m.months[0], { month: 202101, value: null, status: "geen-cijfers", unusual: null });
    // 2022 is the first year with data (of any type): January and February 2022 are zero.
    assert.deepEqual(
      m.months.slice(12, 15).map((x) => [x.month, x.value, x.status]),
      [
        [202201, 0, "getoond"],
        [202202, 0, "getoond"],
        [202203, 3, "getoond"],
      ],
    );
    assert.equal(m.noDataMonths, 12);
    assert.equal(m.subject, "registraties (diefstal/inbraak woning)");
    // All types: the sum of both.
    const all = buildTrendModel(input({ rows: r, type: { code: "", label: "Alle soorten" } }));
    assert.equal(all.months.find((x) => x.month === 202405)?.value, 5 + 7);
  });

  it("compares the last 12 months with a year earlier, with the exact test and its sentence", () => {
    const r = rows("1.1.1", 202301, 202512, (m) => (m >= 202501 ? 6 : 4));
    const m = buildTrendModel(input({ rows: r }));
    assert.deepEqual(
      [m.change.current, ...m.change.earlier].map((p) => [p.from, p.to, p.count]),
      [
        [202501, 202512, 72],
        [202401, 202412, 48],
      ],
    );
    // 72 against 48 with equal exposure: p (two-sided, exact conditional) = 0.035324 (binom.test(72, 120) in R).
    assert.ok(
      m.change.test && Math.abs(m.change.test.pTwoSided - 0.035324) < 1e-6,
      String(m.change.test?.pTwoSided),
    );
    assert.equal(
      m.change.text,
      "Het aantal registraties (diefstal/inbraak woning) steeg van 48 in januari t/m december 2024 naar 72 in januari t/m december 2025 (+50%). Die stijging is statistisch significant.",
    );
  });

  it("averages the shown years for the 5-year comparison and says which are left out", () => {
    const r = rows("1.1.1", 202001, 202512, (m) => Math.floor(m / 100) - 2000); // 2020: 20 … 2025: 25 a month
    // The sums of 2022 are withheld (as a whole and per month).
    const shown: Shown = (_c, from, to) => !(from <= 202212 && to >= 202201);
    const m = buildTrendModel(
      input({ rows: r, shown, params: { ...input({}).params, comparison: "gemiddelde-5-jaar" } }),
    );
    assert.deepEqual(
      m.change.earlier.map((p) => [p.from, p.count, p.status]),
      [
        [202401, 288, "getoond"],
        [202301, 276, "getoond"],
        [202201, null, "afgeschermd"],
        [202101, 252, "getoond"],
        [202001, 240, "getoond"],
      ],
    );
    assert.equal(m.change.used, 4);
    assert.equal(m.change.mean, (288 + 276 + 252 + 240) / 4);
    assert.match(m.change.notes[0] ?? "", /over 4 jaar in plaats van 5: de andere jaren zijn afgeschermd/);
    assert.match(
      m.change.text ?? "",
      /van 264 in dezelfde maanden van 4 eerdere jaren \(gemiddeld, afgerond\) naar 300/,
    );
  });

  it("leaves withheld months out: shown as withheld, skipped by the trend, no seasonal pattern", () => {
    const r = rows("1.1.1", 202301, 202512, (m) => 10 + (m % 100));
    const shown: Shown = (_c, from, to) => !(from <= 202406 && to >= 202406);
    const m = buildTrendModel(input({ rows: r, shown }));
    assert.equal(m.withheldMonths, 1);
    assert.deepEqual(
      m.months.find((x) => x.month === 202406),
      {
        month: 202406,
        value: null,
        status: "afgeschermd",
        unusual: null,
      },
    );
    assert.equal(m.trend.used, 35);
    assert.equal(m.trend.result?.n, 35);
    assert.equal(m.season.computed, false);
    assert.match(m.season.text, /afgeschermd/);
  });

  it("names the seasonal pattern by calendar month, also when the series starts in July", () => {
    const r = rows("1.1.1", 202201, 202512, (m) => (m % 100 === 12 ? 40 : 10));
    const m = buildTrendModel(input({ rows: r, params: { ...input({}).params, from: 202207, to: 202506 } }));
    assert.ok(m.season.computed);
    const max = Math.max(...(m.season.byMonth as number[]));
    assert.equal(m.season.byMonth.indexOf(max), 11, "December is highest");
    assert.match(m.season.text, /December is het hoogst/);
    // A flat series apart from December: no trend.
    assert.match(m.trend.text, /Er is geen duidelijke trend/);
  });

  it("flags a month far above the same month in the earlier years", () => {
    const r = rows("1.1.1", 202001, 202512, (m) => (m === 202511 ? 60 : 20));
    const m = buildTrendModel(input({ rows: r }));
    assert.deepEqual(
      m.unusual.found.map((x) => [x.month, x.unusual?.flag, x.unusual?.years]),
      [[202511, "hoger", 5]],
    );
    assert.match(
      m.unusual.found[0]?.unusual?.text ?? "",
      /^In november 2025 was het aantal .* 60\..*ongewoon hoog/,
    );
    assert.equal(m.unusual.checked, 36);
  });

  it("compares with similar gemeenten on rounded open data, the own count rounded too", () => {
    const r = rows("1.1.1", 202401, 202512, () => 7); // 84 in 2025, rounded 85
    const others = [
      { code: "GM9002", name: "Beekstad", population: 25_000, region: "RE99", roundedCount: 50 },
      { code: "GM9003", name: "Cedel", population: 40_000, region: "RE99", roundedCount: 60 },
      { code: "GM9004", name: "Dorp", population: 20_000, region: "RE99", roundedCount: 30 },
    ];
    const m = buildTrendModel(input({ rows: r, peers: { year: peersYear(202512), region: "RE99", others } }));
    assert.equal(m.peers?.year, 2025);
    assert.deepEqual(
      m.peers?.rows.map((x) => [x.name, x.roundedCount, Math.round(x.rate * 1000) / 1000]),
      [
        ["Aadorp", 85, 2.833],
        ["Beekstad", 50, 2],
        ["Cedel", 60, 1.5],
        ["Dorp", 30, 1.5],
      ],
    );
    assert.equal(m.peers?.result?.rank, 1);
    assert.match(
      m.peers?.paragraphs.join(" ") ?? "",
      /^In Aadorp waren er in 2025 2,8 registraties \(diefstal\/inbraak woning\)/,
    );
    assert.match(m.peers?.paragraphs.join(" ") ?? "", /weinig vergelijkbare gemeenten/);
  });

  it("shows nothing of a type withheld from the recipient", () => {
    const r = rows("2.5.1", 202301, 202512, () => 9);
    const m = buildTrendModel(
      input({
        counts: { rows: r, shown: SHOW_ALL, withheldTypes: ["1.1.1"] },
        peers: { year: 2025, region: null, others: [] },
      }),
    );
    assert.ok(m.typeWithheld);
    assert.ok(m.months.every((x) => x.status === "afgeschermd"));
    assert.equal(m.change.text, null);
    assert.equal(m.peers?.result, null);
  });

  it("shows nothing of a type a wijk does not show, and names the types it does", () => {
    const wijk = { code: "WK900101", name: "Centrum", level: "wijk" as const, population: 3_000 };
    const r = rows("2.5.1", 202301, 202512, () => 9);
    const counts = { rows: r, shown: SHOW_ALL, withheldTypes: [], levelTypes: ["1.1.1"] };
    const other = buildTrendModel(
      input({ area: wijk, type: { code: "2.5.1", label: "Winkeldiefstal" }, counts }),
    );
    assert.deepEqual(other.typeNotAtLevel, { shown: ["1.1.1"] });
    assert.equal(other.typeWithheld, false);
    assert.ok(other.months.every((x) => x.status === "afgeschermd"));
    assert.equal(other.trend.result, null);
    // A detail type and the total are shown as protected.
    const detail = buildTrendModel(input({ area: wijk, counts }));
    assert.equal(detail.typeNotAtLevel, null);
    const total = buildTrendModel(input({ area: wijk, type: { code: "", label: "Alle soorten" }, counts }));
    assert.equal(total.typeNotAtLevel, null);
    assert.ok(total.months.every((x) => x.status === "getoond" && x.value === 9));
  });
});

describe("peersYear", () => {
  it("is the last whole calendar year up to the end of the series", () => {
    assert.equal(peersYear(202512), 2025);
    assert.equal(peersYear(202610), 2025);
    assert.equal(peersYear(202601), 2025);
  });
});
