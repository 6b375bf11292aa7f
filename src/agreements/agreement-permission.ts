// Who may save a gemeente's agreement: its OOV-adviseur (who sets up the local information
// agreements, DESIGN.md §1) and a beheerder, each only for a gemeente of their own organisation; a
// beheerder without an organisation (the system's) for every gemeente.
//
// Why a check here and not gate.administer: the "beheer" policy lets only the beheerder through,
// and the OOV-adviseur is the one who writes agreements. The check is a plain rule over the
// account (roles, organisation's area); the change itself is written to the
// verstrekkingenregister as a "beheer" entry (policy "afspraak-beheer"), so the FG sees who
// changed which agreement and when.

import type { Organisation, UserAccount } from "../domain/account.ts";

/** The rule's name in the register. */
export const AGREEMENT_POLICY = "afspraak-beheer";

/** Null when allowed; otherwise why not, in Dutch. */
export function agreementPermissionProblem(
  user: UserAccount,
  organisation: Organisation | undefined,
  gemeente: string,
): string | null {
  if (!user.active) return `Gebruiker ${user.id} is geblokkeerd.`;
  const ownGemeente = organisation?.kind === "gemeente" && organisation.authority.includes(gemeente);
  if (user.roles.includes("beheerder") && (user.organisation === null || ownGemeente)) return null;
  if (user.roles.includes("oov-adviseur") && ownGemeente) return null;
  return (
    `${user.id} mag de informatieafspraak van ${gemeente} niet bewaren: ` +
    "dat mag alleen de adviseur openbare orde en veiligheid of de beheerder van die gemeente."
  );
}
