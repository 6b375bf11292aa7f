import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { getisOrdG } from "../getis-ord/getis-ord.ts";
import { type DescribeGiInput, describeGi } from "./gi-text.ts";

// The expected sentences are written by hand: they are the specification of the wording
// (issue 3, "duiding"), not output copied from the code.

const base = { subject: "woninginbraken" } as const;
const MANY = "in een omgeving met opvallend veel woninginbraken (hoge waarden bij elkaar)";
const FEW = "in een omgeving met opvallend weinig woninginbraken (lage waarden bij elkaar)";
const MEANING_5 =
  "Opvallend betekent: zo'n uitkomst komt bij toeval in minder dan 5% van de gevallen voor (p kleiner dan 0,05).";
const NO_CORRECTION = "Dit is per punt bekeken, zonder correctie voor het aantal toetsen.";
const chance = (points: string, expected: string) =>
  "Daardoor kunnen er ook punten tussen zitten die alleen door toeval opvallen: " +
  `bij ${points} zijn dat er naar verwachting ${expected}, ook als er niets aan de hand is.`;
const ADVICE =
  "Gebruik voor een kaart met cellen de analyse hotspots: " +
  "die houdt wel rekening met het aantal toetsen (false discovery rate).";

/**
 * 30 points 100 m apart on a line: value 10 at the first five, 5 in the middle, 0 at the last five.
 * Gi* with a 250 m band (two neighbours each side), computed by hand from the formula in
 * getis-ord.ts: the first five have z = 3.11, 3.66, 4.17, 3.34, 2.50 (p = 0.0019, 0.0003, 0.00003,
 * 0.0008, 0.0123), the sixth z = 1.67 (p = 0.095), then z = 0.83 and zeros; the last ten mirror
 * this with negative z.
 */
function line() {
  const values = [...Array(5).fill(10), ...Array(20).fill(5), ...Array(5).fill(0)] as number[];
  return getisOrdG(
    values.map((value, i) => ({ x: 150_000 + i * 100, y: 460_000, value })),
    { distance: 250, star: true, transform: "binary" },
  ).results;
}

const cases: { name: string; input: DescribeGiInput; expected: string }[] = [
  {
    name: "no points",
    input: { ...base, results: [] },
    expected: "Er zijn geen punten, dus er is niets te toetsen.",
  },
  {
    name: "only NaN: not computable, nothing else",
    input: {
      ...base,
      results: [
        { z: Number.NaN, p: Number.NaN },
        { z: Number.NaN, p: Number.NaN },
      ],
    },
    expected: "De toets is bij geen enkel punt te berekenen (bijvoorbeeld omdat alle waarden gelijk zijn).",
  },
  {
    name: "NaN points are named apart and left out of the counts",
    input: {
      ...base,
      results: [
        { z: Number.NaN, p: Number.NaN },
        { z: 1, p: Number.NaN },
        { z: Number.NaN, p: 0.01 },
        { z: 3, p: 0.003 },
        { z: 2.5, p: 0.012 },
        { z: -2.2, p: 0.028 },
        ...Array.from({ length: 114 }, () => ({ z: 0.5, p: 0.6 })),
      ],
    },
    // 117 computable points × 0.05 = 5.85 -> about 6.
    expected:
      "Bij 3 van de 120 punten is de toets niet te berekenen (bijvoorbeeld omdat alle waarden gelijk zijn); " +
      "die tellen hieronder niet mee. " +
      `Van de andere 117 punten liggen er 2 ${MANY} en 1 ${FEW}. ` +
      `${MEANING_5} ${NO_CORRECTION} ${chance("117 punten", "ongeveer 6")} ${ADVICE}`,
  },
  {
    name: "NaN points and nothing notable among the others",
    input: {
      ...base,
      results: [{ z: Number.NaN, p: Number.NaN }, ...Array.from({ length: 40 }, () => ({ z: -0.5, p: 0.6 }))],
    },
    // 40 × 0.05 = 2.
    expected:
      "Bij 1 van de 41 punten is de toets niet te berekenen (bijvoorbeeld omdat alle waarden gelijk zijn); " +
      "die tellen hieronder niet mee. " +
      "Geen van de andere 40 punten ligt in een omgeving met opvallend veel of opvallend weinig woninginbraken. " +
      `${MEANING_5} ${NO_CORRECTION} ${chance("40 punten", "ongeveer 2")} ${ADVICE}`,
  },
  {
    name: "one high point, no low ones: singular verb, 'geen'",
    input: { ...base, results: [{ z: 2.1, p: 0.036 }, ...Array.from({ length: 9 }, () => ({ z: 0, p: 1 }))] },
    // 10 × 0.05 = 0.5 -> below 1.
    expected:
      `Van de 10 punten ligt er 1 ${MANY} en geen ${FEW}. ` +
      `${MEANING_5} ${NO_CORRECTION} ${chance("10 punten", "minder dan 1")} ${ADVICE}`,
  },
  {
    name: "only low points: 'liggen er geen'",
    input: {
      ...base,
      results: [{ z: -2.1, p: 0.036 }, { z: -3, p: 0.0027 }, ...Array(18).fill({ z: 0.1, p: 0.9 })],
    },
    // 20 × 0.05 = 1.
    expected:
      `Van de 20 punten liggen er geen ${MANY} en 2 ${FEW}. ` +
      `${MEANING_5} ${NO_CORRECTION} ${chance("20 punten", "ongeveer 1")} ${ADVICE}`,
  },
  {
    name: "p exactly alpha is not notable; z = 0 with a small p is neither high nor low",
    input: {
      ...base,
      results: [{ z: 1.96, p: 0.05 }, { z: 0, p: 0.01 }, ...Array(38).fill({ z: 0.2, p: 0.8 })],
    },
    expected:
      "Geen van de 40 punten ligt in een omgeving met opvallend veel of opvallend weinig woninginbraken. " +
      `${MEANING_5} ${NO_CORRECTION} ${chance("40 punten", "ongeveer 2")} ${ADVICE}`,
  },
  {
    name: "infinite z with p = 0 counts",
    input: { ...base, results: [{ z: Number.POSITIVE_INFINITY, p: 0 }, ...Array(99).fill({ z: 0, p: 1 })] },
    expected:
      `Van de 100 punten ligt er 1 ${MANY} en geen ${FEW}. ` +
      `${MEANING_5} ${NO_CORRECTION} ${chance("100 punten", "ongeveer 5")} ${ADVICE}`,
  },
  {
    name: "thousands separator",
    input: {
      ...base,
      results: [...Array(1200).fill({ z: 2.5, p: 0.01 }), ...Array(800).fill({ z: 0, p: 1 })],
    },
    // 2,000 × 0.05 = 100.
    expected:
      `Van de 2.000 punten liggen er 1.200 ${MANY} en geen ${FEW}. ` +
      `${MEANING_5} ${NO_CORRECTION} ${chance("2.000 punten", "ongeveer 100")} ${ADVICE}`,
  },
];

describe("describeGi", () => {
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(describeGi(c.input), c.expected);
    });
  }

  it("real getisOrdG output: five high and five low points at alpha 0.05", () => {
    // 30 × 0.05 = 1.5 -> about 2 (half away from zero).
    assert.equal(
      describeGi({ ...base, results: line() }),
      `Van de 30 punten liggen er 5 ${MANY} en 5 ${FEW}. ` +
        `${MEANING_5} ${NO_CORRECTION} ${chance("30 punten", "ongeveer 2")} ${ADVICE}`,
    );
  });

  it("real getisOrdG output: alpha 0.01 drops the points with p = 0.0123", () => {
    assert.equal(
      describeGi({ ...base, results: line(), alpha: 0.01 }),
      `Van de 30 punten liggen er 4 ${MANY} en 4 ${FEW}. ` +
        "Opvallend betekent: zo'n uitkomst komt bij toeval in minder dan 1% van de gevallen voor " +
        `(p kleiner dan 0,01). ${NO_CORRECTION} ${chance("30 punten", "minder dan 1")} ${ADVICE}`,
    );
  });

  it("real getisOrdG output: alpha 0.1 adds the points with p = 0.095", () => {
    assert.equal(
      describeGi({ ...base, results: line(), alpha: 0.1 }),
      `Van de 30 punten liggen er 6 ${MANY} en 6 ${FEW}. ` +
        "Opvallend betekent: zo'n uitkomst komt bij toeval in minder dan 10% van de gevallen voor " +
        `(p kleiner dan 0,1). ${NO_CORRECTION} ${chance("30 punten", "ongeveer 3")} ${ADVICE}`,
    );
  });

  it("real getisOrdG output with all-equal values: z = 0, p = 1, nothing notable", () => {
    const results = getisOrdG(
      [0, 1, 2, 3, 4].map((i) => ({ x: i * 100, y: 0, value: 7 })),
      { distance: 150, star: true, transform: "binary" },
    ).results;
    assert.equal(
      describeGi({ ...base, results }),
      "Geen van de 5 punten ligt in een omgeving met opvallend veel of opvallend weinig woninginbraken. " +
        `${MEANING_5} ${NO_CORRECTION} ${chance("5 punten", "minder dan 1")} ${ADVICE}`,
    );
  });

  it("never uses the word 'significant'", () => {
    for (const c of cases) assert.doesNotMatch(describeGi(c.input), /significant/i);
    assert.doesNotMatch(describeGi({ ...base, results: line() }), /significant/i);
  });

  it("rejects invalid input", () => {
    const ok = { ...base, results: [{ z: 1, p: 0.3 }] };
    assert.throws(() => describeGi({ ...ok, alpha: 0 }), RangeError);
    assert.throws(() => describeGi({ ...ok, alpha: 1 }), RangeError);
    assert.throws(() => describeGi({ ...ok, alpha: Number.NaN }), RangeError);
    assert.throws(() => describeGi({ ...base, results: [{ z: 1, p: -0.1 }] }), RangeError);
    assert.throws(() => describeGi({ ...base, results: [{ z: 1, p: 1.5 }] }), RangeError);
    assert.throws(
      () => describeGi({ ...base, results: [{ z: 1, p: Number.POSITIVE_INFINITY }] }),
      RangeError,
    );
  });
});
