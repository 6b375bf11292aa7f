import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { DEFAULT_CONFIG_DIR } from "../disclosure/config-file.ts";
import { InputError } from "../domain/errors.ts";
import { weekday } from "./calendar.ts";
import { easterSunday, type HolidayConfig, holidaysOf, isHoliday, loadHolidayConfig } from "./holidays.ts";

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A config folder holding only this feestdagen.json. */
function configDir(json: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), "driehoek-feestdagen-"));
  dirs.push(dir);
  writeFileSync(join(dir, "feestdagen.json"), JSON.stringify(json));
  return dir;
}

const shipped = (): unknown => JSON.parse(readFileSync(join(DEFAULT_CONFIG_DIR, "feestdagen.json"), "utf8"));

describe("easterSunday", () => {
  it("matches the published dates", () => {
    const published: [number, number][] = [
      [2000, 20000423],
      [2008, 20080323],
      [2011, 20110424],
      [2019, 20190421],
      [2024, 20240331],
      [2025, 20250420],
      [2026, 20260405],
      [2027, 20270328],
      [2038, 20380425],
      [2285, 22850322],
    ];
    for (const [year, day] of published) {
      assert.equal(easterSunday(year), day, String(year));
      assert.equal(weekday(day), 7, `${day} is a Sunday`);
    }
  });

  it("refuses a year that is not Gregorian", () => {
    assert.throws(() => easterSunday(1500), RangeError);
    assert.throws(() => easterSunday(2026.5), RangeError);
  });
});

describe("holidaysOf", () => {
  const config = loadHolidayConfig();

  it("gives the Dutch holidays of 2026 from the shipped config", () => {
    assert.deepEqual([...holidaysOf(2026, config)].sort(), [
      20260101, // Nieuwjaarsdag
      20260406, // Tweede Paasdag
      20260427, // Koningsdag (a Monday)
      20260505, // Bevrijdingsdag
      20260514, // Hemelvaartsdag
      20260525, // Tweede Pinksterdag
      20261225, // Eerste Kerstdag
      20261226, // Tweede Kerstdag
    ]);
    assert.ok(!holidaysOf(2026, config).has(20260403), "Goede Vrijdag is not in the list");
  });

  it("moves Koningsdag to 26 April when 27 April is a Sunday", () => {
    assert.equal(weekday(20250427), 7, "27 April 2025 is a Sunday");
    const h2025 = holidaysOf(2025, config);
    assert.ok(h2025.has(20250426));
    assert.ok(!h2025.has(20250427));
    assert.ok(holidaysOf(2026, config).has(20260427));
  });

  it("skips a fixed date that does not exist in the year (29 February)", () => {
    const leap: HolidayConfig = {
      version: "t",
      fixed: [{ name: "Schrikkeldag", date: "02-29" }],
      easter: [],
    };
    assert.deepEqual([...holidaysOf(2028, leap)], [20280229]);
    assert.deepEqual([...holidaysOf(2027, leap)], []);
  });

  it("answers per day, across years", () => {
    const holiday = isHoliday(config);
    assert.equal(holiday(20260101), true);
    assert.equal(holiday(20260102), false);
    assert.equal(holiday(20270101), true);
    assert.equal(holiday(20270329), true, "Tweede Paasdag 2027");
    assert.equal(holiday(20260403), false, "Goede Vrijdag");
  });
});

describe("loadHolidayConfig", () => {
  it("loads the shipped config/feestdagen.json", () => {
    const config = loadHolidayConfig();
    assert.ok(config.version.length > 0);
    assert.deepEqual(
      config.fixed.map((h) => h.name),
      ["Nieuwjaarsdag", "Koningsdag", "Bevrijdingsdag", "Eerste Kerstdag", "Tweede Kerstdag"],
    );
    assert.deepEqual(config.fixed[1], { name: "Koningsdag", date: "04-27", onSunday: "04-26" });
    assert.deepEqual(
      config.easter.map((h) => [h.name, h.daysAfterEaster]),
      [
        ["Tweede Paasdag", 1],
        ["Hemelvaartsdag", 39],
        ["Tweede Pinksterdag", 50],
      ],
    );
  });

  it("reads the file from another folder", () => {
    const dir = configDir({ versie: "t", vast: [{ naam: "Dag", datum: "06-01" }], naPaaszondag: [] });
    assert.deepEqual([...holidaysOf(2026, loadHolidayConfig(dir))], [20260601]);
  });

  it("names the file and the field when the config is wrong", () => {
    const bad = shipped() as { vast: { datum: string }[] };
    (bad.vast[1] as { datum: string }).datum = "04-31";
    const dir = configDir(bad);
    assert.throws(
      () => loadHolidayConfig(dir),
      (err: unknown) =>
        err instanceof InputError &&
        err.file === join(dir, "feestdagen.json") &&
        err.field === "vast.1.datum" &&
        /MM-DD/.test(err.message),
    );

    const days = shipped() as { naPaaszondag: { dagen: unknown }[] };
    (days.naPaaszondag[0] as { dagen: unknown }).dagen = "1";
    assert.throws(
      () => loadHolidayConfig(configDir(days)),
      (err: unknown) => err instanceof InputError && err.field === "naPaaszondag.0.dagen",
    );

    const unknownField = { ...(shipped() as object), extra: true };
    assert.throws(() => loadHolidayConfig(configDir(unknownField)), InputError);
  });
});
