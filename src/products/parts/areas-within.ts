// The wijken or buurten of the product's gemeente in its boundary year (public reference data),
// and every area a gemeente-with-wijken-and-buurten product discloses.

import type { Area } from "../../domain/area.ts";
import type { ProductContext, ProductStore } from "../product-definition.ts";

export interface AreaRef {
  code: string;
  name: string;
  wgs84: Area["wgs84"];
  rd: Area["rd"];
}

/** One reference per area as the store shares it (frozen), so the same areas give the same references. */
const refs = new WeakMap<Area, AreaRef>();
function refOf(a: Area): AreaRef {
  let ref = refs.get(a);
  if (!ref) {
    ref = Object.freeze({ code: a.code, name: a.name, wgs84: a.wgs84, rd: a.rd });
    refs.set(a, ref);
  }
  return ref;
}

/** The wijken or buurten whose CBS code lies in the context's gemeente, by code. */
export async function areasWithin(
  store: ProductStore,
  level: "wijk" | "buurt",
  ctx: ProductContext,
): Promise<AreaRef[]> {
  const prefix = `${level === "wijk" ? "WK" : "BU"}${ctx.area.code.slice(2)}`;
  return (await store.areas(level, ctx.area.year))
    .filter((a) => a.code.startsWith(prefix))
    .map(refOf)
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** `disclosedAreas` for products that show the gemeente with its wijken and buurten. */
export async function gemeenteWithWijkenAndBuurten(
  store: ProductStore,
  ctx: ProductContext,
): Promise<string[]> {
  const [w, b] = await Promise.all([areasWithin(store, "wijk", ctx), areasWithin(store, "buurt", ctx)]);
  return [ctx.area.code, ...w.map((a) => a.code), ...b.map((a) => a.code)];
}
