// classBreaks: bounds from classes.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { classBreaks } from "./class-breaks.ts";

describe("classBreaks", () => {
  it("makes the bounds: the lowest minimum, then every class's maximum", () => {
    const classes = [
      { min: 0, max: 4, count: 3 },
      { min: 7, max: 12, count: 2 },
      { min: 20, max: 31, count: 4 },
    ];
    assert.deepEqual(classBreaks(classes).bounds, [0, 4, 12, 31]);
    assert.deepEqual(classBreaks([]).bounds, []);
  });

  it("refuses overlapping or unordered classes", () => {
    const a = { min: 0, max: 5, count: 1 };
    const b = { min: 5, max: 6, count: 1 };
    const c = { min: 7, max: 9, count: 1 };
    assert.throws(() => classBreaks([a, b]), RangeError);
    assert.throws(() => classBreaks([c, a]), RangeError);
  });
});
