import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { openDuckDbStore } from "../store/duckdb/duckdb-store.ts";
import { commandTestFolder } from "./test-command-db.ts";

const t = commandTestFolder("retentie");
after(t.remove);
const { dir, db, run } = t;

describe("driehoek retentie", () => {
  it("deletes registrations past their term (60 months) and registers it per category", async () => {
    // The in-process clock says 15 June 2025: registrations before 15 June 2020 have expired.
    const file = join(dir, "levering.csv");
    writeFileSync(
      file,
      [
        "registratienummer;inp_code;pleegdatum_begin;x;y",
        "A1;1.1.1;2015-03-01 10:00;121500;487500",
        "A2;1.1.1;2024-03-01 10:00;121500;487500",
      ].join("\n"),
    );
    assert.equal((await run("ingest", file, "--bron", "politie-test")).code, 0);
    const r = await run("retentie");
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Verwijderd: 1 registraties, 0 oudere versies, 0 regels in quarantaine/);
    const store = await openDuckDbStore(db);
    try {
      assert.equal((await store.registrationVersions("politie-test", "A1")).length, 0);
      assert.equal((await store.registrationVersions("politie-test", "A2")).length, 1);
    } finally {
      await store.close();
    }
    assert.deepEqual(
      t.register().map((e) => [e.kind, e.user, e.what, e.count, e.period]),
      [
        ["retentie", "systeem", "retentie:registraties", 1, "tot 2020-06-15"],
        ["retentie", "systeem", "retentie:registratiegeschiedenis", 0, "tot 2023-06-15"],
        ["retentie", "systeem", "retentie:quarantaine", 0, "tot 2024-06-15"],
      ],
    );
    assert.equal((await run("register", "verify")).code, 0);
  });
});
