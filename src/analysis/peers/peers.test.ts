import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Gemeente, peers, populationClass } from "./peers.ts";

function close(actual: number | null, expected: number, rtol: number): void {
  assert.ok(actual !== null, `expected ${expected}, got null`);
  const tol = rtol * Math.abs(expected) + 1e-15;
  assert.ok(Math.abs(actual - expected) <= tol, `expected ${expected} +- ${tol}, got ${actual}`);
}

// Hand-made set. Target T: 30,000 inhabitants (class 20-50k), urbanisation 3, region A, rate 3.0.
const G: Gemeente[] = [
  { code: "T", population: 30_000, urbanisation: 3, region: "A", count: 90 }, // 3.0 per 1,000
  { code: "A1", population: 25_000, urbanisation: 3, region: "A", count: 50 }, // 2.0, step 1
  { code: "A2", population: 40_000, urbanisation: 3, region: "A", count: 160 }, // 4.0, step 1
  { code: "A3", population: 20_000, urbanisation: 4, region: "A", count: 100 }, // 5.0, step 2 (20k is in 20-50k)
  { code: "A4", population: 45_000, urbanisation: 2, region: "A", count: 45 }, // 1.0, step 2
  { code: "B1", population: 30_000, urbanisation: 3, region: "B", count: 180 }, // 6.0, step 3
  { code: "B2", population: 35_000, urbanisation: 5, region: "B", count: 10 }, // urbanisation 2 away: never
  { code: "A5", population: 22_000, urbanisation: 1, region: "A", count: 10 }, // urbanisation 2 away: never
  { code: "X1", population: 50_000, urbanisation: 3, region: "A", count: 10 }, // class 50-100k: never
  { code: "X2", population: 19_999, urbanisation: 3, region: "A", count: 10 }, // class 10-20k: never
];

describe("populationClass", () => {
  it("follows the CBS size classes with inclusive lower bounds", () => {
    const cases: [number, number][] = [
      [1, 0],
      [9_999, 0],
      [10_000, 1],
      [19_999, 1],
      [20_000, 2],
      [49_999, 2],
      [50_000, 3],
      [99_999, 3],
      [100_000, 4],
      [149_999, 4],
      [150_000, 5],
      [249_999, 5],
      [250_000, 6],
      [900_000, 6],
    ];
    for (const [pop, cls] of cases) assert.equal(populationClass(pop), cls, `population ${pop}`);
  });
});

describe("peers", () => {
  it("step 1 (same region, same urbanisation) when it is large enough", () => {
    // Peer rates 2, 4: mean 3, sd sqrt((1 + 1) / 1) = sqrt(2); z = 0; one peer higher -> rank 2.
    const r = peers("T", G, { minPeers: 2 });
    assert.deepEqual(r.peers, ["A1", "A2"]);
    assert.equal(r.step, 1);
    assert.equal(r.rate, 3);
    close(r.peerMean, 3, 1e-15);
    close(r.peerSd, Math.SQRT2, 1e-15);
    close(r.z, 0, 0);
    assert.equal(r.rank, 2);
  });

  it("step 2 widens to urbanisation +-1 within the region", () => {
    // Peer rates 2, 4, 5, 1: mean 3, squared deviations 1 + 1 + 4 + 4 = 10, sd sqrt(10 / 3);
    // z = 0; rates 4 and 5 higher -> rank 3.
    const r = peers("T", G, { minPeers: 4 });
    assert.deepEqual(r.peers, ["A1", "A2", "A3", "A4"]);
    assert.equal(r.step, 2);
    close(r.peerMean, 3, 1e-15);
    close(r.peerSd, Math.sqrt(10 / 3), 1e-14);
    close(r.z, 0, 0);
    assert.equal(r.rank, 3);
  });

  it("step 3 drops the region (default minPeers 5)", () => {
    // Peer rates 2, 4, 5, 1, 6: mean 18 / 5 = 3.6; squared deviations 2.56 + 0.16 + 1.96 + 6.76 + 5.76
    // = 17.2, sd sqrt(17.2 / 4) = sqrt(4.3); z = -0.6 / sqrt(4.3) = -0.2893456933; 4, 5, 6 higher -> rank 4.
    const r = peers("T", G);
    assert.deepEqual(r.peers, ["A1", "A2", "A3", "A4", "B1"]);
    assert.equal(r.step, 3);
    close(r.peerMean, 3.6, 1e-14);
    close(r.peerSd, Math.sqrt(4.3), 1e-14);
    close(r.z, -0.6 / Math.sqrt(4.3), 1e-12);
    close(r.z, -0.2893456933, 1e-9);
    assert.equal(r.rank, 4);
  });

  it("uses the step-3 set as is when even that is below minPeers", () => {
    const r = peers("T", G, { minPeers: 10 });
    assert.equal(r.step, 3);
    assert.equal(r.peers.length, 5);
  });

  it("ties share the best rank; a target above all peers is rank 1", () => {
    const g: Gemeente[] = [
      { code: "T", population: 1_000, urbanisation: 1, region: "R", count: 5 },
      { code: "P1", population: 2_000, urbanisation: 1, region: "R", count: 10 }, // 5.0, tie
      { code: "P2", population: 1_000, urbanisation: 1, region: "R", count: 7 }, // 7.0
      { code: "P3", population: 1_000, urbanisation: 1, region: "R", count: 1 }, // 1.0
    ];
    assert.equal(peers("T", g, { minPeers: 1 }).rank, 2);
    assert.equal(peers("P2", g, { minPeers: 1 }).rank, 1);
    assert.equal(peers("P3", g, { minPeers: 1 }).rank, 4);
  });

  it("no peers or one peer: null statistics; equal peer rates: z null", () => {
    const alone = peers("X1", G);
    assert.deepEqual(alone, {
      peers: [],
      step: 3,
      rank: 1,
      z: null,
      rate: 0.2,
      peerMean: null,
      peerSd: null,
    });
    const one = peers("X2", [
      ...G,
      { code: "Y", population: 15_000, urbanisation: 4, region: "C", count: 30 },
    ]);
    assert.deepEqual(one.peers, ["Y"]);
    assert.equal(one.peerMean, 2);
    assert.equal(one.peerSd, null);
    assert.equal(one.z, null);
    const flat: Gemeente[] = [
      { code: "T", population: 1_000, urbanisation: 1, region: "R", count: 5 },
      { code: "P1", population: 1_000, urbanisation: 1, region: "R", count: 2 },
      { code: "P2", population: 1_000, urbanisation: 1, region: "R", count: 2 },
    ];
    const f = peers("T", flat, { minPeers: 2 });
    assert.equal(f.peerSd, 0);
    assert.equal(f.z, null);
  });

  it("rejects a missing target and invalid input", () => {
    assert.throws(() => peers("NOPE", G), /not found/);
    assert.throws(() => peers("T", G, { minPeers: -1 }), RangeError);
    const bad = (patch: Partial<Gemeente>) => [...G, { ...G[1], code: "Z", ...patch } as Gemeente];
    assert.throws(() => peers("T", bad({ population: 0 })), RangeError);
    assert.throws(() => peers("T", bad({ urbanisation: 6 })), RangeError);
    assert.throws(() => peers("T", bad({ urbanisation: 2.5 })), RangeError);
    assert.throws(() => peers("T", bad({ count: -1 })), RangeError);
  });
});
