import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { InputError } from "../../domain/errors.ts";
import { parseClassification, readClassification } from "./parse-classification.ts";

const DATA = new URL("../../../../shared/data/inp2013_bvh.csv", import.meta.url);
const haveData = existsSync(DATA);
const skip = haveData ? false : "../shared/data/inp2013_bvh.csv ontbreekt";

/** Independent minimal CSV split for this comma file (quotes only around whole fields). */
function simpleRows(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter((l) => l !== "")
    .map((l) => {
      const out: string[] = [];
      const re = /("([^"]|"")*"|[^,]*)(,|$)/g;
      let m: RegExpExecArray | null = re.exec(l);
      while (m !== null && m[0] !== "") {
        const v = m[1] ?? "";
        out.push(v.startsWith('"') ? v.slice(1, -1).replaceAll('""', '"') : v);
        if (m[3] === "") break;
        m = re.exec(l);
      }
      return out;
    });
}

describe("parseClassification on the police table INP2013 BVH", { skip }, () => {
  const text = haveData ? readFileSync(DATA, "utf8") : "";
  const [head = [], ...body] = simpleRows(text);
  const idx = (name: string) => head.indexOf(name);

  it("reads all 648 rows without problems", async () => {
    const r = await readClassification(DATA.pathname);
    assert.equal(body.length, 648);
    assert.equal(r.rows.length, 648);
    assert.deepEqual(r.problems, []);
  });

  it("maps every BVH code to the INP level-3 code and J/N of the file", () => {
    const r = parseClassification(text, "inp2013_bvh.csv");
    const byCode = new Map(r.rows.map((x) => [x.bvhCode, x]));
    for (const row of body) {
      const code = row[idx("MaatKlasse code")] ?? "";
      const got = byCode.get(code);
      assert.ok(got, code);
      assert.equal(got.inpCode, row[idx("INP niv3 code")]);
      assert.equal(got.bvhLabel, row[idx("MaatKlasse oms")]);
      const dj = row[idx("Delict J/N")];
      assert.equal(got.isCrime, dj === "J" ? true : dj === "N" ? false : null, code);
    }
  });

  it("knows the rows named in the design: A20 burglary is a crime, E35 youth nuisance is not", () => {
    const r = parseClassification(text, "inp2013_bvh.csv");
    assert.deepEqual(
      r.rows.find((x) => x.bvhCode === "A20"),
      { bvhCode: "A20", bvhLabel: "GEKWAL. DIEFSTAL IN/UIT WONING", inpCode: "1.1.1", isCrime: true },
    );
    const e35 = r.rows.find((x) => x.bvhCode === "E35");
    assert.equal(e35?.isCrime, false);
    assert.equal(e35?.inpCode, "2.7.1");
    // "Delict J/N" empty -> unknown
    assert.equal(r.rows.find((x) => x.bvhCode === "E242")?.isCrime, null);
    assert.equal(r.rows.filter((x) => x.isCrime === null).length, 30);
    // level-3 "4.4" (Klachten algemeen) shares its code with level 2
    assert.equal(r.rows.find((x) => x.bvhCode === "E70")?.inpCode, "4.4");
  });
});

describe("parseClassification bad input", () => {
  const HEADER =
    "INP niv1 code,INP niv1,INP niv2 code,INP niv2,INP niv3 code,INP niv3,MaatKlasse code,MaatKlasse oms,Delict J/N";

  it("names the missing required columns", () => {
    assert.throws(
      () => parseClassification("INP niv3 code,Omschr\n1.1.1,x\n", "c.csv"),
      (e: unknown) =>
        e instanceof InputError &&
        /verplichte kolommen ontbreken/.test(e.message) &&
        e.message.includes('"MaatKlasse code"') &&
        e.message.includes('"MaatKlasse oms"') &&
        !e.message.includes('"INP niv3 code" of'),
    );
  });

  it("finds renamed columns regardless of case and spacing", () => {
    const r = parseClassification(
      "maatklasse  CODE;maatklasse oms;inp niv3 code\nA20;INBRAAK;1.1.1\n",
      "c.csv",
    );
    assert.deepEqual(r.rows, [{ bvhCode: "A20", bvhLabel: "INBRAAK", inpCode: "1.1.1", isCrime: null }]);
  });

  it("puts unknown INP codes, bad J/N, empty and duplicate BVH codes in problems", () => {
    const text = [
      HEADER,
      "1,Veiligheid,1.1,Huis,1.1.9,Onbekend,A99,IETS,J",
      "1,Veiligheid,1.1,Huis,1.1.1,Diefstal/inbraak woning,A20,INBRAAK,misschien",
      "1,Veiligheid,1.1,Huis,1.1.1,Diefstal/inbraak woning,,INBRAAK,J",
      "1,Veiligheid,1.1,Huis,1.1.1,Diefstal/inbraak woning,A30,INBRAAK 2,J",
      "1,Veiligheid,1.1,Huis,1.1.1,Diefstal/inbraak woning,A30,INBRAAK 3,J",
      "1,Veiligheid,1.2,Straat,1.1.1,Diefstal/inbraak woning,A40,INBRAAK 4,J",
      "1,Veiligheid,1.1,Huis",
    ].join("\n");
    const r = parseClassification(text, "c.csv");
    assert.deepEqual(
      r.rows.map((x) => x.bvhCode),
      ["A30"],
    );
    assert.deepEqual(
      r.problems.map((p) => [p.line, p.field]),
      [
        [8, null],
        [2, "INP niv3 code"],
        [3, "Delict J/N"],
        [4, "MaatKlasse code"],
        [6, "MaatKlasse code"],
        [7, "INP niv2 code"],
      ],
    );
    assert.match(r.problems[1]?.reason ?? "", /1\.1\.9/);
    assert.match(r.problems[4]?.reason ?? "", /regel 5/);
  });

  it("reads a Windows-1252 file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "driehoek-class-"));
    const path = join(dir, "c.csv");
    // "Ë" is CB in Windows-1252, "€" 80
    const bytes = Buffer.concat([
      Buffer.from("MaatKlasse code;MaatKlasse oms;INP niv3 code\nA20;DIEFSTAL ", "latin1"),
      Uint8Array.from([0xcb, 0x20, 0x80]),
      Buffer.from(";1.1.1\n", "latin1"),
    ]);
    writeFileSync(path, bytes);
    try {
      const r = await readClassification(path);
      assert.equal(r.rows[0]?.bvhLabel, "DIEFSTAL \u00cb \u20ac");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses an empty file", () => {
    assert.throws(() => parseClassification("", "c.csv"), /leeg/);
  });
});
