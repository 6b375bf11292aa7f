import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { loadOrCreateKey } from "../disclosure/keys.ts";
import { pseudonym } from "../disclosure/record-protection/protect-record.ts";
import { commandTestFolder } from "./test-command-db.ts";

const t = commandTestFolder("herleid");
after(t.remove);
const { dir, run } = t;

describe("driehoek herleid: re-identification only where a legal basis allows person data", () => {
  it("gives the police the delivered pseudonym behind a product's pseudonym, registered; refuses the mayor", async () => {
    const file = join(dir, "levering.csv");
    writeFileSync(
      file,
      "registratienummer;inp_code;pleegdatum_begin;gemeentecode;personen\nA1;1.1.1;2024-03-01 10:00;GM0344;verdachte:PS-77|slachtoffer:PS-12\n",
    );
    assert.equal((await run("ingest", file, "--bron", "politie-test")).code, 0);
    await run(
      "organisatie",
      "toevoegen",
      "--id",
      "politie",
      "--naam",
      "P",
      "--soort",
      "politie",
      "--gebied",
      "GM0344",
    );
    await run(
      "organisatie",
      "toevoegen",
      "--id",
      "gm0344",
      "--naam",
      "G",
      "--soort",
      "gemeente",
      "--gebied",
      "GM0344",
    );
    await run(
      "gebruiker",
      "toevoegen",
      "--id",
      "analist",
      "--naam",
      "A",
      "--rol",
      "politie-analist",
      "--organisatie",
      "politie",
    );
    await run(
      "gebruiker",
      "toevoegen",
      "--id",
      "bm",
      "--naam",
      "B",
      "--rol",
      "burgemeester",
      "--organisatie",
      "gm0344",
    );
    const key = loadOrCreateKey(join(dir, "sleutels"), "pseudoniem");
    const shown = pseudonym(key, "persoon", "PS-77");
    const r = await run("herleid", shown, "--gebied", "GM0344", "--als", "analist", "--doel", "politietaak");
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out.trim(), "PS-77");
    const last = t.register().at(-1);
    assert.deepEqual(
      [last?.what, last?.user, last?.sensitivity, last?.legalBasis?.split("@")[0]],
      ["herleiding", "analist", "person", "wpg-8"],
    );
    const mayor = await run("herleid", shown, "--gebied", "GM0344", "--als", "bm", "--doel", "openbare-orde");
    assert.equal(mayor.code, 1);
    assert.match(mayor.err, /Geen grondslag/);
    assert.match(
      (await run("herleid", "PS-77", "--gebied", "GM0344", "--als", "analist", "--doel", "politietaak")).err,
      /pseudoniem ziet eruit als/,
    );
  });
});
