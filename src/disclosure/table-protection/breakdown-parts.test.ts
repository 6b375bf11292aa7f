import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { localBuckets } from "../../domain/time.ts";
import { breakdownCounts, partOf } from "./breakdown-parts.ts";

const reg = (iso: string, attempt: boolean, mo: string | null, inpCode = "1.1.1") => ({
  attempt,
  local: localBuckets(Date.parse(iso)),
  modusOperandi: mo,
  inpCode,
});

describe("breakdown parts", () => {
  it("puts a registration in its part by local time, attempt and way of working", () => {
    // 31 March 2024 21:30 UTC is 23:30 local (summer time since 02:00): evening, Sunday.
    const r = reg("2024-03-31T21:30:00Z", true, " Flipperen ");
    assert.equal(partOf(r, "dagdeel"), "avond");
    assert.equal(partOf(r, "weekdag"), "zondag");
    assert.equal(partOf(r, "poging"), "poging");
    assert.equal(partOf(r, "werkwijze"), "flipperen");
    // 22:30 UTC the same evening is 00:30 on Monday 1 April: night.
    const s = reg("2024-03-31T22:30:00Z", false, null);
    assert.deepEqual(
      [partOf(s, "dagdeel"), partOf(s, "weekdag"), partOf(s, "poging"), partOf(s, "werkwijze")],
      ["nacht", "maandag", "gelukt", null],
    );
  });

  it("counts per part and local month, leaving out other types and unknown parts", () => {
    const regs = [
      reg("2024-03-31T21:30:00Z", true, "flipperen"),
      reg("2024-03-31T22:30:00Z", false, "flipperen"),
      reg("2024-04-02T10:00:00Z", false, null),
      reg("2024-04-02T10:00:00Z", false, "flipperen", "1.2.1"),
    ];
    const sorted = (xs: { part: string; month: number; count: number }[]) =>
      xs.map((x) => `${x.part}:${x.month}:${x.count}`).sort();
    assert.deepEqual(sorted(breakdownCounts(regs, "1.1.1", "werkwijze")), [
      "flipperen:202403:1",
      "flipperen:202404:1",
    ]);
    assert.deepEqual(sorted(breakdownCounts(regs, "1.1.1", "poging")), [
      "gelukt:202404:2",
      "poging:202403:1",
    ]);
  });
});
