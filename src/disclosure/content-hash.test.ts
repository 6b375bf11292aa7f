import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import { contentHash } from "./content-hash.ts";
import { isSealed, seal, sealedMemo } from "./sealed.ts";

/** The hash as the register defines it, written out: SHA-256 of the whole JSON at once. */
const sha256OfJson = (value: unknown) =>
  createHash("sha256")
    .update(JSON.stringify(value, (_k, v) => (v instanceof Uint16Array ? Array.from(v) : v)) ?? "null")
    .digest("hex");

const document = (madeAt: string) => ({
  product: "proef",
  title: "Proef ë – ✓",
  madeAt,
  nothing: undefined,
  summary: ["één regel"],
  sections: [{ id: "a", rows: [{ cells: { n: 3, withheld: { reason: "klein" }, text: null } }] }],
});

describe("sealed values", () => {
  it("are frozen all the way down; a value holding a Date or a typed array is not sealed", () => {
    const doc = seal(document("2026-01-01T00:00:00.000Z"));
    const cells = doc.sections[0]?.rows[0]?.cells;
    assert.ok(isSealed(doc));
    assert.ok(isSealed(cells?.withheld));
    assert.throws(() => {
      (cells as { n: number }).n = 4;
    }, TypeError);
    const withDate = seal({ at: new Date(0), rows: [1] });
    assert.equal(isSealed(withDate), false);
    assert.ok(isSealed(withDate.rows));
    assert.ok(!isSealed(seal({ values: new Uint16Array([1]) })));
  });

  it("keep what is derived from them, and derive anew for anything else", () => {
    let made = 0;
    const length = sealedMemo((xs: number[]) => {
      made++;
      return xs.length;
    });
    const kept = seal([1, 2]);
    const open = [1, 2];
    for (let i = 0; i < 3; i++) assert.equal(length(kept) + length(open), 4);
    assert.equal(made, 4, "once for the sealed array, three times for the other");
  });
});

describe("the register's content hash", () => {
  it("is SHA-256 of the whole JSON, for a document with sealed parts and a fresh made-at", () => {
    const kept = seal(document("2026-01-01T00:00:00.000Z"));
    for (const madeAt of ["2026-01-02T10:00:00.000Z", "2026-01-03T11:30:00.000Z"]) {
      const doc = { ...kept, madeAt, extra: [new Uint16Array([7, 8])], gone: () => 1 };
      assert.equal(contentHash(doc), sha256OfJson(doc), madeAt);
    }
    const first = contentHash({ ...kept, madeAt: "2026-01-02T10:00:00.000Z" });
    assert.notEqual(first, contentHash({ ...kept, madeAt: "2026-01-03T11:30:00.000Z" }), "made-at counts");
  });

  it("is the same for any value, sealed or not", () => {
    const values: unknown[] = [
      undefined,
      null,
      "tekst",
      [1, { a: undefined }],
      {},
      { a: undefined },
      seal({}),
      { first: undefined, sealed: seal([1]) },
      { at: new Date(0), sealed: seal({ b: 2 }) },
    ];
    for (const v of values) assert.equal(contentHash(v), sha256OfJson(v), JSON.stringify(v) ?? "undefined");
  });
});
