import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { runInProcess } from "./run-in-process.ts";
import { addTestAccounts, readAs } from "./test-accounts.ts";

const dir = mkdtempSync(join(tmpdir(), "driehoek-analyse-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => runInProcess(["analyse", ...args]);

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
    const unknown = await run("poisson-rate", ...args, "--onbekend");
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, /fout: onbekende optie --onbekend/);
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

describe("driehoek analyse: control, concentratie, tijdpatroon, herhaling, --tekst", () => {
  it("flags a month above the Poisson band of earlier years (R: qpois(0.025, 10) = 4, qpois(0.975, 10) = 17)", async () => {
    const r = await run("control", "--current", "30", "--history", "10,12,8");
    const out = JSON.parse(r.out) as { expected: number; lower: number; upper: number; flag: string };
    assert.deepEqual([out.expected, out.lower, out.upper, out.flag], [10, 4, 17, "hoger"]);
  });

  it("computes the PAI of the busiest cell (hand-computed: 6 of 10 in 1 of 4 cells = 2.4)", async () => {
    const file = join(dir, "conc.csv");
    const pts = [
      ...Array.from({ length: 6 }, () => "10,10"),
      ...Array.from({ length: 3 }, () => "150,10"),
      "10,150",
    ];
    writeFileSync(file, `x,y\n${pts.join("\n")}\n`);
    const r = await run(
      "concentratie",
      "--input",
      file,
      "--x",
      "x",
      "--y",
      "y",
      "--cell",
      "100",
      "--top",
      "0.25",
    );
    const out = JSON.parse(r.out) as { shareInTop: number; pai: number };
    assert.ok(Math.abs(out.shareInTop - 0.6) < 1e-12 && Math.abs(out.pai - 2.4) < 1e-12, r.out);
  });

  it("puts times in Dutch local hour and weekday (Sunday 31 March 2024, 01:30 and 03:30)", async () => {
    const file = join(dir, "tijd.csv");
    writeFileSync(file, "t\n2024-03-31 01:30\n2024-03-31 03:30\n2024-04-01T06:00:00Z\n");
    const r = await run("tijdpatroon", "--input", file, "--time", "t");
    const out = JSON.parse(r.out) as { uren: number[][] };
    assert.equal(out.uren[6]?.[1], 1);
    assert.equal(out.uren[6]?.[3], 1);
    assert.equal(out.uren[0]?.[8], 1); // 06:00 UTC is 08:00 summer time on Monday
    const bad = join(dir, "tijd-fout.csv");
    writeFileSync(bad, "t\n2024-03-31 02:30\n");
    assert.match(
      (await run("tijdpatroon", "--input", bad, "--time", "t")).err,
      /regel 2, veld t: .*zomertijd/,
    );
  });

  it("lists repeat addresses with at least N registrations", async () => {
    const file = join(dir, "adressen.csv");
    writeFileSync(file, "adres\nDorpsstraat 1\nDorpsstraat 1\nKerkweg 2\nDorpsstraat 1\n");
    const r = await run("herhaling", "--input", file, "--address", "adres", "--min", "2");
    assert.deepEqual(JSON.parse(r.out), [{ key: "Dorpsstraat 1", count: 3 }]);
  });

  it("explains a comparison and a trend in plain Dutch, never calling noise significant", async () => {
    // 41 -> 58 with equal exposure is not significant (exact two-sided p ≈ 0.11): "kan toeval zijn".
    const r = await run(
      "poisson-rate",
      "--count1",
      "58",
      "--exposure1",
      "1",
      "--count2",
      "41",
      "--exposure2",
      "1",
      "--tekst",
      "--onderwerp",
      "woninginbraken",
    );
    assert.equal(
      r.out.trim(),
      "Het aantal woninginbraken steeg van 41 naar 58 (+41%). Die stijging kan toeval zijn.",
    );
    const file = join(dir, "dalend.csv");
    writeFileSync(file, `n\n${Array.from({ length: 24 }, (_, i) => 100 - 3 * i).join("\n")}\n`);
    const t = await run(
      "mann-kendall",
      "--input",
      file,
      "--value",
      "n",
      "--tekst",
      "--onderwerp",
      "woninginbraken",
    );
    assert.match(t.out, /dalende trend/);
    assert.match(t.out, /statistisch significant/);
  });
});

describe("driehoek analyse knox", () => {
  it("counts pairs per space and time band exactly as the band rules say (hand-counted)", async () => {
    // Events: A (0,0) 01/03, B (0,0) 03/03 -> same place, 2 days -> band (0, 1);
    // C (150,0) 10/03: A-C and B-C at 150 m -> space band 2 (100-200]; A-C 9 days -> time band 2 (7-14],
    // B-C exactly 7 days -> time band 1 (0..7 whole days);
    // D (1000,0) 01/03: beyond the last space band, not counted.
    const file = join(dir, "knox.csv");
    writeFileSync(file, "x;y;datum\n0;0;01/03/2024\n0;0;03/03/2024\n150;0;10/03/2024\n1000;0;01/03/2024\n");
    const bands = ["--space-band", "100", "--space-bands", "2", "--time-band", "7", "--time-bands", "2"];
    const columns = ["--x", "x", "--y", "y", "--date", "datum", "--date-format", "dd/MM/yyyy"];
    const r = await run("knox", "--input", file, ...columns, ...bands, "--permutations", "99", "--seed", "3");
    assert.equal(r.code, 0, r.err);
    const out = JSON.parse(r.out) as { observed: number[][]; p: number[][] };
    assert.deepEqual(out.observed, [
      [1, 0],
      [0, 0],
      [1, 1],
    ]);
    assert.equal(out.p.length, 3);
    const bad = join(dir, "knox-fout.csv");
    writeFileSync(bad, "x;y;datum\n0;0;31/02/2024\n");
    const e = await run("knox", "--input", bad, ...columns, ...bands);
    assert.match(e.err, /regel 2, veld datum: datum bestaat niet/);
  });
});

describe("driehoek analyse hotspots and kde", () => {
  it("covers every cell of the bounding box and marks a dense cluster hot, also as GeoJSON", async () => {
    // 60 points in one 100 m cell, 1 point in each corner cell of a 2 km square: 20 x 20 = 400 cells.
    const rows = ["x,y"];
    for (let i = 0; i < 60; i++) rows.push(`${1050 + (i % 10)},${1050 + Math.floor(i / 10)}`);
    for (const [x, y] of [
      [5, 5],
      [1995, 5],
      [5, 1995],
      [1995, 1995],
    ])
      rows.push(`${x},${y}`);
    const file = join(dir, "hot.csv");
    writeFileSync(file, `${rows.join("\n")}\n`);
    const r = await run(
      "hotspots",
      "--input",
      file,
      "--x",
      "x",
      "--y",
      "y",
      "--cell",
      "100",
      "--distance",
      "300",
    );
    assert.equal(r.code, 0, r.err);
    const out = JSON.parse(r.out) as { cells: { x0: number; y0: number; count: number; klasse: string }[] };
    assert.equal(out.cells.length, 400);
    assert.equal(
      out.cells.reduce((n, c) => n + c.count, 0),
      64,
    );
    const hot = out.cells.find((c) => c.x0 === 1000 && c.y0 === 1000);
    assert.equal(hot?.count, 60);
    assert.match(hot?.klasse ?? "", /^hot-/);
    const g = await run("hotspots", "--input", file, "--x", "x", "--y", "y", "--geojson");
    const fc = JSON.parse(g.out) as { type: string; features: unknown[] };
    assert.equal(fc.type, "FeatureCollection");
    assert.equal(fc.features.length, 400);
  });

  it("gives the quartic kernel's peak 3/(pi r^2) at a point on a cell centre", async () => {
    const file = join(dir, "kde.csv");
    writeFileSync(file, "x,y\n1025,1025\n");
    const r = await run("kde", "--input", file, "--x", "x", "--y", "y", "--cell", "50", "--radius", "100");
    const out = JSON.parse(r.out) as { x0: number; y0: number; cell: number; cols: number; values: number[] };
    const col = Math.floor((1025 - out.x0) / out.cell);
    const row = Math.floor((1025 - out.y0) / out.cell);
    assert.ok(Math.abs((out.values[row * out.cols + col] ?? 0) - 3 / (Math.PI * 100 ** 2)) < 1e-15);
  });
});

describe("driehoek analyse peers", () => {
  it("chooses peers in the same class, region and urbanisation, and gives rank and z (hand-computed)", async () => {
    // Target rate 10 per 1,000; five peers with rates 2…6; one gemeente in another region and one
    // in another population class (20–50k) must not be peers.
    const file = join(dir, "gemeenten.csv");
    const rows = [
      ["GM0001", 60000, 2, "RE05", 600],
      ["GM0002", 60000, 2, "RE05", 120],
      ["GM0003", 60000, 2, "RE05", 180],
      ["GM0004", 60000, 2, "RE05", 240],
      ["GM0005", 60000, 2, "RE05", 300],
      ["GM0006", 60000, 2, "RE05", 360],
      ["GM0007", 60000, 2, "RE01", 1200],
      ["GM0008", 30000, 2, "RE05", 30],
    ];
    writeFileSync(
      file,
      `code,inwoners,stedelijkheid,regio,aantal\n${rows.map((r) => r.join(",")).join("\n")}\n`,
    );
    const r = await run("peers", "--input", file, "--target", "GM0001");
    assert.equal(r.code, 0, r.err);
    const out = JSON.parse(r.out) as { rank: number; z: number; step: number; peers: string[] };
    assert.deepEqual(
      [out.step, out.rank, out.peers],
      [1, 1, ["GM0002", "GM0003", "GM0004", "GM0005", "GM0006"]],
    );
    // z of 10 against the peers' rates 2…6: mean 4, sample sd sqrt(2.5).
    assert.ok(Math.abs(out.z - 6 / Math.sqrt(2.5)) < 1e-9, r.out);
    const t = await run("peers", "--input", file, "--target", "GM0001", "--tekst", "--naam", "Aadorp");
    assert.match(t.out, /^In Aadorp waren er 10,0 registraties per 1\.000 inwoners\./);
    assert.match(t.out, /duidelijk hoger dan bij vergelijkbare gemeenten/);
    const missing = await run("peers", "--input", file, "--target", "GM0999");
    assert.match(missing.err, /gemeente GM0999 staat niet in het bestand/);
  });
});

describe("driehoek analyse --tekst: every method says its result in plain Dutch", () => {
  const points = join(dir, "tekst-punten.csv");
  // A dense cluster of 30 points at (155050, 463050) and 10 scattered ones, with dates and addresses.
  const lines = ["x,y,datum,adres,tijd,waarde"];
  for (let i = 0; i < 30; i++) {
    lines.push(
      `${155040 + (i % 5) * 5},${463040 + Math.floor(i / 6) * 4},2024-03-${String(1 + (i % 3)).padStart(2, "0")},Dorpsstraat 1,2024-03-01 22:15,${i % 2 ? 9 : 8}`,
    );
  }
  for (let i = 0; i < 10; i++) {
    lines.push(
      `${150000 + i * 1000},${460000 + i * 700},2024-0${1 + (i % 9)}-15,Kerkweg ${i},2024-03-0${1 + (i % 7)} 10:00,1`,
    );
  }
  writeFileSync(points, `${lines.join("\n")}\n`);
  const pts = ["--input", points, "--x", "x", "--y", "y"];
  const text = async (...args: string[]) => {
    const r = await run(...args, "--tekst", "--onderwerp", "woninginbraken");
    assert.equal(r.code, 0, r.err);
    assert.ok(!r.out.trimStart().startsWith("{") && !r.out.trimStart().startsWith("["), r.out);
    return r.out;
  };

  it("rate, control, decompose and time pattern", async () => {
    assert.match(
      await text("rate", "--count", "125", "--population", "45000", "--gebied", "Aadorp"),
      /^In Aadorp waren er 125 woninginbraken op 45\.000 inwoners: 2,8 per 1\.000 inwoners/,
    );
    assert.match(
      await text("control", "--current", "30", "--history", "10,12,8", "--maand", "2024-03"),
      /maart 2024.*30.*ongewoon hoog/s,
    );
    const series = join(dir, "seizoen.csv");
    const monthly = Array.from(
      { length: 36 },
      (_, i) => 100 + (i % 12 === 11 ? 40 : 0) + (i % 12 === 5 ? -30 : 0),
    );
    writeFileSync(series, `n\n${monthly.join("\n")}\n`);
    const season = await text(
      "decompose",
      "--input",
      series,
      "--value",
      "n",
      "--period",
      "12",
      "--start",
      "2021-01",
    );
    assert.match(season, /December is het hoogst/);
    assert.match(season, /Juni is het laagst/);
    assert.match(await text("tijdpatroon", "--input", points, "--time", "tijd"), /De drukste dag is vrijdag/);
  });

  it("gi, hotspots, kde, knox, herhaling and concentratie", async () => {
    assert.match(
      await text("gi", ...pts, "--value", "waarde", "--distance", "50", "--star"),
      /Van de 40 punten/,
    );
    assert.match(await text("hotspots", ...pts, "--cell", "100", "--distance", "300"), /hotspot/);
    assert.match(
      await text("kde", ...pts, "--cell", "50", "--radius", "300"),
      /De dichtheid van woninginbraken is het hoogst/,
    );
    const knox = await text(
      "knox",
      ...pts,
      "--date",
      "datum",
      "--space-band",
      "50",
      "--space-bands",
      "2",
      "--time-band",
      "7",
      "--time-bands",
      "2",
      "--permutations",
      "99",
    );
    assert.match(knox, /near-repeatpatroon/);
    assert.match(
      await text("herhaling", "--input", points, "--address", "adres", "--min", "3"),
      /^Op 1 plek zijn 3 of meer woninginbraken geregistreerd: 30 van de 40 \(75%\)\. Dat is adres Dorpsstraat 1\./,
    );
    assert.match(
      await text("concentratie", ...pts, "--cell", "100", "--top", "0.05"),
      /woninginbraken plaats/,
    );
  });

  it("refuses a wrong --start or --maand with a Dutch message", async () => {
    const r = await run("control", "--current", "3", "--history", "1,2", "--tekst", "--maand", "maart");
    assert.equal(r.code, 1);
    assert.match(r.err, /--maand is een maand als JJJJ-MM/);
  });
});

describe("driehoek analyse hotspots --gebied", () => {
  it("keeps only the cells inside the area's boundary from the store", async () => {
    const { rdToWgs84 } = await import("../domain/geo/rd.ts");
    // A gemeente of 300 × 200 m (RD), and points on both sides of its eastern edge.
    const ring = [
      [155000, 463000],
      [155300, 463000],
      [155300, 463200],
      [155000, 463200],
      [155000, 463000],
    ].map(([x, y]) => rdToWgs84(x as number, y as number));
    const geo = join(dir, "gemeente.geojson");
    writeFileSync(
      geo,
      JSON.stringify({
        type: "FeatureCollection",
        features: [
          {
            type: "Feature",
            properties: { statcode: "GM9001", statnaam: "Aadorp" },
            geometry: { type: "Polygon", coordinates: [ring] },
          },
        ],
      }),
    );
    const db = join(dir, "gebied.duckdb");
    const imp = await runInProcess([
      "import",
      "gebieden",
      geo,
      "--niveau",
      "gemeente",
      "--jaar",
      "2025",
      "--db",
      db,
    ]);
    assert.equal(imp.code, 0, imp.err);
    await addTestAccounts(db);
    const file = join(dir, "gebied-punten.csv");
    writeFileSync(file, "x,y\n155050,463050\n155150,463150\n155450,463050\n155650,463150\n");
    const all = JSON.parse(
      (await run("hotspots", "--input", file, "--x", "x", "--y", "y", "--cell", "100")).out,
    ) as {
      cells: unknown[];
    };
    const r = await run(
      "hotspots",
      "--input",
      file,
      "--x",
      "x",
      "--y",
      "y",
      "--cell",
      "100",
      "--gebied",
      "GM9001",
      "--db",
      db,
      ...readAs,
    );
    assert.equal(r.code, 0, r.err);
    const inside = JSON.parse(r.out) as { cells: { x1: number; count: number }[] };
    // The bounding box of the points spans 7 × 2 cells; the area holds the 3 × 2 cells west of x = 155300.
    assert.equal(all.cells.length, 14);
    assert.equal(inside.cells.length, 6);
    assert.ok(
      inside.cells.every((c) => c.x1 <= 155300),
      JSON.stringify(inside.cells),
    );
    assert.equal(
      inside.cells.reduce((s, c) => s + c.count, 0),
      2,
    );
    const unknown = await run(
      "hotspots",
      "--input",
      file,
      "--x",
      "x",
      "--y",
      "y",
      "--gebied",
      "GM9999",
      "--db",
      db,
      ...readAs,
    );
    assert.match(unknown.err, /gebied GM9999 met grenzen staat niet in de database/);
  });
});

describe("driehoek analyse --tekst: honest where the method cannot speak for the text", () => {
  it("does not call a rise in counts significant when the rates fell (different exposures)", async () => {
    const r = await run(
      "poisson-rate",
      "--count1",
      "110",
      "--exposure1",
      "2",
      "--count2",
      "100",
      "--exposure2",
      "1",
      "--tekst",
    );
    assert.doesNotMatch(r.out, /significant/);
    assert.match(r.out, /Per eenheid blootstelling is de verandering een daling/);
  });

  it("refuses a time pattern from dates without a time, and a seasonal trend text for a period other than 12", async () => {
    const file = join(dir, "alleen-datum.csv");
    writeFileSync(file, "t\n2024-03-01\n");
    assert.match(
      (await run("tijdpatroon", "--input", file, "--time", "t")).err,
      /regel 2, veld t: er staat geen tijd/,
    );
    const series = join(dir, "week.csv");
    writeFileSync(series, `n\n${Array.from({ length: 28 }, (_, i) => i).join("\n")}\n`);
    const r = await run("mann-kendall", "--input", series, "--value", "n", "--period", "7", "--tekst");
    assert.match(r.err, /alleen bij maandcijfers/);
  });
});

describe("driehoek analyse knox --afstand", () => {
  it("measures as the crow flies by default, or |dx| + |dy| as the Near Repeat Calculator does", async () => {
    // Two burglaries one day apart, 60 m east and 60 m north of each other: 84.9 m as the crow
    // flies (band 1 of 100 m), 120 m by Manhattan distance (band 2).
    const file = join(dir, "manhattan.csv");
    writeFileSync(file, "x,y,datum\n1000,1000,2024-01-01\n1060,1060,2024-01-02\n");
    const args = [
      "knox",
      "--input",
      file,
      "--x",
      "x",
      "--y",
      "y",
      "--date",
      "datum",
      "--space-band",
      "100",
      "--space-bands",
      "2",
      "--time-band",
      "7",
      "--time-bands",
      "1",
      "--permutations",
      "0",
    ];
    const euclid = JSON.parse((await run(...args)).out) as { observed: number[][] };
    const manhattan = JSON.parse((await run(...args, "--afstand", "manhattan")).out) as {
      observed: number[][];
    };
    assert.deepEqual(euclid.observed, [[0], [1], [0]]);
    assert.deepEqual(manhattan.observed, [[0], [0], [1]]);
    assert.match(
      (await run(...args, "--afstand", "hemelsbreed")).err,
      /--afstand moet euclidisch of manhattan zijn/,
    );
  });
});
