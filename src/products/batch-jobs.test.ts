import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Agreement, AgreementItem } from "../agreements/agreement.ts";
import { jobsForAll, jobsFromAgreements } from "./batch-jobs.ts";
import { parsePeriod } from "./product-period.ts";

const item = (over: Partial<AgreementItem>): AgreementItem => ({
  product: "maandoverzicht",
  gebied: "GM9001",
  cadans: "maandelijks",
  dagVanLevering: 1,
  formaten: ["pdf"],
  ontvangers: ["burgemeester.x"],
  doel: "openbare-orde",
  kanalen: ["email"],
  grondslag: "wpg-16-1-c",
  lokaleAfspraak: false,
  ...over,
});
const agreement = (gemeente: string, producten: AgreementItem[]): Agreement => ({
  gemeente,
  geldigVanaf: "2026-01-01",
  evaluatieOp: "2027-01-01",
  afgesprokenMet: "driehoek",
  lokaleAfspraak: false,
  producten,
});

describe("batch jobs", () => {
  it("takes the agreed products of this period kind, merging formats of the same product and area", () => {
    const jobs = jobsFromAgreements(
      [
        agreement("GM9002", [item({ gebied: "GM9002", formaten: ["xlsx"] })]),
        agreement("GM9001", [
          item({}),
          item({ formaten: ["xlsx", "pdf"], ontvangers: ["oov.x"] }),
          item({ product: "halfjaarcijfers", cadans: "halfjaarlijks" }),
          item({ product: "tabellenboek", formaten: ["xlsx"] }),
        ]),
      ],
      parsePeriod("2026-10"),
    );
    assert.deepEqual(
      jobs.map((j) => [j.gemeente, j.product, j.area, j.formats.join(",")]),
      [
        ["GM9001", "maandoverzicht", "GM9001", "pdf,xlsx"],
        ["GM9001", "tabellenboek", "GM9001", "xlsx"],
        ["GM9002", "maandoverzicht", "GM9002", "xlsx"],
      ],
    );
    assert.deepEqual(
      jobsFromAgreements(
        [agreement("GM9001", [item({ product: "halfjaarcijfers", cadans: "halfjaarlijks" })])],
        parsePeriod("2026-H1"),
      ).map((j) => j.product),
      ["halfjaarcijfers"],
    );
  });

  it("without agreements: every gemeente-level product that fits the period, for every gemeente", () => {
    const catalog = [
      { id: "a", levels: ["gemeente"] as const, periodKinds: ["maand"] as const },
      { id: "b", levels: ["eenheid"] as const, periodKinds: ["maand"] as const },
      { id: "c", levels: ["gemeente"] as const, periodKinds: ["jaar"] as const },
    ];
    const jobs = jobsForAll(catalog, ["GM2", "GM1"], parsePeriod("2026-10"), ["html"]);
    assert.deepEqual(
      jobs.map((j) => `${j.gemeente}:${j.product}`),
      ["GM1:a", "GM2:a"],
    );
  });
});
