import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { seededUniform as rng } from "../../demo/prng.ts";
import type { QuarantineEntry } from "../../domain/delivery.ts";
import { InputError } from "../../domain/errors.ts";
import { type CsvOptions, type CsvRecord, openCsv, parseCsvText, tokenizeCsvText } from "./csv-reader.ts";

const dir = mkdtempSync(join(tmpdir(), "driehoek-csv-"));
after(() => rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;
function tmpFile(content: string | Uint8Array): string {
  const path = join(dir, `f${++fileNo}.csv`);
  writeFileSync(path, content);
  return path;
}
const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

interface Plain {
  line: number;
  fields: string[];
  raw: string;
}
const plain = (r: CsvRecord): Plain => ({ line: r.line, fields: [...r.fields], raw: r.raw });

async function readAll(path: string, opts?: CsvOptions) {
  const csv = await openCsv(path, opts);
  const records: Plain[] = [];
  const sizes: number[] = [];
  for await (const batch of csv.records) {
    sizes.push(batch.length);
    for (const r of batch) records.push(plain(r));
  }
  return { csv, records, sizes, problems: csv.problems };
}

function isInputError(pattern: RegExp) {
  return (e: unknown) => e instanceof InputError && pattern.test(e.message);
}

describe("parseCsvText basics", () => {
  it("reads RFC 4180 quoting: delimiter, doubled quotes and newlines inside quotes", () => {
    const text = 'id,tekst,n\r\n1,"a,b",2\r\n2,"zei ""ja""",3\r\n3,"twee\r\nregels",4\r\n4,x,5\r\n';
    const r = parseCsvText(text, "t.csv");
    assert.deepEqual(r.header, ["id", "tekst", "n"]);
    assert.equal(r.delimiter, ",");
    assert.deepEqual(r.records.map(plain), [
      { line: 2, fields: ["1", "a,b", "2"], raw: '1,"a,b",2' },
      { line: 3, fields: ["2", 'zei "ja"', "3"], raw: '2,"zei ""ja""",3' },
      { line: 4, fields: ["3", "twee\r\nregels", "4"], raw: '3,"twee\r\nregels",4' },
      // line 6: the record on lines 4-5 took two lines
      { line: 6, fields: ["4", "x", "5"], raw: "4,x,5" },
    ]);
    assert.deepEqual(r.problems, []);
  });

  it("skips empty lines silently but counts them", () => {
    const r = parseCsvText("\n\na;b\n\n1;2\n;\n  \n3;4", "t.csv");
    assert.equal(r.headerLine, 3);
    assert.deepEqual(
      r.records.map((x) => [x.line, x.fields]),
      [
        [5, ["1", "2"]],
        [8, ["3", "4"]],
      ],
    );
    assert.deepEqual(r.problems, []);
  });

  it("puts records with the wrong field count in problems, with line, reason and raw text", () => {
    const r = parseCsvText("a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n", "t.csv");
    assert.deepEqual(
      r.records.map((x) => x.line),
      [2, 5],
    );
    assert.deepEqual(r.problems, [
      {
        file: "t.csv",
        line: 3,
        field: null,
        reason: "regel heeft 2 velden, de kopregel heeft 3",
        raw: "4,5",
      },
      {
        file: "t.csv",
        line: 4,
        field: null,
        reason: "regel heeft 4 velden, de kopregel heeft 3",
        raw: "6,7,8,9",
      },
    ]);
  });

  it("reports a truncated last line (quote not closed) and keeps its text", () => {
    const r = parseCsvText('a,b,c\n1,2,3\n4,5,"onaf', "t.csv");
    assert.equal(r.records.length, 1);
    assert.deepEqual(r.problems, [
      {
        file: "t.csv",
        line: 3,
        field: null,
        reason: "regel is afgebroken: aanhalingsteken niet gesloten",
        raw: '4,5,"onaf',
      },
    ]);
  });

  it("says a short last line without line end looks cut off", () => {
    const r = parseCsvText("a,b,c\n1,2,3\n4,5", "t.csv");
    assert.match(r.problems[0]?.reason ?? "", /de laatste regel lijkt afgebroken/);
  });

  it("after an unclosed quote in the middle goes on with the next line", () => {
    const r = parseCsvText('a,b\n1,"x\n2,y\n3,z\n', "t.csv");
    assert.deepEqual(
      r.records.map((x) => x.fields),
      [
        ["2", "y"],
        ["3", "z"],
      ],
    );
    assert.equal(r.problems[0]?.line, 2);
  });

  it("reports text after a closing quote", () => {
    const r = parseCsvText('a,b\n"x"y,1\n2,3\n', "t.csv");
    assert.equal(r.records.length, 1);
    assert.match(r.problems[0]?.reason ?? "", /aanhalingstekens kloppen niet/);
    assert.equal(r.problems[0]?.raw, '"x"y,1');
  });

  it("a file with only a header is valid and has 0 records", () => {
    const r = parseCsvText("registratienummer;pleegdatum_begin\r\n", "t.csv");
    assert.deepEqual(r.header, ["registratienummer", "pleegdatum_begin"]);
    assert.equal(r.records.length, 0);
  });

  it("an empty file is an InputError", () => {
    assert.throws(() => parseCsvText("", "t.csv"), isInputError(/het bestand is leeg/));
    assert.throws(() => parseCsvText("\r\n \n", "t.csv"), isInputError(/het bestand is leeg/));
  });

  it("strips a BOM from the text", () => {
    const r = parseCsvText("\uFEFFa,b\n1,2\n", "t.csv");
    assert.equal(r.hadBom, true);
    assert.deepEqual(r.header, ["a", "b"]);
  });

  it("refuses duplicate header names (case does not matter)", () => {
    assert.throws(
      () => parseCsvText("code,Naam,naam\n1,2,3\n", "t.csv"),
      (e: unknown) => e instanceof InputError && e.field === "naam" && /twee keer/.test(e.message),
    );
  });

  it("allows repeated empty header names", () => {
    assert.deepEqual(parseCsvText(",a,\n1,2,3\n", "t.csv").header, ["", "a", ""]);
  });

  it("refuses JSON and HTML given as CSV", () => {
    assert.throws(() => parseCsvText('[{"a":1},{"a":2}]', "t.csv"), isInputError(/JSON-bestand/));
    assert.throws(() => parseCsvText('\n  {"a":1}\n', "t.csv"), isInputError(/JSON-bestand/));
    assert.throws(() => parseCsvText("<html><body>", "t.csv"), isInputError(/HTML/));
  });

  it("refuses old Mac line ends", () => {
    assert.throws(() => parseCsvText("a,b\r1,2\r3,4\r", "t.csv"), isInputError(/alleen op CR/));
  });
});

describe("delimiter detection", () => {
  it("takes ; when the header splits on ; and values hold decimal commas", () => {
    const r = parseCsvText("code;waarde;n\nGM0344;1,5;2\nGM0363;2,5;3\n", "t.csv");
    assert.equal(r.delimiter, ";");
    assert.deepEqual(r.records[0]?.fields, ["GM0344", "1,5", "2"]);
  });

  it("takes tab", () => {
    assert.equal(parseCsvText("a\tb, c\n1\t2, 3\n", "t.csv").delimiter, "\t");
  });

  it("a one-column header with ; or , in the data lines is an InputError", () => {
    assert.throws(
      () => parseCsvText("registratienummer\nPL1;A20;2024\nPL2;A20;2024\n", "t.csv"),
      isInputError(/scheidingsteken lijkt niet te kloppen/),
    );
  });

  it("a given delimiter that the header does not use is an InputError", () => {
    assert.throws(
      () => parseCsvText("a;b;c\n1;2;3\n", "t.csv", { delimiter: "," }),
      isInputError(/opgegeven is ",".*";"/),
    );
  });

  it("a header that splits but no line under it does is an InputError", () => {
    assert.throws(
      () => parseCsvText("a;b;c\n1,2,3\n4,5,6\n7,8,9\n", "t.csv"),
      isInputError(/scheidingsteken lijkt niet te kloppen/),
    );
  });

  it("a real one-column file is fine", () => {
    const r = parseCsvText("code\nGM0344\nGM0363\n", "t.csv");
    assert.equal(r.records.length, 2);
  });
});

describe("tokenizeCsvText", () => {
  it("returns every record whatever its field count", () => {
    const r = tokenizeCsvText('"Titel"\n""\n"a";"b"\n"1";"2"\n"Bron: x"\n', "s.csv", ";");
    assert.deepEqual(
      r.records.map((x) => [x.line, x.fields]),
      [
        [1, ["Titel"]],
        [3, ["a", "b"]],
        [4, ["1", "2"]],
        [5, ["Bron: x"]],
      ],
    );
  });
});

describe("openCsv on fixtures", () => {
  it("decodes Windows-1252 (€, Ÿ, ë, curly quotes) byte for byte", async () => {
    const { csv, records, problems } = await readAll(fixture("windows-1252.csv"));
    assert.equal(csv.encoding, "windows-1252");
    assert.equal(csv.delimiter, ";");
    assert.equal(csv.hadBom, false);
    assert.deepEqual(problems, []);
    assert.deepEqual(records, [
      {
        line: 2,
        fields: ["Jo\u00ebl", "\u0178penburg", "schade \u20ac 250"],
        raw: "Jo\u00ebl;\u0178penburg;schade \u20ac 250",
      },
      {
        line: 3,
        fields: ["Zo\u00eb \u201cde baas\u201d", "'s-Hertogenbosch", "regel met ; erin"],
        raw: '"Zo\u00eb \u201cde baas\u201d";\'s-Hertogenbosch;"regel met ; erin"',
      },
    ]);
  });

  it("reads UTF-8 with BOM, CRLF and a quoted newline", async () => {
    const { csv, records } = await readAll(fixture("utf8-bom.csv"));
    assert.equal(csv.hadBom, true);
    assert.equal(csv.encoding, "utf-8");
    assert.deepEqual(csv.header, ["registratienummer", "omschrijving", "gemeentecode"]);
    assert.deepEqual(
      records.map((r) => [r.line, r.fields]),
      [
        [2, ["PL-1", 'Achterdeur "geforceerd"\r\nen kast doorzocht', "GM0344"]],
        [4, ["PL-2", "Co\u00f6rdinaten ontbreken", "GM0363"]],
      ],
    );
  });

  it("gives the same records as parseCsvText", async () => {
    const text = new TextDecoder().decode(
      await import("node:fs").then((fs) => fs.readFileSync(fixture("utf8-bom.csv"))),
    );
    const sync = parseCsvText(text, "x");
    const { records } = await readAll(fixture("utf8-bom.csv"), { highWaterMark: 5, sniffBytes: 8 });
    assert.deepEqual(records, sync.records.map(plain));
  });
});

describe("openCsv refuses bad files", () => {
  it("an empty file", async () => {
    await assert.rejects(openCsv(tmpFile("")), isInputError(/het bestand is leeg/));
  });
  it("a binary file (PNG)", async () => {
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]);
    await assert.rejects(openCsv(tmpFile(png)), isInputError(/geen tekstbestand/));
  });
  it("a zip (xlsx) file", async () => {
    await assert.rejects(
      openCsv(tmpFile(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]))),
      isInputError(/zip/),
    );
  });
  it("JSON given as CSV", async () => {
    await assert.rejects(openCsv(tmpFile('[{"registratienummer": "PL1"}]\n')), isInputError(/JSON-bestand/));
  });
  it("a wrong delimiter", async () => {
    await assert.rejects(
      openCsv(tmpFile("registratienummer\nPL1,A20\nPL2,A20\n")),
      isInputError(/scheidingsteken/),
    );
  });
  it("a file with only a header is fine and yields nothing", async () => {
    const { csv, records } = await readAll(tmpFile("a,b\n"));
    assert.deepEqual(csv.header, ["a", "b"]);
    assert.equal(records.length, 0);
  });
});

// ---------------------------------------------------------------------------------------------
// Streaming: a generated file whose expected records are known from how it was written (not from
// the reader), read with tiny reads so every record, quote and multi-byte character crosses chunk
// boundaries.

const PIECES = [
  "abc",
  "GM0344",
  "12",
  "Jo\u00ebl",
  "\u20ac 5",
  "\u{1F600}",
  " ",
  ",",
  ";",
  '"',
  "\n",
  "\r\n",
  "x y",
  "",
];

function generate(seed: number, lines: number, delimiter: string) {
  const rand = rng(seed);
  const width = 4;
  const header = ["id", "tekst", "code", "n"];
  let text = `${header.join(delimiter)}\r\n`;
  let line = 2;
  const records: Plain[] = [];
  const problems: { line: number; raw: string }[] = [];
  for (let i = 0; i < lines; i++) {
    if (rand() < 0.05) {
      text += "\n"; // empty line
      line++;
      continue;
    }
    const broken = rand() < 0.05;
    const n = broken ? (rand() < 0.5 ? width - 1 : width + 1) : width;
    const fields: string[] = [`r${i}`];
    for (let f = 1; f < n; f++) {
      let v = "";
      const parts = Math.floor(rand() * 3);
      for (let p = 0; p < parts; p++) v += PIECES[Math.floor(rand() * PIECES.length)];
      fields.push(v);
    }
    const cells = fields.map((v) =>
      /[",;\r\n\t]/.test(v) || rand() < 0.1 ? `"${v.replaceAll('"', '""')}"` : v,
    );
    const raw = cells.join(delimiter);
    if (broken) problems.push({ line, raw });
    else records.push({ line, fields, raw });
    text += `${raw}${rand() < 0.5 ? "\n" : "\r\n"}`;
    line += 1 + (raw.match(/\n/g)?.length ?? 0);
  }
  return { text, records, problems };
}

describe("openCsv streaming", () => {
  for (const [seed, hwm, delimiter] of [
    [1, 1, ","],
    [2, 3, ";"],
    [3, 7, ","],
    [4, 64, "\t"],
    [5, 4096, ";"],
  ] as const) {
    it(`reads a generated file exactly with highWaterMark ${hwm} (delimiter ${JSON.stringify(delimiter)})`, async () => {
      const g = generate(seed, 400, delimiter);
      const path = tmpFile(g.text);
      let progress = 0;
      let total = -1;
      const r = await readAll(path, {
        highWaterMark: hwm,
        sniffBytes: 16,
        batchSize: 37,
        onProgress: (read, all) => {
          assert.ok(read >= progress);
          progress = read;
          total = all;
        },
      });
      assert.equal(r.csv.delimiter, delimiter);
      assert.deepEqual(r.records, g.records);
      assert.deepEqual(
        r.problems.map((p: QuarantineEntry) => ({ line: p.line, raw: p.raw })),
        g.problems,
      );
      assert.ok(r.problems.every((p) => /^regel heeft \d velden, de kopregel heeft 4$/.test(p.reason)));
      // batches of exactly batchSize except the last
      assert.ok(r.sizes.slice(0, -1).every((n) => n === 37));
      assert.equal(progress, Buffer.byteLength(g.text));
      assert.equal(total, progress);
    });
  }

  it("the same file in memory gives the same result", () => {
    const g = generate(9, 300, ",");
    const r = parseCsvText(g.text, "x");
    assert.deepEqual(r.records.map(plain), g.records);
    assert.deepEqual(
      r.problems.map((p) => ({ line: p.line, raw: p.raw })),
      g.problems,
    );
  });

  it("switches to Windows-1252 when such a byte first appears far into the file", async () => {
    const lines = ["naam,plaats"];
    for (let i = 0; i < 5000; i++) lines.push(`persoon${i},Utrecht`);
    const ascii = Buffer.from(`${lines.join("\n")}\n`, "latin1");
    const late = Uint8Array.from([0x52, 0xe9, 0x6d, 0x79, 0x2c, 0x80, 0x0a]); // "Rémy,€" in Windows-1252
    const path = tmpFile(Buffer.concat([ascii, late]));
    const r = await readAll(path, { highWaterMark: 1000, sniffBytes: 100 });
    assert.equal(r.records.length, 5001);
    assert.deepEqual(r.records.at(-1)?.fields, ["R\u00e9my", "\u20ac"]);
    assert.equal(r.records.at(-1)?.line, 5002);
    assert.equal(r.csv.encoding, "windows-1252");
  });

  it("stays UTF-8 when the first non-ASCII comes late and is UTF-8", async () => {
    const body = `${Array.from({ length: 3000 }, (_, i) => `p${i};Utrecht`).join("\n")}\nZo\u00eb;\u20ac\n`;
    const r = await readAll(tmpFile(`naam;plaats\n${body}`), { highWaterMark: 999, sniffBytes: 50 });
    assert.deepEqual(r.records.at(-1)?.fields, ["Zo\u00eb", "\u20ac"]);
    assert.equal(r.csv.encoding, "utf-8");
  });

  it("fails with the line when a UTF-8 file has invalid bytes further on", async () => {
    const head = Buffer.from(`a;b\nZo\u00eb;1\n${"x;2\n".repeat(2000)}`, "utf8");
    const bad = Uint8Array.from([0x79, 0x3b, 0xe9, 0x0a]); // "y;" + lone E9
    const path = tmpFile(Buffer.concat([head, bad]));
    const csv = await openCsv(path, { highWaterMark: 512, sniffBytes: 64 });
    await assert.rejects(
      (async () => {
        for await (const _ of csv.records) {
          // drain
        }
      })(),
      (e: unknown) => e instanceof InputError && e.line === 2003 && /UTF-8/.test(e.message),
    );
  });

  it("quarantines a stray quote without reading the rest of the file as one field", async () => {
    const rows = Array.from({ length: 100 }, (_, i) => `${i},ok`).join("\n");
    const text = `a,b\n1,"open\n${rows}\n`;
    const r = await readAll(tmpFile(text), { highWaterMark: 64, sniffBytes: 16, maxRecordBytes: 200 });
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0]?.line, 2);
    assert.equal(r.problems[0]?.raw, '1,"open');
    assert.equal(r.records.length, 100);
    assert.equal(r.records[0]?.line, 3);
  });

  it("JSON.stringify of a record gives line, fields and raw", async () => {
    const { csv } = await readAll(tmpFile('a,b\n1,2\n"x""y",3\n'));
    const again = await openCsv(csv.file);
    const out: string[] = [];
    for await (const batch of again.records) for (const r of batch) out.push(JSON.stringify(r));
    assert.deepEqual(out, [
      JSON.stringify({ line: 2, fields: ["1", "2"], raw: "1,2" }),
      JSON.stringify({ line: 3, fields: ['x"y', "3"], raw: '"x""y",3' }),
    ]);
  });

  it("keeps Windows-1252 text right in the raw text of a problem", async () => {
    const bytes = Buffer.concat([
      Buffer.from("a;b;c\n1;2;3\nprijs "),
      Uint8Array.from([0x80]),
      Buffer.from(" 5;6\n"),
    ]);
    const r = await readAll(tmpFile(bytes));
    assert.deepEqual(
      r.problems.map((p) => [p.line, p.raw]),
      [[3, "prijs \u20ac 5;6"]],
    );
  });

  it("refuses a line longer than maxRecordBytes without a line end", async () => {
    const path = tmpFile(`a,b\n1,${"x".repeat(5000)}`);
    const csv = await openCsv(path, { highWaterMark: 256, sniffBytes: 8, maxRecordBytes: 1000 });
    await assert.rejects(
      (async () => {
        for await (const _ of csv.records) {
          // drain
        }
      })(),
      isInputError(/langer dan 1000 bytes/),
    );
  });

  it("refuses a header whose quote is never closed", async () => {
    await assert.rejects(openCsv(tmpFile('"a,b\n1,2\n')), isInputError(/kopregel is niet te lezen/));
  });

  it("close() releases the file when not read to the end", async () => {
    const csv = await openCsv(tmpFile("a,b\n1,2\n"));
    await csv.close();
    await csv.close();
  });
});
