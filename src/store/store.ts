// The Store interface. Every implementation (duckdb/, later postgres/) passes the shared suite in
// store-suite.ts. SQL stays in the subset both DuckDB and PostgreSQL run.

import type { Organisation, UserAccount } from "../domain/account.ts";
import type { Area, AreaLevel, AreaSummary, IndelingRow, PopulationRow } from "../domain/area.ts";
import type { ClassificationRow } from "../domain/classification.ts";
import type { Delivery, DeliveryFormat, QuarantineEntry } from "../domain/delivery.ts";
import type { AggregateRow, Registration } from "../domain/registration.ts";

export interface NewDelivery {
  source: string;
  fileName: string;
  sha256: string;
  bytes: number;
  format: DeliveryFormat;
  receivedAt: Date;
}

/** A registration with the file line it came from. */
export interface LineRegistration {
  line: number;
  registration: Registration;
}

/** What a delivery contains, produced while the file is read (streamed in batches). */
export interface DeliveryContent {
  registrations?: AsyncIterable<LineRegistration[]>;
  aggregates?: AsyncIterable<AggregateRow[]>;
  /** Called once all batches are consumed: the quarantined records and the number read. */
  finish(): { quarantine: QuarantineEntry[]; read: number };
  /** The raw text of the given lines, for quarantine entries the store itself makes. */
  rawLines?(lines: number[]): Promise<Map<number, string>>;
}

export type LoadOutcome =
  | { kind: "loaded"; delivery: Delivery }
  /** The same file (same hash) was loaded before; nothing changed. */
  | { kind: "duplicate"; delivery: Delivery }
  | { kind: "failed"; delivery: Delivery; error: Error };

/** An address point, for placing registrations that carry postcode + house number only. */
export interface AddressPoint {
  postcode: string;
  houseNumber: string;
  x: number;
  y: number;
}

export interface MonthlyCountsQuery {
  /** Area code at any level stored on registrations: gemeente, wijk, buurt or pc4. */
  area: string;
  level: "gemeente" | "wijk" | "buurt" | "pc4";
  /** Inclusive, yyyymm. */
  fromMonth: number;
  toMonth: number;
}

export interface MonthlyCount {
  month: number;
  inpCode: string;
  count: number;
  attempts: number;
}

/** A monthly count of one area (a wijk or buurt of the gemeente asked). */
export interface AreaMonthlyCount extends MonthlyCount {
  area: string;
}

export interface RegistrationsQuery {
  area: string;
  level: "gemeente" | "wijk" | "buurt";
  /** Inclusive local days, yyyymmdd. */
  fromDay: number;
  toDay: number;
  /** Only these INP codes (all when absent). */
  inpCodes?: readonly string[];
}

/** A sum of months `from`…`to` (yyyymm) of one series (an INP code, or "totaal"). */
export interface LedgerInterval {
  series: string;
  from: number;
  to: number;
}

/** One version of a document people write (an agreement, local knowledge, targets…). */
export interface SavedDocument {
  /** What it is, e.g. "afspraak", "inventaris", "lokale-kennis", "streefcijfers". */
  kind: string;
  /** Which one, e.g. a gemeente code or "GM0344/gebiedsscan". */
  key: string;
  /** 1, 2, 3 … per kind and key; never reused. */
  version: number;
  /** The content as JSON (validated by whoever reads it). */
  body: unknown;
  author: string;
  savedAt: Date;
}

export interface StoredVersion {
  registration: Registration;
  deliveryId: number;
  current: boolean;
}

export interface Store {
  /** Where the store lives (file path or connection string without password). */
  readonly location: string;
  close(): Promise<void>;

  // Reference data
  importClassification(rows: ClassificationRow[]): Promise<number>;
  classification(): Promise<ClassificationRow[]>;
  importAreas(areas: Area[]): Promise<number>;
  /** Areas with geometry of one level and boundary year (all years when year is omitted). */
  areas(level: AreaLevel, year?: number): Promise<Area[]>;
  /** Boundary years for which areas of this level are stored, newest first. */
  boundaryYears(level: AreaLevel): Promise<number[]>;
  importPopulation(rows: PopulationRow[]): Promise<number>;
  importIndeling(rows: IndelingRow[], year: number): Promise<number>;
  listAreas(filter?: { level?: AreaLevel; year?: number }): Promise<AreaSummary[]>;
  importAddresses(rows: AddressPoint[]): Promise<number>;
  /** Address points for the given postcodes (for placement). */
  addresses(postcodes: string[]): Promise<AddressPoint[]>;

  // Deliveries
  /** Loads a delivery atomically: everything or (on error or crash) nothing but the failure record. */
  loadDelivery(delivery: NewDelivery, content: DeliveryContent): Promise<LoadOutcome>;
  deliveries(): Promise<Delivery[]>;
  /** The loaded delivery of this source with this file hash, if any. */
  loadedDelivery(source: string, sha256: string): Promise<Delivery | undefined>;
  delivery(id: number): Promise<Delivery | undefined>;
  quarantine(deliveryId: number): Promise<QuarantineEntry[]>;

  // Reads (only ever called through disclosure/)
  registrationCount(): Promise<number>;
  /** The person pseudonyms (as delivered) on registrations placed in this gemeente. */
  personPseudonyms(gemeente: string): Promise<string[]>;
  registrationVersions(source: string, sourceId: string): Promise<StoredVersion[]>;
  monthlyCounts(q: MonthlyCountsQuery): Promise<readonly MonthlyCount[]>;
  /** Monthly counts per wijk or buurt placed in a gemeente, in one query. */
  monthlyCountsWithin(q: {
    gemeente: string;
    level: "wijk" | "buurt";
    fromMonth: number;
    toMonth: number;
  }): Promise<readonly AreaMonthlyCount[]>;
  /** Current registrations placed in the area whose local counting day lies in the range, oldest first. */
  registrations(q: RegistrationsQuery): Promise<readonly Registration[]>;
  aggregates(filter: { areaCode?: string; table?: string }): Promise<AggregateRow[]>;

  // Organisations and users (issue 4)
  /** Inserts or replaces an organisation (by id). */
  saveOrganisation(org: Organisation): Promise<void>;
  organisations(): Promise<Organisation[]>;
  /** Inserts or replaces a user account (by id). */
  saveUser(user: UserAccount): Promise<void>;
  user(id: string): Promise<UserAccount | undefined>;
  users(): Promise<UserAccount[]>;
  /**
   * Records that the user opens Mijn beeld now; returns the visit before this one (null for the
   * first), so the page can show what changed since.
   */
  recordVisit(userId: string, at: Date): Promise<Date | null>;

  // Documents people write, versioned: saving never changes an earlier version.
  /** Saves a new version; returns it (version = the previous one + 1). */
  saveDocument(doc: Omit<SavedDocument, "version">): Promise<SavedDocument>;
  /** The newest version of each document of this kind (of this key only, when given). */
  documents(kind: string, key?: string): Promise<SavedDocument[]>;
  /** Every version of one document, oldest first. */
  documentHistory(kind: string, key: string): Promise<SavedDocument[]>;

  // Retention
  /**
   * Deletes, in one transaction, registrations that started before `registrationsBefore`, older
   * versions that started before `historyBefore`, and quarantined lines of deliveries received
   * before `quarantineBefore`. Monthly counts (no persons) stay. Returns the numbers deleted.
   */
  purgeExpired(cutoffs: {
    registrationsBefore?: Date;
    historyBefore?: Date;
    quarantineBefore?: Date;
  }): Promise<{
    registrations: number;
    history: number;
    quarantine: number;
  }>;

  // The disclosure register's head, kept apart from the register file so cutting it short shows.
  registerHead(): Promise<{ seq: number; hash: string } | null>;
  saveRegisterHead(head: { seq: number; hash: string }, at: Date): Promise<void>;

  // Table protection's ledger: sums already let through for an area (months as yyyymm).
  protectionLedger(area: string, minimum: number): Promise<readonly LedgerInterval[]>;
  /** Adds intervals (existing ones stay); returns how many were new. */
  addToProtectionLedger(area: string, minimum: number, intervals: readonly LedgerInterval[]): Promise<number>;
}
