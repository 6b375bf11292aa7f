// A delivery (levering): one file as it arrived, with its hash and what became of its rows.

export type DeliveryStatus = "geladen" | "mislukt";
export type DeliveryFormat = "canoniek" | "profiel" | "statline" | "cbs-odata";

export interface DeliveryCounts {
  /** Records read from the file (header lines excluded). */
  read: number;
  /** Registrations that are new in the store. */
  inserted: number;
  /** Registrations that replaced an older version (the older one went to history). */
  updated: number;
  /** Registrations identical to, or older than, what the store already had. */
  unchanged: number;
  /** Aggregate cells loaded. */
  aggregates: number;
  /** Records that went to quarantine. */
  quarantined: number;
  /** Registrations kept but not placed in any area. */
  unplaced: number;
}

export interface Delivery {
  id: number;
  source: string;
  fileName: string;
  sha256: string;
  bytes: number;
  format: DeliveryFormat;
  status: DeliveryStatus;
  /** Dutch message when status is "mislukt". */
  error: string | null;
  receivedAt: Date;
  counts: DeliveryCounts;
}

/** One rejected record, kept with the reason so nothing is silently dropped. */
export interface QuarantineEntry {
  file: string;
  /** 1-based line number in the file where the record starts (0 for the file as a whole). */
  line: number;
  /** Column / field the problem is in, or null for the record as a whole. */
  field: string | null;
  /** Plain Dutch reason. */
  reason: string;
  /** The raw record text as it stood in the file. */
  raw: string;
}

export function emptyCounts(): DeliveryCounts {
  return { read: 0, inserted: 0, updated: 0, unchanged: 0, aggregates: 0, quarantined: 0, unplaced: 0 };
}
