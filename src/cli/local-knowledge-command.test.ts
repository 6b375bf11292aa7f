import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { addNevelland, commandTestFolder } from "./test-command-db.ts";

const t = commandTestFolder("lokale-kennis", ["lokale-kennis"]);
after(t.remove);
const { dir, run } = t;
const file = (name: string, body: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(body));
  return path;
};
const registerEntries = () => t.register().map((e) => [e.kind, e.user, e.what]);

before(() => addNevelland(t.db, ["GM9002", "WK900101"], { population: true }));

describe("driehoek lokale-kennis", () => {
  it("saves the police team's and the gemeente's sections as versions, registered, and shows them", async () => {
    const team = file("team.json", { team: "Overlast bij het station.", ondertekening: "Team Centrum" });
    const first = await run(
      "bewaar",
      "--gebied",
      "gm9001",
      "--jaar",
      "2026",
      "--bestand",
      team,
      "--als",
      "teamchef.sperwerkerk",
    );
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /Sperwerkerk \(GM9001\) voor 2026 bewaard als versie 1 \(team\)/);
    const mine = file("gemeente.json", {
      gemeente: "Cameratoezicht uitgebreid.",
      prioriteiten: ["Woninginbraak"],
    });
    const second = await run(
      "bewaar",
      "--gebied",
      "GM9001",
      "--jaar",
      "2026",
      "--bestand",
      mine,
      "--als",
      "oov.sperwerkerk",
    );
    assert.equal(second.code, 0, second.err);
    assert.match(second.out, /versie 2/);
    assert.deepEqual(registerEntries().slice(-2), [
      ["beheer", "teamchef.sperwerkerk", "lokale-kennis:GM9001|2026"],
      ["beheer", "oov.sperwerkerk", "lokale-kennis:GM9001|2026"],
    ]);

    const shown = await run(
      "toon",
      "--gebied",
      "GM9001",
      "--jaar",
      "2026",
      "--als",
      "burgemeester.sperwerkerk",
      "--doel",
      "openbare-orde",
    );
    assert.equal(shown.code, 0, shown.err);
    assert.match(shown.out, /Overlast bij het station\.\n— Team Centrum, 15 juni 2025/);
    assert.match(shown.out, /Cameratoezicht uitgebreid\.\n— Gemeente Sperwerkerk, 15 juni 2025/);
    assert.match(shown.out, /1\. Woninginbraak/);
    assert.equal(registerEntries().at(-1)?.[0], "verstrekking");
  });

  it("refuses writers outside the area, without a writing role, or for the other side's section", async () => {
    const team = file("team2.json", { team: "x" });
    const mine = file("gemeente2.json", { prioriteiten: ["x"] });
    const before = registerEntries().length;
    const cases: [string, string, RegExp][] = [
      ["teamchef.kievitsrode", team, /buiten het gezagsgebied/],
      ["oov.kievitsrode", mine, /buiten het gezagsgebied/],
      ["wethouder.sperwerkerk", mine, /geen rol/],
      ["partner.sperwerkerk", team, /gemeente of de politie/],
      ["teamchef.sperwerkerk", mine, /schrijft de gemeente/],
      ["analist.sperwerkerk", team, /schrijft de politie/],
    ];
    for (const [user, path, message] of cases) {
      const r = await run("bewaar", "--gebied", "GM9001", "--jaar", "2026", "--bestand", path, "--als", user);
      assert.equal(r.code, 1, user);
      assert.match(r.err, message, user);
    }
    assert.equal(registerEntries().length, before, "nothing registered, nothing saved");
  });

  it("names the field of a wrong file and refuses an unknown area or year", async () => {
    const wrong = file("wrong.json", { bewoners: 12 });
    const r = await run(
      "bewaar",
      "--gebied",
      "GM9001",
      "--jaar",
      "2026",
      "--bestand",
      wrong,
      "--als",
      "oov.sperwerkerk",
    );
    assert.equal(r.code, 1);
    assert.match(r.err, /bewoners is tekst/);
    const area = await run(
      "bewaar",
      "--gebied",
      "GM0000",
      "--jaar",
      "2026",
      "--bestand",
      file("ok.json", { bewoners: "x" }),
      "--als",
      "oov.sperwerkerk",
    );
    assert.match(area.err, /GM0000 is onbekend/);
    const year = await run(
      "toon",
      "--gebied",
      "GM9001",
      "--jaar",
      "26",
      "--als",
      "oov.sperwerkerk",
      "--doel",
      "openbare-orde",
    );
    assert.match(year.err, /jaar "26" klopt niet/);
  });
});
