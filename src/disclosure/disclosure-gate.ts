// The one gate every read passes on its way to a person (web pages, API, exports, e-mail, CLI):
// no purpose, no data; a legal basis from the registry that covers role, purpose, sensitivity and
// conditions; an access policy that allows every area asked; the answer protected as the legal
// basis demands; and an entry in the verstrekkingenregister before the answer is returned.

import { AccessDenied } from "../domain/errors.ts";
import { SENSITIVITIES, SENSITIVITY_LABELS, type Sensitivity } from "../domain/sensitivity.ts";
import { WHOLE_COUNTRY } from "./area-lineage.ts";
import { contentHash } from "./content-hash.ts";
import { chooseLegalBasis, type LegalBasisQuestion } from "./legal-bases/choose-legal-basis.ts";
import {
  type ConditionKind,
  type DataSource,
  type LegalBasisRegistry,
  parsePurpose,
} from "./legal-bases/legal-basis-registry.ts";
import type { Authorizer, SubjectOrganisation } from "./policies/cedar-authorizer.ts";
import type { Register } from "./register/register.ts";
import type { ProtectionRules, TableProtection } from "./table-protection/protection-rules.ts";

export { contentHash };

/** Counts below this are withheld when a legal basis demands table protection. */
export const DEFAULT_MINIMUM = 5;

/** Who asks: a logged-in user, or a command run as a user (`--als`). */
export interface Requester {
  user: string;
  roles: string[];
  organisation: SubjectOrganisation | null;
  /**
   * Logged in with a second factor or through the identity provider (or a command run by the
   * server's operator). Sensitive data needs it (`strongFrom`).
   */
  strongAuth?: boolean;
}

/** Facts a legal basis's conditions may ask about (see choose-legal-basis.ts). */
export type DisclosureFacts = Pick<
  LegalBasisQuestion,
  "criminalEnforcement" | "touchesPublicOrder" | "localAgreement" | "decision" | "convenant"
>;

export interface DisclosureRequest {
  requester: Requester;
  /** Doelbinding as asked, e.g. "openbare-orde" or "casus:2026-014"; null or "" is refused. */
  purpose: string | null;
  /** Product id or query name, e.g. "maandoverzicht". */
  what: string;
  /** Area codes the answer is about; [] means the whole country. */
  areas: string[];
  period: string | null;
  sensitivity: Sensitivity;
  source?: DataSource;
  facts?: DisclosureFacts;
}

/** Obligations that change the answer itself; the gate refuses when it cannot apply them. */
export const PROTECTING_OBLIGATIONS: readonly ConditionKind[] = [
  "tabelbeveiliging",
  "afronden-op-5",
  "niet-herleidbaar-tot-anderen",
];

export interface DiscloseOptions<T, U = T> {
  /**
   * Applies the protecting obligations to the answer (table protection, rounding, removing what
   * could identify others). Required whenever the legal basis brings such an obligation.
   */
  protect?: (data: T, obligations: ConditionKind[], table: TableProtection) => T | Promise<T>;
  /**
   * Turns the protected data into the answer (e.g. a product document built from protected
   * counts); the register's count and content hash are of this answer. Default: the data itself.
   */
  present?: (data: T) => U | Promise<U>;
  /** Number of cells or records in the answer, for the register; default: array length or 1. */
  count?: (data: U) => number;
}

/** `protect` for reference data that is public already (CBS boundaries, names, population). */
export const alreadyPublic = <T>(data: T): T => data;

export interface Disclosed<T> {
  data: T;
  legalBasis: string;
  /** @id of the access policies that allowed it. */
  policies: string[];
  obligations: ConditionKind[];
  /** Sequence number of the register entry. */
  registerSeq: number;
}

export interface GateDeps {
  registry: LegalBasisRegistry;
  /** Table protection by recipient and sensitivity; none: only what legal bases demand. */
  protection?: ProtectionRules;
  /** From this sensitivity on, only a requester with a second factor gets data; none: no such rule. */
  strongFrom?: Sensitivity;
  authorizer: Authorizer;
  register: Register;
  now: () => Date;
}

export interface Gate {
  disclose<T, U = T>(
    request: DisclosureRequest,
    produce: () => Promise<T>,
    opts?: DiscloseOptions<T, U>,
  ): Promise<Disclosed<U>>;
  /**
   * Administrative information for the beheerder (deliveries, quarantine counts, users): allowed
   * by the "beheer" policy, no legal basis for content, and registered as kind "beheer".
   */
  /**
   * Whether the requester may do administration ("beheer") or read the register at all; for
   * checking before any work is done. Registers nothing: the work itself goes through `administer`.
   */
  allows(request: { requester: Requester; action: "beheer" | "lees-register" }): boolean;
  administer<T>(
    request: {
      requester: Requester;
      what: string;
      /** "lees-register" for the verstrekkingenregister itself (the FG); default "beheer". */
      action?: "beheer" | "lees-register";
    },
    produce: () => Promise<T>,
    opts?: Pick<DiscloseOptions<T>, "count">,
  ): Promise<Disclosed<T>>;
}

export function createGate(deps: GateDeps): Gate {
  return {
    async disclose<T, U>(
      request: DisclosureRequest,
      produce: () => Promise<T>,
      opts: DiscloseOptions<T, U> = {},
    ) {
      const { requester } = request;
      const purpose = parsePurposeOrDeny(deps.registry, request.purpose, request.what);
      if (
        deps.strongFrom !== undefined &&
        SENSITIVITIES.indexOf(request.sensitivity) >= SENSITIVITIES.indexOf(deps.strongFrom) &&
        !requester.strongAuth
      ) {
        throw new AccessDenied(
          `Voor ${SENSITIVITY_LABELS[request.sensitivity]} is inloggen met een tweede factor nodig.`,
          request.what,
          "tweede-factor",
        );
      }
      const choice = chooseLegalBasis(deps.registry, {
        roles: requester.roles,
        purpose,
        sensitivity: request.sensitivity,
        source: request.source,
        ...request.facts,
      });
      if (!choice.ok) {
        throw new AccessDenied(
          `Geen grondslag om ${request.what} (${SENSITIVITY_LABELS[request.sensitivity]}) te verstrekken voor doel ${purpose.id}: ` +
            choice.reasons.join("; "),
          request.what,
        );
      }
      const policies = new Set<string>();
      for (const area of request.areas.length > 0 ? request.areas : [WHOLE_COUNTRY]) {
        const decision = deps.authorizer.decide({
          action: "lees",
          subject: { id: requester.user, roles: requester.roles, organisation: requester.organisation },
          data: { what: request.what, area, sensitivity: request.sensitivity },
          purpose: purpose.id,
          legalBasis: choice.basis.id,
        });
        if (!decision.allowed) {
          throw new AccessDenied(
            `Geen toegang tot ${request.what} voor gebied ${area}: het beleid staat dit niet toe` +
              (decision.policies.length > 0 ? ` (${decision.policies.join(", ")})` : ""),
            request.what,
          );
        }
        for (const p of decision.policies) policies.add(p);
      }
      const protecting = choice.obligations.filter((o) => PROTECTING_OBLIGATIONS.includes(o));
      // Table protection by recipient and sensitivity (config/tabelbeveiliging.json), and at least
      // the default when the legal basis demands it.
      const configured = deps.protection?.for(requester, request.sensitivity, request.areas) ?? {
        minimum: 0,
      };
      const table: TableProtection = {
        minimum: Math.max(configured.minimum, protecting.includes("tabelbeveiliging") ? DEFAULT_MINIMUM : 0),
        roundTo: protecting.includes("afronden-op-5")
          ? Math.max(5, configured.roundTo ?? 1)
          : configured.roundTo,
        withholdTypes: configured.withholdTypes,
        withholdBelow: configured.withholdBelow,
        family: configured.family,
      };
      const asked = table.minimum > 1 || (table.roundTo ?? 1) > 1 || (table.withholdTypes?.length ?? 0) > 0;
      if (asked && !protecting.includes("tabelbeveiliging")) protecting.push("tabelbeveiliging");
      if (protecting.length > 0 && !opts.protect) {
        throw new AccessDenied(
          `${request.what} kan niet worden beveiligd zoals grondslag ${choice.basis.id} en de tabelbeveiliging vragen (${protecting.join(", ")})`,
          request.what,
        );
      }

      const raw = await produce();
      const safe = opts.protect && protecting.length > 0 ? await opts.protect(raw, protecting, table) : raw;
      const data = (opts.present ? await opts.present(safe) : safe) as U;
      const entry = deps.register.append({
        at: deps.now().toISOString(),
        kind: "verstrekking",
        user: requester.user,
        roles: requester.roles,
        organisation: requester.organisation?.id ?? null,
        purpose: purpose.number ? `${purpose.id}:${purpose.number}` : purpose.id,
        legalBasis: `${choice.basis.id}@${deps.registry.version}`,
        policy: [...policies].join(","),
        what: request.what,
        areas: request.areas,
        period: request.period,
        sensitivity: request.sensitivity,
        count: opts.count ? opts.count(data) : Array.isArray(data) ? data.length : 1,
        contentHash: contentHash(data),
        reference:
          [
            request.facts?.decision ? `besluit:${request.facts.decision}` : null,
            request.facts?.convenant ? `convenant:${request.facts.convenant}` : null,
          ]
            .filter(Boolean)
            .join(" ") || null,
      });
      return {
        data,
        legalBasis: choice.basis.id,
        policies: [...policies],
        obligations: choice.obligations,
        registerSeq: entry.seq,
      };
    },

    allows({ requester, action }) {
      return deps.authorizer.decide({
        action,
        subject: { id: requester.user, roles: requester.roles, organisation: requester.organisation },
      }).allowed;
    },

    async administer(request, produce, opts = {}) {
      const { requester } = request;
      const action = request.action ?? "beheer";
      const decision = deps.authorizer.decide({
        action,
        subject: { id: requester.user, roles: requester.roles, organisation: requester.organisation },
      });
      if (!decision.allowed) {
        const who = action === "beheer" ? "de beheerder" : "de functionaris gegevensbescherming";
        throw new AccessDenied(`Geen toegang tot ${request.what}: alleen voor ${who}`, request.what);
      }
      const data = await produce();
      const entry = deps.register.append({
        at: deps.now().toISOString(),
        kind: "beheer",
        user: requester.user,
        roles: requester.roles,
        organisation: requester.organisation?.id ?? null,
        purpose: action === "beheer" ? "beheer" : "toezicht",
        legalBasis: null,
        policy: decision.policies.join(","),
        what: request.what,
        areas: [],
        period: null,
        sensitivity: "open",
        count: opts.count ? opts.count(data) : Array.isArray(data) ? data.length : 1,
        contentHash: contentHash(data),
      });
      return {
        data,
        legalBasis: "beheer",
        policies: decision.policies,
        obligations: [],
        registerSeq: entry.seq,
      };
    },
  };
}

function parsePurposeOrDeny(registry: LegalBasisRegistry, purpose: string | null, what: string) {
  if (purpose === null || purpose.trim() === "") {
    throw new AccessDenied("Geen doel opgegeven: zonder doel geen gegevens. Kies een doel.", what);
  }
  try {
    return parsePurpose(registry, purpose);
  } catch (err) {
    throw new AccessDenied((err as Error).message, what);
  }
}
