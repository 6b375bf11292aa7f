import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { StoreError } from "../../domain/errors.ts";
import type { Sensitivity } from "../../domain/sensitivity.ts";
import { type AccessRequest, DEFAULT_POLICY_DIR, loadAuthorizer, type Subject } from "./cedar-authorizer.ts";

// Two gemeenten in police unit RE05 and one in RE01; parket "PMN" handles GM0344 and GM0307.
const lineage = (code: string): string[] => {
  const gm = code.startsWith("BU") || code.startsWith("WK") ? `GM${code.slice(2, 6)}` : code;
  const up: Record<string, string[]> = {
    GM0344: ["RE05", "PMN", "NL"],
    GM0307: ["RE05", "PMN", "NL"],
    GM0014: ["RE01", "NL"],
    RE05: ["NL"],
    RE01: ["NL"],
  };
  const wijk = code.startsWith("BU") ? [`WK${code.slice(2, 8)}`] : [];
  return [...wijk, ...(gm === code ? [] : [gm]), ...(up[gm] ?? [])];
};
const authz = loadAuthorizer(lineage);

const user = (roles: string[], kind: string | null, authority: string[] = []): Subject => ({
  id: `u-${roles.join("+")}-${kind}`,
  roles,
  organisation: kind === null ? null : { id: `org-${kind}`, kind, authority },
});
const read = (
  subject: Subject,
  area: string,
  sensitivity: Sensitivity,
  purpose = "openbare-orde",
): AccessRequest => ({
  action: "lees",
  subject,
  data: { what: "maandoverzicht", area, sensitivity },
  purpose,
  legalBasis: "wpg-16-1-c",
});
const allowed = (r: AccessRequest) => authz.decide(r).allowed;

describe("Cedar policies: loading", () => {
  it("every policy has an @id and a Dutch description for the privacy officer", () => {
    const policies = authz.policies();
    assert.ok(policies.length >= 8);
    for (const p of policies) {
      assert.match(p.id, /^[a-z0-9-]+$/);
      assert.ok(p.description.length > 20, p.id);
    }
  });

  it("a policy that does not fit the schema, lacks an @id, or does not parse is refused", () => {
    const variants: [string, RegExp][] = [
      [
        '@id("x") permit (principal, action == Driehoek::Action::"lees", resource) when { resource.kleur == "rood" };',
        /past niet bij het schema/,
      ],
      ['permit (principal, action == Driehoek::Action::"lees", resource);', /geen @id/],
      ['@id("x") permit (principal, action, resource', /klopt niet/],
    ];
    for (const [policy, message] of variants) {
      const dir = mkdtempSync(join(tmpdir(), "beleid-"));
      copyFileSync(join(DEFAULT_POLICY_DIR, "driehoek.cedarschema"), join(dir, "driehoek.cedarschema"));
      writeFileSync(
        join(dir, "driehoek.cedar"),
        `${readFileSync(join(DEFAULT_POLICY_DIR, "driehoek.cedar"), "utf8")}\n${policy}\n`,
      );
      assert.throws(
        () => loadAuthorizer(lineage, dir),
        (e: unknown) => e instanceof StoreError && message.test(e.message),
        policy,
      );
    }
  });
});

describe("Cedar policies: decisions (deny by default)", () => {
  const mayor = user(["burgemeester"], "gemeente", ["GM0344"]);

  it("a gemeente sees its own area down to buurt, not another gemeente or the unit", () => {
    assert.deepEqual(authz.decide(read(mayor, "BU03440101", "aggregated")).policies, [
      "gemeente-eigen-gebied",
    ]);
    assert.equal(allowed(read(mayor, "GM0344", "incident")), true);
    assert.equal(allowed(read(mayor, "GM0307", "aggregated")), false);
    assert.equal(allowed(read(mayor, "RE05", "aggregated")), false);
  });

  it("open data is for every content role, anywhere", () => {
    assert.deepEqual(authz.decide(read(mayor, "GM0014", "open")).policies, ["open-data"]);
    assert.equal(allowed(read(user(["partner"], "partner", []), "NL", "open")), true);
  });

  it("police see the areas of their own unit", () => {
    const chief = user(["teamchef"], "politie", ["RE05"]);
    assert.equal(allowed(read(chief, "BU03070101", "person")), true);
    assert.equal(allowed(read(chief, "GM0014", "aggregated")), false);
  });

  it("the OM sees what its parket handles", () => {
    const ovj = user(["officier-van-justitie"], "om", ["PMN"]);
    assert.equal(allowed(read(ovj, "GM0307", "aggregated")), true);
    assert.equal(allowed(read(ovj, "GM0014", "aggregated")), false);
  });

  it("a RIEC and a partner see records only within a casus", () => {
    for (const s of [user(["riec-analist"], "riec", ["RE05"]), user(["partner"], "partner", ["GM0344"])]) {
      assert.equal(allowed(read(s, "GM0344", "aggregated")), true);
      assert.equal(allowed(read(s, "GM0344", "incident")), false);
      assert.equal(allowed(read(s, "GM0344", "person", "casus")), true);
      assert.equal(allowed(read(s, "GM0014", "aggregated")), false);
    }
  });

  it("OM data per art. 39f decision reaches a RIEC analyst and a wethouder without a casus purpose", () => {
    const r = (subject: Subject) => ({
      ...read(subject, "GM0344", "criminal-procedure", "39f-b"),
      legalBasis: "wjsg-39f",
    });
    assert.equal(allowed(r(user(["riec-analist"], "riec", ["RE05"]))), true);
    assert.equal(allowed(r(user(["wethouder"], "gemeente", ["GM0344"]))), true);
  });

  it("a wethouder gets no address or person data outside a casus, even in the own gemeente", () => {
    const alderman = user(["wethouder"], "gemeente", ["GM0344"]);
    assert.equal(allowed(read(alderman, "GM0344", "aggregated")), true);
    const d = authz.decide(read(alderman, "GM0344", "person"));
    assert.deepEqual(d, {
      allowed: false,
      policies: ["wethouder-geen-persoonsgegevens-zonder-casus"],
      errors: [],
    });
    assert.equal(allowed(read(alderman, "GM0344", "person", "casus")), true);
  });

  it("the FG sees the register but no content; the beheerder administers but sees no content", () => {
    const fg = user(["fg"], "gemeente", ["GM0344"]);
    const admin = user(["beheerder"], "gemeente", ["GM0344"]);
    assert.equal(allowed({ action: "lees-register", subject: fg }), true);
    assert.equal(allowed({ action: "lees-register", subject: admin }), false);
    assert.equal(allowed({ action: "beheer", subject: admin }), true);
    assert.equal(allowed({ action: "beheer", subject: fg }), false);
    for (const s of [fg, admin]) {
      assert.equal(allowed(read(s, "GM0344", "aggregated")), false);
      assert.equal(allowed(read(s, "GM0344", "open")), false);
    }
    assert.equal(
      allowed(read(user(["beheerder", "analist-gemeente"], "gemeente", ["GM0344"]), "GM0344", "aggregated")),
      true,
    );
  });

  it("a user without an organisation or roles gets nothing", () => {
    assert.equal(allowed(read(user(["burgemeester"], null), "GM0344", "aggregated")), false);
    assert.equal(allowed(read(user([], "gemeente", ["GM0344"]), "GM0344", "aggregated")), false);
  });

  it("a cached decision is the same as a fresh one and cannot be changed by the caller", () => {
    const r = read(mayor, "GM0344", "aggregated");
    const first = authz.decide(r);
    first.policies.push("iets");
    assert.deepEqual(authz.decide(r), { allowed: true, policies: ["gemeente-eigen-gebied"], errors: [] });
  });
});
