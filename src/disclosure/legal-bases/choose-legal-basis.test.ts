import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { chooseLegalBasis, type LegalBasisQuestion } from "./choose-legal-basis.ts";
import { loadLegalBasisRegistry, parsePurpose } from "./legal-basis-registry.ts";

const registry = loadLegalBasisRegistry();
const ask = (q: Omit<LegalBasisQuestion, "purpose"> & { purpose: string }) =>
  chooseLegalBasis(registry, { ...q, purpose: parsePurpose(registry, q.purpose) });
const basisOf = (q: Parameters<typeof ask>[0]) => {
  const r = ask(q);
  return r.ok ? r.basis.id : null;
};

describe("chooseLegalBasis on the shipped registry", () => {
  it("the mayor's monthly figures: art. 16 lid 1 sub c Wpg", () => {
    assert.equal(
      basisOf({ roles: ["burgemeester"], purpose: "openbare-orde", sensitivity: "aggregated" }),
      "wpg-16-1-c",
    );
  });

  it("criminal enforcement information reaches the mayor only aggregated", () => {
    const q = {
      roles: ["burgemeester"],
      purpose: "openbare-orde",
      criminalEnforcement: true,
      touchesPublicOrder: true,
    };
    assert.equal(basisOf({ ...q, sensitivity: "aggregated" }), "wpg-16-1-c");
    const r = ask({ ...q, sensitivity: "incident" });
    assert.equal(r.ok, false);
    assert.ok(
      !r.ok && r.reasons.some((x) => x.startsWith("wpg-16-1-c: informatie over strafrechtelijke handhaving")),
    );
  });

  it("day reports only where they touch public-order powers; addresses only under a local agreement", () => {
    // About public order, not criminal enforcement (unknown counts as criminal enforcement).
    const q = { roles: ["burgemeester"], purpose: "openbare-orde", criminalEnforcement: false };
    assert.equal(
      basisOf({ ...q, criminalEnforcement: undefined, sensitivity: "incident", touchesPublicOrder: true }),
      null,
    );
    assert.equal(basisOf({ ...q, sensitivity: "incident" }), null);
    assert.equal(basisOf({ ...q, sensitivity: "incident", touchesPublicOrder: true }), "wpg-16-1-c");
    assert.equal(basisOf({ ...q, sensitivity: "address", touchesPublicOrder: true }), null);
    assert.equal(
      basisOf({ ...q, sensitivity: "address", touchesPublicOrder: true, localAgreement: true }),
      "wpg-16-1-c",
    );
  });

  it("officials of the gemeente get aggregated figures on behalf of the mayor, no records", () => {
    const q = { roles: ["oov-adviseur"], purpose: "voorbereiding-driehoek", touchesPublicOrder: true };
    assert.equal(basisOf({ ...q, sensitivity: "aggregated" }), "wpg-16-1-c");
    assert.equal(basisOf({ ...q, sensitivity: "incident" }), null);
  });

  it("a wethouder gets person data only per case with a decision (art. 19 Wpg)", () => {
    assert.equal(basisOf({ roles: ["wethouder"], purpose: "openbare-orde", sensitivity: "person" }), null);
    assert.equal(basisOf({ roles: ["wethouder"], purpose: "casus:2026-7", sensitivity: "person" }), null);
    assert.equal(
      basisOf({ roles: ["wethouder"], purpose: "casus:2026-7", sensitivity: "person", decision: "B-12" }),
      "wpg-19",
    );
  });

  it("a RIEC case under a convenant: art. 20 Wpg", () => {
    const q = { roles: ["riec-analist"], sensitivity: "person" as const };
    assert.equal(basisOf({ ...q, purpose: "casus:R-1" }), null);
    assert.equal(basisOf({ ...q, purpose: "casus:R-1", convenant: "RIEC-MN" }), "wpg-20");
  });

  it("OM criminal-procedure data: only art. 39f WJSG, for purposes a–g and with a decision", () => {
    const q = { roles: ["burgemeester"], sensitivity: "criminal-procedure" as const, source: "om" as const };
    assert.equal(basisOf({ ...q, purpose: "openbare-orde", decision: "OM-1" }), null);
    assert.equal(basisOf({ ...q, purpose: "39f-b" }), null);
    assert.equal(basisOf({ ...q, purpose: "39f-b", decision: "OM-1" }), "wjsg-39f");
  });

  it("the gemeente's own data: AVG art. 6 lid 1 sub e, not a police basis", () => {
    assert.equal(
      basisOf({
        roles: ["analist-gemeente"],
        purpose: "ivp-monitoring",
        sensitivity: "aggregated",
        source: "gemeente",
      }),
      "avg-6-1-e",
    );
  });

  it("open data for anyone, with rounding to 5 as obligation", () => {
    const r = ask({ roles: ["partner"], purpose: "statistiek-en-onderzoek", sensitivity: "open" });
    assert.ok(r.ok);
    assert.ok(r.ok && ["wpg-22", "open-data"].includes(r.basis.id));
    const open = ask({ roles: ["partner"], purpose: "politietaak", sensitivity: "open" });
    assert.deepEqual(open.ok && [open.basis.id, open.obligations], ["open-data", ["afronden-op-5"]]);
  });

  it("art. 22 Wpg brings table protection as an obligation", () => {
    const r = ask({ roles: ["partner"], purpose: "statistiek-en-onderzoek", sensitivity: "aggregated" });
    assert.deepEqual(r.ok && [r.basis.id, r.obligations], ["wpg-22", ["tabelbeveiliging"]]);
  });

  it("the FG and the beheerder have no basis for content; every refusal says why per basis", () => {
    for (const role of ["fg", "beheerder"]) {
      const r = ask({ roles: [role], purpose: "openbare-orde", sensitivity: "aggregated" });
      assert.equal(r.ok, false);
      assert.equal(!r.ok && r.reasons.length, registry.bases.length);
    }
  });

  it("police for their own task: art. 8 Wpg, up to person data", () => {
    assert.equal(
      basisOf({ roles: ["politie-analist"], purpose: "politietaak", sensitivity: "person" }),
      "wpg-8",
    );
  });
});
