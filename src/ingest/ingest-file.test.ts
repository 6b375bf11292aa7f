import assert from "node:assert/strict";
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { InputError } from "../domain/errors.ts";
import { openDuckDbStore } from "../store/duckdb/duckdb-store.ts";
import type { Store } from "../store/store.ts";
import { ingestFile } from "./ingest-file.ts";
import { parseProfile } from "./profile.ts";
import { CANONICAL_HEADER, canonicalLine, loadTestRegion } from "./test-region.ts";

const dir = mkdtempSync(join(tmpdir(), "driehoek-ingest-"));
let store: Store;
let clock = Date.parse("2024-04-01T08:00:00Z");
const tick = () => {
  clock += 60_000;
  return new Date(clock);
};
const deps = () => ({ store, now: tick });

function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}
const csv = (...lines: string[]) => `${[CANONICAL_HEADER, ...lines].join("\n")}\n`;
const good = (id: string, extra: Record<string, string> = {}) =>
  canonicalLine({
    registratienummer: id,
    maatschappelijke_klasse: "A20",
    pleegdatum_begin: "2024-03-01 23:40",
    x: "151500",
    y: "460500",
    ...extra,
  });

async function loaded(path: string, source = "test", opts = {}) {
  const r = await ingestFile(path, { source, ...opts }, deps());
  assert.equal(
    r.outcome.kind,
    "loaded",
    r.outcome.kind === "failed" ? r.outcome.error.message : r.outcome.kind,
  );
  return r.outcome.delivery;
}
async function failed(path: string, opts = {}) {
  const r = await ingestFile(path, { source: "test", ...opts }, deps());
  assert.equal(r.outcome.kind, "failed");
  return r.outcome.kind === "failed" ? r.outcome : assert.fail();
}

before(async () => {
  store = await openDuckDbStore(":memory:");
  await loadTestRegion(store);
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("ingest of the canonical CSV", () => {
  it("loads, time-buckets and places registrations in buurt, wijk and gemeente", async () => {
    const p = file(
      "goed.csv",
      csv(
        good("G1", {
          poging: "J",
          personen: "slachtoffer:P1|verdachte:P2",
          omschrijving: "Achterdeur; geforceerd",
        }),
        good("G2", { x: "150500", pleegdatum_begin: "2024-03-31T23:30:00Z" }),
        good("G3", { x: "", y: "", postcode: "9001 ab", huisnummer: "12" }),
        good("G4", { x: "", y: "", gemeentecode: "GM9002", maatschappelijke_klasse: "E35" }),
        good("G5", { x: "180000", y: "470000" }),
      ),
    );
    const d = await loaded(p);
    assert.deepEqual(
      {
        read: d.counts.read,
        inserted: d.counts.inserted,
        quarantined: d.counts.quarantined,
        unplaced: d.counts.unplaced,
      },
      { read: 5, inserted: 5, quarantined: 0, unplaced: 1 },
    );
    const [g1] = await store.registrationVersions("test", "G1");
    const r1 = g1?.registration;
    assert.equal(r1?.startsAt.toISOString(), "2024-03-01T22:40:00.000Z");
    assert.deepEqual(
      [r1?.local.month, r1?.local.hour, r1?.attempt, r1?.kind],
      [202403, 23, true, "misdrijf"],
    );
    assert.deepEqual(r1?.placement, {
      year: 2024,
      buurt: "BU90010102",
      wijk: "WK900101",
      gemeente: "GM9001",
      pc4: null,
      method: "punt",
    });
    assert.equal(r1?.description, "Achterdeur; geforceerd");
    assert.deepEqual(
      r1?.persons.map((x) => x.role),
      ["slachtoffer", "verdachte"],
    );
    const r2 = (await store.registrationVersions("test", "G2"))[0]?.registration;
    assert.deepEqual([r2?.local.month, r2?.placement.buurt], [202404, "BU90010101"]);
    const r3 = (await store.registrationVersions("test", "G3"))[0]?.registration;
    assert.deepEqual(
      [r3?.placement.method, r3?.placement.buurt, r3?.placement.pc4, r3?.x],
      ["adres", "BU90010102", "9001", 151500],
    );
    const r4 = (await store.registrationVersions("test", "G4"))[0]?.registration;
    assert.deepEqual(
      [r4?.placement.method, r4?.placement.gemeente, r4?.kind, r4?.inpCode],
      ["gebiedscode", "GM9002", "incident", "2.7.1"],
    );
    const r5 = (await store.registrationVersions("test", "G5"))[0]?.registration;
    assert.equal(r5?.placement.method, "niet-geplaatst");
  });

  it("changes nothing when the same file comes again, and keeps history for a newer version", async () => {
    const p = file("v1.csv", csv(good("H1", { versie: "2024-03-02T10:00:00+01:00" })));
    const first = await loaded(p);
    const again = await ingestFile(p, { source: "test" }, deps());
    assert.equal(again.outcome.kind, "duplicate");
    assert.equal(again.outcome.delivery.id, first.id);
    const p2 = file("v2.csv", csv(good("H1", { versie: "2024-03-03T10:00:00+01:00", poging: "J" })));
    const second = await loaded(p2);
    assert.equal(second.counts.updated, 1);
    const versions = await store.registrationVersions("test", "H1");
    assert.deepEqual(
      versions.map((v) => [v.current, v.registration.attempt]),
      [
        [false, false],
        [true, true],
      ],
    );
  });

  it("quarantines bad rows with file, line, field and reason, and loads the good ones", async () => {
    const lines = [
      good("B1"), // line 2: good
      good("B2", { pleegdatum_begin: "01-03-2024" }),
      good("B3", { pleegdatum_begin: "2024-02-31" }),
      good("B4", { pleegdatum_begin: "2024-03-31 02:30" }),
      good("B5", { pleegdatum_begin: "2024-10-27 02:30" }), // good: first occurrence, summer time
      good("B6", { maatschappelijke_klasse: "Q99" }),
      good("B7", { x: "12000", y: "700000" }),
      good("B8", { x: "460500", y: "151500" }),
      good("B9", { poging: "misschien" }),
      good("", {}),
      good("B11", { pleegdatum_eind: "2024-03-01 20:00" }),
      good("B12", { personen: "dader:P1" }),
    ];
    const p = file("slecht.csv", csv(...lines));
    const d = await loaded(p);
    assert.equal(d.counts.inserted, 2);
    assert.equal(d.counts.quarantined, 10);
    assert.equal(d.counts.read, 12);
    const q = await store.quarantine(d.id);
    const byLine = new Map(q.map((e) => [e.line, e]));
    const expect: [number, string, RegExp][] = [
      [3, "pleegdatum_begin", /JJJJ-MM-DD/],
      [4, "pleegdatum_begin", /bestaat niet/],
      [5, "pleegdatum_begin", /zomertijd/],
      [7, "maatschappelijke_klasse", /onbekende maatschappelijke klasse "Q99"/],
      [8, "x", /buiten Nederland/],
      [9, "x", /verwisseld/],
      [10, "poging", /niet J of N/],
      [11, "registratienummer", /ontbreekt/],
      [12, "pleegdatum_eind", /vóór het begin/],
      [13, "personen", /onbekende rol "dader"/],
    ];
    for (const [line, field, reason] of expect) {
      const e = byLine.get(line);
      assert.ok(e, `regel ${line} in quarantaine`);
      assert.equal(e?.field, field, `regel ${line}`);
      assert.match(e?.reason ?? "", reason, `regel ${line}`);
      assert.equal(e?.file, p);
      assert.equal(e?.raw, lines[line - 2]);
    }
    const b5 = (await store.registrationVersions("test", "B5"))[0]?.registration;
    assert.equal(b5?.startsAt.toISOString(), "2024-10-27T00:30:00.000Z");
  });

  it("quarantines a truncated last line and a repeated id, and loads the rest", async () => {
    const text = `${csv(good("T1"), good("T2"), good("T2", { poging: "J" }))}T3;;;A20;;N;"2024-03-01 10:00;`;
    const p = file("afgebroken.csv", text);
    const d = await loaded(p);
    assert.equal(d.counts.inserted, 2);
    const q = await store.quarantine(d.id);
    assert.deepEqual(
      q.map((e) => [e.line, e.field]),
      [
        [4, "registratienummer"],
        [5, null],
      ],
    );
    assert.match(q[0]?.reason ?? "", /regel 3/);
    assert.equal(q[0]?.raw, good("T2", { poging: "J" }));
    assert.match(q[1]?.reason ?? "", /afgebroken/);
  });

  it("reads Windows-1252 text, a UTF-8 BOM, commas and tabs", async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${CANONICAL_HEADER}\n${good("W2", { omschrijving: "café " })}`, "latin1"),
      Buffer.from([0x80, 0x20, 0x9f, 0x0a]), // € and Ÿ in Windows-1252
    ]);
    const d = await loaded(file("cp1252-echt.csv", bytes));
    assert.equal(d.counts.inserted, 1);
    assert.equal((await store.registrationVersions("test", "W2"))[0]?.registration.description, "café € Ÿ");

    const bom = await loaded(file("bom.csv", `\uFEFF${csv(good("W3"))}`));
    assert.equal(bom.counts.inserted, 1);
    const comma = await loaded(file("komma.csv", csv(good("W4")).replaceAll(";", ",")));
    assert.equal(comma.counts.inserted, 1);
    const tab = await loaded(file("tab.csv", csv(good("W5")).replaceAll(";", "\t")));
    assert.equal(tab.counts.inserted, 1);
  });

  it("fails a file as a whole with a clear error, recorded as a failed delivery", async () => {
    const cases: [string, string | Buffer, RegExp, object?][] = [
      ["leeg.csv", "", /leeg/],
      [
        "kolom-weg.csv",
        csv(good("K1")).replace("pleegdatum_begin", "datum"),
        /verplichte kolom ontbreekt: pleegdatum_begin/,
      ],
      ["scheiding.csv", csv(good("K2")), /scheidingsteken|kolom/i, { delimiter: "," }],
      [
        "plaatje.png",
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]),
        /geen tekstbestand/,
      ],
      ["data.json", '{"a": 1}', /JSON/],
    ];
    for (const [name, content, reason, opts] of cases) {
      const f = await failed(file(name, content), opts);
      assert.equal(f.delivery.status, "mislukt", name);
      assert.match(f.error.message, reason, name);
      if (f.error instanceof InputError)
        assert.match(f.error.describe(), new RegExp(name.replace(".", "\\.")));
    }
    const listed = await store.deliveries();
    assert.ok(listed.some((d) => d.fileName.endsWith("leeg.csv") && d.status === "mislukt"));
  });

  it("refuses a 2 GB file that is not text without reading it into memory", async () => {
    const p = join(dir, "groot.bin");
    writeFileSync(p, "");
    truncateSync(p, 2 * 1024 ** 3); // sparse: 2 GB of NUL bytes
    const rssBefore = process.memoryUsage().rss;
    const f = await failed(p);
    assert.match(f.error.message, /geen tekstbestand/);
    assert.equal(f.delivery.bytes, 2 * 1024 ** 3);
    assert.ok(process.memoryUsage().rss - rssBefore < 300 * 1024 ** 2, "geheugen bleef klein");
    rmSync(p);
  });
});

describe("ingest of CBS open data", () => {
  it("loads an OData TypedDataSet as aggregate cells, codes trimmed, suppressed cells kept as null", async () => {
    const fixture = new URL("./cbs/fixtures/47018NED-TypedDataSet.json", import.meta.url).pathname;
    const r = await ingestFile(fixture, { source: "cbs" }, deps());
    assert.equal(r.format, "cbs-odata");
    assert.equal(r.outcome.kind, "loaded");
    const cells = await store.aggregates({ table: "47018NED" });
    assert.deepEqual(
      cells.find((c) => c.areaCode === "BU0363AA01" && c.period === "2025"),
      {
        source: "cbs",
        table: "47018NED",
        areaCode: "BU0363AA01",
        period: "2025",
        category: "1.4.6",
        measure: "GeregistreerdeMisdrijven",
        value: 3,
      },
    );
    assert.equal(cells.find((c) => c.areaCode === "BU0363AA02")?.value, null);
  });
});

describe("ingest through a mapping profile", () => {
  const profile = parseProfile(
    JSON.stringify({
      naam: "bvi-export",
      scheiding: ";",
      codering: "windows-1252",
      datumformaat: "dd-MM-yyyy[ HH:mm]",
      velden: {
        registratienummer: "Registratienummer",
        pleegdatum_begin: ["Pleegdatum", "Pleegtijd"],
        lat: "Breedtegraad",
        lon: "Lengtegraad",
        omschrijving: "Toelichting",
      },
      codes: {
        kolom: "Feit",
        waarden: {
          Woninginbraak: { maatschappelijke_klasse: "A20" },
          "Poging woninginbraak": { maatschappelijke_klasse: "A20", poging: "J" },
          Mishandeling: { maatschappelijke_klasse: "F550" },
        },
      },
    }),
    "profiel.json",
  );

  it("maps columns, codes, Dutch dates and WGS84 onto the canonical fields", async () => {
    const lines = [
      "Registratienummer;Feit;Pleegdatum;Pleegtijd;Breedtegraad;Lengtegraad;Toelichting",
      "P1;Poging woninginbraak;05-03-2024;21:15;52,1551744;5,38720621;Raam geforceerd",
      "P2;Fietsendiefstal;05-03-2024;10:00;52,1437;5,3994;",
      "P3;Mishandeling;31-02-2024;;52,1437;5,3994;",
      "P4;Mishandeling;06-03-2024;;5,3994;52,1437;",
    ];
    const d = await loaded(file("bvi.csv", Buffer.from(`${lines.join("\r\n")}\r\n`, "latin1")), "bvi", {
      profile,
    });
    assert.equal(d.format, "profiel");
    assert.equal(d.counts.inserted, 1);
    const r = (await store.registrationVersions("bvi", "P1"))[0]?.registration;
    assert.deepEqual([r?.bvhCode, r?.inpCode, r?.attempt], ["A20", "1.1.1", true]);
    assert.equal(r?.startsAt.toISOString(), "2024-03-05T20:15:00.000Z");
    // The RD origin, the Onze Lieve Vrouwetoren in Amersfoort: published as RD (155000, 463000) =
    // WGS84 (52.15517440 N, 5.38720621 E) in the RDNAPTRANS documentation.
    assert.ok(Math.abs((r?.x ?? 0) - 155_000) < 1 && Math.abs((r?.y ?? 0) - 463_000) < 1, `${r?.x},${r?.y}`);
    const q = await store.quarantine(d.id);
    assert.deepEqual(
      q.map((e) => [e.line, e.field]),
      [
        [3, "Feit"],
        [4, "pleegdatum_begin"],
        [5, "lat"],
      ],
    );
    assert.match(q[0]?.reason ?? "", /onbekende code "Fietsendiefstal"/);
    assert.match(q[2]?.reason ?? "", /verwisseld/);
  });

  it("names the profile's columns that the file lacks", async () => {
    const f = await failed(
      file("bvi-kapot.csv", "Registratienummer;Feit;Pleegdatum\nP9;Mishandeling;05-03-2024\n"),
      {
        profile,
      },
    );
    assert.match(
      f.error.message,
      /ontbreekt in het bestand: Pleegtijd, Breedtegraad, Lengtegraad, Toelichting/,
    );
  });

  it("reads JSON records with dotted paths", async () => {
    const json = parseProfile(
      JSON.stringify({
        naam: "meldingen-json",
        formaat: "json",
        velden: {
          registratienummer: "id",
          pleegdatum_begin: "moment",
          x: "plaats.x",
          y: "plaats.y",
          maatschappelijke_klasse: "code",
        },
      }),
      "p.json",
    );
    const body = JSON.stringify([
      { id: "J1", moment: "2024-05-01T12:00:00Z", plaats: { x: 152500, y: 460500 }, code: "E35" },
      { id: "J2", moment: "gisteren", plaats: { x: 152500, y: 460500 }, code: "E35" },
    ]);
    const d = await loaded(file("meldingen.json", body), "app", { profile: json });
    assert.equal(d.counts.inserted, 1);
    assert.equal(
      (await store.registrationVersions("app", "J1"))[0]?.registration.placement.gemeente,
      "GM9002",
    );
    assert.equal((await store.quarantine(d.id))[0]?.field, "pleegdatum_begin");
  });
});
