// The incidents layer of the Kaart: single registrations of the chosen type and period at
// sensitivity "incident" (DESIGN.md §4), only when the gate allows it. Every registration first
// goes through protectRecord ("incident": no persons, free text or modus operandi, the place
// coarsened to the centre of its buurt, the time to the hour); the layer then shows only how many
// lie at each buurt centre. Nothing of a raw registration reaches the model.

import { randomBytes } from "node:crypto";
import { protectRecord } from "../../disclosure/record-protection/protect-record.ts";
import { type TableProtection, withheldBelow } from "../../disclosure/table-protection/protection-rules.ts";
import { AccessDenied } from "../../domain/errors.ts";
import type { Registration } from "../../domain/registration.ts";
import { type KaartQuery, type KaartStore, typesOf } from "./kaart-data.ts";
import { mapAreas } from "./map-geometry.ts";

export interface IncidentInput {
  registrations: readonly Registration[];
  /** Buurt centres (RD) and names of the gemeente's buurten. */
  buurten: ReadonlyMap<string, { name: string; centre: [number, number] | null }>;
}

export interface IncidentBuurt {
  code: string;
  name: string;
  x: number;
  y: number;
  count: number;
}

export interface IncidentLayer {
  buurten: IncidentBuurt[];
  total: number;
  /** Registrations without a buurt centre (not on the map). */
  unplaced: number;
}

export async function loadIncidents(store: KaartStore, q: KaartQuery): Promise<IncidentInput> {
  const [registrations, buurten] = await Promise.all([
    store.registrations({
      area: q.gemeente.code,
      level: "gemeente",
      fromDay: q.period.days.from,
      toDay: q.period.days.to,
      inpCodes: q.soort === null ? undefined : typesOf(q.soort),
    }),
    mapAreas(store, q.gemeente, "buurt"),
  ]);
  return {
    registrations,
    buurten: new Map(buurten.areas.map((b) => [b.code, { name: b.name, centre: b.centre }])),
  };
}

/**
 * The gate's table protection on single records: withheld types are left out; a minimum or
 * rounding cannot be honoured next to the records it would hide, so the layer is refused.
 * @throws AccessDenied when a minimum above 1 or rounding is asked.
 */
export function protectIncidents(input: IncidentInput, table: TableProtection): IncidentInput {
  if (table.minimum > 1 || (table.roundTo ?? 1) > 1) {
    throw new AccessDenied(
      "losse registraties kunnen niet worden afgeschermd zoals de tabelbeveiliging vraagt; deze laag is er niet voor deze ontvanger",
      "kaart-incidenten",
    );
  }
  const withhold = new Set(withheldBelow(table));
  if (withhold.size === 0) return input;
  return {
    ...input,
    registrations: input.registrations.filter((r) => r.inpCode !== null && !withhold.has(r.inpCode)),
  };
}

/** A key only for this process: the layer shows no record ids, so the pseudonyms never leave. */
const LAYER_KEY = randomBytes(32);

export function presentIncidents(input: IncidentInput): IncidentLayer {
  const per = new Map<string, IncidentBuurt>();
  let unplaced = 0;
  for (const r of input.registrations) {
    const p = protectRecord(r, "incident", {
      key: LAYER_KEY,
      buurtCentre: (code) => input.buurten.get(code)?.centre ?? null,
    });
    if (p.place !== "buurtmidden" || p.buurt === null || p.x === null || p.y === null) {
      unplaced++;
      continue;
    }
    const known = per.get(p.buurt);
    if (known) known.count++;
    else
      per.set(p.buurt, {
        code: p.buurt,
        name: input.buurten.get(p.buurt)?.name ?? p.buurt,
        x: p.x,
        y: p.y,
        count: 1,
      });
  }
  const buurten = [...per.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, "nl"));
  return { buurten, total: input.registrations.length, unplaced };
}
