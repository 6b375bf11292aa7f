import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseDelimited } from "../../demo/test-support.ts";
import {
  type Cell,
  isWithheld,
  type ProductDocument,
  type TableBlock,
  WITHHELD,
} from "../../products/product-document.ts";
import { sampleDocument } from "../../products/sample-document.ts";
import { renderCsv, renderCsvBundle, renderCsvSingle } from "./render-csv.ts";

function sampleTables(): TableBlock[] {
  return sampleDocument().sections.flatMap((s) =>
    s.blocks.filter((b): b is TableBlock => b.kind === "table"),
  );
}

function sampleTable(id: string): TableBlock {
  const t = sampleTables().find((b) => b.id === id);
  assert.ok(t, `sample has no table ${id}`);
  return t;
}

/** Strips the BOM (asserting it is there) and parses the records with the independent reader. */
function parse(text: string): string[][] {
  assert.equal(text.charCodeAt(0), 0xfeff, "no BOM");
  return parseDelimited(text.slice(1), ",");
}

/** Checks one parsed field against the document's cell. */
function assertField(field: string | undefined, cell: Cell | undefined, where: string): void {
  if (cell === null || cell === undefined) assert.equal(field, "", where);
  else if (isWithheld(cell)) assert.equal(field, "afgeschermd", where);
  else if (typeof cell === "number") {
    assert.match(field ?? "", /^-?\d+(\.\d+)?$/, `${where}: plain decimal`);
    assert.equal(Number(field), cell, where);
  } else assert.equal(field, cell, where);
}

/** Checks the header and every cell of one table's records. */
function assertTable(records: string[][], table: TableBlock): void {
  assert.deepEqual(
    records[0],
    table.columns.map((c) => c.label),
    `${table.id}: header`,
  );
  assert.equal(records.length, table.rows.length + 1, `${table.id}: record count`);
  table.rows.forEach((row, r) => {
    const record = records[r + 1];
    assert.equal(record?.length, table.columns.length, `${table.id} row ${r}: field count`);
    table.columns.forEach((c, i) => {
      assertField(record?.[i], row.cells[c.key], `${table.id} row ${r} ${c.key}`);
    });
  });
}

function docWithTables(tables: TableBlock[]): ProductDocument {
  const doc = sampleDocument();
  doc.sections = [{ id: "s", title: "Tabellen", blocks: tables }];
  return doc;
}

describe("renderCsv", () => {
  it("writes every cell of each sample table", () => {
    for (const table of sampleTables()) assertTable(parse(renderCsv(table)), table);
  });

  it("starts with a BOM and ends every record with CRLF", () => {
    const text = renderCsv(sampleTable("per-soort"));
    assert.deepEqual([...Buffer.from(text, "utf8").subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.ok(text.endsWith("\r\n"));
    const withoutCrlf = text.replaceAll("\r\n", "");
    assert.ok(!withoutCrlf.includes("\n") && !withoutCrlf.includes("\r"), "bare CR or LF");
    assert.equal(text.split("\r\n").length, 4 + 1 + 1);
  });

  it("quotes fields with quotes, separators or line breaks and doubles the quotes", () => {
    const lines = renderCsv(sampleTable("per-soort")).slice(1).split("\r\n");
    assert.equal(
      lines[0],
      "Soort,Maart 2024,Maart 2023,Verschil in %,Per 1.000 inwoners,Overschrijdingskans",
    );
    assert.equal(lines[1], "Vermogen,250,220,13.636,4.78,0.2");
    assert.equal(lines[3], '"Fietsdiefstal; ""gestald"", ja",afgeschermd,3,,,');

    const table: TableBlock = {
      kind: "table",
      id: "t",
      caption: "t",
      columns: [{ key: "a", label: "a", type: "text" }],
      rows: ["x;y", "x,y", "twee\r\nregels", "lf\nalleen", 'zeg "ja"', "gewoon"].map((a) => ({
        cells: { a },
      })),
    };
    const text = renderCsv(table);
    assert.deepEqual(text.slice(1).split("\r\n"), [
      "a",
      '"x;y"',
      '"x,y"',
      '"twee',
      'regels"',
      '"lf\nalleen"',
      '"zeg ""ja"""',
      "gewoon",
      "",
    ]);
    assertTable(parse(text), table);
  });

  it("keeps withheld and empty cells apart", () => {
    const records = parse(renderCsv(sampleTable("per-soort")));
    assert.deepEqual(records[3], ['Fietsdiefstal; "gestald", ja', "afgeschermd", "3", "", "", ""]);
    assert.deepEqual(parse(renderCsv(sampleTable("per-wijk")))[2], ["WK900102", "Noord", "afgeschermd"]);
  });

  it("writes numbers in full precision without exponents or grouping", () => {
    const values = [1e-7, 1e21, -2.5e-8, 123456789.123, 0.1 + 0.2, 1234567, -0.5, 0, 1.5e300, 5e-324];
    const table: TableBlock = {
      kind: "table",
      id: "getallen",
      caption: "Getallen",
      columns: [{ key: "v", label: "Waarde", type: "number" }],
      rows: values.map((v) => ({ cells: { v } })),
    };
    const fields = parse(renderCsv(table))
      .slice(1)
      .map((r) => r[0]);
    assert.deepEqual(fields.slice(0, 8), [
      "0.0000001",
      "1000000000000000000000",
      "-0.000000025",
      "123456789.123",
      "0.30000000000000004",
      "1234567",
      "-0.5",
      "0",
    ]);
    assertTable(parse(renderCsv(table)), table);
  });

  it("marks a percent column without % in its label, writes missing cells empty, refuses NaN", () => {
    const table: TableBlock = {
      kind: "table",
      id: "t",
      caption: "t",
      columns: [
        { key: "pct", label: "Aandeel", type: "percent" },
        { key: "n", label: "Aantal", type: "count" },
      ],
      rows: [{ cells: { pct: 12.5 } }, { cells: { pct: WITHHELD, n: 4 } }],
    };
    assert.deepEqual(parse(renderCsv(table)), [
      ["Aandeel (%)", "Aantal"],
      ["12.5", ""],
      ["afgeschermd", "4"],
    ]);
    const bad: TableBlock = { ...table, rows: [{ cells: { pct: Number.NaN, n: 1 } }] };
    assert.throws(() => renderCsv(bad), /kolom "pct".*geen getal/);
  });
});

describe("renderCsvBundle", () => {
  it("writes one file per table, named by product, area, period and table", () => {
    const doc = sampleDocument();
    const files = renderCsvBundle(doc);
    assert.deepEqual(
      files.map((f) => f.name),
      ["voorbeeld-GM9001-2024-03-per-soort.csv", "voorbeeld-GM9001-2024-03-per-wijk.csv"],
    );
    assertTable(parse(files[0]?.text ?? ""), sampleTable("per-soort"));
    assertTable(parse(files[1]?.text ?? ""), sampleTable("per-wijk"));
  });

  it("makes file names safe and distinct", () => {
    const t = (id: string): TableBlock => ({ ...sampleTable("per-wijk"), id });
    const doc = docWithTables([t("a b"), t("a/b"), t("A:B"), t("../wéér")]);
    doc.product = "mijn product";
    const names = renderCsvBundle(doc).map((f) => f.name);
    assert.equal(names.length, 4);
    for (const name of names) assert.match(name, /^[A-Za-z0-9][A-Za-z0-9._-]*\.csv$/);
    assert.equal(new Set(names.map((n) => n.toLowerCase())).size, 4);
    assert.equal(names[0], "mijn-product-GM9001-2024-03-a-b.csv");
    assert.equal(names[3], "mijn-product-GM9001-2024-03-..-weer.csv");
  });
});

describe("renderCsvSingle", () => {
  it("writes all tables in one file, each after its caption, separated by an empty line", () => {
    const text = renderCsvSingle(sampleDocument());
    assert.equal(text.split("\uFEFF").length, 2, "exactly one BOM");
    assert.ok(!text.replaceAll("\r\n", "").includes("\n"));
    const records = parse(text);
    const [soort, wijk] = [sampleTable("per-soort"), sampleTable("per-wijk")];
    assert.deepEqual(records[0], [soort.caption]);
    assertTable(records.slice(1, 6), soort);
    assert.deepEqual(records[6], [""]);
    assert.deepEqual(records[7], [wijk.caption]);
    assertTable(records.slice(8), wijk);
    assert.equal(records.length, 8 + 3);
  });

  it("refuses a document without tables in Dutch", () => {
    assert.throws(() => renderCsvSingle(docWithTables([])), /geen tabellen/);
  });
});
