import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { InputError } from "../domain/errors.ts";
import { openDuckDbStore } from "../store/duckdb/duckdb-store.ts";
import type { Store } from "../store/store.ts";
import {
  currentInventories,
  currentInventory,
  INVENTORY_KIND,
  inventoryHistory,
  saveInventory,
} from "./inventory-store.ts";
import { inventoryWith } from "./test-inventories.ts";

describe("inventories in the store", () => {
  let store: Store;
  before(async () => {
    store = await openDuckDbStore(":memory:");
  });
  after(() => store.close());

  it("keeps every version with who saved it and when; the newest counts", async () => {
    const first = inventoryWith({
      gebiedsscan: { ontvangt: "ja", frequentie: "jaarlijks", tevredenheid: 3 },
    });
    const second = inventoryWith({
      gebiedsscan: { ontvangt: "ja", frequentie: "jaarlijks", tevredenheid: 5 },
    });
    const v1 = await saveInventory(
      store,
      "GM9001",
      first,
      "oov.sperwerkerk",
      new Date("2026-10-01T09:00:00Z"),
    );
    const v2 = await saveInventory(
      store,
      "GM9001",
      second,
      "burgemeester.sperwerkerk",
      new Date("2026-11-02T14:30:00Z"),
    );
    await saveInventory(store, "GM9002", first, "burgemeester.kievitsrode", new Date("2026-10-05T08:00:00Z"));
    assert.deepEqual([v1.versie, v2.versie], [1, 2]);
    assert.deepEqual(v2, {
      gemeente: "GM9001",
      versie: 2,
      ingevuldDoor: "burgemeester.sperwerkerk",
      ingevuldOp: "2026-11-02T14:30:00.000Z",
      inventaris: { ...second, gemeente: "GM9001" },
    });

    const now = await currentInventory(store, "GM9001");
    assert.equal(now?.versie, 2);
    assert.equal(now?.inventaris.producten.gebiedsscan?.tevredenheid, 5);
    const history = await inventoryHistory(store, "GM9001");
    assert.deepEqual(
      history.map((h) => [h.versie, h.ingevuldDoor, h.inventaris.producten.gebiedsscan?.tevredenheid]),
      [
        [1, "oov.sperwerkerk", 3],
        [2, "burgemeester.sperwerkerk", 5],
      ],
    );
    const all = await currentInventories(store);
    assert.deepEqual(all.map((i) => [i.gemeente, i.versie]).sort(), [
      ["GM9001", 2],
      ["GM9002", 1],
    ]);
    assert.equal(await currentInventory(store, "GM9003"), undefined);
  });

  it("names a stored version that no longer fits the schema", async () => {
    await store.saveDocument({
      kind: INVENTORY_KIND,
      key: "GM9004",
      body: { producten: {} },
      author: "iemand",
      savedAt: new Date("2026-01-01T00:00:00Z"),
    });
    await assert.rejects(
      () => currentInventory(store, "GM9004"),
      (err: unknown) =>
        err instanceof InputError &&
        /^inventaris GM9004, versie 1, veld producten\.maandoverzicht: de bewaarde inventaris klopt niet meer/.test(
          err.describe(),
        ),
    );
  });
});
