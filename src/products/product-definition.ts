// What a product is, declaratively: its catalog entry (id, title, sections, measures, levels,
// cadence, audience, sensitivity) and three steps the engine runs through the disclosure gate:
// load the data from the store, protect it as the gate demands, build the document (pure).

import type { DisclosureFacts } from "../disclosure/disclosure-gate.ts";
import type { TableProtection } from "../disclosure/table-protection/protection-rules.ts";
import type { AreaLevel, AreaSummary } from "../domain/area.ts";
import type { Role } from "../domain/roles.ts";
import type { Sensitivity } from "../domain/sensitivity.ts";
import type { Store } from "../store/store.ts";
import type { ProductDocument } from "./product-document.ts";
import type { PeriodKind, ProductPeriod } from "./product-period.ts";

export const CADENCES = [
  "dagelijks",
  "wekelijks",
  "tweewekelijks",
  "maandelijks",
  "per-driehoeksoverleg",
  "drie-keer-per-jaar",
  "halfjaarlijks",
  "jaarlijks",
  "vierjaarlijks",
  "op-verzoek",
] as const;
export type Cadence = (typeof CADENCES)[number];

/** The store reads products may make (only ever through the engine, so through the gate). */
export type ProductStore = Pick<
  Store,
  | "listAreas"
  | "areas"
  | "monthlyCounts"
  | "monthlyCountsWithin"
  | "registrations"
  | "protectionLedger"
  | "addToProtectionLedger"
  | "documents"
  | "aggregates"
>;

/** What load and build get to know about the request. */
export interface ProductContext {
  area: AreaSummary;
  period: ProductPeriod;
  /** The last month with complete data (yyyymm): nothing after it is counted or protected. */
  lastCompleteMonth: number;
  /** When the product is made. */
  now: Date;
  /** Key for registration pseudonyms (32 bytes, kept outside the store); record-level products need it. */
  recordKey?: Uint8Array;
}

export interface ProductDefinition<I = unknown> {
  id: string;
  /** Dutch title as users know it. */
  title: string;
  /** One or two sentences for the catalog, in Dutch. */
  description: string;
  /** The sections, in order (the document's sections carry the same ids). */
  sections: readonly { id: string; title: string }[];
  /** What the product measures, in Dutch (for the catalog and docs). */
  measures: readonly string[];
  levels: readonly AreaLevel[];
  defaultLevel: AreaLevel;
  periodKinds: readonly PeriodKind[];
  cadence: Cadence;
  /** Roles it is made for (the default recipients in an agreement). */
  audience: readonly Role[];
  sensitivity: Sensitivity;
  /**
   * What the product's content is, for the legal basis's conditions (e.g. a day report touches the
   * mayor's public-order powers and is not criminal enforcement). Absent: nothing is assumed.
   */
  facts?: DisclosureFacts;
  /**
   * Every area the product shows figures of, for the access decision and the register (each must
   * be allowed); default: the product's own area.
   */
  disclosedAreas?(store: ProductStore, ctx: ProductContext): Promise<string[]>;
  /** Reads what the product needs (raw: before protection). */
  load(store: ProductStore, ctx: ProductContext): Promise<I>;
  /** Applies the table protection the gate asks for. */
  protect(store: ProductStore, input: I, table: TableProtection, ctx: ProductContext): Promise<I>;
  /** Builds the document from protected input. Pure: same input, same document. */
  build(input: I, ctx: ProductContext): ProductDocument;
}
