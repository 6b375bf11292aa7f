// The areas that place a gemeente: the gemeenten and the police areas above them (basisteam,
// district, eenheid), without the country's wijken and buurten (tens of thousands, not needed to
// climb from a gemeente to its eenheid).

import type { AreaSummary } from "../../domain/area.ts";
import type { Store } from "../../store/store.ts";

export async function placingAreas(store: Pick<Store, "listAreas">): Promise<AreaSummary[]> {
  const levels = await Promise.all(
    (["gemeente", "basisteam", "district", "eenheid"] as const).map((level) => store.listAreas({ level })),
  );
  return levels.flat();
}
