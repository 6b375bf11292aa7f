// The result of a product, before any format: title, area, period, and sections of blocks (text,
// tables, charts of a table, maps). Every renderer (HTML, PDF, XLSX, CSV, GeoJSON, JSON) reads
// only this. Numbers stay numbers; a count withheld by table protection is WITHHELD, never 0 or
// blank, so every format can mark it.

import type { AreaLevel } from "../domain/area.ts";
import type { Sensitivity } from "../domain/sensitivity.ts";

/** A cell table protection withheld (shown as "afgeschermd"). */
export interface Withheld {
  afgeschermd: true;
}
export const WITHHELD: Withheld = Object.freeze({ afgeschermd: true as const });
/** How every format writes a withheld cell. */
export const WITHHELD_LABEL = "afgeschermd";

/** A table cell: a number, a text, nothing (not applicable / no value), or withheld. */
export type Cell = number | string | null | Withheld;

export function isWithheld(cell: Cell | undefined): cell is Withheld {
  return typeof cell === "object" && cell !== null && cell.afgeschermd === true;
}

/**
 * How a column's numbers read: a count (whole number), a percentage (already ×100), a rate per
 * 1,000 inhabitants, a p-value, or a plain number with `decimals`. Text columns hold labels.
 */
export type ColumnType = "text" | "count" | "percent" | "rate" | "p-value" | "number";

export interface Column {
  key: string;
  label: string;
  type: ColumnType;
  /** Decimals for "number", "rate" and "percent" (defaults: rate 1, percent 0, number 2). */
  decimals?: number;
}

export interface Row {
  cells: Record<string, Cell>;
  /** Nesting depth in a hierarchy (0 = top), for indentation. */
  depth?: number;
  /** A total row, shown emphasised. */
  total?: boolean;
}

export interface TableBlock {
  kind: "table";
  /** Unique in the document; sheet name in XLSX, file stem in CSV. */
  id: string;
  caption: string;
  columns: Column[];
  rows: Row[];
  /** A sentence under the table, e.g. the source or how to read it. */
  note?: string;
}

export interface TextBlock {
  kind: "text";
  /** Plain-language paragraphs (duiding). */
  paragraphs: string[];
  /** Who wrote it, for local knowledge written by people ("Team Centrum, 3 maart 2026"). */
  author?: string;
}

/** A chart drawn from a table of the same document (the table is its text alternative). */
export interface ChartBlock {
  kind: "chart";
  /** Id of the TableBlock it draws. */
  table: string;
  title: string;
  type: "bar" | "line";
  /** Column with the categories or time points. */
  x: string;
  /** Columns drawn, one series each. */
  y: string[];
}

/** GeoJSON (RFC 7946: WGS84 longitude, latitude) with one value per feature. */
export interface MapFeature {
  type: "Feature";
  id: string;
  geometry: { type: "Polygon" | "MultiPolygon" | "Point"; coordinates: unknown };
  properties: Record<string, string | number | boolean | null>;
}

export interface MapBlock {
  kind: "map";
  id: string;
  caption: string;
  features: MapFeature[];
  /** Property that holds the value drawn. */
  valueKey: string;
  /** Id of the TableBlock that lists the same values (the map's text alternative). */
  table?: string;
}

export type Block = TextBlock | TableBlock | ChartBlock | MapBlock;

export interface Section {
  id: string;
  title: string;
  blocks: Block[];
}

/** The disclosure the product went out under (filled in by the engine after the gate). */
export interface DocumentDisclosure {
  /** Legal basis id, e.g. "wpg-19". */
  legalBasis: string;
  /** Its citation as written for people, e.g. "Wpg art. 19". */
  legalBasisLabel: string;
  purpose: string;
  /** Sequence number of the entry in the verstrekkingenregister. */
  registerSeq: number;
  /** What the table protection did, in plain Dutch; null when nothing was withheld. */
  protection: string | null;
}

export interface ProductDocument {
  /** Product id from the catalog, e.g. "maandoverzicht". */
  product: string;
  title: string;
  area: { code: string; name: string; level: AreaLevel };
  period: { id: string; label: string; from: number; to: number };
  sensitivity: Sensitivity;
  /** When the product was made (ISO 8601, UTC). */
  madeAt: string;
  /** Short summary lines at the top (the most important duiding). */
  summary: string[];
  sections: Section[];
  disclosure?: DocumentDisclosure;
}

/** All tables of a document, in order. */
export function documentTables(doc: ProductDocument): TableBlock[] {
  return doc.sections.flatMap((s) => s.blocks.filter((b): b is TableBlock => b.kind === "table"));
}

/** All maps of a document, in order. */
export function documentMaps(doc: ProductDocument): MapBlock[] {
  return doc.sections.flatMap((s) => s.blocks.filter((b): b is MapBlock => b.kind === "map"));
}

/** Number of table cells with a value (for the register's count). */
export function documentCellCount(doc: ProductDocument): number {
  let n = 0;
  for (const t of documentTables(doc)) for (const r of t.rows) n += Object.keys(r.cells).length;
  for (const m of documentMaps(doc)) n += m.features.length;
  return n;
}
