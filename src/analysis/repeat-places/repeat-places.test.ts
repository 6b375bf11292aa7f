import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { repeatPlaces } from "./repeat-places.ts";

// Expected values are hand-counted from the items below.
describe("repeatPlaces", () => {
  const items = [
    { address: "1234AB 10" },
    { address: " 1234AB 10 " }, // same address after trimming
    { address: "1234AB 10", x: 999, y: 999 }, // address wins over coordinates
    { address: "1234AB 12" },
    { address: "1234AB 12" },
    { address: "1234ab 12" }, // exact key: different spelling is a different place
    { x: 121_000, y: 487_000 }, // cell 121000,487000
    { x: 121_024.9, y: 487_010 }, // same cell
    { address: "", x: 121_012, y: 487_024.99 }, // empty address -> cell, same cell
    { address: null, x: 121_025, y: 487_000 }, // next cell east: 121025,487000
    { x: 121_000, y: 487_025 }, // next cell north
    { x: null, y: 487_000 }, // no usable place: skipped
    {},
    { address: "   " }, // blank: skipped (no coordinates)
  ];

  it("counts exact addresses and 25 m cells, sorted by count then key", () => {
    assert.deepEqual(repeatPlaces(items, { min: 2 }), [
      { key: "1234AB 10", count: 3 },
      { key: "cel:121000,487000", count: 3 },
      { key: "1234AB 12", count: 2 },
    ]);
  });

  it("min 1 lists every place once", () => {
    const all = repeatPlaces(items, { min: 1 });
    assert.equal(all.length, 6);
    assert.equal(
      all.reduce((s, p) => s + p.count, 0),
      11,
    );
    assert.deepEqual(all.slice(3), [
      { key: "1234ab 12", count: 1 },
      { key: "cel:121000,487025", count: 1 },
      { key: "cel:121025,487000", count: 1 },
    ]);
  });

  it("other cell sizes and negative coordinates use floor", () => {
    const r = repeatPlaces(
      [
        { x: -1, y: -1 },
        { x: -100, y: -0.5 },
        { x: 0, y: 0 },
        { x: 99.9, y: 99.9 },
      ],
      { min: 1, cell: 100 },
    );
    assert.deepEqual(r, [
      { key: "cel:-100,-100", count: 2 },
      { key: "cel:0,0", count: 2 },
    ]);
  });

  it("empty input and invalid options", () => {
    assert.deepEqual(repeatPlaces([], { min: 2 }), []);
    assert.throws(() => repeatPlaces(items, { min: 0 }), RangeError);
    assert.throws(() => repeatPlaces(items, { min: 1.5 }), RangeError);
    assert.throws(() => repeatPlaces(items, { min: 2, cell: 0 }), RangeError);
  });
});
