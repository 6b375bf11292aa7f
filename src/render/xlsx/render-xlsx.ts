// A ProductDocument as an Excel workbook: a sheet "Toelichting" with what the product is, the
// duiding and the disclosure it went out under, then one sheet per table. Numbers stay numbers
// (with a number format per column type), so the reader can compute with them; a withheld cell
// is the text "afgeschermd", marked and with a note, never 0 or blank.

import ExcelJS from "exceljs";
import {
  type Cell,
  type Column,
  documentTables,
  isWithheld,
  type ProductDocument,
  type TableBlock,
  WITHHELD_LABEL,
} from "../../products/product-document.ts";

const EXPLANATION_SHEET = "Toelichting";
const WITHHELD_NOTE = "Afgeschermd door tabelbeveiliging";
const MAX_SHEET_NAME = 31;
const GREY = { argb: "FF595959" };

const madeAtFormat = new Intl.DateTimeFormat("nl-NL", {
  timeZone: "Europe/Amsterdam",
  dateStyle: "long",
  timeStyle: "short",
});

/** Renders the document as an .xlsx file. */
export async function renderXlsx(doc: ProductDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const madeAt = new Date(doc.madeAt);
  wb.creator = "Driehoek";
  wb.title = doc.title;
  wb.created = madeAt;
  wb.modified = madeAt;

  const tables = documentTables(doc);
  const taken = new Set([EXPLANATION_SHEET.toLowerCase()]);
  const sheetNames = tables.map((t) => uniqueSheetName(t.id, taken));

  writeExplanation(wb.addWorksheet(EXPLANATION_SHEET), doc, tables, sheetNames, madeAt);
  tables.forEach((table, i) => {
    writeTable(wb.addWorksheet(sheetNames[i] as string), table);
  });

  const out = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}

function writeExplanation(
  ws: ExcelJS.Worksheet,
  doc: ProductDocument,
  tables: TableBlock[],
  sheetNames: string[],
  madeAt: Date,
): void {
  ws.columns = [{ width: 34 }, { width: 100 }];
  const title = ws.addRow([doc.title]);
  title.font = { bold: true, size: 14 };
  ws.addRow([]);

  const line = (label: string, value: string | number): void => {
    const row = ws.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: "top", horizontal: "left" };
    row.getCell(1).alignment = { vertical: "top" };
  };
  /** Lines under one label: the label on the first line only. */
  const lines = (label: string, values: string[]): void => {
    values.forEach((v, i) => {
      line(i === 0 ? label : "", v);
    });
  };

  line("Gebied", `${doc.area.name} (${doc.area.code})`);
  line("Periode", doc.period.label);
  line("Gemaakt op", Number.isNaN(madeAt.getTime()) ? doc.madeAt : madeAtFormat.format(madeAt));

  if (doc.summary.length > 0) {
    ws.addRow([]);
    lines("Samenvatting", doc.summary);
  }

  for (const section of doc.sections) {
    for (const block of section.blocks) {
      if (block.kind !== "text" || block.paragraphs.length === 0) continue;
      ws.addRow([]);
      lines(section.title, block.author ? [...block.paragraphs, block.author] : block.paragraphs);
    }
  }

  if (tables.length > 0) {
    ws.addRow([]);
    lines(
      "Tabellen (tabbladen)",
      tables.map((t, i) => `${sheetNames[i]}: ${t.caption}`),
    );
  }

  if (doc.disclosure) {
    const d = doc.disclosure;
    ws.addRow([]);
    line("Wettelijke grondslag", d.legalBasisLabel);
    line("Doel", d.purpose);
    line("Volgnummer verstrekkingenregister", d.registerSeq);
    line("Tabelbeveiliging", d.protection ?? "Er is niets afgeschermd.");
  }
}

function writeTable(ws: ExcelJS.Worksheet, table: TableBlock): void {
  const { columns, rows } = table;
  const caption = ws.addRow([table.caption]);
  caption.font = { bold: true, size: 12 };

  const header = ws.addRow(columns.map(headerLabel));
  header.font = { bold: true };
  header.alignment = { vertical: "bottom", wrapText: true };
  columns.forEach((c, i) => {
    if (c.type !== "text") header.getCell(i + 1).alignment = { horizontal: "right", wrapText: true };
  });
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: header.number }];

  const widths = columns.map((c) => headerLabel(c).length);
  for (const r of rows) {
    const row = ws.addRow([]);
    columns.forEach((column, i) => {
      const cell = row.getCell(i + 1);
      const value: Cell | undefined = r.cells[column.key];
      const font: Partial<ExcelJS.Font> = r.total ? { bold: true } : {};
      const alignment: Partial<ExcelJS.Alignment> = {};
      if (i === 0 && r.depth) alignment.indent = r.depth;
      let width = 0;
      if (isWithheld(value)) {
        cell.value = WITHHELD_LABEL;
        cell.note = WITHHELD_NOTE;
        Object.assign(font, { italic: true, color: GREY });
        if (column.type !== "text") alignment.horizontal = "right";
        width = WITHHELD_LABEL.length;
      } else if (typeof value === "number") {
        if (!Number.isFinite(value))
          throw new Error(`Tabel "${table.id}", kolom "${column.key}": ${value} is geen getal.`);
        cell.value = value;
        const format = numberFormat(column);
        if (format) cell.numFmt = format;
        width = displayWidth(value, column);
      } else if (typeof value === "string") {
        cell.value = value;
        width = value.length;
      }
      // null or missing: an empty cell (it may still carry the row's font, e.g. of a total row).
      if (r.total || font.italic) cell.font = font;
      if (Object.keys(alignment).length > 0) cell.alignment = alignment;
      if (i === 0 && r.depth) width += 2 * r.depth;
      widths[i] = Math.max(widths[i] ?? 0, width);
    });
  }

  ws.columns.forEach((col, i) => {
    col.width = Math.min(60, Math.max(8, (widths[i] ?? 0) + 2));
  });
  if (columns.length > 0 && rows.length > 0) {
    ws.autoFilter = {
      from: { row: header.number, column: 1 },
      to: { row: header.number + rows.length, column: columns.length },
    };
  }

  if (table.note) {
    ws.addRow([]);
    const note = ws.addRow([table.note]);
    note.getCell(1).font = { italic: true };
  }
}

/** A column's header; a percent column says "%" because its values are shown as plain numbers. */
function headerLabel(column: Column): string {
  return column.type === "percent" && !column.label.includes("%") ? `${column.label} (%)` : column.label;
}

function decimals(column: Column): number {
  const fallback = column.type === "rate" ? 1 : column.type === "number" ? 2 : 0;
  const d = column.decimals ?? fallback;
  return Number.isInteger(d) && d >= 0 ? Math.min(d, 10) : fallback;
}

/** Excel number format per column type; percentages are already ×100, so no "%" (which would ×100 again). */
function numberFormat(column: Column): string | undefined {
  const fraction = (d: number): string => (d > 0 ? `.${"0".repeat(d)}` : "");
  switch (column.type) {
    case "count":
      return "#,##0";
    case "percent":
    case "rate":
      return `0${fraction(decimals(column))}`;
    case "p-value":
      return "0.000";
    case "number":
      return `#,##0${fraction(decimals(column))}`;
    case "text":
      return undefined;
  }
}

/** Approximate width of a number as Excel shows it. */
function displayWidth(value: number, column: Column): number {
  const d = column.type === "p-value" ? 3 : column.type === "text" ? 0 : decimals(column);
  const text = column.type === "text" ? String(value) : value.toFixed(d);
  const grouping =
    column.type === "count" || column.type === "number"
      ? Math.floor(Math.log10(Math.abs(value) || 1) / 3)
      : 0;
  return text.length + grouping;
}

/**
 * A valid, unique sheet name from a table id: no []:*?/\ or control characters, not starting or
 * ending with an apostrophe, not "History", at most 31 characters, unique ignoring case (as Excel
 * compares). Adds "~2", "~3", … on a collision.
 */
function uniqueSheetName(id: string, taken: Set<string>): string {
  let base = id
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are not allowed in sheet names
    .replace(/[[\]:*?/\\\u0000-\u001f\u007f]/g, "-")
    .replace(/^'+|'+$/g, "")
    .trim();
  if (base === "" || base.toLowerCase() === "history") base = base === "" ? "Tabel" : `${base}-tabel`;
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : `~${n}`;
    const name = `${truncate(base, MAX_SHEET_NAME - suffix.length).replace(/'+$/, "")}${suffix}`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

/** At most `max` UTF-16 units, without splitting a surrogate pair. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = "";
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}
