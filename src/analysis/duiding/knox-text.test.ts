import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type KnoxEvent, type KnoxResult, knoxTest } from "../knox/knox.ts";
import { type DescribeKnoxInput, describeKnox, KNOX_MAX_CELLS } from "./knox-text.ts";

// The expected sentences are written by hand: they are the specification of the wording
// (issue 3, "duiding"), not output copied from the code.

const base = { subject: "woninginbraken" } as const;
/** S = 100 m, K = 5, T = 7 days, J = 5: 6 × 5 = 30 combinations, up to 500 m and 35 days. */
const OPTIONS = { spaceBand: 100, spaceBands: 5, timeBand: 7, timeBands: 5, permutations: 999 } as const;
const EXPLAIN =
  "Near repeat betekent: woninginbraken die kort na elkaar en dicht bij elkaar gebeuren, " +
  "vaker dan je bij toeval zou verwachten.";
const RANGE = "Onderzocht zijn paren woninginbraken tot 500 meter en 35 dagen uit elkaar.";
const CAVEAT_30 =
  "Bij elke genoemde combinatie is p kleiner dan 0,05. " +
  "Er zijn 30 combinaties van afstand en tijd getoetst, zonder correctie voor dat aantal; " +
  "een enkele uitkomst kan dus toeval zijn.";
const NONE =
  "Er is geen near-repeatpatroon gevonden: bij geen enkele combinatie van afstand en tijd kwamen " +
  "duidelijk meer paren woninginbraken voor dan bij toeval (p kleiner dan 0,05).";

/** A quiet (K+1) × J result: 2 observed, 2 expected, ratio 1, p 0.5 everywhere. */
function quiet(K = 5, J = 5): KnoxResult {
  const fill = (v: number) => Array.from({ length: K + 1 }, () => new Array<number>(J).fill(v));
  return { observed: fill(2), expected: fill(2), knoxRatio: fill(1), p: fill(0.5) };
}

/** Sets cell (space band k, time band j) of `r`; j counts from 1 as in the bands. */
function set(r: KnoxResult, k: number, j: number, v: { o: number; e: number; p: number }): KnoxResult {
  (r.observed[k] as number[])[j - 1] = v.o;
  (r.expected[k] as number[])[j - 1] = v.e;
  (r.knoxRatio[k] as number[])[j - 1] = v.e > 0 ? v.o / v.e : Number.NaN;
  (r.p[k] as number[])[j - 1] = v.p;
  return r;
}

/**
 * Ten pairs of events, each pair at one address on one day; the pairs 10 km and 100 days apart.
 * Observed: 10 pairs "same place, 0–7 days", nothing else. Under a permutation a pair keeps that
 * cell only when both events draw the same one of the ten days (chance 1/19 each, so on average
 * about 10/19 = 0,53 pairs, ratio about 19), so no permutation reaches 10: p = 1/1000.
 */
function pairedEvents(): KnoxEvent[] {
  return Array.from({ length: 10 }, (_, i) => {
    const e = { x: 150_000 + i * 10_000, y: 460_000, day: 19_000 + i * 100 };
    return [e, { ...e }];
  }).flat();
}

describe("describeKnox on real knoxTest output", () => {
  it("a strong same-place, same-week pattern", () => {
    const result = knoxTest(pairedEvents(), { ...OPTIONS, seed: 1 });
    assert.equal(result.p[0]?.[0], 0.001);
    const text = describeKnox({ ...base, result, options: OPTIONS });
    const match = text.match(
      /^Er is een near-repeatpatroon gevonden\. (.*) Op dezelfde plek en 0 tot 7 dagen na elkaar: 10 paren, (\d+),\d keer zoveel als bij toeval te verwachten is \(gemiddeld 0,(\d\d)\)\. (.*)$/,
    );
    assert.ok(match, text);
    assert.equal(match[1], `${EXPLAIN} ${RANGE}`);
    assert.ok(Number(match[2]) >= 15 && Number(match[2]) <= 24, `ratio about 19: ${text}`);
    assert.ok(Number(match[3]) >= 42 && Number(match[3]) <= 66, `expected about 0,53: ${text}`);
    assert.equal(match[4], CAVEAT_30);
  });

  it("no close pairs at all: no pattern", () => {
    const events = [0, 1, 2, 3, 4].map((i) => ({ x: i * 5000, y: 0, day: i * 3 }));
    const result = knoxTest(events, { ...OPTIONS, seed: 2 });
    assert.equal(describeKnox({ ...base, result, options: OPTIONS }), `${NONE} ${EXPLAIN} ${RANGE}`);
  });

  it("permutations 0: no test was done, even with a strong pattern", () => {
    const options = { ...OPTIONS, permutations: 0 };
    const result = knoxTest(pairedEvents(), { ...options, seed: 1 });
    const text = describeKnox({ ...base, result, options });
    assert.equal(
      text,
      "Er is geen toets gedaan: er zijn geen permutaties (willekeurige herschikkingen van de datums) berekend, " +
        `dus er is niets te zeggen over een near-repeatpatroon. ${EXPLAIN} ${RANGE}`,
    );
  });

  it("19 permutations cannot reach p < 0.05", () => {
    const options = { ...OPTIONS, permutations: 19 };
    const result = knoxTest(pairedEvents(), { ...options, seed: 1 });
    assert.equal(
      describeKnox({ ...base, result, options }),
      "Er is geen toets mogelijk: met 19 permutaties (willekeurige herschikkingen van de datums) " +
        `kan p niet kleiner worden dan 0,05. Gebruik er meer, bijvoorbeeld 999. ${EXPLAIN} ${RANGE}`,
    );
  });
});

describe("describeKnox on hand-made results", () => {
  it("band names: same place, within S, between; time band 1 and later", () => {
    const r = quiet();
    set(r, 0, 1, { o: 12, e: 4, p: 0.001 });
    set(r, 1, 2, { o: 25, e: 11.8, p: 0.004 });
    set(r, 3, 4, { o: 9, e: 6, p: 0.03 });
    assert.equal(
      describeKnox({ ...base, result: r, options: OPTIONS }),
      `Er is een near-repeatpatroon gevonden. ${EXPLAIN} ${RANGE} ` +
        "Op dezelfde plek en 0 tot 7 dagen na elkaar: 12 paren, 3,0 keer zoveel als bij toeval te verwachten is (gemiddeld 4,0). " +
        "Binnen 100 meter van elkaar (maar niet op dezelfde plek) en 7 tot 14 dagen na elkaar: 25 paren, " +
        "2,1 keer zoveel als bij toeval te verwachten is (gemiddeld 11,8). " +
        "Tussen 200 en 300 meter van elkaar en 21 tot 28 dagen na elkaar: 9 paren, " +
        "1,5 keer zoveel als bij toeval te verwachten is (gemiddeld 6,0). " +
        CAVEAT_30,
    );
  });

  it(`at most ${KNOX_MAX_CELLS} combinations, nearest first (space band, then time band); the rest is counted`, () => {
    const r = quiet();
    // Set out of order on purpose: the text orders by space band, then time band.
    set(r, 2, 1, { o: 30, e: 10, p: 0.001 });
    set(r, 1, 3, { o: 20, e: 10, p: 0.001 });
    set(r, 1, 1, { o: 40, e: 10, p: 0.001 });
    set(r, 5, 5, { o: 15, e: 10, p: 0.04 });
    set(r, 4, 1, { o: 16, e: 10, p: 0.03 });
    const text = describeKnox({ ...base, result: r, options: OPTIONS });
    assert.equal(
      text,
      `Er is een near-repeatpatroon gevonden. ${EXPLAIN} ${RANGE} ` +
        "Binnen 100 meter van elkaar (maar niet op dezelfde plek) en 0 tot 7 dagen na elkaar: 40 paren, " +
        "4,0 keer zoveel als bij toeval te verwachten is (gemiddeld 10,0). " +
        "Binnen 100 meter van elkaar (maar niet op dezelfde plek) en 14 tot 21 dagen na elkaar: 20 paren, " +
        "2,0 keer zoveel als bij toeval te verwachten is (gemiddeld 10,0). " +
        "Tussen 100 en 200 meter van elkaar en 0 tot 7 dagen na elkaar: 30 paren, " +
        "3,0 keer zoveel als bij toeval te verwachten is (gemiddeld 10,0). " +
        "Dat geldt ook voor nog 2 combinaties verder weg of later. " +
        CAVEAT_30,
    );
  });

  it("one more combination: singular", () => {
    const r = quiet();
    for (const j of [1, 2, 3, 4]) set(r, 0, j, { o: 20, e: 10, p: 0.01 });
    assert.match(
      describeKnox({ ...base, result: r, options: OPTIONS }),
      /Dat geldt ook voor nog 1 combinatie verder weg of later\./,
    );
  });

  it("p = alpha is not named; a ratio of 1 or below is not named", () => {
    const r = quiet();
    set(r, 0, 1, { o: 20, e: 10, p: 0.05 });
    set(r, 1, 1, { o: 10, e: 10, p: 0.01 });
    set(r, 2, 1, { o: 8, e: 10, p: 0.01 });
    assert.equal(describeKnox({ ...base, result: r, options: OPTIONS }), `${NONE} ${EXPLAIN} ${RANGE}`);
  });

  it("custom alpha 0.01", () => {
    const r = quiet();
    set(r, 0, 1, { o: 20, e: 10, p: 0.02 });
    assert.equal(
      describeKnox({ ...base, result: r, options: OPTIONS, alpha: 0.01 }),
      "Er is geen near-repeatpatroon gevonden: bij geen enkele combinatie van afstand en tijd kwamen " +
        `duidelijk meer paren woninginbraken voor dan bij toeval (p kleiner dan 0,01). ${EXPLAIN} ${RANGE}`,
    );
    set(r, 0, 2, { o: 30, e: 10, p: 0.005 });
    assert.match(
      describeKnox({ ...base, result: r, options: OPTIONS, alpha: 0.01 }),
      /gevonden\. .* Op dezelfde plek en 7 tot 14 dagen na elkaar: 30 paren, .* Bij elke genoemde combinatie is p kleiner dan 0,01\./,
    );
  });

  it("expected 0 with observed pairs: no ratio, 'bij toeval geen'; a single pair", () => {
    const r = quiet();
    set(r, 0, 1, { o: 1, e: 0, p: 0.001 });
    assert.match(
      describeKnox({ ...base, result: r, options: OPTIONS }),
      /Op dezelfde plek en 0 tot 7 dagen na elkaar: 1 paar, terwijl er bij toeval geen te verwachten zijn\./,
    );
  });

  it("ratio close to 1 gets two decimals; expected below 1 two decimals", () => {
    const r = quiet();
    set(r, 1, 1, { o: 1040, e: 1000, p: 0.01 });
    set(r, 2, 1, { o: 3, e: 0.4, p: 0.01 });
    const text = describeKnox({ ...base, result: r, options: OPTIONS });
    assert.match(
      text,
      /1\.040 paren, 1,04 keer zoveel als bij toeval te verwachten is \(gemiddeld 1\.000,0\)\./,
    );
    assert.match(text, /3 paren, 7,5 keer zoveel als bij toeval te verwachten is \(gemiddeld 0,40\)\./);
  });

  it("bands with decimals and the Manhattan metric", () => {
    const options = {
      spaceBand: 50,
      spaceBands: 2,
      timeBand: 3.5,
      timeBands: 2,
      permutations: 99,
      metric: "manhattan",
    } as const;
    const r = set(quiet(2, 2), 2, 2, { o: 6, e: 2, p: 0.01 });
    assert.equal(
      describeKnox({ ...base, result: r, options }),
      `Er is een near-repeatpatroon gevonden. ${EXPLAIN} ` +
        "Onderzocht zijn paren woninginbraken tot 100 meter en 7 dagen uit elkaar. " +
        "De afstand is gemeten als de afstand in oost-west- plus die in noord-zuidrichting " +
        "(zoals langs een stratenraster), niet hemelsbreed. " +
        "Tussen 50 en 100 meter van elkaar en 3,5 tot 7 dagen na elkaar: 6 paren, " +
        "3,0 keer zoveel als bij toeval te verwachten is (gemiddeld 2,0). " +
        "Bij elke genoemde combinatie is p kleiner dan 0,05. " +
        "Er zijn 6 combinaties van afstand en tijd getoetst, zonder correctie voor dat aantal; " +
        "een enkele uitkomst kan dus toeval zijn.",
    );
  });

  it("one permutation, alpha 0.6: p can reach 0,5 (< 0,6), so a test is possible", () => {
    const options = { ...OPTIONS, permutations: 1 };
    assert.match(
      describeKnox({ ...base, result: quiet(), options, alpha: 0.6 }),
      /^Er is geen near-repeatpatroon/,
    );
    assert.match(
      describeKnox({ ...base, result: quiet(), options }),
      /^Er is geen toets mogelijk: met 1 permutatie .* kan p niet kleiner worden dan 0,5\./,
    );
  });

  it("never uses the word 'significant'", () => {
    const r = set(quiet(), 0, 1, { o: 12, e: 4, p: 0.001 });
    assert.doesNotMatch(describeKnox({ ...base, result: r, options: OPTIONS }), /significant/i);
    assert.doesNotMatch(describeKnox({ ...base, result: quiet(), options: OPTIONS }), /significant/i);
  });

  it("rejects invalid input", () => {
    const ok: DescribeKnoxInput = { ...base, result: quiet(), options: OPTIONS };
    assert.throws(() => describeKnox({ ...ok, alpha: 0 }), RangeError);
    assert.throws(() => describeKnox({ ...ok, alpha: 1 }), RangeError);
    assert.throws(() => describeKnox({ ...ok, options: { ...OPTIONS, spaceBand: 0 } }), RangeError);
    assert.throws(() => describeKnox({ ...ok, options: { ...OPTIONS, timeBand: Number.NaN } }), RangeError);
    assert.throws(() => describeKnox({ ...ok, options: { ...OPTIONS, spaceBands: 1.5 } }), RangeError);
    assert.throws(() => describeKnox({ ...ok, options: { ...OPTIONS, timeBands: 0 } }), RangeError);
    assert.throws(() => describeKnox({ ...ok, options: { ...OPTIONS, permutations: -1 } }), RangeError);
    // Matrices that do not fit the options.
    assert.throws(() => describeKnox({ ...ok, options: { ...OPTIONS, spaceBands: 4 } }), RangeError);
    assert.throws(() => describeKnox({ ...ok, options: { ...OPTIONS, timeBands: 6 } }), RangeError);
    const short = quiet();
    short.p[2]?.pop();
    assert.throws(() => describeKnox({ ...ok, result: short }), RangeError);
    assert.throws(
      () => describeKnox({ ...ok, result: set(quiet(), 1, 1, { o: 2, e: 1, p: Number.NaN }) }),
      RangeError,
    );
    assert.throws(
      () => describeKnox({ ...ok, result: set(quiet(), 1, 1, { o: 2, e: 1, p: 1.2 }) }),
      RangeError,
    );
    assert.throws(
      () => describeKnox({ ...ok, result: set(quiet(), 1, 1, { o: -1, e: 1, p: 0.5 }) }),
      RangeError,
    );
    assert.throws(
      () => describeKnox({ ...ok, result: set(quiet(), 1, 1, { o: 2.5, e: 1, p: 0.5 }) }),
      RangeError,
    );
  });
});
