import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import type { CliEffects } from "./context.ts";
import { main } from "./main.ts";

const dir = mkdtempSync(join(tmpdir(), "driehoek-analyse-"));
after(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ out: string; err: string; code: number }> {
  let out = "";
  let err = "";
  const fx: CliEffects = {
    now: () => new Date("2025-06-15T10:00:00Z"),
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    env: {},
    isTty: false,
  };
  process.exitCode = 0;
  await main(["node", "driehoek", "analyse", ...args], fx);
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out, err, code };
}

describe("driehoek analyse decompose", () => {
  it("recovers a known linear trend and zero-sum seasonal pattern, with null at the ends", async () => {
    // Independent expectation: a 2x4 centred moving average of a straight line plus a pattern
    // that sums to zero over one period is the straight line itself.
    const pattern = [3, -1, -2, 0];
    const values = Array.from({ length: 16 }, (_, i) => 100 + 2 * i + (pattern[i % 4] ?? 0));
    const file = join(dir, "reeks.csv");
    writeFileSync(file, `kwartaal;aantal\n${values.map((v, i) => `${i + 1};${v}`).join("\n")}\n`);
    const r = await run("decompose", "--input", file, "--value", "aantal", "--period", "4");
    assert.equal(r.code, 0, r.err);
    const out = JSON.parse(r.out) as {
      trend: (number | null)[];
      seasonal: number[];
      resid: (number | null)[];
    };
    assert.deepEqual(out.trend.slice(0, 2), [null, null]);
    assert.deepEqual(out.trend.slice(-2), [null, null]);
    for (let i = 2; i < 14; i++) assert.ok(Math.abs((out.trend[i] ?? Number.NaN) - (100 + 2 * i)) < 1e-9);
    for (let i = 0; i < 16; i++)
      assert.ok(Math.abs((out.seasonal[i] ?? Number.NaN) - (pattern[i % 4] ?? 0)) < 1e-9);
  });

  it("names the problem in Dutch for too short a series, a missing value or a missing column", async () => {
    const file = join(dir, "kort.csv");
    writeFileSync(file, "n\n1\n2\n\n3\n4\n5\n6\n7\n");
    const short = await run("decompose", "--input", file, "--value", "n", "--period", "12");
    assert.equal(short.code, 1);
    assert.match(short.err, /minstens twee volle seizoenen: 24 waarden/);
    const gap = join(dir, "gat.csv");
    writeFileSync(gap, "n\n1\n2\nNA\n4\n5\n6\n7\n8\n");
    const missing = await run("decompose", "--input", gap, "--value", "n", "--period", "2");
    assert.match(missing.err, /gat\.csv, regel 4, veld n: ontbrekende waarde/);
    const col = await run("decompose", "--input", gap, "--value", "x", "--period", "2");
    assert.match(col.err, /kolom "x" ontbreekt/);
  });
});

describe("driehoek analyse gi", () => {
  it("reproduces PySAL esda's published z-scores (esda/tests/test_getisord.py, TestGLocal)", async () => {
    const file = join(dir, "punten.csv");
    const pts = [
      [10, 10, 2],
      [20, 10, 3],
      [40, 10, 3.2],
      [15, 20, 5],
      [30, 20, 8],
      [30, 30, 7],
    ];
    writeFileSync(file, `x,y,aantal\n${pts.map((p) => p.join(",")).join("\n")}\n`);
    const cases: [string[], number][] = [
      [[], -1.0136729],
      [["--transform", "row"], -0.62074534],
      [["--star"], -1.39727626],
      [["--star", "--transform", "row"], -0.62488094],
    ];
    for (const [extra, z0] of cases) {
      const r = await run(
        "gi",
        "--input",
        file,
        "--x",
        "x",
        "--y",
        "y",
        "--value",
        "aantal",
        "--distance",
        "15",
        ...extra,
      );
      assert.equal(r.code, 0, r.err);
      const out = JSON.parse(r.out) as { results: { gi: number; z: number; p: number }[] };
      assert.equal(out.results.length, 6);
      assert.ok(Math.abs((out.results[0]?.z ?? 0) - z0) < 1e-6, `${extra.join(" ")}: ${out.results[0]?.z}`);
    }
  });
});

describe("driehoek analyse poisson-rate and rate", () => {
  it("gives the W1/W2 z of Gu et al. (2008) example 1 as statsmodels reports them", async () => {
    // statsmodels/stats/tests/test_rates_poisson.py: 60/51477.5 vs 30/54308.7 -> wald z 3.384913,
    // score z 3.417402; one-sided p from Gu et al.'s table: 0.000356 (wald), 0.000316 (score).
    const args = ["--count1", "60", "--exposure1", "51477.5", "--count2", "30", "--exposure2", "54308.7"];
    for (const [method, z, p] of [
      ["wald", 3.384913, 0.000356],
      ["score", 3.417402, 0.000316],
    ] as const) {
      const r = await run("poisson-rate", ...args, "--method", method);
      assert.equal(r.code, 0, r.err);
      const out = JSON.parse(r.out) as { ratio: number; z: number; pOneSided: number; ci: [number, number] };
      assert.ok(Math.abs(out.z - z) < 1e-6, `${method} z ${out.z}`);
      assert.ok(Math.abs(out.pOneSided - p) < 5e-6, `${method} p ${out.pOneSided}`);
      assert.ok(Math.abs(out.ratio - 60 / 51477.5 / (30 / 54308.7)) < 1e-12);
    }
    const bad = await run("poisson-rate", ...args, "--method", "bayes");
    assert.equal(bad.code, 1);
    assert.match(bad.err, /--method moet exact, score of wald zijn/);
  });

  it("gives the exact (Garwood) interval per 1,000 as R exactci/DescTools do", async () => {
    // 15 events in 400: 0.0209884653319583 - 0.0618505471787146 per person (DescTools/exactci).
    const r = await run("rate", "--count", "15", "--population", "400");
    const out = JSON.parse(r.out) as { rate: number; ci: [number, number] };
    assert.ok(Math.abs(out.rate - 37.5) < 1e-12);
    assert.ok(Math.abs(out.ci[0] - 20.9884653319583) < 1e-9 && Math.abs(out.ci[1] - 61.8505471787146) < 1e-9);
  });
});

describe("driehoek analyse mann-kendall", () => {
  it("gives S, its tie-corrected variance and Sen's slope for a hand-worked series", async () => {
    // [1, 2, 2, 3]: 5 of 6 pairs rise, one tie -> S = 5; Var(S) = (4*3*13 - 2*1*9) / 18 = 23/3;
    // pairwise slopes 1, 1/2, 2/3, 0, 1/2, 1 -> median 7/12. Missing values keep their position.
    const file = join(dir, "trend.csv");
    writeFileSync(file, "maand,n\n1,1\n2,2\n3,2\n4,3\n5,NA\n");
    const r = await run("mann-kendall", "--input", file, "--value", "n");
    assert.equal(r.code, 0, r.err);
    const out = JSON.parse(r.out) as { s: number; varS: number; senSlope: number; n: number };
    assert.equal(out.s, 5);
    assert.ok(Math.abs(out.varS - 23 / 3) < 1e-12);
    assert.ok(Math.abs(out.senSlope - 7 / 12) < 1e-12);
    assert.equal(out.n, 4);
    const seasonal = await run("mann-kendall", "--input", file, "--value", "n", "--period", "9");
    assert.equal(seasonal.code, 1);
  });
});
