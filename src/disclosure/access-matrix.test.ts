// The access matrix: every role × every sensitivity, for the own area and for another
// organisation's area, through the real gate (legal bases, policies, register). The expected
// outcome is written out below as a specification, independently of the code that decides.

import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { AccessDenied } from "../domain/errors.ts";
import { ROLE_IDS, ROLES, type Role } from "../domain/roles.ts";
import { SENSITIVITIES, type Sensitivity } from "../domain/sensitivity.ts";
import { HIGHEST, PURPOSE } from "./access-spec.ts";
import { alreadyPublic, createGate, type Requester } from "./disclosure-gate.ts";
import { loadLegalBasisRegistry } from "./legal-bases/legal-basis-registry.ts";
import { loadAuthorizer } from "./policies/cedar-authorizer.ts";
import { openRegister } from "./register/register.ts";
import { loadProtectionRules } from "./table-protection/protection-rules.ts";

const ORG_KIND: Record<Role, string> = Object.fromEntries(
  ROLE_IDS.map((r) => [r, ROLES[r].organisatie ?? "gemeente"]),
) as Record<Role, string>;

function setup() {
  const path = join(mkdtempSync(join(tmpdir(), "matrix-")), "register.jsonl");
  const register = openRegister({
    path,
    key: new Uint8Array(32).fill(4),
    anchor: { read: async () => null, write: async () => undefined },
  });
  const lineage = (code: string) => (code.startsWith("GM") ? ["RE90", "NL"] : code === "RE90" ? ["NL"] : []);
  const gate = createGate({
    registry: loadLegalBasisRegistry(),
    authorizer: loadAuthorizer(lineage),
    register,
    now: () => new Date("2026-11-22T09:00:00Z"),
    protection: loadProtectionRules(),
  });
  const lines = () => readFileSync(path, "utf8").split("\n").filter(Boolean).length;
  return { gate, lines };
}

describe("access matrix: role × sensitivity × own or other organisation", () => {
  const { gate, lines } = setup();
  const level = (s: Sensitivity) => SENSITIVITIES.indexOf(s);

  for (const role of ROLE_IDS) {
    for (const own of [true, false]) {
      it(`${role}, ${own ? "own area" : "another organisation's area"}`, async () => {
        const requester: Requester = {
          user: `${role}-${own ? "eigen" : "ander"}`,
          roles: [role],
          organisation: { id: `org-${own}`, kind: ORG_KIND[role], authority: [own ? "GM9001" : "GM9002"] },
        };
        for (const sensitivity of SENSITIVITIES) {
          const highest = HIGHEST[role];
          // Other organisations' areas: open data only.
          const allowed =
            highest !== null && level(sensitivity) <= level(highest) && (own || sensitivity === "open");
          const before = lines();
          const secret = { waarde: `geheim-${role}-${sensitivity}` };
          const attempt = gate.disclose(
            {
              requester,
              purpose: PURPOSE[role],
              what: "matrix",
              areas: ["GM9001"],
              period: "2026-10",
              sensitivity,
              source: sensitivity === "criminal-procedure" ? "om" : "politie",
            },
            async () => secret,
            { protect: alreadyPublic },
          );
          if (allowed) {
            const r = await attempt;
            assert.deepEqual(r.data, secret, `${role} ${sensitivity}`);
            assert.equal(lines(), before + 1, `${role} ${sensitivity}: one register entry`);
          } else {
            await assert.rejects(attempt, AccessDenied, `${role} ${sensitivity} must be refused`);
            assert.equal(lines(), before, `${role} ${sensitivity}: a refusal registers nothing`);
          }
        }
      });
    }
  }

  it("the specification covers every role", () => {
    assert.deepEqual(Object.keys(HIGHEST).sort(), [...ROLE_IDS].sort());
  });
});
