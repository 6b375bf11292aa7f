// The product catalog (DESIGN.md §3): every product definition by id.

import { bestuurlijkeRapportageCatalogEntry } from "./definitions/bestuurlijke-rapportage.ts";
import { defaultBurgemeestersrapportage } from "./definitions/burgemeestersrapportage.ts";
import { coaOverzicht } from "./definitions/coa-overzicht.ts";
import { dagrapport } from "./definitions/dagrapport.ts";
import { driehoeksmonitor } from "./definitions/driehoeksmonitor.ts";
import { gebiedsscan } from "./definitions/gebiedsscan.ts";
import { halfjaarcijfers } from "./definitions/halfjaarcijfers.ts";
import { incidentenrapport } from "./definitions/incidentenrapport.ts";
import { jaarafsluiting } from "./definitions/jaarafsluiting.ts";
import { maandoverzicht } from "./definitions/maandoverzicht.ts";
import { ondermijningsbeeld } from "./definitions/ondermijningsbeeld.ts";
import { operationeelBeeld } from "./definitions/operationeel-beeld.ts";
import { perioderapportage } from "./definitions/perioderapportage.ts";
import { situatierapportage, situatierapportageAlleLenzen } from "./definitions/situatierapportage.ts";
import { tabellenboek } from "./definitions/tabellenboek.ts";
import { veiligheidsanalyse } from "./definitions/veiligheidsanalyse.ts";
import { woninginbraakmonitor } from "./definitions/woninginbraakmonitor.ts";
import type { ProductDefinition } from "./product-definition.ts";

// biome-ignore lint/suspicious/noExplicitAny: each definition has its own input type
export const CATALOG: readonly ProductDefinition<any>[] = [
  maandoverzicht,
  tabellenboek,
  woninginbraakmonitor,
  perioderapportage,
  halfjaarcijfers,
  jaarafsluiting,
  gebiedsscan,
  driehoeksmonitor,
  veiligheidsanalyse,
  situatierapportageAlleLenzen,
  incidentenrapport,
  operationeelBeeld,
  dagrapport,
  bestuurlijkeRapportageCatalogEntry,
  ondermijningsbeeld,
  coaOverzicht,
  defaultBurgemeestersrapportage,
];

// biome-ignore lint/suspicious/noExplicitAny: as above
export function productById(id: string): ProductDefinition<any> | undefined {
  const lens = /^situatierapportage-(.+)$/.exec(id)?.[1];
  if (lens) return situatierapportage(lens);
  return CATALOG.find((p) => p.id === id);
}
