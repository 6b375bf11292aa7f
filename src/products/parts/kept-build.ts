// A product's built document kept per protected input, for products whose document is large (the
// tabellenboek: some 10,000 cells). The store's reads are frozen and shared, and a protection
// decision is the same object for the same counts and ledger, so the same objects mean the same
// document; only "made at" follows the clock, and each call gets its own. The kept document is
// sealed (frozen all the way down), so its JSON for the register and its tables' HTML are kept too.

import { seal } from "../../disclosure/sealed.ts";
import type { ProductContext } from "../product-definition.ts";
import type { ProductDocument } from "../product-document.ts";

/**
 * What a document depends on: objects by identity (frozen store reads, decisions, areas), other
 * values by value. The first must be an object: entries live as long as it does.
 */
export type BuildKey = readonly [object, ...unknown[]];

/** Documents kept per first key object, most recently used first. */
const ENTRIES_PER_READ = 8;

/**
 * `build`, kept per `keyOf(input)` and the context (area, period, last complete month, record
 * key); `keyOf` returns null when the input cannot be kept (a read that is not frozen), and then
 * the document is built every time.
 */
export function keptBuild<I>(
  build: (input: I, ctx: ProductContext) => ProductDocument,
  keyOf: (input: I) => BuildKey | null,
): (input: I, ctx: ProductContext) => ProductDocument {
  const kept = new WeakMap<object, { key: unknown[]; doc: ProductDocument }[]>();
  return (input, ctx) => {
    const inputKey = keyOf(input);
    if (!inputKey) return build(input, ctx);
    const [first, ...rest] = inputKey;
    const key = [...rest, ctx.recordKey, JSON.stringify([ctx.area, ctx.period, ctx.lastCompleteMonth])];
    const entries = kept.get(first) ?? [];
    kept.set(first, entries);
    const i = entries.findIndex((e) => e.key.length === key.length && e.key.every((k, j) => k === key[j]));
    const hit = i >= 0 ? entries.splice(i, 1)[0] : undefined;
    const entry = hit ?? { key, doc: seal(build(input, ctx)) };
    entries.unshift(entry);
    entries.length = Math.min(entries.length, ENTRIES_PER_READ);
    return { ...entry.doc, madeAt: ctx.now.toISOString() };
  };
}
