import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AliasTable } from "./alias-table.ts";
import { Rng } from "./prng.ts";

describe("Rng", () => {
  it("repeats for the same seed and stream, and differs otherwise", () => {
    const draw = (seed: number, stream: string) => {
      const r = new Rng(seed, stream);
      return Array.from({ length: 5 }, () => r.u32());
    };
    assert.deepEqual(draw(1, "a"), draw(1, "a"));
    assert.notDeepEqual(draw(1, "a"), draw(2, "a"));
    assert.notDeepEqual(draw(1, "a"), draw(1, "b"));
  });

  it("draws uniform numbers, normal numbers and Poisson counts with the right moments", () => {
    const r = new Rng(42);
    const n = 200_000;
    let sum = 0;
    let sumN = 0;
    let sumN2 = 0;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      assert.ok(u >= 0 && u < 1);
      sum += u;
      const z = r.normal();
      sumN += z;
      sumN2 += z * z;
    }
    assert.ok(Math.abs(sum / n - 0.5) < 0.005);
    assert.ok(Math.abs(sumN / n) < 0.01);
    assert.ok(Math.abs(sumN2 / n - 1) < 0.02);
    for (const lambda of [0.3, 4, 25, 300]) {
      let s = 0;
      for (let i = 0; i < 20_000; i++) s += r.poisson(lambda);
      assert.ok(Math.abs(s / 20_000 - lambda) < 0.05 * lambda + 0.02, `poisson ${lambda}: ${s / 20_000}`);
    }
    assert.match(r.hex(12), /^[0-9A-F]{12}$/);
  });

  it("alias tables draw in proportion to the weights", () => {
    const r = new Rng(7);
    const t = new AliasTable([1, 0, 3, 6]);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 100_000; i++) {
      const k = t.draw(r);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    assert.equal(counts[1], 0);
    assert.ok(Math.abs((counts[3] ?? 0) / 100_000 - 0.6) < 0.01);
    assert.ok(Math.abs((counts[0] ?? 0) / 100_000 - 0.1) < 0.01);
  });
});
