// classOf against a linear scan written out here (independent of its binary search).

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { classOf } from "./class-of.ts";

describe("classOf", () => {
  it("classes a value: lower bound exclusive except for the first class, upper bound inclusive", () => {
    const b = { bounds: [0, 4, 12, 31] };
    const expected = (v: number) => (v < 0 || v > 31 ? null : v <= 4 ? 0 : v <= 12 ? 1 : 2);
    for (let v = -2; v <= 33; v += 0.5) assert.equal(classOf(b, v), expected(v), String(v));
  });

  it("gives null for NaN and when there are no classes; one class holds its single value", () => {
    assert.equal(classOf({ bounds: [0, 4] }, Number.NaN), null);
    assert.equal(classOf({ bounds: [] }, 1), null);
    assert.equal(classOf({ bounds: [3, 3] }, 3), 0);
  });
});
