import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Requester } from "../../disclosure/disclosure-gate.ts";
import { InputError } from "../../domain/errors.ts";
import { openDuckDbStore } from "../../store/duckdb/duckdb-store.ts";
import {
  checkLocalKnowledge,
  knowledgeBlocks,
  MAX_TEXT,
  mergeLocalKnowledge,
  parseLocalKnowledge,
  readLocalKnowledge,
  saveLocalKnowledge,
} from "./local-knowledge.ts";
import { saveLocalKnowledgeAs, writeProblem } from "./local-knowledge-access.ts";

const problems = (json: unknown) => {
  const r = checkLocalKnowledge(json);
  return r.ok ? [] : r.problems.map((p) => p.message);
};

describe("local knowledge: the file", () => {
  it("accepts the sections and priorities", () => {
    const r = checkLocalKnowledge({
      team: "Veel overlast rond het station.",
      prioriteiten: ["Ondermijning"],
    });
    assert.equal(r.ok, true);
  });

  it("names the field in Dutch when something is wrong", () => {
    assert.match(problems({ team: 3 })[0] ?? "", /^team is tekst/);
    assert.match(
      problems({ bewoners: "x".repeat(MAX_TEXT + 1) })[0] ?? "",
      /^bewoners is te lang: hooguit 4000 tekens/,
    );
    assert.match(problems({ gemeente: "a\u0007b" })[0] ?? "", /^gemeente bevat tekens/);
    assert.match(problems({ prioriteiten: "drugs" })[0] ?? "", /^prioriteiten is een lijst/);
    assert.match(problems({ prioriteiten: ["  "] })[0] ?? "", /^prioriteiten: een prioriteit is leeg/);
    assert.match(problems({ wijk: "x" })[0] ?? "", /onbekend veld "wijk"/);
    assert.match(problems({})[0] ?? "", /geef minstens één van team/);
    assert.throws(() => parseLocalKnowledge("{", "lk.json"), InputError);
    assert.throws(
      () => parseLocalKnowledge('{"team": 1}', "lk.json"),
      (e: InputError) => e.field === "team" && e.file === "lk.json",
    );
  });

  it("merges sections, keeps the others with their writers, and removes an empty one", () => {
    const t1 = new Date("2026-03-03T10:00:00Z");
    const t2 = new Date("2026-04-01T10:00:00Z");
    const a = mergeLocalKnowledge(
      null,
      { team: " Inbraken in Noord. ", ondertekening: "Team Centrum" },
      { user: "tc", signature: "Politie" },
      t1,
    );
    const b = mergeLocalKnowledge(
      a,
      { gemeente: "Nieuwe camera's.", prioriteiten: ["Woninginbraak"] },
      { user: "oov", signature: "Gemeente X" },
      t2,
    );
    assert.deepEqual(b.team, {
      tekst: "Inbraken in Noord.",
      door: "Team Centrum",
      gebruiker: "tc",
      op: t1.toISOString(),
    });
    assert.equal(b.gemeente?.door, "Gemeente X");
    const c = mergeLocalKnowledge(b, { team: "" }, { user: "tc", signature: "Politie" }, t2);
    assert.equal(c.team, undefined);
    assert.deepEqual(knowledgeBlocks(a, "team"), [
      { kind: "text", paragraphs: ["Inbraken in Noord."], author: "Team Centrum, 3 maart 2026" },
    ]);
    assert.deepEqual(knowledgeBlocks(b, "prioriteiten")[0]?.paragraphs, ["1. Woninginbraak"]);
  });

  it("round-trips through the store as versions; the newest wins", async () => {
    const store = await openDuckDbStore(":memory:");
    try {
      const who = { user: "tc", signature: "Team Centrum" };
      await saveLocalKnowledge(
        store,
        "GM9001",
        2026,
        { team: "Eerst <b>dit</b>." },
        who,
        new Date("2026-03-03T10:00:00Z"),
      );
      const v2 = await saveLocalKnowledge(
        store,
        "GM9001",
        2026,
        { bewoners: "Dan dat." },
        who,
        new Date("2026-03-04T10:00:00Z"),
      );
      assert.equal(v2.version, 2);
      const read = await readLocalKnowledge(store, "GM9001", 2026);
      assert.equal(read?.version, 2);
      assert.equal(read?.body.team?.tekst, "Eerst <b>dit</b>.", "as written; the renderers escape");
      assert.equal(read?.body.bewoners?.tekst, "Dan dat.");
      assert.equal(await readLocalKnowledge(store, "GM9001", 2025), null);
      assert.equal((await store.documentHistory("lokale-kennis", "GM9001|2026")).length, 2);
    } finally {
      await store.close();
    }
  });
});

describe("local knowledge: who may write", () => {
  const lineage = (code: string) =>
    ({
      GM9001: ["RE90B01", "RE90D1", "RE90", "NL"],
      WK900101: ["GM9001", "RE90B01", "RE90D1", "RE90", "NL"],
    })[code] ?? ["NL"];
  const user = (roles: string[], kind: string, authority: string[]): Requester => ({
    user: "u",
    roles,
    organisation: { id: "org", kind, authority },
  });
  const team = { team: "x" };
  const mine = { gemeente: "x", prioriteiten: ["y"] };

  it("lets the gemeente's own roles and the police of the area write their sections", () => {
    for (const r of ["burgemeester", "oov-adviseur", "analist-gemeente"])
      assert.equal(writeProblem(user([r], "gemeente", ["GM9001"]), "GM9001", lineage, mine), null, r);
    assert.equal(
      writeProblem(user(["oov-adviseur"], "gemeente", ["GM9001"]), "WK900101", lineage, mine),
      null,
    );
    for (const r of ["teamchef", "politie-analist"])
      assert.equal(writeProblem(user([r], "politie", ["RE90B01"]), "GM9001", lineage, team), null, r);
    assert.equal(
      writeProblem(user(["teamchef"], "politie", ["RE90D1"]), "GM9001", lineage, { bewoners: "x" }),
      null,
    );
  });

  it("refuses others, other areas, and the other side's sections", () => {
    assert.match(
      writeProblem(user(["wethouder"], "gemeente", ["GM9001"]), "GM9001", lineage, mine) ?? "",
      /geen rol/,
    );
    assert.match(
      writeProblem(user(["oov-adviseur"], "gemeente", ["GM9002"]), "GM9001", lineage, mine) ?? "",
      /buiten het gezagsgebied/,
    );
    assert.match(
      writeProblem(user(["teamchef"], "politie", ["RE90B02"]), "GM9001", lineage, team) ?? "",
      /buiten/,
    );
    assert.match(
      writeProblem(user(["partner"], "partner", ["GM9001"]), "GM9001", lineage, team) ?? "",
      /gemeente of de politie/,
    );
    assert.match(
      writeProblem(user(["teamchef"], "politie", ["RE90B01"]), "GM9001", lineage, mine) ?? "",
      /schrijft de gemeente/,
    );
    assert.match(
      writeProblem(user(["oov-adviseur"], "gemeente", ["GM9001"]), "GM9001", lineage, team) ?? "",
      /schrijft de politie/,
    );
  });

  it("records a write and saves nothing when refused", async () => {
    const store = await openDuckDbStore(":memory:");
    try {
      const recorded: unknown[] = [];
      const deps = {
        store,
        lineage,
        record: (f: unknown) => recorded.push(f),
        now: () => new Date("2026-03-03T10:00:00Z"),
      };
      await saveLocalKnowledgeAs(
        deps,
        user(["teamchef"], "politie", ["RE90B01"]),
        "GM9001",
        2026,
        team,
        "Team Centrum",
      );
      assert.equal(recorded.length, 1);
      assert.match(JSON.stringify(recorded[0]), /"kind":"beheer".*"what":"lokale-kennis:GM9001\|2026"/);
      await assert.rejects(
        saveLocalKnowledgeAs(deps, user(["teamchef"], "politie", ["RE90B01"]), "GM9001", 2026, mine, "x"),
        /schrijft de gemeente/,
      );
      assert.equal(recorded.length, 1);
      assert.equal((await store.documentHistory("lokale-kennis", "GM9001|2026")).length, 1);
    } finally {
      await store.close();
    }
  });
});
