import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ProductContext } from "../product-definition.ts";
import { parsePeriod } from "../product-period.ts";
import { per1000Paragraph } from "./population-rate.ts";

const ctx = (population: number | null, populationYear: number | null): ProductContext => ({
  area: {
    code: "GM9999",
    level: "gemeente",
    year: 2026,
    name: "Teststad",
    parent: null,
    population,
    populationYear,
  },
  period: parsePeriod("2025"),
  lastCompleteMonth: 202512,
  now: new Date("2026-01-15T08:00:00Z"),
});

describe("per 1,000 inhabitants paragraph", () => {
  it("says what is counted, the population in Dutch notation and its year", () => {
    assert.equal(
      per1000Paragraph(ctx(1_234_567, 2024), "de laatste 12 maanden"),
      "Per 1.000 inwoners: het aantal van de laatste 12 maanden gedeeld door 1.234.567 inwoners (2024), keer 1.000.",
    );
  });

  it("says 'laatst bekend' without a population year", () => {
    assert.equal(
      per1000Paragraph(ctx(48_000, null), "2025"),
      "Per 1.000 inwoners: het aantal van 2025 gedeeld door 48.000 inwoners (laatst bekend), keer 1.000.",
    );
  });

  it("explains the missing rate when the population is unknown or 0", () => {
    const none = "Het aantal inwoners is niet bekend; daarom staat er geen aantal per 1.000 inwoners.";
    assert.equal(per1000Paragraph(ctx(null, null), "het jaar"), none);
    assert.equal(per1000Paragraph(ctx(0, 2026), "het jaar"), none);
  });
});
