import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Registration } from "../../domain/registration.ts";
import { openDuckDbStore } from "../../store/duckdb/duckdb-store.ts";
import { content, makeRegistration, newDelivery } from "../../store/store-suite.ts";
import type { FamilyDecision } from "./area-family-protection.ts";
import { familyLedgerKey, protectFamily } from "./protect-family.ts";
import { warmProtection } from "./warm-protection.ts";

/** Two gemeenten of two wijken each, with small and large counts over four months of 2024. */
async function twoGemeenten() {
  const store = await openDuckDbStore(":memory:");
  const regs: Registration[] = [];
  for (const g of ["GM9001", "GM9002"])
    for (const month of [1, 2, 3, 4])
      for (const [w, n] of [
        ["01", 12],
        ["02", 2 + month],
      ] as const)
        for (let k = 0; k < n; k++)
          regs.push(
            makeRegistration({
              sourceId: `${g}-${w}-${month}-${k}`,
              startsAt: new Date(Date.UTC(2024, month - 1, 10, 12)),
              inpCode: k % 2 === 0 ? "1.1.1" : "2.2.1",
              placement: {
                year: 2024,
                buurt: `BU${g.slice(2)}${w}01`,
                wijk: `WK${g.slice(2)}${w}`,
                gemeente: g,
                pc4: null,
                method: "punt",
              },
            }),
          );
  await store.loadDelivery(newDelivery(), content(regs));
  return store;
}

const counts = (store: Awaited<ReturnType<typeof twoGemeenten>>, g: string, until: number) =>
  store.monthlyCounts({ area: g, level: "gemeente", fromMonth: 190001, toMonth: until });

describe("warming table protection at server start", () => {
  it("decides each gemeente's own figures with its ledger, and makes the family decision without recording it", async () => {
    const store = await twoGemeenten();
    const warmed = new Map<string, FamilyDecision | null>();
    const done = await warmProtection(
      store,
      ["GM9001", "GM9002"],
      { table: { minimum: 5 }, until: 202404 },
      { warmed: (g, d) => warmed.set(g, d) },
    );
    assert.equal(done, 2);
    for (const g of ["GM9001", "GM9002"]) {
      assert.ok((await store.protectionLedger(g, 5)).length > 0, `${g}: its own figures decided`);
      assert.equal((await store.protectionLedger(familyLedgerKey(g), 5)).length, 0, `${g}: no wijk shown`);
      // The first product showing wijken finds the decision made.
      const decided = await protectFamily(store, g, await counts(store, g, 202404), {
        minimum: 5,
        until: 202404,
      });
      assert.equal(decided, warmed.get(g));
    }
    await store.close();
  });

  it("decides a gemeente whose wijk figures were shown as a family, as a request would", async () => {
    const store = await twoGemeenten();
    await protectFamily(store, "GM9001", await counts(store, "GM9001", 202402), {
      minimum: 5,
      until: 202402,
    });
    const before = await store.protectionLedger(familyLedgerKey("GM9001"), 5);
    assert.ok(before.length > 0 && before.every((x) => x.to <= 202402));
    await warmProtection(store, ["GM9001"], { table: { minimum: 5 }, until: 202404 });
    // The gemeente's own figures up to April were decided with its wijken: the family ledger grew.
    const after = await store.protectionLedger(familyLedgerKey("GM9001"), 5);
    assert.ok(
      after.some((x) => x.to === 202404),
      JSON.stringify(after.slice(-3)),
    );
    await store.close();
  });

  it("shows everything without a minimum (no family decision), and stops when asked", async () => {
    const store = await twoGemeenten();
    const warmed: (FamilyDecision | null)[] = [];
    const all = await warmProtection(
      store,
      ["GM9001", "GM9002"],
      { table: { minimum: 0 }, until: 202404 },
      { warmed: (_, d) => warmed.push(d) },
    );
    assert.equal(all, 2);
    assert.deepEqual(warmed, [null, null]);
    let asked = 0;
    const stopped = await warmProtection(
      store,
      ["GM9001", "GM9002"],
      { table: { minimum: 5 }, until: 202404 },
      { stop: () => asked++ >= 1 },
    );
    assert.equal(stopped, 1);
    await store.close();
  });
});
