import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { commandTestFolder } from "./test-command-db.ts";

const t = commandTestFolder("quarantaine");
after(t.remove);
const { dir, run } = t;

describe("driehoek quarantaine: the raw line only for police", () => {
  it("shows the beheerder file, line, field and reason, and the raw line only to a beheerder who is police", async () => {
    const file = join(dir, "levering.csv");
    writeFileSync(
      file,
      "registratienummer;inp_code;pleegdatum_begin;x;y\nA1;1.1.1;2024-02-31 10:00;121500;487500 Jan de Vries\n",
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
      "RE01",
    );
    await run("gebruiker", "toevoegen", "--id", "beheer", "--naam", "B", "--rol", "beheerder");
    await run(
      "gebruiker",
      "toevoegen",
      "--id",
      "beheer.politie",
      "--naam",
      "BP",
      "--rol",
      "beheerder,politie-analist",
      "--organisatie",
      "politie",
    );
    const plain = await run("quarantaine", "1", "--als", "beheer");
    assert.equal(plain.code, 0, plain.err);
    assert.match(plain.out, /regel 2, veld pleegdatum_begin: datum bestaat niet/);
    assert.match(plain.out, /regel afgeschermd: alleen voor de politie/);
    assert.doesNotMatch(plain.out, /Jan de Vries/);
    const police = await run("quarantaine", "1", "--als", "beheer.politie");
    assert.match(police.out, /Jan de Vries/);
  });
});
