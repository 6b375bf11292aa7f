// CBS open data (StatLine CSV export, OData TypedDataSet JSON) as aggregate cells of a delivery.

import { readFile } from "node:fs/promises";
import type { DeliveryFormat } from "../domain/delivery.ts";
import type { AggregateRow } from "../domain/registration.ts";
import type { DeliveryContent, Store } from "../store/store.ts";
import { parseCbsOData } from "./cbs/cbs-odata.ts";
import { parseStatlineCsv } from "./cbs/statline-csv.ts";
import { decodeText } from "./text/detect-encoding.ts";

/** Region name -> gemeente code, from the gemeenten in the store (newest boundary year first). */
export async function regionResolver(
  store: Pick<Store, "listAreas">,
): Promise<(name: string) => string | null> {
  const key = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");
  const byName = new Map<string, string>();
  const areas = await store.listAreas({ level: "gemeente" });
  for (const a of [...areas].sort((x, y) => y.year - x.year)) {
    if (!byName.has(key(a.name))) byName.set(key(a.name), a.code);
  }
  return (name) => byName.get(key(name)) ?? null;
}

export async function aggregateContent(
  path: string,
  format: Extract<DeliveryFormat, "statline" | "cbs-odata">,
  source: string,
  store: Store,
): Promise<DeliveryContent> {
  const bytes = await readFile(path);
  const { text } = decodeText(bytes, path);
  const parsed =
    format === "statline"
      ? parseStatlineCsv(text, path, await regionResolver(store))
      : parseCbsOData(text, path);
  const rows: AggregateRow[] = parsed.rows.map((r) => ({ ...r, source }));
  return {
    aggregates: (async function* () {
      for (let i = 0; i < rows.length; i += 10_000) yield rows.slice(i, i + 10_000);
    })(),
    finish: () => ({ quarantine: parsed.problems, read: rows.length + parsed.problems.length }),
  };
}
