// Users for the demo: every role in two gemeenten (the two largest of the demo region), with the
// organisations they work for and their areas of authority. One generated password for all demo
// users, kept next to the demo database (owner-only) so each start can print the logins.

import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { newAccount, type Organisation, type UserAccount } from "../domain/account.ts";
import type { AreaSummary } from "../domain/area.ts";
import type { Role } from "../domain/roles.ts";

export interface DemoAccountPlan {
  organisations: Organisation[];
  users: { id: string; name: string; roles: Role[]; organisation: string | null }[];
}

/** Lower-case ASCII without spaces: "Aa en Hunze" → "aa-en-hunze". */
export function slug(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * Organisations and users for the two largest gemeenten (by population, then code) of the newest
 * boundary year. Police organisations follow the areas' parents (gemeente → basisteam → district →
 * eenheid); the OM parket and the RIEC cover the whole unit; a housing corporation each gemeente.
 */
export function planDemoAccounts(areas: readonly AreaSummary[]): DemoAccountPlan {
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const year = Math.max(...areas.filter((a) => a.level === "gemeente").map((a) => a.year));
  const gemeenten = areas
    .filter((a) => a.level === "gemeente" && a.year === year)
    .sort((a, b) => (b.population ?? 0) - (a.population ?? 0) || a.code.localeCompare(b.code))
    .slice(0, 2);
  const up = (code: string | null | undefined, level: string): AreaSummary | undefined => {
    let a = code ? byCode.get(code) : undefined;
    while (a && a.level !== level) a = a.parent ? byCode.get(a.parent) : undefined;
    return a;
  };
  const orgs = new Map<string, Organisation>();
  const org = (o: Organisation) => {
    if (!orgs.has(o.id)) orgs.set(o.id, o);
    return o.id;
  };
  const users: DemoAccountPlan["users"] = [];
  for (const g of gemeenten) {
    const s = slug(g.name);
    const basisteam = up(g.parent, "basisteam");
    const district = up(g.parent, "district");
    const eenheid = up(g.parent, "eenheid");
    const unit = eenheid?.code ?? g.code;
    const gm = org({
      id: slug(`gemeente ${g.name}`),
      name: `Gemeente ${g.name}`,
      kind: "gemeente",
      authority: [g.code],
    });
    const bt = org({
      id: slug(`politie ${basisteam?.name ?? g.name}`),
      name: `Politie basisteam ${basisteam?.name ?? g.name}`,
      kind: "politie",
      authority: [basisteam?.code ?? g.code],
    });
    const dt = org({
      id: slug(`politie district ${district?.name ?? unit}`),
      name: `Politie district ${district?.name ?? unit}`,
      kind: "politie",
      authority: [district?.code ?? unit],
    });
    const om = org({
      id: slug(`om ${eenheid?.name ?? unit}`),
      name: `Openbaar Ministerie, parket ${eenheid?.name ?? unit}`,
      kind: "om",
      authority: [unit],
    });
    const riec = org({
      id: slug(`riec ${eenheid?.name ?? unit}`),
      name: `RIEC ${eenheid?.name ?? unit}`,
      kind: "riec",
      authority: [unit],
    });
    const partner = org({
      id: slug(`woonstichting ${g.name}`),
      name: `Woonstichting ${g.name}`,
      kind: "partner",
      authority: [g.code],
    });
    const add = (prefix: string, role: Role, organisation: string | null, title: string) =>
      users.push({ id: `${prefix}.${s}`, name: `${title} (${g.name})`, roles: [role], organisation });
    add("burgemeester", "burgemeester", gm, "Burgemeester");
    add("wethouder", "wethouder", gm, "Wethouder");
    add("oov", "oov-adviseur", gm, "Adviseur openbare orde en veiligheid");
    add("analist", "analist-gemeente", gm, "Analist gemeente");
    add("fg", "fg", gm, "Functionaris gegevensbescherming");
    add("beheer", "beheerder", gm, "Beheerder");
    add("teamchef", "teamchef", bt, "Teamchef");
    add("districtschef", "districtschef", dt, "Districtschef");
    add("politieanalist", "politie-analist", bt, "Analist politie");
    add("ovj", "officier-van-justitie", om, "Officier van justitie");
    add("riec", "riec-analist", riec, "Analist RIEC");
    add("partner", "partner", partner, "Medewerker woonstichting");
  }
  return { organisations: [...orgs.values()], users };
}

/** The demo users as accounts, all with the same password hash. */
export function demoUserAccounts(plan: DemoAccountPlan, passwordHash: string, now: Date): UserAccount[] {
  return plan.users.map((u) => newAccount({ ...u, passwordHash, createdAt: now }));
}

/** Writes the demo password (owner-only) or reads it back. */
export function saveDemoPassword(file: string, password: string): void {
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}

export function readDemoPassword(file: string): string | null {
  return existsSync(file) ? readFileSync(file, "utf8").trim() : null;
}
