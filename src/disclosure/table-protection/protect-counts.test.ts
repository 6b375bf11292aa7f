import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { seededUniform } from "../../demo/prng.ts";
import type { Registration } from "../../domain/registration.ts";
import { openDuckDbStore } from "../../store/duckdb/duckdb-store.ts";
import { content, makeRegistration, newDelivery } from "../../store/store-suite.ts";
import { SHOW_ALL } from "./monthly-counts-protection.ts";
import { protectCounts } from "./protect-counts.ts";
import { familyLedgerKey, protectFamily, warmFamily } from "./protect-family.ts";

const G = "GM9001";

async function storeWithWijken() {
  const store = await openDuckDbStore(":memory:");
  const random = seededUniform(7);
  const regs: Registration[] = [];
  for (const month of [1, 2, 3, 4]) {
    for (const [wijk, buurt, mean] of [
      ["WK900101", "BU90010101", 30],
      ["WK900102", "BU90010201", 3],
      ["WK900103", "BU90010301", 25],
    ] as const) {
      const n = Math.round(mean * (0.5 + random()));
      for (let k = 0; k < n; k++)
        regs.push(
          makeRegistration({
            sourceId: `${wijk}-${month}-${k}`,
            startsAt: new Date(Date.UTC(2024, month - 1, 10, 12)),
            inpCode: k % 3 === 0 ? "2.2.1" : "1.1.1",
            placement: { year: 2024, buurt, wijk, gemeente: G, pc4: null, method: "punt" },
          }),
        );
    }
  }
  await store.loadDelivery(newDelivery(), content(regs));
  return store;
}

describe("protectCounts for a gemeente", () => {
  it("decides with the wijken and buurten once their figures were shown, so later months stay consistent", async () => {
    const store = await storeWithWijken();
    const rows = await store.monthlyCounts({
      area: G,
      level: "gemeente",
      fromMonth: 190001,
      toMonth: 202404,
    });
    const table = { minimum: 5 };
    // Before any wijk figure was shown: the gemeente alone, no family ledger.
    await protectCounts(store, G, 202402)({ rows, shown: SHOW_ALL }, null, table);
    assert.equal((await store.protectionLedger(familyLedgerKey(G), 5)).length, 0);
    // A product shows wijk and buurt figures up to February: the family ledger starts.
    await protectFamily(store, G, rows, { minimum: 5, until: 202402 });
    const before = await store.protectionLedger(familyLedgerKey(G), 5);
    assert.ok(before.length > 0, `before: ${before.length}`);
    assert.ok(before.every((x) => x.to <= 202402));
    // The gemeente's own page for April: decided as a family, so March and April of the wijken are
    // decided too (the gemeente-only decision would not touch the family ledger).
    await protectCounts(store, G, 202404)({ rows, shown: SHOW_ALL }, null, table);
    const after = await store.protectionLedger(familyLedgerKey(G), 5);
    assert.ok(
      after.some((x) => x.series.startsWith("WK900101|") && x.to === 202404),
      JSON.stringify(after.slice(-5)),
    );
    await store.close();
  });

  it("warms the family decision without showing anything: no ledger grows, and the first request finds it made", async () => {
    const store = await storeWithWijken();
    const rows = await store.monthlyCounts({
      area: G,
      level: "gemeente",
      fromMonth: 190001,
      toMonth: 202404,
    });
    const opts = { minimum: 5, until: 202404 };
    const warmed = await warmFamily(store, G, rows, opts);
    assert.equal((await store.protectionLedger(G, 5)).length, 0);
    assert.equal((await store.protectionLedger(familyLedgerKey(G), 5)).length, 0);
    assert.ok(warmed.published.length > 0);
    // The request decides with the same counts and ledgers: the very decision made at warm-up.
    const decided = await protectFamily(store, G, rows, opts);
    assert.equal(decided, warmed);
    assert.equal((await store.protectionLedger(familyLedgerKey(G), 5)).length > 0, true);
    await store.close();
  });
});
