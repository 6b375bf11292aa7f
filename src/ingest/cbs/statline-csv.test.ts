import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { InputError } from "../../domain/errors.ts";
import {
  measureKey,
  parseStatlineCsv,
  readStatlineCsv,
  statlineCategory,
  statlinePeriod,
} from "./statline-csv.ts";

const data = (name: string) => new URL(`../../../../shared/data/${name}`, import.meta.url);
const FILES = [
  "statline_misdrijven_gemeente_2024.csv",
  "statline_misdrijven_gemeente_2022_2023.csv",
  "cbs_regios.csv",
];
const skip = FILES.every((f) => existsSync(data(f)))
  ? false
  : "../shared/data (StatLine-exports, cbs_regios.csv) ontbreekt";

/** gemeente name -> code from the CBS RegioS dimension (an independent source of the names). */
function regioResolver(): (name: string) => string | null {
  const names = new Map<string, string>();
  for (const line of readFileSync(data("cbs_regios.csv"), "utf8").split("\n")) {
    const m = /^"(GM\d{4})","([^"]*)"/.exec(line);
    if (m?.[1] && m[2] !== undefined) names.set(m[2], m[1]);
  }
  return (name) => names.get(name) ?? null;
}

/** Independent simple reading of the export: every line is "a";"b";... */
function simple(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter((l) => l !== "")
    .map((l) => l.slice(1, -1).split('";"'));
}

describe("parseStatlineCsv on real StatLine exports", { skip }, () => {
  const read = (name: string) => readFileSync(data(name), "utf8");

  it("2024: the published totals (Nederland 805,559, Amsterdam 82,964)", async () => {
    const r = await readStatlineCsv(data(FILES[0] as string).pathname, regioResolver());
    assert.deepEqual(r.problems, []);
    assert.equal(r.table, "statline:Geregistreerde misdrijven en aangiften; soort misdrijf, gemeente 2026");
    const v = (code: string) => r.rows.find((x) => x.areaCode === code)?.value;
    assert.equal(v("NL01"), 805_559);
    assert.equal(v("GM0363"), 82_964);
    assert.ok(
      r.rows.every(
        (x) => x.period === "2024" && x.category === "0.0.0" && x.measure === "GeregistreerdeMisdrijven",
      ),
    );
    // "Buitenland" is "." in the file: suppressed, not a problem
    assert.equal(v("GM0998"), null);
  });

  for (const name of FILES.slice(0, 2) as string[]) {
    it(`${name}: every data line becomes a cell, gemeenten and units add up to Nederland`, () => {
      const text = read(name);
      const r = parseStatlineCsv(text, name, regioResolver());
      const lines = simple(text);
      const periods = (lines[4] ?? []).slice(1);
      const dataLines = lines.slice(6).filter((l) => l.length > 1);
      assert.equal(r.rows.length, dataLines.length * periods.length);
      periods.forEach((period, j) => {
        const rows = r.rows.filter((x) => x.period === period);
        const nl = rows.find((x) => x.areaCode === "NL01")?.value;
        // independent: the Nederland cell of the file
        assert.equal(nl, Number(dataLines.find((l) => l[0] === "Nederland")?.[j + 1]));
        const gm = rows.filter((x) => x.areaCode.startsWith("GM"));
        assert.equal(gm.length, 344); // 342 gemeenten + Buitenland + Gemeenten; niet in te delen
        assert.equal(
          gm.reduce((a, x) => a + (x.value ?? 0), 0),
          nl,
        );
        const units = rows.filter((x) => x.areaCode.startsWith("RE"));
        assert.deepEqual(
          units.map((x) => x.areaCode),
          ["RE01", "RE02", "RE03", "RE04", "RE05", "RE06", "RE07", "RE08", "RE09", "RE10", "RE99"],
        );
        assert.equal(
          units.reduce((a, x) => a + (x.value ?? 0), 0),
          nl,
        );
        // and the parser's sum equals the sum of the file's gemeente lines read independently
        const fileSum = dataLines
          .filter((l) => l[0] !== "Nederland" && !(l[0] ?? "").endsWith("(RE)"))
          .reduce((a, l) => a + (Number(l[j + 1]) || 0), 0);
        assert.equal(fileSum, nl);
      });
    });
  }

  it("resolves 'Utrecht (gemeente)' by the name without suffix when the caller only knows 'Utrecht'", () => {
    const known = new Map([
      ["Utrecht", "GM0344"],
      ["Amsterdam", "GM0363"],
    ]);
    const r = parseStatlineCsv(read(FILES[0] as string), "s.csv", (n) => known.get(n) ?? null);
    assert.equal(
      r.rows.find((x) => x.areaCode === "GM0344")?.value,
      Number(simple(read(FILES[0] as string)).find((l) => l[0] === "Utrecht (gemeente)")?.[1]),
    );
    // everything else unresolved goes to problems with its line; Aa en Hunze is line 8
    const aa = r.problems.find((p) => p.raw.startsWith('"Aa en Hunze"'));
    assert.equal(aa?.line, 8);
    assert.equal(aa?.field, "Regio's");
    assert.match(aa?.reason ?? "", /onbekend/);
  });
});

describe("parseStatlineCsv layouts and bad input", () => {
  const none = () => null;
  const known = (n: string) => (n === "Utrecht" ? "GM0344" : n === "Baarn" ? "GM0308" : null);

  it("reads months and a Soort misdrijf header row, suppressed cells and bad cells", () => {
    const text = [
      '"Geregistreerde misdrijven en aangiften; soort misdrijf, gemeente 2026"',
      '""',
      '"Onderwerp";"Geregistreerde misdrijven";"Geregistreerde misdrijven";"Aangiften"',
      '"Soort misdrijf";"Totaal misdrijven";"1.1.1 Diefstal/inbraak woning";"Totaal misdrijven"',
      '"Perioden";"2024 januari";"2024 1e kwartaal";"2023*"',
      '"Regio\'s";"aantal";"aantal";"aantal"',
      '"Utrecht";"2000";".";"1500"',
      '"Baarn";"-";"x";"veel"',
      '"Noord-Nederland (RE)";"5";"6"',
      '"Bron: Politie"',
    ].join("\r\n");
    const r = parseStatlineCsv(`\uFEFF${text}`, "s.csv", known);
    assert.deepEqual(
      r.rows.map((x) => [x.areaCode, x.period, x.category, x.measure, x.value]),
      [
        ["GM0344", "2024MM01", "0.0.0", "GeregistreerdeMisdrijven", 2000],
        ["GM0344", "2024Q1", "1.1.1", "GeregistreerdeMisdrijven", null],
        ["GM0344", "2023", "0.0.0", "Aangiften", 1500],
        ["GM0308", "2024MM01", "0.0.0", "GeregistreerdeMisdrijven", 0], // CBS "-" = nihil
        ["GM0308", "2024Q1", "1.1.1", "GeregistreerdeMisdrijven", null],
      ],
    );
    assert.deepEqual(
      r.problems.map((p) => [p.line, p.field]),
      [
        [8, "Aangiften 2023*"],
        [9, null],
      ],
    );
  });

  it("refuses a file without the Regio's row", () => {
    assert.throws(
      () => parseStatlineCsv('"Titel"\n"Onderwerp";"x"\n"Perioden";"2024"\n"Utrecht";"5"\n', "s.csv", none),
      (e: unknown) => e instanceof InputError && /Regio's/.test(e.message),
    );
  });

  it("refuses an unknown period or category", () => {
    const make = (period: string, soort: string) =>
      `"Titel"\n"Soort misdrijf: ${soort}"\n"Onderwerp";"Geregistreerde misdrijven"\n"Perioden";"${period}"\n"Regio's";"aantal"\n"Nederland";"5"\n`;
    assert.equal(parseStatlineCsv(make("2024", "Totaal misdrijven"), "s.csv", none).rows.length, 1);
    assert.throws(
      () => parseStatlineCsv(make("vorig jaar", "Totaal misdrijven"), "s.csv", none),
      /periode "vorig jaar"/,
    );
    assert.throws(
      () => parseStatlineCsv(make("2024", "Allerlei"), "s.csv", none),
      /soort misdrijf "Allerlei"/,
    );
  });

  it("refuses an empty file and a file that is not a StatLine export", () => {
    assert.throws(() => parseStatlineCsv("", "s.csv", none), /leeg/);
    assert.throws(() => parseStatlineCsv("a;b\n1;2\n", "s.csv", none), InputError);
  });

  it("helpers", () => {
    assert.equal(statlinePeriod("2024"), "2024");
    assert.equal(statlinePeriod("2024*"), "2024");
    assert.equal(statlinePeriod("2024 december"), "2024MM12");
    assert.equal(statlinePeriod("2024 kwartaal 3"), "2024Q3");
    assert.equal(statlinePeriod("2024 dertiende maand"), null);
    assert.equal(statlineCategory("Totaal misdrijven"), "0.0.0");
    assert.equal(statlineCategory("1.2.3 Diefstal van brom-, snor-, fietsen"), "1.2.3");
    assert.equal(statlineCategory("Mishandeling"), "1.4.5");
    assert.equal(measureKey("Geregistreerde misdrijven"), "GeregistreerdeMisdrijven");
  });
});
