// Tables of a ProductDocument as CSV (RFC 4180), for machines first: "," between fields, a
// decimal point, numbers in full precision without thousands separators or exponents, CRLF line
// ends, UTF-8 with a byte order mark so Excel reads the accents. One header row with the column
// labels. A withheld cell is the text "afgeschermd", an empty value an empty field, so the two
// stay distinguishable.

import {
  type Cell,
  type Column,
  documentTables,
  isWithheld,
  type ProductDocument,
  type TableBlock,
  WITHHELD_LABEL,
} from "../../products/product-document.ts";

const BOM = "\uFEFF";
const CRLF = "\r\n";
const SEPARATOR = ",";

/** One table as a CSV file (with BOM): the header row, then one record per row. */
export function renderCsv(table: TableBlock): string {
  return BOM + tableRecords(table).join("");
}

/** One CSV file per table, named `<product>-<area code>-<period id>-<table id>.csv`. */
export function renderCsvBundle(doc: ProductDocument): { name: string; text: string }[] {
  const taken = new Set<string>();
  return documentTables(doc).map((table) => {
    const stem = safeFileStem([doc.product, doc.area.code, doc.period.id, table.id].join("-"));
    let name = `${stem}.csv`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}-${n}.csv`;
    taken.add(name.toLowerCase());
    return { name, text: renderCsv(table) };
  });
}

/**
 * All tables of the document in one CSV file (with BOM): each table preceded by a record with
 * its caption, tables separated by an empty line.
 */
export function renderCsvSingle(doc: ProductDocument): string {
  const tables = documentTables(doc);
  if (tables.length === 0)
    throw new Error(`Product "${doc.product}" heeft geen tabellen om als CSV te leveren.`);
  return BOM + tables.map((t) => record([t.caption]) + tableRecords(t).join("")).join(CRLF);
}

function tableRecords(table: TableBlock): string[] {
  const { columns } = table;
  return [
    record(columns.map(headerLabel)),
    ...table.rows.map((row) => record(columns.map((c) => cellText(row.cells[c.key], table, c)))),
  ];
}

/** A column's header; a percent column says "%" because its values are plain numbers (×100). */
function headerLabel(column: Column): string {
  return column.type === "percent" && !column.label.includes("%") ? `${column.label} (%)` : column.label;
}

function cellText(cell: Cell | undefined, table: TableBlock, column: Column): string {
  if (cell === null || cell === undefined) return "";
  if (isWithheld(cell)) return WITHHELD_LABEL;
  if (typeof cell === "number") {
    if (!Number.isFinite(cell))
      throw new Error(`Tabel "${table.id}", kolom "${column.key}": ${cell} is geen getal.`);
    return plainNumber(cell);
  }
  return cell;
}

function record(fields: string[]): string {
  return fields.map(quote).join(SEPARATOR) + CRLF;
}

function quote(field: string): string {
  return /[",;\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/**
 * The shortest decimal that reads back as the same number (as String(n)), written out without
 * an exponent: 1e-7 -> "0.0000001", 1e21 -> "1000000000000000000000".
 */
function plainNumber(n: number): string {
  const s = String(n);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, int = "", frac = "", exp = "0"] = m;
  const digits = int + frac;
  const point = int.length + Number(exp); // position of the decimal point in `digits`
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Letters, digits, ".", "_" and "-" only; other runs become one "-". */
function safeFileStem(text: string): string {
  const stem = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[.-]+|[.-]+$/g, "");
  return stem === "" ? "tabel" : stem;
}
