// Rules for account names and roles, shared by the command line and the beheerder's pages. Each
// returns a Dutch reason, or null when the value is fine.

import type { Organisation } from "./account.ts";
import { isRole, ROLES, type Role } from "./roles.ts";

const ID = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export function accountIdProblem(value: string): string | null {
  return ID.test(value)
    ? null
    : `${value} is geen geldige naam: kleine letters, cijfers, punt, streepje of liggend streepje, 2 tot 64 tekens`;
}

/** The roles in `values`, or a reason why not. */
export function rolesOrProblem(values: readonly string[]): { roles: Role[] } | { problem: string } {
  const roles = values.map((r) => r.trim()).filter(Boolean);
  if (roles.length === 0) return { problem: "geef minstens één rol" };
  for (const r of roles) {
    if (!isRole(r)) return { problem: `onbekende rol ${r}; kies uit ${Object.keys(ROLES).join(", ")}` };
  }
  return { roles: [...new Set(roles)] as Role[] };
}

/** A role that belongs to a kind of organisation (teamchef → politie) needs such an organisation. */
export function rolesFitProblem(roles: readonly Role[], org: Organisation | undefined): string | null {
  for (const r of roles) {
    const kind = ROLES[r].organisatie;
    if (kind === null) continue;
    if (!org) return `de rol ${r} vraagt een organisatie`;
    const fits = kind === org.kind || (kind === "partner" && org.kind === "zvh");
    if (!fits) return `de rol ${r} hoort bij een organisatie van soort ${kind}, ${org.id} is ${org.kind}`;
  }
  return null;
}

/** Area codes of an area of authority: GM…, RE…, a wijk, buurt or police area code. */
const AREA_CODE = /^[A-Z]{2}[0-9A-Z]{1,10}$/;

/** The area codes in a comma-separated list, or a reason why not. */
export function authorityOrProblem(text: string): { authority: string[] } | { problem: string } {
  const authority = text
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean);
  if (authority.length === 0 || authority.some((c) => !AREA_CODE.test(c))) {
    return { problem: "geef gebiedscodes zoals GM9001 of RE90, gescheiden door komma's" };
  }
  return { authority };
}
