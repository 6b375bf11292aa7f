// Retention terms per data category, as data (config/bewaartermijnen.json): how long registrations,
// their older versions and quarantined lines are kept. Local configuration for the controller and
// the privacy officer, not law text.

import { z } from "zod";
import { DEFAULT_CONFIG_DIR, readConfigFile } from "./config-file.ts";

export const RETENTION_CATEGORIES = ["registraties", "registratiegeschiedenis", "quarantaine"] as const;
export type RetentionCategory = (typeof RETENTION_CATEGORIES)[number];

const file = z
  .object({
    versie: z.string().min(1),
    toelichting: z.string().optional(),
    termijnen: z.array(
      z
        .object({
          categorie: z.enum(RETENTION_CATEGORIES),
          maanden: z.number().int().min(1),
          toelichting: z.string().optional(),
        })
        .strict(),
    ),
  })
  .strict();

export interface RetentionTerms {
  version: string;
  months: Partial<Record<RetentionCategory, number>>;
}

export function loadRetentionTerms(dir: string = DEFAULT_CONFIG_DIR): RetentionTerms {
  const r = { data: readConfigFile(dir, "bewaartermijnen.json", file).data };
  const months: Partial<Record<RetentionCategory, number>> = {};
  for (const t of r.data.termijnen) months[t.categorie] = t.maanden;
  return { version: r.data.versie, months };
}

/** The moment `months` calendar months before `now` (UTC); data from before it has expired. */
export function cutoff(now: Date, months: number): Date {
  const total = now.getUTCFullYear() * 12 + now.getUTCMonth() - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  // 31 March minus one month is 28 (or 29) February, not 3 March.
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const d = new Date(now.getTime());
  d.setUTCFullYear(year, month, Math.min(now.getUTCDate(), lastDay));
  return d;
}
