// Test support: an informatieafspraak as a beheerder uploads it (JSON, see docs/producten.md), with
// one product (the maandoverzicht, monthly, as PDF on the web) unless told otherwise.

export interface TestAgreementOptions {
  gemeente?: string;
  evaluatieOp?: string;
  /** Users the maandoverzicht goes to. */
  ontvangers?: string[];
  /** Any other field, as it is written in the JSON. */
  extra?: Record<string, unknown>;
}

export function testAgreement(opts: TestAgreementOptions = {}) {
  return {
    gemeente: opts.gemeente ?? "GM9001",
    geldigVanaf: "2026-11-01",
    evaluatieOp: opts.evaluatieOp ?? "2026-12-01",
    afgesprokenMet: "Burgemeester, teamchef en officier van justitie",
    grondslag: "wpg-16-1-c",
    producten: [
      {
        product: "maandoverzicht",
        cadans: "maandelijks",
        dagVanLevering: 3,
        formaten: ["pdf"],
        ontvangers: opts.ontvangers ?? ["bm.voorbeeldstad"],
        doel: "openbare-orde",
        kanalen: ["web"],
      },
    ],
    ...opts.extra,
  };
}
