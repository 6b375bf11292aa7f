import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { InputError } from "../../domain/errors.ts";
import { ROLE_IDS } from "../../domain/roles.ts";
import { DEFAULT_CONFIG_DIR, loadLegalBasisRegistry, parsePurpose } from "./legal-basis-registry.ts";

const shipped = loadLegalBasisRegistry();

// biome-ignore lint/suspicious/noExplicitAny: the tests edit the JSON files freely, also into invalid shapes
type AnyJson = any;

/** A config dir with the shipped files, one of them changed by `edit`. */
function changed(file: "grondslagen.json" | "doelen.json", edit: (json: AnyJson) => void): string {
  const dir = mkdtempSync(join(tmpdir(), "grondslagen-"));
  for (const f of ["grondslagen.json", "doelen.json"]) {
    const json = JSON.parse(readFileSync(join(DEFAULT_CONFIG_DIR, f), "utf8"));
    if (f === file) edit(json);
    writeFileSync(join(dir, f), JSON.stringify(json));
  }
  return dir;
}

describe("the shipped registry of legal bases (issue 4, DESIGN.md §4)", () => {
  it("has the provisions the issue names, with a version", () => {
    const ids = shipped.bases.map((b) => b.id);
    for (const id of ["wpg-16-1-c", "wpg-19", "wpg-20", "wpg-22", "wjsg-39f", "avg-6-1-e", "open-data"]) {
      assert.ok(ids.includes(id), id);
    }
    assert.match(shipped.version, /^\d{4}-\d{2}-\d{2}(\.\d+)?$/);
  });

  it("art. 39f WJSG covers exactly purposes a–g and criminal-procedure data, per decision", () => {
    const b = shipped.bases.find((x) => x.id === "wjsg-39f");
    assert.deepEqual(
      b?.doelen,
      ["a", "b", "c", "d", "e", "f", "g"].map((l) => `39f-${l}`),
    );
    assert.equal(b?.hoogsteGevoeligheid, "criminal-procedure");
    assert.ok(b?.voorwaarden.some((v) => v.soort === "besluit"));
  });

  it("criminal enforcement information reaches the mayor only aggregated (art. 16 Wpg)", () => {
    const b = shipped.bases.find((x) => x.id === "wpg-16-1-c");
    assert.ok(b?.voorwaarden.some((v) => v.soort === "strafrechtelijk-alleen-geaggregeerd"));
    assert.ok(b?.ontvangers.includes("burgemeester"));
    assert.ok(!b?.ontvangers.includes("wethouder"), "a wethouder is not the mayor");
  });

  it("art. 22 Wpg and open data allow no more than aggregated and open", () => {
    const level = (id: string) => shipped.bases.find((x) => x.id === id)?.hoogsteGevoeligheid;
    assert.equal(level("wpg-22"), "aggregated");
    assert.equal(level("open-data"), "open");
  });

  it("every content role has some legal basis; the FG and the beheerder have none", () => {
    const covered = new Set(shipped.bases.flatMap((b) => b.ontvangers));
    for (const role of ROLE_IDS) {
      if (role === "fg" || role === "beheerder") assert.ok(!covered.has(role), role);
      else assert.ok(covered.has(role), role);
    }
  });
});

describe("loading a changed registry", () => {
  it("an unknown role names the file and field", () => {
    const dir = changed("grondslagen.json", (j) => {
      j.grondslagen[1].ontvangers.push("koning");
    });
    assert.throws(
      () => loadLegalBasisRegistry(dir),
      (e: unknown) =>
        e instanceof InputError &&
        e.file.endsWith("grondslagen.json") &&
        e.field === "grondslagen.1.ontvangers.5",
    );
  });

  it("an unknown sensitivity, condition kind or purpose is refused", () => {
    const cases: [string, (j: AnyJson) => void][] = [
      ["grondslagen.0.hoogsteGevoeligheid", (j) => (j.grondslagen[0].hoogsteGevoeligheid = "geheim")],
      ["grondslagen.0.voorwaarden.0.soort", (j) => (j.grondslagen[0].voorwaarden[0].soort = "mag-altijd")],
      ["grondslagen.2.doelen.0", (j) => (j.grondslagen[2].doelen[0] = "nieuwsgierigheid")],
      ["grondslagen.3.id", (j) => (j.grondslagen[3].id = "wpg-16-1-c")],
    ];
    for (const [field, edit] of cases) {
      assert.throws(
        () => loadLegalBasisRegistry(changed("grondslagen.json", edit)),
        (e: unknown) => e instanceof InputError && e.field === field,
        field,
      );
    }
  });

  it("a file that is not JSON", () => {
    const dir = changed("doelen.json", () => {});
    writeFileSync(join(dir, "doelen.json"), "{ doelen: ");
    assert.throws(() => loadLegalBasisRegistry(dir), /geen geldige JSON/);
  });
});

describe("parsePurpose: no purpose, no data", () => {
  it("accepts a known purpose and a casus with its number", () => {
    assert.deepEqual(parsePurpose(shipped, "openbare-orde"), { id: "openbare-orde", number: null });
    assert.deepEqual(parsePurpose(shipped, "casus:2026-014"), { id: "casus", number: "2026-014" });
  });

  it("refuses an empty, unknown or malformed purpose", () => {
    for (const bad of [
      "",
      "  ",
      "nieuwsgierigheid",
      "casus",
      "casus:",
      "casus:a:b",
      "openbare-orde:12",
      "casus:<script>",
    ]) {
      assert.throws(() => parsePurpose(shipped, bad), InputError, JSON.stringify(bad));
    }
  });
});
