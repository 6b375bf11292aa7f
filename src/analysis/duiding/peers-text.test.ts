import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Gemeente, type PeersResult, peers } from "../peers/peers.ts";
import { type DescribePeersInput, describePeers } from "./peers-text.ts";

// The expected sentences are written by hand: they are the specification of the wording
// (issue 3, "duiding"), not output copied from the code.

const base = { subject: "woninginbraken" } as const;
const codes = (n: number) => Array.from({ length: n }, (_, i) => `GM${String(i + 1).padStart(4, "0")}`);

function result(overrides: Partial<PeersResult> = {}): PeersResult {
  return { peers: codes(12), step: 1, rank: 4, z: 0.8, rate: 2.75, peerMean: 2.1, peerSd: 0.8, ...overrides };
}

const RATE = "In Utrecht waren er 2,8 woninginbraken per 1.000 inwoners.";
const SIMILAR = "met ongeveer evenveel inwoners (dezelfde inwonersklasse)";

const cases: { name: string; input: DescribePeersInput; expected: string }[] = [
  {
    name: "not clearly different, step 1",
    input: { ...base, name: "Utrecht", result: result() },
    expected:
      `${RATE} Er zijn 12 vergelijkbare gemeenten: ${SIMILAR}, even stedelijk en in dezelfde regio. ` +
      "Daar waren er gemiddeld 2,1 per 1.000 inwoners. " +
      "Utrecht staat op plaats 4 van 13 (plaats 1 is het hoogste cijfer). " +
      "Het cijfer van Utrecht is niet duidelijk anders dan bij vergelijkbare gemeenten.",
  },
  {
    name: "clearly higher at exactly z = 1.96, step 2",
    input: { ...base, name: "Utrecht", result: result({ step: 2, rank: 1, z: 1.96 }) },
    expected:
      `${RATE} Er zijn 12 vergelijkbare gemeenten: ${SIMILAR}, ongeveer even stedelijk en in dezelfde regio. ` +
      "Daar waren er gemiddeld 2,1 per 1.000 inwoners. " +
      "Utrecht staat op plaats 1 van 13 (plaats 1 is het hoogste cijfer). " +
      "Het cijfer van Utrecht is duidelijk hoger dan bij vergelijkbare gemeenten.",
  },
  {
    name: "just below 1.96 is not clear",
    input: { ...base, name: "Utrecht", result: result({ rank: 2, z: 1.9599 }) },
    expected:
      `${RATE} Er zijn 12 vergelijkbare gemeenten: ${SIMILAR}, even stedelijk en in dezelfde regio. ` +
      "Daar waren er gemiddeld 2,1 per 1.000 inwoners. " +
      "Utrecht staat op plaats 2 van 13 (plaats 1 is het hoogste cijfer). " +
      "Het cijfer van Utrecht is niet duidelijk anders dan bij vergelijkbare gemeenten.",
  },
  {
    name: "clearly lower at z = -1.96, step 3, no name",
    input: { ...base, result: result({ step: 3, rank: 13, z: -1.96, rate: 0.75, peerMean: 2.1 }) },
    expected:
      "In deze gemeente waren er 0,75 woninginbraken per 1.000 inwoners. " +
      `Er zijn 12 vergelijkbare gemeenten: ${SIMILAR}, ongeveer even stedelijk, uit het hele land. ` +
      "Daar waren er gemiddeld 2,1 per 1.000 inwoners. " +
      "Deze gemeente staat op plaats 13 van 13 (plaats 1 is het hoogste cijfer). " +
      "Het cijfer van deze gemeente is duidelijk lager dan bij vergelijkbare gemeenten.",
  },
  {
    name: "just above -1.96 is not clear",
    input: { ...base, name: "Utrecht", result: result({ rank: 12, z: -1.9599 }) },
    expected:
      `${RATE} Er zijn 12 vergelijkbare gemeenten: ${SIMILAR}, even stedelijk en in dezelfde regio. ` +
      "Daar waren er gemiddeld 2,1 per 1.000 inwoners. " +
      "Utrecht staat op plaats 12 van 13 (plaats 1 is het hoogste cijfer). " +
      "Het cijfer van Utrecht is niet duidelijk anders dan bij vergelijkbare gemeenten.",
  },
  {
    name: "few peers: a warning",
    input: { ...base, name: "Utrecht", result: result({ peers: codes(4), step: 3, rank: 2, z: 2.5 }) },
    expected:
      `${RATE} Er zijn 4 vergelijkbare gemeenten: ${SIMILAR}, ongeveer even stedelijk, uit het hele land. ` +
      "Daar waren er gemiddeld 2,1 per 1.000 inwoners. " +
      "Utrecht staat op plaats 2 van 5 (plaats 1 is het hoogste cijfer). " +
      "Het cijfer van Utrecht is duidelijk hoger dan bij vergelijkbare gemeenten. " +
      "Er zijn weinig vergelijkbare gemeenten, dus deze vergelijking is onzeker.",
  },
  {
    name: "five peers: no warning",
    input: { ...base, name: "Utrecht", result: result({ peers: codes(5), rank: 3, z: 0 }) },
    expected:
      `${RATE} Er zijn 5 vergelijkbare gemeenten: ${SIMILAR}, even stedelijk en in dezelfde regio. ` +
      "Daar waren er gemiddeld 2,1 per 1.000 inwoners. " +
      "Utrecht staat op plaats 3 van 6 (plaats 1 is het hoogste cijfer). " +
      "Het cijfer van Utrecht is niet duidelijk anders dan bij vergelijkbare gemeenten.",
  },
  {
    name: "one peer: no z, no verdict",
    input: {
      ...base,
      name: "Utrecht",
      result: result({ peers: codes(1), step: 3, rank: 1, z: null, peerMean: 1.5, peerSd: null }),
    },
    expected:
      `${RATE} Er is 1 vergelijkbare gemeente: ${SIMILAR}, ongeveer even stedelijk, uit het hele land. ` +
      "Daar waren er 1,5 per 1.000 inwoners. " +
      "Utrecht staat op plaats 1 van 2 (plaats 1 is het hoogste cijfer). " +
      "Met één gemeente is niet te zeggen of het verschil duidelijk is. " +
      "Er zijn weinig vergelijkbare gemeenten, dus deze vergelijking is onzeker.",
  },
  {
    name: "all peers the same rate: no z, no verdict",
    input: { ...base, name: "Utrecht", result: result({ rank: 1, z: null, peerMean: 2, peerSd: 0 }) },
    expected:
      `${RATE} Er zijn 12 vergelijkbare gemeenten: ${SIMILAR}, even stedelijk en in dezelfde regio. ` +
      "Daar waren er gemiddeld 2,0 per 1.000 inwoners. " +
      "Utrecht staat op plaats 1 van 13 (plaats 1 is het hoogste cijfer). " +
      "De vergelijkbare gemeenten hebben allemaal hetzelfde cijfer, dus is niet te zeggen of het verschil duidelijk is.",
  },
  {
    name: "no peers",
    input: {
      ...base,
      name: "Utrecht",
      result: result({ peers: [], step: 3, rank: 1, z: null, peerMean: null, peerSd: null }),
    },
    expected: `${RATE} Er zijn geen vergelijkbare gemeenten gevonden, dus vergelijken is niet mogelijk.`,
  },
  {
    name: "rate 0 and a tiny peer mean",
    input: { ...base, name: "Utrecht", result: result({ rate: 0, rank: 13, z: -1, peerMean: 0.0031 }) },
    expected:
      "In Utrecht waren er 0,0 woninginbraken per 1.000 inwoners. " +
      `Er zijn 12 vergelijkbare gemeenten: ${SIMILAR}, even stedelijk en in dezelfde regio. ` +
      "Daar waren er gemiddeld 0,0031 per 1.000 inwoners. " +
      "Utrecht staat op plaats 13 van 13 (plaats 1 is het hoogste cijfer). " +
      "Het cijfer van Utrecht is niet duidelijk anders dan bij vergelijkbare gemeenten.",
  },
];

describe("describePeers", () => {
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(describePeers(c.input), c.expected);
    });
  }

  it("works on real peers output", () => {
    // Target 126 in 45,000 = 2.8 per 1,000; five peers of 40,000 inhabitants with rates 2.0, 2.2, 2.1,
    // 1.9 and 2.3: mean 2.1, sd sqrt(0.1 / 4) = 0.158, z = 0.7 / 0.158 = 4.4; rank 1 of 6.
    const g = (code: string, population: number, count: number): Gemeente => ({
      code,
      population,
      urbanisation: 2,
      region: "RE01",
      count,
    });
    const gemeenten = [
      g("GM0001", 45000, 126),
      g("GM0002", 40000, 80),
      g("GM0003", 40000, 88),
      g("GM0004", 40000, 84),
      g("GM0005", 40000, 76),
      g("GM0006", 40000, 92),
    ];
    const r = peers("GM0001", gemeenten);
    assert.equal(
      describePeers({ ...base, name: "Utrecht", result: r }),
      `${RATE} Er zijn 5 vergelijkbare gemeenten: ${SIMILAR}, even stedelijk en in dezelfde regio. ` +
        "Daar waren er gemiddeld 2,1 per 1.000 inwoners. " +
        "Utrecht staat op plaats 1 van 6 (plaats 1 is het hoogste cijfer). " +
        "Het cijfer van Utrecht is duidelijk hoger dan bij vergelijkbare gemeenten.",
    );
  });

  it("says 'duidelijk' only when |z| >= 1.96 and never 'significant'", () => {
    for (const z of [-3, -1.96, -1.95, -0.5, 0, 0.5, 1.95, 1.96, 3, null]) {
      const text = describePeers({ ...base, result: result({ z }) });
      const clear = z !== null && Math.abs(z) >= 1.96;
      assert.equal(/is duidelijk (hoger|lager)/.test(text), clear, text);
      assert.doesNotMatch(text, /significant/, text);
    }
  });

  it("rejects invalid input", () => {
    const bad = (overrides: Partial<PeersResult>) => () =>
      describePeers({ ...base, result: result(overrides) });
    assert.throws(bad({ rate: Number.NaN }), RangeError);
    assert.throws(bad({ rate: -1 }), RangeError);
    assert.throws(bad({ step: 4 as 1 }), RangeError);
    assert.throws(bad({ rank: 0 }), RangeError);
    assert.throws(bad({ rank: 14 }), RangeError);
    assert.throws(bad({ rank: 2.5 }), RangeError);
    assert.throws(bad({ peerMean: null }), RangeError);
    assert.throws(bad({ peerMean: Number.NaN }), RangeError);
    assert.throws(bad({ z: Number.NaN }), RangeError);
    assert.throws(bad({ z: Number.POSITIVE_INFINITY }), RangeError);
    assert.throws(bad({ peers: [], peerMean: 2, z: null, rank: 1 }), RangeError);
    assert.throws(bad({ peers: codes(1), z: 2, rank: 1 }), RangeError);
  });
});
