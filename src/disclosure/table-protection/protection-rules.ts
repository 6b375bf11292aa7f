// Which protection a table gets, by sensitivity and recipient: data in config/tabelbeveiliging.json
// (default: counts 1–4 withheld for recipients outside the police; open data rounded to 5).

import { z } from "zod";
import { SENSITIVITIES, type Sensitivity } from "../../domain/sensitivity.ts";
import { DEFAULT_CONFIG_DIR, readConfigFile } from "../config-file.ts";
import type { Requester } from "../disclosure-gate.ts";
import { BREAKDOWN_KINDS, type BreakdownKind } from "./breakdown-parts.ts";

const rule = z
  .object({
    gevoeligheid: z.enum(SENSITIVITIES),
    ontvangers: z.enum(["iedereen", "politie", "niet-politie"]),
    minimum: z.number().int().min(0),
    afronden: z.number().int().min(1).optional(),
  })
  .strict();
const sexualOffences = z
  .object({
    inpCodes: z.array(z.string().min(1)).min(1),
    laagsteNiveau: z.literal("gemeente"),
    ontvangers: z.enum(["iedereen", "niet-politie"]),
    toelichting: z.string().optional(),
  })
  .strict();
const file = z
  .object({
    versie: z.string().min(1),
    toelichting: z.string().optional(),
    regels: z.array(rule),
    zeden: sexualOffences.optional(),
    onderGemeente: z
      .object({ detailsoorten: z.array(z.string().min(1)), toelichting: z.string().optional() })
      .strict()
      .optional(),
    uitsplitsingen: z
      .array(
        z
          .object({
            inpCode: z.string().min(1),
            naar: z.array(z.enum(BREAKDOWN_KINDS)).min(1),
            toelichting: z.string().optional(),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();

/** Area codes below the gemeente: wijk, buurt, postcode area. */
const BELOW_GEMEENTE = /^(WK|BU)[0-9A-Z]+$|^\d{4}$/;

export interface TableProtection {
  /** Counts 1…minimum−1 are withheld, with all that reveals them; 0 withholds nothing. */
  minimum: number;
  /** Counts rounded to a multiple of this; 1 or absent: not rounded. */
  roundTo?: number;
  /** Types (INP codes) left out altogether, totals computed without them (sexual offences below the gemeente). */
  withholdTypes?: string[];
  /**
   * Types this recipient never gets below the gemeente (wijk, buurt), whatever was asked: for
   * products that show a gemeente together with its wijken and buurten.
   */
  withholdBelow?: string[];
  /**
   * What a gemeente's family shows besides types, main groups and totals (the same for every
   * recipient, so every decision for a gemeente is made over the same table).
   */
  family?: FamilySettings;
}

/**
 * The types this recipient gets nothing of below the gemeente (wijk, buurt, and what is counted
 * from them): `withholdBelow` and `withholdTypes` together, each once, in that order.
 */
export function withheldBelow(table: TableProtection): string[] {
  return [...new Set([...(table.withholdBelow ?? []), ...(table.withholdTypes ?? [])].map((t) => t.trim()))];
}

export interface FamilySettings {
  /** Types shown per wijk and buurt as well. */
  detailTypes: string[];
  /** Gemeente types split into parts (as 12-month sums). */
  breakdowns: { inpCode: string; by: BreakdownKind[] }[];
}

export interface ProtectionRules {
  version: string;
  /**
   * The protection for this recipient, sensitivity and areas (first matching rule; none:
   * nothing), with the types to leave out when an area lies below the gemeente.
   */
  for(requester: Requester, sensitivity: Sensitivity, areas?: readonly string[]): TableProtection;
}

export function loadProtectionRules(dir: string = DEFAULT_CONFIG_DIR): ProtectionRules {
  const r = { data: readConfigFile(dir, "tabelbeveiliging.json", file).data };
  const rules = r.data.regels;
  const zeden = r.data.zeden;
  const family: FamilySettings = {
    detailTypes: r.data.onderGemeente?.detailsoorten ?? [],
    breakdowns: (r.data.uitsplitsingen ?? []).map((u) => ({ inpCode: u.inpCode, by: u.naar })),
  };
  return {
    version: r.data.versie,
    for(requester, sensitivity, areas = []) {
      const police = requester.organisation?.kind === "politie";
      const match = rules.find(
        (x) =>
          x.gevoeligheid === sensitivity &&
          (x.ontvangers === "iedereen" || (x.ontvangers === "politie") === police),
      );
      const base: TableProtection = match
        ? { minimum: match.minimum, roundTo: match.afronden, family }
        : { minimum: 0, family };
      if (!zeden || (zeden.ontvangers !== "iedereen" && police)) return base;
      const below = areas.some((a) => BELOW_GEMEENTE.test(a));
      return below
        ? { ...base, withholdTypes: zeden.inpCodes, withholdBelow: zeden.inpCodes }
        : { ...base, withholdBelow: zeden.inpCodes };
    },
  };
}
