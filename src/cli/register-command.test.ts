import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { runInProcess } from "./run-in-process.ts";
import { addTestAccounts, adminAs, fgAs, readAs } from "./test-accounts.ts";

const dir = mkdtempSync(join(tmpdir(), "driehoek-register-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, "r.duckdb");
const registerFile = join(dir, "verstrekkingenregister.jsonl");
const run = (...args: string[]) => runInProcess([...args, "--db", db]);
before(() => addTestAccounts(db));

describe("commands read through the gate, and the register records and verifies it", () => {
  it("no --als, an unknown user or no purpose: nothing is shown", async () => {
    const cases: [string[], RegExp][] = [
      [["gebieden"], /geef --als GEBRUIKER/],
      [["gebieden", "--als", "niemand", "--doel", "openbare-orde"], /Gebruiker niemand bestaat niet/],
      [["gebieden", "--als", "analist"], /Geen doel opgegeven/],
      [["leveringen", "--als", "analist"], /alleen voor de beheerder/],
    ];
    for (const [args, message] of cases) {
      const r = await run(...args);
      assert.equal(r.code, 1, args.join(" "));
      assert.match(r.err, message);
      assert.equal(r.out, "");
    }
  });

  it("each read is one register entry; verify passes, and fails on an edit or a cut", async () => {
    assert.equal((await run("gebieden", ...readAs)).code, 0);
    assert.equal((await run("leveringen", ...adminAs)).code, 0);
    const lines = readFileSync(registerFile, "utf8").split("\n").filter(Boolean);
    assert.deepEqual(
      lines.map((l) => {
        const e = JSON.parse(l);
        return [e.seq, e.kind, e.user, e.what, e.purpose, e.legalBasis?.split("@")[0] ?? null];
      }),
      [
        [1, "verstrekking", "analist", "gebieden", "statistiek-en-onderzoek", "open-data"],
        [2, "beheer", "beheer", "leveringen", "beheer", null],
      ],
    );
    const ok = await run("register", "verify");
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /in orde: 2 regels/);

    writeFileSync(registerFile, `${lines[0]}\n`);
    const cut = await run("register", "verify");
    assert.equal(cut.code, 2);
    assert.match(cut.err, /ingekort: het eindigt bij volgnummer 1, vastgelegd is 2/);

    writeFileSync(registerFile, `${(lines[0] as string).replace("analist", "analyst")}\n${lines[1]}\n`);
    const edited = await run("register", "verify");
    assert.match(edited.err, /regel 1 .*gewijzigd/);
  });

  it("an anchor kept outside shows when the register and the database are rolled back together", async () => {
    const copy = (from: string, to: string) => {
      for (const suffix of ["", ".wal"]) {
        if (existsSync(from + suffix)) copyFileSync(from + suffix, to + suffix);
        else rmSync(to + suffix, { force: true });
      }
    };
    // A store of its own (the register lives next to the database).
    const own = mkdtempSync(join(tmpdir(), "driehoek-anker-"));
    after(() => rmSync(own, { recursive: true, force: true }));
    const fresh = join(own, "a.duckdb");
    const freshRegister = join(own, "verstrekkingenregister.jsonl");
    const runFresh = (...args: string[]) => runInProcess([...args, "--db", fresh]);
    await addTestAccounts(fresh);
    assert.equal((await runFresh("gebieden", ...readAs)).code, 0);
    // State A: a copy of the database and the register as they are now.
    const saved = join(own, "saved");
    copy(fresh, `${saved}.duckdb`);
    copy(freshRegister, `${saved}.jsonl`);
    // State B: one more disclosure; the FG notes the anchor outside driehoek.
    assert.equal((await runFresh("gebieden", ...readAs)).code, 0);
    const anchor = await runFresh("register", "anker");
    assert.equal(anchor.code, 0, anchor.err);
    assert.match(anchor.out, /^2:[0-9a-f]{64}\n$/);
    // Someone with write access rolls both back to state A: the register alone cannot tell…
    copy(`${saved}.duckdb`, fresh);
    copy(`${saved}.jsonl`, freshRegister);
    assert.equal((await runFresh("register", "verify")).code, 0);
    // …the anchor can.
    const checked = await runFresh("register", "verify", "--anker", anchor.out.trim());
    assert.equal(checked.code, 2);
    assert.match(
      checked.err,
      /teruggezet of ingekort: het eindigt bij volgnummer 1, maar een anker buiten driehoek noemt volgnummer 2/,
    );
    const bad = await runFresh("register", "verify", "--anker", "2:xyz");
    assert.equal(bad.code, 1);
    assert.match(bad.err, /VOLGNUMMER:HASH/);
  });

  it("exports the register as CSV for the FG only, and registers the export", async () => {
    const denied = await run("register", "export", ...readAs);
    assert.equal(denied.code, 1);
    assert.match(denied.err, /alleen voor de functionaris gegevensbescherming/);
    const before = readFileSync(registerFile, "utf8").split("\n").filter(Boolean).length;
    const csv = await run("register", "export", ...fgAs);
    assert.equal(csv.code, 0, csv.err);
    const rows = csv.out.trimEnd().split("\r\n");
    assert.equal(
      rows[0],
      "volgnummer;tijdstip;soort;gebruiker;rollen;organisatie;doel;grondslag;beleid;wat;gebieden;periode;gevoeligheid;aantal;inhoudshash;verwijzing;hash",
    );
    assert.equal(rows.length, before + 1);
    const after = readFileSync(registerFile, "utf8").split("\n").filter(Boolean);
    const last = JSON.parse(after[after.length - 1] as string);
    assert.deepEqual(
      [last.kind, last.user, last.what, last.purpose, last.count],
      ["beheer", "fg", "verstrekkingenregister", "toezicht", before],
    );
    const none = await run("register", "export", ...fgAs, "--van", "2999-01-01");
    assert.equal(none.out.trimEnd().split("\r\n").length, 1, "only the header");
    assert.match(
      (await run("register", "export", ...fgAs, "--van", "gisteren")).err,
      /--van is een datum als JJJJ-MM-DD/,
    );
  });
});
