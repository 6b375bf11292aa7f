import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
  protectMonthlyCounts,
  SHOW_ALL,
  type Shown,
} from "../../disclosure/table-protection/monthly-counts-protection.ts";
import type { AreaSummary } from "../../domain/area.ts";
import { InputError } from "../../domain/errors.ts";
import type { MonthlyCount } from "../../store/store.ts";
import type { ProductContext, ProductStore } from "../product-definition.ts";
import { isWithheld, WITHHELD } from "../product-document.ts";
import { parsePeriod } from "../product-period.ts";
import { openProductTestStore, type ProductTestStore, runAs } from "../test-products.ts";
import {
  allTexts,
  bhRejects,
  exactPoissonP,
  generateRows,
  rowWhere,
  sumRows,
  TEST_NOW,
  tableOf,
} from "./definition-test-data.ts";
import {
  type AreaPart,
  gemeentenIn,
  type PerioderapportageInput,
  perioderapportage,
} from "./perioderapportage.ts";

const area = (
  code: string,
  level: AreaSummary["level"],
  parent: string | null,
  population: number | null = null,
): AreaSummary => ({
  code,
  level,
  year: 2026,
  name: `Gebied ${code}`,
  parent,
  population,
  populationYear: population ? 2026 : null,
});
const DISTRICT = area("RE99D1", "district", "RE99");
const GEMEENTEN = [
  area("GM9901", "gemeente", "RE99B01", 60_000),
  area("GM9902", "gemeente", "RE99B02", 12_000),
  area("GM9903", "gemeente", "RE99B02", 4_000),
];
const MEANS: Record<string, { mean: number; growth?: number }>[] = [
  {
    "1.1.1": { mean: 25, growth: 0.7 },
    "1.4.5": { mean: 15 },
    "2.2.1": { mean: 30, growth: 1.3 },
    "3.1.1": { mean: 2 },
  },
  { "1.1.1": { mean: 5 }, "1.4.5": { mean: 3 }, "2.2.1": { mean: 6 }, "3.1.1": { mean: 0.3 } },
  { "1.1.1": { mean: 1 }, "1.4.5": { mean: 0.5 }, "2.2.1": { mean: 2 }, "1.4.2": { mean: 0.05 } },
];
const ROWS: MonthlyCount[][] = MEANS.map((m, i) => generateRows(20260800 + i, m, 202401, 202612));
const CODES = ["1.1.1", "1.4.2", "1.4.5", "2.2.1", "3.1.1"];
const ctx = (period: string, a: AreaSummary = DISTRICT): ProductContext => ({
  area: a,
  period: parsePeriod(period),
  lastCompleteMonth: 202612,
  now: TEST_NOW,
});
const input = (shown: Shown[] = GEMEENTEN.map(() => SHOW_ALL)): PerioderapportageInput => ({
  parts: GEMEENTEN.map(
    (g, i): AreaPart => ({
      code: g.code,
      name: g.name,
      population: g.population,
      counts: { rows: ROWS[i] as MonthlyCount[], shown: shown[i] as Shown },
    }),
  ),
});
const areaSum = (code: string, from: number, to: number) =>
  ROWS.reduce((s, rows) => s + sumRows(rows, code, from, to), 0);

describe("perioderapportage", () => {
  it("is an aggregated product for eenheid, district and gemeente, three times a year", () => {
    assert.deepEqual([...perioderapportage.levels], ["eenheid", "district", "gemeente"]);
    assert.deepEqual([...perioderapportage.periodKinds], ["maand"]);
    assert.equal(perioderapportage.sensitivity, "aggregated");
  });

  it("finds the gemeenten of a police area through basisteam and district", () => {
    const all = [
      area("RE99", "eenheid", null),
      DISTRICT,
      area("RE99D2", "district", "RE99"),
      area("RE99B01", "basisteam", "RE99D1"),
      area("RE99B02", "basisteam", "RE99D1"),
      area("RE99B03", "basisteam", "RE99D2"),
      ...GEMEENTEN,
      area("GM9904", "gemeente", "RE99B03"),
      area("WK990101", "wijk", "GM9901"),
    ];
    assert.deepEqual(
      gemeentenIn(all, DISTRICT).map((g) => g.code),
      ["GM9901", "GM9902", "GM9903"],
    );
    assert.deepEqual(
      gemeentenIn(all, area("RE99", "eenheid", null)).map((g) => g.code),
      ["GM9901", "GM9902", "GM9903", "GM9904"],
    );
    assert.deepEqual(
      gemeentenIn(all, GEMEENTEN[1] as AreaSummary).map((g) => g.code),
      ["GM9902"],
    );
  });

  for (const month of [4, 8, 12]) {
    it(`month ${month}: every type and the total are the sum over the gemeenten, tested exactly`, () => {
      const doc = perioderapportage.build(input(), ctx(`2026-${String(month).padStart(2, "0")}`));
      const t = tableOf(doc, "per-soort");
      const [from, to, pFrom, pTo] = [202601, 202600 + month, 202501, 202500 + month];
      const ps = CODES.map((c) => exactPoissonP(areaSum(c, from, to), areaSum(c, pFrom, pTo)));
      const clear = bhRejects(ps);
      for (const [i, code] of CODES.entries()) {
        const cells = rowWhere(t, "code", code).cells;
        const cur = areaSum(code, from, to);
        const prev = areaSum(code, pFrom, pTo);
        assert.equal(cells.ditJaar, cur, code);
        assert.equal(cells.vorigJaar, prev, code);
        assert.equal(cells.verschil, cur - prev);
        assert.ok(Math.abs((cells.p as number) - (ps[i] as number)) < 1e-9, code);
        const word = cur > prev ? "duidelijk meer" : "duidelijk minder";
        assert.equal(cells.verandering, clear[i] ? word : "geen duidelijke verandering", code);
        assert.ok(Math.abs((cells.per1000 as number) - (cur / 76_000) * 1000) < 1e-9);
      }
      const total = t.rows.at(-1)?.cells;
      assert.equal(total?.ditJaar, areaSum("totaal", from, to));
      assert.equal(total?.vorigJaar, areaSum("totaal", pFrom, pTo));
      const cum = tableOf(doc, "cumulatief");
      assert.equal(cum.rows.length, month);
      cum.rows.forEach((r, i) => {
        assert.equal(r.cells.ditJaar, areaSum("totaal", 202601, 202601 + i));
        assert.equal(r.cells.vorigJaar, areaSum("totaal", 202501, 202501 + i));
      });
      const g = tableOf(doc, "per-gemeente");
      GEMEENTEN.forEach((gm, i) => {
        assert.equal(
          rowWhere(g, "code", gm.code).cells.ditJaar,
          sumRows(ROWS[i] as MonthlyCount[], "totaal", from, to),
        );
      });
      const text = allTexts(doc).join("\n");
      assert.match(text, /Prestatiecijfers van de politie/);
      assert.doesNotMatch(text.replace(/statistisch significant/g, ""), /significant/i);
    });
  }

  it("refuses other months with a clear Dutch error", () => {
    for (const p of ["2026-05", "2026-Q2", "2026"]) {
      assert.throws(
        () => perioderapportage.build(input(), ctx(p)),
        (e: unknown) => e instanceof InputError && /kies april, augustus of december/.test(e.message),
      );
    }
  });

  it("a gemeente alone has no per-gemeente table", () => {
    const doc = perioderapportage.build({ parts: input().parts.slice(0, 1) }, ctx("2026-08", GEMEENTEN[0]));
    assert.throws(() => tableOf(doc, "per-gemeente"));
    assert.equal(
      tableOf(doc, "per-soort").rows.at(-1)?.cells.ditJaar,
      sumRows(ROWS[0] as MonthlyCount[], "totaal", 202601, 202608),
    );
  });

  describe("with table protection per gemeente", () => {
    const decided = ROWS.map((rows) => protectMonthlyCounts(rows, { minimum: 5, until: 202612 }));
    it("an area figure is shown only when every gemeente's is, and then it is their sum", () => {
      let withheld = 0;
      for (const month of [4, 8, 12]) {
        const doc = perioderapportage.build(input(decided), ctx(`2026-${String(month).padStart(2, "0")}`));
        const t = tableOf(doc, "per-soort");
        for (const code of CODES) {
          const cells = rowWhere(t, "code", code).cells;
          for (const [key, y] of [
            ["ditJaar", 2026],
            ["vorigJaar", 2025],
          ] as const) {
            const all = decided.every((s) => s(code, y * 100 + 1, y * 100 + month));
            if (all) assert.equal(cells[key], areaSum(code, y * 100 + 1, y * 100 + month), `${code} ${y}`);
            else {
              assert.deepEqual(cells[key], WITHHELD, `${code} ${y} ${month}`);
              assert.equal(cells.verschil, null);
              assert.equal(cells.verandering, null);
              withheld++;
            }
          }
        }
        const g = tableOf(doc, "per-gemeente");
        GEMEENTEN.forEach((gm, i) => {
          const v = rowWhere(g, "code", gm.code).cells.ditJaar;
          if ((decided[i] as Shown)("totaal", 202601, 202600 + month)) assert.equal(typeof v, "number");
          else assert.ok(isWithheld(v));
        });
      }
      assert.ok(withheld > 0, "the small gemeente makes some figures withheld");
    });

    it("protect decides each gemeente with its own ledger, as protectCounts does", async () => {
      const ledgers = new Map<string, number>();
      const store = {
        protectionLedger: async () => [],
        addToProtectionLedger: async (a: string, _m: number, xs: readonly unknown[]) => {
          ledgers.set(a, xs.length);
          return xs.length;
        },
      } as unknown as ProductStore;
      const c = ctx("2026-08");
      const safe = await perioderapportage.protect(store, input(), { minimum: 5 }, c);
      assert.deepEqual(
        [...ledgers.keys()].sort(),
        GEMEENTEN.map((g) => g.code),
      );
      safe.parts.forEach((p, i) => {
        for (const code of CODES)
          for (let m = 202401; m <= 202612; m = m % 100 === 12 ? m + 89 : m + 1)
            assert.equal(
              p.counts.shown(code, Math.floor(m / 100) * 100 + 1, m),
              (decided[i] as Shown)(code, Math.floor(m / 100) * 100 + 1, m),
            );
      });
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

    const demoSum = async (codes: string[], code: string, from: number, to: number) => {
      let s = 0;
      for (const gm of codes) {
        const rows = await t.store.monthlyCounts({
          area: gm,
          level: "gemeente",
          fromMonth: from,
          toMonth: to,
        });
        s += sumRows(rows, code, from, to);
      }
      return s;
    };

    it("a district for its chief: sums over its gemeenten", async () => {
      const doc = await runAs(
        t,
        perioderapportage,
        t.userFor("districtschef"),
        "voorbereiding-driehoek",
        "RE90D1",
        parsePeriod("2026-08"),
      );
      const gms = tableOf(doc, "per-gemeente").rows.map((r) => r.cells.code as string);
      assert.deepEqual(gms, ["GM9001", "GM9002", "GM9003", "GM9004"]);
      const total = tableOf(doc, "per-soort").rows.at(-1)?.cells;
      assert.equal(total?.ditJaar, await demoSum(gms, "totaal", 202601, 202608));
      assert.equal(total?.vorigJaar, await demoSum(gms, "totaal", 202501, 202508));
      assert.equal(
        rowWhere(tableOf(doc, "per-soort"), "code", "1.1.1").cells.ditJaar,
        await demoSum(gms, "1.1.1", 202601, 202608),
      );
    });

    it("the gemeente for its mayor: protected, and nothing withheld is shown as a number", async () => {
      const gm = t.gemeenten[0];
      const doc = await runAs(
        t,
        perioderapportage,
        t.userFor("burgemeester"),
        "voorbereiding-driehoek",
        gm,
        parsePeriod("2026-04"),
      );
      const rows = await t.store.monthlyCounts({
        area: gm,
        level: "gemeente",
        fromMonth: 202501,
        toMonth: 202610,
      });
      const shown = protectMonthlyCounts(rows, { minimum: 5, until: 202610 });
      for (const r of tableOf(doc, "per-soort").rows) {
        const code = r.total ? "totaal" : (r.cells.code as string | undefined);
        if (!code) continue;
        for (const [key, y] of [
          ["ditJaar", 2026],
          ["vorigJaar", 2025],
        ] as const) {
          if (shown(code, y * 100 + 1, y * 100 + 4))
            assert.equal(r.cells[key], sumRows(rows, code, y * 100 + 1, y * 100 + 4), code);
          else assert.ok(isWithheld(r.cells[key]), code);
        }
      }
      await assert.rejects(
        runAs(
          t,
          perioderapportage,
          t.userFor("burgemeester"),
          "voorbereiding-driehoek",
          gm,
          parsePeriod("2026-06"),
        ),
        /kies april, augustus of december/,
      );
    });
  });
});
