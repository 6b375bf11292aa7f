// Turns a stream of canonical records into the DeliveryContent a store loads: each record is
// normalized; good ones are batched, bad ones go to quarantine with line, field and reason.

import type { QuarantineEntry } from "../domain/delivery.ts";
import type { AddressPoint, DeliveryContent, LineRegistration, Store } from "../store/store.ts";
import {
  type CanonicalRecord,
  type NormalizeContext,
  normalizeRegistration,
  parsePostcode,
} from "./normalize-registration.ts";

export interface SourceRecord {
  line: number;
  raw: string;
  record: CanonicalRecord;
}

/** A stream of records from an adapter, and what it found broken along the way. */
export interface RecordStream {
  file: string;
  batches: AsyncIterable<SourceRecord[]>;
  /** Structural problems (broken lines, unmappable values); complete when `batches` has ended. */
  problems: QuarantineEntry[];
}

const addressKey = (postcode: string, houseNumber: string) =>
  `${postcode}|${houseNumber.trim().toUpperCase()}`;

export function registrationContent(
  stream: RecordStream,
  ctx: Omit<NormalizeContext, "address">,
  deps: { store: Pick<Store, "addresses">; rawLines: (lines: number[]) => Promise<Map<number, string>> },
): DeliveryContent {
  const quarantine: QuarantineEntry[] = [];
  let read = 0;
  const addresses = new Map<string, AddressPoint>();
  const askedPostcodes = new Set<string>();

  async function prefetchAddresses(batch: SourceRecord[]): Promise<void> {
    const wanted = new Set<string>();
    for (const { record } of batch) {
      if (record.x || record.lat || !record.postcode || !record.huisnummer) continue;
      const pc = parsePostcode(record.postcode);
      if (pc?.postcode && !askedPostcodes.has(pc.postcode)) wanted.add(pc.postcode);
    }
    if (wanted.size === 0) return;
    for (const p of wanted) askedPostcodes.add(p);
    for (const a of await deps.store.addresses([...wanted]))
      addresses.set(addressKey(a.postcode, a.houseNumber), a);
  }

  const full: NormalizeContext = {
    ...ctx,
    address: (postcode, houseNumber) => addresses.get(addressKey(postcode, houseNumber)),
  };

  async function* registrations(): AsyncIterable<LineRegistration[]> {
    for await (const batch of stream.batches) {
      await prefetchAddresses(batch);
      const out: LineRegistration[] = [];
      for (const { line, raw, record } of batch) {
        read++;
        const r = normalizeRegistration(record, full);
        if (r.ok) out.push({ line, registration: r.registration });
        else quarantine.push({ file: stream.file, line, field: r.field, reason: r.reason, raw });
      }
      if (out.length > 0) yield out;
    }
  }

  return {
    registrations: registrations(),
    finish: () => {
      const all = [...stream.problems, ...quarantine].sort((a, b) => a.line - b.line);
      return { quarantine: all, read: read + stream.problems.length };
    },
    rawLines: deps.rawLines,
  };
}
