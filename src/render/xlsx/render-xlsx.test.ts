import assert from "node:assert/strict";
import { describe, it } from "node:test";
import ExcelJS from "exceljs";
import { type ProductDocument, type TableBlock, WITHHELD } from "../../products/product-document.ts";
import { sampleDocument } from "../../products/sample-document.ts";
import { renderXlsx } from "./render-xlsx.ts";

async function readBack(doc: ProductDocument): Promise<ExcelJS.Workbook> {
  const buffer = await renderXlsx(doc);
  assert.ok(Buffer.isBuffer(buffer));
  const wb = new ExcelJS.Workbook();
  // exceljs types its own Buffer interface; a Node Buffer is what it reads.
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return wb;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  assert.ok(ws, `sheet ${name} missing`);
  return ws;
}

function noteText(cell: ExcelJS.Cell): string {
  const note = cell.note as string | ExcelJS.Comment | undefined;
  if (note === undefined) return "";
  return typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join("");
}

/** All text of a sheet, cell by cell. */
function sheetTexts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => {
    row.eachCell((cell) => {
      out.push(String(cell.value));
    });
  });
  return out;
}

function table(id: string, caption = `Tabel ${id}`): TableBlock {
  return {
    kind: "table",
    id,
    caption,
    columns: [
      { key: "naam", label: "Naam", type: "text" },
      { key: "aantal", label: "Aantal", type: "count" },
    ],
    rows: [{ cells: { naam: "a", aantal: 1 } }],
  };
}

function docWithTables(tables: TableBlock[]): ProductDocument {
  const doc = sampleDocument();
  doc.sections = [{ id: "s", title: "Tabellen", blocks: tables }];
  return doc;
}

const VALID_SHEET_NAME = /^[^[\]:*?/\\']([^[\]:*?/\\]{0,29}[^[\]:*?/\\'])?$/;

describe("renderXlsx", () => {
  it("writes the explanation sheet first, then one sheet per table", async () => {
    const wb = await readBack(sampleDocument());
    assert.deepEqual(
      wb.worksheets.map((ws) => ws.name),
      ["Toelichting", "per-soort", "per-wijk"],
    );
  });

  it("explains the product, its duiding and its disclosure", async () => {
    const texts = sheetTexts(sheet(await readBack(sampleDocument()), "Toelichting"));
    for (const expected of [
      "Voorbeeldoverzicht",
      "Voorbeeldstad (GM9001)",
      "maart 2024",
      // 08:30 UTC is 10:30 summer time in Amsterdam.
      "2 april 2024 om 10:30",
      "Er waren 412 registraties, 31 meer dan in maart 2023.",
      'Woninginbraak nam toe; dat is "duidelijk" meer dan toeval (p = 0,012).',
      "Hieronder staan de cijfers per soort; <b> is geen opmaak, & ook niet.",
      "Wpg art. 19",
      "openbare-orde",
      "42",
      "Aantallen van 1 tot en met 4 en wat daaruit volgt zijn afgeschermd.",
    ]) {
      assert.ok(texts.includes(expected), `explanation lacks ${expected}`);
    }
    const ws = sheet(await readBack(sampleDocument()), "Toelichting");
    let seq: ExcelJS.Cell | undefined;
    ws.eachRow((row) => {
      if (row.getCell(1).value === "Volgnummer verstrekkingenregister") seq = row.getCell(2);
    });
    assert.ok(seq, "no register sequence line");
    assert.equal(seq.type, ExcelJS.ValueType.Number);
    assert.equal(seq.value, 42);
  });

  it("leaves the disclosure out when the document has none", async () => {
    const doc = sampleDocument();
    delete doc.disclosure;
    const texts = sheetTexts(sheet(await readBack(doc), "Toelichting"));
    assert.ok(!texts.includes("Wpg art. 19"));
    assert.ok(!texts.includes("Volgnummer verstrekkingenregister"));
    assert.ok(texts.includes("Voorbeeldoverzicht"));
  });

  it("writes caption, a bold frozen header with autofilter, and the note", async () => {
    const ws = sheet(await readBack(sampleDocument()), "per-soort");
    assert.equal(ws.getCell("A1").value, "Registraties per soort, maart 2024 en maart 2023");
    const header = ws.getRow(2);
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6].map((c) => header.getCell(c).value),
      ["Soort", "Maart 2024", "Maart 2023", "Verschil in %", "Per 1.000 inwoners", "Overschrijdingskans"],
    );
    for (const c of [1, 2, 3, 4, 5, 6]) assert.equal(header.getCell(c).font?.bold, true);
    assert.equal(ws.views[0]?.state, "frozen");
    assert.equal((ws.views[0] as ExcelJS.WorksheetViewFrozen).ySplit, 2);
    assert.equal(String(ws.autoFilter), "A2:F6");
    assert.equal(ws.getCell("A8").value, "Aantallen van 1 tot en met 4 zijn afgeschermd.");
  });

  it("keeps numbers as numbers, with a number format per column type", async () => {
    const ws = sheet(await readBack(sampleDocument()), "per-soort");
    const expected: [string, number, string][] = [
      ["B3", 250, "#,##0"],
      ["C3", 220, "#,##0"],
      ["D3", 13.636, "0"],
      ["E3", 4.78, "0.0"],
      ["F3", 0.2, "0.000"],
      ["B4", 48, "#,##0"],
      ["D4", 65.517, "0"],
      ["E4", 0.917, "0.0"],
      ["F4", 0.012, "0.000"],
      ["C5", 3, "#,##0"],
      ["B6", 412, "#,##0"],
      ["D6", 8.136, "0"],
      ["E6", 7.87, "0.0"],
      ["F6", 0.27, "0.000"],
    ];
    for (const [address, value, numFmt] of expected) {
      const cell = ws.getCell(address);
      assert.equal(cell.type, ExcelJS.ValueType.Number, address);
      assert.equal(cell.value, value, address);
      assert.equal(cell.numFmt, numFmt, address);
    }
    assert.equal(sheet(await readBack(sampleDocument()), "per-wijk").getCell("C3").value, 210);
  });

  it("uses the column's decimals and marks a percent column without % in its header", async () => {
    const doc = docWithTables([
      {
        kind: "table",
        id: "decimalen",
        caption: "Decimalen",
        columns: [
          { key: "pct", label: "Aandeel", type: "percent", decimals: 1 },
          { key: "rate", label: "Per 1.000", type: "rate", decimals: 2 },
          { key: "num", label: "Getal", type: "number" },
          { key: "num0", label: "Getal", type: "number", decimals: 0 },
        ],
        rows: [{ cells: { pct: 12.34, rate: 0.456, num: 1234.5678, num0: 7 } }],
      },
    ]);
    const ws = sheet(await readBack(doc), "decimalen");
    assert.equal(ws.getCell("A2").value, "Aandeel (%)");
    assert.deepEqual(
      ["A3", "B3", "C3", "D3"].map((a) => [ws.getCell(a).value, ws.getCell(a).numFmt]),
      [
        [12.34, "0.0"],
        [0.456, "0.00"],
        [1234.5678, "#,##0.00"],
        [7, "#,##0"],
      ],
    );
  });

  it("writes a withheld cell as marked text with a note, and null as an empty cell", async () => {
    const wb = await readBack(sampleDocument());
    const ws = sheet(wb, "per-soort");
    const withheld = ws.getCell("B5");
    assert.equal(withheld.type, ExcelJS.ValueType.String);
    assert.equal(withheld.value, "afgeschermd");
    assert.equal(withheld.font?.italic, true);
    assert.equal(noteText(withheld), "Afgeschermd door tabelbeveiliging");
    for (const address of ["D5", "E5", "F5"]) {
      assert.equal(ws.getCell(address).type, ExcelJS.ValueType.Null, address);
      assert.equal(ws.getCell(address).value, null, address);
      assert.equal(noteText(ws.getCell(address)), "", address);
    }
    // A number has no note.
    assert.equal(noteText(ws.getCell("C5")), "");
    const wijk = sheet(wb, "per-wijk").getCell("C4");
    assert.equal(wijk.value, "afgeschermd");
    assert.equal(noteText(wijk), "Afgeschermd door tabelbeveiliging");
  });

  it("makes the total row bold and indents by depth", async () => {
    const ws = sheet(await readBack(sampleDocument()), "per-soort");
    for (const c of [1, 2, 3, 4, 5, 6]) assert.equal(ws.getRow(6).getCell(c).font?.bold, true, `total ${c}`);
    assert.notEqual(ws.getCell("B3").font?.bold, true);
    assert.equal(ws.getCell("A6").value, "Totaal");
    assert.equal(ws.getCell("A4").alignment?.indent, 1);
    assert.notEqual(ws.getCell("A3").alignment?.indent, 1);
    assert.ok((ws.getColumn(1).width ?? 0) >= 'Fietsdiefstal; "gestald", ja'.length);
  });

  it("makes a long or invalid table id a valid sheet name", async () => {
    const long = "a".repeat(40);
    const odd = "tabel[1]:*?/\\x";
    const wb = await readBack(docWithTables([table(long), table(odd), table("'quoted'"), table("History")]));
    const names = wb.worksheets.map((ws) => ws.name);
    assert.equal(names.length, 5);
    for (const name of names) {
      assert.match(name, VALID_SHEET_NAME);
      assert.notEqual(name.toLowerCase(), "history");
    }
    assert.equal(names[1], "a".repeat(31));
    assert.equal(names[2], "tabel-1------x");
    assert.equal(names[3], "quoted");
    assert.equal(sheet(wb, names[1] as string).getCell("A1").value, `Tabel ${long}`);
    assert.equal(sheet(wb, names[2] as string).getCell("A1").value, `Tabel ${odd}`);
  });

  it("gives tables whose ids collide after truncation or in case distinct names", async () => {
    const prefix = "registraties-per-wijk-en-soort-";
    const ids = [`${prefix}2023`, `${prefix}2024`, `${prefix}2025`, "Toelichting", "x", "X"];
    const wb = await readBack(docWithTables(ids.map((id) => table(id))));
    const names = wb.worksheets.map((ws) => ws.name);
    assert.equal(names.length, 7);
    assert.equal(new Set(names.map((n) => n.toLowerCase())).size, 7);
    for (const name of names) assert.match(name, VALID_SHEET_NAME);
    assert.equal(names[1], prefix.slice(0, 31));
    assert.equal(names[2], `${prefix.slice(0, 29)}~2`);
    assert.equal(names[3], `${prefix.slice(0, 29)}~3`);
    // Each sheet holds its own table.
    ids.forEach((id, i) => {
      assert.equal(sheet(wb, names[i + 1] as string).getCell("A1").value, `Tabel ${id}`);
    });
  });

  it("renders the withheld marker in a total row bold and italic", async () => {
    const doc = docWithTables([
      { ...table("t"), rows: [{ total: true, cells: { naam: "Totaal", aantal: WITHHELD } }] },
    ]);
    const cell = sheet(await readBack(doc), "t").getCell("B3");
    assert.equal(cell.value, "afgeschermd");
    assert.equal(cell.font?.bold, true);
    assert.equal(cell.font?.italic, true);
  });
});
