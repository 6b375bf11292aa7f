import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cutoff, loadRetentionTerms } from "./retention.ts";

describe("retention", () => {
  it("goes back whole calendar months, keeping the day where the month has it", () => {
    assert.equal(cutoff(new Date("2026-03-31T10:00:00Z"), 1).toISOString(), "2026-02-28T10:00:00.000Z");
    assert.equal(cutoff(new Date("2024-03-31T10:00:00Z"), 1).toISOString(), "2024-02-29T10:00:00.000Z");
    assert.equal(cutoff(new Date("2026-01-15T00:00:00Z"), 13).toISOString(), "2024-12-15T00:00:00.000Z");
    assert.equal(cutoff(new Date("2026-11-22T08:00:00Z"), 60).toISOString(), "2021-11-22T08:00:00.000Z");
  });

  it("reads the shipped terms", () => {
    const t = loadRetentionTerms();
    assert.equal(t.months.registraties, 60);
    assert.ok(t.version.length > 0);
  });
});
