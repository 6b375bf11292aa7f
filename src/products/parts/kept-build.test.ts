import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { PURPOSE } from "../../disclosure/access-spec.ts";
import { requesterFor } from "../../disclosure/store-gate.ts";
import { familyLedgerKey } from "../../disclosure/table-protection/protect-family.ts";
import { openTestGate } from "../../server/test-access.ts";
import { gebiedsscan } from "../definitions/gebiedsscan.ts";
import { tabellenboek } from "../definitions/tabellenboek.ts";
import type { ProductDefinition } from "../product-definition.ts";
import { documentTables, isWithheld, type ProductDocument } from "../product-document.ts";
import { parsePeriod } from "../product-period.ts";
import { runProduct } from "../run-product.ts";
import { loadExtra, openProductTestStore, PRODUCT_DEMO, type ProductTestStore } from "../test-products.ts";

describe("product documents kept per protected input", () => {
  let t: ProductTestStore;
  let access: Awaited<ReturnType<typeof openTestGate>>;
  let clock = PRODUCT_DEMO.now;
  before(async () => {
    t = await openProductTestStore();
    access = await openTestGate(t.store, () => clock);
  });
  after(async () => {
    await access?.close();
    await t?.store.close();
  });

  /** A product of the first gemeente for its OOV-adviseur (table protection, minimum 5), made at `at`. */
  const made = async <I>(def: ProductDefinition<I>, period: string, at: Date): Promise<ProductDocument> => {
    clock = at;
    return runProduct(
      { store: t.store, gate: access.gate, registry: access.registry, now: () => clock },
      def,
      {
        requester: await requesterFor(t.store, t.userFor("oov-adviseur")),
        purpose: PURPOSE["oov-adviseur"],
        area: t.gemeenten[0],
        period: parsePeriod(period),
      },
    );
  };
  const make = (at: Date) => made(tabellenboek, "2026-09", at);
  const later = (minutes: number) => new Date(PRODUCT_DEMO.now.getTime() + minutes * 60_000);
  const buurten = (doc: ProductDocument) => documentTables(doc).find((x) => x.id === "buurten")?.rows ?? [];

  it("gives the same tables for the same reads, made at each request's own time, with the right hash", async () => {
    const first = await make(later(0));
    const again = await make(later(5));
    assert.equal(again.sections, first.sections, "the kept sections");
    assert.ok(Object.isFrozen(again.sections[1]?.blocks[1]), "kept sealed");
    assert.equal(first.madeAt, later(0).toISOString());
    assert.equal(again.madeAt, later(5).toISOString());
    // The register holds the hash of the whole document as it was given (its own made-at).
    const lines = readFileSync(access.registerFile, "utf8").trim().split("\n");
    const entry = JSON.parse(lines.at(-1) as string) as { contentHash: string };
    const { disclosure, ...given } = again;
    assert.equal(disclosure?.registerSeq, lines.length, "the last entry is this document's");
    assert.equal(entry.contentHash, createHash("sha256").update(JSON.stringify(given)).digest("hex"));
  });

  it("builds anew when the ledger changes: a withheld buurt count published elsewhere is shown", async () => {
    const before = await make(later(10));
    const withheld = buurten(before)
      .flatMap((r) => Object.keys(r.cells).map((k) => ({ code: String(r.cells.code), k, cell: r.cells[k] })))
      .find((x) => /^m\d{6}$/.test(x.k) && isWithheld(x.cell));
    assert.ok(withheld, "a buurt's withheld month");
    const month = Number(withheld.k.slice(1));
    // The family ledger of a non-police recipient leaves sexual offences out (config: zeden).
    const key = `${familyLedgerKey(t.gemeenten[0])}|zonder:1.4.1`;
    assert.ok((await t.store.protectionLedger(key, 5)).length > 0, `the ledger ${key} is in use`);
    await t.store.addToProtectionLedger(key, 5, [
      { series: `${withheld.code}|totaal`, from: month, to: month },
    ]);
    const afterChange = await make(later(15));
    assert.notEqual(afterChange.sections, before.sections, "built again");
    const row = buurten(afterChange).find((r) => r.cells.code === withheld.code);
    assert.equal(typeof row?.cells[withheld.k], "number", "now shown, as it was published");
  });

  it("builds anew after a delivery: the new registrations count", async () => {
    const before = await make(later(20));
    const total = (doc: ProductDocument) =>
      documentTables(doc)
        .find((x) => x.id === "gemeente")
        ?.rows.find((r) => r.total)?.cells.m202609;
    const regs = await t.store.registrations({
      area: t.gemeenten[0],
      level: "gemeente",
      fromDay: 20260901,
      toDay: 20260930,
    });
    const extra = regs.slice(0, 7).map((r) => ({ ...r, sourceId: `${r.sourceId}-nogmaals` }));
    await loadExtra(t.store, "tabellenboek-extra", extra);
    const afterDelivery = await make(later(25));
    assert.notEqual(afterDelivery.sections, before.sections, "built again");
    assert.equal(typeof total(before), "number");
    assert.equal(total(afterDelivery), (total(before) as number) + extra.length);
  });

  it("keeps the gebiedsscan the same way, and builds it anew after a delivery in its months", async () => {
    const scan = (at: Date) => made(gebiedsscan, "2025", at);
    const first = await scan(later(30));
    const again = await scan(later(35));
    assert.equal(again.sections, first.sections, "kept");
    assert.equal(again.madeAt, later(35).toISOString());
    const regs = await t.store.registrations({
      area: t.gemeenten[0],
      level: "gemeente",
      fromDay: 20250601,
      toDay: 20250630,
    });
    const extra = regs
      .filter((r) => r.x !== null)
      .slice(0, 40)
      .map((r) => ({ ...r, sourceId: `${r.sourceId}-scan` }));
    await loadExtra(t.store, "gebiedsscan-extra", extra);
    const afterDelivery = await scan(later(40));
    assert.notEqual(afterDelivery.sections, first.sections, "built again");
    assert.notEqual(
      JSON.stringify(afterDelivery.sections),
      JSON.stringify(first.sections),
      "with the new registrations",
    );
  });
});
