// Organisations and user accounts (issue 4). Who may see what is decided by the legal bases and
// policies; these records only say who someone is, for which organisation, in which roles.

import type { OrganisationKind, Role } from "./roles.ts";

export interface Organisation {
  /** Short id, e.g. "GM9001" for a gemeente, "politie-RE90", "om-parket-noordwest". */
  id: string;
  name: string;
  kind: OrganisationKind;
  /** Area codes of its area of authority (gemeenten, police areas, or other organisations' areas). */
  authority: string[];
}

export interface UserAccount {
  /** Login name. */
  id: string;
  name: string;
  email: string | null;
  organisation: string | null;
  roles: Role[];
  /** argon2id PHC string; null when the user logs in through OpenID Connect only. */
  passwordHash: string | null;
  /** Base32 TOTP secret once the second factor is set up. */
  totpSecret: string | null;
  /** "issuer|subject" of an OpenID Connect login linked to this account. */
  oidcSubject: string | null;
  failedLogins: number;
  lockedUntil: Date | null;
  active: boolean;
  createdAt: Date;
}

/** A new, active account without second factor or identity-provider link. */
export function newAccount(a: {
  id: string;
  name: string;
  organisation: string | null;
  roles: Role[];
  passwordHash: string | null;
  createdAt: Date;
  email?: string | null;
}): UserAccount {
  return {
    ...a,
    email: a.email ?? null,
    totpSecret: null,
    oidcSubject: null,
    failedLogins: 0,
    lockedUntil: null,
    active: true,
  };
}
