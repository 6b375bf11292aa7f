import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { addNevelland, commandTestFolder } from "./test-command-db.ts";

const t = commandTestFolder("streefcijfers", ["streefcijfers"]);
after(t.remove);
const { dir, run } = t;
const EXAMPLE = new URL("../../docs/voorbeeld-streefcijfers.json", import.meta.url).pathname;
/** Reading targets goes through the gate: the gemeente's adviser, for the driehoek. */
const READ = ["--als", "oov.sperwerkerk", "--doel", "voorbereiding-driehoek"];
const registerEntries = () => t.register().map((e) => [e.kind, e.user, e.what, e.areas]);

before(() => addNevelland(t.db, ["GM9001", "GM9002"]));

describe("driehoek streefcijfers", () => {
  it("saves versions by the gemeente's oov-adviseur, burgemeester or beheerder, registered", async () => {
    const none = await run("toon", "GM9001", ...READ);
    assert.equal(none.out, "Er zijn nog geen streefcijfers van GM9001.\n");
    const first = await run(
      "bewaar",
      "--gemeente",
      "GM9001",
      "--bestand",
      EXAMPLE,
      "--als",
      "oov.sperwerkerk",
    );
    assert.equal(first.code, 0, first.err);
    assert.match(
      first.out,
      /Streefcijfers van Sperwerkerk \(GM9001\) bewaard als versie 1, door oov\.sperwerkerk/,
    );
    const second = await run(
      "bewaar",
      "--gemeente",
      "gm9001",
      "--bestand",
      EXAMPLE,
      "--als",
      "beheer.sperwerkerk",
    );
    assert.equal(second.code, 0, second.err);
    assert.match(second.out, /versie 2/);
    // The first read (nothing yet) is registered too, as a verstrekking to the adviser.
    const [read, ...entries] = registerEntries();
    assert.deepEqual(read?.slice(0, 2), ["verstrekking", "oov.sperwerkerk"]);
    assert.deepEqual(entries[0], [
      "beheer",
      "oov.sperwerkerk",
      "streefcijfers-bewaren:GM9001:v1",
      ["GM9001"],
    ]);
    assert.equal(entries[1]?.[0], "beheer");
    assert.equal(entries[1]?.[1], "beheer.sperwerkerk");

    const shown = await run("toon", "GM9001", ...READ);
    assert.equal(shown.code, 0, shown.err);
    assert.match(shown.out, /Streefcijfers GM9001, versie 2, bewaard door beheer\.sperwerkerk/);
    assert.match(shown.out, /Woninginbraak/);
    assert.match(shown.out, /-10% \(360\) in 2028/);
    const json = await run("toon", "GM9001", "--json", ...READ);
    assert.equal(JSON.parse(json.out).prioriteiten.length, 3);
  });

  it("refuses others: another gemeente's adviser, a teamchef, a wethouder", async () => {
    for (const user of ["oov.kievitsrode", "teamchef.sperwerkerk", "wethouder.sperwerkerk"]) {
      const r = await run("bewaar", "--gemeente", "GM9001", "--bestand", EXAMPLE, "--als", user);
      assert.equal(r.code, 1, user);
      assert.match(
        r.err,
        /Alleen de adviseur openbare orde en veiligheid, de burgemeester of de beheerder van gemeente GM9001/,
      );
    }
  });

  it("refuses a file of another gemeente and a file that does not fit, naming the field", async () => {
    const other = await run(
      "bewaar",
      "--gemeente",
      "GM9002",
      "--bestand",
      EXAMPLE,
      "--als",
      "oov.kievitsrode",
    );
    assert.equal(other.code, 1);
    assert.match(other.err, /het bestand is van GM9001, niet van GM9002/);
    const bad = join(dir, "fout.json");
    writeFileSync(
      bad,
      JSON.stringify({
        prioriteiten: [
          {
            titel: "X",
            inpCodes: ["1.1.1"],
            basisjaar: 2025,
            basiswaarde: -1,
            doel: { soort: "aantal", waarde: 5, jaar: 2027 },
          },
        ],
      }),
    );
    const r = await run("bewaar", "--gemeente", "GM9002", "--bestand", bad, "--als", "oov.kievitsrode");
    assert.equal(r.code, 1);
    assert.match(r.err, /veld prioriteiten\.0\.basiswaarde: basiswaarde is een aantal van 0 of meer/);
  });
});
