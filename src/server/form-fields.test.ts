import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formText, formTexts } from "./form-fields.ts";

describe("form fields", () => {
  it("reads one text value, trimmed unless asked not to, and treats non-text as absent", () => {
    const body = { naam: "  Jan  ", rol: ["analist", "beheerder"], bestand: new Blob(["x"]) };
    assert.equal(formText(body, "naam"), "Jan");
    assert.equal(formText(body, "naam", { trim: false }), "  Jan  ");
    assert.equal(formText(body, "rol"), "analist");
    assert.equal(formText(body, "bestand"), "");
    assert.equal(formText(body, "ontbreekt"), "");
  });

  it("reads every text value of a repeated field", () => {
    assert.deepEqual(formTexts({ rol: ["analist", "beheerder"] }, "rol"), ["analist", "beheerder"]);
    assert.deepEqual(formTexts({ rol: "analist" }, "rol"), ["analist"]);
    assert.deepEqual(formTexts({ rol: [new Blob(["x"]), "analist"] }, "rol"), ["analist"]);
    assert.deepEqual(formTexts({}, "rol"), []);
  });
});
