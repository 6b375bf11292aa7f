// Record-level protection: what a single registration may show at each sensitivity (DESIGN.md §4).
// - incident: no persons, no free text, no modus operandi in words; the place coarsened to the
//   centre of its buurt; the time to the whole hour (local); the registration number replaced by
//   a keyed pseudonym (so the same registration is recognisable across reports, not traceable).
// - address: as incident, plus the exact place, postcode and house number (the gate allows this
//   level only under a local agreement).
// - person: as address, plus the persons involved, each under a keyed pseudonym; the free text
//   still stays out.
// Pseudonyms are HMAC-SHA256 with a key outside the store; only someone holding the key and the
// original id can recompute (re-identify) one: see `pseudonym`.

import { createHmac } from "node:crypto";
import type { PersonRole, Registration } from "../../domain/registration.ts";
import type { Sensitivity } from "../../domain/sensitivity.ts";

export interface ProtectedRecord {
  /** Pseudonym of the registration (stable per key). */
  id: string;
  kind: Registration["kind"];
  bvhCode: string | null;
  inpCode: string | null;
  attempt: boolean;
  /** Local date and hour of the start, e.g. "2024-03-01 22:00". */
  startsAtHour: string;
  buurt: string | null;
  wijk: string | null;
  gemeente: string | null;
  /** RD New metres: the buurt centre (incident) or the registered point (address, person). */
  x: number | null;
  y: number | null;
  /** How the place was given: "buurtmidden", "punt" or "onbekend". */
  place: "buurtmidden" | "punt" | "onbekend";
  postcode?: string | null;
  houseNumber?: string | null;
  persons?: { role: PersonRole; pseudonym: string }[];
}

export interface RecordProtectionContext {
  /** Key for pseudonyms (32 bytes, from the key folder). */
  key: Uint8Array;
  /** Centre (RD) of a buurt, or null when unknown. */
  buurtCentre: (code: string) => [number, number] | null;
}

/** A keyed pseudonym: "prefix-" and 16 hex characters of HMAC-SHA256(key, kind|value). */
export function pseudonym(key: Uint8Array, kind: "registratie" | "persoon", value: string): string {
  const mac = createHmac("sha256", key).update(`${kind}|${value}`).digest("hex").slice(0, 16);
  return `${kind === "registratie" ? "R" : "P"}-${mac}`;
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The registration as it may be shown at `sensitivity`.
 * @throws RangeError for `open` and `aggregated` (no single records at those levels) and for
 *   `criminal-procedure` (OM data is not a police registration).
 */
export function protectRecord(
  r: Registration,
  sensitivity: Sensitivity,
  ctx: RecordProtectionContext,
): ProtectedRecord {
  if (sensitivity !== "incident" && sensitivity !== "address" && sensitivity !== "person") {
    throw new RangeError(`no single records at sensitivity ${sensitivity}`);
  }
  const d = r.local.day;
  const startsAtHour = `${Math.floor(d / 10000)}-${pad(Math.floor(d / 100) % 100)}-${pad(d % 100)} ${pad(r.local.hour)}:00`;
  const base: ProtectedRecord = {
    id: pseudonym(ctx.key, "registratie", `${r.source}|${r.sourceId}`),
    kind: r.kind,
    bvhCode: r.bvhCode,
    inpCode: r.inpCode,
    attempt: r.attempt,
    startsAtHour,
    buurt: r.placement.buurt,
    wijk: r.placement.wijk,
    gemeente: r.placement.gemeente,
    x: null,
    y: null,
    place: "onbekend",
  };
  if (sensitivity === "incident") {
    const centre = r.placement.buurt ? ctx.buurtCentre(r.placement.buurt) : null;
    return centre ? { ...base, x: centre[0], y: centre[1], place: "buurtmidden" } : base;
  }
  const exact: ProtectedRecord = {
    ...base,
    x: r.x,
    y: r.y,
    place: r.x !== null && r.y !== null ? "punt" : "onbekend",
    postcode: r.postcode,
    houseNumber: r.houseNumber,
  };
  if (sensitivity === "address") return exact;
  return {
    ...exact,
    persons: r.persons.map((p) => ({ role: p.role, pseudonym: pseudonym(ctx.key, "persoon", p.pseudonym) })),
  };
}
