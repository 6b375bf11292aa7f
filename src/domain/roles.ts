// The roles a user can have (issue 4), with the kind of organisation each belongs to. Roles are a
// fixed vocabulary because the policies (policies/*.cedar) and legal bases (config/grondslagen.json)
// name them; what each role may see is decided there, not here.

export const ROLES = {
  burgemeester: { naam: "Burgemeester", organisatie: "gemeente" },
  wethouder: { naam: "Wethouder", organisatie: "gemeente" },
  "oov-adviseur": { naam: "Adviseur openbare orde en veiligheid", organisatie: "gemeente" },
  "analist-gemeente": { naam: "Analist gemeente", organisatie: "gemeente" },
  teamchef: { naam: "Teamchef politie", organisatie: "politie" },
  districtschef: { naam: "Districtschef politie", organisatie: "politie" },
  "politie-analist": { naam: "Analist politie", organisatie: "politie" },
  "officier-van-justitie": { naam: "Officier van justitie", organisatie: "om" },
  "riec-analist": { naam: "Analist RIEC", organisatie: "riec" },
  partner: { naam: "Partner", organisatie: "partner" },
  fg: { naam: "Functionaris gegevensbescherming", organisatie: null },
  beheerder: { naam: "Beheerder", organisatie: null },
} as const satisfies Record<string, { naam: string; organisatie: OrganisationKind | null }>;

export type Role = keyof typeof ROLES;
export const ROLE_IDS = Object.keys(ROLES) as Role[];

/** Kinds of organisation; police organisations are a unit, district or basisteam. */
export const ORGANISATION_KINDS = ["gemeente", "politie", "om", "riec", "zvh", "partner"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export function isRole(value: string): value is Role {
  return Object.hasOwn(ROLES, value);
}

/** Whether one of the roles belongs to the police (the processor of the police's own data). */
export function hasPoliceRole(roles: readonly string[]): boolean {
  return roles.some((r) => isRole(r) && ROLES[r].organisatie === "politie");
}
