import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseTrendParams, trendsHref } from "./trend-params.ts";

const ctx = { latest: 202610, ownArea: "GM0363", types: new Set(["1.1.1", "2.5.1"]) };

describe("parseTrendParams", () => {
  it("fills in the defaults: own gemeente, all types, the last 36 complete months, a year earlier", () => {
    const r = parseTrendParams({}, ctx);
    assert.ok(r.ok);
    assert.deepEqual(r.params, {
      area: "GM0363",
      type: "",
      from: 202311,
      to: 202610,
      comparison: "vorig-jaar",
    });
    assert.deepEqual(r.values, {
      gebied: "GM0363",
      soort: "",
      van: "2023-11",
      tot: "2026-10",
      vergelijk: "vorig-jaar",
    });
  });

  it("takes what is asked; the start defaults to 36 months before the end asked", () => {
    const r = parseTrendParams(
      { gebied: " gm0344 ", soort: "1.1.1", tot: "2025-03", vergelijk: "gemiddelde-5-jaar" },
      ctx,
    );
    assert.ok(r.ok);
    assert.deepEqual(r.params, {
      area: "GM0344",
      type: "1.1.1",
      from: 202204,
      to: 202503,
      comparison: "gemiddelde-5-jaar",
    });
    assert.equal(
      trendsHref(r.params),
      "/trends?gebied=GM0344&soort=1.1.1&van=2022-04&tot=2025-03&vergelijk=gemiddelde-5-jaar",
    );
  });

  it("names each wrong field in Dutch, and keeps what was typed", () => {
    const r = parseTrendParams({ soort: "9.9", van: "2026-5", tot: "2026-11", vergelijk: "x" }, ctx);
    assert.equal(r.ok, false);
    assert.deepEqual(
      r.errors?.map((e) => e.field),
      ["soort", "tot", "van", "vergelijk"],
    );
    assert.match(r.errors?.[0]?.message ?? "", /^Soort: "9.9" is geen soort/);
    assert.match(r.errors?.[1]?.message ?? "", /^Tot en met maand: november 2026 is nog niet voorbij/);
    assert.match(r.errors?.[2]?.message ?? "", /^Van maand: "2026-5" is geen maand/);
    assert.equal(r.values.van, "2026-5");
  });

  it("refuses a start after the end, and more than 20 years", () => {
    const after = parseTrendParams({ van: "2026-05", tot: "2026-01" }, ctx);
    assert.equal(after.ok, false);
    assert.match(after.errors?.[0]?.message ?? "", /^Van maand: mei 2026 ligt na januari 2026/);
    assert.ok(parseTrendParams({ van: "2006-11", tot: "2026-10" }, ctx).ok, "exactly 240 months");
    const long = parseTrendParams({ van: "2006-10", tot: "2026-10" }, ctx);
    assert.equal(long.ok, false);
    assert.match(long.errors?.[0]?.message ?? "", /hooguit 240 maanden/);
  });

  it("asks for an area when the user has no gemeente of its own", () => {
    const r = parseTrendParams({}, { ...ctx, ownArea: "" });
    assert.equal(r.ok, false);
    assert.equal(r.errors?.[0]?.field, "gebied");
  });
});
