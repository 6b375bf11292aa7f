import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import ExcelJS from "exceljs";
import { inventoryWith } from "../inventory/test-inventories.ts";
import type { ProductDocument } from "../products/product-document.ts";
import { addNevelland, commandTestFolder } from "./test-command-db.ts";

const t = commandTestFolder("inventaris", ["inventaris"]);
after(t.remove);
const { dir, run } = t;
const EXAMPLE = new URL("../../docs/voorbeeld-inventaris.json", import.meta.url).pathname;

/** The register's entries as [kind, user, what, sensitivity, legal basis]. */
const registerEntries = () =>
  t.register().map((e) => [e.kind, e.user, e.what, e.sensitivity, e.legalBasis?.split("@")[0] ?? null]);

// The demo's police structure, small: unit Nevelland (RE90) with four gemeenten, and a second unit;
// the demo users of every role, in Sperwerkerk and Kievitsrode.
before(() => addNevelland(t.db, ["GM9001", "GM9002", "GM9003", "GM9004", "GM9101"], { population: true }));

describe("driehoek inventaris", () => {
  it("saves a gemeente's inventory as a new version, by its mayor, adviser or beheerder, registered", async () => {
    const first = await run(
      "bewaar",
      "--bestand",
      EXAMPLE,
      "--gemeente",
      "GM9001",
      "--als",
      "burgemeester.sperwerkerk",
    );
    assert.equal(first.code, 0, first.err);
    assert.equal(
      first.out,
      "Inventaris van Sperwerkerk (GM9001) bewaard als versie 1, door burgemeester.sperwerkerk op 15 juni 2025. Vastgelegd in het verstrekkingenregister.\n",
    );
    const second = await run(
      "bewaar",
      "--bestand",
      EXAMPLE,
      "--gemeente",
      "gm9001",
      "--als",
      "oov.sperwerkerk",
    );
    assert.equal(second.code, 0, second.err);
    assert.match(second.out, /versie 2, door oov\.sperwerkerk/);
    const third = await run(
      "bewaar",
      "--bestand",
      EXAMPLE,
      "--gemeente",
      "GM9001",
      "--als",
      "beheer.sperwerkerk",
    );
    assert.equal(third.code, 0, third.err);
    assert.match(third.out, /versie 3, door beheer\.sperwerkerk/);

    const kievitsrode = join(dir, "kievitsrode.json");
    writeFileSync(
      kievitsrode,
      JSON.stringify(
        inventoryWith({
          maandoverzicht: { ontvangt: "ja", frequentie: "maandelijks", gewenst: "ja", tevredenheid: 2 },
          ondermijningsbeeld: { gewenst: "ja" },
        }),
      ),
    );
    const other = await run(
      "bewaar",
      "--bestand",
      kievitsrode,
      "--gemeente",
      "GM9002",
      "--als",
      "burgemeester.kievitsrode",
    );
    assert.equal(other.code, 0, other.err);

    assert.deepEqual(registerEntries(), [
      ["beheer", "burgemeester.sperwerkerk", "inventaris:GM9001", "open", null],
      ["beheer", "oov.sperwerkerk", "inventaris:GM9001", "open", null],
      ["beheer", "beheer.sperwerkerk", "inventaris:GM9001", "open", null],
      ["beheer", "burgemeester.kievitsrode", "inventaris:GM9002", "open", null],
    ]);
  });

  it("refuses a user of another gemeente, or without one of the roles, and saves nothing", async () => {
    const before = registerEntries().length;
    const cases: [string, RegExp][] = [
      [
        "burgemeester.kievitsrode",
        /mag de inventaris van GM9001 bewaren; burgemeester\.kievitsrode werkt niet voor die gemeente/,
      ],
      ["wethouder.sperwerkerk", /wethouder\.sperwerkerk heeft geen van die rollen/],
      ["teamchef.sperwerkerk", /teamchef\.sperwerkerk werkt niet voor die gemeente/],
      ["niemand", /Gebruiker niemand bestaat niet/],
    ];
    for (const [user, message] of cases) {
      const r = await run("bewaar", "--bestand", EXAMPLE, "--gemeente", "GM9001", "--als", user);
      assert.equal(r.code, 1, user);
      assert.match(r.err, message);
      assert.equal(r.out, "");
    }
    assert.equal(registerEntries().length, before);
    const shown = await run(
      "toon",
      "GM9001",
      "--json",
      "--als",
      "burgemeester.sperwerkerk",
      "--doel",
      "openbare-orde",
    );
    assert.equal(JSON.parse(shown.out).versie, 3);
  });

  it("names the file and field of a wrong inventory, and a file of another gemeente", async () => {
    const wrong = join(dir, "fout.json");
    writeFileSync(
      wrong,
      JSON.stringify(
        inventoryWith({ gebiedsscan: { ontvangt: "ja", frequentie: "jaarlijks", tevredenheid: 6 } }),
      ),
    );
    const r = await run(
      "bewaar",
      "--bestand",
      wrong,
      "--gemeente",
      "GM9001",
      "--als",
      "burgemeester.sperwerkerk",
    );
    assert.equal(r.code, 1);
    assert.equal(
      r.err,
      `Fout in invoer: ${wrong}, veld producten.gebiedsscan.tevredenheid: tevredenheid is ten hoogste 5\n`,
    );
    const elsewhere = await run(
      "bewaar",
      "--bestand",
      EXAMPLE,
      "--gemeente",
      "GM9002",
      "--als",
      "burgemeester.kievitsrode",
    );
    assert.equal(elsewhere.code, 1);
    assert.match(elsewhere.err, /veld gemeente: het bestand is van GM9001, niet van GM9002/);
    const unknown = await run(
      "bewaar",
      "--bestand",
      EXAMPLE,
      "--gemeente",
      "GM9999",
      "--als",
      "burgemeester.sperwerkerk",
    );
    assert.match(unknown.err, /het bestand is van GM9001, niet van GM9999/);
  });

  it("shows an inventory to its own gemeente, with who filled it in; an earlier version on request", async () => {
    const json = await run("toon", "GM9001", "--json", "--als", "oov.sperwerkerk", "--doel", "openbare-orde");
    assert.equal(json.code, 0, json.err);
    const shown = JSON.parse(json.out);
    assert.deepEqual(
      [shown.gemeente, shown.versie, shown.ingevuldDoor, shown.ingevuldOp],
      ["GM9001", 3, "beheer.sperwerkerk", "2025-06-15T10:00:00.000Z"],
    );
    assert.equal(shown.inventaris.producten.ondermijningsbeeld.gewenst, "ja");

    const v1 = await run(
      "toon",
      "GM9001",
      "--versie",
      "1",
      "--als",
      "burgemeester.sperwerkerk",
      "--doel",
      "openbare-orde",
    );
    assert.equal(v1.code, 0, v1.err);
    assert.match(
      v1.out,
      /^Inventaris informatiepositie GM9001, versie 1, ingevuld door burgemeester\.sperwerkerk op 15 juni 2025\./,
    );
    assert.match(v1.out, /Woninginbrakenmonitor +deels +elke maand +ja +elke week +3 +Nu alleen per wijk/);

    const none = await run("toon", "GM9003", "--als", "beheer.sperwerkerk");
    assert.equal(none.code, 0, none.err);
    assert.equal(none.out, "Er is nog geen inventaris van GM9003.\n");

    // Another gemeente's inventory, with its notes, is not for Kievitsrode or the police.
    for (const user of ["burgemeester.kievitsrode", "teamchef.sperwerkerk"]) {
      const r = await run("toon", "GM9001", "--als", user, "--doel", "openbare-orde");
      assert.equal(r.code, 1, user);
      assert.match(r.err, /Geen (toegang|grondslag)/);
    }
  });

  it("gives the regional summary as JSON to anyone with a content role, registered as open data", async () => {
    const before = registerEntries().length;
    const r = await run(
      "overzicht",
      "--formaat",
      "json",
      "--als",
      "teamchef.sperwerkerk",
      "--doel",
      "openbare-orde",
    );
    assert.equal(r.code, 0, r.err);
    const doc = JSON.parse(r.out) as ProductDocument;
    assert.equal(doc.title, "Informatiepositie burgemeesters, eenheid Nevelland");
    assert.deepEqual(doc.summary.slice(0, 2), [
      "2 van de 4 gemeenten hebben de inventaris ingevuld.",
      "Het meest gemist: Integraal ondermijningsbeeld (2 gemeenten) en Veiligheidsanalyse (1 gemeente).",
    ]);
    assert.equal(doc.disclosure?.legalBasis, "open-data");
    const perProduct = doc.sections
      .flatMap((s) => s.blocks)
      .find((b) => b.kind === "table" && b.id === "per-product");
    assert.ok(perProduct?.kind === "table");
    // Sperwerkerk (the example: 4) and Kievitsrode (2) get the Maandoverzicht.
    assert.deepEqual(perProduct.rows[0]?.cells, {
      product: "Maandoverzicht (VNG/INP-model)",
      ontvangt: 2,
      deels: 0,
      ontbreekt: 0,
      nietGewenst: 0,
      andereFrequentie: 0,
      tevredenheid: 3,
      oordelen: 2,
    });
    assert.deepEqual(registerEntries().slice(before), [
      ["verstrekking", "teamchef.sperwerkerk", "informatiepositie", "open", "open-data"],
    ]);

    const other = await run(
      "overzicht",
      "--eenheid",
      "re91",
      "--formaat",
      "json",
      "--als",
      "burgemeester.sperwerkerk",
      "--doel",
      "openbare-orde",
    );
    assert.equal(other.code, 0, other.err);
    assert.deepEqual(JSON.parse(other.out).summary, [
      "Nog geen enkele gemeente heeft de inventaris ingevuld (1 gemeente in deze eenheid).",
    ]);

    const cases: [string[], RegExp][] = [
      [["--als", "teamchef.sperwerkerk"], /Geen doel opgegeven/],
      [["--als", "beheer.sperwerkerk", "--doel", "openbare-orde"], /Geen toegang/],
      [
        ["--eenheid", "RE99", "--als", "teamchef.sperwerkerk", "--doel", "openbare-orde"],
        /eenheid "RE99" kennen we niet; kies uit RE90 \(Nevelland\), RE91 \(Heuvelland\)/,
      ],
      [
        ["--formaat", "geojson", "--als", "teamchef.sperwerkerk", "--doel", "openbare-orde"],
        /formaat "geojson" kennen we niet/,
      ],
    ];
    for (const [args, message] of cases) {
      const refused = await run("overzicht", "--formaat", "json", ...args);
      assert.equal(refused.code, 1, args.join(" "));
      assert.match(refused.err, message);
    }
  });

  it("writes the summary as an Excel workbook that reads back", async () => {
    const file = join(dir, "overzicht.xlsx");
    const r = await run(
      "overzicht",
      "--formaat",
      "xlsx",
      "--uit",
      file,
      "--als",
      "burgemeester.kievitsrode",
      "--doel",
      "ivp-monitoring",
    );
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /geschreven naar .*overzicht\.xlsx \(registernummer \d+\)/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    assert.deepEqual(
      wb.worksheets.map((w) => w.name),
      ["Toelichting", "ontbreekt", "per-product", "per-gemeente"],
    );
    const rows = (name: string) => {
      const ws = wb.getWorksheet(name);
      assert.ok(ws);
      const out: unknown[][] = [];
      ws.eachRow((row) => {
        out.push((row.values as unknown[]).slice(1));
      });
      return out;
    };
    const gaps = rows("ontbreekt");
    assert.deepEqual(gaps[1], [
      "Product",
      "Wil het, krijgt het niet",
      "Krijgt het deels",
      "Wil het (alle gemeenten)",
    ]);
    assert.deepEqual(gaps[2], ["Integraal ondermijningsbeeld", 2, 0, 2]);
    assert.deepEqual(gaps[3], ["Veiligheidsanalyse", 1, 0, 1]);
    const products = rows("per-product");
    const burglary = products.find((r) => r[0] === "Woninginbrakenmonitor");
    assert.deepEqual(burglary, ["Woninginbrakenmonitor", 0, 1, 0, 0, 1, 3, 1]);
    const gemeenten = rows("per-gemeente");
    assert.deepEqual(
      gemeenten.slice(2).map((r) => [r[0], r[2]]),
      [
        ["Kievitsrode", "ja"],
        ["Sperwerkerk", "ja"],
        ["Sperwervliet", "nee"],
        ["Varenstede", "nee"],
      ],
    );
    const explanation = rows("Toelichting").map((r) => r.join(" "));
    // A gemeente's own users get it under the gemeente's own legal basis; the police as open data.
    assert.ok(
      explanation.includes(
        "Wettelijke grondslag Algemene verordening gegevensbescherming artikel 6, eerste lid, onder e",
      ),
    );
    assert.ok(
      explanation.includes(
        "Tabelbeveiliging Niet nodig: dit overzicht telt gemeenten, geen personen of registraties.",
      ),
    );
  });
});
