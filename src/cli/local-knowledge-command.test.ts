import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { demoUserAccounts, planDemoAccounts } from "../demo/demo-accounts.ts";
import type { Area, AreaLevel } from "../domain/area.ts";
import { openDuckDbStore } from "../store/duckdb/duckdb-store.ts";
import { runInProcess } from "./run-in-process.ts";

const dir = mkdtempSync(join(tmpdir(), "driehoek-lokale-kennis-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, "lk.duckdb");
const registerFile = join(dir, "verstrekkingenregister.jsonl");
const run = (...args: string[]) => runInProcess(["lokale-kennis", ...args, "--db", db]);
const file = (name: string, body: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(body));
  return path;
};
const registerEntries = () =>
  readFileSync(registerFile, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l))
    .map((e) => [e.kind, e.user, e.what]);

before(async () => {
  const store = await openDuckDbStore(db);
  try {
    const area = (code: string, level: AreaLevel, name: string, parent: string | null): Area => ({
      code,
      level,
      year: 2026,
      name,
      parent,
      wgs84: null,
      rd: null,
    });
    await store.importAreas([
      area("RE90", "eenheid", "Nevelland", null),
      area("RE90D1", "district", "District Sperwerkerk", "RE90"),
      area("RE90B01", "basisteam", "Sperwerkerk", "RE90D1"),
      area("RE90B02", "basisteam", "Kievitsrode e.o.", "RE90D1"),
      area("GM9001", "gemeente", "Sperwerkerk", "RE90B01"),
      area("GM9002", "gemeente", "Kievitsrode", "RE90B02"),
      area("WK900101", "wijk", "Binnenstad", "GM9001"),
    ]);
    await store.importPopulation([
      { code: "GM9001", year: 2026, population: 244285 },
      { code: "GM9002", year: 2026, population: 38966 },
    ]);
    const plan = planDemoAccounts(await store.listAreas());
    for (const o of plan.organisations) await store.saveOrganisation(o);
    for (const u of demoUserAccounts(plan, "geen-wachtwoord", new Date("2025-01-01T00:00:00Z")))
      await store.saveUser(u);
  } finally {
    await store.close();
  }
});

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
