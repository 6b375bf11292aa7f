import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { LedgerInterval, MonthlyCount } from "../../store/store.ts";
import {
  decideMonthlyCounts,
  protectAreaCounts,
  protectMonthlyCounts,
  SHOW_ALL,
} from "./monthly-counts-protection.ts";

const rows = (gemeente: number): MonthlyCount[] => [
  { month: 202401, inpCode: "1.1.1", count: 3 + gemeente, attempts: 0 },
  { month: 202402, inpCode: "1.1.1", count: 20, attempts: 0 },
  { month: 202401, inpCode: "1.2.1", count: 30, attempts: 0 },
  { month: 202402, inpCode: "1.2.1", count: 2, attempts: 0 },
];

describe("protectMonthlyCounts", () => {
  it("withholds small months and what would reveal them, over calendar-aligned months", () => {
    const shown = protectMonthlyCounts(rows(0), { minimum: 5, until: 202403 });
    assert.equal(shown("1.1.1", 202401, 202401), false, "3 is small");
    assert.equal(shown("1.2.1", 202402, 202402), false, "2 is small");
    // The total is shown first; then a second cell per month must go, or the total minus it
    // would give the small one.
    assert.equal(shown("1.2.1", 202401, 202401), false, "total − 30 would give January's 3");
    assert.equal(shown("1.1.1", 202402, 202402), false, "total − 20 would give February's 2");
    assert.equal(shown("totaal", 202401, 202401), true);
    assert.equal(shown("1.1.1", 202301, 202312), true, "before any data: zero");
    assert.equal(shown("9.9.9", 202401, 202401), true, "a type without registrations: zero");
    assert.equal(shown("1.1.1", 202401, 202405), false, "beyond the months decided: not shown");
  });

  it("shows everything without a minimum, and gives the same answer for the same counts (cache)", () => {
    assert.equal(protectMonthlyCounts(rows(0), { minimum: 0, until: 202403 }), SHOW_ALL);
    const a = protectMonthlyCounts(rows(1), { minimum: 5, until: 202403 });
    assert.equal(protectMonthlyCounts([...rows(1)].reverse(), { minimum: 5, until: 202403 }), a);
  });

  it("keeps what an earlier decision showed when a new month arrives (the ledger)", async () => {
    // February: one type, 12 and 9. Its year to date (21) is shown.
    const feb: MonthlyCount[] = [
      { month: 202401, inpCode: "1.1.1", count: 12, attempts: 0 },
      { month: 202402, inpCode: "1.1.1", count: 9, attempts: 0 },
    ];
    const ledger = new Map<string, LedgerInterval[]>();
    const store = {
      protectionLedger: async (area: string) => ledger.get(area) ?? [],
      addToProtectionLedger: async (area: string, _m: number, xs: readonly LedgerInterval[]) => {
        ledger.set(area, [...(ledger.get(area) ?? []), ...xs]);
        return xs.length;
      },
    };
    const before = await protectAreaCounts(store, "GM1", feb, { minimum: 5, until: 202402 });
    assert.equal(before("1.1.1", 202401, 202402), true);
    // March brings 3. Then year to date March may not be shown next to February's.
    const mar = [...feb, { month: 202403, inpCode: "1.1.1", count: 3, attempts: 0 }];
    const after = await protectAreaCounts(store, "GM1", mar, { minimum: 5, until: 202403 });
    assert.equal(after("1.1.1", 202401, 202402), true, "what was shown stays shown");
    assert.equal(after("1.1.1", 202403, 202403), false);
    assert.equal(after("1.1.1", 202401, 202403), false, "year to date March would give March");
    assert.ok(
      (ledger.get("GM1") ?? []).some((x) => x.series === "1.1.1" && x.from === 202401 && x.to === 202402),
      "the ledger holds year to date February",
    );
  });

  it("reuses a settled decision for the same frozen counts and ledger, and decides again when the ledger grows", async () => {
    let ledger: readonly LedgerInterval[] = Object.freeze([]);
    let reads = 0;
    const store = {
      protectionLedger: async () => {
        reads++;
        return ledger;
      },
      addToProtectionLedger: async (_a: string, _m: number, xs: readonly LedgerInterval[]) => {
        ledger = Object.freeze([...ledger, ...xs]);
        return xs.length;
      },
    };
    const counts = Object.freeze(rows(2).map((r) => Object.freeze(r)));
    const opts = { minimum: 5, until: 202403 };
    await protectAreaCounts(store, "GM1", counts, opts); // publishes: the ledger grows
    const settled = await protectAreaCounts(store, "GM1", counts, opts); // nothing new: settled
    assert.equal(await protectAreaCounts(store, "GM1", counts, opts), settled, "the same decision again");
    assert.equal(reads, 3, "the ledger is still read every time");
    // The ledger grows elsewhere (here: a cell another decision published): decided again, the
    // published cell now shown, where the settled decision withheld it.
    assert.equal(settled("1.2.1", 202402, 202402), false);
    ledger = Object.freeze([...ledger, { series: "1.2.1", from: 202402, to: 202402 }]);
    const again = await protectAreaCounts(store, "GM1", counts, opts);
    assert.equal(again("1.2.1", 202402, 202402), true, "what the ledger holds stays shown");
    // The decisions agree with a fresh one on the same ledger.
    for (const [code, from, to] of [
      ["1.1.1", 202401, 202401],
      ["totaal", 202401, 202402],
      ["1.2.1", 202402, 202402],
    ] as const) {
      assert.equal(
        again(code, from, to),
        decideMonthlyCounts(counts, { ...opts, published: ledger }).shown(code, from, to),
      );
    }
  });

  it("forces earlier publications even when a fresh decision would withhold them", () => {
    // Year to date February (12 + 9) was shown while February's month was not asked; now the
    // months come first in priority. With the ledger, February's year to date stays and the
    // month of February follows from it, so January (12) and February (9) are both shown.
    const rows: MonthlyCount[] = [
      { month: 202401, inpCode: "1.1.1", count: 12, attempts: 0 },
      { month: 202402, inpCode: "1.1.1", count: 9, attempts: 0 },
      { month: 202403, inpCode: "1.1.1", count: 3, attempts: 0 },
    ];
    const d = decideMonthlyCounts(rows, {
      minimum: 5,
      until: 202403,
      published: [{ series: "1.1.1", from: 202401, to: 202402 }],
    });
    assert.equal(d.shown("1.1.1", 202401, 202402), true);
    assert.ok(d.published.some((x) => x.series === "1.1.1" && x.from === 202401 && x.to === 202402));
  });
});
