import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Agreement } from "./agreement.ts";
import { dueEvaluations, evaluationText } from "./evaluations.ts";

const agreement = (gemeente: string, evaluatieOp: string): Agreement => ({
  gemeente,
  geldigVanaf: "2025-01-01",
  evaluatieOp,
  afgesprokenMet: "driehoek",
  lokaleAfspraak: false,
  producten: [],
});

describe("dueEvaluations", () => {
  const all = [
    agreement("GM9001", "2026-11-01"),
    agreement("GM9002", "2026-12-05"),
    agreement("GM9003", "2026-12-06"),
    agreement("GM9004", "2027-06-01"),
    agreement("GM9005", "2026-11-05"),
  ];

  it("names the passed evaluations, and those within 30 days as a warning", () => {
    const due = dueEvaluations(all, new Date("2026-11-05T09:00:00Z"));
    assert.deepEqual(
      due.map((e) => [e.gemeente, e.status, e.dagen, evaluationText(e)]),
      [
        ["GM9001", "verlopen", -4, "4 dagen geleden"],
        ["GM9005", "verlopen", 0, "vandaag"],
        ["GM9002", "binnenkort", 30, "over 30 dagen"],
      ],
    );
  });

  it("follows the injected clock in Dutch local time", () => {
    // 23:30 UTC on 4 November is already 5 November in Amsterdam.
    assert.deepEqual(
      dueEvaluations([agreement("GM9005", "2026-11-05")], new Date("2026-11-04T23:30:00Z")).map(
        (e) => e.status,
      ),
      ["verlopen"],
    );
    assert.deepEqual(
      dueEvaluations([agreement("GM9005", "2026-11-05")], new Date("2026-11-04T22:30:00Z")).map(
        (e) => e.dagen,
      ),
      [1],
    );
    assert.deepEqual(dueEvaluations(all, new Date("2026-09-01T09:00:00Z")), []);
    assert.equal(dueEvaluations(all, new Date("2027-07-01T09:00:00Z")).length, 5);
  });
});
