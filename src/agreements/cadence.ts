// How often an agreed product is delivered (cadans) and which period each delivery covers. The
// cadences are the catalog's (CADENCES) plus "per-kwartaal", which agreements need and no product
// definition names yet. Only cadences with a fixed period can be scheduled: "tweewekelijks",
// "per-driehoeksoverleg", "drie-keer-per-jaar", "vierjaarlijks" and "op-verzoek" have none that a
// product period can express, so an agreement cannot schedule them (yet).

import { CADENCES } from "../products/product-definition.ts";
import type { PeriodKind } from "../products/product-period.ts";

export const AGREEMENT_CADENCES = [...CADENCES, "per-kwartaal"] as const;
export type AgreementCadence = (typeof AGREEMENT_CADENCES)[number];

const PERIOD_OF: Partial<Record<AgreementCadence, PeriodKind>> = {
  dagelijks: "dag",
  wekelijks: "week",
  maandelijks: "maand",
  "per-kwartaal": "kwartaal",
  halfjaarlijks: "halfjaar",
  jaarlijks: "jaar",
};

/** The period one delivery covers, or null when the cadence cannot be scheduled. */
export function periodKindOf(cadence: AgreementCadence): PeriodKind | null {
  return PERIOD_OF[cadence] ?? null;
}

/** The cadences that can be scheduled, in order. */
export const SCHEDULED_CADENCES = AGREEMENT_CADENCES.filter((c) => periodKindOf(c) !== null);

/** The scheduled cadences whose period is one of `kinds` (for a product's periods). */
export function cadencesFor(kinds: readonly PeriodKind[]): AgreementCadence[] {
  return SCHEDULED_CADENCES.filter((c) => kinds.includes(periodKindOf(c) as PeriodKind));
}
