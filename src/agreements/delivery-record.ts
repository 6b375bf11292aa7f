// What became of each scheduled delivery, as a versioned document (kind "bezorging", key the
// delivery key: gemeente|product|gebied|periode|ontvanger). A delivery that went out or was refused
// is final: a later run skips it. One that failed (mail server down, no e-mail address, …) is
// tried again on the next run, for the channels that did not work yet; every try is a version.

import type { Store } from "../store/store.ts";
import type { Channel } from "./agreement.ts";

export const DELIVERY_KIND = "bezorging";

/** bezorgd: every channel worked; geweigerd: the gate refused (final); mislukt: retried next run. */
export type DeliveryStatus = "bezorgd" | "geweigerd" | "mislukt";

/** bezorgd: sent or written; beschikbaar: to be fetched on the web or through the API; mislukt. */
export type ChannelStatus = "bezorgd" | "beschikbaar" | "mislukt";

export interface ChannelResult {
  status: ChannelStatus;
  /** Dutch: to whom or where, or what went wrong. */
  detail: string;
}

/** The document body (Dutch field names, like the agreement it follows from). */
export interface DeliveryRecord {
  sleutel: string;
  gemeente: string;
  afspraakVersie: number;
  product: string;
  gebied: string;
  periode: string;
  ontvanger: string;
  doel: string;
  status: DeliveryStatus;
  /** The register entry of the disclosure (null when refused or not made). */
  registernummer: number | null;
  /** The legal basis the gate used (null when refused or not made). */
  grondslag: string | null;
  /** Why it was refused or failed, in Dutch. */
  reden: string | null;
  kanalen: Partial<Record<Channel, ChannelResult>>;
  /** ISO 8601 instant of this try. */
  op: string;
}

/** Whether a channel needs no further try. */
export function channelDone(r: ChannelResult | undefined): boolean {
  return r !== undefined && r.status !== "mislukt";
}

export interface DeliveryState {
  /** Keys delivered or refused: never again. */
  done: Set<string>;
  /** The last try of deliveries that failed, by key. */
  failed: Map<string, DeliveryRecord>;
}

export async function deliveryState(store: Pick<Store, "documents">): Promise<DeliveryState> {
  const done = new Set<string>();
  const failed = new Map<string, DeliveryRecord>();
  for (const doc of await store.documents(DELIVERY_KIND)) {
    const record = doc.body as DeliveryRecord;
    if (record.status === "mislukt") failed.set(doc.key, record);
    else done.add(doc.key);
  }
  return { done, failed };
}

export async function saveDeliveryRecord(
  store: Pick<Store, "saveDocument">,
  record: DeliveryRecord,
  now: Date,
): Promise<void> {
  await store.saveDocument({
    kind: DELIVERY_KIND,
    key: record.sleutel,
    body: record,
    author: "systeem",
    savedAt: now,
  });
}
