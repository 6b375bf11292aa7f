// One entry of the verstrekkingenregister (disclosure register) and its seal: every entry carries
// the hash of the one before it, and its own hash is an HMAC-SHA256 over its canonical JSON with a
// key kept outside the store. Changing, removing or reordering an entry breaks the chain; forging a
// new chain needs the key.

import { createHmac } from "node:crypto";
import type { Sensitivity } from "../../domain/sensitivity.ts";

/**
 * `verstrekking`: data reached a person; `beheer`: administrative information (deliveries, users)
 * reached a beheerder; `retentie`: data was purged at the end of its retention.
 */
export type RegisterKind = "verstrekking" | "beheer" | "retentie";

/** What is recorded about one disclosure (DESIGN.md §4): who, why, under which rule, what, when. */
export interface RegisterFields {
  /** ISO 8601 instant in UTC, e.g. "2026-11-22T09:15:00.000Z". */
  at: string;
  kind: RegisterKind;
  /** User id, or "systeem" for work the system does on its own (retention). */
  user: string;
  /** The role(s) the user acted in. */
  roles: string[];
  organisation: string | null;
  /** Doelbinding, e.g. "openbare-orde" or "casus:2026-014". */
  purpose: string | null;
  /** Id of the legal basis in the registry, e.g. "wpg-16-1-c". */
  legalBasis: string | null;
  /** Id of the policy that allowed it. */
  policy: string | null;
  /** Product id or query name, e.g. "maandoverzicht". */
  what: string;
  areas: string[];
  /** Period asked, e.g. "2026-10" or "2025-11/2026-10". */
  period: string | null;
  sensitivity: Sensitivity;
  /** Number of table cells or records disclosed. */
  count: number;
  /** SHA-256 (hex) of the content as disclosed, so a copy can be matched to its entry. */
  contentHash: string | null;
  /**
   * The decision or convenant the disclosure rests on, e.g. "besluit:OM-2026-12" or
   * "convenant:RIEC-MN" (absent in entries written before this field existed).
   */
  reference?: string | null;
}

export interface RegisterEntry extends RegisterFields {
  /** 1, 2, 3, … without gaps. */
  seq: number;
  /** `hash` of the previous entry; {@link GENESIS} for the first. */
  prev: string;
  /** HMAC-SHA256 (hex) over the canonical JSON of all other fields. */
  hash: string;
}

/** The `prev` of the first entry. */
export const GENESIS = "0".repeat(64);

/** The JSON of an entry without its hash, with a fixed key order: the text the HMAC covers. */
export function canonicalBody(e: Omit<RegisterEntry, "hash">): string {
  return JSON.stringify({
    seq: e.seq,
    prev: e.prev,
    at: e.at,
    kind: e.kind,
    user: e.user,
    roles: e.roles,
    organisation: e.organisation,
    purpose: e.purpose,
    legalBasis: e.legalBasis,
    policy: e.policy,
    what: e.what,
    areas: e.areas,
    period: e.period,
    sensitivity: e.sensitivity,
    count: e.count,
    contentHash: e.contentHash,
    // Absent (undefined) leaves the JSON of older entries unchanged, so their seals still hold.
    reference: e.reference,
  });
}

export function sealHash(key: Uint8Array, body: string): string {
  return createHmac("sha256", key).update(body).digest("hex");
}

/** The next entry after (`seq` − 1, `prev`), sealed with `key`. */
export function sealEntry(key: Uint8Array, seq: number, prev: string, fields: RegisterFields): RegisterEntry {
  const unsealed = { seq, prev, ...fields };
  return { ...unsealed, hash: sealHash(key, canonicalBody(unsealed)) };
}

/** One line of the register file: the canonical body with the hash as last field. */
export function entryLine(e: RegisterEntry): string {
  return `${canonicalBody(e).slice(0, -1)},"hash":${JSON.stringify(e.hash)}}\n`;
}
