import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ByteWriter } from "./byte-writer.ts";
import { pseudonymText } from "./persons.ts";
import { formatIsoOffset, formatWall, wallMinute } from "./wall-time.ts";

const text = (fill: (w: ByteWriter) => void) => {
  const w = new ByteWriter(16);
  w.ensure(256);
  fill(w);
  return w.take().toString("utf8");
};

describe("ByteWriter", () => {
  it("writes numbers, decimetres and pseudonyms", () => {
    assert.equal(
      text((w) => w.uint(0)),
      "0",
    );
    assert.equal(
      text((w) => w.uint(123, 7)),
      "0000123",
    );
    assert.equal(
      text((w) => w.uint(20241234567)),
      "20241234567",
    );
    assert.equal(
      text((w) => w.decimetres(1234567)),
      "123456.7",
    );
    assert.equal(
      text((w) => w.decimetres(1234560)),
      "123456.0",
    );
    for (const v of [0, 1, 0xabcdef, 2 ** 48 - 1, 123456789012345]) {
      assert.equal(
        text((w) => w.pseudonym(v)),
        pseudonymText(v),
      );
    }
    assert.match(pseudonymText(2 ** 48 - 1), /^PFFFFFFFFFFFF$/);
  });

  it("writes the same times as the string formatter", () => {
    for (const wall of [
      wallMinute(2024, 1, 1, 0, 0),
      wallMinute(2024, 2, 29, 23, 59),
      wallMinute(2024, 7, 14, 12, 5),
      wallMinute(2025, 12, 31, 18, 40),
    ]) {
      assert.equal(
        text((w) => w.wall(wall)),
        formatWall(wall),
      );
      assert.equal(
        text((w) => w.isoOffset(wall, 7)),
        formatIsoOffset(wall, 7),
      );
    }
  });

  it("grows when more room is needed and hands out what was written", () => {
    const w = new ByteWriter(4);
    w.ensure(10);
    w.ascii("abcdefghij");
    w.ensure(100);
    w.ascii("k");
    assert.equal(w.take().toString(), "abcdefghijk");
    assert.equal(w.pos, 0);
  });
});
