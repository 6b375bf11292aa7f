import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { DEFAULT_CONFIG_DIR } from "../../disclosure/config-file.ts";
import { InputError } from "../../domain/errors.ts";
import {
  DEFAULT_SELECTIONS,
  INCIDENT_SELECTION_FILE,
  readIncidentSelection,
  SELECTION_PRODUCTS,
} from "./incident-selection.ts";

function dirWith(json: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), "incidentselectie-"));
  writeFileSync(join(dir, INCIDENT_SELECTION_FILE), typeof json === "string" ? json : JSON.stringify(json));
  return dir;
}

const fails = (field: string | null, message: RegExp) => (err: unknown) =>
  err instanceof InputError &&
  err.file.endsWith(INCIDENT_SELECTION_FILE) &&
  err.field === field &&
  message.test(err.message);

describe("the incident selection (config/incidentselectie.json)", () => {
  it("ships the default selections, with a version and a power for every dagrapport type", () => {
    const shipped = JSON.parse(readFileSync(join(DEFAULT_CONFIG_DIR, INCIDENT_SELECTION_FILE), "utf8"));
    assert.match(shipped.versie, /^\d{4}-\d{2}-\d{2}$/);
    for (const product of SELECTION_PRODUCTS) {
      const s = readIncidentSelection(product);
      assert.deepEqual(s.inpCodes, DEFAULT_SELECTIONS[product].inpCodes, product);
      assert.match(s.source, /incidentselectie\.json, versie/);
    }
    const dag = readIncidentSelection("dagrapport");
    for (const code of dag.inpCodes) assert.ok(dag.powers[code], code);
  });

  it("falls back to the default for a product the file does not name", () => {
    const s = readIncidentSelection(
      "dagrapport",
      dirWith({ versie: "1", incidentenrapport: { inpCodes: ["1.1.1"] } }),
    );
    assert.deepEqual(s.inpCodes, DEFAULT_SELECTIONS.dagrapport.inpCodes);
    assert.match(s.source, /standaardselectie/);
    assert.deepEqual(
      readIncidentSelection(
        "incidentenrapport",
        dirWith({ versie: "1", incidentenrapport: { inpCodes: ["1.1.1"] } }),
      ).inpCodes,
      ["1.1.1"],
    );
  });

  it("names file and field, in Dutch, for every kind of mistake", () => {
    assert.throws(
      () => readIncidentSelection("dagrapport", dirWith("{ nee")),
      fails(null, /geen geldige JSON/),
    );
    assert.throws(
      () => readIncidentSelection("dagrapport", mkdtempSync(join(tmpdir(), "leeg-"))),
      fails(null, /kan het bestand niet lezen/),
    );
    assert.throws(
      () => readIncidentSelection("dagrapport", dirWith({ versie: "1", dagrapport: { inpCodes: [] } })),
      fails("dagrapport.inpCodes", /minstens één INP-code/),
    );
    assert.throws(
      () =>
        readIncidentSelection(
          "dagrapport",
          dirWith({ versie: "1", dagrapport: { inpCodes: ["1.1.1", "1.1.1"] } }),
        ),
      fails("dagrapport.inpCodes.1", /twee keer/),
    );
    assert.throws(
      () => readIncidentSelection("dagrapport", dirWith({ versie: "1", dagrapport: { inpCodes: ["1.1"] } })),
      fails("dagrapport.inpCodes.0", /geen INP-code van niveau 3/),
    );
    assert.throws(
      () => readIncidentSelection("dagrapport", dirWith({ versie: "1", dagraport: { inpCodes: ["1.1.1"] } })),
      (err: unknown) =>
        err instanceof InputError && /Onbekende key/.test(err.message) && /dagraport/.test(err.message),
    );
    assert.throws(
      () => readIncidentSelection("dagrapport", dirWith({ dagrapport: { inpCodes: ["1.1.1"] } })),
      fails("versie", /verwacht string/),
    );
  });
});
