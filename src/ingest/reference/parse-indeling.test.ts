import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { describe, it } from "node:test";
import { InputError } from "../../domain/errors.ts";
import { normalizeGemeenteCode, parseIndeling, readIndeling } from "./parse-indeling.ts";

const DATA = new URL("../../../../shared/data/gemeente_politie_eenheid_2025_derived.csv", import.meta.url);
const skip = existsSync(DATA) ? false : "../shared/data/gemeente_politie_eenheid_2025_derived.csv ontbreekt";

describe("parseIndeling on the derived gemeente -> eenheid table", { skip }, () => {
  it("reads 342 gemeenten with the unit counts of SOURCES.md", async () => {
    const r = await readIndeling(DATA.pathname);
    assert.deepEqual(r.problems, []);
    assert.equal(r.rows.length, 342);
    const counts: Record<string, number> = {};
    for (const row of r.rows) counts[row.eenheid] = (counts[row.eenheid] ?? 0) + 1;
    assert.deepEqual(counts, {
      RE01: 40,
      RE02: 76,
      RE03: 38,
      RE04: 32,
      RE05: 6,
      RE06: 27,
      RE07: 23,
      RE08: 37,
      RE09: 32,
      RE10: 31,
    });
    assert.deepEqual(
      r.rows.find((x) => x.gemeente === "GM0014"),
      {
        gemeente: "GM0014",
        gemeenteName: "Groningen",
        basisteam: null,
        basisteamName: null,
        district: null,
        districtName: null,
        eenheid: "RE01",
        eenheidName: "Noord-Nederland",
      },
    );
    // SOURCES.md: Lisse lies in RE06
    assert.equal(r.rows.find((x) => x.gemeenteName === "Lisse")?.eenheid, "RE06");
  });
});

describe("parseIndeling full layout and bad input", () => {
  const HEADER =
    "GemeenteCode;Gemeentenaam;Basisteamcode;Basisteamnaam;Districtcode;Districtnaam;Eenheidcode;Eenheidnaam";

  it("reads all levels, case-insensitive columns, and a fictional unit", () => {
    const r = parseIndeling(
      `${HEADER}\n0901;Veendam-Zuid;BT01;Basisteam Veen;D1;District Veen;RE11;Eenheid Demo\n`,
      "i.csv",
    );
    assert.deepEqual(r.rows, [
      {
        gemeente: "GM0901",
        gemeenteName: "Veendam-Zuid",
        basisteam: "BT01",
        basisteamName: "Basisteam Veen",
        district: "D1",
        districtName: "District Veen",
        eenheid: "RE11",
        eenheidName: "Eenheid Demo",
      },
    ]);
  });

  it("puts malformed codes, empty values and duplicates in problems", () => {
    const text = [
      HEADER,
      "GM0344;Utrecht;;;;;RE03;Midden-Nederland",
      "GM034;Fout;;;;;RE03;x",
      ";Leeg;;;;;RE03;x",
      "GM0363;Amsterdam;;;;;Eenheid 5;x",
      "GM0518;Den Haag;;;;;;x",
      "gm0344;Utrecht;;;;;RE03;x",
    ].join("\n");
    const r = parseIndeling(text, "i.csv");
    assert.deepEqual(
      r.rows.map((x) => x.gemeente),
      ["GM0344"],
    );
    assert.deepEqual(
      r.problems.map((p) => [p.line, p.field]),
      [
        [3, "GemeenteCode"],
        [4, "GemeenteCode"],
        [5, "Eenheidcode"],
        [6, "Eenheidcode"],
        [7, "GemeenteCode"],
      ],
    );
  });

  it("names missing required columns", () => {
    assert.throws(
      () => parseIndeling("gemeente,eenheid\nGM0344,RE03\n", "i.csv"),
      (e: unknown) =>
        e instanceof InputError &&
        e.message.includes('"gemeentecode"') &&
        e.message.includes('"eenheidcode" of "regionale_eenheid_code"'),
    );
  });

  it("normalizeGemeenteCode", () => {
    assert.equal(normalizeGemeenteCode(" gm0344 "), "GM0344");
    assert.equal(normalizeGemeenteCode("344"), "GM0344");
    assert.equal(normalizeGemeenteCode("GM03440"), null);
  });
});
