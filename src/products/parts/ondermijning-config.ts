// The indicators of the Integraal ondermijningsbeeld as data (config/ondermijning.json): police
// types (INP level 3, each with a theme) and the tables the gemeente and partners deliver (table,
// measure and category as delivered, per gemeente and year). Read per folder and checked.

import { z } from "zod";
import { DEFAULT_CONFIG_DIR, readConfigFile } from "../../disclosure/config-file.ts";
import { inpNode } from "../../domain/inp-tree.ts";

const inpCode = z
  .string()
  .trim()
  .refine((c) => inpNode(c, 3) !== undefined, { message: "geen INP-code van niveau 3 (soort)" });

const partner = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "een kenmerk is kleine letters, cijfers en -"),
    naam: z.string().min(1),
    leverancier: z.string().min(1),
    tabel: z.string().min(1),
    onderwerp: z.string().min(1),
    categorie: z.string().min(1).default("0.0.0"),
  })
  .strict();

const file = z
  .object({
    versie: z.string().min(1),
    toelichting: z.string().optional(),
    politie: z
      .array(z.object({ inpCode, thema: z.string().min(1) }).strict())
      .min(1)
      .refine((s) => new Set(s.map((x) => x.inpCode)).size === s.length, {
        message: "een INP-code staat er twee keer in",
      }),
    gemeenteEnPartners: z.array(partner).refine((s) => new Set(s.map((x) => x.id)).size === s.length, {
      message: "een kenmerk staat er twee keer in",
    }),
  })
  .strict();

export interface PoliceIndicator {
  inpCode: string;
  theme: string;
}

export interface PartnerIndicator {
  id: string;
  /** What is counted, in Dutch. */
  name: string;
  /** Who delivers it ("Gemeente (handhaving)", "Woningcorporaties"). */
  supplier: string;
  /** The delivered table, measure and category it is read from. */
  table: string;
  measure: string;
  category: string;
}

export interface UndermineConfig {
  version: string;
  police: readonly PoliceIndicator[];
  partners: readonly PartnerIndicator[];
}

/** Reads and checks config/ondermijning.json from `dir` (default: the shipped config/), on every call. */
export function loadUndermineConfig(dir: string = DEFAULT_CONFIG_DIR): UndermineConfig {
  const { data } = readConfigFile(dir, "ondermijning.json", file);
  return {
    version: data.versie,
    police: data.politie.map((p) => ({ inpCode: p.inpCode, theme: p.thema })),
    partners: data.gemeenteEnPartners.map((p) => ({
      id: p.id,
      name: p.naam,
      supplier: p.leverancier,
      table: p.tabel,
      measure: p.onderwerp,
      category: p.categorie,
    })),
  };
}
