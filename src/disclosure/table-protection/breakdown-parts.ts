// The parts a registration falls in when a type is split (tabelbeveiliging.json "uitsplitsingen"):
// attempt or not, part of the day and weekday (local time), and the way of working as delivered.

import type { Registration } from "../../domain/registration.ts";

export const BREAKDOWN_KINDS = ["poging", "dagdeel", "weekdag", "werkwijze"] as const;
export type BreakdownKind = (typeof BREAKDOWN_KINDS)[number];

/** Parts of the day, by local hour: 0–5, 6–11, 12–17, 18–23. */
export const DAY_PARTS = ["nacht", "ochtend", "middag", "avond"] as const;
export const WEEKDAYS = [
  "maandag",
  "dinsdag",
  "woensdag",
  "donderdag",
  "vrijdag",
  "zaterdag",
  "zondag",
] as const;

/** The part of split `kind` this registration falls in; null when unknown (it then counts in no part). */
export function partOf(
  r: Pick<Registration, "attempt" | "local" | "modusOperandi">,
  kind: BreakdownKind,
): string | null {
  switch (kind) {
    case "poging":
      return r.attempt ? "poging" : "gelukt";
    case "dagdeel":
      return DAY_PARTS[Math.floor(r.local.hour / 6)] ?? null;
    case "weekdag":
      return WEEKDAYS[r.local.weekday - 1] ?? null;
    case "werkwijze":
      return r.modusOperandi?.trim() ? r.modusOperandi.trim().toLowerCase() : null;
  }
}

/** Monthly counts per part of each split, from the registrations of the split type. */
export function breakdownCounts(
  regs: readonly Pick<Registration, "attempt" | "local" | "modusOperandi" | "inpCode">[],
  inpCode: string,
  kind: BreakdownKind,
): { part: string; month: number; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of regs) {
    if (r.inpCode?.trim() !== inpCode) continue;
    const part = partOf(r, kind);
    if (part === null) continue;
    const key = `${part}\u0000${r.local.month}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => {
    const [part, month] = key.split("\u0000") as [string, string];
    return { part, month: Number(month), count };
  });
}
