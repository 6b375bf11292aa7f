import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { MonthlyCount } from "../store/store.ts";
import {
  buildMonthlyFigures,
  compare,
  MIN_COUNT_FOR_PERCENT,
  type MonthlyFigures,
  monthlyFiguresPeriods,
  TOP_TYPES,
  type TypeFigures,
} from "./monthly-figures-model.ts";

const area = { code: "GM9001", name: "Voorbeeldstad", population: 50_000, populationYear: 2024 };

const row = (month: number, inpCode: string, count: number, attempts = 0): MonthlyCount => ({
  month,
  inpCode,
  count,
  attempts,
});

function allTypes(f: MonthlyFigures): TypeFigures[] {
  return f.groups.flatMap((g) => g.groups.flatMap((g2) => g2.types));
}

function typeByCode(f: MonthlyFigures, code: string): TypeFigures {
  const t = allTypes(f).find((x) => x.code === code);
  assert.ok(t, `type ${code} missing`);
  return t;
}

/** Months of a list written out, independent of the model's range arithmetic. */
const MONTHS_2023 = [
  202301, 202302, 202303, 202304, 202305, 202306, 202307, 202308, 202309, 202310, 202311, 202312,
];
const MONTHS_2024 = [
  202401, 202402, 202403, 202404, 202405, 202406, 202407, 202408, 202409, 202410, 202411, 202412,
];

/** Independent computation: sum of the counts of one code over an explicit list of months. */
function sumOver(rows: MonthlyCount[], code: string | null, months: number[]): number {
  return rows
    .filter((r) => (code === null || r.inpCode === code) && months.includes(r.month))
    .reduce((s, r) => s + r.count, 0);
}

describe("monthlyFiguresPeriods", () => {
  it("derives the comparison periods for March 2024", () => {
    const p = monthlyFiguresPeriods(202403);
    assert.deepEqual(p, {
      month: 202403,
      previousMonth: 202303,
      yearToDate: { from: 202401, to: 202403 },
      previousYearToDate: { from: 202301, to: 202303 },
      last12Months: { from: 202304, to: 202403 },
      needed: { from: 202301, to: 202403 },
    });
  });

  it("handles January and December", () => {
    assert.deepEqual(monthlyFiguresPeriods(202401).last12Months, { from: 202302, to: 202401 });
    assert.deepEqual(monthlyFiguresPeriods(202401).previousYearToDate, { from: 202301, to: 202301 });
    assert.deepEqual(monthlyFiguresPeriods(202412).last12Months, { from: 202401, to: 202412 });
    assert.deepEqual(monthlyFiguresPeriods(202412).needed, { from: 202301, to: 202412 });
  });
});

describe("compare", () => {
  it("gives a percentage only when both counts are at least 20", () => {
    assert.equal(MIN_COUNT_FOR_PERCENT, 20);
    assert.deepEqual(compare(30, 20), { current: 30, previous: 20, difference: 10, percent: 50 });
    assert.equal(compare(20, 40).percent, -50);
    assert.equal(compare(19, 40).percent, null);
    assert.equal(compare(40, 19).percent, null);
    assert.equal(compare(0, 0).percent, null);
    assert.equal(compare(5, 0).difference, 5);
  });
});

describe("buildMonthlyFigures on a hand-built list", () => {
  const rows: MonthlyCount[] = [
    // 1.1.1 burglary: large enough for percentages
    row(202303, "1.1.1", 25, 5),
    row(202403, "1.1.1", 30, 6),
    row(202301, "1.1.1", 20),
    row(202302, "1.1.1", 22),
    row(202401, "1.1.1", 21),
    row(202402, "1.1.1", 19),
    row(202306, "1.1.1", 10),
    row(202312, "1.1.1", 12),
    // 1.4.7 overval: small numbers
    row(202403, "1.4.7", 2),
    row(202303, "1.4.7", 1),
    // 2.6.10 after 2.6.9 (numeric order)
    row(202403, "2.6.10", 3),
    row(202403, "2.6.9", 4),
    // duplicate row for the same month and type adds up
    row(202403, "2.6.9", 1),
    // outside the needed months: ignored
    row(202212, "1.1.1", 99),
    row(202404, "1.1.1", 99),
    // a code outside the INP tree
    row(202402, "9.9.9", 7),
  ];
  const f = buildMonthlyFigures(area, 202403, rows);

  it("computes month, year-to-date and 12-month figures like an independent sum", () => {
    for (const code of ["1.1.1", "1.4.7", "2.6.9", "2.6.10", "9.9.9"]) {
      const t = typeByCode(f, code);
      assert.equal(t.month.current, sumOver(rows, code, [202403]), `${code} month`);
      assert.equal(t.month.previous, sumOver(rows, code, [202303]), `${code} previous month`);
      assert.equal(t.month.difference, t.month.current - t.month.previous);
      assert.equal(t.yearToDate.current, sumOver(rows, code, [202401, 202402, 202403]), `${code} ytd`);
      assert.equal(t.yearToDate.previous, sumOver(rows, code, [202301, 202302, 202303]), `${code} ytd prev`);
      const last12 = [...MONTHS_2023.slice(3), ...MONTHS_2024.slice(0, 3)];
      assert.equal(t.last12Months, sumOver(rows, code, last12), `${code} 12 months`);
      assert.equal(t.per1000, (sumOver(rows, code, last12) / 50_000) * 1000);
    }
    assert.equal(typeByCode(f, "1.1.1").month.current, 30);
    assert.equal(typeByCode(f, "1.1.1").yearToDate.current, 70);
    assert.equal(typeByCode(f, "1.1.1").yearToDate.previous, 67);
    assert.equal(typeByCode(f, "2.6.9").month.current, 5);
  });

  it("hides percentages below 20 and shows them from 20 up", () => {
    assert.equal(typeByCode(f, "1.1.1").month.percent, 20); // 30 vs 25
    assert.equal(typeByCode(f, "1.4.7").month.percent, null); // 2 vs 1
    assert.equal(typeByCode(f, "2.6.9").month.percent, null);
    // ytd 70 vs 67: both ≥ 20
    assert.ok(Math.abs((typeByCode(f, "1.1.1").yearToDate.percent ?? 0) - (3 / 67) * 100) < 1e-9);
  });

  it("makes the totals row the sum of the type rows", () => {
    const types = allTypes(f);
    const sum = (pick: (t: TypeFigures) => number | null) =>
      types.reduce((s, t) => s + (pick(t) ?? Number.NaN), 0);
    assert.equal(
      f.total.month.current,
      sum((t) => t.month.current),
    );
    assert.equal(
      f.total.month.previous,
      sum((t) => t.month.previous),
    );
    assert.equal(
      f.total.yearToDate.current,
      sum((t) => t.yearToDate.current),
    );
    assert.equal(
      f.total.yearToDate.previous,
      sum((t) => t.yearToDate.previous),
    );
    assert.equal(
      f.total.last12Months,
      sum((t) => t.last12Months),
    );
    assert.equal(f.total.month.current, 30 + 2 + 3 + 5);
    // 40 vs 26: both at least 20, so the total gets a percentage although most rows do not.
    assert.equal(f.total.month.percent, ((40 - 26) / 26) * 100);
  });

  it("groups under level 1 and 2 in INP order, unknown codes last", () => {
    assert.deepEqual(
      f.groups.map((g) => [g.label, g.groups.map((g2) => [g2.label, g2.types.map((t) => t.code)])]),
      [
        [
          "Veiligheid",
          [
            ["Huis", ["1.1.1"]],
            ["Lichamelijke integriteit", ["1.4.7"]],
          ],
        ],
        ["Leefbaarheid", [["Milieu", ["2.6.9", "2.6.10"]]]],
        ["Niet ingedeeld", [["Niet ingedeeld", ["9.9.9"]]]],
      ],
    );
    assert.equal(typeByCode(f, "1.1.1").label, "Diefstal/inbraak woning");
  });

  it("gives the total per month, with this year's later months still empty", () => {
    assert.equal(f.perMonth.length, 12);
    for (const m of f.perMonth) {
      const thisYear = MONTHS_2024[m.monthNumber - 1] ?? 0;
      const lastYear = MONTHS_2023[m.monthNumber - 1] ?? 0;
      assert.equal(m.current, m.monthNumber <= 3 ? sumOver(rows, null, [thisYear]) : null);
      assert.equal(m.previous, sumOver(rows, null, [lastYear]));
    }
  });

  it("ranks the most frequent types this month", () => {
    assert.deepEqual(
      f.top.map((t) => [t.code, t.current, t.previous]),
      [
        ["1.1.1", 30, 25],
        ["2.6.9", 5, 0],
        ["2.6.10", 3, 0],
        ["1.4.7", 2, 1],
      ],
    );
  });

  it("leaves the rate out when the population is unknown", () => {
    const g = buildMonthlyFigures({ ...area, population: null }, 202403, rows);
    assert.equal(g.total.per1000, null);
    assert.ok(allTypes(g).every((t) => t.per1000 === null));
  });
});

describe("buildMonthlyFigures on generated data", () => {
  // 24 months of pseudo-random counts for 30 types, checked against explicit month lists.
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const codes = ["1.1.1", "1.1.2", "1.2.1", "1.2.2", "1.2.3", "1.2.4", "1.2.5", "1.3.1", "1.4.1", "1.4.2"]
    .concat(["1.4.3", "1.4.4", "1.4.5", "1.4.6", "1.4.7", "2.1.1", "2.2.1", "2.2.2", "2.3.1", "2.4.1"])
    .concat(["2.4.2", "2.5.1", "2.5.2", "2.7.1", "3.1.1", "3.5.2", "3.6.4", "3.7.4", "3.9.1", "4.4"]);
  const rows: MonthlyCount[] = [];
  for (const month of [...MONTHS_2023, ...MONTHS_2024]) {
    for (const code of codes) {
      const n = Math.floor(random() * 60);
      if (n > 0) rows.push(row(month, code, n));
    }
  }

  for (const month of [202401, 202406, 202412]) {
    it(`matches an independent computation for ${month}`, () => {
      const f = buildMonthlyFigures(area, month, rows);
      const m = month % 100;
      const ytd = MONTHS_2024.slice(0, m);
      const ytdPrev = MONTHS_2023.slice(0, m);
      const last12 = [...MONTHS_2023.slice(m), ...MONTHS_2024.slice(0, m)];
      assert.equal(last12.length, 12);
      assert.equal(allTypes(f).length, codes.length);
      for (const code of codes) {
        const t = typeByCode(f, code);
        const cur = sumOver(rows, code, [month]);
        const prev = sumOver(rows, code, [month - 100]);
        assert.equal(t.month.current, cur);
        assert.equal(t.month.previous, prev);
        assert.equal(t.month.percent, cur >= 20 && prev >= 20 ? ((cur - prev) / prev) * 100 : null);
        assert.equal(t.yearToDate.current, sumOver(rows, code, ytd));
        assert.equal(t.yearToDate.previous, sumOver(rows, code, ytdPrev));
        assert.equal(t.last12Months, sumOver(rows, code, last12));
      }
      assert.equal(f.total.month.current, sumOver(rows, null, [month]));
      assert.equal(f.total.yearToDate.current, sumOver(rows, null, ytd));
      assert.equal(f.total.last12Months, sumOver(rows, null, last12));
      assert.equal(f.top.length, TOP_TYPES);
      const sortedCurrents = f.top.map((t) => t.current);
      assert.deepEqual(
        sortedCurrents,
        [...sortedCurrents].sort((a, b) => b - a),
      );
      // "4.4" is both a level-2 and a level-3 code: the type sits under Dienstverlening > Klachten.
      assert.equal(typeByCode(f, "4.4").label, "Klachten algemeen");
    });
  }

  it("reports no data for an empty list", () => {
    const f = buildMonthlyFigures(area, 202403, []);
    assert.equal(f.hasData, false);
    assert.equal(f.groups.length, 0);
    assert.equal(f.total.month.current, 0);
    assert.equal(f.top.length, 0);
  });
});
