// The fields every product document opens with (product, title, area, period, sensitivity, when
// it was made), in the order the documents are written in: the JSON keeps that order.

import type { Sensitivity } from "../../domain/sensitivity.ts";
import type { ProductContext } from "../product-definition.ts";
import type { ProductDocument } from "../product-document.ts";

export type DocumentHead = Pick<
  ProductDocument,
  "product" | "title" | "area" | "period" | "sensitivity" | "madeAt"
>;

/** The head of a document about the context's area and period, made at the context's `now`. */
export function documentHead(
  ctx: ProductContext,
  product: string,
  title: string,
  sensitivity: Sensitivity,
): DocumentHead {
  return {
    product,
    title,
    area: { code: ctx.area.code, name: ctx.area.name, level: ctx.area.level },
    period: { id: ctx.period.id, label: ctx.period.label, from: ctx.period.from, to: ctx.period.to },
    sensitivity,
    madeAt: ctx.now.toISOString(),
  };
}
