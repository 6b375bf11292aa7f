// The product catalog (DESIGN.md §3): every product definition by id.

import { dagrapport } from "./definitions/dagrapport.ts";
import { halfjaarcijfers } from "./definitions/halfjaarcijfers.ts";
import { incidentenrapport } from "./definitions/incidentenrapport.ts";
import { jaarafsluiting } from "./definitions/jaarafsluiting.ts";
import { maandoverzicht } from "./definitions/maandoverzicht.ts";
import { operationeelBeeld } from "./definitions/operationeel-beeld.ts";
import { situatierapportage, situatierapportageAlleLenzen } from "./definitions/situatierapportage.ts";
import { tabellenboek } from "./definitions/tabellenboek.ts";
import { woninginbraakmonitor } from "./definitions/woninginbraakmonitor.ts";
import type { ProductDefinition } from "./product-definition.ts";

// biome-ignore lint/suspicious/noExplicitAny: each definition has its own input type
export const CATALOG: readonly ProductDefinition<any>[] = [
  maandoverzicht,
  tabellenboek,
  woninginbraakmonitor,
  halfjaarcijfers,
  jaarafsluiting,
  situatierapportageAlleLenzen,
  incidentenrapport,
  operationeelBeeld,
  dagrapport,
];

// biome-ignore lint/suspicious/noExplicitAny: as above
export function productById(id: string): ProductDefinition<any> | undefined {
  const lens = /^situatierapportage-(.+)$/.exec(id)?.[1];
  if (lens) return situatierapportage(lens);
  return CATALOG.find((p) => p.id === id);
}
