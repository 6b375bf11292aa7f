// Inventories in the store: versioned documents of kind "inventaris", one per gemeente code. Saving
// never changes an earlier version; who saved a version and when is kept with it. What is read
// back is checked again, so a stored version that no longer fits is named, not half-used.

import { InputError } from "../domain/errors.ts";
import type { SavedDocument, Store } from "../store/store.ts";
import { checkInventory, type Inventory } from "./inventory.ts";

export const INVENTORY_KIND = "inventaris";

export type InventoryStore = Pick<Store, "saveDocument" | "documents" | "documentHistory">;

/** One version of a gemeente's inventory, with who filled it in and when. */
export interface StoredInventory {
  gemeente: string;
  versie: number;
  /** User id of whoever saved this version. */
  ingevuldDoor: string;
  /** When it was saved (ISO 8601, UTC). */
  ingevuldOp: string;
  inventaris: Inventory;
}

/** Saves a new version of the gemeente's inventory (the code is written into it). */
export async function saveInventory(
  store: InventoryStore,
  gemeente: string,
  inventory: Inventory,
  author: string,
  at: Date,
): Promise<StoredInventory> {
  const saved = await store.saveDocument({
    kind: INVENTORY_KIND,
    key: gemeente,
    body: { ...inventory, gemeente },
    author,
    savedAt: at,
  });
  return fromDocument(saved);
}

/** The newest version of one gemeente's inventory; undefined when it has none. */
export async function currentInventory(
  store: InventoryStore,
  gemeente: string,
): Promise<StoredInventory | undefined> {
  const [doc] = await store.documents(INVENTORY_KIND, gemeente);
  return doc ? fromDocument(doc) : undefined;
}

/** The newest version of every gemeente's inventory. */
export async function currentInventories(store: InventoryStore): Promise<StoredInventory[]> {
  return (await store.documents(INVENTORY_KIND)).map(fromDocument);
}

/** Every version of one gemeente's inventory, oldest first. */
export async function inventoryHistory(store: InventoryStore, gemeente: string): Promise<StoredInventory[]> {
  return (await store.documentHistory(INVENTORY_KIND, gemeente)).map(fromDocument);
}

function fromDocument(doc: SavedDocument): StoredInventory {
  const r = checkInventory(doc.body);
  if (!r.ok) {
    const p = r.problems[0];
    throw new InputError(
      `de bewaarde inventaris klopt niet meer: ${p?.message ?? "onbekende fout"}`,
      `inventaris ${doc.key}, versie ${doc.version}`,
      null,
      p?.path || null,
    );
  }
  return {
    gemeente: doc.key,
    versie: doc.version,
    ingevuldDoor: doc.author,
    ingevuldOp: doc.savedAt.toISOString(),
    inventaris: r.inventory,
  };
}
