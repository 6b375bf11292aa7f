// The scaffolding the record-level product definitions (incidentenrapport, dagrapport,
// operationeel-beeld) share: their definition with load (the product's selection from the config
// file) and protect wired the same way, and the document pieces they have in common (summary,
// per-type section, buurt map section, the note under the records).

import { DEFAULT_CONFIG_DIR } from "../../disclosure/config-file.ts";
import type { ProductContext, ProductDefinition } from "../product-definition.ts";
import type { ProductDocument, Section, TableBlock } from "../product-document.ts";
import {
  buurtMap,
  type ComparisonKind,
  comparisonLines,
  type IncidentInput,
  loadIncidents,
  type ProtectedIncidents,
  protectIncidentTable,
  topTypesText,
  unfinishedLine,
} from "./incident-records.ts";
import { readIncidentSelection, type SelectionProduct } from "./incident-selection.ts";
import { chartOf } from "./table-chart.ts";

/** What a record-level product says itself: its catalog entry, its comparisons and its build. */
export interface IncidentProductSpec
  extends Omit<ProductDefinition<IncidentInput>, "id" | "sensitivity" | "load" | "protect" | "build"> {
  /** The product id, also its key in the selection file. */
  id: SelectionProduct;
  /** The earlier periods it compares with, in column order. */
  comparisons: readonly ComparisonKind[];
  build(input: IncidentInput, ctx: ProductContext): ProductDocument;
}

/**
 * A record-level product (sensitivity "incident"): load reads its selection from `configDir`
 * (default: the shipped config/) on every call, protect applies the gate's table protection to
 * the records (protectIncidentTable).
 */
export function incidentProduct(
  spec: IncidentProductSpec,
  configDir: string = DEFAULT_CONFIG_DIR,
): ProductDefinition<IncidentInput> {
  const { comparisons, build, ...entry } = spec;
  return {
    ...entry,
    sensitivity: "incident",
    load: async (store, ctx) =>
      loadIncidents(store, ctx, {
        product: spec.id,
        selection: readIncidentSelection(spec.id, configDir),
        comparisons,
      }),
    protect: async (_store, input, table) => protectIncidentTable(input, table),
    build,
  };
}

/** The note under every records table. */
export const RECORDS_NOTE =
  "Kenmerk: een code in plaats van het registratienummer. Tijd: het hele uur waarin het begon.";

/**
 * The summary's common lines: a warning while the period is not over, `opening` (how many there
 * are), the comparisons with earlier periods (of `subject`) and the most frequent types.
 */
export function incidentSummary(
  p: ProtectedIncidents,
  ctx: ProductContext,
  opening: string,
  subject: string,
): string[] {
  const summary: string[] = [];
  const unfinished = unfinishedLine(ctx);
  if (unfinished) summary.push(unfinished);
  summary.push(opening);
  summary.push(...comparisonLines(p, subject));
  const top = topTypesText(p);
  if (top) summary.push(`Het meest: ${top}.`);
  return summary;
}

/** The per-type table under a bar chart of `series` (default: the count and every comparison). */
export function perTypeSection(
  section: { id: string; title: string },
  p: ProtectedIncidents,
  perType: TableBlock,
  series: string[] = ["aantal", ...p.comparisons.map((c) => c.kind)],
): Section {
  return {
    id: section.id,
    title: section.title,
    blocks: [chartOf(perType, "bar", "soort", series), perType],
  };
}

/** The map of the records per buurt (map "kaart") with its table ("per-buurt"). */
export function buurtMapSection(
  section: { id: string; title: string },
  p: ProtectedIncidents,
  ctx: ProductContext,
): Section {
  const where = `in ${ctx.area.name}, ${ctx.period.label}`;
  const { map, table } = buurtMap(p, {
    mapId: "kaart",
    tableId: "per-buurt",
    caption: `Registraties per buurt ${where} (stip in het midden van de buurt)`,
    tableCaption: `Registraties per buurt ${where}`,
  });
  return { id: section.id, title: section.title, blocks: [map, table] };
}
