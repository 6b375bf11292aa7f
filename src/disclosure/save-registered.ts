// Saving what a user writes for an area (a gemeente's targets, its inventory) with its register
// entry: a beheerder saves through the gate's administration (its policy decides, it registers);
// anyone else, whom the caller has already found entitled to write it, gets a "beheer" entry naming
// the user, the area and the saved content's hash. One place, so both kinds are registered alike.

import { contentHash, type Gate, type Requester } from "./disclosure-gate.ts";
import type { RegisterFields } from "./register/register-entry.ts";

export interface SaveRegisteredDeps {
  gate: Pick<Gate, "administer">;
  /** Appends an entry to the verstrekkingenregister (StoreGate.record). */
  record: (fields: RegisterFields) => void;
  now: () => Date;
}

export async function saveRegistered<T>(
  deps: SaveRegisteredDeps,
  requester: Requester,
  opts: {
    what: string;
    area: string;
    save: () => Promise<T>;
    /** What the owner's entry says (default `what`), e.g. with the saved version. */
    ownWhat?: (saved: T) => string;
    /** What the owner's entry hashes (default the saved value). */
    hashOf?: (saved: T) => unknown;
  },
): Promise<T> {
  if (requester.roles.includes("beheerder"))
    return (await deps.gate.administer({ requester, what: opts.what }, opts.save)).data;
  const saved = await opts.save();
  deps.record({
    at: deps.now().toISOString(),
    kind: "beheer",
    user: requester.user,
    roles: requester.roles,
    organisation: requester.organisation?.id ?? null,
    purpose: "beheer",
    legalBasis: null,
    policy: null,
    what: opts.ownWhat ? opts.ownWhat(saved) : opts.what,
    areas: [opts.area],
    period: null,
    sensitivity: "open",
    count: 1,
    contentHash: contentHash(opts.hashOf ? opts.hashOf(saved) : saved),
  });
  return saved;
}
