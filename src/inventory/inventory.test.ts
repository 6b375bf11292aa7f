import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { InputError } from "../domain/errors.ts";
import { CATALOG_ENTRIES } from "./catalog-entries.ts";
import { checkInventory, parseInventory } from "./inventory.ts";
import { inventoryWith } from "./test-inventories.ts";

const EXAMPLE = new URL("../../docs/voorbeeld-inventaris.json", import.meta.url);

/** The problems of an inventory, as "path: message". */
function problems(json: unknown): string[] {
  const r = checkInventory(json);
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
}

describe("inventory schema", () => {
  it("accepts the example of GM9001, with an answer for every catalog entry", () => {
    const inv = parseInventory(readFileSync(EXAMPLE, "utf8"), "voorbeeld-inventaris.json");
    assert.equal(inv.gemeente, "GM9001");
    assert.deepEqual(
      Object.keys(inv.producten),
      CATALOG_ENTRIES.map((e) => e.id),
    );
    assert.deepEqual(inv.producten.woninginbraakmonitor, {
      ontvangt: "deels",
      frequentie: "maandelijks",
      gewenst: "ja",
      gewensteFrequentie: "wekelijks",
      tevredenheid: 3,
      toelichting: "Nu alleen per wijk; wij willen het per buurt en elke week.",
    });
  });

  it("fills in what may be left out: no frequency, no score, no note", () => {
    const producten = inventoryWith().producten;
    producten.gebiedsscan = { ontvangt: "ja", frequentie: "jaarlijks", gewenst: "ja" } as never;
    producten.tabellenboek = { ontvangt: "nee", gewenst: "ja" } as never;
    const r = checkInventory({ producten });
    assert.ok(r.ok);
    assert.deepEqual(r.inventory.producten.gebiedsscan, {
      ontvangt: "ja",
      frequentie: "jaarlijks",
      gewenst: "ja",
      gewensteFrequentie: null,
      tevredenheid: null,
      toelichting: "",
    });
    assert.equal(r.inventory.toelichting, "");
  });

  it("names the field path of each problem, in Dutch", () => {
    const producten: Record<string, unknown> = { ...inventoryWith().producten };
    producten.gebiedsscan = { ontvangt: "misschien", gewenst: "ja", tevredenheid: 7 };
    producten.maandoverzicht = { ontvangt: "ja", frequentie: "soms", gewenst: "ja", tevredenheid: 2.5 };
    producten.tabellenboek = "ja";
    producten.woninginbraken = producten.woninginbraakmonitor;
    delete producten["coa-overzicht"];
    assert.deepEqual(problems({ gemeente: "9001", producten, extra: true }), [
      "gemeente: gemeente is een code als GM0344",
      'producten.maandoverzicht.frequentie: onbekende frequentie "soms"; kies uit dagelijks, wekelijks, tweewekelijks, maandelijks, per-kwartaal, drie-keer-per-jaar, halfjaarlijks, jaarlijks, vierjaarlijks, per-driehoeksoverleg, op-verzoek (of null)',
      "producten.maandoverzicht.tevredenheid: tevredenheid is een heel getal van 1 tot en met 5, of null (geen oordeel)",
      "producten.tabellenboek: hier hoort een object ({ … })",
      'producten.gebiedsscan.ontvangt: ontvangt is "ja", "nee" of "deels", niet "misschien"',
      "producten.gebiedsscan.tevredenheid: tevredenheid is ten hoogste 5",
      "producten.coa-overzicht: ontbreekt: geef ook een antwoord over Incidentenoverzicht COA-locaties",
      `producten: onbekend product "woninginbraken"; kies uit ${CATALOG_ENTRIES.map((e) => e.id).join(", ")}`,
      ': onbekend veld "extra"',
    ]);
    assert.deepEqual(problems({}), ["producten: ontbreekt: geef per product een antwoord"]);
    assert.deepEqual(problems([]), [": hier hoort een object ({ … })"]);
  });

  it("checks that the answers about one product fit together", () => {
    const producten = inventoryWith({
      gebiedsscan: { ontvangt: "ja" },
      dagrapport: { frequentie: "dagelijks", tevredenheid: 2, gewensteFrequentie: "wekelijks" },
    }).producten;
    assert.deepEqual(problems({ producten }), [
      "producten.gebiedsscan.frequentie: u krijgt dit product (ja of deels): zeg hoe vaak",
      "producten.dagrapport.frequentie: u krijgt dit product niet: laat de frequentie leeg (null)",
      "producten.dagrapport.tevredenheid: u krijgt dit product niet: geef dan geen tevredenheid (null)",
      "producten.dagrapport.gewensteFrequentie: u wilt dit product niet: laat de gewenste frequentie leeg (null)",
    ]);
  });

  it("throws an InputError naming file and field; several problems in one message", () => {
    const one = inventoryWith({ gebiedsscan: { ontvangt: "ja", frequentie: "jaarlijks", tevredenheid: 0 } });
    assert.throws(
      () => parseInventory(JSON.stringify(one), "inv.json"),
      (err: unknown) =>
        err instanceof InputError &&
        err.describe() === "inv.json, veld producten.gebiedsscan.tevredenheid: tevredenheid is ten minste 1",
    );
    assert.throws(
      () => parseInventory('{"producten": {}}', "leeg.json"),
      (err: unknown) =>
        err instanceof InputError &&
        /^leeg\.json: 17 fouten: producten\.maandoverzicht: ontbreekt: geef ook een antwoord over Maandoverzicht \(VNG\/INP-model\);.*; en nog 7$/.test(
          err.describe(),
        ),
    );
    assert.throws(
      () => parseInventory("{ producten", "kapot.json"),
      (err: unknown) => err instanceof InputError && /^kapot\.json: geen geldige JSON/.test(err.describe()),
    );
  });
});
