import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { InputError } from "../../domain/errors.ts";
import { parseJsonLocated } from "./json-locate.ts";
import { parseJsonRecords, readJsonRecords } from "./json-records.ts";

const dir = mkdtempSync(join(tmpdir(), "driehoek-json-"));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function tmpFile(content: string | Uint8Array): string {
  const path = join(dir, `f${++n}.json`);
  writeFileSync(path, content);
  return path;
}
const errorAt = (line: number, pattern: RegExp) => (e: unknown) =>
  e instanceof InputError && e.line === line && pattern.test(e.message);

describe("readJsonRecords", () => {
  it("reads a top-level array with the line where each object starts", async () => {
    const text = '[\n  {"a": 1},\n  {\n    "a": 2\n  },\n\n  {"a": 3}\n]\n';
    const r = await readJsonRecords(tmpFile(text));
    assert.equal(r.format, "array");
    assert.deepEqual(r.records, [
      { line: 2, value: { a: 1 } },
      { line: 3, value: { a: 2 } },
      { line: 7, value: { a: 3 } },
    ]);
  });

  it("reads the value array of an OData reply", async () => {
    const text =
      '{\n  "odata.metadata": "https://dataderden.cbs.nl/ODataApi/OData/47022NED/$metadata#TypedDataSet",\n' +
      '  "value": [\n    {"ID": 0, "Perioden": "2024MM01"},\n    {"ID": 1, "Perioden": "2024MM02"}\n  ]\n}\n';
    const r = await readJsonRecords(tmpFile(text));
    assert.equal(r.format, "odata");
    assert.deepEqual(
      r.records.map((x) => [x.line, x.value.ID]),
      [
        [4, 0],
        [5, 1],
      ],
    );
  });

  it("reads NDJSON, one object per line, skipping empty lines", async () => {
    const r = await readJsonRecords(tmpFile('{"a":1}\n\n{"a":"x\\ny"}\r\n{"a":3}'));
    assert.equal(r.format, "ndjson");
    assert.deepEqual(r.records, [
      { line: 1, value: { a: 1 } },
      { line: 3, value: { a: "x\ny" } },
      { line: 4, value: { a: 3 } },
    ]);
  });

  it("names the line of invalid JSON in an array file", async () => {
    await assert.rejects(
      readJsonRecords(tmpFile('[\n {"a": 1},\n {"a": 2,}\n]')),
      errorAt(3, /ongeldige JSON/),
    );
  });

  it("names the line of invalid JSON in NDJSON", async () => {
    await assert.rejects(readJsonRecords(tmpFile('{"a":1}\n{"a":2}\n{"a":\n')), errorAt(3, /ongeldige JSON/));
  });

  it("reports a file cut off in the middle", async () => {
    await assert.rejects(readJsonRecords(tmpFile('[\n{"a": 1},\n{"a": ')), errorAt(3, /houdt onverwacht op/));
  });

  it("refuses an array of non-objects", async () => {
    await assert.rejects(readJsonRecords(tmpFile("[1, 2]")), /geen JSON-object/);
  });

  it("refuses an object without records", async () => {
    await assert.rejects(readJsonRecords(tmpFile('{\n "type": "x"\n}\n')), /geen lijst met records/);
  });

  it("refuses CSV, empty and binary files", async () => {
    await assert.rejects(readJsonRecords(tmpFile("a,b\n1,2\n")), /geen JSON-bestand/);
    await assert.rejects(readJsonRecords(tmpFile("")), /leeg/);
    await assert.rejects(
      readJsonRecords(tmpFile(Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0]))),
      /geen tekstbestand/,
    );
  });

  it("accepts a BOM", async () => {
    const r = await readJsonRecords(
      tmpFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('[{"a":1}]')])),
    );
    assert.deepEqual(r.records, [{ line: 1, value: { a: 1 } }]);
  });
});

describe("parseJsonLocated", () => {
  const geojson = new URL("../../../../shared/data/alkmaar_wijken_2024_partial.geojson", import.meta.url);
  it("gives the same values as JSON.parse on a real file", {
    skip: existsSync(geojson) ? false : "../shared/data/alkmaar_wijken_2024_partial.geojson ontbreekt",
  }, () => {
    const text = readFileSync(geojson, "utf8");
    assert.deepEqual(parseJsonLocated(text, "x").value, JSON.parse(text));
  });

  it("handles escapes, unicode and numbers as JSON.parse does", () => {
    const text =
      '{"s":"a\\"b\\\\c\\/\\u20ac\\n","n":[-0.5e3,0,12,1E2],"t":true,"f":false,"z":null,"__proto__":1}';
    assert.deepEqual(parseJsonLocated(text, "x").value, JSON.parse(text));
  });

  it("refuses what JSON.parse refuses", () => {
    for (const bad of ["{'a':1}", "[1,]", "01", '"a\tb"', "[1] 2", '{"a" 1}', "tru", "-", '"\\x"']) {
      assert.throws(() => JSON.parse(bad));
      assert.throws(() => parseJsonLocated(bad, "x"), InputError, bad);
    }
  });
});

describe("parseJsonRecords", () => {
  it("takes a single object on one line as one NDJSON record", () => {
    assert.deepEqual(parseJsonRecords('{"a":1}\n', "x").records, [{ line: 1, value: { a: 1 } }]);
  });
});
