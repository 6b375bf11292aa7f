import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { timePattern } from "../time-pattern/time-pattern.ts";
import { describeTimePattern } from "./time-pattern-text.ts";

// The expected sentences are written by hand: they are the specification of the wording
// (issue 3, "duiding"), not output copied from the code.

const base = { subject: "woninginbraken" } as const;
const NIGHT = "'s nachts (tussen 0.00 en 6.00 uur)";
const WEEKEND = "in het weekend (zaterdag en zondag)";
const SMALL = "Het aantal is klein, dus dit patroon kan toeval zijn.";

/** A 7 × 24 matrix (row 0 = Monday) with the given [weekday, hour, count] cells filled in. */
function matrix(cells: [number, number, number][]): number[][] {
  const m = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const [d, h, n] of cells) (m[d] as number[])[h] = n;
  return m;
}

const cases: { name: string; cells: [number, number, number][] | "all-ones"; expected: string }[] = [
  {
    name: "busiest day and hour, percentages",
    // Days: ma 30, di 30, wo 35, do 35, vr 40, za 20, zo 10. Hours: 22 -> 40 is the most.
    // Night: za 1.00 = 20 of 200 = 10%. Weekend: 20 + 10 = 30 of 200 = 15%.
    cells: [
      [4, 22, 40],
      [5, 1, 20],
      [6, 13, 10],
      [0, 14, 30],
      [1, 15, 30],
      [2, 9, 35],
      [3, 18, 35],
    ],
    expected:
      "De drukste dag is vrijdag. Het drukste uur is tussen 22.00 en 23.00 uur. " +
      `Van alle woninginbraken (200): 10% ${NIGHT} en 15% ${WEEKEND}.`,
  },
  {
    name: "small total: counts, no percentages, and a warning",
    cells: [
      [4, 22, 3],
      [5, 2, 2],
      [6, 23, 1],
    ],
    expected:
      "De drukste dag is vrijdag. Het drukste uur is tussen 22.00 en 23.00 uur. " +
      `Van alle woninginbraken (6): 2 ${NIGHT} en 3 ${WEEKEND}. ${SMALL}`,
  },
  {
    name: "total 19 is still small",
    cells: [[2, 10, 19]],
    expected:
      "De drukste dag is woensdag. Het drukste uur is tussen 10.00 en 11.00 uur. " +
      `Van alle woninginbraken (19): 0 ${NIGHT} en 0 ${WEEKEND}. ${SMALL}`,
  },
  {
    name: "total 20: percentages, 0% and 100%",
    cells: [[6, 10, 20]],
    expected:
      "De drukste dag is zondag. Het drukste uur is tussen 10.00 en 11.00 uur. " +
      `Van alle woninginbraken (20): 0% ${NIGHT} en 100% ${WEEKEND}.`,
  },
  {
    name: "tied days, Monday first",
    cells: [
      [5, 22, 10],
      [4, 22, 10],
    ],
    expected:
      "De drukste dagen zijn vrijdag en zaterdag. Het drukste uur is tussen 22.00 en 23.00 uur. " +
      `Van alle woninginbraken (20): 0% ${NIGHT} en 50% ${WEEKEND}.`,
  },
  {
    name: "tied hours next to each other: one range",
    cells: [
      [0, 21, 10],
      [0, 22, 10],
    ],
    expected:
      "De drukste dag is maandag. De drukste uren zijn tussen 21.00 en 23.00 uur. " +
      `Van alle woninginbraken (20): 0% ${NIGHT} en 0% ${WEEKEND}.`,
  },
  {
    name: "tied hours across midnight: one range",
    cells: [
      [2, 23, 10],
      [3, 0, 10],
    ],
    expected:
      "De drukste dagen zijn woensdag en donderdag. De drukste uren zijn tussen 23.00 en 1.00 uur. " +
      `Van alle woninginbraken (20): 50% ${NIGHT} en 0% ${WEEKEND}.`,
  },
  {
    name: "tied hours apart: every range, in order of the start hour; hour 23 ends at 24.00",
    cells: [
      [0, 22, 10],
      [0, 9, 10],
      [0, 23, 10],
    ],
    expected:
      "De drukste dag is maandag. De drukste uren zijn tussen 9.00 en 10.00 uur en tussen 22.00 en 24.00 uur. " +
      `Van alle woninginbraken (30): 0% ${NIGHT} en 0% ${WEEKEND}.`,
  },
  {
    name: "a range across midnight comes after earlier ranges",
    cells: [
      [1, 0, 10],
      [1, 12, 10],
      [1, 23, 10],
    ],
    expected:
      "De drukste dag is dinsdag. De drukste uren zijn tussen 12.00 en 13.00 uur en tussen 23.00 en 1.00 uur. " +
      `Van alle woninginbraken (30): 33% ${NIGHT} en 0% ${WEEKEND}.`,
  },
  {
    name: "hour 23 alone",
    cells: [[0, 23, 25]],
    expected:
      "De drukste dag is maandag. Het drukste uur is tussen 23.00 en 24.00 uur. " +
      `Van alle woninginbraken (25): 0% ${NIGHT} en 0% ${WEEKEND}.`,
  },
  {
    name: "everything equal",
    // Night 6 × 7 = 42 of 168 = 25%; weekend 2 × 24 = 48 of 168 = 28.6%.
    cells: "all-ones",
    expected:
      "Alle dagen zijn even druk. Alle uren zijn even druk. " +
      `Van alle woninginbraken (168): 25% ${NIGHT} en 29% ${WEEKEND}.`,
  },
  {
    name: "a part that rounds to 0% or 100% but is not none or all",
    // Night 1 of 250 = 0.4%; weekend 249 of 250 = 99.6%.
    cells: [
      [5, 12, 249],
      [0, 3, 1],
    ],
    expected:
      "De drukste dag is zaterdag. Het drukste uur is tussen 12.00 en 13.00 uur. " +
      `Van alle woninginbraken (250): minder dan 1% ${NIGHT} en meer dan 99% ${WEEKEND}.`,
  },
  {
    name: "thousands separator in the total",
    cells: [
      [4, 22, 1000],
      [0, 10, 500],
    ],
    expected:
      "De drukste dag is vrijdag. Het drukste uur is tussen 22.00 en 23.00 uur. " +
      `Van alle woninginbraken (1.500): 0% ${NIGHT} en 0% ${WEEKEND}.`,
  },
  {
    name: "no registrations",
    cells: [],
    expected: "Er zijn geen registraties.",
  },
];

describe("describeTimePattern", () => {
  for (const c of cases) {
    it(c.name, () => {
      const m =
        c.cells === "all-ones"
          ? Array.from({ length: 7 }, () => new Array<number>(24).fill(1))
          : matrix(c.cells);
      assert.equal(describeTimePattern({ ...base, matrix: m }), c.expected);
    });
  }

  it("works on real timePattern output (Monday first, local time)", () => {
    // Fri 5 Jan 2024 21:30 UTC = 22:30 local; Sat 6 Jan 01:15 UTC = 02:15 local;
    // Mon 8 Jan 21:05 UTC = 22:05 local.
    const m = timePattern([
      Date.UTC(2024, 0, 5, 21, 30),
      Date.UTC(2024, 0, 6, 1, 15),
      Date.UTC(2024, 0, 8, 21, 5),
    ]);
    assert.equal(
      describeTimePattern({ ...base, matrix: m }),
      "De drukste dagen zijn maandag, vrijdag en zaterdag. Het drukste uur is tussen 22.00 en 23.00 uur. " +
        `Van alle woninginbraken (3): 1 ${NIGHT} en 1 ${WEEKEND}. ${SMALL}`,
    );
  });

  it("shows percentages exactly when the total is at least 20", () => {
    for (let total = 1; total <= 40; total++) {
      const text = describeTimePattern({ ...base, matrix: matrix([[4, 22, total]]) });
      assert.equal(text.includes("%"), total >= 20, text);
      assert.equal(text.includes(SMALL), total < 20, text);
    }
  });

  it("rejects invalid input", () => {
    const ok = matrix([[0, 0, 1]]);
    const bad = (m: number[][]) => () => describeTimePattern({ ...base, matrix: m });
    assert.throws(bad(ok.slice(1)), RangeError);
    assert.throws(bad([...ok, new Array<number>(24).fill(0)]), RangeError);
    assert.throws(bad(ok.map((row, d) => (d === 3 ? row.slice(1) : row))), RangeError);
    assert.throws(bad(matrix([[2, 5, -1]])), RangeError);
    assert.throws(bad(matrix([[2, 5, 1.5]])), RangeError);
    assert.throws(bad(matrix([[2, 5, Number.NaN]])), RangeError);
    assert.throws(bad(matrix([[2, 5, Number.POSITIVE_INFINITY]])), RangeError);
  });
});
