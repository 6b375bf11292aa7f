import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compileDateTimePattern, parseIsoDateTime } from "./parse-datetime.ts";

const ok = (r: ReturnType<typeof parseIsoDateTime>) => {
  assert.ok(r.ok, r.ok ? "" : r.reason);
  return r.ok ? new Date(r.utcMs).toISOString() : "";
};

describe("parseIsoDateTime", () => {
  it("reads Dutch local time (winter +1, summer +2)", () => {
    assert.equal(ok(parseIsoDateTime("2024-01-15 08:30")), "2024-01-15T07:30:00.000Z");
    assert.equal(ok(parseIsoDateTime("2024-07-01T12:00:05")), "2024-07-01T10:00:05.000Z");
    assert.equal(ok(parseIsoDateTime("2024-07-01")), "2024-06-30T22:00:00.000Z");
    assert.equal(ok(parseIsoDateTime(" 2024-07-01T12:00:05.250 ")), "2024-07-01T10:00:05.250Z");
  });

  it("honours an explicit zone", () => {
    assert.equal(ok(parseIsoDateTime("2024-03-31T02:30:00+01:00")), "2024-03-31T01:30:00.000Z");
    assert.equal(ok(parseIsoDateTime("2024-10-27T02:30:00+01:00")), "2024-10-27T01:30:00.000Z");
    assert.equal(ok(parseIsoDateTime("2024-10-27T00:30:00Z")), "2024-10-27T00:30:00.000Z");
    assert.equal(ok(parseIsoDateTime("2024-10-27T02:30+0200")), "2024-10-27T00:30:00.000Z");
  });

  it("rejects impossible dates and times with a reason", () => {
    for (const [text, pattern] of [
      ["2024-02-31", /bestaat niet/],
      ["2023-02-29", /bestaat niet/],
      ["2024-13-01", /maand 13/],
      ["2024-03-01 24:10", /tijd bestaat niet/],
      ["01-03-2024", /JJJJ-MM-DD/],
      ["2024-03-01 9:30", /geen geldige tijd/],
      ["2024-03-01T09:30 CET", /tijdzone/],
      ["2024-03-31 02:30", /zomertijd/],
      ["", /JJJJ-MM-DD/],
    ] as const) {
      const r = parseIsoDateTime(text);
      assert.equal(r.ok, false, text);
      if (!r.ok) assert.match(r.reason, pattern, text);
    }
    assert.ok(parseIsoDateTime("2024-02-29").ok);
  });
});

describe("compileDateTimePattern", () => {
  it("reads day-first Dutch formats with an optional time", () => {
    const p = compileDateTimePattern("dd-MM-yyyy[ HH:mm]");
    assert.equal(ok(p("01-03-2024 23:40")), "2024-03-01T22:40:00.000Z");
    const r = p("01-03-2024");
    assert.ok(r.ok && !r.hasTime);
    const slash = compileDateTimePattern("d/M/yyyy H:mm");
    assert.equal(ok(slash("5/7/2024 9:05")), "2024-07-05T07:05:00.000Z");
  });

  it("rejects text that does not fit, and impossible dates", () => {
    const p = compileDateTimePattern("dd-MM-yyyy");
    const wrong = p("2024-03-01");
    assert.equal(wrong.ok, false);
    if (!wrong.ok) assert.match(wrong.reason, /past niet bij het datumformaat dd-MM-yyyy/);
    const feb = p("31-02-2024");
    assert.equal(feb.ok, false);
    if (!feb.ok) assert.match(feb.reason, /bestaat niet/);
  });
});
