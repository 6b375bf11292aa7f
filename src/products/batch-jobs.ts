// Which products a batch makes for a period: from the gemeenten's current agreements (each agreed
// product whose cadence has this period kind, in its agreed formats), or every catalog product
// that fits the period for every gemeente (its default level, formats given).

import type { Agreement } from "../agreements/agreement.ts";
import { periodKindOf } from "../agreements/cadence.ts";
import type { ProductFormat } from "../render/product/render-product.ts";
import type { ProductDefinition } from "./product-definition.ts";
import type { ProductPeriod } from "./product-period.ts";

export interface BatchJob {
  gemeente: string;
  product: string;
  /** Area the product is made for (the agreed area, or the gemeente). */
  area: string;
  formats: ProductFormat[];
}

/** Jobs from agreements: every agreed product whose cadence has the period's kind. */
export function jobsFromAgreements(agreements: readonly Agreement[], period: ProductPeriod): BatchJob[] {
  const jobs = new Map<string, BatchJob>();
  for (const a of agreements)
    for (const item of a.producten) {
      if (periodKindOf(item.cadans) !== period.kind) continue;
      const key = `${a.gemeente}|${item.product}|${item.gebied}`;
      const known = jobs.get(key);
      // The same product for the same area in two items: one file per format asked by either.
      const formats = [...new Set([...(known?.formats ?? []), ...item.formaten])];
      jobs.set(key, { gemeente: a.gemeente, product: item.product, area: item.gebied, formats });
    }
  return [...jobs.values()].sort(
    (x, y) => x.gemeente.localeCompare(y.gemeente) || x.product.localeCompare(y.product),
  );
}

/** Jobs for every gemeente and every catalog product made at gemeente level for this period kind. */
export function jobsForAll(
  catalog: readonly Pick<ProductDefinition, "id" | "levels" | "periodKinds">[],
  gemeenten: readonly string[],
  period: ProductPeriod,
  formats: ProductFormat[],
): BatchJob[] {
  const products = catalog.filter(
    (p) => p.levels.includes("gemeente") && p.periodKinds.includes(period.kind),
  );
  return [...gemeenten]
    .sort()
    .flatMap((g) => products.map((p) => ({ gemeente: g, product: p.id, area: g, formats })));
}
