// The product catalog (DESIGN.md §3): every product definition by id.

import { maandoverzicht } from "./definitions/maandoverzicht.ts";
import { tabellenboek } from "./definitions/tabellenboek.ts";
import type { ProductDefinition } from "./product-definition.ts";

// biome-ignore lint/suspicious/noExplicitAny: each definition has its own input type
export const CATALOG: readonly ProductDefinition<any>[] = [maandoverzicht, tabellenboek];

// biome-ignore lint/suspicious/noExplicitAny: as above
export function productById(id: string): ProductDefinition<any> | undefined {
  return CATALOG.find((p) => p.id === id);
}
