import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { runInProcess } from "./run-in-process.ts";
import { addTestAccounts, adminAs, readAs } from "./test-accounts.ts";

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
});
