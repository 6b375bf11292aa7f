import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import {
  protectMonthlyCounts,
  SHOW_ALL,
  type Shown,
} from "../../disclosure/table-protection/monthly-counts-protection.ts";
import { InputError } from "../../domain/errors.ts";
import { type Priority, parseTargets, type Targets } from "../parts/streefcijfers.ts";
import { isWithheld, WITHHELD } from "../product-document.ts";
import { parsePeriod } from "../product-period.ts";
import { openProductTestStore, type ProductTestStore, runAs } from "../test-products.ts";
import {
  allTexts,
  bhRejects,
  exactPoissonP,
  generateRows,
  recordingShown,
  rowWhere,
  sumRows,
  tableOf,
  testContext,
} from "./definition-test-data.ts";
import { type DriehoeksmonitorInput, driehoeksmonitor } from "./driehoeksmonitor.ts";

const MEANS: Record<string, { mean: number; growth?: number }> = {
  "1.1.1": { mean: 30, growth: 0.7 },
  "1.4.3": { mean: 0.4 },
  "1.4.4": { mean: 8 },
  "1.4.5": { mean: 20, growth: 1.3 },
  "2.2.1": { mean: 25 },
  "2.2.2": { mean: 1.2 },
  "3.1.1": { mean: 3 },
};
const ROWS = generateRows(20260501, MEANS, 202401, 202606);

const PRIORITIES: Priority[] = [
  {
    titel: "Woninginbraak",
    inpCodes: ["1.1.1"],
    basisjaar: 2024,
    basiswaarde: 360,
    doel: { soort: "procent", waarde: -10, jaar: 2027 },
    toelichting: "",
  },
  {
    titel: "Geweld",
    inpCodes: ["1.4.3", "1.4.4", "1.4.5"],
    basisjaar: 2024,
    basiswaarde: 300,
    doel: { soort: "aantal", waarde: 250, jaar: 2028 },
    toelichting: "",
  },
  {
    titel: "Openbare ruimte",
    inpCodes: ["2.2"],
    basisjaar: 2025,
    basiswaarde: 200,
    doel: { soort: "aantal", waarde: 400, jaar: 2027 },
    toelichting: "meer meldingen is hier het doel",
  },
];
const TYPES_OF = [["1.1.1"], ["1.4.3", "1.4.4", "1.4.5"], ["2.2.1", "2.2.2"]];

const targets = (p: Priority[] = PRIORITIES) => ({
  targets: { prioriteiten: p } as Targets,
  version: 3,
  author: "oov.test",
  savedAt: new Date("2026-01-05T10:00:00Z"),
});
const input = (shown: Shown = SHOW_ALL, withTargets = true): DriehoeksmonitorInput => ({
  rows: ROWS,
  shown,
  roundTo: 1,
  targets: withTargets ? targets() : null,
});
const sumTypes = (types: string[], from: number, to: number) =>
  types.reduce((a, c) => a + sumRows(ROWS, c, from, to), 0);

/** The straight path from baseline to target, and the on-track verdict, written out again. */
function expectedCourse(i: number, year: number, month: number) {
  const p = PRIORITIES[i] as Priority;
  const types = TYPES_OF[i] as string[];
  const goal = p.doel.soort === "aantal" ? p.doel.waarde : p.basiswaarde * (1 + p.doel.waarde / 100);
  const frac = Math.min(1, Math.max(0, (year - p.basisjaar) / (p.doel.jaar - p.basisjaar)));
  const path = p.basiswaarde + (goal - p.basiswaarde) * frac;
  const prevYtd = sumTypes(types, (year - 1) * 100 + 1, (year - 1) * 100 + month);
  const prevYear = sumTypes(types, (year - 1) * 100 + 1, (year - 1) * 100 + 12);
  const soFar = path * (prevYear > 0 ? prevYtd / prevYear : month / 12);
  const cur = sumTypes(types, year * 100 + 1, year * 100 + month);
  const ok = goal <= p.basiswaarde ? cur <= soFar : cur >= soFar;
  return { goal, path, soFar, cur, prevYtd, verdict: ok ? "op koers" : "niet op koers" };
}

describe("driehoeksmonitor", () => {
  it("is an aggregated gemeente product per driehoeksoverleg, for a month or a quarter", () => {
    assert.equal(driehoeksmonitor.sensitivity, "aggregated");
    assert.deepEqual(driehoeksmonitor.levels, ["gemeente"]);
    assert.deepEqual([...driehoeksmonitor.periodKinds], ["maand", "kwartaal"]);
    assert.equal(driehoeksmonitor.cadence, "per-driehoeksoverleg");
  });

  describe("a month: the year to date against targets", () => {
    const doc = driehoeksmonitor.build(input(), testContext("2026-05"));
    const t = tableOf(doc, "prioriteiten");

    it("every priority: baseline, target, path, this year so far, last year, verdict", () => {
      for (const [i, p] of PRIORITIES.entries()) {
        const e = expectedCourse(i, 2026, 5);
        const cells = rowWhere(t, "prioriteit", p.titel).cells;
        assert.equal(cells.basiswaarde, p.basiswaarde);
        assert.equal(cells.streefwaarde, Math.round(e.goal), p.titel);
        assert.equal(cells.koerswaarde, Math.round(e.path), p.titel);
        assert.equal(cells.ditJaar, e.cur, p.titel);
        assert.equal(cells.vorigJaar, e.prevYtd, p.titel);
        assert.equal(cells.streefTotNu, Math.round(e.soFar), p.titel);
        assert.equal(cells.koers, e.verdict, p.titel);
      }
    });

    it("the change of each priority is tested exactly, corrected over the priorities", () => {
      const ps = PRIORITIES.map((_, i) => {
        const e = expectedCourse(i, 2026, 5);
        return exactPoissonP(e.cur, e.prevYtd);
      });
      const clear = bhRejects(ps);
      for (const [i, p] of PRIORITIES.entries()) {
        const cells = rowWhere(t, "prioriteit", p.titel).cells;
        assert.ok(Math.abs((cells.p as number) - (ps[i] as number)) < 1e-9, p.titel);
        const e = expectedCourse(i, 2026, 5);
        const word = e.cur > e.prevYtd ? "duidelijk meer" : "duidelijk minder";
        assert.equal(cells.verandering, clear[i] ? word : "geen duidelijke verandering", p.titel);
      }
    });

    it("main groups and the total against last year", () => {
      const g = tableOf(doc, "hoofdgroepen");
      assert.equal(
        rowWhere(g, "code", "1").cells.ditJaar,
        sumTypes(["1.1.1", "1.4.3", "1.4.4", "1.4.5"], 202601, 202605),
      );
      assert.equal(rowWhere(g, "code", "2").cells.vorigJaar, sumTypes(["2.2.1", "2.2.2"], 202501, 202505));
      const total = g.rows.at(-1)?.cells;
      assert.equal(total?.ditJaar, sumRows(ROWS, "totaal", 202601, 202605));
      assert.equal(total?.vorigJaar, sumRows(ROWS, "totaal", 202501, 202505));
    });

    it("says 'significant' nowhere", () => {
      assert.doesNotMatch(allTexts(doc).join("\n"), /significant/i);
    });
  });

  it("a quarter: the quarter is the difference of two years to date, and the year to date is kept", () => {
    const doc = driehoeksmonitor.build(input(), testContext("2026-Q2"));
    const q = tableOf(doc, "prioriteiten-kwartaal");
    for (const [i, p] of PRIORITIES.entries()) {
      const types = TYPES_OF[i] as string[];
      const cells = rowWhere(q, "prioriteit", p.titel).cells;
      assert.equal(cells.kwartaal, sumTypes(types, 202604, 202606));
      assert.equal(cells.vorigKwartaal, sumTypes(types, 202504, 202506));
      const y = rowWhere(tableOf(doc, "prioriteiten"), "prioriteit", p.titel).cells;
      assert.equal(y.ditJaar, sumTypes(types, 202601, 202606));
    }
  });

  describe("with table protection", () => {
    const base = protectMonthlyCounts(ROWS, { minimum: 5, until: 202606 });
    for (const period of ["2026-05", "2026-Q2", "2025-Q3"]) {
      it(`${period}: a priority is shown only when every type is, and then it is their sum`, () => {
        const rec = recordingShown(base);
        const doc = driehoeksmonitor.build(input(rec.shown), testContext(period));
        const p = parsePeriod(period);
        const year = Math.floor(p.to / 100);
        const m = p.to % 100;
        const first = p.from % 100;
        let withheld = 0;
        let shown = 0;
        for (const [i, pr] of PRIORITIES.entries()) {
          const types = TYPES_OF[i] as string[];
          const ytdShown = (y: number, mm: number) => types.every((c) => base(c, y * 100 + 1, y * 100 + mm));
          const cells = rowWhere(tableOf(doc, "prioriteiten"), "prioriteit", pr.titel).cells;
          for (const [key, y] of [
            ["ditJaar", year],
            ["vorigJaar", year - 1],
          ] as const) {
            if (ytdShown(y, m)) {
              assert.equal(cells[key], sumTypes(types, y * 100 + 1, y * 100 + m), `${pr.titel} ${key}`);
              shown++;
            } else {
              assert.deepEqual(cells[key], WITHHELD, `${pr.titel} ${key}`);
              assert.equal(cells.verandering, null);
              withheld++;
            }
          }
          if (p.kind === "kwartaal") {
            const qc = rowWhere(tableOf(doc, "prioriteiten-kwartaal"), "prioriteit", pr.titel).cells;
            for (const [key, y] of [
              ["kwartaal", year],
              ["vorigKwartaal", year - 1],
            ] as const) {
              const ok = ytdShown(y, m) && (first === 1 || ytdShown(y, first - 1));
              if (ok) assert.equal(qc[key], sumTypes(types, y * 100 + first, y * 100 + m));
              else assert.deepEqual(qc[key], WITHHELD, `${pr.titel} ${key} ${period}`);
            }
          }
        }
        assert.ok(shown > 0);
        // Only years to date were ever asked for.
        for (const key of rec.asked.keys()) assert.equal(Number(key.split("|")[1]) % 100, 1, key);
        // Main groups: shown only when every type is.
        const g = tableOf(doc, "hoofdgroepen");
        const g1 = ["1.1.1", "1.4.3", "1.4.4", "1.4.5"];
        const cell = rowWhere(g, "code", "1").cells.ditJaar;
        if (g1.every((c) => base(c, year * 100 + 1, year * 100 + m)))
          assert.equal(cell, sumTypes(g1, year * 100 + 1, year * 100 + m));
        else assert.ok(isWithheld(cell));
        assert.ok(withheld > 0, "the protection withholds some priority here");
      });
    }

    it("a type withheld makes the priority withheld and its course unknown", () => {
      const shown: Shown = (code, from, to) => !(code === "1.4.3" && from === 202601 && to === 202605);
      const doc = driehoeksmonitor.build(input(shown), testContext("2026-05"));
      const cells = rowWhere(tableOf(doc, "prioriteiten"), "prioriteit", "Geweld").cells;
      assert.deepEqual(cells.ditJaar, WITHHELD);
      assert.equal(cells.koers, "niet te zeggen: afgeschermd");
      assert.equal(typeof cells.vorigJaar, "number");
      assert.doesNotMatch(
        allTexts(doc).join("\n"),
        new RegExp(`Geweld: ${sumTypes(TYPES_OF[1] as string[], 202601, 202605)}`),
      );
    });
  });

  it("without stored targets says so clearly, and still gives the crimes and incidents", () => {
    const doc = driehoeksmonitor.build(input(SHOW_ALL, false), testContext("2026-05"));
    assert.match(doc.summary[0] ?? "", /nog geen prioriteiten en streefcijfers vastgelegd/);
    assert.throws(() => tableOf(doc, "prioriteiten"));
    assert.ok(tableOf(doc, "hoofdgroepen").rows.length > 1);
  });

  it("refuses other periods", () => {
    assert.throws(() => driehoeksmonitor.build(input(), testContext("2025")), InputError);
  });

  describe("streefcijfers file", () => {
    it("the example for GM9001 is valid", () => {
      const t = parseTargets(
        JSON.parse(readFileSync("docs/voorbeeld-streefcijfers.json", "utf8")),
        "voorbeeld",
      );
      assert.equal(t.gemeente, "GM9001");
      assert.ok(t.prioriteiten.length >= 2);
    });

    it("errors are Dutch and name the field path", () => {
      const bad = {
        prioriteiten: [
          {
            titel: "X",
            inpCodes: ["1.1.1", "9.9.9"],
            basisjaar: 2025,
            basiswaarde: 10,
            doel: { soort: "procent", waarde: -10, jaar: 2024 },
            kleur: "rood",
          },
        ],
      };
      try {
        parseTargets(bad, "f.json");
        assert.fail("no error");
      } catch (e) {
        assert.ok(e instanceof InputError);
        assert.match(e.message, /prioriteiten\.0\.inpCodes\.1: "9\.9\.9" is geen INP-code/);
        assert.match(e.message, /prioriteiten\.0\.doel\.jaar: het doeljaar ligt na het basisjaar/);
        assert.match(e.message, /onbekend veld "kleur"/);
      }
      assert.throws(
        () =>
          parseTargets(
            {
              prioriteiten: [
                { ...bad.prioriteiten[0], inpCodes: ["1.1.1"], kleur: undefined, doel: { soort: "x" } },
              ],
            },
            "f",
          ),
        /soort is "procent"/,
      );
      assert.throws(() => parseTargets({ prioriteiten: [] }, "f"), /prioriteiten is leeg/);
    });
  });

  describe("on the demo", () => {
    let t: ProductTestStore;
    before(async () => {
      t = await openProductTestStore();
    });
    after(async () => {
      await t.store.close();
    });

    it("shows the stored targets against the demo counts, for the oov-adviseur", async () => {
      const gm = t.gemeenten[0];
      const example = parseTargets(
        JSON.parse(readFileSync("docs/voorbeeld-streefcijfers.json", "utf8")),
        "v",
      );
      const none = await runAs(
        t,
        driehoeksmonitor,
        t.userFor("oov-adviseur"),
        "voorbereiding-driehoek",
        gm,
        parsePeriod("2026-08"),
      );
      assert.match(none.summary.join(" "), /nog geen prioriteiten/);
      await t.store.saveDocument({
        kind: "streefcijfers",
        key: gm,
        body: { ...example, gemeente: gm },
        author: t.userFor("oov-adviseur"),
        savedAt: new Date("2026-02-01T09:00:00Z"),
      });
      const doc = await runAs(
        t,
        driehoeksmonitor,
        t.userFor("oov-adviseur"),
        "voorbereiding-driehoek",
        gm,
        parsePeriod("2026-08"),
      );
      const rows = await t.store.monthlyCounts({
        area: gm,
        level: "gemeente",
        fromMonth: 202501,
        toMonth: 202610,
      });
      const sum = (codes: string[], from: number, to: number) =>
        rows
          .filter(
            (r) =>
              codes.some((c) => r.inpCode === c || r.inpCode.startsWith(`${c}.`)) &&
              r.month >= from &&
              r.month <= to,
          )
          .reduce((a, r) => a + r.count, 0);
      const table = tableOf(doc, "prioriteiten");
      for (const p of example.prioriteiten) {
        const cells = rowWhere(table, "prioriteit", p.titel).cells;
        if (isWithheld(cells.ditJaar)) continue;
        assert.equal(cells.ditJaar, sum(p.inpCodes, 202601, 202608), p.titel);
        if (!isWithheld(cells.vorigJaar))
          assert.equal(cells.vorigJaar, sum(p.inpCodes, 202501, 202508), p.titel);
        assert.ok(cells.koers === "op koers" || cells.koers === "niet op koers", String(cells.koers));
      }
      assert.doesNotMatch(allTexts(doc).join("\n"), /significant/i);
    });
  });
});
