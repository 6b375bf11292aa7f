// Registration <-> flat row (one value per REGISTRATION_COLUMNS entry). Shared by every store
// implementation: the spool file for bulk loads and the read-back of stored rows use it.

import type {
  PersonLink,
  PersonRole,
  PlacementMethod,
  Registration,
  RegistrationKind,
} from "../domain/registration.ts";
import { localBuckets } from "../domain/time.ts";

export type Cell = string | number | boolean | null;

export function personsText(persons: PersonLink[]): string | null {
  return persons.length === 0 ? null : persons.map((p) => `${p.role}:${p.pseudonym}`).join("|");
}

export function parsePersons(text: string | null): PersonLink[] {
  if (!text) return [];
  return text.split("|").map((part) => {
    const i = part.indexOf(":");
    return { role: part.slice(0, i) as PersonRole, pseudonym: part.slice(i + 1) };
  });
}

/**
 * The row values of a registration, in REGISTRATION_COLUMNS order, for a spool file. Cheap to
 * make (millions per load): timestamps are epoch milliseconds and the local date is yyyymmdd;
 * the store converts them to TIMESTAMP and DATE when it stages the spool (see SPOOL_TYPES).
 */
export function registrationRow(r: Registration, deliveryId: number, ...extra: Cell[]): Cell[] {
  return [
    r.source,
    r.sourceId,
    r.version ? r.version.getTime() : null,
    deliveryId,
    r.kind,
    r.bvhCode,
    r.inpCode,
    r.attempt,
    r.startsAt.getTime(),
    r.endsAt ? r.endsAt.getTime() : null,
    r.registeredAt ? r.registeredAt.getTime() : null,
    r.local.day,
    r.local.month,
    r.local.hour,
    r.local.weekday,
    r.local.isoWeek,
    r.x,
    r.y,
    r.postcode,
    r.houseNumber,
    r.placement.year,
    r.placement.buurt,
    r.placement.wijk,
    r.placement.gemeente,
    r.placement.pc4,
    r.placement.method,
    r.modusOperandi,
    personsText(r.persons),
    r.description,
    ...extra,
  ];
}

/** A stored row (column name -> JS value, timestamps as Date) back to a Registration. */
export function rowToRegistration(row: Record<string, unknown>): Registration {
  const str = (k: string) => (row[k] === null || row[k] === undefined ? null : String(row[k]));
  const num = (k: string) => (row[k] === null || row[k] === undefined ? null : Number(row[k]));
  const date = (k: string) =>
    row[k] instanceof Date ? (row[k] as Date) : row[k] ? new Date(String(row[k])) : null;
  const startsAt = date("starts_at") ?? new Date(Number.NaN);
  return {
    source: String(row.source),
    sourceId: String(row.source_id),
    version: date("version"),
    kind: String(row.kind) as RegistrationKind,
    bvhCode: str("bvh_code"),
    inpCode: str("inp_code"),
    attempt: Boolean(row.attempt),
    startsAt,
    endsAt: date("ends_at"),
    registeredAt: date("registered_at"),
    local: localBuckets(startsAt.getTime()),
    x: num("x"),
    y: num("y"),
    postcode: str("postcode"),
    houseNumber: str("house_number"),
    placement: {
      year: num("area_year"),
      buurt: str("buurt"),
      wijk: str("wijk"),
      gemeente: str("gemeente"),
      pc4: str("pc4"),
      method: String(row.placement) as PlacementMethod,
    },
    modusOperandi: str("modus_operandi"),
    persons: parsePersons(str("persons")),
    description: str("description"),
  };
}

/** How registrationRow encodes columns whose stored type differs from the spooled one. */
export const SPOOL_ENCODING: Partial<Record<string, "epoch-ms" | "yyyymmdd">> = {
  version: "epoch-ms",
  starts_at: "epoch-ms",
  ends_at: "epoch-ms",
  registered_at: "epoch-ms",
  local_date: "yyyymmdd",
};
