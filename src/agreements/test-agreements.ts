// Test support: a small world for agreement checks (the demo region's codes and users, without
// registrations), a valid agreement to change field by field, and a one-product agreement as a
// beheerder uploads it.

import { newAccount, type Organisation, type UserAccount } from "../domain/account.ts";
import type { Area, AreaSummary } from "../domain/area.ts";
import type { Role } from "../domain/roles.ts";

const area = (code: string, level: Area["level"], name: string, parent: string | null): Area => ({
  code,
  level,
  year: 2026,
  name,
  parent,
  wgs84: null,
  rd: null,
});

/** Eenheid, basisteam, two gemeenten with a wijk each. */
export const TEST_AREAS: Area[] = [
  area("RE90", "eenheid", "Nevelland", null),
  area("RE90D1", "district", "District Sperwerkerk", "RE90"),
  area("RE90B01", "basisteam", "Sperwerkerk", "RE90D1"),
  area("RE90B03", "basisteam", "Korenbloemrade-Boekweitbeek", "RE90D1"),
  area("GM9001", "gemeente", "Sperwerkerk", "RE90B01"),
  area("WK900101", "wijk", "Binnenstad", "GM9001"),
  area("GM9005", "gemeente", "Korenbloemrade", "RE90B03"),
  area("WK900501", "wijk", "Binnenstad", "GM9005"),
];

export const TEST_AREA_SUMMARIES: AreaSummary[] = TEST_AREAS.map((a) => ({
  code: a.code,
  level: a.level,
  year: a.year,
  name: a.name,
  parent: a.parent,
  population: null,
  populationYear: null,
}));

export const TEST_ORGANISATIONS: Organisation[] = [
  { id: "gemeente-sperwerkerk", name: "Gemeente Sperwerkerk", kind: "gemeente", authority: ["GM9001"] },
  { id: "gemeente-korenbloemrade", name: "Gemeente Korenbloemrade", kind: "gemeente", authority: ["GM9005"] },
  {
    id: "politie-sperwerkerk",
    name: "Politie basisteam Sperwerkerk",
    kind: "politie",
    authority: ["RE90B01"],
  },
];

const user = (
  id: string,
  role: Role,
  organisation: string | null,
  email: string | null,
  active = true,
): UserAccount => ({
  ...newAccount({
    id,
    name: id,
    organisation,
    roles: [role],
    passwordHash: null,
    createdAt: new Date("2026-01-01T00:00:00Z"),
    email,
  }),
  active,
});

export const TEST_USERS: UserAccount[] = [
  user(
    "burgemeester.sperwerkerk",
    "burgemeester",
    "gemeente-sperwerkerk",
    "burgemeester@sperwerkerk.example",
  ),
  user("wethouder.sperwerkerk", "wethouder", "gemeente-sperwerkerk", "wethouder@sperwerkerk.example"),
  user("oov.sperwerkerk", "oov-adviseur", "gemeente-sperwerkerk", null),
  user("beheer.sperwerkerk", "beheerder", "gemeente-sperwerkerk", null),
  user("oov.korenbloemrade", "oov-adviseur", "gemeente-korenbloemrade", null),
  user("teamchef.sperwerkerk", "teamchef", "politie-sperwerkerk", "teamchef@politie.example"),
  user("beheer", "beheerder", null, null),
  user("vertrokken.sperwerkerk", "burgemeester", "gemeente-sperwerkerk", null, false),
];

type JsonItem = Record<string, unknown>;
export type AgreementJson = Record<string, unknown> & { producten: [JsonItem, JsonItem, ...JsonItem[]] };

/** The fields before the products, as every test agreement has them. */
const agreementHead = (gemeente: string, evaluatieOp: string) => ({
  gemeente,
  geldigVanaf: "2026-11-01",
  evaluatieOp,
  afgesprokenMet: "Burgemeester, teamchef en officier van justitie",
  grondslag: "wpg-16-1-c",
});

/** A valid agreement for GM9001 (a fresh copy each call, to change freely). */
export function validAgreementJson(): AgreementJson {
  return {
    ...agreementHead("GM9001", "2027-11-01"),
    producten: [
      {
        product: "maandoverzicht",
        cadans: "maandelijks",
        dagVanLevering: 3,
        formaten: ["pdf", "xlsx"],
        ontvangers: ["burgemeester.sperwerkerk"],
        doel: "openbare-orde",
        kanalen: ["email"],
      },
      {
        product: "tabellenboek",
        cadans: "maandelijks",
        formaten: ["xlsx"],
        ontvangers: ["oov.sperwerkerk"],
        doel: "voorbereiding-driehoek",
        kanalen: ["map", "web"],
      },
    ],
  };
}

/** Options of `testAgreement`: what differs from its defaults. */
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
    ...agreementHead(opts.gemeente ?? "GM9001", opts.evaluatieOp ?? "2026-12-01"),
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
