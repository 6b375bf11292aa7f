import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { unusualMonth } from "../control/unusual-month.ts";
import { type DescribeUnusualMonthInput, describeUnusualMonth } from "./control-text.ts";

// The expected sentences are written by hand: they are the specification of the wording
// (issue 3, "duiding"), not output copied from the code. Bands come from scipy
// poisson.ppf(0.025, mean) and poisson.ppf(0.975, mean): mean 40 -> [28, 53], 12.5 -> [6, 20],
// 1250 -> [1181, 1320], 0 -> [0, 0].

const base = { subject: "woninginbraken" } as const;

function input(current: number, history: number[], extra: Partial<DescribeUnusualMonthInput> = {}) {
  return { ...base, current, result: unusualMonth({ current, history }), ...extra };
}

const cases: { name: string; input: DescribeUnusualMonthInput; expected: string }[] = [
  {
    name: "unusually high, with month and years",
    input: input(58, [38, 40, 42], { month: "maart 2024", years: 3 }),
    expected:
      "In maart 2024 was het aantal woninginbraken 58. In dezelfde maand van de 3 jaar daarvoor was het " +
      "gemiddeld 40. Normaal is een aantal van 28 tot en met 53. Dit aantal is dus ongewoon hoog.",
  },
  {
    name: "unusually low",
    input: input(20, [38, 40, 42], { month: "maart 2024", years: 3 }),
    expected:
      "In maart 2024 was het aantal woninginbraken 20. In dezelfde maand van de 3 jaar daarvoor was het " +
      "gemiddeld 40. Normaal is een aantal van 28 tot en met 53. Dit aantal is dus ongewoon laag.",
  },
  {
    name: "normal",
    input: input(45, [38, 40, 42], { month: "maart 2024", years: 3 }),
    expected:
      "In maart 2024 was het aantal woninginbraken 45. In dezelfde maand van de 3 jaar daarvoor was het " +
      "gemiddeld 40. Normaal is een aantal van 28 tot en met 53. Dit aantal valt binnen wat normaal is.",
  },
  {
    name: "upper limit itself is normal",
    input: input(53, [38, 40, 42]),
    expected:
      "Deze maand was het aantal woninginbraken 53. In dezelfde maand in eerdere jaren was het gemiddeld 40. " +
      "Normaal is een aantal van 28 tot en met 53. Dit aantal valt binnen wat normaal is.",
  },
  {
    name: "one above the upper limit is unusually high",
    input: input(54, [38, 40, 42]),
    expected:
      "Deze maand was het aantal woninginbraken 54. In dezelfde maand in eerdere jaren was het gemiddeld 40. " +
      "Normaal is een aantal van 28 tot en met 53. Dit aantal is dus ongewoon hoog.",
  },
  {
    name: "lower limit itself is normal",
    input: input(28, [38, 40, 42]),
    expected:
      "Deze maand was het aantal woninginbraken 28. In dezelfde maand in eerdere jaren was het gemiddeld 40. " +
      "Normaal is een aantal van 28 tot en met 53. Dit aantal valt binnen wat normaal is.",
  },
  {
    name: "one below the lower limit is unusually low",
    input: input(27, [38, 40, 42]),
    expected:
      "Deze maand was het aantal woninginbraken 27. In dezelfde maand in eerdere jaren was het gemiddeld 40. " +
      "Normaal is een aantal van 28 tot en met 53. Dit aantal is dus ongewoon laag.",
  },
  {
    name: "mean that is not whole: 'ongeveer', rounded half up (12.5 -> 13)",
    input: input(15, [12, 13], { month: "juni 2024", years: 2 }),
    expected:
      "In juni 2024 was het aantal woninginbraken 15. In dezelfde maand van de 2 jaar daarvoor was het " +
      "gemiddeld ongeveer 13. Normaal is een aantal van 6 tot en met 20. Dit aantal valt binnen wat normaal is.",
  },
  {
    name: "thousands separators",
    input: input(1400, [1200, 1300], { subject: "registraties", month: "mei 2024", years: 2 }),
    expected:
      "In mei 2024 was het aantal registraties 1.400. In dezelfde maand van de 2 jaar daarvoor was het " +
      "gemiddeld 1.250. Normaal is een aantal van 1.181 tot en met 1.320. Dit aantal is dus ongewoon hoog.",
  },
  {
    name: "all earlier years zero, this month zero: band of one value, normal",
    input: input(0, [0, 0], { years: 2 }),
    expected:
      "Deze maand was het aantal woninginbraken 0. In dezelfde maand van de 2 jaar daarvoor was het " +
      "gemiddeld 0. Normaal is een aantal van precies 0. Dit aantal valt binnen wat normaal is.",
  },
  {
    name: "all earlier years zero, this month one: unusually high",
    input: input(1, [0, 0], { years: 2 }),
    expected:
      "Deze maand was het aantal woninginbraken 1. In dezelfde maand van de 2 jaar daarvoor was het " +
      "gemiddeld 0. Normaal is een aantal van precies 0. Dit aantal is dus ongewoon hoog.",
  },
  {
    name: "one earlier year: verdict plus a warning",
    input: input(58, [40], { month: "maart 2024", years: 1 }),
    expected:
      "In maart 2024 was het aantal woninginbraken 58. In dezelfde maand een jaar eerder was het 40. " +
      "Normaal is een aantal van 28 tot en met 53. Dit aantal is dus ongewoon hoog. " +
      "Er is maar één eerder jaar om mee te vergelijken, dus dit oordeel is onzeker.",
  },
  {
    name: "no earlier years: no verdict",
    input: input(58, [], { month: "maart 2024" }),
    expected:
      "In maart 2024 was het aantal woninginbraken 58. Er zijn geen cijfers van dezelfde maand in eerdere " +
      "jaren, dus is niet te zeggen of dit aantal gewoon of ongewoon is.",
  },
  {
    name: "no earlier years with years 0",
    input: input(0, [], { years: 0 }),
    expected:
      "Deze maand was het aantal woninginbraken 0. Er zijn geen cijfers van dezelfde maand in eerdere " +
      "jaren, dus is niet te zeggen of dit aantal gewoon of ongewoon is.",
  },
];

describe("describeUnusualMonth", () => {
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(describeUnusualMonth(c.input), c.expected);
    });
  }

  it("says 'ongewoon' exactly when the flag is not 'normaal'", () => {
    for (const history of [[38, 40, 42], [5], [0, 0, 0], [100, 120], []]) {
      for (let current = 0; current <= 160; current++) {
        const result = unusualMonth({ current, history });
        const text = describeUnusualMonth({ ...base, current, result });
        assert.equal(/ongewoon hoog/.test(text), result.flag === "hoger", text);
        assert.equal(/ongewoon laag/.test(text), result.flag === "lager", text);
        assert.equal(
          /binnen wat normaal is/.test(text),
          result.flag === "normaal" && history.length > 0,
          text,
        );
      }
    }
  });

  it("rejects invalid input", () => {
    const ok = input(58, [38, 40, 42]);
    const r = ok.result;
    assert.throws(() => describeUnusualMonth({ ...ok, current: -1 }), RangeError);
    assert.throws(() => describeUnusualMonth({ ...ok, current: 1.5 }), RangeError);
    assert.throws(() => describeUnusualMonth({ ...ok, current: Number.NaN }), RangeError);
    assert.throws(() => describeUnusualMonth({ ...ok, years: -1 }), RangeError);
    assert.throws(() => describeUnusualMonth({ ...ok, years: 2.5 }), RangeError);
    // A flag that does not match the count: never call 58 normal or 45 high.
    assert.throws(() => describeUnusualMonth({ ...ok, result: { ...r, flag: "normaal" } }), RangeError);
    assert.throws(() => describeUnusualMonth({ ...ok, current: 45 }), RangeError);
    assert.throws(() => describeUnusualMonth({ ...ok, result: { ...r, expected: Number.NaN } }), RangeError);
    assert.throws(() => describeUnusualMonth({ ...ok, result: { ...r, expected: -1 } }), RangeError);
    assert.throws(() => describeUnusualMonth({ ...ok, result: { ...r, lower: null } }), RangeError);
    assert.throws(() => describeUnusualMonth({ ...ok, result: { ...r, lower: 28.5 } }), RangeError);
    assert.throws(() => describeUnusualMonth({ ...ok, result: { ...r, lower: 60, upper: 53 } }), RangeError);
    // No expected value but a band or a flag.
    const none = input(58, []);
    assert.throws(
      () => describeUnusualMonth({ ...none, result: { ...none.result, flag: "hoger" } }),
      RangeError,
    );
    assert.throws(() => describeUnusualMonth({ ...none, result: { ...none.result, upper: 53 } }), RangeError);
    assert.throws(() => describeUnusualMonth({ ...none, years: 3 }), RangeError);
    // years that do not fit the result.
    assert.throws(() => describeUnusualMonth({ ...ok, years: 0 }), RangeError);
    assert.throws(() => describeUnusualMonth({ ...input(15, [12, 13]), years: 1 }), RangeError);
  });
});
