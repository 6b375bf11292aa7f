import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { AreaSummary } from "../domain/area.ts";
import { ROLE_IDS } from "../domain/roles.ts";
import { planDemoAccounts, slug } from "./demo-accounts.ts";

const area = (
  code: string,
  level: AreaSummary["level"],
  name: string,
  parent: string | null,
  population: number | null = null,
): AreaSummary => ({
  code,
  level,
  year: 2025,
  name,
  parent,
  population,
  populationYear: population === null ? null : 2025,
});

describe("demo accounts", () => {
  const plan = planDemoAccounts([
    area("RE90", "eenheid", "Demo-eenheid", null),
    area("RE90D1", "district", "Noord", "RE90"),
    area("RE90B1", "basisteam", "Aastad", "RE90D1"),
    area("RE90B2", "basisteam", "Beekdorp", "RE90D1"),
    area("GM9001", "gemeente", "Aastad", "RE90B1", 80_000),
    area("GM9002", "gemeente", "Beekdorp", "RE90B2", 30_000),
    area("GM9003", "gemeente", "Cedorp", "RE90B2", 5_000),
  ]);

  it("has every role in the two largest gemeenten", () => {
    for (const role of ROLE_IDS) {
      const ids = plan.users.filter((u) => u.roles.includes(role)).map((u) => u.id.split(".")[1]);
      assert.deepEqual(ids, ["aastad", "beekdorp"], role);
    }
  });

  it("gives each organisation the area it has authority over", () => {
    const auth = (id: string) => plan.organisations.find((o) => o.id === id)?.authority;
    assert.deepEqual(auth("gemeente-aastad"), ["GM9001"]);
    assert.deepEqual(auth("politie-beekdorp"), ["RE90B2"]);
    assert.deepEqual(auth("politie-district-noord"), ["RE90D1"]);
    assert.deepEqual(auth("om-demo-eenheid"), ["RE90"]);
    const mayor = plan.users.find((u) => u.id === "burgemeester.aastad");
    assert.equal(mayor?.organisation, "gemeente-aastad");
    assert.equal(plan.users.find((u) => u.id === "teamchef.beekdorp")?.organisation, "politie-beekdorp");
  });

  it("makes login names from names", () => {
    assert.equal(slug("Aa en Hunze"), "aa-en-hunze");
    assert.equal(slug("Súdwest-Fryslân"), "sudwest-fryslan");
  });
});
