import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { frozenMemo } from "./frozen-memo.ts";

describe("frozenMemo", () => {
  it("computes once per frozen input and variant", () => {
    let calls = 0;
    const sum = frozenMemo((xs: readonly number[], variant: string) => {
      calls++;
      return xs.reduce((s, x) => s + x, 0) + variant.length;
    });
    const xs = Object.freeze([1, 2, 3]);
    assert.equal(sum(xs), 6);
    assert.equal(sum(xs), 6);
    assert.equal(calls, 1);
    assert.equal(sum(xs, "ab"), 8);
    assert.equal(calls, 2);
    assert.equal(sum(Object.freeze([1, 2, 3])), 6, "another array with the same content");
    assert.equal(calls, 3);
  });

  it("computes anew for an array that can still change", () => {
    let calls = 0;
    const sum = frozenMemo((xs: number[]) => {
      calls++;
      return xs.reduce((s, x) => s + x, 0);
    });
    const xs = [1, 2, 3];
    assert.equal(sum(xs), 6);
    xs.push(4);
    assert.equal(sum(xs), 10);
    assert.equal(calls, 2);
  });
});
