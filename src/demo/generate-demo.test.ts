// End-to-end checks of the demo generator on the files it writes (klein, one year), read back
// with the tests' own CSV reader and geometry (test-support.ts).

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { rdToWgs84, wgs84ToRd } from "../domain/geo/rd.ts";
import { type DemoManifest, generateDemo } from "./generate-demo.ts";
import { CRIME_COUNTS, OVERLAST_COUNTS } from "./national-profile.ts";
import {
  type AreaFeature,
  areaOf,
  boundsOf,
  contains,
  parseDelimited,
  type Rings,
  readAreas,
  readTable,
  type Table,
  testRandom,
} from "./test-support.ts";

const SEED = 11;
const UNTIL = 202412;
const SHARED = join(process.cwd(), "..", "shared", "data");
const tmp = mkdtempSync(join(tmpdir(), "driehoek-demo-"));
const dir = join(tmp, "a");

let manifest: DemoManifest;
let regs: Table;
let gemeenten: AreaFeature[];
let wijken: AreaFeature[];
let buurten: AreaFeature[];

before(async () => {
  manifest = await generateDemo({ seed: SEED, years: 1, size: "klein", until: UNTIL, outDir: dir });
  regs = readTable(join(dir, "registraties-2024.csv"), ";");
  gemeenten = readAreas(join(dir, "gebieden-gemeente.geojson"));
  wijken = readAreas(join(dir, "gebieden-wijk.geojson"));
  buurten = readAreas(join(dir, "gebieden-buurt.geojson"));
});

after(() => rmSync(tmp, { recursive: true, force: true }));

function hashes(d: string): Map<string, string> {
  return new Map(
    readdirSync(d)
      .sort()
      .map((f) => [
        f,
        createHash("sha256")
          .update(readFileSync(join(d, f)))
          .digest("hex"),
      ]),
  );
}

/** RD polygons (metres) from WGS84 ones, for areas in m2. */
function toRd(polygons: Rings): Rings {
  return polygons.map((poly) => poly.map((ring) => ring.map(([lon, lat]) => wgs84ToRd(lon, lat))));
}

/** [year, month, day, hour, minute] of `YYYY-MM-DD HH:MM`. */
function parts(s: string): number[] {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(s);
  assert.ok(m, `time ${s}`);
  return m.slice(1).map(Number);
}

function minutes(s: string): number {
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0] = parts(s);
  return Date.UTC(y, mo - 1, d, h, mi) / 60000;
}

function lastSundayOfMarch(year: number): number {
  for (let d = 31; ; d--) if (new Date(Date.UTC(year, 2, d)).getUTCDay() === 0) return d;
}

describe("demo generate (klein)", () => {
  it("writes exactly the listed files, with the documented headers", () => {
    const files = readdirSync(dir).sort();
    assert.deepEqual(files, Object.keys(manifest.bestanden).sort());
    for (const f of [
      "gebieden-gemeente.geojson",
      "gebieden-wijk.geojson",
      "gebieden-buurt.geojson",
      "gebieden-eenheid.geojson",
      "bevolking-2024.csv",
      "indeling.csv",
      "adressen.csv",
      "classificatie.csv",
      "registraties-2024.csv",
      "manifest.json",
    ]) {
      assert.ok(files.includes(f), f);
    }
    assert.deepEqual(
      regs.header,
      "registratienummer;versie;soort;maatschappelijke_klasse;inp_code;poging;pleegdatum_begin;pleegdatum_eind;registratiedatum;x;y;postcode;huisnummer;gemeentecode;modus_operandi;personen;omschrijving".split(
        ";",
      ),
    );
    const raw = readFileSync(join(dir, "registraties-2024.csv"));
    assert.notEqual(raw[0], 0xef, "no BOM");
    assert.equal(
      readFileSync(join(dir, "indeling.csv"), "utf8").split("\n")[0],
      "gemeentecode;gemeentenaam;basisteamcode;basisteamnaam;districtcode;districtnaam;eenheidcode;eenheidnaam",
    );
    assert.equal(readFileSync(join(dir, "adressen.csv"), "utf8").split("\n")[0], "postcode;huisnummer;x;y");
    assert.equal(readFileSync(join(dir, "bevolking-2024.csv"), "utf8").split("\n")[0], "code;inwoners");
    assert.equal(
      readFileSync(join(dir, "classificatie.csv"), "utf8").split("\r\n")[0],
      "INP niv1 code,INP niv1,INP niv2 code,INP niv2,INP niv3 code,INP niv3,MaatKlasse code,MaatKlasse oms,Delict J/N",
    );
    assert.equal(manifest.tot, "2024-12");
    assert.equal(manifest.gebiedsjaar, 2024);
    assert.equal(manifest.aantallen.registraties["2024"], regs.rows.length);
  });

  it("has the klein structure: one unit RE90, 2 districts, 3-4 basisteams, 6-7 gemeenten of mixed size", () => {
    const ind = readTable(join(dir, "indeling.csv"), ";").rows;
    assert.ok(ind.length >= 6 && ind.length <= 7);
    assert.deepEqual([...new Set(ind.map((r) => r.eenheidcode))], ["RE90"]);
    const districts = new Set(ind.map((r) => r.districtcode));
    const teams = new Set(ind.map((r) => r.basisteamcode));
    assert.equal(districts.size, 2);
    assert.ok(teams.size >= 3 && teams.size <= 4, `${teams.size} basisteams`);
    for (const d of districts) assert.match(d ?? "", /^RE90D\d$/);
    for (const b of teams) assert.match(b ?? "", /^RE90B\d\d$/);
    const pop = new Map(
      readTable(join(dir, "bevolking-2024.csv"), ";").rows.map((r) => [r.code, Number(r.inwoners)]),
    );
    const sizes = gemeenten.map((g) => pop.get(g.code) ?? 0).sort((a, b) => b - a);
    assert.ok((sizes[0] ?? 0) > 200_000 && (sizes[0] ?? 0) < 300_000, `city ${sizes[0]}`);
    assert.ok((sizes[sizes.length - 1] ?? 0) < 12_000, "a small rural gemeente");
    const sted = new Set(gemeenten.map((g) => g.props.stedelijkheid));
    assert.ok(sted.has(1) && sted.has(5), "from very urban to rural");
    for (const g of gemeenten) assert.match(g.code, /^GM9\d{3}$/);
  });

  it("uses CBS code structure for wijken and buurten", () => {
    const gCodes = new Set(gemeenten.map((g) => g.code));
    const wCodes = new Set(wijken.map((w) => w.code));
    for (const w of wijken) {
      assert.match(w.code, /^WK\d{6}$/);
      assert.ok(gCodes.has(`GM${w.code.slice(2, 6)}`), w.code);
    }
    for (const b of buurten) {
      assert.match(b.code, /^BU\d{8}$/);
      assert.ok(wCodes.has(`WK${b.code.slice(2, 8)}`), b.code);
    }
  });

  it("tiles every wijk with its buurten and every gemeente with its wijken (area and point sampling)", () => {
    const rnd = testRandom(5);
    const check = (parents: AreaFeature[], children: AreaFeature[], childOf: (code: string) => string) => {
      for (const parent of parents) {
        const own = children.filter((c) => childOf(c.code) === parent.code);
        assert.ok(own.length > 0, `${parent.code} has children`);
        const parentArea = areaOf(toRd(parent.polygons));
        const sum = own.reduce((s, c) => s + areaOf(toRd(c.polygons)), 0);
        assert.ok(Math.abs(sum - parentArea) / parentArea < 1e-4, `${parent.code}: ${sum} vs ${parentArea}`);
        const [minX, minY, maxX, maxY] = boundsOf(parent.polygons);
        for (let i = 0; i < 60; i++) {
          const x = minX + rnd() * (maxX - minX);
          const y = minY + rnd() * (maxY - minY);
          const inParent = contains(parent.polygons, x, y);
          const hits = own.filter((c) => contains(c.polygons, x, y)).length;
          assert.equal(hits, inParent ? 1 : 0, `${parent.code} at ${x},${y}: ${hits} children`);
        }
      }
    };
    check(wijken, buurten, (c) => `WK${c.slice(2, 8)}`);
    check(gemeenten, wijken, (c) => `GM${c.slice(2, 6)}`);
  });

  it("has no overlapping buurten anywhere, and the unit outline is the union of its gemeenten", () => {
    const unit = readAreas(join(dir, "gebieden-eenheid.geojson"));
    assert.equal(unit.length, 1);
    assert.equal(unit[0]?.code, "RE90");
    const rnd = testRandom(9);
    const [minX, minY, maxX, maxY] = boundsOf(unit[0]?.polygons ?? []);
    for (let i = 0; i < 1500; i++) {
      const x = minX - 0.01 + rnd() * (maxX - minX + 0.02);
      const y = minY - 0.01 + rnd() * (maxY - minY + 0.02);
      const inUnit = contains(unit[0]?.polygons ?? [], x, y);
      assert.equal(buurten.filter((b) => contains(b.polygons, x, y)).length, inUnit ? 1 : 0);
      assert.equal(gemeenten.filter((g) => contains(g.polygons, x, y)).length, inUnit ? 1 : 0);
    }
    const unitArea = areaOf(toRd(unit[0]?.polygons ?? []));
    const sum = gemeenten.reduce((s, g) => s + areaOf(toRd(g.polygons)), 0);
    assert.ok(Math.abs(unitArea - sum) / sum < 1e-4);
  });

  it("writes WGS84 polygons inside the Netherlands' RD box, outer rings counter-clockwise and closed", () => {
    for (const f of [...gemeenten, ...buurten]) {
      for (const poly of f.polygons) {
        const ring = poly[0] ?? [];
        assert.deepEqual(ring[0], ring[ring.length - 1]);
        let a = 0;
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          a += ((ring[j] as number[])[0] ?? 0) * ((ring[i] as number[])[1] ?? 0);
          a -= ((ring[i] as number[])[0] ?? 0) * ((ring[j] as number[])[1] ?? 0);
        }
        assert.ok(a > 0, `${f.code} counter-clockwise`);
        for (const [lon, lat] of ring) {
          const [x, y] = wgs84ToRd(lon, lat);
          assert.ok(x > 0 && x < 300_000 && y > 289_000 && y < 629_000, `${f.code} ${x},${y}`);
        }
      }
    }
  });

  it("sums buurt populations to wijken and wijken to gemeenten", () => {
    const rows = readTable(join(dir, "bevolking-2024.csv"), ";").rows;
    const pop = new Map(rows.map((r) => [r.code ?? "", Number(r.inwoners)]));
    const sumBy = (prefix: string, len: number, parent: string) => {
      const sums = new Map<string, number>();
      for (const [code, p] of pop) {
        if (code.startsWith(prefix)) {
          const key = parent + code.slice(2, 2 + len);
          sums.set(key, (sums.get(key) ?? 0) + p);
        }
      }
      return sums;
    };
    for (const [w, s] of sumBy("BU", 6, "WK")) assert.equal(s, pop.get(w), w);
    for (const [g, s] of sumBy("WK", 4, "GM")) assert.equal(s, pop.get(g), g);
    assert.equal(rows.filter((r) => r.code?.startsWith("BU")).length, buurten.length);
    const total = gemeenten.reduce((s, g) => s + (pop.get(g.code) ?? 0), 0);
    assert.equal(total, manifest.aantallen.inwoners["2024"]);
  });

  it("uses only BVH codes that classificatie.csv lists, with matching INP code and soort", () => {
    const cls = parseDelimited(readFileSync(join(dir, "classificatie.csv"), "utf8"), ",").slice(1);
    const byCode = new Map(cls.map((r) => [r[6], { inp: r[4], crime: r[8] === "J" }]));
    for (const r of regs.rows) {
      const c = byCode.get(r.maatschappelijke_klasse);
      assert.ok(c, `unknown code ${r.maatschappelijke_klasse}`);
      assert.equal(r.inp_code, c.inp);
      assert.equal(r.soort, c.crime ? "misdrijf" : "incident");
    }
  });

  it("keeps the national proportions between crime types (within tolerance)", () => {
    const total = Object.values(CRIME_COUNTS).reduce((s, v) => s + v, 0);
    const crimes = regs.rows.filter((r) => r.soort === "misdrijf");
    const observed = new Map<string, number>();
    for (const r of crimes) observed.set(r.inp_code ?? "", (observed.get(r.inp_code ?? "") ?? 0) + 1);
    let checked = 0;
    for (const [inp, count] of Object.entries(CRIME_COUNTS)) {
      const expected = count / total;
      if (expected < 0.02) continue;
      const share = (observed.get(inp) ?? 0) / crimes.length;
      assert.ok(
        Math.abs(share - expected) <= 0.4 * expected,
        `${inp}: ${share.toFixed(4)} vs ${expected.toFixed(4)}`,
      );
      checked++;
    }
    assert.ok(checked >= 10);
    // Crime rate: above the national ~45 per 1,000 because of the city, but in a plausible band.
    const rate = (crimes.length / (manifest.aantallen.inwoners["2024"] ?? 1)) * 1000;
    assert.ok(rate > 40 && rate < 80, `rate ${rate}`);
    // Overlast codes relative to each other.
    const codes = ["E33", "E35", "E38", "E41"];
    const natOverlast = codes.reduce((s, c) => s + (OVERLAST_COUNTS[c] ?? 0), 0);
    const obs = codes.map((c) => regs.rows.filter((r) => r.maatschappelijke_klasse === c).length);
    const obsTotal = obs.reduce((s, v) => s + v, 0);
    codes.forEach((c, i) => {
      const expected = (OVERLAST_COUNTS[c] ?? 0) / natOverlast;
      const share = (obs[i] ?? 0) / obsTotal;
      assert.ok(Math.abs(share - expected) <= 0.35 * expected, `${c}: ${share} vs ${expected}`);
    });
  });

  it("has more burglaries in the dark months (Nov-Jan) than in May-Jul", () => {
    const month = (r: Record<string, string>) => parts(r.pleegdatum_begin ?? "")[1] ?? 0;
    const burglary = regs.rows.filter((r) => r.inp_code === "1.1.1");
    const dark = burglary.filter((r) => [11, 12, 1].includes(month(r))).length;
    const light = burglary.filter((r) => [5, 6, 7].includes(month(r))).length;
    assert.ok(dark > light * 1.3, `${dark} vs ${light}`);
    const attempts = burglary.filter((r) => r.poging === "J").length / burglary.length;
    assert.ok(attempts > 0.27 && attempts < 0.43, `attempts ${attempts}`);
    const withMo = burglary.filter((r) => r.modus_operandi !== "").length;
    assert.equal(withMo, burglary.length);
  });

  it("follows time-of-day and place patterns: violence on weekend nights, bike theft by day, pickpockets downtown", () => {
    const weekday = (v: string) => new Date(`${v.slice(0, 10)}T12:00:00Z`).getUTCDay(); // 0 = Sunday
    const hour = (v: string) => Number(v.slice(11, 13));
    const share = (rows: Record<string, string>[], pred: (r: Record<string, string>) => boolean) =>
      rows.filter(pred).length / rows.length;
    const violence = regs.rows.filter((r) => r.inp_code === "1.4.5" && r.soort === "misdrijf");
    // Friday/Saturday 22:00-23:59 and Saturday/Sunday 00:00-04:59 are 7 of the 168 hours of a week (4%).
    const weekendNight = share(violence, (r) => {
      const v = r.pleegdatum_begin ?? "";
      const d = weekday(v);
      const h = hour(v);
      return ((d === 5 || d === 6) && h >= 22) || ((d === 6 || d === 0) && h < 5);
    });
    assert.ok(weekendNight > 0.15, `violence on weekend nights ${weekendNight}`);
    const bikes = regs.rows.filter((r) => r.inp_code === "1.2.3");
    assert.ok(
      share(bikes, (r) => hour(r.pleegdatum_begin ?? "") >= 8 && hour(r.pleegdatum_begin ?? "") < 20) > 0.6,
    );
    const burglary = regs.rows.filter((r) => r.inp_code === "1.1.1");
    const evening = share(
      burglary,
      (r) => hour(r.pleegdatum_begin ?? "") >= 17 && hour(r.pleegdatum_begin ?? "") < 21,
    );
    assert.ok(evening > 0.25, `burglary 17-21h ${evening}`);
    // Pickpocketing clusters: the busiest 5% of buurten hold more than half of it.
    const pickpocket = regs.rows.filter((r) => r.inp_code === "1.2.4" && r.x !== "");
    const perBuurt = new Map<string, number>();
    for (const r of pickpocket) {
      const [lon, lat] = rdToWgs84(Number(r.x), Number(r.y));
      const b = buurten.find((f) => contains(f.polygons, lon, lat));
      perBuurt.set(b?.code ?? "", (perBuurt.get(b?.code ?? "") ?? 0) + 1);
    }
    const top = [...perBuurt.values()].sort((a, b) => b - a).slice(0, Math.ceil(buurten.length * 0.05));
    const topShare = top.reduce((s, v) => s + v, 0) / pickpocket.length;
    assert.ok(topShare > 0.5, `top 5% buurten hold ${topShare} of pickpocketing`);
  });

  it("shows near-repeat burglaries: more pairs within 200 m and 14 days than with shuffled times", () => {
    const pts = regs.rows
      .filter((r) => r.inp_code === "1.1.1" && r.x !== "")
      .map((r) => ({ x: Number(r.x), y: Number(r.y), t: minutes(r.pleegdatum_begin ?? "") }));
    const pairs = (times: number[]) => {
      let n = 0;
      for (let i = 0; i < pts.length; i++) {
        for (let j = i + 1; j < pts.length; j++) {
          const a = pts[i];
          const b = pts[j];
          if (!a || !b) continue;
          if (Math.abs((times[i] ?? 0) - (times[j] ?? 0)) > 14 * 1440) continue;
          if ((a.x - b.x) ** 2 + (a.y - b.y) ** 2 <= 200 * 200) n++;
        }
      }
      return n;
    };
    const observed = pairs(pts.map((p) => p.t));
    const rnd = testRandom(3);
    let shuffled = 0;
    for (let k = 0; k < 5; k++) {
      const times = pts.map((p) => p.t);
      for (let i = times.length - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1));
        [times[i], times[j]] = [times[j] ?? 0, times[i] ?? 0];
      }
      shuffled += pairs(times) / 5;
    }
    assert.ok(observed > 1.5 * shuffled + 10, `${observed} pairs vs ${shuffled} shuffled`);
  });

  it("never writes a time inside the hour skipped by the spring change, and keeps times in order", () => {
    const gap = `2024-03-${lastSundayOfMarch(2024)} 02:`;
    let previous = "";
    for (const r of regs.rows) {
      const begin = r.pleegdatum_begin ?? "";
      for (const v of [begin, r.pleegdatum_eind ?? "", r.registratiedatum ?? ""]) {
        assert.ok(!v.startsWith(gap), `time in the spring gap: ${v}`);
      }
      assert.match(begin, /^2024-\d\d-\d\d \d\d:\d\d$/);
      // Same fixed-width format, so text order is time order.
      assert.ok(begin >= previous, "sorted by pleegdatum_begin");
      previous = begin;
      if (r.pleegdatum_eind) assert.ok(r.pleegdatum_eind >= begin);
      assert.ok((r.registratiedatum ?? "") >= begin);
      assert.match(r.versie ?? "", /^2024-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00$/);
    }
    // The wall-clock times of the spring-change day still happen, just not in the gap.
    assert.ok(
      regs.rows.some((r) => r.pleegdatum_begin?.startsWith(`2024-03-${lastSundayOfMarch(2024)} 03:`)),
    );
  });

  it("places every point inside its gemeente, and has ~2% without place and ~1% with only a postcode", () => {
    // Gemeente polygons back in RD metres (their edges are densified, so they follow the RD edges).
    const byCode = new Map(gemeenten.map((g) => [g.code, toRd(g.polygons)]));
    let points = 0;
    let onlyGemeente = 0;
    let onlyPostcode = 0;
    for (const r of regs.rows) {
      if (r.x !== "") {
        assert.match(r.x ?? "", /^\d+(\.\d)?$/);
        const g = byCode.get(r.gemeentecode ?? "");
        assert.ok(g, `gemeente ${r.gemeentecode}`);
        assert.ok(contains(g, Number(r.x), Number(r.y)), `${r.registratienummer} outside ${r.gemeentecode}`);
        points++;
      } else if (r.postcode !== "") {
        assert.equal(r.gemeentecode, "");
        assert.match(r.postcode ?? "", /^9\d{3}([A-Z]{2})?$/);
        onlyPostcode++;
      } else {
        assert.match(r.gemeentecode ?? "", /^GM9\d{3}$/);
        onlyGemeente++;
      }
    }
    const n = regs.rows.length;
    assert.ok(onlyGemeente / n > 0.015 && onlyGemeente / n < 0.035, `only gemeente ${onlyGemeente / n}`);
    assert.ok(onlyPostcode / n > 0.006 && onlyPostcode / n < 0.015, `only postcode ${onlyPostcode / n}`);
    assert.ok(points / n > 0.95);
    // And a sample through WGS84, the way an importer reading the GeoJSON places them.
    const wgs = new Map(gemeenten.map((g) => [g.code, g.polygons]));
    for (const r of regs.rows.filter((_, i) => i % 20 === 0)) {
      if (r.x === "") continue;
      const [lon, lat] = rdToWgs84(Number(r.x), Number(r.y));
      assert.ok(contains(wgs.get(r.gemeentecode ?? "") ?? [], lon, lat), `${r.registratienummer} (WGS84)`);
    }
  });

  it("writes addresses with fictional postcodes that registrations refer to", () => {
    const addresses = readTable(join(dir, "adressen.csv"), ";").rows;
    assert.equal(addresses.length, manifest.aantallen.adressen);
    const keys = new Set<string>();
    for (const a of addresses) {
      assert.match(a.postcode ?? "", /^9\d{3}[A-Z]{2}$/);
      assert.ok(!/S[ADS]$/.test(a.postcode ?? ""));
      assert.match(a.x ?? "", /^\d+(\.\d)?$/);
      const key = `${a.postcode} ${a.huisnummer}`;
      assert.ok(!keys.has(key), `duplicate address ${key}`);
      keys.add(key);
    }
    const withAddress = regs.rows.filter((r) => r.huisnummer !== "");
    assert.ok(withAddress.length > 1000);
    for (const r of withAddress.slice(0, 2000)) assert.ok(keys.has(`${r.postcode} ${r.huisnummer}`));
  });

  it("fills persons with pseudonyms, repeat suspects, unique numbers and some quoted free text", () => {
    const numbers = new Set(regs.rows.map((r) => r.registratienummer));
    assert.equal(numbers.size, regs.rows.length);
    for (const n of [...numbers].slice(0, 100)) assert.match(n ?? "", /^PL9000-2024\d{7}$/);
    const suspects = new Map<string, number>();
    for (const r of regs.rows) {
      if (r.personen === "") continue;
      for (const part of (r.personen ?? "").split(" | ")) {
        const m = /^(verdachte|slachtoffer|getuige|betrokkene|melder):(P[0-9A-F]{12})$/.exec(part);
        assert.ok(m, `persons ${r.personen}`);
        if (m[1] === "verdachte") suspects.set(m[2] ?? "", (suspects.get(m[2] ?? "") ?? 0) + 1);
      }
    }
    const repeat = [...suspects.values()].filter((c) => c >= 3).length;
    assert.ok(repeat > 20, `${repeat} suspects with 3 or more registrations`);
    const crimes = regs.rows.filter((r) => r.soort === "misdrijf");
    const withVictim = crimes.filter((r) => r.personen?.includes("slachtoffer:")).length;
    assert.ok(withVictim / crimes.length > 0.6);
    assert.ok(
      regs.rows.some((r) => r.omschrijving?.includes('"')),
      "a description with quotes",
    );
    assert.ok(regs.rows.filter((r) => r.omschrijving !== "").length > regs.rows.length * 0.05);
  });

  it("uses fictional names only (when the real reference data is present)", (t) => {
    const real = join(SHARED, "gemeente_2025.geojson");
    if (!existsSync(real)) {
      t.skip("../shared/data is absent");
      return;
    }
    const names = new Set(
      (
        JSON.parse(readFileSync(real, "utf8")) as { features: { properties: { statnaam: string } }[] }
      ).features.map((f) => f.properties.statnaam.toLowerCase()),
    );
    const units = JSON.parse(readFileSync(join(SHARED, "regionale_eenheid_2025.geojson"), "utf8")) as {
      features: { properties: { statnaam: string } }[];
    };
    for (const f of units.features) names.add(f.properties.statnaam.toLowerCase());
    const ours = [
      ...gemeenten.map((g) => g.naam),
      ...readAreas(join(dir, "gebieden-eenheid.geojson")).map((u) => u.naam),
    ];
    for (const n of ours) assert.ok(!names.has(n.toLowerCase()), `${n} is a real name`);
  });

  it("writes classificatie.csv rows exactly as in the police table (when present)", (t) => {
    const real = join(SHARED, "inp2013_bvh.csv");
    if (!existsSync(real)) {
      t.skip("../shared/data is absent");
      return;
    }
    const realLines = new Set(readFileSync(real, "utf8").split(/\r?\n/));
    const ours = readFileSync(join(dir, "classificatie.csv"), "utf8").split("\r\n").filter(Boolean);
    for (const line of ours) assert.ok(realLines.has(line), line);
    assert.equal(ours.length, manifest.aantallen.classificatiecodes + 1);
  });

  it("is deterministic: the same seed gives identical files, another seed different ones", async () => {
    await generateDemo({ seed: SEED, years: 1, size: "klein", until: UNTIL, outDir: join(tmp, "b") });
    const a = hashes(dir);
    assert.deepEqual(hashes(join(tmp, "b")), a);
    await generateDemo({
      seed: SEED + 1,
      years: 1,
      size: "klein",
      until: UNTIL,
      outDir: join(tmp, "c"),
      maxRegistrationsPerYear: 15_000,
    });
    const c = hashes(join(tmp, "c"));
    for (const f of [
      "registraties-2024.csv",
      "gebieden-buurt.geojson",
      "adressen.csv",
      "bevolking-2024.csv",
    ]) {
      assert.notEqual(c.get(f), a.get(f), f);
    }
    const capped = readTable(join(tmp, "c", "registraties-2024.csv"), ";").rows.length;
    assert.ok(capped <= 15_000 && capped > 12_000, `${capped} rows`);
  });
});
