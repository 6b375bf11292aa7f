// Who may write local knowledge for an area, and the write recorded in the verstrekkingenregister.
//
// Writers: users of a gemeente organisation whose authority covers the area (roles burgemeester,
// oov-adviseur, analist-gemeente), and police users whose organisation's authority covers it
// (teamchef, politie-analist) — "covers" by the area lineage (buurt → wijk → gemeente → basisteam
// → district → eenheid). The police write the team's section, the gemeente its own section and
// its priorities; residents' and partners' sections either of them (they pass on what they hear).
// Every saved version is recorded as kind "beheer" with the writer's own name and roles (as the
// inventory does): it is a statement people make, not a disclosure of data.

import type { Requester } from "../../disclosure/disclosure-gate.ts";
import { contentHash } from "../../disclosure/disclosure-gate.ts";
import type { AreaLineage } from "../../disclosure/policies/cedar-authorizer.ts";
import type { RegisterFields } from "../../disclosure/register/register-entry.ts";
import { AccessDenied } from "../../domain/errors.ts";
import type { Store } from "../../store/store.ts";
import {
  type LocalKnowledgeInput,
  localKnowledgeKey,
  type StoredLocalKnowledge,
  saveLocalKnowledge,
  sectionsIn,
} from "./local-knowledge.ts";

export const GEMEENTE_WRITERS = ["burgemeester", "oov-adviseur", "analist-gemeente"] as const;
export const POLICE_WRITERS = ["teamchef", "politie-analist"] as const;
/** Which side may write a section. */
const SECTION_SIDES = {
  team: ["politie"],
  bewoners: ["politie", "gemeente"],
  partners: ["politie", "gemeente"],
  gemeente: ["gemeente"],
  prioriteiten: ["gemeente"],
} as const;

/** Whether the organisation's authority covers the area (the area itself or one containing it). */
function covers(authority: readonly string[], area: string, lineage: AreaLineage): boolean {
  const up = new Set([area, ...lineage(area)]);
  return authority.some((a) => up.has(a));
}

/** Why the requester may not write these sections for the area; null when it may. */
export function writeProblem(
  requester: Requester,
  area: string,
  lineage: AreaLineage,
  input: LocalKnowledgeInput,
): string | null {
  const org = requester.organisation;
  const side = org?.kind === "gemeente" ? "gemeente" : org?.kind === "politie" ? ("politie" as const) : null;
  const roles: readonly string[] =
    side === "gemeente" ? GEMEENTE_WRITERS : side === "politie" ? POLICE_WRITERS : [];
  const who = `${requester.user}`;
  if (!org || side === null)
    return `Lokale kennis schrijven de gemeente en de politie; ${who} werkt niet voor een gemeente of de politie.`;
  if (!covers(org.authority, area, lineage))
    return `${who} werkt niet voor ${area}: het gebied valt buiten het gezagsgebied van ${org.id}.`;
  if (!requester.roles.some((r) => roles.includes(r)))
    return `${who} heeft geen rol die lokale kennis mag schrijven (${roles.join(", ")}).`;
  for (const s of sectionsIn(input)) {
    const sides: readonly string[] = SECTION_SIDES[s];
    if (!sides.includes(side))
      return s === "team"
        ? `Het deel "team" schrijft de politie; ${who} werkt voor de gemeente.`
        : `Het deel "${s}" schrijft de gemeente; ${who} werkt voor de politie.`;
  }
  return null;
}

export interface WriteDeps {
  store: Pick<Store, "documents" | "saveDocument">;
  lineage: AreaLineage;
  /** Appends an entry to the verstrekkingenregister (StoreGate.record). */
  record: (fields: RegisterFields) => void;
  now: () => Date;
}

/**
 * Saves the sections as the requester (signed with `signature` unless the file signs), recorded.
 * @throws AccessDenied when the requester may not (nothing is saved then).
 */
export async function saveLocalKnowledgeAs(
  deps: WriteDeps,
  requester: Requester,
  area: string,
  year: number,
  input: LocalKnowledgeInput,
  signature: string,
): Promise<StoredLocalKnowledge> {
  const what = `lokale-kennis:${localKnowledgeKey(area, year)}`;
  const problem = writeProblem(requester, area, deps.lineage, input);
  if (problem) throw new AccessDenied(problem, what);
  const now = deps.now();
  const saved = await saveLocalKnowledge(
    deps.store,
    area,
    year,
    input,
    { user: requester.user, signature },
    now,
  );
  deps.record({
    at: now.toISOString(),
    kind: "beheer",
    user: requester.user,
    roles: requester.roles,
    organisation: requester.organisation?.id ?? null,
    purpose: "lokale-kennis",
    legalBasis: null,
    policy: null,
    what,
    areas: [area],
    period: String(year),
    sensitivity: "aggregated",
    count: sectionsIn(input).length,
    contentHash: contentHash(saved),
  });
  return saved;
}
