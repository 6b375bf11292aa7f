// Finds the legal basis under which a request may be answered: the first one in the registry
// (the privacy officer orders them) whose recipients, purposes, sensitivity, source and
// conditions all fit. Pure; the facts about agreements, decisions and convenants are passed in.

import type { Sensitivity } from "../../domain/sensitivity.ts";
import { SENSITIVITIES, SENSITIVITY_LABELS } from "../../domain/sensitivity.ts";
import type {
  AskedPurpose,
  ConditionKind,
  DataSource,
  LegalBasis,
  LegalBasisCondition,
  LegalBasisRegistry,
} from "./legal-basis-registry.ts";

export interface LegalBasisQuestion {
  roles: string[];
  purpose: AskedPurpose;
  sensitivity: Sensitivity;
  /** Where the data comes from; default "politie". */
  source?: DataSource;
  /**
   * The data is about criminal enforcement (strafrechtelijke handhaving), not public order.
   * Unknown counts as yes: a product must say `false` to get more than aggregated data.
   */
  criminalEnforcement?: boolean;
  /** The product touches the mayor's public-order powers (e.g. a day report selected for it). */
  touchesPublicOrder?: boolean;
  /** A local information agreement (informatieafspraak) covers this for the area. */
  localAgreement?: boolean;
  /** Id of a recorded disclosure decision (police art. 19 decision or OM art. 39f decision). */
  decision?: string | null;
  /** Id of a convenant (samenwerkingsverband) the user's organisation takes part in. */
  convenant?: string | null;
}

/** Conditions that are not checked before the answer but applied to it (by the gate). */
export const OBLIGATIONS: readonly ConditionKind[] = [
  "tabelbeveiliging",
  "afronden-op-5",
  "niet-herleidbaar-tot-anderen",
  "eigen-gebied",
];

export type LegalBasisChoice =
  | { ok: true; basis: LegalBasis; obligations: ConditionKind[] }
  | { ok: false; reasons: string[] };

const level = (s: Sensitivity) => SENSITIVITIES.indexOf(s);

/**
 * The first legal basis in `registry` that covers the question; otherwise, per basis, why not (in
 * Dutch, for the message to the user and the log).
 *
 * Complexity: O(bases × conditions).
 */
export function chooseLegalBasis(registry: LegalBasisRegistry, q: LegalBasisQuestion): LegalBasisChoice {
  const reasons: string[] = [];
  for (const basis of registry.bases) {
    const why = whyNot(basis, q);
    if (why === null) {
      const obligations = basis.voorwaarden.map((v) => v.soort).filter((k) => OBLIGATIONS.includes(k));
      return { ok: true, basis, obligations };
    }
    reasons.push(`${basis.id}: ${why}`);
  }
  return { ok: false, reasons };
}

function whyNot(basis: LegalBasis, q: LegalBasisQuestion): string | null {
  const roles = basis.ontvangers.includes("*")
    ? q.roles
    : q.roles.filter((r) => basis.ontvangers.includes(r));
  if (roles.length === 0) return "geen van uw rollen is ontvanger";
  if (!basis.doelen.includes("*") && !basis.doelen.includes(q.purpose.id))
    return `niet voor doel ${q.purpose.id}`;
  if (level(q.sensitivity) > level(basis.hoogsteGevoeligheid)) {
    return `ten hoogste ${SENSITIVITY_LABELS[basis.hoogsteGevoeligheid]}, gevraagd ${SENSITIVITY_LABELS[q.sensitivity]}`;
  }
  const sources = basis.bronnen ?? ["politie"];
  const source = q.source ?? "politie";
  if (!sources.includes("*") && !sources.includes(source)) return `niet voor gegevens van bron ${source}`;
  for (const c of basis.voorwaarden) {
    const why = conditionFails(c, q, roles);
    if (why !== null) return why;
  }
  return null;
}

function conditionFails(c: LegalBasisCondition, q: LegalBasisQuestion, roles: string[]): string | null {
  if (c.vanaf !== undefined && level(q.sensitivity) < level(c.vanaf)) return null;
  switch (c.soort) {
    case "alleen-burgemeester-boven":
      if (roles.includes("burgemeester") || c.gevoeligheid === undefined) return null;
      return level(q.sensitivity) > level(c.gevoeligheid)
        ? `meer dan ${SENSITIVITY_LABELS[c.gevoeligheid]} alleen voor de burgemeester zelf`
        : null;
    case "strafrechtelijk-alleen-geaggregeerd":
      return (q.criminalEnforcement ?? true) && level(q.sensitivity) > level("aggregated")
        ? "informatie over strafrechtelijke handhaving alleen geaggregeerd"
        : null;
    case "raakt-openbare-orde":
      return q.touchesPublicOrder ? null : "alleen wat de openbare-ordebevoegdheid raakt";
    case "lokale-afspraak":
      return q.localAgreement ? null : "alleen onder een lokale informatieafspraak";
    case "casus":
      return q.purpose.id === "casus" && q.purpose.number ? null : "alleen binnen een casus";
    case "besluit":
      return q.decision ? null : "alleen met een vastgelegd verstrekkingsbesluit";
    case "convenant":
      return q.convenant ? null : "alleen binnen een samenwerkingsverband (convenant)";
    case "tabelbeveiliging":
    case "afronden-op-5":
    case "niet-herleidbaar-tot-anderen":
    case "eigen-gebied":
      return null; // applied to the answer (OBLIGATIONS), or by the access policies
  }
}
