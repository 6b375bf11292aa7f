import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hasPoliceRole, ROLE_IDS } from "./roles.ts";

describe("roles", () => {
  it("knows the police roles: teamchef, districtschef and politie-analist, no others", () => {
    const police = ROLE_IDS.filter((r) => hasPoliceRole([r]));
    assert.deepEqual(police.sort(), ["districtschef", "politie-analist", "teamchef"]);
    assert.equal(hasPoliceRole(["beheerder", "teamchef"]), true);
    assert.equal(hasPoliceRole(["beheerder", "onbekend"]), false);
  });
});
