// The one gate every read passes on its way to a person: web pages, API, exports, e-mail and CLI.
// Issue 2 allows everything; issue 4 adds legal bases, purpose binding, policies and the register
// here, behind this same signature, so callers do not change.

import type { Sensitivity } from "../domain/sensitivity.ts";

/** Who asks. Until logins exist (issue 4) the demo and the CLI ask as an anonymous local user. */
export interface Requester {
  user: string;
  roles: string[];
  organisation: string | null;
}

export interface DisclosureRequest {
  requester: Requester;
  /** Doelbinding: the purpose the data is asked for, e.g. "openbare-orde". */
  purpose: string | null;
  /** Product id or query name, e.g. "maandcijfers". */
  what: string;
  areas: string[];
  period: string | null;
  sensitivity: Sensitivity;
}

export interface Disclosed<T> {
  data: T;
  /** Which rule let it through; issue 4 names the Cedar policy and legal basis here. */
  allowedBy: string;
}

export interface GateEffects {
  /** Called for every disclosure; issue 4 writes the register entry here. */
  record?(request: DisclosureRequest, allowedBy: string): Promise<void>;
}

export const LOCAL_REQUESTER: Requester = { user: "lokaal", roles: [], organisation: null };

/** Runs `produce` when the request may be answered, and returns its result. */
export async function disclose<T>(
  request: DisclosureRequest,
  produce: () => Promise<T>,
  effects: GateEffects = {},
): Promise<Disclosed<T>> {
  const allowedBy = "voorlopig: alles toegestaan (issue 4 voegt beleid en register toe)";
  const data = await produce();
  await effects.record?.(request, allowedBy);
  return { data, allowedBy };
}
