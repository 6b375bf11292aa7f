// Test support: inventories built from a few answers, every other product "not received, not
// wanted", and a stored version of one for the summary.

import { CATALOG_ENTRIES } from "./catalog-entries.ts";
import type { Inventory, ProductAnswer } from "./inventory.ts";
import type { StoredInventory } from "./inventory-store.ts";

/** Neither received nor wanted. */
export const NOTHING: ProductAnswer = {
  ontvangt: "nee",
  frequentie: null,
  gewenst: "nee",
  gewensteFrequentie: null,
  tevredenheid: null,
  toelichting: "",
};

/** An inventory with these answers (partial answers fill in from NOTHING) and NOTHING elsewhere. */
export function inventoryWith(answers: Record<string, Partial<ProductAnswer>> = {}): Inventory {
  return {
    toelichting: "",
    producten: Object.fromEntries(CATALOG_ENTRIES.map((e) => [e.id, { ...NOTHING, ...answers[e.id] }])),
  };
}

export function storedInventory(
  gemeente: string,
  inventaris: Inventory,
  versie = 1,
  ingevuldOp = "2026-10-01T10:00:00.000Z",
): StoredInventory {
  return { gemeente, versie, ingevuldDoor: `burgemeester.${gemeente}`, ingevuldOp, inventaris };
}
