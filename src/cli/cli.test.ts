// The commands end to end, in process, on the real reference files in ../shared/data.

import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { runInProcess } from "./run-in-process.ts";
import { addTestAccounts, adminAs, readAs } from "./test-accounts.ts";

const shared = fileURLToPath(new URL("../../../shared/data/", import.meta.url));
const hasShared = existsSync(shared);
const skip = hasShared ? false : `${shared} ontbreekt: tests op de echte referentiebestanden overgeslagen`;
const dir = mkdtempSync(join(tmpdir(), "driehoek-cli-"));
const db = join(dir, "cli.duckdb");
after(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => runInProcess([...args, "--db", db]);
/** Reads through the gate, as a gemeente's analyst (open data) or the beheerder. */
const read = (...args: string[]) => run(...args, ...readAs);
const admin = (...args: string[]) => run(...args, ...adminAs);
before(() => addTestAccounts(db));

describe("driehoek import and gebieden on the real CBS files", { skip }, () => {
  it("imports the BVH -> INP classification", async () => {
    const r = await run("import", "classificatie", join(shared, "inp2013_bvh.csv"));
    assert.equal(r.code, 0, r.err);
    // SOURCES.md §10: 648 rows, one per BVH code.
    assert.match(r.out, /^648 BVH-codes geladen/);
  });

  it("imports gemeente boundaries, population and the police units, and lists them", async () => {
    const g = await run(
      "import",
      "gebieden",
      join(shared, "gemeente_2025.geojson"),
      "--niveau",
      "gemeente",
      "--jaar",
      "2025",
    );
    assert.equal(g.code, 0, g.err);
    assert.match(g.out, /^342 gebieden \(gemeente, 2025\) geladen/);
    const p = await run(
      "import",
      "bevolking",
      join(shared, "gemeente_bevolking_oppervlakte_2024.csv"),
      "--jaar",
      "2024",
    );
    assert.equal(p.code, 0, p.err);
    assert.match(p.out, /^342 inwoneraantallen geladen/);
    const i = await run(
      "import",
      "indeling",
      join(shared, "gemeente_politie_eenheid_2025_derived.csv"),
      "--jaar",
      "2025",
    );
    assert.equal(i.code, 0, i.err);
    const e = await run(
      "import",
      "gebieden",
      join(shared, "regionale_eenheid_2025.geojson"),
      "--niveau",
      "eenheid",
      "--jaar",
      "2025",
    );
    assert.match(e.out, /^10 gebieden \(eenheid, 2025\) geladen/);

    const list = await read("gebieden", "--niveau", "gemeente", "--json");
    const areas = JSON.parse(list.out) as {
      code: string;
      naam: string;
      bovenliggend: string;
      inwoners: number;
    }[];
    assert.equal(areas.length, 342);
    // SOURCES.md: the population total is 17,942,942 (CBS); Amsterdam 931,298 in RE05.
    assert.equal(
      areas.reduce((s, a) => s + a.inwoners, 0),
      17_942_942,
    );
    const ams = areas.find((a) => a.code === "GM0363");
    assert.deepEqual([ams?.naam, ams?.inwoners, ams?.bovenliggend], ["Amsterdam", 931_298, "RE05"]);
    const units = JSON.parse((await read("gebieden", "--niveau", "eenheid", "--json")).out) as {
      code: string;
    }[];
    assert.deepEqual(
      units.map((u) => u.code),
      ["RE01", "RE02", "RE03", "RE04", "RE05", "RE06", "RE07", "RE08", "RE09", "RE10"],
    );
    const text = await read("gebieden", "--niveau", "gemeente");
    assert.match(text.out, /GM0363\s+Amsterdam\s+gemeente\s+2025\s+RE05\s+931\.298/);
  });

  it("loads the StatLine CSV export as aggregate cells, names resolved to codes", async () => {
    const r = await run("ingest", join(shared, "statline_misdrijven_gemeente_2024.csv"), "--bron", "cbs");
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /statline\) geladen/);
    const again = await run("ingest", join(shared, "statline_misdrijven_gemeente_2024.csv"), "--bron", "cbs");
    assert.match(again.out, /al geladen/);
    const list = JSON.parse((await admin("leveringen", "--json")).out) as {
      id: number;
      format: string;
      counts: { aggregates: number; quarantined: number };
    }[];
    const d = list.find((x) => x.format === "statline");
    assert.ok(d && d.counts.aggregates > 300, JSON.stringify(d));
    const q = JSON.parse((await admin("quarantaine", String(d.id), "--json")).out) as { reason: string }[];
    assert.equal(q.length, d.counts.quarantined);
  });

  it("loads a registration file and shows its quarantine", async () => {
    const file = join(dir, "export.csv");
    writeFileSync(
      file,
      [
        "registratienummer;maatschappelijke_klasse;pleegdatum_begin;x;y",
        "A1;A20;2025-03-01 10:00;121500;487500",
        "A2;A20;2025-02-31 10:00;121500;487500",
      ].join("\n"),
    );
    const r = await run("ingest", file, "--bron", "politie-amsterdam");
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /2 gelezen, 1 nieuw, .*1 in quarantaine/);
    assert.match(r.out, /Genegeerde kolommen|driehoek quarantaine \d+/);
    const id = /quarantaine (\d+)/.exec(r.out)?.[1] ?? "";
    const q = await admin("quarantaine", id);
    assert.match(q.out, /export\.csv, regel 3, veld pleegdatum_begin: datum bestaat niet/);
  });
});

describe("driehoek errors", () => {
  it("names file, line and field for a file it cannot read, and exits non-zero", async () => {
    const file = join(dir, "kapot.csv");
    writeFileSync(file, "nummer;datum\n1;2024-01-01\n");
    const r = await run("ingest", file, "--bron", "x");
    assert.equal(r.code, 1);
    assert.match(r.err, /kapot\.csv, regel 1, veld registratienummer: verplichte kolommen ontbreekt/);
    const missing = await run("ingest", join(dir, "bestaat-niet.csv"), "--bron", "x");
    assert.equal(missing.code, 1);
    assert.match(missing.err, /bestaat-niet\.csv: bestand niet gevonden/);
  });

  it("says so when the port is taken, and exits non-zero", async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", () => r()));
    const port = String((blocker.address() as AddressInfo).port);
    try {
      const r = await run("serve", "--poort", port);
      assert.equal(r.code, 1);
      assert.match(r.err, new RegExp(`Poort ${port} is al in gebruik`));
    } finally {
      blocker.close();
    }
  });

  it("refuses an unknown level", async () => {
    const r = await read("gebieden", "--niveau", "provincie");
    assert.equal(r.code, 1);
    assert.match(r.err, /niveau "provincie" bestaat niet/);
  });
});
