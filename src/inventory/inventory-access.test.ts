import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Requester } from "../disclosure/disclosure-gate.ts";
import { writeProblem } from "./inventory-access.ts";

const of = (user: string, roles: string[], kind: "gemeente" | "politie" | null, authority: string[] = []) =>
  ({
    user,
    roles,
    organisation: kind ? { id: `org-${user}`, kind, authority } : null,
  }) satisfies Requester;

describe("who may save a gemeente's inventory", () => {
  it("its burgemeester, oov-adviseur or beheerder", () => {
    for (const role of ["burgemeester", "oov-adviseur", "beheerder"]) {
      assert.equal(writeProblem(of("a", [role], "gemeente", ["GM9001"]), "GM9001"), null, role);
    }
    assert.equal(
      writeProblem(of("a", ["wethouder", "burgemeester"], "gemeente", ["GM9001"]), "GM9001"),
      null,
    );
  });

  it("not another role, another gemeente, the police, or a beheerder without a gemeente", () => {
    const cases: [Requester, RegExp][] = [
      [of("weth", ["wethouder"], "gemeente", ["GM9001"]), /weth heeft geen van die rollen/],
      [of("analist", ["analist-gemeente"], "gemeente", ["GM9001"]), /analist heeft geen van die rollen/],
      [of("bm", ["burgemeester"], "gemeente", ["GM9002"]), /bm werkt niet voor die gemeente/],
      [of("tc", ["teamchef"], "politie", ["GM9001"]), /tc werkt niet voor die gemeente/],
      [of("beheer", ["beheerder"], null), /beheer werkt niet voor die gemeente/],
    ];
    for (const [requester, message] of cases) {
      const problem = writeProblem(requester, "GM9001");
      assert.match(
        problem ?? "",
        /^Alleen de burgemeester, de adviseur openbare orde en veiligheid of de beheerder van gemeente GM9001 mag/,
      );
      assert.match(problem ?? "", message);
    }
  });
});
