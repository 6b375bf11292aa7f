import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  type GridHotspotsResult,
  gridHotspots,
  type HotspotCell,
  type HotspotKlasse,
} from "../hotspots/grid-hotspots.ts";
import { describeGridHotspots } from "./hotspots-text.ts";

// The expected sentences are written by hand: they are the specification of the wording
// (issue 3, "duiding"), not output copied from the code.

const base = { subject: "woninginbraken" } as const;
const INTRO =
  "Een hotspot is een cel waar, samen met de cellen eromheen, opvallend veel woninginbraken zijn; " +
  "een coldspot juist opvallend weinig.";
const RD = "(RD-coördinaten: de Nederlandse kaartcoördinaten in meters)";
const CORRECTION_5 =
  "Daarbij is rekening gehouden met het grote aantal toetsen (false discovery rate, q = 5%)";
const FOUND_5 = `${CORRECTION_5}: naar verwachting is hooguit 5% van de gevonden hotspots en coldspots toeval.`;

/** A hand-made cell of 250 m in column `col`, row `row` of a grid starting at (150000, 460000). */
function cell(col: number, row: number, count: number, z: number, klasse: HotspotKlasse): HotspotCell {
  const x0 = 150_000 + col * 250;
  const y0 = 460_000 + row * 250;
  return { col, row, x0, y0, x1: x0 + 250, y1: y0 + 250, count, gi: 0, z, p: 0.5, klasse };
}

function result(cells: HotspotCell[]): GridHotspotsResult {
  return { cells, cutoffs: { p99: 0.001, p95: 0.01, p90: 0.02 } };
}

/** `n` not-significant filler cells in row 9. */
function quiet(n: number): HotspotCell[] {
  return Array.from({ length: n }, (_, i) => cell(i, 9, 0, -0.1, "niet-significant"));
}

describe("describeGridHotspots on real gridHotspots output", () => {
  it("one strong cluster: one hotspot with 99% confidence", () => {
    // 10 points in cell [155000, 155100) × [463000, 463100), one point in the cell 4 columns east
    // and 4 rows north: a 5 × 5 grid. With distance 0 every cell is only its own neighbour, so
    // z = (y − ȳ) / s: ȳ = 11/25 = 0.44, s² = 101/25 − 0.44² = 3.8464, s = 1.9612; the 10-cell
    // has z = 9.56 / 1.9612 = 4.87 (p ≈ 1e-6 ≤ 0.01/25, so BH keeps it at 1%), the 1-cell z = 0.29
    // and the empty cells z = −0.22 (p ≥ 0.77: nothing else).
    const points = [
      ...Array.from({ length: 10 }, () => ({ x: 155_010, y: 463_020 })),
      { x: 155_450, y: 463_450 },
    ];
    const res = gridHotspots(points, { cell: 100, distance: 0 });
    assert.equal(
      describeGridHotspots({ ...base, result: res }),
      "Er zijn 25 cellen van 100 bij 100 meter onderzocht. " +
        `${INTRO} ` +
        "1 cel is een hotspot (met 99% betrouwbaarheid). " +
        "Er zijn geen coldspots gevonden. " +
        `${FOUND_5} ` +
        `De sterkste hotspot is de cel rond x = 155050, y = 463050 ${RD}; ` +
        "het aantal woninginbraken in die cel is 10.",
    );
  });

  it("evenly spread points: no hotspots, and none is suggested", () => {
    // One point in each cell of a 3 × 3 grid: all counts equal, so z = 0 and p = 1 everywhere.
    const points = [];
    for (let c = 0; c < 3; c++) for (let r = 0; r < 3; r++) points.push({ x: c * 100 + 50, y: r * 100 + 50 });
    const text = describeGridHotspots({
      ...base,
      result: gridHotspots(points, { cell: 100, distance: 150 }),
    });
    assert.equal(
      text,
      "Er zijn 9 cellen van 100 bij 100 meter onderzocht. " +
        `${INTRO} ` +
        "Er zijn geen hotspots gevonden. " +
        "Er zijn geen coldspots gevonden. " +
        `${CORRECTION_5}.`,
    );
    assert.doesNotMatch(text, /sterkste|toeval/);
  });

  it("a cell size with a decimal: widths that differ in the last bits are one size", () => {
    // Columns ⌊155001 / 33.3⌋ = 4654 … ⌊155500 / 33.3⌋ = 4669 (16), rows ⌊463001 / 33.3⌋ = 13903 …
    // ⌊463400 / 33.3⌋ = 13915 (13): 208 cells, whose computed widths differ around 1e-11.
    const points = [
      { x: 155_001, y: 463_001 },
      { x: 155_500, y: 463_400 },
      { x: 155_100, y: 463_100 },
    ];
    const text = describeGridHotspots({
      ...base,
      result: gridHotspots(points, { cell: 33.3, distance: 100 }),
    });
    assert.match(text, /^Er zijn 208 cellen van 33,3 bij 33,3 meter onderzocht\. /);
  });

  it("no points: no cells, no hotspots", () => {
    assert.equal(
      describeGridHotspots({ ...base, result: gridHotspots([], { cell: 100, distance: 300 }) }),
      "Er zijn geen hotspots gevonden: er waren geen cellen om te onderzoeken (geen woninginbraken, of een leeg gebied).",
    );
  });
});

describe("describeGridHotspots on hand-made results", () => {
  it("hotspots in two classes and coldspots in one, thousands separator", () => {
    const cells = [
      cell(0, 0, 14, 5.1, "hot-99"),
      cell(1, 0, 9, 4.2, "hot-99"),
      cell(2, 0, 7, 3.3, "hot-95"),
      cell(3, 0, 0, -3.1, "cold-95"),
      cell(4, 0, 0, -3.0, "cold-95"),
      ...quiet(1995),
    ];
    assert.equal(
      describeGridHotspots({ ...base, result: result(cells) }),
      "Er zijn 2.000 cellen van 250 bij 250 meter onderzocht. " +
        `${INTRO} ` +
        "3 cellen zijn een hotspot (2 met 99% en 1 met 95% betrouwbaarheid). " +
        "2 cellen zijn een coldspot (alle met 95% betrouwbaarheid). " +
        `${FOUND_5} ` +
        `De sterkste hotspot is de cel rond x = 150125, y = 460125 ${RD}; ` +
        "het aantal woninginbraken in die cel is 14.",
    );
  });

  it("only coldspots: no hotspot is named", () => {
    const cells = [cell(0, 0, 0, -3.5, "cold-99"), ...quiet(20)];
    const text = describeGridHotspots({ ...base, result: result(cells) });
    assert.equal(
      text,
      "Er zijn 21 cellen van 250 bij 250 meter onderzocht. " +
        `${INTRO} ` +
        "Er zijn geen hotspots gevonden. " +
        "1 cel is een coldspot (met 99% betrouwbaarheid). " +
        `${FOUND_5}`,
    );
  });

  it("fdr 0.10: the 90% classes, three classes listed, q = 10%", () => {
    const cells = [
      cell(0, 0, 20, 4.5, "hot-99"),
      cell(1, 0, 8, 2.9, "hot-95"),
      cell(2, 0, 6, 2.0, "hot-90"),
      cell(3, 0, 0, -2.0, "cold-90"),
      ...quiet(6),
    ];
    assert.equal(
      describeGridHotspots({ ...base, result: result(cells), fdr: 0.1 }),
      "Er zijn 10 cellen van 250 bij 250 meter onderzocht. " +
        `${INTRO} ` +
        "3 cellen zijn een hotspot (1 met 99%, 1 met 95% en 1 met 90% betrouwbaarheid). " +
        "1 cel is een coldspot (met 90% betrouwbaarheid). " +
        "Daarbij is rekening gehouden met het grote aantal toetsen (false discovery rate, q = 10%): " +
        "naar verwachting is hooguit 10% van de gevonden hotspots en coldspots toeval. " +
        `De sterkste hotspot is de cel rond x = 150125, y = 460125 ${RD}; ` +
        "het aantal woninginbraken in die cel is 20.",
    );
  });

  it("a q with a decimal: 2,5%", () => {
    const text = describeGridHotspots({ ...base, result: result(quiet(3)), fdr: 0.025 });
    assert.match(text, /\(false discovery rate, q = 2,5%\)\.$/);
  });

  it("strongest hotspot: largest z, not the largest count", () => {
    const cells = [cell(0, 0, 30, 3.0, "hot-99"), cell(5, 2, 12, 4.0, "hot-99"), ...quiet(5)];
    assert.match(
      describeGridHotspots({ ...base, result: result(cells) }),
      /rond x = 151375, y = 460625 .*; het aantal woninginbraken in die cel is 12\.$/,
    );
  });

  it("strongest hotspot: equal z, the larger count wins", () => {
    const cells = [cell(0, 0, 10, 4.0, "hot-99"), cell(1, 0, 11, 4.0, "hot-99"), ...quiet(5)];
    assert.match(
      describeGridHotspots({ ...base, result: result(cells) }),
      /rond x = 150375, y = 460125 .*; het aantal woninginbraken in die cel is 11\.$/,
    );
  });

  it("strongest hotspot: equal z and count, the first cell wins", () => {
    const cells = [cell(3, 1, 10, 4.0, "hot-95"), cell(1, 0, 10, 4.0, "hot-99"), ...quiet(5)];
    assert.match(describeGridHotspots({ ...base, result: result(cells) }), /rond x = 150875, y = 460375 /);
  });

  it("a hotspot cell can itself be empty; the centre is rounded halves upwards", () => {
    const c: HotspotCell = {
      col: 0,
      row: 0,
      x0: 155_000,
      y0: 463_000,
      x1: 155_025,
      y1: 463_025,
      count: 0,
      gi: 0,
      z: 3,
      p: 0.001,
      klasse: "hot-95",
    };
    assert.match(
      describeGridHotspots({ ...base, result: result([c]) }),
      /^Er is 1 cel van 25 bij 25 meter onderzocht\. .* rond x = 155013, y = 463013 .*; het aantal woninginbraken in die cel is 0\.$/,
    );
  });

  it("never suggests a hotspot when there is none", () => {
    for (const cells of [quiet(4), [cell(0, 0, 0, -4, "cold-99"), ...quiet(3)]]) {
      const text = describeGridHotspots({ ...base, result: result(cells) });
      assert.match(text, /Er zijn geen hotspots gevonden\./);
      assert.doesNotMatch(text, /sterkste|is een hotspot|zijn een hotspot/, text);
    }
  });

  it("never uses the word 'significant'", () => {
    const texts = [
      describeGridHotspots({
        ...base,
        result: result([cell(0, 0, 9, 4, "hot-99"), cell(1, 0, 0, -4, "cold-95")]),
      }),
      describeGridHotspots({ ...base, result: result(quiet(5)) }),
    ];
    for (const text of texts) assert.doesNotMatch(text, /significant/i, text);
  });

  it("rejects invalid input", () => {
    const ok = result([cell(0, 0, 1, 3, "hot-99"), ...quiet(3)]);
    assert.throws(() => describeGridHotspots({ ...base, result: ok, fdr: 0 }), RangeError);
    assert.throws(() => describeGridHotspots({ ...base, result: ok, fdr: 0.2 }), RangeError);
    assert.throws(() => describeGridHotspots({ ...base, result: ok, fdr: Number.NaN }), RangeError);
    // A 90% class cannot occur with fdr <= 0.05: the caller passed the wrong fdr (or none).
    const ninety = result([cell(0, 0, 1, 2, "hot-90"), ...quiet(3)]);
    assert.throws(() => describeGridHotspots({ ...base, result: ninety }), RangeError);
    assert.throws(() => describeGridHotspots({ ...base, result: ninety, fdr: 0.05 }), RangeError);
    assert.doesNotThrow(() => describeGridHotspots({ ...base, result: ninety, fdr: 0.06 }));
    const coldNinety = result([cell(0, 0, 0, -2, "cold-90")]);
    assert.throws(() => describeGridHotspots({ ...base, result: coldNinety }), RangeError);
    const bad = (patch: Partial<HotspotCell>) =>
      result([{ ...cell(0, 0, 1, 3, "hot-99"), ...patch }, ...quiet(3)]);
    assert.throws(() => describeGridHotspots({ ...base, result: bad({ x1: 150_100 }) }), RangeError);
    assert.throws(() => describeGridHotspots({ ...base, result: bad({ y1: 460_100 }) }), RangeError);
    assert.throws(() => describeGridHotspots({ ...base, result: bad({ count: -1 }) }), RangeError);
    assert.throws(() => describeGridHotspots({ ...base, result: bad({ count: 1.5 }) }), RangeError);
    assert.throws(() => describeGridHotspots({ ...base, result: bad({ z: Number.NaN }) }), RangeError);
    assert.throws(
      () => describeGridHotspots({ ...base, result: bad({ klasse: "heet" as HotspotKlasse }) }),
      RangeError,
    );
    // Cells of different sizes.
    const mixed = result([
      cell(0, 0, 1, 3, "hot-99"),
      { ...cell(1, 0, 0, 0, "niet-significant"), x1: 150_600 },
    ]);
    assert.throws(() => describeGridHotspots({ ...base, result: mixed }), RangeError);
  });
});
