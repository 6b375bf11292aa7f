// Test support: the access specification shared by the access-matrix tests of the gate, the web
// pages and the API — what each role may see, written independently of the code that decides.

import type { Role } from "../domain/roles.ts";
import type { Sensitivity } from "../domain/sensitivity.ts";

/** The purpose each role works with day to day. */
export const PURPOSE: Record<Role, string> = {
  burgemeester: "openbare-orde",
  wethouder: "openbare-orde",
  "oov-adviseur": "voorbereiding-driehoek",
  "analist-gemeente": "ivp-monitoring",
  teamchef: "politietaak",
  districtschef: "politietaak",
  "politie-analist": "politietaak",
  "officier-van-justitie": "strafrechtelijke-handhaving",
  "riec-analist": "ondermijning",
  partner: "zorg-en-veiligheid",
  fg: "openbare-orde",
  beheerder: "openbare-orde",
};

/**
 * The specification: the highest sensitivity each role gets for its own area with that purpose
 * and no further facts (no decision, convenant, local agreement or casus; unknown counts as
 * criminal enforcement). null: nothing at all.
 *  - the mayor's side: aggregated figures under art. 16 Wpg (records only when the product says
 *    they touch public order and are not criminal enforcement);
 *  - police: their own data up to persons (art. 8 Wpg); OM: aggregated (own task);
 *  - wethouder, RIEC, partner: open data only without a casus, decision or convenant;
 *  - FG and beheerder: no content.
 */
export const HIGHEST: Record<Role, Sensitivity | null> = {
  burgemeester: "aggregated",
  wethouder: "open",
  "oov-adviseur": "aggregated",
  "analist-gemeente": "aggregated",
  teamchef: "person",
  districtschef: "person",
  "politie-analist": "person",
  "officier-van-justitie": "aggregated",
  "riec-analist": "open",
  partner: "open",
  fg: null,
  beheerder: null,
};

/**
 * The highest sensitivity with the facts a product states about its content: the mayor (only the
 * mayor; officials get figures) gets single records that touch public order and are not criminal
 * enforcement (Wpg art. 16 lid 1 sub c).
 */
export function highestFor(
  role: Role,
  facts?: { touchesPublicOrder?: boolean; criminalEnforcement?: boolean },
): Sensitivity | null {
  if (role === "burgemeester" && facts?.touchesPublicOrder && facts.criminalEnforcement === false)
    return "incident";
  return HIGHEST[role];
}
