import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { registerCsv } from "./register-csv.ts";
import type { RegisterEntry } from "./register-entry.ts";

const entry: RegisterEntry = {
  seq: 1,
  prev: "0".repeat(64),
  at: "2026-11-22T09:00:00.000Z",
  kind: "verstrekking",
  user: "bm",
  roles: ["burgemeester", "fg"],
  organisation: '=HYPERLINK("x")',
  purpose: "casus:2026;014",
  legalBasis: "wpg-16-1-c@2026-11-22",
  policy: "gemeente-eigen-gebied",
  what: "maandoverzicht",
  areas: ["GM9001", "GM9002"],
  period: null,
  sensitivity: "aggregated",
  count: 12,
  contentHash: null,
  hash: "ab".repeat(32),
};

describe("registerCsv", () => {
  it("quotes separators, quotes and anything a spreadsheet would run as a formula", () => {
    const [, row] = registerCsv([entry]).split("\r\n");
    const cells = row?.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/) ?? [];
    assert.equal(cells[4], "burgemeester,fg");
    assert.equal(cells[5], '"=HYPERLINK(""x"")"');
    assert.equal(cells[6], '"casus:2026;014"');
    assert.equal(cells[11], "", "null is an empty cell");
    assert.equal(cells[13], "12");
  });
});
